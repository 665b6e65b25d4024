// The inbox model over a real encrypted cache filled with demo cases: QAbstractItemModelTester for every
// view and sort, true counts, keyset walk versus far jumps, bounded page cache, ordering, search mode.
#include "core/Clock.h"
#include "demo/DemoGenerator.h"
#include "mock/MockClock.h"
#include "mock/TestSupport.h"
#include "storage/CacheDatabase.h"
#include "storage/CaseSearch.h"
#include "storage/InboxRepository.h"
#include "ui/DemoCacheFiller.h"
#include "ui/InboxModel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace casedesk;
using storage::InboxSort;
using storage::InboxView;
using ui::InboxModel;

namespace {

constexpr qint64 CaseCount = 2630; // not a multiple of the page size: the last page is partial

QByteArray randomKey()
{
    QByteArray key(storage::CacheDatabase::KeySize, Qt::Uninitialized);
    for (char &byte : key)
        byte = char(QRandomGenerator::global()->bounded(256));
    return key;
}

// DIN 5007-1 as the inbox promises it for names: case and diacritics do not matter, ß is ss.
QString germanOrderKey(const QString &text)
{
    QString key;
    for (const QChar c : text.toLower().normalized(QString::NormalizationForm_KD)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        key += c == QChar(0x00DF) ? QStringLiteral("ss") : QString(c);
    }
    return key;
}

// -1, 0, 1 for the expected order of two adjacent rows' values in ascending order.
int compareForColumn(int column, const QModelIndex &a, const QModelIndex &b)
{
    auto three = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    switch (column) {
    case InboxModel::ReceivedColumn:
    case InboxModel::DeadlineColumn: {
        const QDate da = a.data(InboxModel::SortValueRole).toDate(), db = b.data(InboxModel::SortValueRole).toDate();
        if (!da.isValid() || !db.isValid()) // a missing date sorts after every date
            return three(!da.isValid(), !db.isValid());
        return three(da, db);
    }
    case InboxModel::AktenzeichenColumn: {
        // File plan code group by group numerically, then year, then running number.
        auto parts = [](const QModelIndex &index) {
            const auto az = Aktenzeichen::parse(index.data().toString());
            QList<int> key;
            if (!az) {
                key.append(std::numeric_limits<int>::max()); // provisional numbers last
                return key;
            }
            for (const QString &group : az->filePlanCode().split(QLatin1Char('.')))
                key.append(group.toInt());
            while (key.size() < 4)
                key.append(-1);
            key.append(az->year());
            key.append(az->number());
            return key;
        };
        return three(parts(a), parts(b));
    }
    case InboxModel::AssigneeColumn: {
        const QString na = a.data().toString(), nb = b.data().toString();
        if (na.isEmpty() || nb.isEmpty()) // unassigned after every assigned case
            return three(na.isEmpty(), nb.isEmpty());
        return three(germanOrderKey(na), germanOrderKey(nb));
    }
    default:
        return three(germanOrderKey(a.data().toString()), germanOrderKey(b.data().toString()));
    }
}

} // namespace

class TestInboxModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void modelTester_data();
    void modelTester();
    void rowCountIsTrueCount_data();
    void rowCountIsTrueCount();
    void farJumpReadsWhatWalkingReads_data();
    void farJumpReadsWhatWalkingReads();
    void pageCacheStaysBounded();
    void sortOrdersDisplayValues_data();
    void sortOrdersDisplayValues();
    void titleColumnDoesNotSort();
    void overdueDeadlinesAreMarked();
    void searchMode();
    void searchModeFiltersAndSorts();

private:
    storage::InboxQuery queryFor(InboxView view) const
    {
        return storage::InboxQuery::defaultFor(view, m_user.id, m_user.teamIds, m_clock.today());
    }
    bool inView(InboxView view, const Case &c) const;

    test::MockClock m_clock;
    test::ScopedClock m_scopedClock{m_clock};
    QTemporaryDir m_dir;
    std::unique_ptr<storage::CacheDatabase> m_db;
    std::unique_ptr<storage::InboxRepository> m_inbox;
    std::unique_ptr<storage::CaseSearch> m_search;
    QList<Case> m_cases;
    User m_user;
};

void TestInboxModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto opened = storage::CacheDatabase::open(m_dir.filePath(QStringLiteral("cache.db")), randomKey());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    m_db = std::move(opened).value();
    auto filled = ui::DemoCacheFiller::fill(*m_db, CaseCount, m_clock.today(), [](qint64) {});
    QVERIFY2(filled, qPrintable(filled ? QString() : filled.error().toString()));
    m_inbox = std::make_unique<storage::InboxRepository>(*m_db);
    m_search = std::make_unique<storage::CaseSearch>(*m_db);

    const demo::DemoGenerator generator(ui::DemoCacheFiller::Seed, m_clock.today());
    m_cases = generator.makeCases(0, CaseCount);
    // "Me": the assignee of the most open cases, so "My cases" is not empty.
    QHash<QUuid, int> open;
    for (const Case &c : m_cases) {
        if (!c.closed && !c.assigneeId.isNull())
            ++open[c.assigneeId];
    }
    QVERIFY(!open.isEmpty());
    QUuid busiest = open.constBegin().key();
    for (auto it = open.constBegin(); it != open.constEnd(); ++it) {
        if (it.value() > open.value(busiest))
            busiest = it.key();
    }
    for (const User &user : generator.world().users) {
        if (user.id == busiest)
            m_user = user;
    }
    QVERIFY(!m_user.id.isNull());
}

// What each view holds, from the views' definitions (InboxQuery.h), checked against the generated cases.
bool TestInboxModel::inView(InboxView view, const Case &c) const
{
    const QDate today = m_clock.today();
    const bool mine = c.assigneeId == m_user.id;
    const bool myTeams = m_user.teamIds.contains(c.teamId);
    switch (view) {
    case InboxView::MyCases:
        return !c.closed && mine;
    case InboxView::Team:
        return !c.closed && myTeams;
    case InboxView::Unassigned:
        return !c.closed && myTeams && c.assigneeId.isNull();
    case InboxView::Overdue:
        return !c.closed && c.statutoryDeadline.isValid() && c.statutoryDeadline < today;
    case InboxView::DueThisWeek:
        return !c.closed && c.statutoryDeadline.isValid() && c.statutoryDeadline >= today &&
               c.statutoryDeadline <= today.addDays(7 - today.dayOfWeek());
    case InboxView::All:
        return true;
    }
    return false;
}

void TestInboxModel::modelTester_data()
{
    QTest::addColumn<InboxView>("view");
    QTest::addColumn<InboxSort>("sort");
    QTest::addColumn<Qt::SortOrder>("order");
    const QList<std::pair<InboxView, const char *>> views{
        {InboxView::MyCases, "my"},      {InboxView::Team, "team"},        {InboxView::Unassigned, "unassigned"},
        {InboxView::Overdue, "overdue"}, {InboxView::DueThisWeek, "week"}, {InboxView::All, "all"}};
    const QList<std::pair<InboxSort, const char *>> sorts{
        {InboxSort::Deadline, "deadline"},   {InboxSort::Received, "received"}, {InboxSort::Aktenzeichen, "az"},
        {InboxSort::Applicant, "applicant"}, {InboxSort::Status, "status"},     {InboxSort::Assignee, "assignee"}};
    for (const auto &[view, viewName] : views) {
        for (const auto &[sort, sortName] : sorts) {
            QTest::addRow("%s/%s/asc", viewName, sortName) << view << sort << Qt::AscendingOrder;
            QTest::addRow("%s/%s/desc", viewName, sortName) << view << sort << Qt::DescendingOrder;
        }
    }
}

void TestInboxModel::modelTester()
{
    QFETCH(InboxView, view);
    QFETCH(InboxSort, sort);
    QFETCH(Qt::SortOrder, order);
    InboxModel model(*m_inbox, *m_search);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    storage::InboxQuery query = queryFor(view);
    query.sort = sort;
    query.order = order;
    model.setQuery(query);
    QCOMPARE(model.rowCount(), int(m_inbox->count(query).value()));
    // Touch every role of the first, a middle and the last row, then change the sort under the tester.
    for (int row : {0, model.rowCount() / 2, model.rowCount() - 1}) {
        if (row < 0 || row >= model.rowCount())
            continue;
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role = 0; role <= InboxModel::SnippetRole; ++role)
                model.data(model.index(row, column), role);
        }
    }
    model.sort(InboxModel::ApplicantColumn, order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder);
    QCOMPARE(model.rowCount(), int(m_inbox->count(model.query()).value()));
}

void TestInboxModel::rowCountIsTrueCount_data()
{
    QTest::addColumn<InboxView>("view");
    QTest::newRow("my") << InboxView::MyCases;
    QTest::newRow("team") << InboxView::Team;
    QTest::newRow("unassigned") << InboxView::Unassigned;
    QTest::newRow("overdue") << InboxView::Overdue;
    QTest::newRow("week") << InboxView::DueThisWeek;
    QTest::newRow("all") << InboxView::All;
}

void TestInboxModel::rowCountIsTrueCount()
{
    QFETCH(InboxView, view);
    InboxModel model(*m_inbox, *m_search);
    QSignalSpy counted(&model, &InboxModel::totalCountChanged);
    model.setQuery(queryFor(view));
    const qint64 expected =
        std::count_if(m_cases.cbegin(), m_cases.cend(), [&](const Case &c) { return inView(view, c); });
    QCOMPARE(model.rowCount(), int(m_inbox->count(queryFor(view)).value()));
    QCOMPARE(model.rowCount(), int(expected));
    QCOMPARE(counted.count(), 1);
    QCOMPARE(counted.first().first().toLongLong(), expected);
    // Reading rows never counts again and reads nothing beyond the last row.
    QVERIFY(!model.index(model.rowCount(), 0).isValid());
    if (expected > 0)
        QVERIFY(model.index(model.rowCount() - 1, 0).data(InboxModel::CaseIdRole).toUuid() != QUuid());
}

void TestInboxModel::farJumpReadsWhatWalkingReads_data()
{
    QTest::addColumn<InboxSort>("sort");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("received desc") << InboxSort::Received << Qt::DescendingOrder;
    QTest::newRow("deadline asc") << InboxSort::Deadline << Qt::AscendingOrder;
    QTest::newRow("applicant asc") << InboxSort::Applicant << Qt::AscendingOrder;
    QTest::newRow("assignee desc") << InboxSort::Assignee << Qt::DescendingOrder;
}

void TestInboxModel::farJumpReadsWhatWalkingReads()
{
    QFETCH(InboxSort, sort);
    QFETCH(Qt::SortOrder, order);
    storage::InboxQuery query = queryFor(InboxView::All);
    query.sort = sort;
    query.order = order;

    InboxModel walking(*m_inbox, *m_search);
    walking.setQuery(query);
    QList<QUuid> walked;
    for (int row = 0; row < walking.rowCount(); ++row)
        walked.append(walking.index(row, 0).data(InboxModel::CaseIdRole).toUuid());
    QCOMPARE(walked.size(), int(CaseCount));
    QCOMPARE(QSet<QUuid>(walked.cbegin(), walked.cend()).size(), int(CaseCount)); // every case exactly once
    QCOMPARE(walking.pager().anchorLoads(), 0); // scrolling row by row follows the previous page's last key
    QCOMPARE(walking.pager().pageLoads(), int((CaseCount + ui::InboxPager::PageSize - 1) / ui::InboxPager::PageSize));

    // Jump from the end backwards, as a scroll bar drag does: rows k*500+j.
    InboxModel jumping(*m_inbox, *m_search);
    jumping.setQuery(query);
    QSet<int> pages;
    for (int k = int(CaseCount / 500); k >= 0; --k) {
        for (int j : {0, 1, 49, 50, 123, 499}) {
            const int row = k * 500 + j;
            if (row >= CaseCount)
                continue;
            pages.insert(row / ui::InboxPager::PageSize);
            QCOMPARE(jumping.index(row, 0).data(InboxModel::CaseIdRole).toUuid(), walked.at(row));
        }
    }
    QCOMPARE(jumping.pager().anchorLoads(), 1); // computed once for the query, then cached
    QCOMPARE(jumping.pager().pageLoads(), int(pages.size()));
}

void TestInboxModel::pageCacheStaysBounded()
{
    InboxModel model(*m_inbox, *m_search);
    model.setQuery(queryFor(InboxView::All));
    int most = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        model.index(row, 1).data();
        most = std::max(most, model.pager().cachedPages());
    }
    QVERIFY(model.rowCount() / ui::InboxPager::PageSize > ui::InboxPager::MaxCachedPages);
    QCOMPARE(most, ui::InboxPager::MaxCachedPages);
    // Going back to the start reloads what was evicted.
    const int loads = model.pager().pageLoads();
    model.index(0, 0).data();
    QCOMPARE(model.pager().pageLoads(), loads + 1);
}

void TestInboxModel::sortOrdersDisplayValues_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    for (int column = 0; column < InboxModel::InboxColumnCount; ++column) {
        if (!InboxModel::sortForColumn(column))
            continue;
        const QByteArray name = InboxModel(*m_inbox, *m_search).headerData(column, Qt::Horizontal).toString().toUtf8();
        QTest::addRow("%s asc", name.constData()) << column << Qt::AscendingOrder;
        QTest::addRow("%s desc", name.constData()) << column << Qt::DescendingOrder;
    }
}

void TestInboxModel::sortOrdersDisplayValues()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    InboxModel model(*m_inbox, *m_search);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(queryFor(InboxView::All));
    model.sort(column, order);
    QCOMPARE(model.sortColumn(), column);
    QCOMPARE(model.sortOrder(), order);
    QCOMPARE(model.rowCount(), int(CaseCount));
    int changes = 0;
    for (int row = 1; row < model.rowCount(); ++row) {
        const int cmp = compareForColumn(column, model.index(row - 1, column), model.index(row, column));
        if (cmp != 0)
            ++changes;
        if (order == Qt::AscendingOrder ? cmp > 0 : cmp < 0)
            QFAIL(qPrintable(
                QStringLiteral("rows %1 and %2 out of order: \"%3\" then \"%4\"")
                    .arg(row - 1)
                    .arg(row)
                    .arg(model.index(row - 1, column).data().toString(), model.index(row, column).data().toString())));
    }
    QVERIFY(changes > 0); // the column has different values, so the check above could fail
}

void TestInboxModel::titleColumnDoesNotSort()
{
    InboxModel model(*m_inbox, *m_search);
    model.setQuery(queryFor(InboxView::All));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const int before = model.sortColumn();
    model.sort(InboxModel::TitleColumn, Qt::AscendingOrder);
    QCOMPARE(model.sortColumn(), before);
    QCOMPARE(reset.count(), 0);
}

void TestInboxModel::overdueDeadlinesAreMarked()
{
    InboxModel model(*m_inbox, *m_search);
    model.setQuery(queryFor(InboxView::All));
    int overdue = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex deadline = model.index(row, InboxModel::DeadlineColumn);
        const QDate date = deadline.data(InboxModel::SortValueRole).toDate();
        const bool closed = std::any_of(m_cases.cbegin(), m_cases.cend(), [&](const Case &c) {
            return c.id == deadline.data(InboxModel::CaseIdRole).toUuid() && c.closed;
        });
        const bool expected = !closed && date.isValid() && date < m_clock.today();
        QCOMPARE(deadline.data(InboxModel::OverdueRole).toBool(), expected);
        if (expected) {
            ++overdue;
            QVERIFY(deadline.data(Qt::ForegroundRole).value<QColor>().isValid());
            QVERIFY(deadline.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Overdue since")));
        } else {
            QVERIFY(!deadline.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Overdue")));
        }
    }
    QVERIFY(overdue > 0);
}

void TestInboxModel::searchMode()
{
    InboxModel model(*m_inbox, *m_search);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(queryFor(InboxView::MyCases));
    const Case &wanted = m_cases.at(int(CaseCount / 3));
    const QString familyName =
        wanted.applicant.familyName.isEmpty() ? wanted.applicant.organisation : wanted.applicant.familyName;

    model.setSearchText(familyName);
    QVERIFY(model.isSearchMode());
    QCOMPARE(model.columnCount(), InboxModel::InboxColumnCount + 1);
    QCOMPARE(model.rowCount(), int(m_search->search(familyName, InboxModel::SearchLimit)->size()));
    QCOMPARE(model.totalCount(), qint64(model.rowCount()));
    bool found = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        found = found || model.index(row, 0).data(InboxModel::CaseIdRole).toUuid() == wanted.id;
        const QString snippet = model.index(row, 0).data(InboxModel::SnippetRole).toString();
        QCOMPARE(model.index(row, 2).data(Qt::ToolTipRole).toString(), snippet);
        QVERIFY(!model.index(row, InboxModel::SnippetColumn).data().toString().contains(QLatin1String("<b>")));
    }
    QVERIFY2(found, qPrintable(familyName));
    QVERIFY(model.index(0, 0).data(InboxModel::SnippetRole).toString().contains(QLatin1String("<b>")));

    // Text that is no valid FTS query is searched as words, without an error.
    model.setSearchText(QStringLiteral("\"(* OR"));
    QVERIFY(model.rowCount() >= 0);

    model.setSearchText(QString());
    QVERIFY(!model.isSearchMode());
    QCOMPARE(model.columnCount(), int(InboxModel::InboxColumnCount));
    QCOMPARE(model.rowCount(), int(m_inbox->count(queryFor(InboxView::MyCases)).value()));
}

void TestInboxModel::searchModeFiltersAndSorts()
{
    InboxModel model(*m_inbox, *m_search);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(queryFor(InboxView::All));
    const QString word = QStringLiteral("Stuttgart");
    model.setSearchText(word);
    const int all = model.rowCount();
    QVERIFY(all > 1);

    storage::InboxQuery filtered = queryFor(InboxView::All);
    filtered.filter.statusText = model.index(0, InboxModel::StatusColumn).data().toString();
    model.setQuery(filtered);
    QVERIFY(model.isSearchMode());
    QVERIFY(model.rowCount() > 0);
    QVERIFY(model.rowCount() <= all);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, InboxModel::StatusColumn).data().toString(), filtered.filter.statusText);

    model.setQuery(queryFor(InboxView::All));
    QCOMPARE(model.sortColumn(), -1); // ranked
    const QPersistentModelIndex first = model.index(0, 0);
    const QUuid firstId = first.data(InboxModel::CaseIdRole).toUuid();
    model.sort(InboxModel::ReceivedColumn, Qt::DescendingOrder);
    QCOMPARE(model.sortColumn(), int(InboxModel::ReceivedColumn));
    QCOMPARE(first.data(InboxModel::CaseIdRole).toUuid(), firstId); // persistent indexes follow their rows
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(compareForColumn(InboxModel::ReceivedColumn, model.index(row - 1, InboxModel::ReceivedColumn),
                                 model.index(row, InboxModel::ReceivedColumn)) >= 0);
}

QTEST_MAIN(TestInboxModel)
#include "tst_inboxmodel.moc"
