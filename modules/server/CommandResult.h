// The result of one pushed command (DESIGN.md, "Commands (v1)"): applied with the new case version, rejected
// for good with a machine-readable code, or a conflict naming the server's values. Stored with the command
// (commands.result and result_detail) and answered again, unchanged, when the command is pushed again.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace casedesk::server {

struct CommandResult {
    enum class Outcome { Applied, Rejected, Conflict };

    QUuid commandId;
    qint64 clientSeq = 0;
    Outcome outcome = Outcome::Rejected;
    qint64 caseVersion = 0; // applied: the case's version after the command; 0 for commands on no case
    QString code;           // rejected, conflict: "not_found", "forbidden", "invalid_form", "conflict", ...
    QString message;        // English, says what to do
    QJsonObject conflicts;  // conflict: {field: {"server": value}} or {"assignee": {"server": uuid|""}}

    static CommandResult applied(qint64 caseVersion);
    static CommandResult rejected(const QString &code, const QString &message);
    static CommandResult conflict(const QString &code, const QString &message, const QJsonObject &conflicts);

    static QString outcomeToString(Outcome outcome); // "applied", "rejected", "conflict"
    // commands.result_detail: everything but the id, sequence and outcome, which have their own columns.
    QJsonObject detailJson() const;
    static CommandResult fromStored(const QUuid &commandId, qint64 clientSeq, const QString &outcome,
                                    const QJsonObject &detail);
    // One entry of the push reply: {commandId, clientSeq, result, caseVersion?, code?, message?, conflicts?}.
    QJsonObject toJson() const;
};

} // namespace casedesk::server
