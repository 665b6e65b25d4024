// `casedesk-bench workflow`: parse time per bundled model, availableActions over 100,000 case states, apply throughput.
#pragma once

#include <QJsonObject>
#include <QString>

namespace casedesk::bench {

// `resourceDir` is the repository's resources/ folder. Returns the figures, or {"error": text}.
QJsonObject runWorkflowBenchmark(const QString &resourceDir, quint64 seed);

} // namespace casedesk::bench
