#include "core/Team.h"

#include "core/Aktenzeichen.h"
#include "core/JsonFields.h"

#include <QCoreApplication>

namespace casedesk {

QJsonObject Team::toJson() const
{
    QJsonObject json;
    json::putUuid(json, QLatin1String("id"), id);
    json.insert(QLatin1String("code"), code);
    json.insert(QLatin1String("name"), name);
    json::putString(json, QLatin1String("filePlanCode"), filePlanCode);
    return json;
}

Result<Team> Team::fromJson(const QJsonObject &object)
{
    json::Reader reader(object);
    Team team;
    team.id = reader.requiredUuid(QLatin1String("id"));
    team.code = reader.optionalString(QLatin1String("code"));
    team.name = reader.optionalString(QLatin1String("name"));
    team.filePlanCode = reader.optionalString(QLatin1String("filePlanCode"));
    // The team's cases get Aktenzeichen with this code, so it must be one an Aktenzeichen accepts.
    if (reader.ok() && !team.filePlanCode.isEmpty() && !Aktenzeichen::isValidFilePlanCode(team.filePlanCode))
        reader.fail(QStringLiteral("filePlanCode"),
                    QCoreApplication::translate("Core", "The field “%1” must be a file plan code like 32.10."));
    if (!reader.ok())
        return reader.error();
    return team;
}

} // namespace casedesk
