// casedesk-server portal: the citizen portals that may submit applications to POST /api/v1/intake, and which
// team receives each case type's applications.
//   portal add NAME | portal list | portal disable NAME | portal route CASE_TYPE TEAM_CODE | portal routes
#pragma once

#include <QStringList>
#include <QTextStream>

namespace casedesk::server {

// The process exit code: 0 done, 1 failed, 2 wrong usage.
int runPortalCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace casedesk::server
