// casedesk-server: the central record server's command line. Only dispatches to the subcommands; each
// subcommand parses its own options and prints its own --help. Output stays English, like the options.
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#include "AdminCommand.h"
#include "AuditCommand.h"
#include "DemoCommand.h"
#include "FormCommand.h"
#include "PortalCommand.h"
#include "ProcessCommand.h"
#include "ServeCommand.h"

namespace {

struct Subcommand {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

const Subcommand subcommands[] = {
    {"serve", "serve the HTTP API (serve --listen HOST:PORT [--tls-cert F --tls-key F])",
     casedesk::server::runServeCommand},
    {"migrate", "bring the database schema to this version (migrate)", casedesk::server::runMigrateCommand},
    {"audit", "check the audit log or seal it with a checkpoint (audit verify | audit checkpoint)",
     casedesk::server::runAuditCommand},
    {"user", "add, disable and list users (user add LOGIN ... | user disable LOGIN | user list)",
     casedesk::server::runUserCommand},
    {"team", "add and list teams (team add CODE ... | team list)", casedesk::server::runTeamCommand},
    {"process",
     "check, deploy and list BPMN process models (process check FILE... | process deploy FILE --case-type T | "
     "process deploy --bundled | process list)",
     casedesk::server::runProcessCommand},
    {"form",
     "import XDatenfelder, check, deploy and list form definitions (form import FILE | form check FILE... | "
     "form deploy FILE... | form list)",
     casedesk::server::runFormCommand},
    {"portal",
     "citizen portals of the intake and the team of each case type (portal add NAME | portal list | portal "
     "disable NAME | portal route CASE_TYPE TEAM_CODE | portal routes)",
     casedesk::server::runPortalCommand},
    {"demo", "fill the database with demo teams, users and cases (demo --cases N [--seed S])",
     casedesk::server::runDemoCommand},
};

void printUsage(QTextStream &stream)
{
    stream << "usage: casedesk-server <command> [arguments] (each command has --help)\n\ncommands:\n";
    for (const Subcommand &command : subcommands)
        stream << "  " << command.name << "  " << command.summary << '\n';
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("casedesk-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEDESK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") ||
        arguments.first() == QLatin1String("-h")) {
        printUsage(arguments.isEmpty() ? err : out);
        return arguments.isEmpty() ? 2 : 0;
    }
    if (arguments.first() == QLatin1String("--version")) {
        out << "casedesk-server " << CASEDESK_VERSION << '\n';
        return 0;
    }
    const QString name = arguments.takeFirst();
    for (const Subcommand &command : subcommands) {
        if (name == QLatin1String(command.name))
            return command.run(arguments, out, err);
    }
    err << "casedesk-server: unknown command '" << name << "'\n\n";
    printUsage(err);
    return 2;
}
