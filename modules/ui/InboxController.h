// What the main window shows, apart from the widgets: the current view, filters and search of the inbox,
// the counts per view and the filter choices, read from the cache for the signed-in user.
#pragma once

#include "core/Team.h"
#include "core/User.h"
#include "storage/CaseRepository.h"
#include "storage/CaseSearch.h"
#include "storage/InboxRepository.h"
#include "storage/ReferenceRepository.h"
#include "ui/InboxModel.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace casedesk::storage {
class CacheDatabase;
}

namespace casedesk::ui {

class InboxController : public QObject {
    Q_OBJECT

public:
    static constexpr int SearchDebounceMs = 250;

    // The side list's views, in the order shown.
    static const QList<storage::InboxView> &views();
    static QString viewTitle(storage::InboxView view);

    // `user` is who works with the inbox ("My cases", "Team"); nullopt when the cache has no users yet.
    InboxController(storage::CacheDatabase &db, std::optional<User> user, QObject *parent = nullptr);

    InboxModel *model() { return &m_model; }
    const std::optional<User> &user() const { return m_user; }
    // The signed-in user anew (the server's reference data brought their teams or roles); reads again.
    void setUser(std::optional<User> user);
    const QList<Team> &teams() const { return m_teams; }
    storage::InboxView view() const { return m_view; }
    qint64 viewCount(storage::InboxView view) const { return m_viewCounts.value(view, 0); }
    const QStringList &statusTexts() const { return m_statusTexts; }
    const QStringList &caseTypes() const { return m_caseTypes; }

    // A case as the user sees it (pending changes included) with its documents; nullopt when it is gone or
    // cannot be read (logged).
    std::optional<std::pair<Case, QList<DocumentRef>>> caseFile(const QUuid &caseId);
    // The form definition of the version `c` runs on; null when the cache's reference data lacks it (logged).
    forms::FormDefinition formOf(const Case &c);

public slots:
    void setView(storage::InboxView view);
    void setStatusFilter(const QString &statusText);
    void setCaseTypeFilter(const QString &caseType);
    // Search as you type: runs SearchDebounceMs after the last change; clearing applies at once.
    void setSearchText(const QString &text);
    // Reads the counts, the filter choices and the current rows again (F5, or after the cache changed).
    void refresh();

signals:
    void viewCountsChanged();
    void filterChoicesChanged();

private:
    storage::InboxQuery queryFor(storage::InboxView view) const;
    void applyQuery();

    storage::InboxRepository m_inbox;
    storage::CaseSearch m_search;
    storage::CaseRepository m_cases;
    storage::ReferenceRepository m_reference;
    InboxModel m_model;
    std::optional<User> m_user;
    QList<Team> m_teams;
    storage::InboxView m_view = storage::InboxView::MyCases;
    storage::InboxFilter m_filter;
    QDate m_today;
    QHash<storage::InboxView, qint64> m_viewCounts;
    QStringList m_statusTexts;
    QStringList m_caseTypes;
    QTimer m_searchTimer;
    QString m_pendingSearch;
};

} // namespace casedesk::ui
