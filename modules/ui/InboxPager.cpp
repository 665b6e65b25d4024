#include "ui/InboxPager.h"

#include "storage/InboxRepository.h"
#include "ui/UiLog.h"

namespace casedesk::ui {

using storage::InboxKey;
using storage::InboxRow;

InboxPager::InboxPager(storage::InboxRepository &repository) : m_repository(repository), m_pages(MaxCachedPages) {}

void InboxPager::setQuery(const storage::InboxQuery &query)
{
    m_query = query;
    m_pages.clear();
    m_anchors.reset();
    m_pageLoads = 0;
    m_anchorLoads = 0;
    const auto counted = m_repository.count(query);
    if (!counted) {
        qCWarning(lcUi) << "inbox count failed:" << counted.error().toString();
        m_count = 0;
        return;
    }
    m_count = counted.value();
}

const InboxRow *InboxPager::row(qint64 row)
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const Page *page = loadPage(row / PageSize);
    const qint64 offset = row % PageSize;
    return page && offset < page->size() ? &page->at(offset) : nullptr;
}

const InboxPager::Page *InboxPager::loadPage(qint64 pageIndex)
{
    if (const Page *cached = m_pages.object(pageIndex))
        return cached;
    bool ok = true;
    const std::optional<InboxKey> after = startKeyOf(pageIndex, &ok);
    auto *page = new Page;
    if (ok) {
        ++m_pageLoads;
        auto rows = m_repository.page(m_query, after, PageSize);
        if (rows)
            *page = std::move(rows).value();
        else
            qCWarning(lcUi) << "inbox page" << pageIndex << "failed:" << rows.error().toString();
    }
    // A failed page is cached empty too, so a broken read is not retried on every paint; refresh retries.
    m_pages.insert(pageIndex, page);
    return page;
}

// The key the page starts after: the previous page's last key when that page is at hand (scrolling),
// otherwise the anchor at the page boundary (a far jump).
std::optional<InboxKey> InboxPager::startKeyOf(qint64 pageIndex, bool *ok)
{
    if (pageIndex == 0)
        return std::nullopt;
    if (const Page *previous = m_pages.object(pageIndex - 1); previous && previous->size() == PageSize)
        return previous->constLast().key;
    if (!m_anchors) {
        ++m_anchorLoads;
        auto anchors = m_repository.anchors(m_query, PageSize);
        if (!anchors) {
            qCWarning(lcUi) << "inbox anchors failed:" << anchors.error().toString();
            *ok = false;
            return std::nullopt;
        }
        m_anchors = std::move(anchors).value();
    }
    // anchors[k] is the key of row (k+1)*PageSize-1, so page p starts after anchors[p-1].
    if (pageIndex - 1 >= m_anchors->size()) {
        *ok = false;
        return std::nullopt;
    }
    return m_anchors->at(pageIndex - 1);
}

} // namespace casedesk::ui
