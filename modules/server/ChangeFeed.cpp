#include "server/ChangeFeed.h"

#include "core/Uuid.h"
#include "server/SqlError.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>

namespace casedesk::server {

namespace {

// The xmin of the statement's snapshot: every transaction below it has ended.
const QLatin1String safeXmin("pg_snapshot_xmin(pg_current_snapshot())");

// Changes (alias ch, their case c) of cases that left the caller's scope: not readable now, readable as of an
// earlier change.
QString leftScopeCondition()
{
    return QStringLiteral(" AND NOT ") + ScopeFilter::readableCondition(QStringLiteral("c")) +
           QStringLiteral(" AND EXISTS (SELECT 1 FROM changes p WHERE p.case_id = ch.case_id"
                          " AND p.case_version < ch.case_version AND ") +
           ScopeFilter::readableFactsCondition(QStringLiteral("p")) + u')';
}

void bindPosition(QSqlQuery &query, const SyncCursor &cursor)
{
    query.bindValue(QStringLiteral(":xid"), QString::number(cursor.xid));
    query.bindValue(QStringLiteral(":seq"), cursor.seq);
}

QJsonObject jsonObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

} // namespace

ChangeFeed::ChangeFeed(QSqlDatabase db) : m_db(std::move(db)) {}

Result<ChangeFeed::Start> ChangeFeed::start(const ScopeFilter &filter, const std::optional<QString> &cursor)
{
    const Result<QByteArray> fingerprint = filter.fingerprint(m_db);
    if (!fingerprint)
        return fingerprint.error();
    Start start;
    start.position.scopeFingerprint = fingerprint.value();
    if (!cursor)
        return start;
    const std::optional<SyncCursor> parsed = SyncCursor::fromText(*cursor);
    if (!parsed || parsed->scopeFingerprint != fingerprint.value()) {
        start.reset = true;
        return start;
    }
    if (parsed->seq == 0 && parsed->xid == 0)
        return start;
    // The change the cursor names must exist with its xid, below the xmin: a cursor of another database (or of
    // one restored from a backup) would skip or repeat changes.
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM changes WHERE seq = :seq AND xid = CAST(:xid AS xid8) AND xid < ") +
                  safeXmin);
    bindPosition(query, *parsed);
    if (!query.exec())
        return databaseError(query.lastError());
    if (query.next())
        start.position = *parsed;
    else
        start.reset = true;
    return start;
}

Result<SyncCursor> ChangeFeed::head(const SyncCursor &after)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT xid::text, seq FROM changes WHERE xid < ") + safeXmin +
                  QStringLiteral(" AND (xid, seq) > (CAST(:xid AS xid8), :seq) ORDER BY xid DESC, seq DESC LIMIT 1"));
    bindPosition(query, after);
    if (!query.exec())
        return databaseError(query.lastError());
    SyncCursor cursor = after;
    if (query.next()) {
        cursor.xid = query.value(0).toString().toULongLong();
        cursor.seq = query.value(1).toLongLong();
    }
    return cursor;
}

Result<ChangePage> ChangeFeed::page(const ScopeFilter &filter, const std::optional<QString> &cursor, int limit)
{
    const Result<Start> start = this->start(filter, cursor);
    if (!start)
        return start.error();
    ChangePage page;
    page.reset = start->reset;
    page.cursor = start->position;

    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ch.xid::text, ch.seq, ch.case_id FROM changes ch"
                                 " JOIN cases c ON c.id = ch.case_id"
                                 " WHERE ch.xid < ") +
                  safeXmin + QStringLiteral(" AND (ch.xid, ch.seq) > (CAST(:xid AS xid8), :seq) AND ") +
                  ScopeFilter::readableCondition(QStringLiteral("c")) +
                  QStringLiteral(" ORDER BY ch.xid, ch.seq LIMIT :limit"));
    bindPosition(query, page.cursor);
    filter.bind(query);
    query.bindValue(QStringLiteral(":limit"), limit + 1); // one more tells whether another page follows
    if (!query.exec())
        return databaseError(query.lastError());
    QList<QUuid> caseIds;
    int rows = 0;
    while (query.next()) {
        if (++rows > limit) {
            page.more = true;
            break;
        }
        page.cursor.xid = query.value(0).toString().toULongLong();
        page.cursor.seq = query.value(1).toLongLong();
        const QUuid caseId = uuidFromString(query.value(2).toString());
        if (!caseIds.contains(caseId))
            caseIds.append(caseId);
    }
    query.finish();
    if (!page.more) {
        // The caller has everything of its scope up to the safe end of the feed: move past other scopes' changes
        // too, so a wait on this cursor does not wake for them.
        const Result<SyncCursor> end = head(page.cursor);
        if (!end)
            return end.error();
        page.cursor = end.value();
    }
    const Result<QJsonArray> cases = casesWithNotes(caseIds);
    if (!cases)
        return cases.error();
    page.cases = cases.value();
    // From the beginning the client has nothing to drop (after a reset it drops what no page delivered).
    if (start->position.seq > 0) {
        const Result<QJsonArray> removed = removedCases(filter, start->position, page.cursor);
        if (!removed)
            return removed.error();
        page.removed = removed.value();
    }
    return page;
}

Result<QJsonArray> ChangeFeed::removedCases(const ScopeFilter &filter, const SyncCursor &after,
                                            const std::optional<SyncCursor> &upTo, int limit)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT DISTINCT ch.case_id FROM changes ch JOIN cases c ON c.id = ch.case_id"
                                 " WHERE ch.xid < ") +
                  safeXmin + QStringLiteral(" AND (ch.xid, ch.seq) > (CAST(:xid AS xid8), :seq)") +
                  (upTo ? QStringLiteral(" AND (ch.xid, ch.seq) <= (CAST(:endXid AS xid8), :endSeq)") : QString()) +
                  leftScopeCondition() + (limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString()));
    bindPosition(query, after);
    if (upTo) {
        query.bindValue(QStringLiteral(":endXid"), QString::number(upTo->xid));
        query.bindValue(QStringLiteral(":endSeq"), upTo->seq);
    }
    filter.bind(query);
    filter.bindFacts(query);
    if (!query.exec())
        return databaseError(query.lastError());
    QJsonArray removed;
    while (query.next())
        removed.append(query.value(0).toString());
    return removed;
}

Result<QJsonArray> ChangeFeed::casesWithNotes(const QList<QUuid> &caseIds)
{
    if (caseIds.isEmpty())
        return QJsonArray();
    const QString ids = ScopeFilter::uuidArray(caseIds);
    QHash<QUuid, QJsonArray> notes;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT case_id, data::text FROM notes WHERE case_id = ANY(CAST(:ids AS uuid[]))"
                                 " ORDER BY created_at, id"));
    query.bindValue(QStringLiteral(":ids"), ids);
    if (!query.exec())
        return databaseError(query.lastError());
    while (query.next())
        notes[uuidFromString(query.value(0).toString())].append(jsonObject(query.value(1)));

    query.prepare(QStringLiteral("SELECT id, version, data::text FROM cases WHERE id = ANY(CAST(:ids AS uuid[]))"));
    query.bindValue(QStringLiteral(":ids"), ids);
    if (!query.exec())
        return databaseError(query.lastError());
    QHash<QUuid, QJsonObject> entries;
    while (query.next()) {
        const QUuid id = uuidFromString(query.value(0).toString());
        entries.insert(id, {{QStringLiteral("case"), jsonObject(query.value(2))},
                            {QStringLiteral("version"), query.value(1).toLongLong()},
                            {QStringLiteral("notes"), notes.value(id)}});
    }
    QJsonArray cases;
    for (const QUuid &id : caseIds)
        cases.append(entries.value(id));
    return cases;
}

Result<ChangeFeed::Movement> ChangeFeed::movement(const ScopeFilter &filter, const QString &cursor)
{
    const Result<Start> start = this->start(filter, cursor);
    if (!start)
        return start.error();
    if (start->reset)
        return Movement::Moved;
    QSqlQuery query(m_db);
    // One statement, one snapshot: deliverable changes in scope, and committed ones still held back by an older
    // running transaction (pull stops before them; they become deliverable without another notification).
    query.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM changes ch JOIN cases c ON c.id = ch.case_id"
                                 " WHERE ch.xid < ") +
                  safeXmin + QStringLiteral(" AND (ch.xid, ch.seq) > (CAST(:xid AS xid8), :seq) AND ") +
                  ScopeFilter::readableCondition(QStringLiteral("c")) +
                  QStringLiteral("), EXISTS (SELECT 1 FROM changes WHERE xid >= ") + safeXmin + QStringLiteral(")"));
    bindPosition(query, start->position);
    filter.bind(query);
    if (!query.exec() || !query.next())
        return databaseError(query.lastError());
    if (query.value(0).toBool())
        return Movement::Moved;
    const bool settling = query.value(1).toBool();
    query.finish();
    if (start->position.seq > 0) {
        const Result<QJsonArray> removed = removedCases(filter, start->position, std::nullopt, 1);
        if (!removed)
            return removed.error();
        if (!removed->isEmpty())
            return Movement::Moved;
    }
    return settling ? Movement::Settling : Movement::Quiet;
}

} // namespace casedesk::server
