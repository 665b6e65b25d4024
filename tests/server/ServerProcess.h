// A real `casedesk-server serve` of this build on 127.0.0.1, port chosen by the system, on a test database
// (CASEDESK_DB). start() waits for its "listening on HOST:PORT" line; the destructor stops it with SIGTERM.
#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace casedesk::test {

class ServerProcess {
public:
    // `arguments` after "serve"; without --listen, "--listen 127.0.0.1:0" is added.
    ServerProcess(const QString &connectionString, const QStringList &arguments = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // False (with errorString()) when it exits or prints nothing within 30 s.
    bool start();
    // Sends SIGTERM and waits; the exit code, or -1 when it crashed or did not end within 30 s.
    int stop();
    // SIGKILL, as a crash or an operator's kill -9: no cleanup, open transactions rolled back by PostgreSQL.
    // Whether it is gone.
    bool kill();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    // "http://127.0.0.1:PORT/path" ("https" with `secure`).
    QUrl url(const QString &path, bool secure = false) const;
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }
    QString standardError(); // what it logged so far

private:
    QProcess m_process;
    QString m_connectionString;
    QStringList m_arguments;
    QByteArray m_stderr;
    quint16 m_port = 0;
    QString m_error;
};

// The two server processes on one database that API tests run against (the processes keep no state, so either
// must answer any client alike). False with `problem` set when one does not start.
bool startServerPair(const QString &connectionString, std::unique_ptr<ServerProcess> *a,
                     std::unique_ptr<ServerProcess> *b, QString *problem);
// Stops and releases both (either may be unset); whether each that ran ended cleanly (exit code 0).
bool stopServerPair(std::unique_ptr<ServerProcess> *a, std::unique_ptr<ServerProcess> *b);

} // namespace casedesk::test
