#include "core/User.h"

#include "core/JsonFields.h"
#include "core/Uuid.h"

#include <QJsonArray>

namespace casedesk {

QJsonObject User::toJson() const
{
    QJsonArray roleArray;
    for (Role role : roles)
        roleArray.append(roleToString(role));
    QJsonArray teamArray;
    for (const QUuid &teamId : teamIds)
        teamArray.append(uuidToString(teamId));

    QJsonObject json;
    json::putUuid(json, QLatin1String("id"), id);
    json.insert(QLatin1String("login"), login);
    json.insert(QLatin1String("displayName"), displayName);
    json.insert(QLatin1String("roles"), roleArray);
    json.insert(QLatin1String("teamIds"), teamArray);
    json.insert(QLatin1String("active"), active);
    return json;
}

Result<User> User::fromJson(const QJsonObject &object)
{
    json::Reader reader(object);
    User user;
    user.id = reader.requiredUuid(QLatin1String("id"));
    user.login = reader.requiredString(QLatin1String("login"));
    user.displayName = reader.optionalString(QLatin1String("displayName"));
    user.roles = reader.optionalEnumList(QLatin1String("roles"), &roleFromString);
    user.teamIds = reader.optionalUuidList(QLatin1String("teamIds"));
    user.active = reader.optionalBool(QLatin1String("active"), true);
    if (!reader.ok())
        return reader.error();
    return user;
}

} // namespace casedesk
