// Cases in the cache: the confirmed server state, and what the user sees (confirmed + pending commands).
#pragma once

#include "core/Case.h"
#include "core/DocumentRef.h"
#include "core/Note.h"
#include "core/Result.h"

#include <QSet>

#include <memory>
#include <optional>

namespace casedesk::storage {

class CacheDatabase;
class CaseViewWriter;

class CaseRepository {
public:
    explicit CaseRepository(CacheDatabase &db);
    ~CaseRepository();
    CaseRepository(const CaseRepository &) = delete;
    CaseRepository &operator=(const CaseRepository &) = delete;

    // Stores server-confirmed cases in one transaction and refreshes their visible state and search index
    // (pending commands are replayed on top).
    Result<void> storeConfirmed(const QList<Case> &cases);
    // The bulk form (a full pull, the demo cache): cases, their Vermerke and document metadata in one
    // transaction, each affected case's visible row and search entry written once.
    Result<void> storeConfirmed(const QList<Case> &cases, const QList<Note> &notes,
                                const QList<DocumentRef> &documents);

    // A bulk load (the first full pull, the demo cache): beginBulkLoad(), storeConfirmed() for each batch,
    // finishBulkLoad(). All batches form one transaction, so a load is stored whole or not at all; into an
    // empty cache the inbox indexes are built once at the end instead of row by row. A repository destroyed
    // before finishBulkLoad() stores nothing of the load.
    // A load that is one of several (the pages of a first pull, each committed with its cursor) ends with
    // MoreToCome: the indexes dropped for an empty cache stay dropped, and the loads that follow run without
    // them until one ends Complete. ensureInboxIndexes() builds them when the series breaks off.
    enum class LoadEnd { Complete, MoreToCome };
    Result<void> beginBulkLoad();
    Result<void> finishBulkLoad(LoadEnd end = LoadEnd::Complete);
    Result<void> ensureInboxIndexes();

    Result<std::optional<Case>> confirmedCase(const QUuid &id);
    Result<std::optional<Case>> visibleCase(const QUuid &id);
    Result<qint64> visibleCount();

    // What the user sees beside a case: confirmed Vermerke plus pending addNote ones (oldest first), and the
    // confirmed document metadata plus that of pending attachDocument commands (by date added).
    Result<QList<Note>> visibleNotes(const QUuid &caseId);
    Result<QList<DocumentRef>> visibleDocuments(const QUuid &caseId);
    Result<QList<DocumentRef>> confirmedDocuments(const QUuid &caseId);

private:
    struct BulkLoad;
    struct Batch {
        const QList<Case> &cases;
        const QList<Note> &notes;
        const QList<DocumentRef> &documents;
    };
    // Writes one batch inside the caller's transaction.
    Result<void> storeBatch(CaseViewWriter &writer, const Batch &batch);

    static constexpr qsizetype StatisticsBatch = 1000; // bulk stores at least this large refresh the statistics
    static constexpr qsizetype LargeLoad = 100;        // a bulk load of fewer cases skips the statistics
    Result<void> refreshStatistics();

    CacheDatabase &m_db;
    std::unique_ptr<BulkLoad> m_bulk; // while a bulk load is open
};

} // namespace casedesk::storage
