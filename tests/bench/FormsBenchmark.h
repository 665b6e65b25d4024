// `casedesk-bench forms`: validation of 100,000 generated applications.
#pragma once

#include <QJsonObject>
#include <QString>

namespace casedesk::bench {

// `resourceDir` is the repository's resources/ folder. Returns the figures, or {"error": text}.
QJsonObject runFormsBenchmark(const QString &resourceDir, quint64 seed);

} // namespace casedesk::bench
