// Collects timings of repeated operations and reports percentiles in milliseconds.
#pragma once

#include <QJsonObject>
#include <QList>

namespace casedesk::bench {

class LatencyStats {
public:
    void add(double ms) { m_samples.append(ms); }
    void merge(const LatencyStats &other) { m_samples.append(other.m_samples); }
    double percentile(double p) const; // nearest-rank, p in [0, 100]
    double total() const;
    qsizetype count() const { return m_samples.size(); }
    QJsonObject toJson() const; // {"p50_ms", "p95_ms", "n"}

private:
    QList<double> m_samples;
};

} // namespace casedesk::bench
