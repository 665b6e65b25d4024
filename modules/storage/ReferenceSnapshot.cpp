#include "storage/ReferenceSnapshot.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace casedesk::storage {

namespace {

Error malformed(const QString &detail)
{
    return makeError(ErrorCode::Invalid,
                     QCoreApplication::translate("Storage", "The server sent reference data this version cannot "
                                                            "read."),
                     detail);
}

template <typename T> Result<QList<T>> readList(const QJsonValue &value, const QString &key)
{
    if (!value.isArray())
        return malformed(key + QStringLiteral(" is not an array"));
    QList<T> items;
    const QJsonArray array = value.toArray();
    items.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            return malformed(key + QStringLiteral(" holds a non-object"));
        Result<T> parsed = T::fromJson(item.toObject());
        if (!parsed)
            return malformed(key + QStringLiteral(": ") + parsed.error().toString());
        items.append(std::move(parsed).value());
    }
    return items;
}

} // namespace

Result<ReferenceSnapshot> ReferenceSnapshot::fromJson(const QJsonObject &json, const QByteArray &etag)
{
    static const QStringList arrays{QStringLiteral("processModels"), QStringLiteral("forms"),
                                    QStringLiteral("deputyships")};
    static const QStringList objects{QStringLiteral("codeLists"), QStringLiteral("holidays")};
    ReferenceSnapshot snapshot;
    Result<QList<User>> users = readList<User>(json.value(QLatin1String("users")), QStringLiteral("users"));
    if (!users)
        return users.error();
    Result<QList<Team>> teams = readList<Team>(json.value(QLatin1String("teams")), QStringLiteral("teams"));
    if (!teams)
        return teams.error();
    for (const QString &key : arrays) {
        if (!json.value(key).isArray())
            return malformed(key + QStringLiteral(" is not an array"));
        snapshot.rest.insert(key, json.value(key));
    }
    for (const QString &key : objects) {
        if (!json.value(key).isObject())
            return malformed(key + QStringLiteral(" is not an object"));
        snapshot.rest.insert(key, json.value(key));
    }
    snapshot.users = std::move(users).value();
    snapshot.teams = std::move(teams).value();
    snapshot.etag = etag;
    return snapshot;
}

} // namespace casedesk::storage
