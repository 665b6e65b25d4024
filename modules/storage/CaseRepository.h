// Cases in the cache: the confirmed server state, and what the user sees (confirmed + pending commands).
#pragma once

#include "core/Case.h"
#include "core/DocumentRef.h"
#include "core/Note.h"
#include "core/Result.h"

#include <optional>

namespace casedesk::storage {

class CacheDatabase;

class CaseRepository {
public:
    explicit CaseRepository(CacheDatabase &db);

    // Stores server-confirmed cases in one transaction and refreshes their visible state and search index
    // (pending commands are replayed on top).
    Result<void> storeConfirmed(const QList<Case> &cases);
    // The bulk form (a full pull, the demo cache): cases, their Vermerke and document metadata in one
    // transaction, each affected case's visible row and search entry written once.
    Result<void> storeConfirmed(const QList<Case> &cases, const QList<Note> &notes,
                                const QList<DocumentRef> &documents);

    Result<std::optional<Case>> confirmedCase(const QUuid &id);
    Result<std::optional<Case>> visibleCase(const QUuid &id);
    Result<qint64> visibleCount();

    // What the user sees beside a case: confirmed Vermerke plus pending addNote ones (oldest first), and
    // the confirmed document metadata (by date added).
    Result<QList<Note>> visibleNotes(const QUuid &caseId);
    Result<QList<DocumentRef>> documents(const QUuid &caseId);

private:
    static constexpr qsizetype StatisticsBatch = 1000; // bulk stores at least this large refresh the statistics
    Result<void> refreshStatistics();

    CacheDatabase &m_db;
};

} // namespace casedesk::storage
