// Random access to the rows of one inbox query through keyset pages: the true count, pages of PageSize
// rows in a bounded LRU, and anchors (one key per page boundary) for far jumps. Never OFFSET.
#pragma once

#include "storage/InboxQuery.h"

#include <QCache>

#include <optional>

namespace casedesk::storage {
class InboxRepository;
}

namespace casedesk::ui {

class InboxPager {
public:
    static constexpr int PageSize = 50;
    static constexpr int MaxCachedPages = 40; // 2,000 rows: memory stays flat however far one scrolls

    explicit InboxPager(storage::InboxRepository &repository);

    // Starts over on a new query: counts once, drops pages and anchors.
    void setQuery(const storage::InboxQuery &query);
    const storage::InboxQuery &query() const { return m_query; }
    qint64 count() const { return m_count; }

    // The row at `row`, loading at most one page (one keyset query) when it is not cached; nullptr when
    // the row is out of range or its page could not be read.
    const storage::InboxRow *row(qint64 row);

    // How many page and anchor queries ran since the last setQuery (for tests and the log).
    int pageLoads() const { return m_pageLoads; }
    int anchorLoads() const { return m_anchorLoads; }
    int cachedPages() const { return int(m_pages.size()); }

private:
    using Page = QList<storage::InboxRow>;
    const Page *loadPage(qint64 pageIndex);
    std::optional<storage::InboxKey> startKeyOf(qint64 pageIndex, bool *ok);

    storage::InboxRepository &m_repository;
    storage::InboxQuery m_query;
    qint64 m_count = 0;
    QCache<qint64, Page> m_pages;
    std::optional<QList<storage::InboxKey>> m_anchors; // computed once per query, on the first far jump
    int m_pageLoads = 0;
    int m_anchorLoads = 0;
};

} // namespace casedesk::ui
