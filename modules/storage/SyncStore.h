// Applies what the sync brings from the server to the cache (DESIGN.md, decision 1 and "Sync protocol"): one
// pulled page (cases with their Vermerke and documents, cases that left the scope, the results of this
// installation's commands) together with the page's cursor in ONE transaction, so a crash between a page and
// its cursor can only mean the page is pulled again. The visible state of every touched case is derived anew
// from the confirmed state with the still-pending outbox commands replayed (CaseRepository, CaseViewWriter).
//
// A reset (the server starts the feed over: the cursor was no longer valid or the scope changed) keeps the
// confirmed cases until the new feed has been pulled to its end, then drops those it did not deliver: they
// left the scope. The outbox is kept throughout. The cases still to be confirmed are held in memory; after a
// restart in the middle of a reset the feed is pulled from the beginning again (cursor() answers "").
#pragma once

#include "core/Case.h"
#include "core/Command.h"
#include "core/DocumentRef.h"
#include "core/Note.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QList>
#include <QSet>

#include <optional>

namespace casedesk::storage {

class CacheDatabase;

// The server's result for one of this installation's commands, in the form of a push reply
// ({commandId, clientSeq, result, caseVersion?, code?, message?, conflicts?}) or of a pull page (the same with
// caseVersion, code, message and conflicts inside "detail").
struct CommandOutcome {
    enum class Kind { Applied, Rejected, Conflict };
    QUuid commandId;
    qint64 clientSeq = 0;
    Kind kind = Kind::Rejected;
    qint64 caseVersion = 0;
    QString code;          // the server's machine-readable reason ("field_conflict", "forbidden", ...)
    QString message;       // the server's English explanation
    QJsonObject conflicts; // {field: {"server": value}} or {"assignee": {"server": uuid|""}}

    static Result<CommandOutcome> fromJson(const QJsonObject &json);
};

// One page of GET /api/v1/sync/pull, checked whole before anything is written.
struct PulledPage {
    struct Entry {
        Case confirmed; // with the server's version
        QList<Note> notes;
        QList<DocumentRef> documents; // when the server sends them
    };
    QList<Entry> cases;
    QList<QUuid> removed;
    QString cursor;
    bool more = false;
    bool reset = false;
    QList<CommandOutcome> results;
    bool resultsMore = false;
    bool resultsHeld = false; // a result waits for its change to become deliverable: pull again shortly

    static Result<PulledPage> fromJson(const QJsonObject &json);
};

class SyncStore {
public:
    explicit SyncStore(CacheDatabase &db);

    // This installation's clientId (shared with the Outbox, which stamps commands with it), made on first use.
    Result<QUuid> clientId();
    // Where the next pull starts; "" for the beginning (also while a reset interrupted by a restart runs again).
    Result<QString> cursor();
    // resultsAfter for the next pull: the results of the pending commands are wanted, -1 when none is pending.
    Result<qint64> resultsAfter();
    // Pending commands after `afterSeq`, in clientSeq order, at most `limit`.
    Result<QList<Command>> pendingCommands(qint64 afterSeq, int limit);
    Result<qint64> pendingCount();

    // The page, its results and its cursor in one transaction; on any error nothing of it is written.
    Result<void> applyPage(const PulledPage &page);
    // The pages of a first pull go into the cache without the inbox indexes, built with its last page; a pull
    // that stops before that calls this, so the inbox does not stay without them.
    Result<void> pullBrokenOff();

    static QString cursorKey(); // the settings key of the cursor

private:
    CacheDatabase &m_db;
    // While a reset runs: the confirmed cases no page of the new feed has delivered yet.
    std::optional<QSet<QUuid>> m_stale;
};

} // namespace casedesk::storage
