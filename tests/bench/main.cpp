// casedesk-bench: performance figures as JSON (not part of ctest). See README "Benchmarks".
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

#include "FormsBenchmark.h"
#include "ServerBenchmark.h"
#include "StoreBenchmark.h"
#include "SyncBenchmark.h"
#include "WorkflowBenchmark.h"

namespace {

const char usage[] = "usage: casedesk-bench store [--cases N] [--keep PATH] [--seed SEED]\n"
                     "       casedesk-bench workflow [--seed SEED]\n"
                     "       casedesk-bench forms [--seed SEED]\n"
                     "       casedesk-bench server [--clients N] [--commands N] [--pull-clients N] "
                     "[--pull-seconds S] [--servers N]\n"
                     "       casedesk-bench sync [--cases N] [--queued N] [--propagations N]\n";

// A positive number option; false (with a message) when it is not one.
bool positiveOption(const QCommandLineParser &parser, const char *name, int *value)
{
    bool ok = false;
    *value = parser.value(QLatin1String(name)).toInt(&ok);
    if (ok && *value > 0)
        return true;
    std::fprintf(stderr, "--%s needs a positive number\n", name);
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("CaseDesk benchmarks. Subcommands: store, workflow, forms, server, sync"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("benchmark"), QStringLiteral("store, workflow, forms, server or sync"));
    parser.addOption({QStringLiteral("cases"), QStringLiteral("Number of demo cases (store, sync)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("keep"),
                      QStringLiteral("Keep the encrypted cache at PATH, keyed with the passphrase in "
                                     "CASEDESK_BENCH_PASSPHRASE; casedesk --cache PATH asks for it (store)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the generated data."), QStringLiteral("SEED"),
                      QStringLiteral("20261126")});
    parser.addOption({QStringLiteral("clients"), QStringLiteral("Pushing clients (server)."), QStringLiteral("N"),
                      QStringLiteral("10")});
    parser.addOption({QStringLiteral("commands"), QStringLiteral("Commands pushed in all (server)."),
                      QStringLiteral("N"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("pull-clients"), QStringLiteral("Concurrently pulling clients (server)."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("pull-seconds"), QStringLiteral("How long the clients pull (server)."),
                      QStringLiteral("S"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("servers"), QStringLiteral("casedesk-server processes (server)."),
                      QStringLiteral("N"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("queued"), QStringLiteral("Commands queued offline, then drained (sync)."),
                      QStringLiteral("N"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("propagations"), QStringLiteral("Assignments timed between clients (sync)."),
                      QStringLiteral("N"), QStringLiteral("100")});
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    const QString benchmark = positional.size() == 1 ? positional.first() : QString();
    bool ok = false;
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) {
        std::fprintf(stderr, "--seed needs a number\n%s", usage);
        return 2;
    }

    QJsonObject result;
    if (benchmark == QLatin1String("store")) {
        casedesk::bench::StoreBenchmarkOptions options;
        options.cases = parser.value(QStringLiteral("cases")).toLongLong(&ok);
        if (!ok || options.cases < 100) {
            std::fprintf(stderr, "--cases needs a number of at least 100\n");
            return 2;
        }
        options.seed = seed;
        options.keepPath = parser.value(QStringLiteral("keep"));
        result = casedesk::bench::runStoreBenchmark(options);
    } else if (benchmark == QLatin1String("workflow")) {
        result = casedesk::bench::runWorkflowBenchmark(QStringLiteral(CASEDESK_RESOURCES_DIR), seed);
    } else if (benchmark == QLatin1String("forms")) {
        result = casedesk::bench::runFormsBenchmark(QStringLiteral(CASEDESK_RESOURCES_DIR), seed);
    } else if (benchmark == QLatin1String("server")) {
        casedesk::bench::ServerBenchmarkOptions options;
        if (!positiveOption(parser, "clients", &options.clients) ||
            !positiveOption(parser, "commands", &options.commands) ||
            !positiveOption(parser, "pull-clients", &options.pullClients) ||
            !positiveOption(parser, "pull-seconds", &options.pullSeconds) ||
            !positiveOption(parser, "servers", &options.servers))
            return 2;
        result = casedesk::bench::runServerBenchmark(options);
    } else if (benchmark == QLatin1String("sync")) {
        casedesk::bench::SyncBenchmarkOptions options;
        if (!positiveOption(parser, "cases", &options.cases) || !positiveOption(parser, "queued", &options.queued) ||
            !positiveOption(parser, "propagations", &options.propagations))
            return 2;
        result = casedesk::bench::runSyncBenchmark(options);
    } else {
        std::fprintf(stderr, "%s", usage);
        return 2;
    }
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return result.contains(QStringLiteral("error")) ? 1 : 0;
}
