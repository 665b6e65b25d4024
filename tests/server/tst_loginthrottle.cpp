// Login throttling over HTTP against real casedesk-server processes: per account (blocks that double, reset
// by a success), per client address, and X-Forwarded-For believed only from a trusted proxy. The counts live
// in PostgreSQL, so a second process sees the first one's.
#include "core/Uuid.h"

#include <QJsonDocument>
#include <QTest>

#include <memory>

#include "HttpClient.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::test;

namespace {

const QString wrongPassword = QStringLiteral("not-the-password-1");
// The client address of requests that name none of their own: the processes that throttle by account trust
// the test as their proxy, so their failures do not count against 127.0.0.1, which forwardedForIgnoredFromOthers
// blocks.
const QByteArray defaultClient = QByteArrayLiteral("192.0.2.77");

} // namespace

class TestLoginThrottle : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void accountBlocksGrowAndSuccessResets();
    void accountBlockHoldsInEveryProcess();
    void addressIsThrottled();
    void forwardedForFromTrustedProxy();
    void forwardedForIgnoredFromOthers();

private:
    HttpReply login(ServerProcess &server, const QString &login, const QString &password,
                    const QByteArray &forwardedFor = defaultClient);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::unique_ptr<ServerProcess> m_byAccount; // account limit 2, address limit out of reach, trusts 127.0.0.1
    std::unique_ptr<ServerProcess> m_byAccount2;
    std::unique_ptr<ServerProcess> m_behindProxy; // address limit 3, 127.0.0.1 a trusted proxy
    std::unique_ptr<ServerProcess> m_direct;      // address limit 3, no trusted proxy
    HttpClient m_http;
};

void TestLoginThrottle::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const QString problem =
        TestUsers(m_pg->connectionString())
            .setUp({QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("carla"), QStringLiteral("dora")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QStringList byAccount{QStringLiteral("--account-failure-limit"), QStringLiteral("2"),
                                QStringLiteral("--address-failure-limit"), QStringLiteral("1000"),
                                QStringLiteral("--trusted-proxy"),         QStringLiteral("127.0.0.1")};
    // An address block lasts longer than the tests that check it take, however slow the machine (a sanitizer
    // build); no test waits for one to end.
    const QStringList byAddress{QStringLiteral("--account-failure-limit"), QStringLiteral("1000"),
                                QStringLiteral("--address-failure-limit"), QStringLiteral("3"),
                                QStringLiteral("--login-block-seconds"),   QStringLiteral("300")};
    m_byAccount = std::make_unique<ServerProcess>(m_pg->connectionString(), byAccount);
    m_byAccount2 = std::make_unique<ServerProcess>(m_pg->connectionString(), byAccount);
    m_behindProxy = std::make_unique<ServerProcess>(
        m_pg->connectionString(),
        byAddress + QStringList{QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.1")});
    m_direct = std::make_unique<ServerProcess>(m_pg->connectionString(), byAddress);
    for (ServerProcess *server : {m_byAccount.get(), m_byAccount2.get(), m_behindProxy.get(), m_direct.get()})
        QVERIFY2(server->start(), qPrintable(server->errorString()));
}

void TestLoginThrottle::cleanupTestCase()
{
    m_byAccount.reset();
    m_byAccount2.reset();
    m_behindProxy.reset();
    m_direct.reset();
    m_pg.reset();
}

HttpReply TestLoginThrottle::login(ServerProcess &server, const QString &login, const QString &password,
                                   const QByteArray &forwardedFor)
{
    const HttpHeaders headers{{QByteArrayLiteral("X-Forwarded-For"), forwardedFor}};
    const QJsonObject body{{QStringLiteral("login"), login},
                           {QStringLiteral("password"), password},
                           {QStringLiteral("clientId"), uuidToString(createUuidV7())}};
    return m_http.post(server.url(QStringLiteral("/api/v1/auth/login")),
                       QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

void TestLoginThrottle::accountBlocksGrowAndSuccessResets()
{
    const QString anna = QStringLiteral("anna");
    QCOMPARE(login(*m_byAccount, anna, wrongPassword).status, 401);
    QCOMPARE(login(*m_byAccount, anna, wrongPassword).status, 401); // reaches the limit: blocked now

    // Blocked: even the right password is not tried.
    const HttpReply first = login(*m_byAccount, anna, TestUsers::password());
    QCOMPARE(first.status, 429);
    QCOMPARE(first.errorCode(), QStringLiteral("too_many_attempts"));
    const int firstWait = first.header("Retry-After").toInt();
    QVERIFY2(firstWait >= 1, first.header("Retry-After").constData());

    // Tries until the block is over, then keeps that answer: QTRY_* evaluates its expression once more at the
    // end, and a login must not be sent again then.
    int status = 429;
    const auto afterBlock = [&](const QString &password) {
        if (status == 429)
            status = login(*m_byAccount, anna, password).status;
        return status;
    };

    // Once the block ends, the next failure blocks for twice as long.
    QTRY_VERIFY_WITH_TIMEOUT(afterBlock(wrongPassword) != 429, 30000);
    QCOMPARE(status, 401);
    const HttpReply second = login(*m_byAccount, anna, TestUsers::password());
    QCOMPARE(second.status, 429);
    const int secondWait = second.header("Retry-After").toInt();
    QVERIFY2(secondWait > firstWait, qPrintable(QStringLiteral("%1 then %2").arg(firstWait).arg(secondWait)));

    // The right password after the block logs in and resets the count: one failure no longer blocks.
    status = 429;
    QTRY_VERIFY_WITH_TIMEOUT(afterBlock(TestUsers::password()) != 429, 30000);
    QCOMPARE(status, 200);
    QCOMPARE(login(*m_byAccount, anna, wrongPassword).status, 401);
    QCOMPARE(login(*m_byAccount, anna, TestUsers::password()).status, 200);
}

void TestLoginThrottle::accountBlockHoldsInEveryProcess()
{
    // Failures at one process block the account at the other; an unknown login is counted like a real one.
    for (const QString &account : {QStringLiteral("bert"), QStringLiteral("nobody")}) {
        QCOMPARE(login(*m_byAccount, account, wrongPassword).status, 401);
        QCOMPARE(login(*m_byAccount, account, wrongPassword).status, 401);
        const HttpReply elsewhere = login(*m_byAccount2, account, TestUsers::password());
        QCOMPARE(elsewhere.status, 429);
        QVERIFY(elsewhere.header("Retry-After").toInt() >= 1);
    }
    // Other accounts are not affected.
    QCOMPARE(login(*m_byAccount2, QStringLiteral("carla"), TestUsers::password()).status, 200);
}

void TestLoginThrottle::addressIsThrottled()
{
    // Three failures from one address with three different logins: the address is blocked, for every login.
    const QByteArray address = QByteArrayLiteral("203.0.113.10");
    for (const QString &account : {QStringLiteral("x1"), QStringLiteral("x2"), QStringLiteral("x3")})
        QCOMPARE(login(*m_behindProxy, account, wrongPassword, address).status, 401);
    const HttpReply blocked = login(*m_behindProxy, QStringLiteral("dora"), TestUsers::password(), address);
    QCOMPARE(blocked.status, 429);
    const int wait = blocked.header("Retry-After").toInt();
    QVERIFY2(wait > 60 && wait <= 300, qPrintable(QString::number(wait))); // --login-block-seconds
}

void TestLoginThrottle::forwardedForFromTrustedProxy()
{
    // Behind the trusted proxy each client address counts on its own.
    const QByteArray guesser = QByteArrayLiteral("203.0.113.20");
    for (const QString &account : {QStringLiteral("y1"), QStringLiteral("y2"), QStringLiteral("y3")})
        QCOMPARE(login(*m_behindProxy, account, wrongPassword, guesser).status, 401);
    QCOMPARE(login(*m_behindProxy, QStringLiteral("dora"), TestUsers::password(), guesser).status, 429);
    QCOMPARE(login(*m_behindProxy, QStringLiteral("dora"), TestUsers::password(), "203.0.113.21").status, 200);
    // Hops the client wrote itself (left of the last untrusted one) do not get it out of the block.
    QCOMPARE(login(*m_behindProxy, QStringLiteral("dora"), TestUsers::password(), "198.51.100.1, 203.0.113.20").status,
             429);
}

void TestLoginThrottle::forwardedForIgnoredFromOthers()
{
    // Without a trusted proxy the header is the client's own claim: all failures count on 127.0.0.1.
    const QList<QByteArray> claimed{"198.51.100.31", "198.51.100.32", "198.51.100.33"};
    for (qsizetype i = 0; i < claimed.size(); ++i)
        QCOMPARE(login(*m_direct, QStringLiteral("z%1").arg(i), wrongPassword, claimed.at(i)).status, 401);
    const HttpReply blocked = login(*m_direct, QStringLiteral("dora"), TestUsers::password(), "198.51.100.34");
    QCOMPARE(blocked.status, 429);
}

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
