#include "ProcessCommand.h"

namespace casedesk::server {

int runProcessCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    Q_UNUSED(arguments)
    Q_UNUSED(out)
    err << "casedesk-server process: not available yet\n";
    return 2;
}

} // namespace casedesk::server
