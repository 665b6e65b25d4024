#include "ui/InboxModel.h"

#include "ui/UiLog.h"

#include <QCollator>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QRegularExpression>
#include <QTextDocumentFragment>

#include <algorithm>
#include <limits>

namespace casedesk::ui {

using storage::InboxRow;
using storage::InboxSort;

namespace {

const QColor OverdueColor(0xB3, 0x26, 0x1E); // a warning red that stays readable on white and grey rows
const QColor PendingColor(0xE0, 0x9B, 0x1A); // amber marker: local changes not yet confirmed
const QColor ClosedColor(0x75, 0x75, 0x75);  // closed cases recede

} // namespace

QString InboxModel::formatDate(const QDate &date)
{
    static const QString format =
        QLocale()
            .dateFormat(QLocale::ShortFormat)
            .replace(QRegularExpression(QStringLiteral("(?<!y)yy(?!y)")), QStringLiteral("yyyy"));
    return date.isValid() ? QLocale().toString(date, format) : QString();
}

InboxModel::InboxModel(storage::InboxRepository &inbox, storage::CaseSearch &search, QObject *parent)
    : QAbstractTableModel(parent), m_search(search), m_pager(inbox)
{
}

void InboxModel::setQuery(const storage::InboxQuery &query)
{
    beginResetModel();
    m_pager.setQuery(query);
    if (isSearchMode())
        runSearch();
    endResetModel();
    emit totalCountChanged(totalCount());
}

void InboxModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    beginResetModel();
    m_searchText = trimmed;
    m_hits.clear();
    if (isSearchMode())
        runSearch();
    endResetModel();
    emit totalCountChanged(totalCount());
}

void InboxModel::refresh()
{
    setQuery(m_pager.query());
}

qint64 InboxModel::totalCount() const
{
    return isSearchMode() ? m_hits.size() : m_pager.count();
}

std::optional<InboxSort> InboxModel::sortForColumn(int column)
{
    switch (column) {
    case AktenzeichenColumn:
        return InboxSort::Aktenzeichen;
    case ApplicantColumn:
        return InboxSort::Applicant;
    case StatusColumn:
        return InboxSort::Status;
    case AssigneeColumn:
        return InboxSort::Assignee;
    case ReceivedColumn:
        return InboxSort::Received;
    case DeadlineColumn:
        return InboxSort::Deadline;
    default:
        return std::nullopt;
    }
}

int InboxModel::sortColumn() const
{
    if (isSearchMode())
        return m_hitSortColumn;
    for (int column = 0; column < InboxColumnCount; ++column) {
        if (sortForColumn(column) == query().sort)
            return column;
    }
    return -1;
}

Qt::SortOrder InboxModel::sortOrder() const
{
    return isSearchMode() ? m_hitSortOrder : query().order;
}

void InboxModel::sort(int column, Qt::SortOrder order)
{
    const std::optional<InboxSort> sort = sortForColumn(column);
    if (!sort || (column == sortColumn() && order == sortOrder()))
        return;
    if (isSearchMode()) {
        // Hits are few (SearchLimit) and all in memory: sort them here instead of searching again.
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QList<QUuid> ids;
        for (const QModelIndex &index : before)
            ids.append(m_hits.at(index.row()).row.caseId);
        m_hitSortColumn = column;
        m_hitSortOrder = order;
        sortHits();
        QModelIndexList after;
        for (qsizetype i = 0; i < before.size(); ++i) {
            const auto it = std::find_if(m_hits.cbegin(), m_hits.cend(),
                                         [&](const storage::SearchHit &hit) { return hit.row.caseId == ids.at(i); });
            after.append(index(int(it - m_hits.cbegin()), before.at(i).column()));
        }
        changePersistentIndexList(before, after);
        emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
        return;
    }
    storage::InboxQuery sorted = query();
    sorted.sort = *sort;
    sorted.order = order;
    setQuery(sorted);
}

int InboxModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(std::min<qint64>(totalCount(), std::numeric_limits<int>::max()));
}

int InboxModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return isSearchMode() ? InboxColumnCount + 1 : InboxColumnCount;
}

const InboxRow *InboxModel::rowAt(int row) const
{
    if (isSearchMode())
        return row >= 0 && row < m_hits.size() ? &m_hits.at(row).row : nullptr;
    return m_pager.row(row);
}

QString InboxModel::snippetAt(int row) const
{
    return isSearchMode() && row >= 0 && row < m_hits.size() ? m_hits.at(row).snippet : QString();
}

bool InboxModel::isOverdue(const InboxRow &row) const
{
    return !row.closed && row.deadline.isValid() && row.deadline < query().today;
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InboxRow *row = rowAt(index.row());
    if (!row)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == SnippetColumn)
            return QTextDocumentFragment::fromHtml(snippetAt(index.row())).toPlainText();
        return displayValue(*row, column);
    case Qt::ToolTipRole:
        return toolTip(*row, index.row(), column);
    case Qt::ForegroundRole:
        if (column == DeadlineColumn && isOverdue(*row))
            return OverdueColor;
        if (row->closed)
            return ClosedColor;
        return {};
    case Qt::FontRole:
        if (column == DeadlineColumn && isOverdue(*row)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DecorationRole:
        if (column == AktenzeichenColumn && row->hasPendingChanges)
            return PendingColor;
        return {};
    case CaseIdRole:
        return row->caseId;
    case PendingChangesRole:
        return row->hasPendingChanges;
    case OverdueRole:
        return isOverdue(*row);
    case SortValueRole:
        if (column == ReceivedColumn)
            return row->received;
        if (column == DeadlineColumn)
            return row->deadline;
        return displayValue(*row, column);
    case SnippetRole:
        return snippetAt(index.row());
    default:
        return {};
    }
}

QVariant InboxModel::displayValue(const InboxRow &row, int column) const
{
    switch (column) {
    case AktenzeichenColumn:
        return row.aktenzeichen;
    case ApplicantColumn:
        return row.applicant;
    case TitleColumn:
        return row.title;
    case StatusColumn:
        return row.statusText;
    case AssigneeColumn:
        return row.assigneeName;
    case ReceivedColumn:
        return formatDate(row.received);
    case DeadlineColumn:
        return formatDate(row.deadline);
    default:
        return {};
    }
}

QVariant InboxModel::toolTip(const InboxRow &row, int rowNumber, int column) const
{
    if (column == DeadlineColumn && isOverdue(row))
        return tr("Overdue since %1").arg(QLocale().toString(row.deadline.addDays(1), QLocale::LongFormat));
    if (column == AktenzeichenColumn && row.hasPendingChanges)
        return tr("Local changes not yet confirmed by the server");
    if (isSearchMode())
        return snippetAt(rowNumber);
    if (column == TitleColumn)
        return tr("Case type: %1").arg(row.caseType);
    return {};
}

QVariant InboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AktenzeichenColumn:
        return tr("File number");
    case ApplicantColumn:
        return tr("Applicant");
    case TitleColumn:
        return tr("Subject");
    case StatusColumn:
        return tr("Status");
    case AssigneeColumn:
        return tr("Assignee");
    case ReceivedColumn:
        return tr("Received");
    case DeadlineColumn:
        return tr("Deadline");
    case SnippetColumn:
        return tr("Match");
    default:
        return {};
    }
}

void InboxModel::runSearch()
{
    auto hits = m_search.search(m_searchText, SearchLimit);
    if (!hits) {
        qCWarning(lcUi) << "search failed:" << hits.error().toString();
        m_hits.clear();
        return;
    }
    const storage::InboxFilter &filter = query().filter;
    m_hits = std::move(hits).value();
    m_hits.removeIf([&](const storage::SearchHit &hit) {
        return (!filter.statusText.isEmpty() && hit.row.statusText != filter.statusText) ||
               (!filter.caseType.isEmpty() && hit.row.caseType != filter.caseType);
    });
    sortHits();
}

void InboxModel::sortHits()
{
    if (m_hitSortColumn < 0)
        return; // ranked order as the search returned it
    QCollator collator;
    collator.setNumericMode(true);
    const int column = m_hitSortColumn;
    const bool ascending = m_hitSortOrder == Qt::AscendingOrder;
    auto dateOf = [column](const InboxRow &row) { return column == ReceivedColumn ? row.received : row.deadline; };
    std::stable_sort(m_hits.begin(), m_hits.end(), [&](const storage::SearchHit &a, const storage::SearchHit &b) {
        int order = 0;
        if (column == ReceivedColumn || column == DeadlineColumn) {
            const QDate da = dateOf(a.row), db = dateOf(b.row);
            order = da == db ? 0 : (!da.isValid() ? 1 : (!db.isValid() ? -1 : (da < db ? -1 : 1)));
        } else {
            order = collator.compare(displayValue(a.row, column).toString(), displayValue(b.row, column).toString());
        }
        return ascending ? order < 0 : order > 0;
    });
}

} // namespace casedesk::ui
