#include "WorkflowBenchmark.h"

namespace casedesk::bench {

QJsonObject runWorkflowBenchmark(const QString &resourceDir, quint64 seed)
{
    Q_UNUSED(resourceDir)
    Q_UNUSED(seed)
    return {{QStringLiteral("error"), QStringLiteral("not available yet")}};
}

} // namespace casedesk::bench
