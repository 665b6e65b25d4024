// `casedesk-bench server`: a throwaway PostgreSQL cluster, real casedesk-server processes on it and concurrent
// clients over HTTP: push throughput, pull throughput and latency, server memory, and pgbench's select-only run
// on another database of the same cluster as the ceiling.
#pragma once

#include <QJsonObject>

namespace casedesk::bench {

struct ServerBenchmarkOptions {
    int clients = 10;     // pushing installations, one user each
    int commands = 10000; // pushed in all, shared evenly among the clients
    int batch = 50;       // commands per push
    int pullClients = 50;
    int pullSeconds = 10;
    int servers = 2; // casedesk-server processes on the one database; clients are spread over them
};

// Runs the benchmark; returns the JSON object to print, or an object with "error".
QJsonObject runServerBenchmark(const ServerBenchmarkOptions &options);

} // namespace casedesk::bench
