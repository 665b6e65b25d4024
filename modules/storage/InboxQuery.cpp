#include "storage/InboxQuery.h"

namespace casedesk::storage {

InboxQuery InboxQuery::defaultFor(InboxView view, const QUuid &userId, const QList<QUuid> &teamIds, const QDate &today)
{
    InboxQuery query;
    query.view = view;
    query.userId = userId;
    query.teamIds = teamIds;
    query.today = today;
    switch (view) {
    case InboxView::MyCases:
    case InboxView::Team:
    case InboxView::Overdue:
    case InboxView::DueThisWeek:
        query.sort = InboxSort::Deadline; // the most urgent first
        query.order = Qt::AscendingOrder;
        break;
    case InboxView::Unassigned:
        query.sort = InboxSort::Received; // first come, first served
        query.order = Qt::AscendingOrder;
        break;
    case InboxView::All:
        query.sort = InboxSort::Received; // the newest first
        query.order = Qt::DescendingOrder;
        break;
    }
    return query;
}

} // namespace casedesk::storage
