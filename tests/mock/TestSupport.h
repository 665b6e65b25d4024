// Helpers shared by tests: where fixture data and the third-party corpus live, random seeds.
#pragma once

#include <QString>

namespace casedesk::test {

QString testDataPath(const QString &relative); // tests/data/...
QString resourcePath(const QString &relative); // resources/... (bundled process models, form definitions)
// A path under ../shared/corpus, or an empty string when the corpus is absent (tests then QSKIP).
QString corpusPath(const QString &relative);
// Seed for randomised tests: CASEDESK_SEED if set, else random; always printed so a failure can be replayed.
quint32 testSeed();

} // namespace casedesk::test
