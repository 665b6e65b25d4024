#include "sync/SyncEngine.h"

#include "storage/ReferenceRepository.h"
#include "storage/ReferenceSnapshot.h"
#include "sync/BlobTransfer.h"
#include "sync/RetryTimer.h"
#include "sync/ServerApi.h"
#include "sync/SyncLog.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTimer>

namespace casedesk::sync {

SyncEngine::SyncEngine(ServerApi &api, storage::CacheDatabase &cache, RetryTimer &retryTimer, QObject *parent)
    : QObject(parent), m_api(api), m_cache(cache), m_store(cache), m_retryTimer(retryTimer)
{
}

void SyncEngine::syncNow()
{
    if (m_state == State::Syncing) {
        m_again = true;
        return;
    }
    m_retryTimer.stop();
    startRun();
}

void SyncEngine::startRun()
{
    m_again = false;
    m_pushedUpTo = 0;
    m_resets = 0;
    m_heldPulls = 0;
    m_uploaded.clear();
    setState(State::Syncing);
    reportPendingCount();
    Result<QUuid> clientId = m_store.clientId();
    if (!clientId) {
        fail(clientId.error());
        return;
    }
    m_clientId = *clientId;
    pushNext();
}

void SyncEngine::pushNext()
{
    Result<QList<Command>> batch = m_store.pendingCommands(m_pushedUpTo, m_options.pushBatch);
    if (!batch) {
        fail(batch.error());
        return;
    }
    if (batch->isEmpty()) {
        pullNext();
        return;
    }
    if (m_blobs) {
        // An attachDocument goes out only once the server has its document: one upload at a time, then here again.
        for (const Command &command : std::as_const(*batch)) {
            const std::optional<QString> sha = BlobTransfer::blobOf(command);
            if (!sha || m_uploaded.contains(*sha))
                continue;
            m_blobs->ensureUploaded(*sha, [this, sha = *sha](const BlobTransfer::Outcome &outcome) {
                if (outcome.response && (outcome.isTransient() || outcome.response->httpStatus == 401)) {
                    handleFailure(*outcome.response);
                    return;
                }
                // Refused for good (the local copy is damaged or gone, the server will not take it): the command
                // goes out all the same, the server rejects it for the missing document, and the user sees that
                // under "Needs attention" instead of an outbox stuck behind it.
                if (!outcome.ok())
                    qCWarning(lcSync).noquote()
                        << "document" << sha << "cannot be uploaded:" << outcome.result.error().toString();
                m_uploaded.insert(sha);
                pushNext();
            });
            return;
        }
    }
    const qint64 last = batch->constLast().clientSeq;
    m_api.push(m_clientId, *batch, [this, last](const ApiResponse &response) {
        if (!response.ok()) {
            handleFailure(response);
            return;
        }
        setOnline(true);
        // The results arrive with the pull as well, together with the cases they changed.
        m_pushedUpTo = last;
        pushNext();
    });
}

void SyncEngine::pullNext()
{
    Result<QString> cursor = m_store.cursor();
    if (!cursor) {
        fail(cursor.error());
        return;
    }
    Result<qint64> resultsAfter = m_store.resultsAfter();
    if (!resultsAfter) {
        fail(resultsAfter.error());
        return;
    }
    const qint64 after = *resultsAfter;
    if (m_prefetch && m_prefetch->cursor == *cursor && m_prefetch->resultsAfter == after) {
        if (!m_prefetch->response) {
            m_prefetch->awaited = true; // its reply goes on with the run
            return;
        }
        const ApiResponse response = *std::move(m_prefetch->response);
        m_prefetch.reset();
        handlePage(after, response);
        return;
    }
    dropPrefetch(); // asked for another position: the page this one stored is not the one it expected
    m_api.pull(*cursor, m_options.pullLimit, after,
               [this, after](const ApiResponse &response) { handlePage(after, response); });
}

void SyncEngine::prefetch(const QString &cursor, qint64 resultsAfter)
{
    m_prefetch = PrefetchedPage{cursor, resultsAfter, std::nullopt, false};
    const quint64 generation = ++m_prefetchGeneration;
    m_api.pull(cursor, m_options.pullLimit, resultsAfter, [this, generation](const ApiResponse &response) {
        if (generation != m_prefetchGeneration || !m_prefetch)
            return; // dropped: the run ended or went elsewhere
        if (!m_prefetch->awaited) {
            m_prefetch->response = response;
            return;
        }
        const qint64 after = m_prefetch->resultsAfter;
        m_prefetch.reset();
        handlePage(after, response);
    });
}

void SyncEngine::dropPrefetch()
{
    m_prefetch.reset();
    ++m_prefetchGeneration;
}

void SyncEngine::handlePage(qint64 after, const ApiResponse &response)
{
    if (!response.ok()) {
        handleFailure(response);
        return;
    }
    setOnline(true);
    Result<storage::PulledPage> page = storage::PulledPage::fromJson(response.body);
    if (!page) {
        // Another version of the server, or a damaged reply: trying again later may meet a fixed one.
        qCWarning(lcSync).noquote() << "unreadable pull page:" << page.error().toString();
        m_lastError = page.error();
        scheduleRetry(std::nullopt);
        return;
    }
    if (page->reset)
        m_referenceAge.invalidate(); // a new scope may come with new teams or deputies
    if (page->reset && ++m_resets > m_options.maxResetsPerRun) {
        // Each reset starts the feed over; a server that keeps doing so must not keep us pulling forever.
        qCWarning(lcSync) << "the server reset the feed" << m_resets << "times in one run; trying later";
        scheduleRetry(std::nullopt);
        return;
    }
    // A page without results leaves resultsAfter as it is, so the next request is known now: the server builds
    // it while this page is stored (a first pull is hundreds of pages). The network layer sends a request only
    // once this thread's event loop runs again, so the page is stored after that.
    if (page->more && page->results.isEmpty() && !page->resultsMore) {
        prefetch(page->cursor, after);
        QMetaObject::invokeMethod(
            this, [this, after, page = *std::move(page)] { storePage(after, page); }, Qt::QueuedConnection);
        return;
    }
    storePage(after, *page);
}

void SyncEngine::storePage(qint64 after, const storage::PulledPage &page)
{
    if (Result<void> applied = m_store.applyPage(page); !applied) {
        fail(applied.error());
        return;
    }
    reportPendingCount();
    Result<qint64> nextAfter = m_store.resultsAfter();
    if (!nextAfter) {
        fail(nextAfter.error());
        return;
    }
    // More results are worth asking for only while they resolve commands; a result that matches no outbox
    // entry would otherwise be answered again and again.
    if (page.more || (page.resultsMore && *nextAfter != after))
        pullNext();
    else if (page.resultsHeld && ++m_heldPulls <= m_options.heldPulls)
        QTimer::singleShot(m_options.heldPause, this, &SyncEngine::pullNext);
    else if (!m_referenceAge.isValid() || m_referenceAge.elapsed() >= m_options.referenceEvery.count())
        fetchReference();
    else
        finishRun();
}

void SyncEngine::fetchReference()
{
    storage::ReferenceRepository reference(m_cache);
    Result<QByteArray> etag = reference.referenceEtag();
    if (!etag) {
        fail(etag.error());
        return;
    }
    // Cases and commands are through by now: reference data that cannot be had ends the run all the same (the
    // user's work is synced; the copy held stays) and is asked for again by the next run. Only an ended session
    // stops here.
    m_api.reference(*etag, [this](const ApiResponse &response) {
        if (response.isSessionEnded()) {
            handleFailure(response);
            return;
        }
        if (!response.ok()) {
            qCInfo(lcSync).noquote() << "reference data not fetched:" << response.describe();
            finishRun();
            return;
        }
        if (response.httpStatus != ApiResponse::NotModified) {
            Result<storage::ReferenceSnapshot> snapshot =
                storage::ReferenceSnapshot::fromJson(response.body, response.etag);
            if (!snapshot) {
                qCWarning(lcSync).noquote() << "unreadable reference data:" << snapshot.error().toString();
                finishRun();
                return;
            }
            if (Result<void> stored = storage::ReferenceRepository(m_cache).replaceReference(*snapshot); !stored) {
                fail(stored.error());
                return;
            }
            emit referenceUpdated();
        }
        m_referenceAge.start();
        finishRun();
    });
}

void SyncEngine::finishRun()
{
    m_failures = 0;
    m_lastError = {};
    setState(State::Idle);
    emit synced();
    if (m_again)
        startRun();
}

void SyncEngine::handleFailure(const ApiResponse &response)
{
    qCInfo(lcSync).noquote() << "sync run failed:" << response.describe();
    setOnline(response.outcome != ApiResponse::Outcome::NetworkFailure);
    if (response.isSessionEnded()) {
        m_lastError = makeError(ErrorCode::Cancelled,
                                QCoreApplication::translate("Sync", "Your session has ended. Log in again to "
                                                                    "continue syncing; your changes are kept."),
                                response.describe());
        m_again = false;
        setState(State::NeedsLogin);
        return;
    }
    if (response.isTransient()) {
        m_lastError = makeError(ErrorCode::Io,
                                QCoreApplication::translate("Sync", "The server cannot be reached right now. Your "
                                                                    "changes are kept and sent as soon as it can."),
                                response.describe());
        scheduleRetry(response.retryAfter);
        return;
    }
    fail(makeError(ErrorCode::Internal,
                   QCoreApplication::translate("Sync", "The server refused to sync. Your changes are kept. If this "
                                                       "persists, report it to your IT support."),
                   response.describe()));
}

void SyncEngine::fail(const Error &error)
{
    qCWarning(lcSync).noquote() << "sync stopped:" << error.toString();
    m_lastError = error;
    m_again = false;
    setState(State::Failed);
}

void SyncEngine::scheduleRetry(std::optional<std::chrono::seconds> retryAfter)
{
    using std::chrono::milliseconds;
    const qint64 first = m_options.firstRetry.count();
    const qint64 cap = m_options.maxRetry.count();
    const int doublings = std::min(m_failures, 30);
    const qint64 backoff = std::min(cap, first << doublings);
    ++m_failures;
    // Half of it at random: clients that lost the server together do not all come back at the same instant.
    qint64 delay = backoff / 2 + QRandomGenerator::global()->bounded(backoff / 2 + 1);
    if (retryAfter)
        delay = std::max<qint64>(delay, std::chrono::duration_cast<milliseconds>(*retryAfter).count());
    m_again = false;
    setState(State::WaitingToRetry);
    emit retryScheduled(milliseconds(delay));
    m_retryTimer.start(milliseconds(delay), [this] { startRun(); });
}

void SyncEngine::setState(State state)
{
    if (m_state == state)
        return;
    if (m_state == State::Syncing)
        dropPrefetch();
    if (m_state == State::Syncing && state != State::Idle) {
        // A first pull that stops between its pages must not leave the inbox without its indexes.
        if (Result<void> restored = m_store.pullBrokenOff(); !restored)
            qCWarning(lcSync).noquote() << "cannot restore the inbox indexes:" << restored.error().toString();
    }
    m_state = state;
    emit stateChanged(state);
}

void SyncEngine::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    emit onlineChanged(online);
}

void SyncEngine::reportPendingCount()
{
    Result<qint64> count = m_store.pendingCount();
    if (!count) {
        qCWarning(lcSync).noquote() << "cannot count the pending changes:" << count.error().toString();
        return;
    }
    if (m_pendingCount == *count)
        return;
    m_pendingCount = *count;
    emit pendingCountChanged(*count);
}

} // namespace casedesk::sync
