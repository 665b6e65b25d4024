// Checks for a cache the test opens by path (the one a killed syncfailpoint_client left), where ConvergenceCheck,
// which takes a SyncTestClient, cannot reach: run an engine to the end, SQLite's own integrity check, and the
// confirmed cases compared with the server's rows (version, contents, number of Vermerke).
#pragma once

#include "core/Case.h"
#include "core/Uuid.h"
#include "storage/CacheDatabase.h"
#include "storage/CaseRepository.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"
#include "storage/StoredJson.h"
#include "sync/SyncEngine.h"

#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include "ManualRetryTimer.h"

namespace casedesk::test {

// Runs `engine` until a run completes, firing at once the retries it schedules (a server restarting); false with
// the reason when the run fails, needs a login or does not end within `timeoutMs`.
inline bool syncUntilDone(sync::SyncEngine &engine, ManualRetryTimer &retry, int timeoutMs, QString *problem)
{
    QSignalSpy synced(&engine, &sync::SyncEngine::synced);
    engine.syncNow();
    const bool done = QTest::qWaitFor(
        [&] {
            if (engine.state() == sync::SyncEngine::State::WaitingToRetry)
                retry.fire();
            return !synced.isEmpty() || engine.state() == sync::SyncEngine::State::Failed ||
                   engine.state() == sync::SyncEngine::State::NeedsLogin;
        },
        timeoutMs);
    if (done && !synced.isEmpty())
        return true;
    *problem = done ? engine.lastError().toString() : QStringLiteral("no run completed in time");
    return false;
}

// PRAGMA integrity_check reads every page and index: "" when it answers "ok", else what it found.
inline QString integrityProblem(storage::SqliteDatabase &db)
{
    auto stmt = db.prepareUncached(QStringLiteral("PRAGMA integrity_check"));
    if (!stmt)
        return stmt.error().toString();
    auto row = (*stmt)->step();
    if (!row)
        return row.error().toString();
    const QString answer = *row ? (*stmt)->text(0) : QStringLiteral("no answer");
    return answer == QLatin1String("ok") ? QString() : answer;
}

// "" when the cache's confirmed cases are exactly the server's cases that match `scopeCondition` (SQL on the
// server's table cases), each with the server's JSON, version and number of Vermerke; else the first difference.
inline QString confirmedDiffersFromServer(storage::CacheDatabase &cache, const QSqlDatabase &server,
                                          const QString &scopeCondition)
{
    QSqlQuery query(server);
    if (!query.exec(QStringLiteral("SELECT c.id::text, c.version, c.data::text,"
                                   " (SELECT count(*) FROM notes n WHERE n.case_id = c.id) FROM cases c WHERE (") +
                    scopeCondition + u')'))
        return QStringLiteral("server query failed");
    storage::CaseRepository repository(cache);
    auto countNotes = cache.sqlite().prepare(QStringLiteral("SELECT count(*) FROM note_confirmed WHERE case_id = ?"));
    if (!countNotes)
        return countNotes.error().toString();
    int serverCases = 0;
    while (query.next()) {
        ++serverCases;
        const QUuid id = uuidFromString(query.value(0).toString());
        auto json = storage::StoredJson::object(query.value(2).toString());
        if (!json)
            return json.error().toString();
        auto expected = Case::fromJson(*json);
        if (!expected)
            return expected.error().toString();
        Case serverCase = std::move(expected).value();
        serverCase.version = query.value(1).toLongLong(); // the column is the authority (as in SyncStore)
        auto confirmed = repository.confirmedCase(id);
        if (!confirmed)
            return confirmed.error().toString();
        if (!*confirmed)
            return QStringLiteral("case %1 (version %2) is not in the cache")
                .arg(uuidToString(id))
                .arg(serverCase.version);
        if (**confirmed != serverCase)
            return QStringLiteral("case %1: cache has version %2, server version %3 (or other content)")
                .arg(uuidToString(id))
                .arg((*confirmed)->version)
                .arg(serverCase.version);
        (*countNotes)->bind(1, uuidToString(id));
        auto row = (*countNotes)->step();
        if (!row)
            return row.error().toString();
        if ((*countNotes)->int64(0) != query.value(3).toLongLong())
            return QStringLiteral("case %1: %2 Vermerke in the cache, %3 on the server")
                .arg(uuidToString(id))
                .arg((*countNotes)->int64(0))
                .arg(query.value(3).toLongLong());
        (*countNotes)->reset();
    }
    auto cached = cache.sqlite().queryInt64(QStringLiteral("SELECT count(*) FROM case_confirmed"));
    if (!cached)
        return cached.error().toString();
    if (*cached != serverCases)
        return QStringLiteral("%1 confirmed cases in the cache, %2 on the server").arg(*cached).arg(serverCases);
    return QString();
}

} // namespace casedesk::test
