#include "ServerProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>

#include <csignal>

namespace casedesk::test {

namespace {

constexpr int startTimeoutMs = 30000;

} // namespace

ServerProcess::ServerProcess(const QString &connectionString, const QStringList &arguments)
    : m_connectionString(connectionString), m_arguments(arguments)
{
    if (!m_arguments.contains(QLatin1String("--listen")))
        m_arguments += {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        stop();
}

bool ServerProcess::start()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CASEDESK_DB"), m_connectionString);
    m_process.setProcessEnvironment(environment);
    m_process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/casedesk-server"),
                    QStringList{QStringLiteral("serve")} + m_arguments);
    if (!m_process.waitForStarted(startTimeoutMs)) {
        m_error = m_process.errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("^listening on (\\S+):(\\d+)$"));
    QSignalSpy output(&m_process, &QProcess::readyReadStandardOutput);
    const QDeadlineTimer deadline(startTimeoutMs);
    QByteArray text;
    while (!deadline.hasExpired()) {
        text += m_process.readAllStandardOutput();
        if (text.contains('\n')) {
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(text).trimmed());
            if (!match.hasMatch()) {
                m_error = QStringLiteral("unexpected output: ") + QString::fromUtf8(text);
                return false;
            }
            m_port = quint16(match.captured(2).toUInt());
            return true;
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
        output.wait(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    m_error = QStringLiteral("the server did not report listening; its errors: ") + standardError();
    return false;
}

int ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(startTimeoutMs)) {
        m_process.kill();
        m_process.waitForFinished();
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

bool ServerProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    m_process.kill();
    return m_process.waitForFinished(startTimeoutMs);
}

QUrl ServerProcess::url(const QString &path, bool secure) const
{
    QUrl url;
    url.setScheme(secure ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(path);
    return url;
}

QString ServerProcess::standardError()
{
    m_stderr += m_process.readAllStandardError();
    return QString::fromUtf8(m_stderr);
}

bool startServerPair(const QString &connectionString, std::unique_ptr<ServerProcess> *a,
                     std::unique_ptr<ServerProcess> *b, QString *problem)
{
    for (std::unique_ptr<ServerProcess> *server : {a, b}) {
        *server = std::make_unique<ServerProcess>(connectionString);
        if (!(*server)->start()) {
            *problem = (*server)->errorString();
            return false;
        }
    }
    return true;
}

bool stopServerPair(std::unique_ptr<ServerProcess> *a, std::unique_ptr<ServerProcess> *b)
{
    bool clean = true;
    for (std::unique_ptr<ServerProcess> *server : {a, b}) {
        if (*server)
            clean = (*server)->stop() == 0 && clean;
        server->reset();
    }
    return clean;
}

} // namespace casedesk::test
