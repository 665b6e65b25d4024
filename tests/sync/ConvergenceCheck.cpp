#include "ConvergenceCheck.h"

#include "core/Case.h"
#include "core/Clock.h"
#include "core/Note.h"
#include "core/Uuid.h"
#include "server/ScopeFilter.h"
#include "server/UserDirectory.h"
#include "storage/CacheDatabase.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"
#include "storage/StoredJson.h"

#include <QHash>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

#include "SyncTestClient.h"

namespace casedesk::test {

namespace {

// One case as both sides know it; Vermerke by id and document ids sorted, so the order of reading is no matter.
struct CaseState {
    Case confirmed;
    QList<Note> notes;
    QStringList documentIds;
};
using Snapshot = QHash<QUuid, CaseState>;

Error readError(const QString &what)
{
    return makeError(ErrorCode::Internal, QString(), what);
}

void sortNotes(Snapshot *snapshot)
{
    for (CaseState &state : *snapshot) {
        std::sort(state.notes.begin(), state.notes.end(),
                  [](const Note &a, const Note &b) { return uuidToString(a.id) < uuidToString(b.id); });
        state.documentIds.sort();
    }
}

Result<Case> caseFrom(const QString &json, qint64 version)
{
    Result<QJsonObject> object = storage::StoredJson::object(json);
    if (!object)
        return object.error();
    Result<Case> parsed = Case::fromJson(*object);
    if (parsed)
        parsed.value().version = version; // the version column is the authority on both sides
    return parsed;
}

// Vermerke and document ids of the snapshot's cases, from rows (case id, Note JSON or document id).
template <typename Rows> Result<void> addDetails(Snapshot *snapshot, Rows rows, bool notes)
{
    return rows([&](const QString &caseId, const QString &value) -> Result<void> {
        auto found = snapshot->find(uuidFromString(caseId));
        if (found == snapshot->end())
            return readError(QStringLiteral("a Vermerk or document of case %1, which is not confirmed").arg(caseId));
        if (!notes) {
            found->documentIds.append(value);
            return {};
        }
        Result<QJsonObject> object = storage::StoredJson::object(value);
        if (!object)
            return object.error();
        Result<Note> note = Note::fromJson(*object);
        if (!note)
            return note.error();
        found->notes.append(*note);
        return {};
    });
}

Result<Snapshot> clientSnapshot(storage::CacheDatabase &cache)
{
    storage::SqliteDatabase &db = cache.sqlite();
    Snapshot snapshot;
    auto cases = db.prepare(QStringLiteral("SELECT id, version, json FROM case_confirmed"));
    if (!cases)
        return cases.error();
    auto read = (*cases)->forEachRow([&](const storage::SqliteStatement &row) -> Result<void> {
        Result<Case> parsed = caseFrom(row.text(2), row.int64(1));
        if (!parsed)
            return parsed.error();
        snapshot.insert(uuidFromString(row.text(0)), {*parsed, {}, {}});
        return {};
    });
    if (!read)
        return read.error();
    for (const bool notes : {true, false}) {
        const QString sql = notes ? QStringLiteral("SELECT case_id, json FROM note_confirmed")
                                  : QStringLiteral("SELECT case_id, id FROM document_confirmed");
        auto rows = [&](const auto &add) -> Result<void> {
            auto statement = db.prepare(sql);
            if (!statement)
                return statement.error();
            return (*statement)->forEachRow([&](const storage::SqliteStatement &row) {
                return add(row.text(0), row.text(1));
            });
        };
        if (auto added = addDetails(&snapshot, rows, notes); !added)
            return added.error();
    }
    return snapshot;
}

Result<QSqlQuery> run(QSqlDatabase db, const QString &sql, const std::function<void(QSqlQuery &)> &bind)
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return readError(query.lastError().text());
    bind(query);
    if (!query.exec())
        return readError(query.lastError().text());
    return query;
}

Result<Snapshot> serverSnapshot(QSqlDatabase db, const QUuid &userId)
{
    const Result<QList<User>> users = server::UserDirectory(db).users();
    if (!users)
        return users.error();
    const auto user = std::find_if(users->cbegin(), users->cend(), [&](const User &u) { return u.id == userId; });
    if (user == users->cend())
        return readError(QStringLiteral("no user %1 on the server").arg(uuidToString(userId)));
    const Result<server::ScopeFilter> filter = server::ScopeFilter::forUser(db, *user, Clock::current());
    if (!filter)
        return filter.error();
    Result<QSqlQuery> cases = run(db,
                                  QStringLiteral("SELECT c.id::text, c.version, c.data::text FROM cases c WHERE ") +
                                      server::ScopeFilter::readableCondition(QStringLiteral("c")),
                                  [&](QSqlQuery &q) { filter->bind(q); });
    if (!cases)
        return cases.error();
    Snapshot snapshot;
    for (QSqlQuery &rows = cases.value(); rows.next();) {
        Result<Case> parsed = caseFrom(rows.value(2).toString(), rows.value(1).toLongLong());
        if (!parsed)
            return parsed.error();
        snapshot.insert(uuidFromString(rows.value(0).toString()), {*parsed, {}, {}});
    }
    const QString ids = server::ScopeFilter::uuidArray(snapshot.keys());
    for (const bool notes : {true, false}) {
        const QString sql =
            notes ? QStringLiteral("SELECT case_id::text, data::text FROM notes WHERE case_id = ANY(CAST(:ids AS "
                                   "uuid[]))")
                  : QStringLiteral("SELECT case_id::text, id::text FROM documents WHERE case_id = ANY(CAST(:ids AS "
                                   "uuid[]))");
        auto rows = [&](const auto &add) -> Result<void> {
            Result<QSqlQuery> query = run(db, sql, [&](QSqlQuery &q) { q.bindValue(QStringLiteral(":ids"), ids); });
            if (!query)
                return query.error();
            for (QSqlQuery &rows = query.value(); rows.next();) {
                if (auto added = add(rows.value(0).toString(), rows.value(1).toString()); !added)
                    return added;
            }
            return {};
        };
        if (auto added = addDetails(&snapshot, rows, notes); !added)
            return added.error();
    }
    return snapshot;
}

// What differs in one case, or nothing.
QStringList caseDifferences(const QUuid &id, const CaseState &client, const CaseState &server)
{
    QStringList differences;
    const QString name = uuidToString(id);
    if (client.confirmed.version != server.confirmed.version)
        differences.append(QStringLiteral("case %1: version %2 in the client, %3 on the server")
                               .arg(name)
                               .arg(client.confirmed.version)
                               .arg(server.confirmed.version));
    else if (!(client.confirmed == server.confirmed)) {
        const QJsonObject ours = client.confirmed.toJson();
        const QJsonObject theirs = server.confirmed.toJson();
        QStringList keys = ours.keys() + theirs.keys();
        keys.removeDuplicates();
        keys.removeIf([&](const QString &key) { return ours.value(key) == theirs.value(key); });
        differences.append(QStringLiteral("case %1: %2 differ").arg(name, keys.join(QStringLiteral(", "))));
    }
    if (client.notes != server.notes)
        differences.append(QStringLiteral("case %1: %2 Vermerke in the client, %3 on the server (or other contents)")
                               .arg(name)
                               .arg(client.notes.size())
                               .arg(server.notes.size()));
    if (client.documentIds != server.documentIds)
        differences.append(QStringLiteral("case %1: documents %2 in the client, %3 on the server")
                               .arg(name, client.documentIds.join(u','), server.documentIds.join(u',')));
    return differences;
}

} // namespace

bool ConvergenceCheck::settle(SyncTestClient &client, int timeoutMs, QString *problem)
{
    using State = sync::SyncEngine::State;
    QSignalSpy synced(client.engine.get(), &sync::SyncEngine::synced);
    client.engine->syncNow();
    const bool ended = QTest::qWaitFor(
        [&] {
            if (client.engine->state() == State::WaitingToRetry)
                client.retry.fire();
            return !synced.isEmpty() || client.engine->state() == State::Failed ||
                   client.engine->state() == State::NeedsLogin;
        },
        timeoutMs);
    if (ended && !synced.isEmpty())
        return true;
    *problem = ended ? client.engine->lastError().toString() : QStringLiteral("no run completed in time");
    return false;
}

QString ConvergenceCheck::differences(SyncTestClient &client) const
{
    Result<Snapshot> ours = clientSnapshot(client.cache.db());
    if (!ours)
        return QStringLiteral("cannot read the client's cache: ") + ours.error().toString();
    Result<Snapshot> theirs = serverSnapshot(m_server, client.userId);
    if (!theirs)
        return QStringLiteral("cannot read the server's database: ") + theirs.error().toString();
    sortNotes(&ours.value());
    sortNotes(&theirs.value());
    QStringList differences;
    for (auto it = ours->cbegin(); it != ours->cend(); ++it) {
        const auto server = theirs->constFind(it.key());
        if (server == theirs->cend())
            differences.append(
                QStringLiteral("case %1: in the client, not in the scope on the server").arg(uuidToString(it.key())));
        else
            differences.append(caseDifferences(it.key(), *it, *server));
    }
    for (auto it = theirs->cbegin(); it != theirs->cend(); ++it) {
        if (!ours->contains(it.key()))
            differences.append(
                QStringLiteral("case %1: in the scope on the server, not in the client").arg(uuidToString(it.key())));
    }
    return differences.join(u'\n');
}

} // namespace casedesk::test
