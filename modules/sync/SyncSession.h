// The client's connection to its server, off the UI thread: a worker thread on which live the session's own
// connection to the cache file (SQLite WAL: the UI's connection reads while the worker writes), the ServerApi, the
// SyncEngine and the LiveListener, whose "cursor moved" starts a sync. The UI thread talks to it only through the
// queued calls and the signals below; the getters answer from the last signals, never from the worker's objects.
//
// The tokens live in a TokenStore made per login by the factory (the application's: KeychainTokenStore under the
// server URL and the login). A session that ends (refresh refused) keeps the outbox: sessionEnded() asks the user to
// log in again, and the next logIn() picks up where the engine stopped.
#pragma once

#include "sync/SyncEngine.h"
#include "sync/TokenStore.h"

#include <QObject>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <functional>
#include <memory>

namespace casedesk::sync {

class SyncSession : public QObject {
    Q_OBJECT

public:
    // Makes the token store of `login` at `server`, holding whatever session is stored there. Runs on the worker.
    using TokenStoreFactory =
        std::function<Result<std::unique_ptr<TokenStore>>(const QUrl &server, const QString &login)>;

    // Starts the worker, which opens its connection to the cache at `cachePath` with `cacheKey` (the key the UI
    // opened it with). A cache that does not open there is reported through failed().
    SyncSession(const QString &cachePath, const QByteArray &cacheKey, TokenStoreFactory tokenStores,
                QObject *parent = nullptr);
    // Ends the session's work (a running sync is abandoned: what it stored is complete, the rest comes again)
    // and joins the worker before it returns.
    ~SyncSession() override;

    // A server address as typed by the user ("https://host[:port][/path]"; a bare host means http), or Invalid with
    // a translated message saying how to write it.
    static Result<QUrl> parseServerUrl(const QString &text);

    // What the signals said last (NeedsLogin until a session runs; sessionEnded() comes with NeedsLogin).
    SyncEngine::State state() const { return m_state; }
    bool isOnline() const { return m_online; }
    qint64 pendingCount() const { return m_pendingCount; }
    QUuid userId() const { return m_userId; }

    // The worker's thread, for tests that check where the work happens.
    QThread *workerThread() const { return m_thread.get(); }

public slots:
    // Continues the session stored for `login` at `server`: loggedIn() when there is one, else sessionEnded().
    void resume(const QUrl &server, const QString &login);
    // Logs in (the cache's clientId goes with it): loggedIn() and a first sync, or loginFailed().
    void logIn(const QUrl &server, const QString &login, const QString &password);
    void syncNow();

signals:
    void loggedIn(const QUuid &userId);
    void loginFailed(const QString &message); // translated, says what to do
    void sessionEnded();                      // log in again; the outbox is kept
    void stateChanged(casedesk::sync::SyncEngine::State state);
    void onlineChanged(bool online);
    void pendingCountChanged(qint64 count);
    void synced();                       // a run completed: the UI reloads what it shows
    void referenceUpdated();             // users, teams or deputies changed: the UI reads its user again
    void failed(const QString &message); // the worker cannot work (its cache does not open); translated

private:
    class Worker;

    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr; // lives on m_thread; emptied there before the thread ends
    SyncEngine::State m_state = SyncEngine::State::NeedsLogin;
    bool m_online = false;
    qint64 m_pendingCount = 0;
    QUuid m_userId;
};

} // namespace casedesk::sync
