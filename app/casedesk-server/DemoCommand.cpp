#include "DemoCommand.h"

#include "core/Clock.h"
#include "server/AdminContext.h"
#include "server/DemoImport.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

namespace casedesk::server {

namespace {

const char demoHelp[] =
    "usage: casedesk-server demo --cases N [--seed S]\n"
    "\n"
    "Fills the database with the demo data of CaseDesk, for trying it out: the demo teams\n"
    "(32.1 for bewohnerparken and umweltzone, 67.2 for baumfaellung, 20.3 for buergerhaushalt)\n"
    "and users that are missing, the routing of each case type to its team (see portal\n"
    "routes), and cases 1 to N of the generator with seed S (default 1): a case of a run before with the\n"
    "same seed is skipped. Every demo user's password is \"casedesk-demo\": never run this\n"
    "on a server with real cases. The users are listed by \"casedesk-server user list\".\n"
    "\n"
    "The database comes from CASEDESK_DB or the config file (see casedesk-server migrate --help).\n";

int usage(QTextStream &err, const QString &problem)
{
    err << "casedesk-server: " << problem << "\n\n" << demoHelp;
    return 2;
}

int fail(QTextStream &err, const Error &error)
{
    err << "casedesk-server: " << error.toString() << '\n';
    return 1;
}

} // namespace

int runDemoCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption help(QStringList{QStringLiteral("help"), QStringLiteral("h")});
    const QCommandLineOption cases(QStringLiteral("cases"), {}, QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"), {}, QStringLiteral("S"), QStringLiteral("1"));
    parser.addOptions({help, cases, seed});
    if (!parser.parse(QStringList{QStringLiteral("casedesk-server")} + arguments))
        return usage(err, parser.errorText());
    if (parser.isSet(help)) {
        out << demoHelp;
        return 0;
    }
    bool countOk = false;
    bool seedOk = false;
    const qint64 count = parser.value(cases).toLongLong(&countOk);
    const quint64 seedValue = parser.value(seed).toULongLong(&seedOk);
    if (!parser.positionalArguments().isEmpty() || !parser.isSet(cases) || !countOk || count < 0 ||
        count > demo::DemoGenerator::maxCaseCount || !seedOk)
        return usage(err, QStringLiteral("demo needs --cases N (0 to %1) and optionally --seed S (a number)")
                              .arg(demo::DemoGenerator::maxCaseCount));

    const Result<AdminContext> context = AdminContext::open();
    if (!context)
        return fail(err, context.error());
    QElapsedTimer timer;
    timer.start();
    const demo::DemoGenerator generator(seedValue, Clock::current().today());
    DemoImport import(context->db);
    const Result<DemoWorldImport> world = import.importWorld(generator.world());
    if (!world)
        return fail(err, world.error());
    out << "demo world: " << world->teamsAdded << " teams and " << world->usersAdded
        << " users added; every demo user's password is \"" << DemoImport::password() << "\"" << Qt::endl;
    const Result<qint64> added = import.importCases(
        generator, count, [&](qint64 done) { out << "  " << done << " of " << count << " cases" << Qt::endl; });
    if (!added)
        return fail(err, added.error());
    out << "added " << added.value() << " demo cases (seed " << seedValue << ") in " << timer.elapsed() << " ms"
        << Qt::endl;
    return 0;
}

} // namespace casedesk::server
