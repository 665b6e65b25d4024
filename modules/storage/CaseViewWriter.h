// Recomputes what the user sees of one case: the confirmed server state with the case's pending outbox
// commands replayed on top (DESIGN.md, decision 1), written to case_view and the search index. Runs inside
// the caller's transaction, so a change and its visible state are committed together.
#pragma once

#include "core/Case.h"
#include "core/Command.h"
#include "core/DocumentRef.h"
#include "core/Note.h"
#include "core/Result.h"
#include "storage/CommandCheck.h"
#include "storage/SearchIndexer.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace casedesk::storage {

class SqliteDatabase;

class CaseViewWriter {
public:
    explicit CaseViewWriter(SqliteDatabase &db);

    // Rewrites the visible row and search entry of the case (removes both when nothing is visible: no
    // confirmed state and no pending createCase). `knownConfirmed` saves reading the confirmed state back
    // when the caller has just written it (bulk loads). A pending command that no longer replays cleanly is
    // left out of the visible state and stays in the outbox (the sync shows it as a conflict).
    Result<void> refresh(const QUuid &caseId, const Case *knownConfirmed = nullptr);
    // The bulk load's shortcut for a case without pending commands whose confirmed Vermerke and documents
    // are all in memory (the cache held none before): the visible state is the confirmed one just stored,
    // nothing is read back.
    Result<void> refreshConfirmed(const Case &confirmed, QList<Note> notes, QList<DocumentRef> documents);
    // The cases with pending outbox commands, read once per bulk load.
    Result<QSet<QUuid>> casesWithPendingCommands();

    // From now on search entries are kept until writeDeferredSearchEntries() instead of being written with
    // each visible row. FTS4 flushes its buffered terms into a new index segment at the start of every
    // statement that may need a statement rollback (INSERT OR REPLACE among them): entries written between
    // the other writes of a batch give one segment per case and endless merging, written together they
    // share a few. The caller must write them before its transaction commits.
    void deferSearchEntries();
    Result<void> writeDeferredSearchEntries();

    Result<std::optional<Case>> confirmedCase(const QUuid &caseId);
    Result<std::optional<Case>> visibleCase(const QUuid &caseId);
    // Confirmed Vermerke plus those of pending addNote commands, oldest first.
    Result<QList<Note>> visibleNotes(const QUuid &caseId);
    Result<QList<DocumentRef>> confirmedDocuments(const QUuid &caseId);
    // Confirmed documents plus those of pending attachDocument commands, by date added.
    Result<QList<DocumentRef>> visibleDocuments(const QUuid &caseId);

private:
    struct PendingCommand {
        Command command;
        QUuid actor;
    };
    Result<QList<PendingCommand>> pendingCommands(const QUuid &caseId);
    // The case stored as JSON in the first column of `sql`'s row for `caseId`; nullopt when there is none.
    Result<std::optional<Case>> storedCase(const QString &sql, const QUuid &caseId);
    Result<QList<Note>> visibleNotes(const QUuid &caseId, const QList<PendingCommand> &pending);
    Result<QList<DocumentRef>> visibleDocuments(const QUuid &caseId, const QList<PendingCommand> &pending);
    // `items` (confirmed, in stored order) with those the pending `name` commands carry in `arg`, each once,
    // ordered by `time` (equal times in that order).
    template <typename T>
    static QList<T> withPending(QList<T> items, const QList<PendingCommand> &pending, CommandName name,
                                QLatin1String arg, QDateTime T::*time);
    Result<void> remove(const QUuid &caseId);
    // `json`: the visible state's JSON when it differs from the confirmed one (hasPending), null otherwise.
    Result<void> write(const Case &visible, const QString &json, bool hasPending, const QList<Note> &notes,
                       const QList<DocumentRef> &documents);
    Result<QString> assigneeName(const QUuid &assigneeId);

    Result<void> writeSearchEntry(qint64 rowId, SearchDocument document, bool inserted);

    SqliteDatabase &m_db;
    CommandCheck m_check; // replays pending commands with the case rules
    struct DeferredSearchEntry {
        qint64 rowId = 0;
        SearchDocument document;
        bool inserted = false; // the row is new, so there is no older index entry to replace
    };
    bool m_deferSearch = false;
    QList<DeferredSearchEntry> m_deferredSearch;
    QHash<qint64, qsizetype> m_deferredSearchIndex; // row id -> position in m_deferredSearch
    // Display names looked up by this writer; a writer lives for one transaction, in which they cannot change.
    QHash<QUuid, QString> m_assigneeNames;
};

} // namespace casedesk::storage
