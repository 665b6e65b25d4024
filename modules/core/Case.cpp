#include "core/Case.h"

#include "core/JsonFields.h"
#include "core/Uuid.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <limits>

namespace casedesk {

namespace {
constexpr json::EnumKey<Priority> priorityKeys[] = {
    {Priority::Low, "low"},
    {Priority::Normal, "normal"},
    {Priority::High, "high"},
    {Priority::Urgent, "urgent"},
};
} // namespace

QString priorityToString(Priority priority)
{
    return json::enumToString(priorityKeys, priority);
}

bool priorityFromString(const QString &text, Priority *priority)
{
    return json::enumFromString(priorityKeys, text, priority);
}

QString Case::displayAktenzeichen() const
{
    if (!aktenzeichen.isNull())
        return aktenzeichen.toString();
    // The id's leading hex digits are its timestamp, so this label is stable and differs between cases.
    return QCoreApplication::translate("Core", "provisional %1").arg(uuidToString(id).left(8).toUpper());
}

QJsonObject Case::toJson() const
{
    QJsonObject json;
    json::putUuid(json, QLatin1String("id"), id);
    json::putString(json, QLatin1String("aktenzeichen"), aktenzeichen.toString());
    json::putString(json, QLatin1String("caseType"), caseType);
    json::putString(json, QLatin1String("title"), title);
    json.insert(QLatin1String("applicant"), applicant.toJson());
    json::putUuid(json, QLatin1String("teamId"), teamId);
    json::putUuid(json, QLatin1String("assigneeId"), assigneeId);
    if (!consultingTeamIds.isEmpty()) {
        QJsonArray teams;
        for (const QUuid &team : consultingTeamIds)
            teams.append(uuidToString(team));
        json.insert(QLatin1String("consultingTeams"), teams);
    }
    json.insert(QLatin1String("priority"), priorityToString(priority));
    json::putDate(json, QLatin1String("receivedDate"), receivedDate);
    json::putDate(json, QLatin1String("statutoryDeadline"), statutoryDeadline);
    json::putDate(json, QLatin1String("followUpDate"), followUpDate);
    if (!workflowState.isEmpty())
        json.insert(QLatin1String("workflowState"), workflowState);
    json::putString(json, QLatin1String("statusText"), statusText);
    json.insert(QLatin1String("closed"), closed);
    json.insert(QLatin1String("formData"), formData);
    json.insert(QLatin1String("formVersion"), formVersion);
    json.insert(QLatin1String("processVersion"), processVersion);
    json.insert(QLatin1String("version"), version);
    json::putDateTime(json, QLatin1String("createdAt"), createdAt);
    json::putDateTime(json, QLatin1String("updatedAt"), updatedAt);
    return json;
}

Result<Case> Case::fromJson(const QJsonObject &object)
{
    json::Reader reader(object);
    Case result;
    result.id = reader.requiredUuid(QLatin1String("id"));
    const QString aktenzeichenText = reader.optionalString(QLatin1String("aktenzeichen"));
    if (!aktenzeichenText.isEmpty()) {
        Result<Aktenzeichen> parsed = Aktenzeichen::parse(aktenzeichenText);
        if (parsed)
            result.aktenzeichen = parsed.value();
        else
            reader.fail(
                QStringLiteral("aktenzeichen"),
                QCoreApplication::translate("Core", "The field “%1” must be a file number like 32.10-000123/2026."));
    }
    result.caseType = reader.optionalString(QLatin1String("caseType"));
    result.title = reader.optionalString(QLatin1String("title"));
    result.applicant = reader.optionalNested<Party>(QLatin1String("applicant"));
    result.teamId = reader.optionalUuid(QLatin1String("teamId"));
    result.assigneeId = reader.optionalUuid(QLatin1String("assigneeId"));
    result.consultingTeamIds = reader.optionalUuidList(QLatin1String("consultingTeams"));
    result.priority = reader.optionalEnum(QLatin1String("priority"), &priorityFromString, Priority::Normal);
    result.receivedDate = reader.optionalDate(QLatin1String("receivedDate"));
    result.statutoryDeadline = reader.optionalDate(QLatin1String("statutoryDeadline"));
    result.followUpDate = reader.optionalDate(QLatin1String("followUpDate"));
    result.workflowState = reader.optionalObject(QLatin1String("workflowState"));
    result.statusText = reader.optionalString(QLatin1String("statusText"));
    result.closed = reader.optionalBool(QLatin1String("closed"), false);
    result.formData = reader.optionalObject(QLatin1String("formData"));
    result.formVersion =
        static_cast<int>(reader.optionalInteger(QLatin1String("formVersion"), 0, std::numeric_limits<int>::max(), 0));
    result.processVersion = static_cast<int>(
        reader.optionalInteger(QLatin1String("processVersion"), 0, std::numeric_limits<int>::max(), 0));
    result.version = reader.optionalInteger(QLatin1String("version"), 0, std::numeric_limits<qint64>::max(), 0);
    result.createdAt = reader.optionalDateTime(QLatin1String("createdAt"));
    result.updatedAt = reader.optionalDateTime(QLatin1String("updatedAt"));
    if (!reader.ok())
        return reader.error();
    return result;
}

} // namespace casedesk
