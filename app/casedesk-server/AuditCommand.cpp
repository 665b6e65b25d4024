#include "AuditCommand.h"

#include "core/Uuid.h"
#include "server/AuditCheckpoint.h"
#include "server/AuditLog.h"
#include "server/SchemaMigrations.h"
#include "server/ServerDatabase.h"

namespace casedesk::server {

namespace {

const char auditHelp[] =
    "usage: casedesk-server audit verify\n"
    "       casedesk-server audit checkpoint\n"
    "\n"
    "verify      recomputes the hash chain of every case's audit log and compares it with the\n"
    "            cases and the applied commands, then recomputes every global checkpoint from\n"
    "            the audit rows it sealed. Prints one line per problem (an edited row, a deleted\n"
    "            row that breaks the chain, a truncated chain, a checkpoint whose rows were\n"
    "            deleted, inserted or rewritten), a summary, and the last checkpoint's hash:\n"
    "            compare it with the one in the server log. Exit code 0 when the log is intact,\n"
    "            1 when a problem was found or the database could not be read.\n"
    "checkpoint  seals the audit log up to now with a checkpoint and prints its hash (serve\n"
    "            writes one every --checkpoint-interval seconds).\n"
    "\n"
    "The database comes from CASEDESK_DB or the config file (see casedesk-server migrate --help).\n";

int fail(QTextStream &err, const Error &error)
{
    err << "casedesk-server: " << error.toString() << '\n';
    return 1;
}

// The database, checked to be at this build's schema version.
Result<ServerDatabase> currentDatabase()
{
    Result<ServerDatabase> database = ServerDatabase::fromEnvironment();
    if (!database)
        return database.error();
    const Result<QSqlDatabase> connection = database->connection();
    if (!connection)
        return connection.error();
    if (const Result<void> current = SchemaMigrations().checkCurrent(connection.value()); !current)
        return current.error();
    return database;
}

QString describe(const Checkpoint &checkpoint)
{
    return QStringLiteral("checkpoint %1 at %2 seals %3 audit rows up to id %4, hash %5")
        .arg(checkpoint.id)
        .arg(checkpoint.at)
        .arg(checkpoint.rowCount)
        .arg(checkpoint.lastAuditId)
        .arg(QString::fromLatin1(checkpoint.hash.toHex()));
}

int verify(QTextStream &out, QTextStream &err)
{
    const Result<ServerDatabase> database = currentDatabase();
    if (!database)
        return fail(err, database.error());
    const QSqlDatabase db = database->connection().value();
    const Result<AuditReport> report = AuditLog(db).verify();
    if (!report)
        return fail(err, report.error());
    const Result<CheckpointReport> checkpoints = AuditCheckpoint::verify(db);
    if (!checkpoints)
        return fail(err, checkpoints.error());
    for (const AuditProblem &problem : report->problems) {
        out << AuditProblem::kindToString(problem.kind) << ": case " << uuidToString(problem.caseId) << ": "
            << problem.description << '\n';
    }
    for (const CheckpointProblem &problem : checkpoints->problems)
        out << "checkpoint " << problem.checkpointId << " (" << problem.at << "): " << problem.description << '\n';
    const qsizetype problems = report->problems.size() + checkpoints->problems.size();
    out << "checked " << report->rowsChecked
        << " audit rows: " << (problems == 0 ? QStringLiteral("intact") : QStringLiteral("%1 problems").arg(problems))
        << '\n';
    if (checkpoints->last) {
        out << "checked " << checkpoints->checkpointsChecked
            << " checkpoints; the last: " << describe(*checkpoints->last) << " (compare with the server log); "
            << checkpoints->rowsAfterLast << " newer audit rows are not sealed yet\n";
    } else {
        out << "no checkpoint yet: only the per-case chains protect the log\n";
    }
    out.flush();
    return problems == 0 ? 0 : 1;
}

int checkpoint(QTextStream &out, QTextStream &err)
{
    const Result<ServerDatabase> database = currentDatabase();
    if (!database)
        return fail(err, database.error());
    const Result<Checkpoint> written = AuditCheckpoint(database.value()).write();
    if (!written)
        return fail(err, written.error());
    out << "wrote " << describe(written.value()) << Qt::endl;
    return 0;
}

} // namespace

int runAuditCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        out << auditHelp;
        return 0;
    }
    if (arguments == QStringList{QStringLiteral("verify")})
        return verify(out, err);
    if (arguments == QStringList{QStringLiteral("checkpoint")})
        return checkpoint(out, err);
    err << "casedesk-server: audit needs the subcommand verify or checkpoint\n\n" << auditHelp;
    return 2;
}

} // namespace casedesk::server
