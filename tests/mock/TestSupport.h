// Helpers shared by tests: where fixture data and the third-party corpus live, random seeds.
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace casedesk::test {

QString testDataPath(const QString &relative); // tests/data/...
QString resourcePath(const QString &relative); // resources/... (bundled process models, form definitions)
// A path under ../shared/corpus, or an empty string when the corpus is absent (tests then QSKIP).
QString corpusPath(const QString &relative);
// Seed for randomised tests: CASEDESK_SEED if set, else random; always printed so a failure can be replayed.
quint32 testSeed();

// The outcome of running one of the project's executables.
struct CommandRun {
    int exitCode = -1; // -1 when it did not start, crashed or timed out
    QString out;
    QString err;
};

// Runs `casedesk-server arguments...` from this build (build/bin), with `input` on standard input (a pipe,
// never a terminal) and `environment` (the test's own by default); waits at most a minute.
CommandRun runServerCommand(const QStringList &arguments, const QByteArray &input = {},
                            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

} // namespace casedesk::test
