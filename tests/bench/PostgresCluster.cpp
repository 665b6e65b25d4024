#include "PostgresCluster.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <csignal>
#include <iterator>
#include <sys/wait.h>
#include <unistd.h>

namespace casedesk::bench {

namespace {

constexpr int scriptTimeoutMs = 120000;
constexpr int stopSignals[] = {SIGINT, SIGTERM, SIGHUP};

// For the signal handler, prepared before it is installed: it may only call async-signal-safe functions.
QByteArray stopProgram;
QByteArray stopAction("stop");
QByteArray stopDirectory;
char *stopArguments[4] = {};
pid_t clientPids[16] = {}; // processes using the cluster, ended first
int clientCount = 0;

// Interrupted (Ctrl-C, kill): stop the cluster, then end the way the signal would have.
extern "C" void stopClusterOnSignal(int signal)
{
    for (int i = 0; i < clientCount; ++i)
        kill(clientPids[i], SIGTERM);
    const pid_t child = fork();
    if (child == 0) {
        execv(stopArguments[0], stopArguments);
        _exit(127);
    }
    if (child > 0)
        waitpid(child, nullptr, 0);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

} // namespace

PostgresCluster::PostgresCluster() : m_directory(QDir::tempPath() + QStringLiteral("/casedesk-bench-XXXXXX")) {}

PostgresCluster::~PostgresCluster()
{
    if (!m_started)
        return;
    run(QStringLiteral("stop"));
    for (int signal : stopSignals)
        std::signal(signal, SIG_DFL);
    clientCount = 0;
}

QString PostgresCluster::start()
{
    if (!m_directory.isValid())
        return QStringLiteral("cannot make a temporary directory: ") + m_directory.errorString();
    m_started = true; // a half-started cluster is stopped too
    stopProgram = QByteArrayLiteral(CASEDESK_PG_CLUSTER_SCRIPT);
    stopDirectory = QFile::encodeName(m_directory.path());
    stopArguments[0] = stopProgram.data();
    stopArguments[1] = stopAction.data();
    stopArguments[2] = stopDirectory.data();
    for (int signal : stopSignals)
        std::signal(signal, stopClusterOnSignal);
    return run(QStringLiteral("start"));
}

qint64 PostgresCluster::postmasterPid() const
{
    QFile file(m_directory.filePath(QStringLiteral("data/postmaster.pid")));
    return file.open(QIODevice::ReadOnly) ? file.readLine().trimmed().toLongLong() : 0;
}

void PostgresCluster::terminateOnSignal(const QList<qint64> &pids)
{
    clientCount = 0;
    for (qint64 pid : pids) {
        if (clientCount < int(std::size(clientPids)))
            clientPids[clientCount++] = pid_t(pid);
    }
}

QString PostgresCluster::run(const QString &action)
{
    QProcess script;
    script.start(QStringLiteral(CASEDESK_PG_CLUSTER_SCRIPT), {action, m_directory.path()});
    if (!script.waitForFinished(scriptTimeoutMs)) {
        script.kill();
        script.waitForFinished();
        return QStringLiteral("pg-cluster.sh %1 did not finish: %2").arg(action, script.errorString());
    }
    if (script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0)
        return QStringLiteral("pg-cluster.sh %1 failed: %2")
            .arg(action, QString::fromLocal8Bit(script.readAllStandardError()).trimmed());
    return {};
}

} // namespace casedesk::bench
