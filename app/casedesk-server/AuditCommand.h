// `casedesk-server audit verify|checkpoint` on the database named by CASEDESK_DB or the config file: verify
// recomputes the audit log's hash chains and its global checkpoints and reports edited, deleted (broken link),
// truncated rows and checkpoints that no longer match; checkpoint seals the log up to now (AuditCheckpoint).
#pragma once

#include <QStringList>
#include <QTextStream>

namespace casedesk::server {

// Exit code 0 when the log is intact (or the checkpoint was written), 1 when a problem was found or the database
// failed, 2 for wrong usage.
int runAuditCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace casedesk::server
