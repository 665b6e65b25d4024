#include "FormCommand.h"

namespace casedesk::server {

int runFormCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    Q_UNUSED(arguments)
    Q_UNUSED(out)
    err << "casedesk-server form: not available yet\n";
    return 2;
}

} // namespace casedesk::server
