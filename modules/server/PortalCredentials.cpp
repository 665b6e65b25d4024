#include "server/PortalCredentials.h"

#include "core/Uuid.h"
#include "server/AuthToken.h"
#include "server/SqlError.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace casedesk::server {

namespace {

constexpr qsizetype maxNameLength = 100;

Portal portalFrom(const QSqlQuery &query)
{
    return {uuidFromString(query.value(0).toString()), query.value(1).toString(), query.value(2).toBool(),
            query.value(3).toDateTime()};
}

const char portalColumns[] = "SELECT id::text, name, disabled, created_at FROM portal_credentials";

} // namespace

PortalCredentials::PortalCredentials(QSqlDatabase db) : m_db(std::move(db)) {}

Result<NewPortal> PortalCredentials::add(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (name.size() > maxNameLength || !valid.match(name).hasMatch())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Server", "A portal's name has up to %1 letters, digits, dots, "
                                                               "underscores and hyphens, like \"service-bw\".")
                             .arg(maxNameLength));
    NewPortal added{{createUuidV7(), name, false, QDateTime::currentDateTimeUtc()}, AuthToken::create()};
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO portal_credentials (id, name, secret_hash) VALUES"
                                 " (CAST(:id AS uuid), :name, :hash) ON CONFLICT (name) DO NOTHING"));
    query.bindValue(QStringLiteral(":id"), uuidToString(added.portal.id));
    query.bindValue(QStringLiteral(":name"), name);
    query.bindValue(QStringLiteral(":hash"), AuthToken::hash(added.secret));
    if (!query.exec())
        return databaseError(query.lastError());
    if (query.numRowsAffected() != 1)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Server", "A portal named \"%1\" exists already. Choose another "
                                                               "name, or disable the old portal first.")
                             .arg(name));
    return added;
}

Result<QList<Portal>> PortalCredentials::portals() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QLatin1String(portalColumns) + QLatin1String(" ORDER BY name")))
        return databaseError(query.lastError());
    QList<Portal> portals;
    while (query.next())
        portals.append(portalFrom(query));
    return portals;
}

Result<Portal> PortalCredentials::disable(const QString &name)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE portal_credentials SET disabled = true WHERE name = :name"
                                 " RETURNING id::text, name, disabled, created_at"));
    query.bindValue(QStringLiteral(":name"), name);
    if (!query.exec())
        return databaseError(query.lastError());
    if (!query.next())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Server", "There is no portal named \"%1\". See \"casedesk-server "
                                                               "portal list\".")
                             .arg(name));
    return portalFrom(query);
}

Result<std::optional<Portal>> PortalCredentials::authenticate(const QByteArray &secret) const
{
    if (!AuthToken::isWellFormed(secret))
        return std::optional<Portal>();
    QSqlQuery query(m_db);
    query.prepare(QLatin1String(portalColumns) + QLatin1String(" WHERE secret_hash = :hash AND NOT disabled"));
    query.bindValue(QStringLiteral(":hash"), AuthToken::hash(secret));
    if (!query.exec())
        return databaseError(query.lastError());
    if (!query.next())
        return std::optional<Portal>();
    return std::optional<Portal>(portalFrom(query));
}

} // namespace casedesk::server
