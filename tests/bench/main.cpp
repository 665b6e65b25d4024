// casedesk-bench: performance figures as JSON (not part of ctest). See README "Benchmarks".
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

#include "StoreBenchmark.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CaseDesk benchmarks. Subcommands: store"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("benchmark"), QStringLiteral("store"));
    parser.addOption({QStringLiteral("cases"), QStringLiteral("Number of demo cases."), QStringLiteral("N"),
                      QStringLiteral("100000")});
    parser.addOption(
        {QStringLiteral("keep"), QStringLiteral("Keep the encrypted cache at PATH."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Demo data seed."), QStringLiteral("SEED"),
                      QStringLiteral("20261126")});
    parser.process(app);

    if (parser.positionalArguments() != QStringList{QStringLiteral("store")}) {
        std::fprintf(stderr, "usage: casedesk-bench store [--cases N] [--keep PATH] [--seed SEED]\n");
        return 2;
    }
    casedesk::bench::StoreBenchmarkOptions options;
    bool ok = false;
    options.cases = parser.value(QStringLiteral("cases")).toLongLong(&ok);
    if (!ok || options.cases < 100) {
        std::fprintf(stderr, "--cases needs a number of at least 100\n");
        return 2;
    }
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) {
        std::fprintf(stderr, "--seed needs a number\n");
        return 2;
    }
    options.keepPath = parser.value(QStringLiteral("keep"));

    const QJsonObject result = casedesk::bench::runStoreBenchmark(options);
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return result.contains(QStringLiteral("error")) ? 1 : 0;
}
