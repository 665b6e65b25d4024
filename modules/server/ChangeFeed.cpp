#include "server/ChangeFeed.h"

#include "core/DocumentRef.h"
#include "core/Uuid.h"
#include "server/CaseStore.h"
#include "server/ServerDatabase.h"
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
// earlier change. OFFSET 0 keeps the earlier changes a look-up per change (index changes_case): as a semi-join,
// the kept generic plan read every change ever written to hash the readable ones, on every pull.
QString leftScopeCondition()
{
    return QStringLiteral(" AND NOT ") + ScopeFilter::readableCondition(QStringLiteral("c")) +
           QStringLiteral(" AND EXISTS (SELECT 1 FROM changes p WHERE p.case_id = ch.case_id"
                          " AND p.case_version < ch.case_version AND ") +
           ScopeFilter::readableFactsCondition(QStringLiteral("p")) + QStringLiteral(" OFFSET 0)");
}

void bindPosition(QSqlQuery &query, const SyncCursor &cursor)
{
    query.bindValue(QStringLiteral(":xid"), QString::number(cursor.xid));
    query.bindValue(QStringLiteral(":seq"), cursor.seq);
}

// Runs the connection's kept statement `sql` (ServerDatabase::preparedQuery) after `bind` bound every placeholder;
// CaseStore::run() cannot take the scope filter's parameters, which ScopeFilter binds itself.
template <typename Bind> Result<QSqlQuery *> runBound(const QSqlDatabase &db, const QString &sql, Bind bind)
{
    const Result<QSqlQuery *> query = ServerDatabase::preparedQuery(db, sql);
    if (!query)
        return query;
    bind(**query);
    if (!(*query)->exec())
        return databaseError((*query)->lastError());
    return query;
}

QJsonObject jsonObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

// A timestamptz column as UTC text with milliseconds, which QDateTime reads without a time zone database.
QString timeText(const char *column)
{
    return QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
        .arg(QLatin1String(column));
}

} // namespace

ChangeFeed::ChangeFeed(QSqlDatabase db) : m_db(std::move(db)) {}

QString ChangeFeed::settlingSql()
{
    return QStringLiteral("coalesce((SELECT xid FROM changes ORDER BY xid DESC, seq DESC LIMIT 1) >= ") + safeXmin +
           QStringLiteral(", false)");
}

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
    static const QString sql =
        QStringLiteral("SELECT 1 FROM changes WHERE seq = :seq AND xid = CAST(:xid AS xid8) AND xid < ") + safeXmin;
    const Result<QSqlQuery *> query = runBound(m_db, sql, [&](QSqlQuery &q) { bindPosition(q, *parsed); });
    if (!query)
        return query.error();
    if ((*query)->next())
        start.position = *parsed;
    else
        start.reset = true;
    (*query)->finish();
    return start;
}

Result<SyncCursor> ChangeFeed::head(const SyncCursor &after)
{
    static const QString sql =
        QStringLiteral("SELECT xid::text, seq FROM changes WHERE xid < ") + safeXmin +
        QStringLiteral(" AND (xid, seq) > (CAST(:xid AS xid8), :seq) ORDER BY xid DESC, seq DESC LIMIT 1");
    const Result<QSqlQuery *> query = runBound(m_db, sql, [&](QSqlQuery &q) { bindPosition(q, after); });
    if (!query)
        return query.error();
    SyncCursor cursor = after;
    if ((*query)->next()) {
        cursor.xid = (*query)->value(0).toString().toULongLong();
        cursor.seq = (*query)->value(1).toLongLong();
    }
    (*query)->finish();
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

    static const QString sql = QStringLiteral("SELECT ch.xid::text, ch.seq, ch.case_id FROM changes ch"
                                              " JOIN cases c ON c.id = ch.case_id"
                                              " WHERE ch.xid < ") +
                               safeXmin + QStringLiteral(" AND (ch.xid, ch.seq) > (CAST(:xid AS xid8), :seq) AND ") +
                               ScopeFilter::readableCondition(QStringLiteral("c")) +
                               QStringLiteral(" ORDER BY ch.xid, ch.seq LIMIT :limit");
    const Result<QSqlQuery *> query = runBound(m_db, sql, [&](QSqlQuery &q) {
        bindPosition(q, page.cursor);
        filter.bind(q);
        q.bindValue(QStringLiteral(":limit"), limit + 1); // one more tells whether another page follows
    });
    if (!query)
        return query.error();
    QList<QUuid> caseIds;
    int rows = 0;
    while ((*query)->next()) {
        if (++rows > limit) {
            page.more = true;
            break;
        }
        page.cursor.xid = (*query)->value(0).toString().toULongLong();
        page.cursor.seq = (*query)->value(1).toLongLong();
        const QUuid caseId = uuidFromString((*query)->value(2).toString());
        if (!caseIds.contains(caseId))
            caseIds.append(caseId);
    }
    (*query)->finish();
    if (!page.more) {
        // The caller has everything of its scope up to the safe end of the feed: move past other scopes' changes
        // too, so a wait on this cursor does not wake for them.
        const Result<SyncCursor> end = head(page.cursor);
        if (!end)
            return end.error();
        page.cursor = end.value();
    }
    const Result<QByteArray> cases = caseEntries(caseIds);
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
    // Two texts, with and without an end; the limit is a parameter (NULL: LIMIT ALL), so no more are made.
    const auto text = [](bool bounded) {
        return QStringLiteral("SELECT DISTINCT ch.case_id FROM changes ch JOIN cases c ON c.id = ch.case_id"
                              " WHERE ch.xid < ") +
               safeXmin + QStringLiteral(" AND (ch.xid, ch.seq) > (CAST(:xid AS xid8), :seq)") +
               (bounded ? QStringLiteral(" AND (ch.xid, ch.seq) <= (CAST(:endXid AS xid8), :endSeq)") : QString()) +
               leftScopeCondition() + QStringLiteral(" LIMIT CAST(:limit AS bigint)");
    };
    static const QString boundedSql = text(true);
    static const QString openSql = text(false);
    const Result<QSqlQuery *> query = runBound(m_db, upTo ? boundedSql : openSql, [&](QSqlQuery &q) {
        bindPosition(q, after);
        if (upTo) {
            q.bindValue(QStringLiteral(":endXid"), QString::number(upTo->xid));
            q.bindValue(QStringLiteral(":endSeq"), upTo->seq);
        }
        q.bindValue(QStringLiteral(":limit"), limit > 0 ? QVariant(limit) : QVariant(QMetaType::fromType<int>()));
        filter.bind(q);
        filter.bindFacts(q);
    });
    if (!query)
        return query.error();
    QJsonArray removed;
    while ((*query)->next())
        removed.append((*query)->value(0).toString());
    (*query)->finish();
    return removed;
}

Result<QByteArray> ChangeFeed::caseEntries(const QList<QUuid> &caseIds)
{
    if (caseIds.isEmpty())
        return QByteArrayLiteral("[]");
    const QString ids = ScopeFilter::uuidArray(caseIds);
    // Each case's notes as the elements of a JSON array, comma-separated.
    QHash<QUuid, QByteArray> notes;
    Result<QSqlQuery *> query =
        CaseStore::run(m_db,
                       QStringLiteral("SELECT case_id, data::text FROM notes WHERE case_id = ANY(CAST(:ids AS uuid[]))"
                                      " ORDER BY created_at, id"),
                       {{QStringLiteral(":ids"), ids}});
    if (!query)
        return query.error();
    while ((*query)->next()) {
        QByteArray &elements = notes[uuidFromString((*query)->value(0).toString())];
        if (!elements.isEmpty())
            elements.append(',');
        elements.append((*query)->value(1).toString().toUtf8());
    }
    (*query)->finish();

    // A case's documents are readable by whoever reads the case (BlobStore's rule), so they travel with it.
    static const QString documentsSql =
        QStringLiteral("SELECT id, case_id, encode(sha256, 'hex'), size, name, kind, meta::text, ") +
        timeText("added_at") +
        QStringLiteral(" FROM documents WHERE case_id = ANY(CAST(:ids AS uuid[])) ORDER BY added_at, id");
    QHash<QUuid, QJsonArray> documents;
    query = CaseStore::run(m_db, documentsSql, {{QStringLiteral(":ids"), ids}});
    if (!query)
        return query.error();
    while ((*query)->next()) {
        const QSqlQuery &row = **query;
        DocumentRef document;
        document.id = uuidFromString(row.value(0).toString());
        document.caseId = uuidFromString(row.value(1).toString());
        document.sha256 = row.value(2).toString();
        document.size = row.value(3).toLongLong();
        document.name = row.value(4).toString();
        // A kind this build does not know (a newer server wrote it) reads as Other, like a client would.
        documentKindFromString(row.value(5).toString(), &document.kind);
        const QJsonObject meta = jsonObject(row.value(6));
        document.mimeType = meta.value(QLatin1String("mimeType")).toString();
        document.text = meta.value(QLatin1String("text")).toString();
        document.addedAt = QDateTime::fromString(row.value(7).toString(), Qt::ISODateWithMs);
        documents[document.caseId].append(document.toJson());
    }
    (*query)->finish();

    query = CaseStore::run(
        m_db, QStringLiteral("SELECT id, version, data::text FROM cases WHERE id = ANY(CAST(:ids AS uuid[]))"),
        {{QStringLiteral(":ids"), ids}});
    if (!query)
        return query.error();
    QHash<QUuid, QByteArray> entries;
    while ((*query)->next()) {
        const QUuid id = uuidFromString((*query)->value(0).toString());
        const auto found = documents.constFind(id);
        const QByteArray documentElements =
            found == documents.cend() ? QByteArrayLiteral("[]") : QJsonDocument(*found).toJson(QJsonDocument::Compact);
        entries.insert(id, QByteArrayLiteral("{\"case\":") + (*query)->value(2).toString().toUtf8() +
                               QByteArrayLiteral(",\"version\":") +
                               QByteArray::number((*query)->value(1).toLongLong()) + QByteArrayLiteral(",\"notes\":[") +
                               notes.value(id) + QByteArrayLiteral("],\"documents\":") + documentElements + u'}');
    }
    (*query)->finish();
    // The page query read the changes and their cases in this snapshot: each case is there.
    QByteArray cases("[");
    for (const QUuid &id : caseIds) {
        if (cases.size() > 1)
            cases.append(',');
        cases.append(entries.value(id));
    }
    cases.append(']');
    return cases;
}

Result<ChangeFeed::Movement> ChangeFeed::movement(const ScopeFilter &filter, const QString &cursor)
{
    const Result<Start> start = this->start(filter, cursor);
    if (!start)
        return start.error();
    if (start->reset)
        return Movement::Moved;
    // One statement, one snapshot: deliverable changes in scope, and committed ones still held back by an older
    // running transaction (pull stops before them; they become deliverable without another notification). The first
    // in commit order rather than EXISTS: the ORDER BY keeps the index scan from the cursor in any kept plan, where
    // EXISTS could become a scan of all changes (expecting an early match, finding none while nothing moved).
    static const QString sql =
        QStringLiteral(
            "SELECT coalesce((SELECT true FROM changes ch JOIN cases c ON c.id = ch.case_id WHERE ch.xid < ") +
        safeXmin + QStringLiteral(" AND (ch.xid, ch.seq) > (CAST(:xid AS xid8), :seq) AND ") +
        ScopeFilter::readableCondition(QStringLiteral("c")) +
        QStringLiteral(" ORDER BY ch.xid, ch.seq LIMIT 1), false), ") + settlingSql();
    const Result<QSqlQuery *> query = runBound(m_db, sql, [&](QSqlQuery &q) {
        bindPosition(q, start->position);
        filter.bind(q);
    });
    if (!query)
        return query.error();
    if (!(*query)->next())
        return databaseError((*query)->lastError());
    const bool moved = (*query)->value(0).toBool();
    const bool settling = (*query)->value(1).toBool();
    (*query)->finish();
    if (moved)
        return Movement::Moved;
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
