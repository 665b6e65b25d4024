// A throwaway PostgreSQL 15 cluster for one benchmark run: tests/server/pg-cluster.sh in a temporary directory
// (Unix socket only, trust authentication, superuser "casedesk"), stopped and removed by the destructor, so a
// benchmark that fails half-way leaves nothing running; SIGINT, SIGTERM and SIGHUP stop it too. One at a time.
#pragma once

#include <QList>
#include <QString>
#include <QTemporaryDir>

namespace casedesk::bench {

class PostgresCluster {
public:
    PostgresCluster();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    QString start(); // an empty string, or what went wrong
    QString socketDirectory() const { return m_directory.path(); }
    qint64 postmasterPid() const; // 0 when not running
    // Processes using the cluster (its server processes), sent SIGTERM first when a signal stops it.
    void terminateOnSignal(const QList<qint64> &pids);

private:
    QString run(const QString &action);

    QTemporaryDir m_directory; // the script empties and refills it; short, as the socket path must be
    bool m_started = false;
};

} // namespace casedesk::bench
