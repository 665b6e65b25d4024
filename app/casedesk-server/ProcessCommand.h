// `casedesk-server process ...`: check FILE... (BPMN process models: a summary of each, or its errors; exit 1 on any
// error), deploy FILE --case-type TYPE | deploy --bundled (checked, then stored as a new version), list.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace casedesk::server {

// `arguments` are those after "process"; returns the process exit code (0 ok, 1 errors found, 2 usage).
int runProcessCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace casedesk::server
