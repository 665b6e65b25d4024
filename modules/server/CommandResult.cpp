#include "server/CommandResult.h"

#include "core/Uuid.h"

namespace casedesk::server {

CommandResult CommandResult::applied(qint64 caseVersion)
{
    CommandResult result;
    result.outcome = Outcome::Applied;
    result.caseVersion = caseVersion;
    return result;
}

CommandResult CommandResult::rejected(const QString &code, const QString &message)
{
    CommandResult result;
    result.outcome = Outcome::Rejected;
    result.code = code;
    result.message = message;
    return result;
}

CommandResult CommandResult::conflict(const QString &code, const QString &message, const QJsonObject &conflicts)
{
    CommandResult result;
    result.outcome = Outcome::Conflict;
    result.code = code;
    result.message = message;
    result.conflicts = conflicts;
    return result;
}

QString CommandResult::outcomeToString(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Applied:
        return QStringLiteral("applied");
    case Outcome::Rejected:
        return QStringLiteral("rejected");
    case Outcome::Conflict:
        return QStringLiteral("conflict");
    }
    return QStringLiteral("rejected");
}

QJsonObject CommandResult::detailJson() const
{
    QJsonObject detail;
    if (caseVersion > 0)
        detail.insert(QStringLiteral("caseVersion"), caseVersion);
    if (!code.isEmpty())
        detail.insert(QStringLiteral("code"), code);
    if (!message.isEmpty())
        detail.insert(QStringLiteral("message"), message);
    if (!conflicts.isEmpty())
        detail.insert(QStringLiteral("conflicts"), conflicts);
    return detail;
}

CommandResult CommandResult::fromStored(const QUuid &commandId, qint64 clientSeq, const QString &outcome,
                                        const QJsonObject &detail)
{
    CommandResult result;
    result.commandId = commandId;
    result.clientSeq = clientSeq;
    result.outcome = outcome == QLatin1String("applied")    ? Outcome::Applied
                     : outcome == QLatin1String("conflict") ? Outcome::Conflict
                                                            : Outcome::Rejected;
    result.caseVersion = detail.value(QStringLiteral("caseVersion")).toInteger();
    result.code = detail.value(QStringLiteral("code")).toString();
    result.message = detail.value(QStringLiteral("message")).toString();
    result.conflicts = detail.value(QStringLiteral("conflicts")).toObject();
    return result;
}

QJsonObject CommandResult::toJson() const
{
    QJsonObject json = detailJson();
    json.insert(QStringLiteral("commandId"), uuidToString(commandId));
    json.insert(QStringLiteral("clientSeq"), clientSeq);
    json.insert(QStringLiteral("result"), outcomeToString(outcome));
    return json;
}

} // namespace casedesk::server
