// Which team receives the intake of a case type (table case_type_routes): data the administrator sets with
// "casedesk-server portal route CASE_TYPE TEAM_CODE" (the demo sets the demo world's), not code.
#pragma once

#include "core/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QUuid>

#include <optional>

namespace casedesk::server {

struct CaseTypeRoute {
    QString caseType;
    QUuid teamId;
    QString teamCode;
};

class CaseTypeRoutes {
public:
    explicit CaseTypeRoutes(QSqlDatabase db);

    // Routes `caseType` (one of the server's case types) to the team with `teamCode`, replacing an earlier
    // route. Invalid for an unknown case type, NotFound for an unknown team.
    Result<CaseTypeRoute> set(const QString &caseType, const QString &teamCode);
    Result<QList<CaseTypeRoute>> routes() const; // by case type
    // The team of `caseType`; nullopt when it has no route.
    Result<std::optional<QUuid>> teamFor(const QString &caseType) const;

private:
    QSqlDatabase m_db;
};

} // namespace casedesk::server
