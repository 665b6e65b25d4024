#include "sync/SyncSession.h"

#include "storage/BlobFileStore.h"
#include "storage/CacheDatabase.h"
#include "storage/CacheOwner.h"
#include "storage/SyncStore.h"
#include "sync/BlobTransfer.h"
#include "sync/LiveListener.h"
#include "sync/QtRetryTimer.h"
#include "sync/ServerApi.h"
#include "sync/SyncLog.h"

#include <QCoreApplication>

#include <optional>

namespace casedesk::sync {

namespace {

QString loginProblem(const ApiResponse &response, const QUrl &server)
{
    switch (response.outcome) {
    case ApiResponse::Outcome::Success:
        break;
    case ApiResponse::Outcome::NetworkFailure:
        return QCoreApplication::translate("Sync", "The server %1 cannot be reached. Check the address and your "
                                                   "network connection, or work offline.")
            .arg(server.toDisplayString());
    case ApiResponse::Outcome::InvalidReply:
        if (response.errorCode == QLatin1String("token_store_failed"))
            return QCoreApplication::translate("Sync", "The system keychain cannot keep your sign-in. Make sure the "
                                                       "keychain is running and unlocked, then log in again.");
        return QCoreApplication::translate("Sync", "%1 does not answer like a CaseDesk server. Check the server "
                                                   "address.")
            .arg(server.toDisplayString());
    case ApiResponse::Outcome::HttpError:
        if (response.errorCode == QLatin1String("invalid_credentials"))
            return QCoreApplication::translate("Sync", "The login or the password is wrong, or the account is "
                                                       "disabled. Check both and try again.");
        if (response.httpStatus == 429)
            return QCoreApplication::translate("Sync", "There were too many failed logins. Wait a few minutes, then "
                                                       "try again.");
        if (response.isTransient())
            return QCoreApplication::translate("Sync", "The server is busy or being maintained. Try again in a few "
                                                       "minutes, or work offline.");
        break;
    }
    return QCoreApplication::translate("Sync", "The server refused the login (%1). Try again, or ask your IT "
                                               "support.")
        .arg(response.errorMessage);
}

} // namespace

// Everything that touches the network or the worker's cache connection, on the worker thread: the members are made
// there (open(), logIn(), resume()) and destroyed there (shutDown()).
class SyncSession::Worker : public QObject {
public:
    Worker(SyncSession *session, QString cachePath, QByteArray cacheKey, TokenStoreFactory tokenStores)
        : m_session(session), m_cachePath(std::move(cachePath)), m_cacheKey(std::move(cacheKey)),
          m_tokenStores(std::move(tokenStores))
    {
    }

    void shutDown()
    {
        endSession();
        m_liveRetry.reset();
        m_syncRetry.reset();
        m_tokens.reset();
        m_cache.reset();
    }

    void open()
    {
        m_syncRetry = std::make_unique<QtRetryTimer>();
        m_liveRetry = std::make_unique<QtRetryTimer>();
        auto opened = storage::CacheDatabase::open(m_cachePath, m_cacheKey);
        // The documents beside the cache, under a key derived from the cache's (BlobFileStore).
        auto blobs = storage::BlobFileStore::open(m_cachePath, m_cacheKey);
        m_cacheKey.fill('\0'); // no longer needed: the connection and the blob store hold their keys
        if (blobs)
            m_blobs = std::move(blobs).value();
        else
            qCWarning(lcSync).noquote() << "documents cannot be transferred:" << blobs.error().toString();
        if (!opened) {
            qCWarning(lcSync).noquote() << "the sync's cache connection does not open:" << opened.error().toString();
            report([message = opened.error().message](SyncSession &s) { emit s.failed(message); });
            return;
        }
        m_cache = std::move(opened).value();
        reportPendingCount();
    }

    void resume(const QUrl &server, const QString &login)
    {
        if (!useTokenStore(server, login, [](SyncSession &s, const QString &) { emit s.sessionEnded(); }))
            return;
        if (!m_tokens->tokens()) {
            qCInfo(lcSync) << "no stored session for" << login << "at" << server;
            report([](SyncSession &s) { emit s.sessionEnded(); });
            return;
        }
        // A stored session belongs to the clientId of the cache it logged in with. Another user's cache has another
        // one, and so has a cache without an owner: a new one, or one made anew after the old was moved aside (the
        // session's pushes would be refused as another installation's). Both need a login.
        const Result<QUuid> owner = storage::CacheOwner(*m_cache).owner();
        if (!owner || owner->isNull() || *owner != m_tokens->tokens()->userId) {
            qCInfo(lcSync) << "the stored session of" << login << "is not for this cache";
            report([](SyncSession &s) { emit s.sessionEnded(); });
            return;
        }
        startSession();
    }

    void logIn(const QUrl &server, const QString &login, const QString &password)
    {
        const auto failed = [](SyncSession &s, const QString &message) { emit s.loginFailed(message); };
        if (!useTokenStore(server, login, failed))
            return;
        logInWithClientId(server, login, password, true);
    }

    void syncNow()
    {
        if (m_engine)
            m_engine->syncNow();
        else
            reportPendingCount(); // not logged in: at least the count of local changes is current
    }

private:
    // Runs `f` on the session's thread (queued: the session outlives the worker, and a posted call to a
    // session being destroyed is dropped with it).
    template <typename F> void report(F f)
    {
        SyncSession *session = m_session;
        QMetaObject::invokeMethod(
            session, [session, f = std::move(f)] { f(*session); }, Qt::QueuedConnection);
    }

    // Logs in with the cache's clientId. A first login makes the cache its user's; another user's takes it over
    // (CacheOwner) and logs in once more, with the new clientId the session must carry.
    void logInWithClientId(const QUrl &server, const QString &login, const QString &password, bool mayTakeOver)
    {
        const auto failed = [](SyncSession &s, const QString &message) { emit s.loginFailed(message); };
        const Result<QUuid> clientId = storage::SyncStore(*m_cache).clientId();
        if (!clientId) {
            report([message = clientId.error().message, failed](SyncSession &s) { failed(s, message); });
            return;
        }
        m_api->login(
            login, password, *clientId,
            [this, server, login, password, mayTakeOver, failed](const ApiResponse &response) {
                if (!response.ok()) {
                    qCInfo(lcSync).noquote() << "login failed:" << response.describe();
                    report([message = loginProblem(response, server), failed](SyncSession &s) { failed(s, message); });
                    return;
                }
                const Result<bool> startedOver = storage::CacheOwner(*m_cache).takeOver(m_tokens->tokens()->userId);
                if (!startedOver) {
                    qCInfo(lcSync).noquote() << "the cache stays another user's:" << startedOver.error().toString();
                    // No session for this cache: its tokens are not kept (the reply's ServerApi stays).
                    if (Result<void> cleared = m_tokens->clear(); !cleared)
                        qCWarning(lcSync).noquote() << "the session stays stored:" << cleared.error().toString();
                    report([message = startedOver.error().message, failed](SyncSession &s) { failed(s, message); });
                    return;
                }
                // The previous user's documents go with the cache (encrypted, but nobody's to read any more).
                if (*startedOver && m_blobs) {
                    if (Result<void> removed = m_blobs->removeAll(); !removed)
                        qCWarning(lcSync).noquote()
                            << "the previous user's documents stay:" << removed.error().toString();
                }
                if (*startedOver && mayTakeOver) {
                    logInWithClientId(server, login, password, false);
                    return;
                }
                startSession();
            });
    }

    // Ends any running session and makes the token store and ServerApi for `login` at `server`; false (after
    // reporting through `failed`) when that is not possible.
    template <typename Failed> bool useTokenStore(const QUrl &server, const QString &login, Failed failed)
    {
        endSession();
        const auto fail = [this, failed](const QString &message) {
            report([failed, message](SyncSession &s) { failed(s, message); });
            return false;
        };
        if (!m_cache)
            return fail(QCoreApplication::translate("Sync", "The local case cache is not open, so CaseDesk cannot "
                                                            "synchronise. Restart CaseDesk."));
        if (const Result<QUrl> url = parseServerUrl(server.toString()); !url)
            return fail(url.error().message);
        m_tokens.reset();
        Result<std::unique_ptr<TokenStore>> tokens = m_tokenStores(server, login);
        if (!tokens) {
            qCWarning(lcSync).noquote() << "no token store:" << tokens.error().toString();
            return fail(tokens.error().message);
        }
        m_tokens = std::move(tokens).value();
        m_api = std::make_unique<ServerApi>(server, *m_tokens);
        return true;
    }

    void startSession()
    {
        const QUuid userId = m_tokens->tokens()->userId;
        m_engine = std::make_unique<SyncEngine>(*m_api, *m_cache, *m_syncRetry);
        if (m_blobs) {
            m_transfer = std::make_unique<BlobTransfer>(*m_api, *m_blobs);
            m_engine->setBlobTransfer(m_transfer.get());
        }
        m_listener = std::make_unique<LiveListener>(*m_api, *m_tokens, *m_liveRetry);
        connect(m_listener.get(), &LiveListener::cursorMoved, m_engine.get(), &SyncEngine::syncNow);
        SyncSession *session = m_session;
        // Queued to the session's thread by Qt (the receiver lives there).
        connect(m_engine.get(), &SyncEngine::stateChanged, session, &SyncSession::stateChanged);
        connect(m_engine.get(), &SyncEngine::onlineChanged, session, &SyncSession::onlineChanged);
        connect(m_engine.get(), &SyncEngine::pendingCountChanged, session, &SyncSession::pendingCountChanged);
        connect(m_engine.get(), &SyncEngine::synced, session, &SyncSession::synced);
        connect(m_engine.get(), &SyncEngine::referenceUpdated, session, &SyncSession::referenceUpdated);
        connect(m_api.get(), &ServerApi::sessionEnded, session, [session](const QString &code) {
            qCInfo(lcSync).noquote() << "the session ended:" << code;
            emit session->sessionEnded();
        });
        report([userId](SyncSession &s) { emit s.loggedIn(userId); });
        m_listener->start();
        m_engine->syncNow();
    }

    // The listener and the engine first: the ServerApi's pending replies die with it and call no one afterwards.
    void endSession()
    {
        m_listener.reset();
        m_engine.reset();
        m_transfer.reset();
        m_api.reset();
    }

    void reportPendingCount()
    {
        if (!m_cache)
            return; // failed() said why
        const Result<qint64> count = storage::SyncStore(*m_cache).pendingCount();
        if (!count) {
            qCWarning(lcSync).noquote() << "counting the pending changes failed:" << count.error().toString();
            return;
        }
        report([count = *count](SyncSession &s) { emit s.pendingCountChanged(count); });
    }

    SyncSession *m_session;
    QString m_cachePath;
    QByteArray m_cacheKey;
    TokenStoreFactory m_tokenStores;
    std::unique_ptr<storage::CacheDatabase> m_cache;
    std::optional<storage::BlobFileStore> m_blobs;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<QtRetryTimer> m_syncRetry; // the engine's
    std::unique_ptr<QtRetryTimer> m_liveRetry; // the listener's
    std::unique_ptr<ServerApi> m_api;
    std::unique_ptr<BlobTransfer> m_transfer; // the engine's, for the documents of attachDocument
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<LiveListener> m_listener;
};

SyncSession::SyncSession(const QString &cachePath, const QByteArray &cacheKey, TokenStoreFactory tokenStores,
                         QObject *parent)
    : QObject(parent), m_thread(std::make_unique<QThread>()),
      m_worker(new Worker(this, cachePath, cacheKey, std::move(tokenStores)))
{
    // The getters follow the signals (connected first, so every other receiver already sees the new value).
    connect(this, &SyncSession::stateChanged, this, [this](SyncEngine::State state) { m_state = state; });
    connect(this, &SyncSession::onlineChanged, this, [this](bool online) { m_online = online; });
    connect(this, &SyncSession::pendingCountChanged, this, [this](qint64 count) { m_pendingCount = count; });
    connect(this, &SyncSession::loggedIn, this, [this](const QUuid &userId) { m_userId = userId; });
    connect(this, &SyncSession::sessionEnded, this, [this] {
        if (m_state != SyncEngine::State::NeedsLogin)
            emit stateChanged(SyncEngine::State::NeedsLogin);
    });
    m_thread->setObjectName(QStringLiteral("casedesk-sync"));
    m_worker->moveToThread(m_thread.get());
    m_thread->start();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->open(); }, Qt::QueuedConnection);
}

SyncSession::~SyncSession()
{
    // The worker's objects (timers, sockets, the cache connection) belong to its thread: they end there. The
    // worker itself then holds nothing that needs its thread.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->shutDown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

Result<QUrl> SyncSession::parseServerUrl(const QString &text)
{
    const QUrl url = QUrl::fromUserInput(text.trimmed());
    const bool web = url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    if (text.trimmed().isEmpty() || !url.isValid() || !web || url.host().isEmpty() || !url.query().isEmpty() ||
        !url.fragment().isEmpty() || !url.userInfo().isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Sync", "Enter the server address as your IT support gave it to "
                                                             "you, for example https://casedesk.example.org."),
                         text);
    return url;
}

void SyncSession::resume(const QUrl &server, const QString &login)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, server, login] { worker->resume(server, login); }, Qt::QueuedConnection);
}

void SyncSession::logIn(const QUrl &server, const QString &login, const QString &password)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, server, login, password] { worker->logIn(server, login, password); },
        Qt::QueuedConnection);
}

void SyncSession::syncNow()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->syncNow(); }, Qt::QueuedConnection);
}

} // namespace casedesk::sync
