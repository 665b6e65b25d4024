// `casedesk-bench sync`: the client's sync against a real casedesk-server and PostgreSQL on this machine (issue 6):
// the initial sync of a large scope into an empty cache, draining a week of offline work, and how fast a team
// lead's assignment reaches another online client through the live channel.
#pragma once

#include <QJsonObject>

namespace casedesk::bench {

struct SyncBenchmarkOptions {
    int cases = 100000;     // demo cases on the server; the auditor's scope holds all of them
    int queued = 10000;     // commands queued offline, then drained
    int propagations = 100; // assignments timed from the team lead's client to the clerk's
};

// Runs the benchmark; returns the JSON object to print, or an object with "error".
QJsonObject runSyncBenchmark(const SyncBenchmarkOptions &options);

} // namespace casedesk::bench
