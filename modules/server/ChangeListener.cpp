#include "server/ChangeListener.h"

#include "server/ServerLog.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace casedesk::server {

namespace {

constexpr int healthCheckMs = 5000;

} // namespace

ChangeListener::ChangeListener(ServerDatabase database) : m_database(std::move(database))
{
    m_thread.setObjectName(QStringLiteral("change-listener"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    // Deleted on its own thread once the loop has ended (with the timer and the connection it holds).
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    QObject::connect(&m_thread, &QThread::started, m_context, [this] {
        auto *timer = new QTimer(m_context);
        QObject::connect(timer, &QTimer::timeout, m_context, [this] { checkHealth(); });
        timer->start(healthCheckMs);
        listen();
    });
    if (QCoreApplication *app = QCoreApplication::instance())
        QObject::connect(app, &QCoreApplication::aboutToQuit, &m_guard, [this] { shutdown(); });
    m_thread.start();
}

ChangeListener::~ChangeListener()
{
    shutdown();
    m_thread.quit();
    m_thread.wait();
}

quint64 ChangeListener::generation() const
{
    const QMutexLocker lock(&m_mutex);
    return m_generation;
}

void ChangeListener::waitForChange(quint64 seen, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&m_mutex);
    while (m_generation == seen && !m_shuttingDown && !deadline.hasExpired())
        m_changed.wait(&m_mutex, deadline);
}

void ChangeListener::shutdown()
{
    const QMutexLocker lock(&m_mutex);
    m_shuttingDown = true;
    m_changed.wakeAll();
}

bool ChangeListener::isShuttingDown() const
{
    const QMutexLocker lock(&m_mutex);
    return m_shuttingDown;
}

void ChangeListener::bump()
{
    const QMutexLocker lock(&m_mutex);
    ++m_generation;
    m_changed.wakeAll();
    // Posted under the lock: unsubscribe() waits for it, so a context is never used after it was removed.
    for (const auto &[context, callback] : m_subscribers)
        QMetaObject::invokeMethod(context, callback, Qt::QueuedConnection);
}

void ChangeListener::subscribe(QObject *context, std::function<void()> callback)
{
    const QMutexLocker lock(&m_mutex);
    m_subscribers.append({context, std::move(callback)});
}

void ChangeListener::unsubscribe(QObject *context)
{
    const QMutexLocker lock(&m_mutex);
    m_subscribers.removeIf([context](const auto &subscriber) { return subscriber.first == context; });
}

void ChangeListener::listen()
{
    const Result<QSqlDatabase> db = m_database.connection();
    if (!db) {
        qCWarning(lcServer).noquote() << "live updates: cannot connect to listen for changes:" << db.error().toString();
        m_database.closeConnection(); // a failed connection stays "open" in QtSql
        return;
    }
    QSqlDriver *driver = db->driver();
    QObject::connect(driver, &QSqlDriver::notification, m_context, [this] { bump(); });
    if (!driver->subscribeToNotification(QLatin1String(Channel))) {
        qCWarning(lcServer).noquote() << "live updates: LISTEN failed:" << driver->lastError().text();
        m_database.closeConnection();
        return;
    }
    m_listening = true;
    qCInfo(lcServer) << "live updates: listening on" << Channel;
    bump(); // anything committed while nobody listened
}

void ChangeListener::checkHealth()
{
    if (!m_listening) {
        listen();
        return;
    }
    const Result<QSqlDatabase> db = m_database.connection();
    QSqlQuery query(db ? db.value() : QSqlDatabase());
    if (db && query.exec(QStringLiteral("SELECT 1")))
        return;
    qCWarning(lcServer).noquote() << "live updates: the listening connection broke; connecting again";
    m_listening = false;
    query = QSqlQuery();
    m_database.closeConnection();
    listen();
}

} // namespace casedesk::server
