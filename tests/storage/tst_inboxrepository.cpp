// InboxRepository: every view, every sort column in both directions, keyset paging, anchors, counts and
// filters, checked against an independent in-test model of the same cases; and the query plans of the
// built-in views.
#include "core/Uuid.h"
#include "mock/MockClock.h"
#include "mock/TestSupport.h"
#include "storage/CaseRepository.h"
#include "storage/InboxRepository.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <tuple>

#include "TemporaryCache.h"

using namespace casedesk;
using namespace casedesk::storage;

namespace {

const QDate Today(2026, 3, 4); // a Wednesday: the week runs to Sunday 2026-03-08

// The test's own German folding (DIN 5007-1) for the letters its names use; independent of SortKey.
QString fold(const QString &text)
{
    static const QHash<QChar, QString> letters{
        {QChar(0xE4), QStringLiteral("a")},  {QChar(0xF6), QStringLiteral("o")},  {QChar(0xFC), QStringLiteral("u")},
        {QChar(0xDF), QStringLiteral("ss")}, {QChar(0xE9), QStringLiteral("e")},  {QChar(0xE8), QStringLiteral("e")},
        {QChar(0xE7), QStringLiteral("c")},  {QChar(0x15F), QStringLiteral("s")}, {QChar(0xE1), QStringLiteral("a")},
    };
    QString result;
    for (const QChar c : text.toLower())
        result += letters.value(c, QString(c));
    return result;
}

struct Expected {
    Case c;
    qint64 rowId = 0;
    QString assigneeName;
};

// Ascending comparison of two cases by a sort column, then by row id: what the inbox must return.
bool lessBy(InboxSort sort, const Expected &a, const Expected &b)
{
    auto aktenzeichen = [](const Case &c) {
        QList<int> groups;
        for (const QString &group : c.aktenzeichen.filePlanCode().split(QLatin1Char('.'), Qt::SkipEmptyParts))
            groups << group.toInt();
        return std::make_tuple(c.aktenzeichen.isNull(), c.aktenzeichen.isNull() ? c.displayAktenzeichen() : QString(),
                               groups, c.aktenzeichen.year(), c.aktenzeichen.number());
    };
    auto deadline = [](const Case &c) { return std::make_tuple(!c.statutoryDeadline.isValid(), c.statutoryDeadline); };
    auto assignee = [](const Expected &e) { return std::make_tuple(e.c.assigneeId.isNull(), fold(e.assigneeName)); };
    switch (sort) {
    case InboxSort::Deadline:
        if (deadline(a.c) != deadline(b.c))
            return deadline(a.c) < deadline(b.c);
        break;
    case InboxSort::Received:
        if (a.c.receivedDate != b.c.receivedDate)
            return a.c.receivedDate < b.c.receivedDate;
        break;
    case InboxSort::Aktenzeichen:
        if (aktenzeichen(a.c) != aktenzeichen(b.c))
            return aktenzeichen(a.c) < aktenzeichen(b.c);
        break;
    case InboxSort::Applicant: {
        const QString ka = fold(a.c.applicant.displayName()), kb = fold(b.c.applicant.displayName());
        if (ka != kb)
            return ka < kb;
        break;
    }
    case InboxSort::Status:
        if (fold(a.c.statusText) != fold(b.c.statusText))
            return fold(a.c.statusText) < fold(b.c.statusText);
        break;
    case InboxSort::Assignee:
        if (assignee(a) != assignee(b))
            return assignee(a) < assignee(b);
        break;
    }
    return a.rowId < b.rowId;
}

bool inView(const InboxQuery &q, const Case &c)
{
    bool visible = false;
    const QDate sunday = Today.addDays(7 - Today.dayOfWeek());
    switch (q.view) {
    case InboxView::MyCases:
        visible = !c.closed && c.assigneeId == q.userId;
        break;
    case InboxView::Team:
        visible = !c.closed && q.teamIds.contains(c.teamId);
        break;
    case InboxView::Unassigned:
        visible = !c.closed && q.teamIds.contains(c.teamId) && c.assigneeId.isNull();
        break;
    case InboxView::Overdue:
        visible = !c.closed && c.statutoryDeadline.isValid() && c.statutoryDeadline < Today;
        break;
    case InboxView::DueThisWeek:
        visible =
            !c.closed && c.statutoryDeadline.isValid() && c.statutoryDeadline >= Today && c.statutoryDeadline <= sunday;
        break;
    case InboxView::All:
        visible = true;
        break;
    }
    return visible && (q.filter.statusText.isEmpty() || c.statusText == q.filter.statusText) &&
           (q.filter.caseType.isEmpty() || c.caseType == q.filter.caseType) &&
           (q.filter.teamId.isNull() || c.teamId == q.filter.teamId);
}

QList<QUuid> ids(const QList<InboxRow> &rows)
{
    QList<QUuid> result;
    for (const InboxRow &row : rows)
        result << row.caseId;
    return result;
}

const char *viewName(InboxView view)
{
    static const char *const names[] = {"MyCases", "Team", "Unassigned", "Overdue", "DueThisWeek", "All"};
    return names[int(view)];
}

const char *sortName(InboxSort sort)
{
    static const char *const names[] = {"deadline", "received", "aktenzeichen", "applicant", "status", "assignee"};
    return names[int(sort)];
}

} // namespace

Q_DECLARE_METATYPE(casedesk::storage::InboxQuery)

class TestInboxRepository : public QObject {
    Q_OBJECT

private:
    test::MockClock m_clock{QDateTime(Today, QTime(10, 0), Qt::UTC)};
    std::unique_ptr<test::ScopedClock> m_scopedClock;
    std::unique_ptr<test::TemporaryCache> m_cache;
    QList<Expected> m_cases;
    QList<User> m_users;
    QList<QUuid> m_teams;
    QStringList m_statuses;
    QStringList m_caseTypes;

    QList<Expected> expectedFor(const InboxQuery &query) const
    {
        QList<Expected> result;
        for (const Expected &e : m_cases) {
            if (inView(query, e.c))
                result << e;
        }
        // Where the view fixes the assignee (My cases, Unassigned), sorting by it keeps the view's own order:
        // deadline in My cases, received date in Unassigned.
        InboxSort sort = query.sort;
        if (sort == InboxSort::Assignee && query.view == InboxView::MyCases)
            sort = InboxSort::Deadline;
        else if (sort == InboxSort::Assignee && query.view == InboxView::Unassigned)
            sort = InboxSort::Received;
        std::sort(result.begin(), result.end(),
                  [&](const Expected &a, const Expected &b) { return lessBy(sort, a, b); });
        if (query.order == Qt::DescendingOrder)
            std::reverse(result.begin(), result.end());
        return result;
    }

    static QList<QUuid> ids(const QList<Expected> &list)
    {
        QList<QUuid> result;
        for (const Expected &e : list)
            result << e.c.id;
        return result;
    }

    void addQueryRows(const QString &prefix, const InboxFilter &filter, bool multiTeam)
    {
        for (InboxView view : {InboxView::MyCases, InboxView::Team, InboxView::Unassigned, InboxView::Overdue,
                               InboxView::DueThisWeek, InboxView::All}) {
            for (InboxSort sort : {InboxSort::Deadline, InboxSort::Received, InboxSort::Aktenzeichen,
                                   InboxSort::Applicant, InboxSort::Status, InboxSort::Assignee}) {
                for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                    InboxQuery query;
                    query.view = view;
                    query.sort = sort;
                    query.order = order;
                    query.filter = filter;
                    query.userId = m_users.first().id;
                    query.teamIds =
                        multiTeam ? QList<QUuid>{m_teams.at(0), m_teams.at(1)} : QList<QUuid>{m_teams.at(0)};
                    query.today = Today;
                    QTest::addRow("%s%s/%s/%s", qPrintable(prefix), viewName(view), sortName(sort),
                                  order == Qt::AscendingOrder ? "asc" : "desc")
                        << query;
                }
            }
        }
    }

private slots:
    void initTestCase()
    {
        m_scopedClock = std::make_unique<test::ScopedClock>(m_clock);
        m_cache = std::make_unique<test::TemporaryCache>();
        QVERIFY2(m_cache->isOpen(), qPrintable(m_cache->error()));
        QRandomGenerator random(test::testSeed());
        auto pick = [&](const QStringList &list) { return list.at(random.bounded(int(list.size()))); };

        for (int i = 0; i < 3; ++i)
            m_teams << createUuidV7();
        const QStringList userNames{QStringLiteral("Öztürk, Ayşe"),   QStringLiteral("Müller, Anna"),
                                    QStringLiteral("Mueller, Bernd"), QStringLiteral("Zander, Eva"),
                                    QStringLiteral("Ärmel, Ute"),     QStringLiteral("Abel, Max")};
        for (const QString &name : userNames) {
            User user;
            user.id = createUuidV7();
            user.login = fold(name).left(5);
            user.displayName = name;
            user.roles = {Role::Clerk};
            user.teamIds = {m_teams.at(random.bounded(3))};
            m_users << user;
        }
        QVERIFY(ReferenceRepository(m_cache->db()).storeUsers(m_users));

        const QStringList familyNames{QStringLiteral("Äpfel"),   QStringLiteral("Apfel"),    QStringLiteral("Zebra"),
                                      QStringLiteral("Straßer"), QStringLiteral("Strasser"), QStringLiteral("Özdemir"),
                                      QStringLiteral("Oz"),      QStringLiteral("Müller"),   QStringLiteral("Muller"),
                                      QStringLiteral("Mueller"), QStringLiteral("Éclair"),   QStringLiteral("Ähnlich"),
                                      QStringLiteral("Weiß"),    QStringLiteral("Weiss"),    QStringLiteral("Çelik")};
        const QStringList givenNames{QStringLiteral("Jörg"), QStringLiteral("Anna"), QStringLiteral("Ülkü"),
                                     QStringLiteral("Ben"), QString()};
        const QStringList organisations{QStringLiteral("Bürgerverein Süd e.V."),
                                        QStringLiteral("Autohaus Bäßler GmbH")};
        m_statuses =
            QStringList{QStringLiteral("Eingang"),       QStringLiteral("Prüfung"), QStringLiteral("Übergabe"),
                        QStringLiteral("Nachforderung"), QStringLiteral("Ändern"),  QStringLiteral("Abgeschlossen")};
        m_caseTypes = QStringList{QStringLiteral("bewohnerparken"), QStringLiteral("umweltzone"),
                                  QStringLiteral("baumfaellung"), QStringLiteral("buergerhaushalt")};
        const QStringList filePlanCodes{QStringLiteral("32.10"), QStringLiteral("32.1"), QStringLiteral("32"),
                                        QStringLiteral("67.20"), QStringLiteral("20.3"), QStringLiteral("32.9")};

        QList<Case> confirmed;
        QList<Case> provisional;
        const int count = 320;
        for (int i = 0; i < count; ++i) {
            Case c;
            c.id = createUuidV7();
            m_clock.advanceMs(1);
            c.caseType = pick(m_caseTypes);
            c.title = QStringLiteral("Vorgang %1").arg(i);
            if (random.bounded(10) == 0) {
                c.applicant.organisation = pick(organisations);
            } else {
                c.applicant.familyName = pick(familyNames);
                c.applicant.givenName = pick(givenNames);
            }
            c.teamId = m_teams.at(random.bounded(3));
            // Some cases of mine, many unassigned, the rest spread over the others.
            const int assignment = random.bounded(10);
            if (assignment < 3)
                c.assigneeId = QUuid();
            else if (assignment < 5)
                c.assigneeId = m_users.first().id;
            else
                c.assigneeId = m_users.at(random.bounded(int(m_users.size()))).id;
            c.priority = static_cast<Priority>(random.bounded(4));
            c.receivedDate = Today.addDays(-random.bounded(60)); // few distinct dates: many ties
            if (random.bounded(5) != 0)
                c.statutoryDeadline = Today.addDays(random.bounded(40) - 15);
            c.statusText = pick(m_statuses);
            c.closed = c.statusText == QStringLiteral("Abgeschlossen");
            c.createdAt = QDateTime(c.receivedDate, QTime(8, 0), Qt::UTC);
            c.updatedAt = c.createdAt;
            if (random.bounded(8) == 0) {
                c.assigneeId = QUuid(); // opened offline by the mailroom, for the team's queue
                provisional << c;       // no Aktenzeichen yet
            } else {
                c.aktenzeichen = Aktenzeichen(pick(filePlanCodes), 1 + random.bounded(30), 2024 + random.bounded(3));
                c.version = 1 + random.bounded(5);
                confirmed << c;
            }
        }
        auto stored = CaseRepository(m_cache->db()).storeConfirmed(confirmed);
        QVERIFY2(stored, test::errorText(stored).constData());
        // The mailroom opens cases for every team; the process of each new case decides its status.
        User mailroom;
        mailroom.id = createUuidV7();
        mailroom.login = QStringLiteral("post");
        mailroom.displayName = QStringLiteral("Poststelle");
        mailroom.roles = {Role::Mailroom};
        QVERIFY(ReferenceRepository(m_cache->db()).storeUsers({mailroom}));
        Outbox outbox(m_cache->db());
        for (Case &c : provisional) {
            auto created =
                outbox.submit(CommandName::CreateCase, c.id, {{QStringLiteral("case"), c.toJson()}}, mailroom.id);
            QVERIFY2(created, test::errorText(created).constData());
            auto shown = CaseRepository(m_cache->db()).visibleCase(c.id);
            QVERIFY(shown && *shown);
            c = **shown;
        }

        // The test knows every case; only the row ids (assigned by the cache) are read back.
        QHash<QUuid, qint64> rowIds;
        auto stmt = m_cache->sqlite().prepareUncached(QStringLiteral("SELECT id, row_id FROM case_view"));
        QVERIFY(stmt);
        while (*(*stmt)->step())
            rowIds.insert(uuidFromString((*stmt)->text(0)), (*stmt)->int64(1));
        QCOMPARE(rowIds.size(), qsizetype(count));
        QHash<QUuid, QString> names;
        for (const User &user : m_users)
            names.insert(user.id, user.displayName);
        for (const Case &c : confirmed + provisional)
            m_cases << Expected{c, rowIds.value(c.id), names.value(c.assigneeId)};
    }

    void cleanupTestCase()
    {
        m_cache.reset();
        m_scopedClock.reset();
    }

    void pagingMatchesIndependentSort_data()
    {
        QTest::addColumn<InboxQuery>("query");
        addQueryRows(QString(), {}, false);
        addQueryRows(QStringLiteral("two teams/"), {}, true);
        addQueryRows(QStringLiteral("status/"), {QStringLiteral("Prüfung"), {}, {}}, false);
        addQueryRows(QStringLiteral("type+team/"), {{}, QStringLiteral("umweltzone"), m_teams.at(0)}, true);
    }

    void pagingMatchesIndependentSort()
    {
        QFETCH(InboxQuery, query);
        InboxRepository inbox(m_cache->db());
        const QList<Expected> expected = expectedFor(query);

        auto count = inbox.count(query);
        QVERIFY2(count, test::errorText(count).constData());
        QCOMPARE(*count, qint64(expected.size()));

        // Walking all pages through their last keys gives exactly the sorted list.
        constexpr int PageSize = 17;
        QList<InboxRow> walked;
        std::optional<InboxKey> after;
        for (;;) {
            auto page = inbox.page(query, after, PageSize);
            QVERIFY2(page, test::errorText(page).constData());
            QVERIFY(page->size() <= PageSize);
            walked << *page;
            if (page->size() < PageSize)
                break;
            after = page->last().key;
        }
        QCOMPARE(::ids(walked), ids(expected));
        for (qsizetype i = 0; i < walked.size(); ++i) {
            const InboxRow &row = walked.at(i);
            const Expected &e = expected.at(i);
            QCOMPARE(row.key.rowId, e.rowId);
            QCOMPARE(row.aktenzeichen, e.c.displayAktenzeichen());
            QCOMPARE(row.applicant, e.c.applicant.displayName());
            QCOMPARE(row.assigneeName, e.assigneeName);
            QCOMPARE(row.deadline, e.c.statutoryDeadline);
            QCOMPARE(row.received, e.c.receivedDate);
            QCOMPARE(row.statusText, e.c.statusText);
            QCOMPARE(row.priority, e.c.priority);
            QCOMPARE(row.closed, e.c.closed);
            QCOMPARE(row.hasPendingChanges, e.c.version == 0);
        }

        // Anchors: starting at any anchor gives the same rows as walking there.
        constexpr int Every = 13;
        auto anchors = inbox.anchors(query, Every);
        QVERIFY2(anchors, test::errorText(anchors).constData());
        QCOMPARE(anchors->size(), expected.size() / Every);
        for (qsizetype k = 0; k < anchors->size(); ++k) {
            QCOMPARE(anchors->at(k), walked.at((k + 1) * Every - 1).key);
            auto page = inbox.page(query, anchors->at(k), Every);
            QVERIFY(page);
            QCOMPARE(::ids(*page), ::ids(walked.mid((k + 1) * Every, Every)));
        }
    }

    void builtInViewsAreServedByAnIndex_data()
    {
        QTest::addColumn<InboxQuery>("query");
        for (InboxView view : {InboxView::MyCases, InboxView::Team, InboxView::Unassigned, InboxView::Overdue,
                               InboxView::DueThisWeek, InboxView::All})
            QTest::addRow("%s", viewName(view))
                << InboxQuery::defaultFor(view, m_users.first().id, {m_teams.first()}, Today);
        // The assignee is the same on every row of these two: sorting by it is the view's own order.
        for (InboxView view : {InboxView::MyCases, InboxView::Unassigned}) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                InboxQuery query = InboxQuery::defaultFor(view, m_users.first().id, {m_teams.first()}, Today);
                query.sort = InboxSort::Assignee;
                query.order = order;
                QTest::addRow("%s by assignee %s", viewName(view), order == Qt::AscendingOrder ? "asc" : "desc")
                    << query;
            }
        }
    }

    void builtInViewsAreServedByAnIndex()
    {
        QFETCH(InboxQuery, query);
        InboxRepository inbox(m_cache->db());
        auto first = inbox.page(query, std::nullopt, 5);
        QVERIFY(first && !first->isEmpty());
        for (const std::optional<InboxKey> &after : {std::optional<InboxKey>(), std::optional(first->last().key)}) {
            auto plan = inbox.pagePlan(query, after);
            QVERIFY2(plan, test::errorText(plan).constData());
            const QString text = plan->join(QLatin1String("; "));
            QVERIFY2(text.contains(QLatin1String("USING INDEX")) ||
                         text.contains(QLatin1String("USING COVERING INDEX")),
                     qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(text));
            // The keyset condition is a range on the index, not a filter after a scan from the start.
            if (after)
                QVERIFY2(text.contains(QLatin1Char('<')) || text.contains(QLatin1Char('>')), qPrintable(text));
        }
    }

    // Another sort over a view: a short page of a wide view walks the sort column's index (no sort of the
    // view), a page as long as the view sorts the view instead of walking past every other row.
    void otherSortsChooseTheirPlan_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<bool>("walks");
        QTest::newRow("short page") << 5 << true;
        QTest::newRow("page as long as the cache") << 320 << false;
    }

    void otherSortsChooseTheirPlan()
    {
        QFETCH(int, limit);
        QFETCH(bool, walks);
        InboxQuery query = InboxQuery::defaultFor(InboxView::Team, m_users.first().id, {m_teams.first()}, Today);
        query.sort = InboxSort::Applicant;
        auto plan = InboxRepository(m_cache->db()).pagePlan(query, std::nullopt, limit);
        QVERIFY2(plan, test::errorText(plan).constData());
        const QString text = plan->join(QLatin1String("; "));
        QVERIFY2(text.contains(QLatin1String("case_view_applicant")) == walks, qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("TEMP B-TREE")) != walks, qPrintable(text));
    }

    void defaultSorts()
    {
        const QUuid me = createUuidV7();
        for (InboxView view : {InboxView::MyCases, InboxView::Team, InboxView::Overdue, InboxView::DueThisWeek}) {
            const InboxQuery query = InboxQuery::defaultFor(view, me, {}, Today);
            QCOMPARE(query.sort, InboxSort::Deadline);
            QCOMPARE(query.order, Qt::AscendingOrder);
            QCOMPARE(query.userId, me);
            QCOMPARE(query.today, Today);
        }
        QCOMPARE(InboxQuery::defaultFor(InboxView::Unassigned, me, {}, Today).sort, InboxSort::Received);
        QCOMPARE(InboxQuery::defaultFor(InboxView::Unassigned, me, {}, Today).order, Qt::AscendingOrder);
        QCOMPARE(InboxQuery::defaultFor(InboxView::All, me, {}, Today).sort, InboxSort::Received);
        QCOMPARE(InboxQuery::defaultFor(InboxView::All, me, {}, Today).order, Qt::DescendingOrder);
    }

    void rowsByRowIdsKeepTheGivenOrder()
    {
        InboxRepository inbox(m_cache->db());
        const QList<qint64> wanted{m_cases.at(5).rowId, m_cases.at(0).rowId, 999999, m_cases.at(17).rowId};
        auto rows = inbox.rowsByRowIds(wanted);
        QVERIFY(rows);
        QCOMPARE(::ids(*rows), (QList<QUuid>{m_cases.at(5).c.id, m_cases.at(0).c.id, m_cases.at(17).c.id}));
    }

    void filterMenus()
    {
        InboxRepository inbox(m_cache->db());
        QSet<QString> statuses, types;
        for (const Expected &e : m_cases) {
            statuses.insert(e.c.statusText);
            types.insert(e.c.caseType);
        }
        auto statusTexts = inbox.statusTexts();
        QVERIFY(statusTexts);
        QCOMPARE(QSet<QString>(statusTexts->begin(), statusTexts->end()), statuses);
        QCOMPARE(statusTexts->size(), statuses.size());
        // German order: "Ändern" beside "Abgeschlossen", "Übergabe" not after everything.
        QStringList sorted = statusTexts.value();
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return fold(a) < fold(b); });
        QCOMPARE(*statusTexts, sorted);
        auto caseTypes = inbox.caseTypes();
        QVERIFY(caseTypes);
        QCOMPARE(QSet<QString>(caseTypes->begin(), caseTypes->end()), types);
    }
};

QTEST_GUILESS_MAIN(TestInboxRepository)
#include "tst_inboxrepository.moc"
