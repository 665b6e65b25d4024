// The append-only audit log (issue 5, "Commands and changes"): every applied command with its actor, the
// server's time and the SHA-256 of the command's canonical JSON, hash-chained per case:
//   row_hash = SHA-256(previous_hash | payload_hash | case id | actor id | at)
// where previous_hash is the row_hash of the case's previous row (none for its first). verify() recomputes
// every chain, so an edited row, a deleted row (a broken link) and a cut tail (fewer rows than the case's
// version, or an applied command without its row) are found. Deleting a case's whole history together with
// its commands and case row leaves every chain intact: the periodic global checkpoints (AuditCheckpoint)
// find that.
#pragma once

#include "core/Command.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

namespace casedesk::server {

struct AuditProblem {
    enum class Kind {
        Edited,     // a row's hashes do not match its contents or its command
        BrokenLink, // previous_hash is not the row before it: a row was deleted or inserted
        Truncated,  // the case's chain is shorter than its history: rows at its end are gone
    };
    Kind kind = Kind::Edited;
    QUuid caseId;
    qint64 rowId = 0; // 0 when no single row is to blame (Truncated)
    QString description;

    static QString kindToString(Kind kind); // "edited", "broken link", "truncated"
};

struct AuditReport {
    qint64 rowsChecked = 0;
    QList<AuditProblem> problems; // empty when the log is intact
};

class AuditLog {
public:
    explicit AuditLog(QSqlDatabase db);

    static QByteArray payloadHash(const Command &command);
    static QByteArray rowHash(const QByteArray &previousHash, const QByteArray &payloadHash, const QUuid &caseId,
                              const QUuid &actorId, const QString &at);

    // One row of a case's chain as an INSERT, alone or as a part of a WITH, with the placeholders of
    // commandRowValues(). It reads the chain's head, so it must run in a statement after the one that locked the
    // chain: under READ COMMITTED a statement sees what the lock's previous holder committed. A case's chain is
    // written under its case's row lock (commands and timers lock the case first) or by the transaction that
    // inserts the case; append() takes a lock of the chain itself besides, for rows without a case (setDeputy).
    static QString rowSql();
    static QList<std::pair<QString, QVariant>> commandRowValues(const Command &command, const QUuid &actorId,
                                                                const QDateTime &at);

    // Appends the command's row to its case's chain, inside the caller's transaction; the chain is locked
    // until the transaction ends, so rows of one case never race. `at` is the server's time.
    Result<void> append(const Command &command, const QUuid &actorId, const QDateTime &at);
    // The same for what the server does by itself (a timer fired): no command, no actor; `event` describes it.
    Result<void> appendServerEvent(const QUuid &caseId, const QJsonObject &event, const QDateTime &at);

    // Recomputes every chain and checks it against the cases' versions and the applied commands.
    Result<AuditReport> verify() const;

private:
    static QList<std::pair<QString, QVariant>> rowValues(const QUuid &caseId, const QUuid &commandId,
                                                         const QUuid &actorId, const QByteArray &payload,
                                                         const QDateTime &at);
    Result<void> appendRow(const QUuid &caseId, const QUuid &commandId, const QUuid &actorId, const QByteArray &payload,
                           const QDateTime &at);

    QSqlDatabase m_db;
};

} // namespace casedesk::server
