// `casedesk-server audit verify`: recomputes the audit log's hash chains on the database named by CASEDESK_DB
// or the config file, and reports edited, deleted (broken link) and truncated rows.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace casedesk::server {

// Exit code 0 when the log is intact, 1 when a problem was found or the database failed, 2 for wrong usage.
int runAuditCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace casedesk::server
