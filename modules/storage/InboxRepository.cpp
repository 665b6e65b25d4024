#include "storage/InboxRepository.h"

#include "core/Uuid.h"
#include "storage/CacheDatabase.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace casedesk::storage {

namespace {

// The only column names that reach the SQL text: a whitelist by enum, never text from outside.
QString sortColumn(InboxSort sort)
{
    switch (sort) {
    case InboxSort::Deadline:
        return QStringLiteral("deadline_key");
    case InboxSort::Received:
        return QStringLiteral("received_key");
    case InboxSort::Aktenzeichen:
        return QStringLiteral("aktenzeichen_key");
    case InboxSort::Applicant:
        return QStringLiteral("applicant_key");
    case InboxSort::Status:
        return QStringLiteral("status_key");
    case InboxSort::Assignee:
        return QStringLiteral("assignee_key");
    }
    return QStringLiteral("deadline_key");
}

const QString RowColumns =
    QStringLiteral("row_id, id, aktenzeichen, title, case_type, applicant, status_text, "
                   "assignee_name, priority, received, deadline, follow_up, closed, has_pending");

// The WHERE clause of a query: terms made only of fixed text and placeholders, with their values.
struct Condition {
    QStringList terms;
    QVariantList values;

    void add(const QString &term, const QVariantList &termValues = {})
    {
        terms << term;
        values << termValues;
    }
    QString sql() const
    {
        return terms.isEmpty() ? QString() : QStringLiteral(" WHERE ") + terms.join(QLatin1String(" AND "));
    }
};

// How a query's rows are found. A view's default sort is its own index's order. For any other sort there are
// two plans: narrow the view by its index and sort it (cost: the view's size), or walk the sort column's
// index and skip the rows outside the view (cost: page size / share of rows in the view). SQLite 3.15 has no
// per-value statistics and takes the first for a view as wide as Unassigned (all '' of assignee_id), which
// at 100,000 cases sorts 14,000 rows for a page of 50; so the repository chooses (walksSortIndex()).
enum class Plan { ViewIndex, SortIndex };

// A column in a term of the view or its filters. Walking the sort index, a unary + keeps SQLite from using
// the column's indexes, so the sort index is the one left that serves the query.
QString column(const char *name, Plan plan)
{
    return (plan == Plan::SortIndex ? QStringLiteral("+") : QString()) + QLatin1String(name);
}

void addTeams(Condition *condition, const QList<QUuid> &teamIds, Plan plan)
{
    if (teamIds.isEmpty()) {
        condition->add(QStringLiteral("0")); // no team, no team cases
        return;
    }
    const QString teamId = column("team_id", plan);
    if (teamIds.size() == 1) {
        // Equality keeps the team index's deadline order usable for ORDER BY; with several teams SQLite
        // looks each team up and sorts the union in a temporary b-tree (multi-team users only).
        condition->add(teamId + QStringLiteral(" = ?"), {uuidToString(teamIds.first())});
        return;
    }
    QStringList placeholders;
    QVariantList ids;
    for (const QUuid &id : teamIds) {
        placeholders << QStringLiteral("?");
        ids << uuidToString(id);
    }
    condition->add(teamId + QStringLiteral(" IN (%1)").arg(placeholders.join(u',')), ids);
}

Condition conditionFor(const InboxQuery &query, Plan plan = Plan::ViewIndex)
{
    Condition condition;
    const QString closedIsZero = column("closed", plan) + QStringLiteral(" = 0");
    switch (query.view) {
    case InboxView::MyCases:
        if (query.userId.isNull())
            condition.add(QStringLiteral("0")); // '' would match the unassigned cases
        else
            condition.add(column("assignee_id", plan) + QStringLiteral(" = ?"), {uuidToString(query.userId)});
        condition.add(closedIsZero);
        break;
    case InboxView::Team:
        addTeams(&condition, query.teamIds, plan);
        condition.add(closedIsZero);
        break;
    case InboxView::Unassigned:
        addTeams(&condition, query.teamIds, plan);
        condition.add(closedIsZero);
        condition.add(column("assignee_id", plan) + QStringLiteral(" = ''"));
        break;
    case InboxView::Overdue:
        condition.add(closedIsZero);
        // Missing deadlines have the key '~', after every date: never overdue.
        condition.add(column("deadline_key", plan) + QStringLiteral(" < ?"), {query.today.toString(Qt::ISODate)});
        break;
    case InboxView::DueThisWeek: {
        const QDate sunday = query.today.addDays(7 - query.today.dayOfWeek()); // ISO week: Monday to Sunday
        condition.add(closedIsZero);
        condition.add(column("deadline_key", plan) + QStringLiteral(" BETWEEN ? AND ?"),
                      {query.today.toString(Qt::ISODate), sunday.toString(Qt::ISODate)});
        break;
    }
    case InboxView::All:
        break;
    }
    if (!query.filter.statusText.isEmpty())
        condition.add(QStringLiteral("status_text = ?"), {query.filter.statusText});
    if (!query.filter.caseType.isEmpty())
        condition.add(QStringLiteral("case_type = ?"), {query.filter.caseType});
    if (!query.filter.teamId.isNull())
        condition.add(column("team_id", plan) + QStringLiteral(" = ?"), {uuidToString(query.filter.teamId)});
    return condition;
}

QString orderBy(const InboxQuery &query)
{
    const QString direction = query.order == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    return QStringLiteral(" ORDER BY %1 %2, row_id %2").arg(sortColumn(query.sort), direction);
}

void bindAll(SqliteStatement &stmt, const QVariantList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        stmt.bind(int(i + 1), values.at(i));
}

// Reads a row selected as "<sort key>, " + RowColumns.
InboxRow readRow(const SqliteStatement &stmt)
{
    InboxRow row;
    row.key.sortValue = stmt.value(0);
    row.key.rowId = stmt.int64(1);
    row.caseId = uuidFromString(stmt.text(2));
    row.aktenzeichen = stmt.text(3);
    row.title = stmt.text(4);
    row.caseType = stmt.text(5);
    row.applicant = stmt.text(6);
    row.statusText = stmt.text(7);
    row.assigneeName = stmt.text(8);
    const qint64 priority = stmt.int64(9);
    row.priority = priority >= qint64(Priority::Low) && priority <= qint64(Priority::Urgent)
                       ? static_cast<Priority>(priority)
                       : Priority::Normal;
    row.received = stmt.date(10);
    row.deadline = stmt.date(11);
    row.followUp = stmt.date(12);
    row.closed = stmt.int64(13) != 0;
    row.hasPendingChanges = stmt.int64(14) != 0;
    return row;
}

Result<QStringList> readStrings(SqliteDatabase &db, const QString &sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    QStringList values;
    auto read = (*stmt)->forEachRow([&](const SqliteStatement &row) {
        values << row.text(0);
        return Result<void>();
    });
    if (!read)
        return read.error();
    return values;
}

// In My cases and Unassigned every row has the same assignee: sorted by it, the rows keep the view's own order,
// which its index serves (ordering them by row id instead sorted the whole view: 14,000 rows at 100,000 cases).
InboxQuery servedSort(const InboxQuery &query)
{
    if (query.sort != InboxSort::Assignee || (query.view != InboxView::MyCases && query.view != InboxView::Unassigned))
        return query;
    InboxQuery served = query;
    served.sort = InboxQuery::defaultFor(query.view, {}, {}, {}).sort;
    return served;
}

struct PageStatement {
    QString sql; // ends in "LIMIT ?", bound after `values`
    QVariantList values;
};

// The queries of a page, run in order until it is full.
QList<PageStatement> pageStatements(const InboxQuery &query, const std::optional<InboxKey> &after, Plan plan)
{
    const QString column = sortColumn(query.sort);
    const QString select = QStringLiteral("SELECT %1, %2 FROM case_view").arg(column, RowColumns);
    const QString limit = QStringLiteral(" LIMIT ?");
    if (!after) {
        const Condition condition = conditionFor(query, plan);
        return {{select + condition.sql() + orderBy(query) + limit, condition.values}};
    }
    // Keyset paging in two exact index ranges: the rest of the rows with the anchor's sort value (by row id),
    // then the rows after that value. SQLite 3.15 turns the row value comparison "(key, row_id) > (?, ?)"
    // into a range on the key alone and filters the anchor's whole group of equal keys row by row (a status
    // shared by a third of the inbox).
    const bool ascending = query.order == Qt::AscendingOrder;
    const QString op = ascending ? QStringLiteral(">") : QStringLiteral("<");
    const QString direction = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    Condition sameKey = conditionFor(query, plan);
    sameKey.add(QStringLiteral("%1 = ?").arg(column), {after->sortValue});
    sameKey.add(QStringLiteral("row_id %1 ?").arg(op), {after->rowId});
    Condition laterKeys = conditionFor(query, plan);
    laterKeys.add(QStringLiteral("%1 %2 ?").arg(column, op), {after->sortValue});
    return {{select + sameKey.sql() + QStringLiteral(" ORDER BY row_id ") + direction + limit, sameKey.values},
            {select + laterKeys.sql() + orderBy(query) + limit, laterKeys.values}};
}

} // namespace

InboxRepository::InboxRepository(CacheDatabase &db) : m_db(db) {}

Result<qint64> InboxRepository::count(const InboxQuery &query)
{
    const Condition condition = conditionFor(query);
    auto stmt = m_db.sqlite().prepare(QStringLiteral("SELECT COUNT(*) FROM case_view") + condition.sql());
    if (!stmt)
        return stmt.error();
    bindAll(**stmt, condition.values);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    const qint64 count = (*stmt)->int64(0);
    (*stmt)->reset();
    return count;
}

Result<QList<InboxRow>> InboxRepository::page(const InboxQuery &requested, const std::optional<InboxKey> &after,
                                              int limit)
{
    const InboxQuery query = servedSort(requested);
    QList<InboxRow> rows;
    if (limit <= 0)
        return rows;
    rows.reserve(limit);
    auto walk = walksSortIndex(query, limit);
    if (!walk)
        return walk.error();
    for (const PageStatement &statement : pageStatements(query, after, *walk ? Plan::SortIndex : Plan::ViewIndex)) {
        auto stmt = m_db.sqlite().prepare(statement.sql);
        if (!stmt)
            return stmt.error();
        bindAll(**stmt, statement.values);
        (*stmt)->bind(int(statement.values.size() + 1), qint64(limit - rows.size()));
        for (;;) {
            auto row = (*stmt)->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            rows.append(readRow(**stmt));
        }
        if (rows.size() >= limit)
            break;
    }
    return rows;
}

Result<QStringList> InboxRepository::pagePlan(const InboxQuery &requested, const std::optional<InboxKey> &after,
                                              int limit)
{
    const InboxQuery query = servedSort(requested);
    auto walk = walksSortIndex(query, limit);
    if (!walk)
        return walk.error();
    QStringList plan;
    for (const PageStatement &statement : pageStatements(query, after, *walk ? Plan::SortIndex : Plan::ViewIndex)) {
        auto stmt = m_db.sqlite().prepareUncached(QStringLiteral("EXPLAIN QUERY PLAN ") + statement.sql);
        if (!stmt)
            return stmt.error();
        bindAll(**stmt, statement.values);
        (*stmt)->bind(int(statement.values.size() + 1), qint64(limit));
        auto read = (*stmt)->forEachRow([&](const SqliteStatement &row) {
            plan << row.text(3); // columns: selectid, order, from, detail
            return Result<void>();
        });
        if (!read)
            return read.error();
    }
    return plan;
}

Result<bool> InboxRepository::walksSortIndex(const InboxQuery &query, int limit)
{
    const InboxQuery viewOnly = InboxQuery::defaultFor(query.view, query.userId, query.teamIds, query.today);
    if (query.sort == viewOnly.sort)
        return false; // the view's index serves it (both directions)
    auto total = cachedCount(InboxQuery::defaultFor(InboxView::All, {}, {}, {}));
    if (!total)
        return total.error();
    auto inView = cachedCount(viewOnly);
    if (!inView)
        return inView.error();
    // Sorting costs about a row lookup per row in the view; walking, one per row of the cache passed until
    // the page is full: limit * total / inView. Filters make the walk longer and are left out of this.
    return double(*inView) * double(*inView) >= double(limit) * double(*total);
}

Result<qint64> InboxRepository::cachedCount(const InboxQuery &viewOnly)
{
    if (const int changes = sqlite3_total_changes(m_db.sqlite().handle()); changes != m_countedAtChanges) {
        m_viewCounts.clear();
        m_countedAtChanges = changes;
    }
    for (const auto &[known, rows] : std::as_const(m_viewCounts)) {
        if (known == viewOnly)
            return rows;
    }
    auto rows = count(viewOnly);
    if (!rows)
        return rows.error();
    m_viewCounts.append({viewOnly, *rows});
    return rows;
}

Result<QList<InboxKey>> InboxRepository::anchors(const InboxQuery &requested, int every)
{
    const InboxQuery query = servedSort(requested);
    if (every <= 0)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Storage", "The anchor distance must be "
                                                                                    "positive. Please report this "
                                                                                    "problem to your IT support."));
    const Condition condition = conditionFor(query);
    // Only the key columns: with the view's index this is a covering scan, no table lookups.
    auto stmt = m_db.sqlite().prepare(QStringLiteral("SELECT %1, row_id FROM case_view").arg(sortColumn(query.sort)) +
                                      condition.sql() + orderBy(query));
    if (!stmt)
        return stmt.error();
    bindAll(**stmt, condition.values);
    QList<InboxKey> keys;
    for (qint64 index = 0;; ++index) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        if (index % every == every - 1)
            keys.append({(*stmt)->value(0), (*stmt)->int64(1)});
    }
    return keys;
}

Result<QList<InboxRow>> InboxRepository::rowsByRowIds(const QList<qint64> &rowIds)
{
    // One cached primary-key lookup per id keeps the statement text fixed whatever the number of ids.
    auto stmt =
        m_db.sqlite().prepare(QStringLiteral("SELECT NULL, %1 FROM case_view WHERE row_id = ?").arg(RowColumns));
    if (!stmt)
        return stmt.error();
    QList<InboxRow> rows;
    rows.reserve(rowIds.size());
    for (qint64 rowId : rowIds) {
        (*stmt)->reset();
        (*stmt)->bind(1, rowId);
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (*row)
            rows.append(readRow(**stmt));
    }
    (*stmt)->reset();
    return rows;
}

Result<QStringList> InboxRepository::statusTexts()
{
    return readStrings(m_db.sqlite(),
                       QStringLiteral("SELECT DISTINCT status_text, status_key FROM case_view ORDER BY status_key, "
                                      "status_text"));
}

Result<QStringList> InboxRepository::caseTypes()
{
    return readStrings(m_db.sqlite(), QStringLiteral("SELECT DISTINCT case_type FROM case_view ORDER BY case_type"));
}

} // namespace casedesk::storage
