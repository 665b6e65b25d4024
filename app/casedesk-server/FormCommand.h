// `casedesk-server form ...`: import FILE.xml (XDatenfelder 2.0/3.0 to a form definition on stdout) | check FILE...
// (form definitions) | deploy FILE... | deploy --bundled (checked, then stored under their id and version) | list.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace casedesk::server {

// `arguments` are those after "form"; returns the process exit code (0 ok, 1 errors found, 2 usage).
int runFormCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace casedesk::server
