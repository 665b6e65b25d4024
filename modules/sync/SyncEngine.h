// The headless sync loop of one cache (DESIGN.md, "Sync protocol"): a run pushes the pending outbox commands in
// clientSeq order, in batches, then pulls pages until the server has no more changes and no more results of our
// commands; each page is stored with its cursor in one transaction (storage::SyncStore), and the next page is
// asked for while one is stored, so the server and the cache work at the same time. The results of pushed
// commands are taken from the pull, which carries them again whenever a push reply was lost, so both paths are
// one. Transient failures (no network, server busy or down) are retried by themselves with exponential backoff,
// never sooner than the server's Retry-After; a lost session waits for a new login; anything else stops the loop
// until syncNow() is called again. All on the thread the engine lives on: move it to a worker thread together
// with its ServerApi and cache.
#pragma once

#include "core/Result.h"
#include "storage/SyncStore.h"
#include "sync/ApiResponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>

#include <chrono>
#include <optional>

namespace casedesk::storage {
class CacheDatabase;
}

namespace casedesk::sync {

class BlobTransfer;
class RetryTimer;
class ServerApi;

class SyncEngine : public QObject {
    Q_OBJECT

public:
    enum class State {
        Idle,           // nothing running; the last run (if any) completed
        Syncing,        // a run is under way
        WaitingToRetry, // a transient failure: the retry timer runs
        NeedsLogin,     // the session ended: the outbox is kept until the user logs in again
        Failed,         // a failure that trying again will not fix by itself (see lastError())
    };
    Q_ENUM(State)

    struct Options {
        int pushBatch = 200;                        // commands per push (the server takes up to 500)
        int pullLimit = 1000;                       // changes per pull page (the server takes up to 1000)
        std::chrono::milliseconds firstRetry{1000}; // backoff after the first transient failure, doubling
        std::chrono::milliseconds maxRetry{300000}; // and never more than this
        int maxResetsPerRun = 2;                    // more resets in one run: the server is retried later
        // A result the server holds back until its change can be delivered (an older transaction still runs):
        // pulled again after this pause, at most heldPulls times in a run (then the live channel says when).
        std::chrono::milliseconds heldPause{50};
        int heldPulls = 100;
        // Reference data (users, teams, deputies, models) is asked for at the end of a run at most this often
        // (an unchanged state costs one 304); a reset of the feed (the scope changed) asks at once.
        std::chrono::milliseconds referenceEvery{std::chrono::minutes(5)};
    };

    SyncEngine(ServerApi &api, storage::CacheDatabase &cache, RetryTimer &retryTimer, QObject *parent = nullptr);
    void setOptions(const Options &options) { m_options = options; }
    // Uploads the document of each attachDocument before the command is pushed; without it such commands go out
    // as they are (the server rejects one whose document it lacks).
    void setBlobTransfer(BlobTransfer *blobs) { m_blobs = blobs; }

    // Starts a run now (cancelling a scheduled retry), or one more right after the running one: call it after
    // every local change and when the live channel says the cursor moved.
    void syncNow();

    State state() const { return m_state; }
    bool isOnline() const { return m_online; }
    Error lastError() const { return m_lastError; }

signals:
    void stateChanged(casedesk::sync::SyncEngine::State state);
    void onlineChanged(bool online);
    void pendingCountChanged(qint64 count);
    void synced();           // a run completed: everything pushed, the feed pulled
    void referenceUpdated(); // a new state of the reference data is in the cache
    void retryScheduled(std::chrono::milliseconds delay);

private:
    void startRun();
    void pushNext();
    void pullNext();
    void prefetch(const QString &cursor, qint64 resultsAfter);
    void dropPrefetch();
    void handlePage(qint64 resultsAfter, const ApiResponse &response);
    void storePage(qint64 resultsAfter, const storage::PulledPage &page);
    void fetchReference();
    void finishRun();
    void handleFailure(const ApiResponse &response);
    void fail(const Error &error);
    void scheduleRetry(std::optional<std::chrono::seconds> retryAfter);
    void setState(State state);
    void setOnline(bool online);
    void reportPendingCount();

    ServerApi &m_api;
    BlobTransfer *m_blobs = nullptr;
    QSet<QString> m_uploaded; // documents the server has, found in this run
    storage::CacheDatabase &m_cache;
    storage::SyncStore m_store;
    RetryTimer &m_retryTimer;
    Options m_options;
    State m_state = State::Idle;
    bool m_online = false;
    bool m_again = false; // syncNow() during a run
    QUuid m_clientId;
    qint64 m_pushedUpTo = 0; // this run pushed the pending commands up to here
    int m_resets = 0;        // resets seen in this run
    int m_heldPulls = 0;     // pulls again for held-back results in this run
    int m_failures = 0;      // transient failures in a row
    std::optional<qint64> m_pendingCount;
    // The page after the one being stored, asked for before storing it.
    struct PrefetchedPage {
        QString cursor;
        qint64 resultsAfter = 0;
        std::optional<ApiResponse> response; // until it arrives
        bool awaited = false;                // the run waits for it: its reply goes on with the run
    };
    std::optional<PrefetchedPage> m_prefetch;
    quint64 m_prefetchGeneration = 0; // the reply of a dropped prefetch is ignored
    QElapsedTimer m_referenceAge;     // since the reference data was last found current; invalid: ask next run
    Error m_lastError;
};

} // namespace casedesk::sync
