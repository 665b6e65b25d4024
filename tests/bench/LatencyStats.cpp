#include "LatencyStats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace casedesk::bench {

double LatencyStats::percentile(double p) const
{
    if (m_samples.isEmpty())
        return 0;
    QList<double> sorted = m_samples;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

double LatencyStats::total() const
{
    return std::accumulate(m_samples.begin(), m_samples.end(), 0.0);
}

QJsonObject LatencyStats::toJson() const
{
    return {{QStringLiteral("p50_ms"), percentile(50)},
            {QStringLiteral("p95_ms"), percentile(95)},
            {QStringLiteral("n"), double(count())}};
}

} // namespace casedesk::bench
