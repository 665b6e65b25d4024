#include "storage/CaseRepository.h"

#include "core/Uuid.h"
#include "storage/CacheDatabase.h"
#include "storage/CacheSchema.h"
#include "storage/CaseViewWriter.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"
#include "storage/StorageLog.h"
#include "storage/StorageWorkers.h"
#include "storage/StoredJson.h"

#include <QCoreApplication>
#include <QFuture>
#include <QScopeGuard>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

namespace casedesk::storage {

namespace {

// Replaces a confirmed row by deleting the one with its id (the table's only unique key) before the insert.
// INSERT OR REPLACE does the same, but on a table with NOT NULL columns it takes a statement journal, and
// SQLCipher encrypts every page that journal saves: that doubled the time of a bulk load.
class ConfirmedRowReplacer {
public:
    static Result<ConfirmedRowReplacer> prepare(SqliteDatabase &db, QLatin1String table, QLatin1String columns)
    {
        const int count = int(QString(columns).count(u',')) + 1;
        QStringList placeholders;
        for (int i = 1; i <= count; ++i)
            placeholders.append(u'?' + QString::number(i));
        auto remove = db.prepare(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE id = ?1"));
        if (!remove)
            return remove.error();
        auto insert = db.prepare(QLatin1String("INSERT INTO ") + table + QLatin1String(" (") + columns +
                                 QLatin1String(") VALUES (") + placeholders.join(u',') + u')');
        if (!insert)
            return insert.error();
        auto select = db.prepare(QLatin1String("SELECT json FROM ") + table + QLatin1String(" WHERE id = ?1"));
        if (!select)
            return select.error();
        return ConfirmedRowReplacer(**remove, **insert, **select);
    }

    // Whether the row of `id` holds `json` already: the server sends every Vermerk and document of a case
    // with each change to it, and rewriting what is there dirties pages that the commit must encrypt.
    Result<bool> holds(const QString &id, const QString &json) const
    {
        auto found = m_select->bind(1, id).step();
        if (!found)
            return found.error();
        const bool same = *found && m_select->text(0) == json;
        m_select->reset();
        return same;
    }

    // The insert with the id bound as its first value; the caller binds the rest and runs it.
    Result<SqliteStatement *> replace(const QString &id) const
    {
        if (auto removed = m_remove->bind(1, id).run(); !removed)
            return removed.error();
        m_insert->reset();
        m_insert->bind(1, id);
        return m_insert;
    }

private:
    ConfirmedRowReplacer(SqliteStatement &remove, SqliteStatement &insert, SqliteStatement &select)
        : m_remove(&remove), m_insert(&insert), m_select(&select)
    {
    }
    SqliteStatement *m_remove;
    SqliteStatement *m_insert;
    SqliteStatement *m_select;
};

} // namespace

struct CaseRepository::BulkLoad {
    explicit BulkLoad(SqliteDatabase &db) : db(db), transaction(db), writer(db) {}
    // Back to the normal page cache when the load ends, however it ends (the pages beyond it are freed).
    ~BulkLoad()
    {
        if (auto restored = CacheDatabase::setPageCache(db, CacheDatabase::PageCacheKiB); !restored)
            qCWarning(lcStorage) << "page cache not reduced after a bulk load:" << restored.error().toString();
    }
    SqliteDatabase &db;
    SqliteTransaction transaction;
    CaseViewWriter writer;
    bool intoEmptyCache = false; // the cache held no case when this load began
    bool withoutIndexes = false; // the inbox indexes are missing until a load ends Complete
    // With an empty cache at the start, the cases whose Vermerke or documents an earlier batch stored: only
    // these can have some in the cache (what storeBatch otherwise asks the database).
    QSet<QUuid> casesWithPaperwork;
    qsizetype stored = 0; // cases stored by this load
};

CaseRepository::CaseRepository(CacheDatabase &db) : m_db(db) {}

CaseRepository::~CaseRepository() = default;

Result<void> CaseRepository::beginBulkLoad()
{
    if (m_bulk)
        return SqliteDatabase::misuseError(QStringLiteral("bulk load begun twice"));
    SqliteDatabase &db = m_db.sqlite();
    auto bulk = std::make_unique<BulkLoad>(db);
    if (!bulk->transaction.began())
        return bulk->transaction.began();
    if (auto enlarged = CacheDatabase::setPageCache(db, CacheDatabase::BulkLoadPageCacheKiB); !enlarged)
        return enlarged;
    auto rows = db.queryInt64(QStringLiteral("SELECT EXISTS (SELECT 1 FROM case_view)"));
    if (!rows)
        return rows.error();
    bulk->intoEmptyCache = *rows == 0;
    // An earlier load of the series ended MoreToCome: the indexes are gone already.
    auto indexes = caseViewIndexesPresent(db);
    if (!indexes)
        return indexes.error();
    bulk->withoutIndexes = !*indexes;
    if (bulk->intoEmptyCache && !bulk->withoutIndexes) {
        for (const CaseViewIndex &index : caseViewIndexes()) {
            if (auto dropped = db.exec(QStringLiteral("DROP INDEX IF EXISTS %1").arg(index.name)); !dropped)
                return dropped;
        }
        bulk->withoutIndexes = true;
    }
    m_bulk = std::move(bulk);
    return {};
}

Result<void> CaseRepository::finishBulkLoad(LoadEnd end)
{
    if (!m_bulk)
        return SqliteDatabase::misuseError(QStringLiteral("bulk load finished without being begun"));
    const std::unique_ptr<BulkLoad> bulk = std::move(m_bulk);
    SqliteDatabase &db = m_db.sqlite();
    const bool keepWithoutIndexes = bulk->withoutIndexes && end == LoadEnd::MoreToCome;
    const bool indexesBuilt = bulk->withoutIndexes && !keepWithoutIndexes;
    if (indexesBuilt) {
        if (auto created = ensureCaseViewIndexes(db); !created)
            return created.error();
    }
    // A small load (a pull page of a few changes, the live channel's every few seconds) is a plain commit: the
    // count for the statistics reads every row, and the truncating checkpoint writes and syncs the file. Without
    // indexes there is nothing to plan with; the load that builds them counts.
    const bool large = indexesBuilt || (!keepWithoutIndexes && bulk->stored >= LargeLoad);
    if (large) {
        if (auto analyzed = refreshStatistics(); !analyzed)
            return analyzed;
    }
    // A huge load goes through the WAL whole, and so does each page of a first pull. The commit's automatic
    // checkpoint would copy them into the file in this thread (at 50,000 cases 1.2 to 1.5 s of a load) and keep
    // the WAL file as large as the cache; the checkpoint thread copies them while the next page is stored or the
    // inbox is in use, and cuts the file back. A pull page of a few hundred cases leaves that to the automatic
    // checkpoint.
    const bool huge = indexesBuilt || keepWithoutIndexes || bulk->stored >= StatisticsBatch;
    if (huge) {
        if (auto off = db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")); !off)
            return off;
    }
    const auto autoCheckpointBack = qScopeGuard([&] {
        if (!huge)
            return;
        const auto back =
            db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(CacheDatabase::AutoCheckpointPages));
        if (!back)
            qCWarning(lcStorage) << "automatic checkpoints not restored:" << back.error().toString();
    });
    if (auto committed = bulk->transaction.commit(); !committed)
        return committed;
    return huge ? m_db.checkpointAfterBigLoad() : Result<void>();
}

Result<void> CaseRepository::ensureInboxIndexes()
{
    if (m_bulk)
        return SqliteDatabase::misuseError(QStringLiteral("inbox indexes checked during a bulk load"));
    // Asked after every sync run that did not complete (offline: each retry): a read, no write transaction.
    auto present = caseViewIndexesPresent(m_db.sqlite());
    if (!present || *present)
        return present ? Result<void>() : Result<void>(present.error());
    SqliteTransaction transaction(m_db.sqlite());
    if (!transaction.began())
        return transaction.began();
    auto built = ensureCaseViewIndexes(m_db.sqlite());
    if (!built)
        return built.error();
    if (!*built)
        return {};
    if (auto analyzed = refreshStatistics(); !analyzed)
        return analyzed;
    return transaction.commit();
}

Result<void> CaseRepository::storeConfirmed(const QList<Case> &cases)
{
    return storeConfirmed(cases, {}, {});
}

Result<void> CaseRepository::storeConfirmed(const QList<Case> &cases, const QList<Note> &notes,
                                            const QList<DocumentRef> &documents)
{
    if (m_bulk) {
        m_bulk->stored += cases.size();
        return storeBatch(m_bulk->writer, {cases, notes, documents});
    }
    SqliteTransaction transaction(m_db.sqlite());
    if (!transaction.began())
        return transaction.began();
    CaseViewWriter writer(m_db.sqlite());
    if (auto stored = storeBatch(writer, {cases, notes, documents}); !stored)
        return stored;
    if (auto committed = transaction.commit(); !committed)
        return committed;
    return cases.size() >= StatisticsBatch ? refreshStatistics() : Result<void>();
}

Result<void> CaseRepository::storeBatch(CaseViewWriter &writer, const Batch &batch)
{
    const QList<Case> &cases = batch.cases;
    const QList<Note> &notes = batch.notes;
    const QList<DocumentRef> &documents = batch.documents;
    SqliteDatabase &db = m_db.sqlite();
    // Cases whose notes or documents changed but whose own state did not come along still need a new
    // search entry.
    QList<QUuid> otherCases;
    QSet<QUuid> seen;
    for (const Case &c : cases)
        seen.insert(c.id);
    auto touchCase = [&](const QUuid &caseId) {
        if (!seen.contains(caseId)) {
            seen.insert(caseId);
            otherCases.append(caseId);
        }
    };

    // The visible state of a case is usually its confirmed state with the Vermerke and documents of this
    // batch: building it from memory spares reading and parsing them back per case. Cases with pending
    // commands, with Vermerke or documents stored before, or with an id twice in the batch take the general
    // path (refresh), which reads the stored state.
    writer.deferSearchEntries();
    auto pendingCases = writer.casesWithPendingCommands();
    if (!pendingCases)
        return pendingCases.error();
    QSet<QUuid> readBack = std::move(pendingCases).value();
    QSet<QUuid> *const casesWithPaperwork = m_bulk && m_bulk->intoEmptyCache ? &m_bulk->casesWithPaperwork : nullptr;
    auto storedBefore = db.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM note_confirmed WHERE case_id = ?1) "
                                                  "OR EXISTS (SELECT 1 FROM document_confirmed WHERE case_id = ?1)"));
    if (!storedBefore)
        return storedBefore.error();
    // Cases of this batch of which the cache holds no Vermerk or document: theirs need no look for a stored copy.
    QSet<QUuid> withoutPaperwork;
    for (const Case &c : cases) {
        if (readBack.contains(c.id))
            continue;
        if (casesWithPaperwork) {
            if (casesWithPaperwork->contains(c.id))
                readBack.insert(c.id);
            continue;
        }
        (*storedBefore)->bind(1, uuidToString(c.id));
        auto row = (*storedBefore)->step();
        if (!row)
            return row.error();
        const bool stored = *row && (*storedBefore)->int64(0) != 0;
        (*storedBefore)->reset();
        if (stored)
            readBack.insert(c.id);
        else
            withoutPaperwork.insert(c.id);
    }
    // Turning the values into JSON text needs no database: the pool does it while this thread writes.
    const auto jsonTexts = [](const auto &values) {
        return QtConcurrent::mapped(&storageWorkers(), values,
                                    [](const auto &value) { return StoredJson::text(value.toJson()); });
    };
    QFuture<QString> noteJson = jsonTexts(notes);
    QFuture<QString> documentJson = jsonTexts(documents);
    QFuture<QString> caseJson = jsonTexts(cases);
    // An early return (an error) stops the work nobody will read.
    const auto finishJson = qScopeGuard([&] {
        for (QFuture<QString> *future : {&noteJson, &documentJson, &caseJson}) {
            future->cancel();
            future->waitForFinished();
        }
    });

    QHash<QUuid, QList<Note>> notesByCase;
    QHash<QUuid, QList<DocumentRef>> documentsByCase;
    // Ids replaced within the batch: the stored row tells which one won, for both cases involved.
    QHash<QUuid, QUuid> noteCases;
    QHash<QUuid, QUuid> documentCases;

    // A Vermerk or document row: id, case id, time, JSON. Into an empty cache, or for a case without any,
    // nothing can be held already (a first pull's later pages: a look per row would cost more than it saves).
    const auto storeUnlessHeld = [&](const ConfirmedRowReplacer &rows, const QString &id, const QString &json,
                                     const QUuid &caseId, const QDateTime &time) -> Result<void> {
        if (!casesWithPaperwork && !withoutPaperwork.contains(caseId)) {
            auto held = rows.holds(id, json);
            if (!held)
                return held.error();
            if (*held)
                return {};
        }
        auto insert = rows.replace(id);
        if (!insert)
            return insert.error();
        return (*insert)->bind(2, uuidToString(caseId)).bind(3, time.toString(Qt::ISODateWithMs)).bind(4, json).run();
    };
    auto noteRows = ConfirmedRowReplacer::prepare(db, QLatin1String("note_confirmed"),
                                                  QLatin1String("id, case_id, created_at, json"));
    if (!noteRows)
        return noteRows.error();
    for (qsizetype i = 0; i < notes.size(); ++i) {
        const Note &note = notes.at(i);
        if (auto stored = storeUnlessHeld(*noteRows, uuidToString(note.id), noteJson.resultAt(int(i)), note.caseId,
                                          note.createdAt);
            !stored)
            return stored;
        touchCase(note.caseId);
        if (const auto earlier = noteCases.constFind(note.id); earlier != noteCases.cend()) {
            readBack.insert(*earlier);
            readBack.insert(note.caseId);
        }
        noteCases.insert(note.id, note.caseId);
        notesByCase[note.caseId].append(note);
    }

    auto documentRows = ConfirmedRowReplacer::prepare(db, QLatin1String("document_confirmed"),
                                                      QLatin1String("id, case_id, added_at, json"));
    if (!documentRows)
        return documentRows.error();
    for (qsizetype i = 0; i < documents.size(); ++i) {
        const DocumentRef &document = documents.at(i);
        if (auto stored = storeUnlessHeld(*documentRows, uuidToString(document.id), documentJson.resultAt(int(i)),
                                          document.caseId, document.addedAt);
            !stored)
            return stored;
        touchCase(document.caseId);
        if (const auto earlier = documentCases.constFind(document.id); earlier != documentCases.cend()) {
            readBack.insert(*earlier);
            readBack.insert(document.caseId);
        }
        documentCases.insert(document.id, document.caseId);
        documentsByCase[document.caseId].append(document);
    }

    // The confirmed table is the server's state verbatim: replacing the whole row is right here.
    auto caseRows =
        ConfirmedRowReplacer::prepare(db, QLatin1String("case_confirmed"), QLatin1String("id, version, json"));
    if (!caseRows)
        return caseRows.error();
    QSet<QUuid> caseIds;
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const Case &c = cases.at(i);
        if (c.id.isNull())
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Storage", "A case without an id cannot be stored. "
                                                                    "Please report this problem to your IT support."));
        auto insert = caseRows->replace(uuidToString(c.id));
        if (!insert)
            return insert.error();
        auto done = (*insert)->bind(2, c.version).bind(3, caseJson.resultAt(int(i))).run();
        if (!done)
            return done;
        // A case twice in the batch: the later state wins, as the general path reads it.
        const bool repeated = caseIds.contains(c.id);
        caseIds.insert(c.id);
        auto refreshed = readBack.contains(c.id) || repeated
                             ? writer.refresh(c.id, &c)
                             : writer.refreshConfirmed(c, notesByCase.value(c.id), documentsByCase.value(c.id));
        if (!refreshed)
            return refreshed;
    }
    for (const QUuid &caseId : otherCases) {
        if (auto refreshed = writer.refresh(caseId); !refreshed)
            return refreshed;
    }
    if (auto indexed = writer.writeDeferredSearchEntries(); !indexed)
        return indexed;
    if (casesWithPaperwork) {
        for (const auto &[noteId, caseId] : noteCases.asKeyValueRange())
            casesWithPaperwork->insert(caseId);
        for (const auto &[documentId, caseId] : documentCases.asKeyValueRange())
            casesWithPaperwork->insert(caseId);
    }
    return {};
}

// Without statistics SQLite's planner assumes every index is selective and, for a sort that is not a view's
// default, narrows by the team index and sorts half the cache (200 ms at 100,000 cases) instead of walking
// the sort index. ANALYZE whenever the inbox has doubled since the last one keeps the plans right for a few
// ANALYZE runs in all, each well under a second.
Result<void> CaseRepository::refreshStatistics()
{
    SqliteDatabase &db = m_db.sqlite();
    auto rows = visibleCount();
    if (!rows)
        return rows.error();
    auto analyzedRows =
        db.queryInt64(QStringLiteral("SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'analyzedRows'"));
    if (!analyzedRows)
        return analyzedRows.error();
    if (*rows < 2 * *analyzedRows)
        return {};
    if (auto analyzed = db.exec(QStringLiteral("ANALYZE case_view")); !analyzed)
        return analyzed;
    auto store = db.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES ('analyzedRows', ?)"));
    if (!store)
        return store.error();
    return (*store)->bind(1, QString::number(*rows)).run();
}

Result<std::optional<Case>> CaseRepository::confirmedCase(const QUuid &id)
{
    return CaseViewWriter(m_db.sqlite()).confirmedCase(id);
}

Result<std::optional<Case>> CaseRepository::visibleCase(const QUuid &id)
{
    return CaseViewWriter(m_db.sqlite()).visibleCase(id);
}

Result<qint64> CaseRepository::visibleCount()
{
    return m_db.sqlite().queryInt64(QStringLiteral("SELECT COUNT(*) FROM case_view"));
}

Result<QList<Note>> CaseRepository::visibleNotes(const QUuid &caseId)
{
    return CaseViewWriter(m_db.sqlite()).visibleNotes(caseId);
}

Result<QList<DocumentRef>> CaseRepository::confirmedDocuments(const QUuid &caseId)
{
    return CaseViewWriter(m_db.sqlite()).confirmedDocuments(caseId);
}

Result<QList<DocumentRef>> CaseRepository::visibleDocuments(const QUuid &caseId)
{
    return CaseViewWriter(m_db.sqlite()).visibleDocuments(caseId);
}

} // namespace casedesk::storage
