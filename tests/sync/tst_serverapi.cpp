// ServerApi against a real casedesk-server on loopback and a real PostgreSQL: login, typed failures (the
// server's codes, no network, Retry-After, oversized replies), one refresh for many parallel 401s, refresh
// before expiry, and a session the server ended.
#include "core/Case.h"
#include "core/Uuid.h"
#include "sync/ServerApi.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>
#include <optional>

#include "InMemoryTokenStore.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"
#include "SyncTestData.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::sync;
using namespace casedesk::test;

namespace {

constexpr int replyTimeoutMs = 30000;

// Runs one call and waits for its answer.
template <typename Call> std::optional<ApiResponse> await(Call call)
{
    std::optional<ApiResponse> answer;
    call([&answer](const ApiResponse &response) { answer = response; });
    return QTest::qWaitFor([&] { return answer.has_value(); }, replyTimeoutMs) ? answer : std::nullopt;
}

} // namespace

class TestServerApi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void loginStoresTokens();
    void wrongPasswordIsTheServersCode();
    void pushAndPull();
    void serverErrorCodes();
    void parallelUnauthorizedShareOneRefresh();
    void expiringTokenIsRefreshedFirst();
    void endedSessionClearsTokens();
    void noServerIsANetworkFailure();
    void oversizedReplyIsRefused();
    void throttledLoginCarriesRetryAfter();

private:
    std::optional<ApiResponse> login(ServerApi &api, const QString &user,
                                     const QString &password = TestUsers::password());

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::unique_ptr<ServerProcess> m_server;
    QUuid m_clientId = createUuidV7();
};

void TestServerApi::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    TestUsers users(m_pg->connectionString());
    const QString problem = users.setUp({QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("tom")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_server = std::make_unique<ServerProcess>(m_pg->connectionString());
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestServerApi::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
    m_server.reset();
    m_pg.reset();
}

std::optional<ApiResponse> TestServerApi::login(ServerApi &api, const QString &user, const QString &password)
{
    return await([&](ServerApi::Callback done) { api.login(user, password, m_clientId, std::move(done)); });
}

void TestServerApi::loginStoresTokens()
{
    InMemoryTokenStore tokens;
    ServerApi api(m_server->url(QStringLiteral("/")), tokens);
    const auto answer = login(api, QStringLiteral("anna"));
    QVERIFY(answer);
    QVERIFY2(answer->ok(), qPrintable(answer->describe()));
    QVERIFY(tokens.tokens());
    QVERIFY(!tokens.tokens()->accessToken.isEmpty());
    QVERIFY(!tokens.tokens()->refreshToken.isEmpty());
    QVERIFY(!tokens.tokens()->userId.isNull());
    QVERIFY(tokens.tokens()->accessExpiresAt > QDateTime::currentDateTimeUtc());
}

void TestServerApi::wrongPasswordIsTheServersCode()
{
    InMemoryTokenStore tokens;
    ServerApi api(m_server->url(QStringLiteral("/")), tokens);
    const auto answer = login(api, QStringLiteral("bert"), QStringLiteral("falsch"));
    QVERIFY(answer);
    QCOMPARE(answer->outcome, ApiResponse::Outcome::HttpError);
    QCOMPARE(answer->httpStatus, 401);
    QCOMPARE(answer->errorCode, QStringLiteral("invalid_credentials"));
    QVERIFY(!answer->isTransient());
    QVERIFY(!tokens.tokens());
}

void TestServerApi::pushAndPull()
{
    InMemoryTokenStore tokens;
    ServerApi api(m_server->url(QStringLiteral("/")), tokens);
    QVERIFY(login(api, QStringLiteral("anna"))->ok());
    // The team of the test users, from what the server tells its member.
    const auto before = await([&](ServerApi::Callback done) { api.pull({}, 10, 0, std::move(done)); });
    QVERIFY2(before && before->ok(), before ? qPrintable(before->describe()) : "no answer");

    const Case c = parkingApplication(QUuid(), QStringLiteral("Bewohnerparkausweis Ost"));
    Command create{createUuidV7(),
                   m_clientId,
                   1,
                   c.id,
                   CommandName::CreateCase,
                   {{QStringLiteral("case"), c.toJson()}},
                   QDateTime::currentDateTimeUtc()};
    const auto pushed = await([&](ServerApi::Callback done) { api.push(m_clientId, {create}, std::move(done)); });
    QVERIFY(pushed);
    QVERIFY2(pushed->ok(), qPrintable(pushed->describe()));
    const QJsonArray results = pushed->body.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 1);
    // Without a team the server refuses the case, with a result: either way the command was processed.
    QVERIFY(!results.at(0)[QStringLiteral("result")].toString().isEmpty());

    const auto pulled = await([&](ServerApi::Callback done) { api.pull({}, 10, 0, std::move(done)); });
    QVERIFY(pulled && pulled->ok());
    const QJsonArray pulledResults = pulled->body.value(QStringLiteral("results")).toArray();
    QCOMPARE(pulledResults.size(), 1);
    QCOMPARE(pulledResults.at(0)[QStringLiteral("commandId")].toString(), uuidToString(create.id));
    QVERIFY(!pulled->body.value(QStringLiteral("cursor")).toString().isEmpty());
}

void TestServerApi::serverErrorCodes()
{
    InMemoryTokenStore tokens;
    ServerApi api(m_server->url(QStringLiteral("/")), tokens);
    QVERIFY(login(api, QStringLiteral("anna"))->ok());
    Command other{createUuidV7(),
                  createUuidV7(),
                  1,
                  createUuidV7(),
                  CommandName::SetFollowUp,
                  {{QStringLiteral("date"), QString()}},
                  QDateTime::currentDateTimeUtc()};
    const auto answer = await([&](ServerApi::Callback done) { api.push(other.clientId, {other}, std::move(done)); });
    QVERIFY(answer);
    QCOMPARE(answer->outcome, ApiResponse::Outcome::HttpError);
    QCOMPARE(answer->httpStatus, 403);
    QCOMPARE(answer->errorCode, QStringLiteral("client_mismatch"));
    QVERIFY(!answer->isTransient());
    QVERIFY(!answer->isSessionEnded());
}

void TestServerApi::parallelUnauthorizedShareOneRefresh()
{
    InMemoryTokenStore tokens;
    ServerApi api(m_server->url(QStringLiteral("/")), tokens);
    QVERIFY(login(api, QStringLiteral("anna"))->ok());
    // An access token the server no longer takes, as after its expiry: every call meets a 401.
    SessionTokens stale = *tokens.tokens();
    stale.accessToken = QStringLiteral("abgelaufen");
    QVERIFY(tokens.store(stale));
    const int storesBefore = tokens.storeCount();
    QSignalSpy refreshed(&api, &ServerApi::tokensRefreshed);
    QSignalSpy ended(&api, &ServerApi::sessionEnded);

    constexpr int calls = 6;
    QList<ApiResponse> answers;
    for (int i = 0; i < calls; ++i)
        api.pull({}, 5, -1, [&answers](const ApiResponse &response) { answers.append(response); });
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), calls, replyTimeoutMs);
    for (const ApiResponse &answer : std::as_const(answers))
        QVERIFY2(answer.ok(), qPrintable(answer.describe()));
    // One refresh for all of them (a second would present a spent refresh token and end the session).
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(tokens.storeCount(), storesBefore + 1);
    QCOMPARE(ended.size(), 0);
    QVERIFY(tokens.tokens()->accessToken != stale.accessToken);
    QVERIFY(tokens.tokens()->refreshToken != stale.refreshToken);
}

void TestServerApi::expiringTokenIsRefreshedFirst()
{
    InMemoryTokenStore tokens;
    ServerApi api(m_server->url(QStringLiteral("/")), tokens);
    QVERIFY(login(api, QStringLiteral("anna"))->ok());
    SessionTokens expiring = *tokens.tokens();
    expiring.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(5);
    QVERIFY(tokens.store(expiring));
    QSignalSpy refreshed(&api, &ServerApi::tokensRefreshed);
    const auto answer = await([&](ServerApi::Callback done) { api.pull({}, 5, -1, std::move(done)); });
    QVERIFY(answer && answer->ok());
    QCOMPARE(refreshed.size(), 1);
    QVERIFY(tokens.tokens()->accessExpiresAt > expiring.accessExpiresAt);
}

void TestServerApi::endedSessionClearsTokens()
{
    InMemoryTokenStore tokens;
    ServerApi api(m_server->url(QStringLiteral("/")), tokens);
    QVERIFY(login(api, QStringLiteral("anna"))->ok());
    SessionTokens spent = *tokens.tokens();
    // Use the refresh token once behind the api's back: presenting it again is what a thief would do.
    {
        InMemoryTokenStore other;
        QVERIFY(other.store(spent));
        ServerApi thief(m_server->url(QStringLiteral("/")), other);
        SessionTokens forced = spent;
        forced.accessToken = QStringLiteral("x");
        QVERIFY(other.store(forced));
        QVERIFY(await([&](ServerApi::Callback done) { thief.pull({}, 1, -1, std::move(done)); })->ok());
    }
    spent.accessToken = QStringLiteral("x");
    QVERIFY(tokens.store(spent));
    QSignalSpy ended(&api, &ServerApi::sessionEnded);
    const auto answer = await([&](ServerApi::Callback done) { api.pull({}, 5, -1, std::move(done)); });
    QVERIFY(answer);
    QVERIFY(answer->isSessionEnded());
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).toString(), QStringLiteral("session_revoked"));
    QVERIFY(!tokens.tokens());

    // Without tokens nothing goes out; the caller hears it is not logged in.
    const auto later = await([&](ServerApi::Callback done) { api.pull({}, 5, -1, std::move(done)); });
    QVERIFY(later && later->isSessionEnded());
    QCOMPARE(later->errorCode, QStringLiteral("not_logged_in"));
}

void TestServerApi::noServerIsANetworkFailure()
{
    // A port that was free a moment ago and has nobody listening now.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    InMemoryTokenStore tokens;
    ServerApi api(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), tokens);
    const auto answer = login(api, QStringLiteral("anna"));
    QVERIFY(answer);
    QCOMPARE(answer->outcome, ApiResponse::Outcome::NetworkFailure);
    QCOMPARE(answer->httpStatus, 0);
    QVERIFY(answer->isTransient());
    QVERIFY(!answer->errorMessage.isEmpty());
}

void TestServerApi::oversizedReplyIsRefused()
{
    InMemoryTokenStore tokens;
    ServerApi api(m_server->url(QStringLiteral("/")), tokens);
    QVERIFY(login(api, QStringLiteral("anna"))->ok());
    ServerApi::Limits limits;
    limits.maxReplyBytes = 16;
    api.setLimits(limits);
    const auto answer = await([&](ServerApi::Callback done) { api.pull({}, 5, -1, std::move(done)); });
    QVERIFY(answer);
    QCOMPARE(answer->outcome, ApiResponse::Outcome::InvalidReply);
    QCOMPARE(answer->errorCode, QStringLiteral("reply_too_large"));
}

void TestServerApi::throttledLoginCarriesRetryAfter()
{
    InMemoryTokenStore tokens;
    ServerApi api(m_server->url(QStringLiteral("/")), tokens);
    std::optional<ApiResponse> answer;
    // The server blocks an account after a few failures (LoginThrottle); the block comes with Retry-After.
    for (int attempt = 0; attempt < 20; ++attempt) {
        answer = login(api, QStringLiteral("tom"), QStringLiteral("falsch"));
        QVERIFY(answer);
        if (answer->httpStatus == 429)
            break;
    }
    QCOMPARE(answer->httpStatus, 429);
    QVERIFY(answer->isTransient());
    QVERIFY(answer->retryAfter);
    QVERIFY(answer->retryAfter->count() > 0);
}

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_serverapi.moc"
