// The inbox as a table: the rows of one inbox query (paged on demand through InboxPager, the row count is
// the true count), or in search mode the ranked hits of a full-text search with their snippets.
#pragma once

#include "storage/CaseSearch.h"
#include "storage/InboxQuery.h"
#include "ui/InboxPager.h"

#include <QAbstractTableModel>

#include <optional>

namespace casedesk::ui {

class InboxModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        AktenzeichenColumn,
        ApplicantColumn,
        TitleColumn, // title; the case type in its tooltip
        StatusColumn,
        AssigneeColumn,
        ReceivedColumn,
        DeadlineColumn,
        InboxColumnCount,
        SnippetColumn = InboxColumnCount, // search mode only: where the words matched
    };
    enum Role {
        CaseIdRole = Qt::UserRole + 1, // QUuid
        PendingChangesRole,            // bool: commands in the outbox not yet confirmed
        OverdueRole,                   // bool
        SortValueRole,                 // the raw value a column sorts by (QDate for dates)
        SnippetRole,                   // search mode: HTML snippet with the matches in <b>
    };
    static constexpr int SearchLimit = 500;

    InboxModel(storage::InboxRepository &inbox, storage::CaseSearch &search, QObject *parent = nullptr);

    // Shows the rows of `query`; counts once, pages load as the view asks for them. In search mode the
    // query's filters apply to the hits.
    void setQuery(const storage::InboxQuery &query);
    const storage::InboxQuery &query() const { return m_pager.query(); }

    // Non-empty text: search mode, the best hits across the cache (filtered by the query's status and case
    // type filters). Empty text: back to the query's rows.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    bool isSearchMode() const { return !m_searchText.isEmpty(); }

    // Reads everything again (after the cache changed).
    void refresh();

    qint64 totalCount() const; // the true row count (inbox) or the number of hits (search)
    const InboxPager &pager() const { return m_pager; }

    // The inbox sort a column maps to; nullopt for columns that cannot be sorted (title, snippet).
    static std::optional<storage::InboxSort> sortForColumn(int column);
    // The locale's short date with a four-digit year: official German dates read 01.08.2026, not 01.08.26.
    static QString formatDate(const QDate &date);
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void totalCountChanged(qint64 count);

private:
    const storage::InboxRow *rowAt(int row) const;
    QString snippetAt(int row) const;
    bool isOverdue(const storage::InboxRow &row) const;
    QVariant displayValue(const storage::InboxRow &row, int column) const;
    QVariant toolTip(const storage::InboxRow &row, int rowNumber, int column) const;
    void runSearch();
    void sortHits();

    storage::CaseSearch &m_search;
    // Loading a page on demand changes only caches, not what the model shows: mutable for data() const.
    mutable InboxPager m_pager;
    QString m_searchText;
    QList<storage::SearchHit> m_hits;
    int m_hitSortColumn = -1; // -1: by rank
    Qt::SortOrder m_hitSortOrder = Qt::AscendingOrder;
};

} // namespace casedesk::ui
