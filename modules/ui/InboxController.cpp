#include "ui/InboxController.h"

#include "core/Clock.h"
#include "storage/ReferenceRepository.h"
#include "ui/UiLog.h"

namespace casedesk::ui {

using storage::InboxView;

const QList<InboxView> &InboxController::views()
{
    static const QList<InboxView> all{InboxView::MyCases, InboxView::Team,        InboxView::Unassigned,
                                      InboxView::Overdue, InboxView::DueThisWeek, InboxView::All};
    return all;
}

QString InboxController::viewTitle(InboxView view)
{
    switch (view) {
    case InboxView::MyCases:
        return tr("My cases");
    case InboxView::Team:
        return tr("Team");
    case InboxView::Unassigned:
        return tr("Unassigned");
    case InboxView::Overdue:
        return tr("Overdue");
    case InboxView::DueThisWeek:
        return tr("Due this week");
    case InboxView::All:
        return tr("All cases");
    }
    return {};
}

InboxController::InboxController(storage::CacheDatabase &db, std::optional<User> user, QObject *parent)
    : QObject(parent), m_inbox(db), m_search(db), m_cases(db), m_reference(db), m_model(m_inbox, m_search),
      m_user(std::move(user))
{
    auto teams = m_reference.teams();
    if (teams)
        m_teams = teams.value();
    else
        qCWarning(lcUi) << "reading teams failed:" << teams.error().toString();

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(SearchDebounceMs);
    connect(&m_searchTimer, &QTimer::timeout, this, [this] { m_model.setSearchText(m_pendingSearch); });
    refresh();
}

storage::InboxQuery InboxController::queryFor(InboxView view) const
{
    const QUuid userId = m_user ? m_user->id : QUuid();
    const QList<QUuid> teamIds = m_user ? m_user->teamIds : QList<QUuid>();
    return storage::InboxQuery::defaultFor(view, userId, teamIds, m_today);
}

void InboxController::applyQuery()
{
    storage::InboxQuery query = queryFor(m_view);
    // Keep the user's chosen sort across filter changes within a view.
    if (m_model.query().view == m_view) {
        query.sort = m_model.query().sort;
        query.order = m_model.query().order;
    }
    query.filter = m_filter;
    m_model.setQuery(query);
}

void InboxController::setView(InboxView view)
{
    if (view == m_view)
        return;
    m_view = view;
    applyQuery();
}

void InboxController::setStatusFilter(const QString &statusText)
{
    if (statusText == m_filter.statusText)
        return;
    m_filter.statusText = statusText;
    applyQuery();
}

void InboxController::setCaseTypeFilter(const QString &caseType)
{
    if (caseType == m_filter.caseType)
        return;
    m_filter.caseType = caseType;
    applyQuery();
}

void InboxController::setSearchText(const QString &text)
{
    m_pendingSearch = text;
    if (text.trimmed().isEmpty()) {
        m_searchTimer.stop();
        m_model.setSearchText(QString());
        return;
    }
    m_searchTimer.start();
}

void InboxController::setUser(std::optional<User> user)
{
    m_user = std::move(user);
    refresh();
}

void InboxController::refresh()
{
    m_today = Clock::current().today();
    for (InboxView view : views()) {
        const auto counted = m_inbox.count(queryFor(view));
        if (!counted)
            qCWarning(lcUi) << "counting view" << int(view) << "failed:" << counted.error().toString();
        m_viewCounts.insert(view, counted ? counted.value() : 0);
    }
    emit viewCountsChanged();

    const auto statusTexts = m_inbox.statusTexts();
    const auto caseTypes = m_inbox.caseTypes();
    m_statusTexts = statusTexts ? statusTexts.value() : QStringList();
    m_caseTypes = caseTypes ? caseTypes.value() : QStringList();
    emit filterChoicesChanged();

    applyQuery();
}

std::optional<std::pair<Case, QList<DocumentRef>>> InboxController::caseFile(const QUuid &caseId)
{
    const Result<std::optional<Case>> found = m_cases.visibleCase(caseId);
    if (!found || !found->has_value()) {
        if (!found)
            qCWarning(lcUi) << "reading case" << caseId << "failed:" << found.error().toString();
        return std::nullopt;
    }
    Result<QList<DocumentRef>> documents = m_cases.visibleDocuments(caseId);
    if (!documents)
        qCWarning(lcUi) << "reading the documents of case" << caseId << "failed:" << documents.error().toString();
    return std::pair(**found, documents ? documents.value() : QList<DocumentRef>());
}

forms::FormDefinition InboxController::formOf(const Case &c)
{
    const Result<std::shared_ptr<const casework::CaseTypeCatalogue>> caseTypes = m_reference.caseTypes();
    if (!caseTypes) {
        qCWarning(lcUi) << "reading the case types failed:" << caseTypes.error().toString();
        return {};
    }
    const demo::CaseTypeContent *content = caseTypes.value()->of(c);
    return content ? content->form : forms::FormDefinition();
}

} // namespace casedesk::ui
