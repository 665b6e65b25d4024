// The long-poll live channel (GET /api/v1/sync/wait) against two casedesk-server processes on one PostgreSQL
// database (PullTestBase): a quiet wait times out, a caller behind is answered at once, and a NOTIFY wakes the
// waiters of every process.
#include "core/Uuid.h"
#include "server/SyncCursor.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTest>

#include "PullTestBase.h"

using namespace casedesk;
using namespace casedesk::server;
using namespace casedesk::test;

class TestPullWait : public PullTestBase {
    Q_OBJECT

private slots:
    void initTestCase() { setUpServers(); }
    void cleanupTestCase() { tearDownServers(); }
    void waitTimesOutWhenQuiet();
    void waitAnswersAtOnceWhenBehind();
    void notifyWakesWaitersOfEveryProcess();
};

void TestPullWait::waitTimesOutWhenQuiet()
{
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const Caller gustav = login(QStringLiteral("gustav")); // the mailroom: no other test's case wakes it
    const QString cursor = headCursor(gustav);
    QUrl url = m_a->url(QStringLiteral("/api/v1/sync/wait"));
    url.setQuery(QStringLiteral("timeout=1&cursor=") + cursor);
    QElapsedTimer timer;
    timer.start();
    const HttpReply reply = m_http.get(url, HttpClient::bearer(gustav.accessToken));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("cursorMoved")).toBool(), false);
    QVERIFY(timer.elapsed() >= 900);
}

void TestPullWait::waitAnswersAtOnceWhenBehind()
{
    const Caller anna = login(QStringLiteral("anna"));
    QUrl url = m_b->url(QStringLiteral("/api/v1/sync/wait"));
    // From the beginning anna has cases; so does a malformed cursor (pull starts over).
    for (const QString &cursor : {SyncCursor{0, 0, "x"}.toText(), QStringLiteral("garbage")}) {
        url.setQuery(QStringLiteral("timeout=60&cursor=") + cursor);
        QElapsedTimer timer;
        timer.start();
        const HttpReply reply = m_http.get(url, HttpClient::bearer(anna.accessToken));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QStringLiteral("cursorMoved")).toBool(), true);
        QVERIFY(timer.elapsed() < 30000);
    }
}

void TestPullWait::notifyWakesWaitersOfEveryProcess()
{
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const Caller hanna = login(QStringLiteral("hanna"));
    const QString cursor = headCursor(hanna);
    QNetworkAccessManager manager;
    QList<QNetworkReply *> replies;
    for (ServerProcess *server : {m_a.get(), m_b.get()}) {
        QUrl url = server->url(QStringLiteral("/api/v1/sync/wait"));
        url.setQuery(QStringLiteral("timeout=60&cursor=") + cursor);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + hanna.accessToken.toLatin1());
        request.setTransferTimeout(90000);
        replies.append(manager.get(request));
    }
    // Each server answers its own pull in between: the waits are in (no timing guarantee needed: an early
    // change only answers sooner).
    QCOMPARE(pull(hanna, cursor, {}, m_a.get()).status, 200);
    QCOMPARE(pull(hanna, cursor, {}, m_b.get()).status, 200);
    for (QNetworkReply *reply : replies)
        QVERIFY2(!reply->isFinished(), reply->readAll().constData());

    // A command's transaction: the case, its change and the notification commit together.
    QElapsedTimer timer;
    timer.start();
    QSqlDatabase connection = db();
    QVERIFY(connection.transaction());
    QCOMPARE(touch(connection, m_cases.value(QStringLiteral("team1-open"))), QString());
    exec(connection, QStringLiteral("SELECT pg_notify('casedesk_changes', (SELECT max(seq) FROM changes)::text)"));
    QVERIFY(connection.commit());
    for (QNetworkReply *reply : replies) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(settleTimeoutMs + 5000));
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(body.value(QStringLiteral("cursorMoved")).toBool(), true);
        reply->deleteLater();
    }
    QVERIFY(timer.elapsed() < 45000); // woken, not timed out after 60 s
    QTRY_VERIFY_WITH_TIMEOUT(titles(pull(hanna, cursor).json).contains(QStringLiteral("team1-open")), settleTimeoutMs);
}

QTEST_GUILESS_MAIN(TestPullWait)
#include "tst_pullwait.moc"
