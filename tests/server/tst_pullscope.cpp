// Pull's scope against real casedesk-server processes on one PostgreSQL database (PullTestBase): what every
// kind of user is delivered, resets when the scope changes (a deputyship or consultation ends), cases leaving
// the scope, and no pull or wait without a valid token.
#include "core/Uuid.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTest>
#include <QUrl>

#include "PullTestBase.h"

using namespace casedesk;
using namespace casedesk::test;

class TestPullScope : public PullTestBase {
    Q_OBJECT

private slots:
    void initTestCase() { setUpServers(); }
    void cleanupTestCase() { tearDownServers(); }
    void scope_data();
    void scope();
    void scopeChangeResets();
    void casesLeavingTheScope();
    void unauthenticated_data();
    void unauthenticated();
};

void TestPullScope::scope_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QStringList>("visible");
    const QStringList team1{QStringLiteral("team1-open"), QStringLiteral("team1-anna")};
    QTest::newRow("clerk: own team") << QStringLiteral("anna") << team1;
    QTest::newRow("team lead: own team") << QStringLiteral("hanna") << team1;
    QTest::newRow("clerk: own team, assigned from another, open consultation")
        << QStringLiteral("bert")
        << QStringList{QStringLiteral("team2-open"), QStringLiteral("team3-bert"), QStringLiteral("team3-consulted")};
    QTest::newRow("deputy while the deputyship runs")
        << QStringLiteral("carla")
        << QStringList{QStringLiteral("team2-open"), QStringLiteral("team3-dora"), QStringLiteral("team3-consulted")};
    QTest::newRow("deputyship expired") << QStringLiteral("emil")
                                        << QStringList{QStringLiteral("team2-open"), QStringLiteral("team3-consulted")};
    QTest::newRow("consulted team's own cases")
        << QStringLiteral("dora")
        << QStringList{QStringLiteral("team3-bert"), QStringLiteral("team3-dora"), QStringLiteral("team3-consulted"),
                       QStringLiteral("team3-consultation-ended"), QStringLiteral("team3-open")};
    QTest::newRow("auditor: own team, read only") << QStringLiteral("frida") << team1;
    QTest::newRow("mailroom: no contents") << QStringLiteral("gustav") << QStringList();
}

void TestPullScope::scope()
{
    QFETCH(QString, login);
    QFETCH(QStringList, visible);
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const Caller caller = this->login(login);
    QVERIFY(!caller.accessToken.isEmpty());
    QJsonObject last;
    QStringList seen = pullAll(caller, QString(), &last);
    QCOMPARE(last.value(QStringLiteral("reset")).toBool(), false);
    // Other tests add cases later on; this one's are those made in initTestCase.
    seen.removeIf([this](const QString &title) { return !title.startsWith(QLatin1String("team")); });
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()), QSet<QString>(visible.cbegin(), visible.cend()));
    QCOMPARE(seen.size(), visible.size()); // each case once
}

void TestPullScope::scopeChangeResets()
{
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const Caller carla = login(QStringLiteral("carla"));
    // A server's own short write transaction (a timer pass) holds later changes back from one pull until
    // the next: the head is where pulling again no longer moves the cursor.
    QString cursor;
    QTRY_VERIFY_WITH_TIMEOUT(
        (cursor = headCursor(carla), pull(carla, cursor).json.value(QStringLiteral("cursor")).toString() == cursor),
        settleTimeoutMs);

    // The deputyship for dora ends: her case leaves carla's scope, and pull starts over without it.
    QCOMPARE(exec(db(),
                  QStringLiteral("UPDATE deputyships SET last_day = current_date - 1 WHERE deputy_id = "
                                 "CAST(:id AS uuid)"),
                  {{QStringLiteral(":id"), uuidToString(carla.userId)}}),
             QString());
    const HttpReply reset = pull(carla, cursor, QStringLiteral("limit=1000"));
    QCOMPARE(reset.status, 200);
    QCOMPARE(reset.json.value(QStringLiteral("reset")).toBool(), true);
    QStringList after = titles(reset.json);
    after.removeIf([](const QString &title) { return !title.startsWith(QLatin1String("team")); });
    QCOMPARE(QSet<QString>(after.cbegin(), after.cend()),
             (QSet<QString>{QStringLiteral("team2-open"), QStringLiteral("team3-consulted")}));
    // The new cursor carries the new scope: no reset again.
    const HttpReply next = pull(carla, reset.json.value(QStringLiteral("cursor")).toString());
    QCOMPARE(next.json.value(QStringLiteral("reset")).toBool(), false);

    // A consultation of carla's team ends: the same again.
    const QString before = next.json.value(QStringLiteral("cursor")).toString();
    QCOMPARE(exec(db(), QStringLiteral("UPDATE consultations SET ended_at = now() WHERE case_id = CAST(:id AS uuid)"),
                  {{QStringLiteral(":id"), uuidToString(m_cases.value(QStringLiteral("team3-consulted")))}}),
             QString());
    const HttpReply ended = pull(carla, before, QStringLiteral("limit=1000"));
    QCOMPARE(ended.json.value(QStringLiteral("reset")).toBool(), true);
    QVERIFY(!titles(ended.json).contains(QStringLiteral("team3-consulted")));
    QVERIFY(titles(ended.json).contains(QStringLiteral("team2-open")));
    // Restore both for the other tests.
    QCOMPARE(exec(db(), QStringLiteral("UPDATE consultations SET ended_at = NULL WHERE case_id = CAST(:id AS uuid)"),
                  {{QStringLiteral(":id"), uuidToString(m_cases.value(QStringLiteral("team3-consulted")))}}),
             QString());
    QCOMPARE(exec(db(), QStringLiteral("UPDATE deputyships SET last_day = NULL WHERE deputy_id = CAST(:id AS uuid)"),
                  {{QStringLiteral(":id"), uuidToString(carla.userId)}}),
             QString());
}

void TestPullScope::casesLeavingTheScope()
{
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const Caller anna = login(QStringLiteral("anna"));
    const Caller bert = login(QStringLiteral("bert"));
    const QUuid moved = addCase(QStringLiteral("moves-away"), QStringLiteral("32.1"));
    const QUuid reassigned = addCase(QStringLiteral("assigned-away"), QStringLiteral("32.3"), QStringLiteral("anna"));
    const QUuid elsewhere = addCase(QStringLiteral("moves-between-others"), QStringLiteral("32.3"));
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const QString annaCursor = headCursor(anna);
    const QString bertCursor = headCursor(bert);

    // As commands write them: the case's new team or assignee and version, then its change.
    const auto change = [this](const QUuid &caseId, const QString &column, const QUuid &value) {
        QSqlDatabase connection = db();
        if (!connection.transaction())
            return connection.lastError().text();
        QString error =
            exec(connection,
                 QStringLiteral("UPDATE cases SET %1 = CAST(:value AS uuid) WHERE id = CAST(:id AS uuid)").arg(column),
                 {{QStringLiteral(":value"), uuidToString(value)}, {QStringLiteral(":id"), uuidToString(caseId)}});
        if (error.isEmpty())
            error = touch(connection, caseId);
        if (!error.isEmpty() || !connection.commit()) {
            connection.rollback();
            return error.isEmpty() ? connection.lastError().text() : error;
        }
        return QString();
    };
    QCOMPARE(change(moved, QStringLiteral("team_id"), teamId(QStringLiteral("32.2"))), QString());
    QCOMPARE(change(reassigned, QStringLiteral("assignee_id"), userId(QStringLiteral("dora"))), QString());
    QCOMPARE(change(elsewhere, QStringLiteral("team_id"), teamId(QStringLiteral("32.2"))), QString());
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);

    // anna is told to drop the two she could read, and nothing about the third.
    const HttpReply annaPull = pull(anna, annaCursor);
    QCOMPARE(annaPull.status, 200);
    QCOMPARE(titles(annaPull.json), QStringList());
    QStringList removed;
    for (const QJsonValue &id : annaPull.json.value(QStringLiteral("removed")).toArray())
        removed.append(id.toString());
    removed.sort();
    QStringList expected{uuidToString(moved), uuidToString(reassigned)};
    expected.sort();
    QCOMPARE(removed, expected);
    // A wait wakes for it too.
    QUrl url = m_a->url(QStringLiteral("/api/v1/sync/wait"));
    url.setQuery(QStringLiteral("timeout=60&cursor=") + annaCursor);
    QCOMPARE(m_http.get(url, HttpClient::bearer(anna.accessToken)).json.value(QStringLiteral("cursorMoved")).toBool(),
             true);

    // bert's team gained two cases; he is told of no removal.
    const HttpReply bertPull = pull(bert, bertCursor);
    QStringList gained = titles(bertPull.json);
    gained.sort();
    QCOMPARE(gained, (QStringList{QStringLiteral("moves-away"), QStringLiteral("moves-between-others")}));
    QCOMPARE(bertPull.json.value(QStringLiteral("removed")).toArray(), QJsonArray());
}

void TestPullScope::unauthenticated_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("pull") << QStringLiteral("/api/v1/sync/pull");
    QTest::newRow("wait") << QStringLiteral("/api/v1/sync/wait?cursor=x");
}

void TestPullScope::unauthenticated()
{
    QFETCH(QString, path);
    QUrl url = m_a->url(path.section(u'?', 0, 0));
    url.setQuery(path.section(u'?', 1));
    QCOMPARE(m_http.get(url).status, 401);
    QCOMPARE(m_http.get(url, HttpClient::bearer(QStringLiteral("not-a-token"))).status, 401);
}

QTEST_GUILESS_MAIN(TestPullScope)
#include "tst_pullscope.moc"
