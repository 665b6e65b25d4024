// Paged inbox queries over the visible case state (confirmed + pending), keyset-paged, index-served for
// each built-in view's default sort.
#pragma once

#include "core/Result.h"
#include "storage/InboxQuery.h"

#include <optional>

namespace casedesk::storage {

class CacheDatabase;

class InboxRepository {
public:
    explicit InboxRepository(CacheDatabase &db);

    Result<qint64> count(const InboxQuery &query);

    // Up to `limit` rows that come after `after` in the query's order (from the start when nullopt).
    Result<QList<InboxRow>> page(const InboxQuery &query, const std::optional<InboxKey> &after, int limit);

    // Keys of rows every-1, 2*every-1, ... (0-based): page(query, anchors[k], n) starts at row (k+1)*every.
    // One pass over the sort index; lets a view jump far (scroll bar drag) without OFFSET scans.
    Result<QList<InboxKey>> anchors(const InboxQuery &query, int every);

    // The rows with these case_view row ids, in the order given (ids not found are left out). Used by
    // CaseSearch to turn ranked hits into rows.
    Result<QList<InboxRow>> rowsByRowIds(const QList<qint64> &rowIds);

    // SQLite's plan for page(query, after, ...), one line per step of each of its queries ("SEARCH TABLE case_view
    // USING INDEX ..."). Lets tests and benchmarks prove that a view is served by an index without a temporary sort.
    Result<QStringList> pagePlan(const InboxQuery &query, const std::optional<InboxKey> &after, int limit = 50);

    // Distinct derived status texts and case types present, for the filter menus.
    Result<QStringList> statusTexts();
    Result<QStringList> caseTypes();

private:
    // Whether a page of `limit` rows of the query is cheaper to find by walking its sort column's index than
    // by sorting the view (see Plan in the source).
    Result<bool> walksSortIndex(const InboxQuery &query, int limit);
    // Rows of a view without filters, counted again only after the connection has written: they only choose
    // plans, so a count that another connection's writes have made stale costs time, never a wrong row.
    Result<qint64> cachedCount(const InboxQuery &viewOnly);

    CacheDatabase &m_db;
    QList<std::pair<InboxQuery, qint64>> m_viewCounts;
    int m_countedAtChanges = -1; // the connection's total changes when m_viewCounts were counted
};

} // namespace casedesk::storage
