// `casedesk-bench store`: builds a cache of N demo cases and measures load, inbox paging and full-text search,
// encrypted and on a plain copy through the same code (the baseline of the encryption's cost).
#pragma once

#include <QJsonObject>
#include <QString>

namespace casedesk::bench {

struct StoreBenchmarkOptions {
    qint64 cases = 100000;
    QString keepPath; // leave the encrypted cache here; empty: a temporary directory
    quint64 seed = 20261126;
    int repetitions = 20; // page or query runs per measured combination
};

// Runs the benchmark; returns the JSON object to print, or an object with "error".
QJsonObject runStoreBenchmark(const StoreBenchmarkOptions &options);

} // namespace casedesk::bench
