// "A change was committed" from PostgreSQL, for the live channel: one dedicated connection per server process
// that LISTENs on casedesk_changes (the transaction of every change runs NOTIFY casedesk_changes), so a change
// committed through any server process wakes the waiters of every process. The connection lives on a thread of
// its own with an event loop (QSqlDriver delivers notifications through a socket notifier); it is checked every
// few seconds and opened again after a failure, and each (re)subscription also counts as a change, because
// notifications sent while it was down are lost.
#pragma once

#include "server/ServerDatabase.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <functional>

namespace casedesk::server {

class ChangeListener {
public:
    static constexpr char Channel[] = "casedesk_changes";

    explicit ChangeListener(ServerDatabase database);
    ~ChangeListener(); // wakes the waiters and stops the thread
    ChangeListener(const ChangeListener &) = delete;
    ChangeListener &operator=(const ChangeListener &) = delete;

    // Counts notifications (and subscriptions); compare with an earlier value to see whether anything happened.
    quint64 generation() const;
    // Blocks until generation() is no longer `seen`, `timeoutMs` have passed or the process shuts down.
    void waitForChange(quint64 seen, int timeoutMs) const;
    // Subscribed right now; while not, waiters must look for changes themselves from time to time.
    bool isListening() const { return m_listening; }
    // From now on nobody waits: the process is about to stop (QCoreApplication::aboutToQuit calls it too).
    void shutdown();
    bool isShuttingDown() const;

    // Runs `callback` on `context`'s thread (queued) after every change, until unsubscribe(context).
    void subscribe(QObject *context, std::function<void()> callback);
    void unsubscribe(QObject *context);

private:
    void listen();      // on the listener thread
    void checkHealth(); // on the listener thread
    void bump();

    ServerDatabase m_database;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread: receives the notifications and runs the health check
    QObject m_guard;              // on the creating thread: ends the aboutToQuit connection with this object
    mutable QMutex m_mutex;
    mutable QWaitCondition m_changed;
    quint64 m_generation = 0;
    bool m_shuttingDown = false;
    QList<std::pair<QObject *, std::function<void()>>> m_subscribers; // under m_mutex
    std::atomic<bool> m_listening{false};
};

} // namespace casedesk::server
