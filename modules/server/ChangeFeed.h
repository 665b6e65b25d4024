// The change feed as pull reads it: pages of the cases in the caller's scope that changed after a cursor, in
// commit order, each case once per page with its current state, its notes (Vermerke) and its documents.
//
// The hole guard: a change's seq is taken inside its transaction, so a transaction that took seq 5 may commit
// after the one that took seq 6, and a reader that delivered 6 and moved its cursor past it would never see 5.
// The feed therefore delivers only changes whose transaction is older than every transaction still running
// (xid < pg_snapshot_xmin of the reading snapshot: all of those have ended and are visible), in (xid, seq)
// order, and stops before the first change that is not safe yet. Any change committed later has a larger xid
// than that xmin, so it sorts after every cursor handed out: nothing is ever skipped. A change waits at most as
// long as the oldest running write transaction (commands are short).
//
// Call every method inside one REPEATABLE READ transaction (PullApi does), so the xmin, the changes and the
// cases read all come from one snapshot.
#pragma once

#include "core/Result.h"
#include "server/ScopeFilter.h"
#include "server/SyncCursor.h"

#include <QJsonArray>
#include <QSqlDatabase>

#include <optional>

namespace casedesk::server {

struct ChangePage {
    // A JSON array as text (spliced into the reply as it is): {"case": Case JSON, "version": N, "notes": [Note
    // JSON...], "documents": [DocumentRef JSON...]} per case, in commit order; notes and documents oldest first
    QByteArray cases = QByteArrayLiteral("[]");
    // Ids of cases the caller could read before and no longer can (moved to another team, reassigned): the
    // client drops them. Only cases the caller could read show up here, so nothing about others leaks.
    QJsonArray removed;
    SyncCursor cursor;  // where the next page starts
    bool more = false;  // another page follows at once
    bool reset = false; // the page starts over from the beginning (see PullApi)
};

class ChangeFeed {
public:
    // SQL for whether committed changes are held back by an older running transaction (pull stops before them):
    // the newest change in commit order lies at or past the snapshot's xmin. One entry of index changes_commit_order,
    // also in a plan made while the table was empty and then kept (as EXISTS, such a plan scanned the whole table
    // and took a snapshot per row).
    static QString settlingSql();

    static constexpr int DefaultLimit = 200;
    static constexpr int MaxLimit = 1000;

    explicit ChangeFeed(QSqlDatabase db);

    // Up to `limit` changes (of distinct or the same cases) after `cursor`. No cursor: from the beginning.
    // A cursor that does not parse, belongs to another scope (fingerprint) or names a change this database does
    // not hold (restored or another database) starts over from the beginning with reset set.
    Result<ChangePage> page(const ScopeFilter &filter, const std::optional<QString> &cursor, int limit);

    enum class Movement {
        Moved,    // a pull with this cursor delivers something now, or starts over
        Settling, // changes have committed but wait for an older transaction to end: look again shortly
        Quiet,    // nothing new: wait for a notification
    };
    Result<Movement> movement(const ScopeFilter &filter, const QString &cursor);

private:
    struct Start {
        SyncCursor position; // with the current fingerprint
        bool reset = false;
    };
    Result<Start> start(const ScopeFilter &filter, const std::optional<QString> &cursor);
    Result<SyncCursor> head(const SyncCursor &after);
    // The entries of `cases` for these cases, in this order, put together from the JSON text PostgreSQL gives:
    // the stored cases and notes are not parsed and written again (most of a first pull's time on the server).
    Result<QByteArray> caseEntries(const QList<QUuid> &caseIds);
    // Cases that left the scope with a change in (after, upTo]; upTo null: up to the safe end of the feed.
    Result<QJsonArray> removedCases(const ScopeFilter &filter, const SyncCursor &after,
                                    const std::optional<SyncCursor> &upTo, int limit = -1);

    QSqlDatabase m_db;
};

} // namespace casedesk::server
