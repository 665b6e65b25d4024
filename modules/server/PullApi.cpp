#include "server/PullApi.h"

#include "core/Clock.h"
#include "core/Uuid.h"
#include "server/ApiReply.h"
#include "server/CaseStore.h"
#include "server/ChangeFeed.h"
#include "server/ChangeListener.h"
#include "server/HttpApiServer.h"
#include "server/SqlError.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSemaphore>
#include <QSqlQuery>

#include <limits>
#include <memory>

namespace casedesk::server {

namespace {

constexpr int defaultWaitSeconds = 25;
constexpr int maxWaitSeconds = 60;
constexpr int settlingRecheckMs = 100; // a change held back by an older transaction: commands take milliseconds
constexpr int unsubscribedRecheckMs = 1000;
constexpr int waitersRetryAfterSeconds = 5;

// An integer query parameter in [minimum, maximum], `fallback` when absent.
ApiResult<qint64> integerParameter(const ApiRequest &request, const QString &name, qint64 minimum, qint64 maximum,
                                   qint64 fallback)
{
    if (!request.query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 value = request.query.queryItemValue(name).toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return ApiError::invalidField(name, QStringLiteral("a whole number from %1 to %2").arg(minimum).arg(maximum));
    return value;
}

// Runs `work` in one read-only REPEATABLE READ transaction: one snapshot for the scope, the feed and the cases.
// Begun with one statement instead of QSqlDatabase::transaction() and SET TRANSACTION, which are a round trip each;
// QPSQL's commit() and rollback() only send COMMIT and ROLLBACK.
// Its statements are planned for their values. The window between two cursors ranges from one change (a live
// update) to the whole feed (a first pull): PostgreSQL keeps a generic plan once it costs less than the plans for
// the first values, and the one it kept after a first pull's pages read all 100,000 changes for the cases that
// left the scope, 90 ms on every later pull (0.1 ms planned for the values; planning costs about 1 ms a pull).
template <typename Work> auto inSnapshot(QSqlDatabase db, Work work) -> decltype(work())
{
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")))
        return databaseError(begin.lastError());
    if (!begin.exec(QStringLiteral("SET LOCAL plan_cache_mode = force_custom_plan"))) {
        const Error error = databaseError(begin.lastError());
        db.rollback();
        return error;
    }
    auto result = work();
    if (!result) {
        db.rollback();
        return result;
    }
    if (!db.commit())
        return databaseError(db.lastError());
    return result;
}

// The stored results of the caller's client's commands after `after`, oldest first, up to the first whose changes
// lie beyond `delivered` (the page's cursor): a client takes a result as the end of its pending command, so the
// result must not come before the change it made, or the user's edit would vanish until a later pull brought it.
// "resultsHeld" says one waits (its transaction may still commit below an older one): the client pulls again soon.
Result<void> addCommandResults(QSqlDatabase db, const AuthSession &session, qint64 after, int limit,
                               const SyncCursor &delivered, QJsonObject *reply)
{
    const Result<QSqlQuery *> query = CaseStore::run(
        db,
        QStringLiteral(
            "SELECT id, client_seq, case_id, name, result, result_detail::text,"
            " EXISTS (SELECT 1 FROM changes ch WHERE ch.case_id = commands.case_id AND ch.command_id = commands.id"
            "  AND (ch.xid, ch.seq) > (CAST(:xid AS xid8), :seq))"
            " FROM commands WHERE client_id = CAST(:client AS uuid) AND user_id = CAST(:user AS uuid)"
            " AND client_seq > :after ORDER BY client_seq LIMIT :limit"),
        {{QStringLiteral(":client"), uuidToString(session.clientId)},
         {QStringLiteral(":user"), uuidToString(session.user.id)},
         {QStringLiteral(":after"), after},
         {QStringLiteral(":xid"), QString::number(delivered.xid)},
         {QStringLiteral(":seq"), delivered.seq},
         {QStringLiteral(":limit"), limit + 1}});
    if (!query)
        return query.error();
    QJsonArray results;
    bool more = false;
    bool held = false;
    while ((*query)->next()) {
        const QSqlQuery &row = **query;
        if (row.value(6).toBool()) {
            held = true;
            break;
        }
        if (results.size() == limit) {
            more = true;
            break;
        }
        results.append(QJsonObject{
            {QStringLiteral("commandId"), row.value(0).toString()},
            {QStringLiteral("clientSeq"), row.value(1).toLongLong()},
            {QStringLiteral("caseId"), row.value(2).toString()},
            {QStringLiteral("name"), row.value(3).toString()},
            {QStringLiteral("result"), row.value(4).toString()},
            {QStringLiteral("detail"), QJsonDocument::fromJson(row.value(5).toString().toUtf8()).object()}});
    }
    (*query)->finish();
    reply->insert(QStringLiteral("results"), results);
    reply->insert(QStringLiteral("resultsMore"), more);
    reply->insert(QStringLiteral("resultsHeld"), held);
    return {};
}

QHttpServerResponse pull(const RequestContext &context)
{
    const ApiRequest &request = context.request;
    const ApiResult<qint64> limit =
        integerParameter(request, QStringLiteral("limit"), 1, ChangeFeed::MaxLimit, ChangeFeed::DefaultLimit);
    if (const ApiError *error = std::get_if<ApiError>(&limit))
        return error->response();
    const ApiResult<qint64> resultsAfter =
        integerParameter(request, QStringLiteral("resultsAfter"), 0, std::numeric_limits<qint64>::max(), -1);
    if (const ApiError *error = std::get_if<ApiError>(&resultsAfter))
        return error->response();
    const std::optional<QString> cursor = request.query.hasQueryItem(QStringLiteral("cursor"))
                                              ? std::optional(request.query.queryItemValue(QStringLiteral("cursor")))
                                              : std::nullopt;
    const int pageSize = int(std::get<qint64>(limit));

    struct Reply {
        QJsonObject body;
        QByteArray cases; // JSON text
    };
    const Result<Reply> reply = inSnapshot(context.db, [&]() -> Result<Reply> {
        const Result<ScopeFilter> filter = ScopeFilter::forUser(context.db, context.session.user, Clock::current());
        if (!filter)
            return filter.error();
        const Result<ChangePage> page = ChangeFeed(context.db).page(filter.value(), cursor, pageSize);
        if (!page)
            return page.error();
        QJsonObject body{{QStringLiteral("removed"), page->removed},
                         {QStringLiteral("cursor"), page->cursor.toText()},
                         {QStringLiteral("more"), page->more},
                         {QStringLiteral("reset"), page->reset}};
        if (std::get<qint64>(resultsAfter) >= 0) {
            if (const Result<void> added = addCommandResults(
                    context.db, context.session, std::get<qint64>(resultsAfter), pageSize, page->cursor, &body);
                !added)
                return added.error();
        }
        return Reply{body, page->cases};
    });
    return reply ? ApiReply::json(reply->body, QLatin1StringView("cases"), reply->cases)
                 : ApiError::fromError(reply.error()).response();
}

Result<ChangeFeed::Movement> movement(const RequestContext &context, const QString &cursor)
{
    return inSnapshot(context.db, [&]() -> Result<ChangeFeed::Movement> {
        const Result<ScopeFilter> filter = ScopeFilter::forUser(context.db, context.session.user, Clock::current());
        if (!filter)
            return filter.error();
        return ChangeFeed(context.db).movement(filter.value(), cursor);
    });
}

QHttpServerResponse wait(const RequestContext &context, const ChangeListener &listener, QSemaphore &waiters)
{
    const ApiRequest &request = context.request;
    const QString cursor = request.query.queryItemValue(QStringLiteral("cursor"));
    if (cursor.isEmpty())
        return ApiError::invalidField(QStringLiteral("cursor"), QStringLiteral("the cursor of the last pull"))
            .response();
    const ApiResult<qint64> timeout =
        integerParameter(request, QStringLiteral("timeout"), 0, maxWaitSeconds, defaultWaitSeconds);
    if (const ApiError *error = std::get_if<ApiError>(&timeout))
        return error->response();
    if (!waiters.tryAcquire())
        return ApiError{ApiError::Status::TooManyRequests, QStringLiteral("too_many_waiters"),
                        QStringLiteral("Too many clients wait for changes on this server process; pull, then wait "
                                       "again after the time in Retry-After."),
                        waitersRetryAfterSeconds}
            .response();
    const QSemaphoreReleaser release(waiters, 1);

    const QDeadlineTimer deadline(std::get<qint64>(timeout) * 1000);
    while (true) {
        // Read before looking, so a notification that arrives while looking is not waited for.
        const quint64 seen = listener.generation();
        const Result<ChangeFeed::Movement> moved = movement(context, cursor);
        if (!moved)
            return ApiError::fromError(moved.error()).response();
        if (moved.value() == ChangeFeed::Movement::Moved)
            return ApiReply::json({{QStringLiteral("cursorMoved"), true}});
        if (deadline.hasExpired() || listener.isShuttingDown())
            return ApiReply::json({{QStringLiteral("cursorMoved"), false}});
        qint64 slice = deadline.remainingTime();
        if (moved.value() == ChangeFeed::Movement::Settling)
            slice = std::min<qint64>(slice, settlingRecheckMs);
        if (!listener.isListening())
            slice = std::min<qint64>(slice, unsubscribedRecheckMs);
        listener.waitForChange(seen, int(slice));
    }
}

} // namespace

std::shared_ptr<ChangeListener> PullApi::addRoutes(HttpApiServer &server, const ServerDatabase &database)
{
    using Method = HttpApiServer::Method;
    // Shared with the routes: it lives as long as a handler can run.
    const auto listener = std::make_shared<ChangeListener>(database);
    const auto waiters = std::make_shared<QSemaphore>(std::max(1, server.options().threads / 2));
    server.addAuthenticatedRoute(QStringLiteral("/api/v1/sync/pull"), Method::Get, HttpApiServer::DefaultBodyLimit,
                                 pull);
    server.addAuthenticatedRoute(
        QStringLiteral("/api/v1/sync/wait"), Method::Get, HttpApiServer::DefaultBodyLimit,
        [listener, waiters](const RequestContext &context) { return wait(context, *listener, *waiters); });
    return listener;
}

} // namespace casedesk::server
