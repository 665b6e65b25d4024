#include "server/CaseTypeRoutes.h"

#include "core/Uuid.h"
#include "server/DeployedCaseTypes.h"
#include "server/SqlError.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace casedesk::server {

CaseTypeRoutes::CaseTypeRoutes(QSqlDatabase db) : m_db(std::move(db)) {}

Result<CaseTypeRoute> CaseTypeRoutes::set(const QString &caseType, const QString &teamCode)
{
    const Result<std::shared_ptr<const casework::CaseTypeCatalogue>> caseTypes = DeployedCaseTypes::current(m_db);
    if (!caseTypes)
        return caseTypes.error();
    if (!caseTypes.value()->latest(caseType)) {
        QStringList known;
        for (const demo::CaseTypeContent *type : caseTypes.value()->latestOfEach())
            known.append(type->caseType);
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Server", "There is no case type \"%1\". Choose one of: %2.")
                             .arg(caseType, known.join(QStringLiteral(", "))));
    }
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO case_type_routes (case_type, team_id)"
                                 " SELECT :type, id FROM teams WHERE code = :code"
                                 " ON CONFLICT (case_type) DO UPDATE SET team_id = EXCLUDED.team_id, updated_at = now()"
                                 " RETURNING team_id::text"));
    query.bindValue(QStringLiteral(":type"), caseType);
    query.bindValue(QStringLiteral(":code"), teamCode);
    if (!query.exec())
        return databaseError(query.lastError());
    if (!query.next())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Server", "There is no team with the code \"%1\". See "
                                                               "\"casedesk-server team list\".")
                             .arg(teamCode));
    return CaseTypeRoute{caseType, uuidFromString(query.value(0).toString()), teamCode};
}

Result<QList<CaseTypeRoute>> CaseTypeRoutes::routes() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT r.case_type, r.team_id::text, t.code FROM case_type_routes r"
                                   " JOIN teams t ON t.id = r.team_id ORDER BY r.case_type")))
        return databaseError(query.lastError());
    QList<CaseTypeRoute> routes;
    while (query.next())
        routes.append(
            {query.value(0).toString(), uuidFromString(query.value(1).toString()), query.value(2).toString()});
    return routes;
}

Result<std::optional<QUuid>> CaseTypeRoutes::teamFor(const QString &caseType) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT team_id::text FROM case_type_routes WHERE case_type = :type"));
    query.bindValue(QStringLiteral(":type"), caseType);
    if (!query.exec())
        return databaseError(query.lastError());
    if (!query.next())
        return std::optional<QUuid>();
    return std::optional<QUuid>(uuidFromString(query.value(0).toString()));
}

} // namespace casedesk::server
