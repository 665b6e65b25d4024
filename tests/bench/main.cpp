// casedesk-bench: performance figures as JSON (not part of ctest). See README "Benchmarks".
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

#include "FormsBenchmark.h"
#include "StoreBenchmark.h"
#include "WorkflowBenchmark.h"

namespace {

const char usage[] = "usage: casedesk-bench store [--cases N] [--keep PATH] [--seed SEED]\n"
                     "       casedesk-bench workflow [--seed SEED]\n"
                     "       casedesk-bench forms [--seed SEED]\n";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CaseDesk benchmarks. Subcommands: store, workflow, forms"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("benchmark"), QStringLiteral("store, workflow or forms"));
    parser.addOption({QStringLiteral("cases"), QStringLiteral("Number of demo cases (store)."), QStringLiteral("N"),
                      QStringLiteral("100000")});
    parser.addOption(
        {QStringLiteral("keep"), QStringLiteral("Keep the encrypted cache at PATH (store)."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the generated data."), QStringLiteral("SEED"),
                      QStringLiteral("20261126")});
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
    } else {
        std::fprintf(stderr, "%s", usage);
        return 2;
    }
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return result.contains(QStringLiteral("error")) ? 1 : 0;
}
