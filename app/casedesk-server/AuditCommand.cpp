#include "AuditCommand.h"

#include "core/Uuid.h"
#include "server/AuditLog.h"
#include "server/SchemaMigrations.h"
#include "server/ServerDatabase.h"

namespace casedesk::server {

namespace {

const char auditHelp[] =
    "usage: casedesk-server audit verify\n"
    "\n"
    "Recomputes the hash chain of every case's audit log and compares it with the cases and\n"
    "the applied commands. Prints one line per problem (an edited row, a deleted row that\n"
    "breaks the chain, a truncated chain) and a summary. Exit code 0 when the log is intact,\n"
    "1 when a problem was found or the database could not be read.\n"
    "\n"
    "The database comes from CASEDESK_DB or the config file (see casedesk-server migrate --help).\n";

int fail(QTextStream &err, const Error &error)
{
    err << "casedesk-server: " << error.toString() << '\n';
    return 1;
}

int verify(QTextStream &out, QTextStream &err)
{
    const Result<ServerDatabase> database = ServerDatabase::fromEnvironment();
    if (!database)
        return fail(err, database.error());
    const Result<QSqlDatabase> connection = database->connection();
    if (!connection)
        return fail(err, connection.error());
    if (const Result<void> current = SchemaMigrations().checkCurrent(connection.value()); !current)
        return fail(err, current.error());
    const Result<AuditReport> report = AuditLog(connection.value()).verify();
    if (!report)
        return fail(err, report.error());
    for (const AuditProblem &problem : report->problems) {
        out << AuditProblem::kindToString(problem.kind) << ": case " << uuidToString(problem.caseId) << ": "
            << problem.description << '\n';
    }
    out << "checked " << report->rowsChecked << " audit rows: "
        << (report->problems.isEmpty() ? QStringLiteral("intact")
                                       : QStringLiteral("%1 problems").arg(report->problems.size()))
        << Qt::endl;
    return report->problems.isEmpty() ? 0 : 1;
}

} // namespace

int runAuditCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        out << auditHelp;
        return 0;
    }
    if (arguments != QStringList{QStringLiteral("verify")}) {
        err << "casedesk-server: audit needs the subcommand verify\n\n" << auditHelp;
        return 2;
    }
    return verify(out, err);
}

} // namespace casedesk::server
