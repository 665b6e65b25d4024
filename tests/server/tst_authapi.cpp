// Login, tokens and sessions over HTTP against real casedesk-server processes on one PostgreSQL database:
// login answers, /me, refresh rotation, reuse of a spent refresh token, expiry, logout, disabling a user,
// and two processes accepting each other's tokens.
#include "core/Uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

#include <memory>

#include "HttpClient.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::test;

namespace {

const QString loginPath = QStringLiteral("/api/v1/auth/login");
const QString refreshPath = QStringLiteral("/api/v1/auth/refresh");
const QString logoutPath = QStringLiteral("/api/v1/auth/logout");
const QString mePath = QStringLiteral("/api/v1/me");

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestAuthApi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void loginGivesTokens();
    void failedLoginsLookAlike();
    void meWithoutValidToken_data();
    void meWithoutValidToken();
    void refreshRotates();
    void reusedRefreshTokenRevokesSession();
    void expiredAccessToken();
    void logoutEndsSession();
    void disabledUserIsRejectedAtOnce();
    void processesAcceptEachOthersTokens();
    void concurrentRequests();

private:
    HttpReply login(ServerProcess &server, const QString &login, const QString &password = TestUsers::password());
    HttpReply refresh(ServerProcess &server, const QString &refreshToken);
    HttpReply me(ServerProcess &server, const QString &accessToken);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    HttpClient m_http;
};

void TestAuthApi::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const QString problem =
        TestUsers(m_pg->connectionString())
            .setUp({QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("carla"), QStringLiteral("dora"),
                    QStringLiteral("emil"), QStringLiteral("frida"), QStringLiteral("gerd")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QString started;
    QVERIFY2(startServerPair(m_pg->connectionString(), &m_a, &m_b, &started), qPrintable(started));
}

void TestAuthApi::cleanupTestCase()
{
    QVERIFY(stopServerPair(&m_a, &m_b)); // a clean stop on SIGTERM: exit code 0
    m_pg.reset();
}

HttpReply TestAuthApi::login(ServerProcess &server, const QString &login, const QString &password)
{
    return m_http.post(server.url(loginPath), json({{QStringLiteral("login"), login},
                                                    {QStringLiteral("password"), password},
                                                    {QStringLiteral("clientId"), uuidToString(createUuidV7())}}));
}

HttpReply TestAuthApi::refresh(ServerProcess &server, const QString &refreshToken)
{
    return m_http.post(server.url(refreshPath), json({{QStringLiteral("refreshToken"), refreshToken}}));
}

HttpReply TestAuthApi::me(ServerProcess &server, const QString &accessToken)
{
    return m_http.get(server.url(mePath), HttpClient::bearer(accessToken));
}

void TestAuthApi::loginGivesTokens()
{
    const HttpReply reply = login(*m_a, QStringLiteral("anna"));
    QCOMPARE(reply.status, 200);
    const QString access = reply.json.value(QStringLiteral("accessToken")).toString();
    const QString refreshToken = reply.json.value(QStringLiteral("refreshToken")).toString();
    // 256 random bits in base64url: 43 characters; two different tokens.
    QCOMPARE(access.size(), 43);
    QCOMPARE(refreshToken.size(), 43);
    QVERIFY(access != refreshToken);
    QCOMPARE(reply.json.value(QStringLiteral("tokenType")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(reply.json.value(QStringLiteral("accessExpiresIn")).toInt(), 600); // the documented default
    QVERIFY(reply.json.value(QStringLiteral("refreshExpiresIn")).toInt() > 600);
    QCOMPARE(reply.header("Cache-Control"), QByteArrayLiteral("no-store"));

    const HttpReply who = me(*m_a, access);
    QCOMPARE(who.status, 200);
    QCOMPARE(who.json.value(QStringLiteral("login")).toString(), QStringLiteral("anna"));
    QCOMPARE(who.json.value(QStringLiteral("displayName")).toString(), QStringLiteral("Test anna"));
    QCOMPARE(who.json.value(QStringLiteral("userId")).toString(),
             reply.json.value(QStringLiteral("userId")).toString());
    QCOMPARE(who.json.value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("clerk")});
    QCOMPARE(who.json.value(QStringLiteral("teams")).toArray(), QJsonArray{QStringLiteral("32.1")});
}

void TestAuthApi::failedLoginsLookAlike()
{
    // A wrong password, an unknown login and a disabled user get the same answer: nothing tells which logins
    // exist.
    QVERIFY(TestUsers(m_pg->connectionString()).disable(QStringLiteral("gerd")).isEmpty());
    const HttpReply wrongPassword = login(*m_a, QStringLiteral("bert"), QStringLiteral("not-the-password-1"));
    const HttpReply unknownUser = login(*m_a, QStringLiteral("nobody"), QStringLiteral("not-the-password-1"));
    const HttpReply disabledUser = login(*m_a, QStringLiteral("gerd"));
    QCOMPARE(wrongPassword.status, 401);
    QCOMPARE(wrongPassword.errorCode(), QStringLiteral("invalid_credentials"));
    QCOMPARE(unknownUser.status, wrongPassword.status);
    QCOMPARE(unknownUser.body, wrongPassword.body);
    QCOMPARE(disabledUser.status, wrongPassword.status);
    QCOMPARE(disabledUser.body, wrongPassword.body);
    QVERIFY(!wrongPassword.json.contains(QStringLiteral("accessToken")));
    // The login is not case-sensitive, the password is.
    QCOMPARE(login(*m_a, QStringLiteral("Bert")).status, 200);
    QCOMPARE(login(*m_a, QStringLiteral("bert"), TestUsers::password().toUpper()).status, 401);
}

void TestAuthApi::meWithoutValidToken_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("code");

    QTest::newRow("no header") << QByteArray() << "missing_token";
    QTest::newRow("other scheme") << QByteArrayLiteral("Basic YW5uYTp4") << "missing_token";
    QTest::newRow("garbage") << QByteArrayLiteral("Bearer not a token") << "invalid_token";
    QTest::newRow("unknown token") << QByteArrayLiteral("Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                                   << "invalid_token";
}

void TestAuthApi::meWithoutValidToken()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, code);

    HttpHeaders headers;
    if (!authorization.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), authorization});
    const HttpReply reply = m_http.get(m_a->url(mePath), headers);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.errorCode(), code);
    QCOMPARE(reply.header("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
}

void TestAuthApi::refreshRotates()
{
    const HttpReply first = login(*m_a, QStringLiteral("carla"));
    QCOMPARE(first.status, 200);
    const HttpReply second = refresh(*m_a, first.json.value(QStringLiteral("refreshToken")).toString());
    QCOMPARE(second.status, 200);
    const QString newAccess = second.json.value(QStringLiteral("accessToken")).toString();
    const QString newRefresh = second.json.value(QStringLiteral("refreshToken")).toString();
    QVERIFY(newAccess != first.json.value(QStringLiteral("accessToken")).toString());
    QVERIFY(newRefresh != first.json.value(QStringLiteral("refreshToken")).toString());
    QCOMPARE(second.json.value(QStringLiteral("sessionId")), first.json.value(QStringLiteral("sessionId")));
    QCOMPARE(me(*m_a, newAccess).status, 200);
    // The new refresh token rotates again.
    const HttpReply third = refresh(*m_a, newRefresh);
    QCOMPARE(third.status, 200);
    QCOMPARE(me(*m_a, third.json.value(QStringLiteral("accessToken")).toString()).status, 200);
}

void TestAuthApi::reusedRefreshTokenRevokesSession()
{
    const HttpReply first = login(*m_a, QStringLiteral("dora"));
    QCOMPARE(first.status, 200);
    const QString spent = first.json.value(QStringLiteral("refreshToken")).toString();
    const HttpReply second = refresh(*m_a, spent);
    QCOMPARE(second.status, 200);
    const QString access = second.json.value(QStringLiteral("accessToken")).toString();
    QCOMPARE(me(*m_a, access).status, 200);

    // Someone presents the spent token again: the whole session ends, for the thief and the owner alike.
    const HttpReply reuse = refresh(*m_a, spent);
    QCOMPARE(reuse.status, 401);
    QCOMPARE(reuse.errorCode(), QStringLiteral("session_revoked"));
    QCOMPARE(me(*m_a, access).errorCode(), QStringLiteral("invalid_token"));
    const HttpReply newest = refresh(*m_a, second.json.value(QStringLiteral("refreshToken")).toString());
    QCOMPARE(newest.status, 401);
    QCOMPARE(newest.errorCode(), QStringLiteral("invalid_token"));
    // Logging in again starts a new session.
    QCOMPARE(login(*m_a, QStringLiteral("dora")).status, 200);
}

void TestAuthApi::expiredAccessToken()
{
    // A process with short-lived access tokens issues one; the regular process checks it (the expiry is
    // stored with the token, so any process judges it the same way).
    ServerProcess shortLived(m_pg->connectionString(),
                             {QStringLiteral("--access-token-lifetime"), QStringLiteral("5")});
    QVERIFY2(shortLived.start(), qPrintable(shortLived.errorString()));
    const HttpReply issued = login(shortLived, QStringLiteral("emil"));
    QCOMPARE(issued.status, 200);
    QCOMPARE(issued.json.value(QStringLiteral("accessExpiresIn")).toInt(), 5);
    const QString access = issued.json.value(QStringLiteral("accessToken")).toString();
    QCOMPARE(me(*m_a, access).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(me(*m_a, access).errorCode(), QStringLiteral("token_expired"), 15000);
    QCOMPARE(me(*m_a, access).status, 401);

    // The refresh token still works and gives a token of the regular lifetime.
    const HttpReply renewed = refresh(*m_a, issued.json.value(QStringLiteral("refreshToken")).toString());
    QCOMPARE(renewed.status, 200);
    QCOMPARE(renewed.json.value(QStringLiteral("accessExpiresIn")).toInt(), 600);
    QCOMPARE(me(*m_a, renewed.json.value(QStringLiteral("accessToken")).toString()).status, 200);
    QCOMPARE(shortLived.stop(), 0);
}

void TestAuthApi::logoutEndsSession()
{
    const HttpReply session = login(*m_a, QStringLiteral("frida"));
    QCOMPARE(session.status, 200);
    const QString access = session.json.value(QStringLiteral("accessToken")).toString();
    const HttpReply other = login(*m_a, QStringLiteral("frida")); // another client installation

    QCOMPARE(m_http.post(m_a->url(logoutPath), {}).status, 401);
    const HttpReply loggedOut = m_http.post(m_a->url(logoutPath), {}, HttpClient::bearer(access));
    QCOMPARE(loggedOut.status, 204);
    QCOMPARE(me(*m_a, access).errorCode(), QStringLiteral("invalid_token"));
    QCOMPARE(refresh(*m_a, session.json.value(QStringLiteral("refreshToken")).toString()).errorCode(),
             QStringLiteral("invalid_token"));
    // Only that session ended.
    QCOMPARE(me(*m_a, other.json.value(QStringLiteral("accessToken")).toString()).status, 200);
}

void TestAuthApi::disabledUserIsRejectedAtOnce()
{
    TestUsers users(m_pg->connectionString());
    QVERIFY(users.add(QStringLiteral("hanna")).isEmpty());
    const HttpReply session = login(*m_a, QStringLiteral("hanna"));
    QCOMPARE(session.status, 200);
    const QString access = session.json.value(QStringLiteral("accessToken")).toString();
    QCOMPARE(me(*m_a, access).status, 200);
    QCOMPARE(me(*m_b, access).status, 200);

    QVERIFY(users.disable(QStringLiteral("hanna")).isEmpty());
    // The very next request, on either process, is refused; so is the refresh token.
    QCOMPARE(me(*m_a, access).status, 401);
    QCOMPARE(me(*m_b, access).status, 401);
    QCOMPARE(refresh(*m_b, session.json.value(QStringLiteral("refreshToken")).toString()).status, 401);
    QCOMPARE(login(*m_a, QStringLiteral("hanna")).errorCode(), QStringLiteral("invalid_credentials"));
}

void TestAuthApi::processesAcceptEachOthersTokens()
{
    const HttpReply atA = login(*m_a, QStringLiteral("anna"));
    QCOMPARE(atA.status, 200);
    QCOMPARE(me(*m_b, atA.json.value(QStringLiteral("accessToken")).toString()).status, 200);
    // Rotated at B, the spent token is recognised at A.
    const HttpReply atB = refresh(*m_b, atA.json.value(QStringLiteral("refreshToken")).toString());
    QCOMPARE(atB.status, 200);
    QCOMPARE(me(*m_a, atB.json.value(QStringLiteral("accessToken")).toString()).status, 200);
    QCOMPARE(refresh(*m_a, atA.json.value(QStringLiteral("refreshToken")).toString()).errorCode(),
             QStringLiteral("session_revoked"));
}

void TestAuthApi::concurrentRequests()
{
    // Many requests at once run on the server's pool, each thread with its own database connection.
    const HttpReply session = login(*m_a, QStringLiteral("anna"));
    QCOMPARE(session.status, 200);
    QNetworkRequest request(m_a->url(mePath));
    request.setRawHeader(QByteArrayLiteral("Authorization"),
                         QByteArrayLiteral("Bearer ") +
                             session.json.value(QStringLiteral("accessToken")).toString().toLatin1());
    QNetworkAccessManager manager;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 40; ++i)
        replies.append(manager.get(request));
    const auto finished = [&replies] {
        return std::count_if(replies.cbegin(), replies.cend(),
                             [](QNetworkReply *reply) { return reply->isFinished(); });
    };
    QTRY_COMPARE_WITH_TIMEOUT(finished(), replies.size(), 60000);
    for (QNetworkReply *reply : std::as_const(replies)) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("login")).toString(),
                 QStringLiteral("anna"));
    }
    qDeleteAll(replies);
}

QTEST_GUILESS_MAIN(TestAuthApi)
#include "tst_authapi.moc"
