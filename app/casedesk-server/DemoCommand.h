// casedesk-server demo --cases N [--seed S]: the demo module's teams, users and N generated cases into the
// server's database (DemoImport).
#pragma once

#include <QStringList>
#include <QTextStream>

namespace casedesk::server {

// The process exit code: 0 done, 1 failed, 2 wrong usage.
int runDemoCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace casedesk::server
