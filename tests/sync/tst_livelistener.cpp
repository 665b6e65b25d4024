// LiveListener against a real casedesk-server and PostgreSQL: Bert's listener, connected to his SyncEngine,
// brings him Anna's change without him asking; after a server restart it comes back by itself (with backoff) and
// still delivers; a token the server refuses is refreshed through the engine's next pull and the listener
// comes back with the new one.
#include "core/Uuid.h"
#include "server/ServerDatabase.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/SyncStore.h"
#include "sync/LiveListener.h"
#include "sync/ServerApi.h"
#include "sync/SyncEngine.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <optional>

#include "../storage/TemporaryCache.h"
#include "ManualRetryTimer.h"
#include "PostgresTestDatabase.h"
#include "ReplyDropProxy.h"
#include "ServerProcess.h"
#include "SyncTestClient.h"
#include "SyncTestData.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::storage;
using namespace casedesk::sync;
using namespace casedesk::test;

namespace {

constexpr int timeoutMs = 60000;

// One installation with its live channel.
struct Client : SyncTestClient {
    ManualRetryTimer liveRetry;
    std::unique_ptr<LiveListener> listener;

    bool hasConfirmed(const QUuid &id) { return confirmed(id).has_value(); }
};

} // namespace

class TestLiveListener : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aChangeElsewhereArrivesLive();
    void comesBackAfterAServerRestart();
    void aRefusedTokenIsRefreshed();

private:
    std::unique_ptr<Client> connect(const QString &login);
    // Anna creates a case and pushes it; its id, null when that failed.
    QUuid annaCreatesACase(const QString &title);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    QUuid m_team;
    std::unique_ptr<ServerProcess> m_server;
    ReplyDropProxy m_proxy; // a fixed address for the clients while the server behind it restarts
    std::unique_ptr<Client> m_anna;
    std::unique_ptr<Client> m_bert;
};

void TestLiveListener::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    TestUsers users(m_pg->connectionString());
    const QString problem = users.setUp({QStringLiteral("anna"), QStringLiteral("bert")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    Result<server::ServerDatabase> database = server::ServerDatabase::fromConnectionString(m_pg->connectionString());
    QVERIFY(database.ok());
    {
        QSqlQuery query(database.value().connection().value());
        QVERIFY(query.exec(QStringLiteral("SELECT id::text FROM teams WHERE code = '32.1'")) && query.next());
        m_team = uuidFromString(query.value(0).toString());
    }
    database.value().closeConnection();
    QVERIFY(!m_team.isNull());
    m_server = std::make_unique<ServerProcess>(m_pg->connectionString());
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(m_proxy.listen());
    m_proxy.setUpstreamPort(m_server->port());
    m_anna = connect(QStringLiteral("anna"));
    m_bert = connect(QStringLiteral("bert"));
    QVERIFY(m_anna && m_bert);
    // Bert's client wired as the application does it: the live channel starts a sync.
    QObject::connect(m_bert->listener.get(), &LiveListener::cursorMoved, m_bert->engine.get(), &SyncEngine::syncNow);
}

void TestLiveListener::cleanupTestCase()
{
    m_anna.reset();
    m_bert.reset();
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
    m_server.reset();
    m_pg.reset();
}

std::unique_ptr<Client> TestLiveListener::connect(const QString &login)
{
    auto client = std::make_unique<Client>();
    if (!client->logIn(m_proxy.url(), login, timeoutMs))
        return nullptr;
    client->listener = std::make_unique<LiveListener>(*client->api, client->tokens, client->liveRetry);
    return client;
}

QUuid TestLiveListener::annaCreatesACase(const QString &title)
{
    Client &anna = *m_anna;
    const Case c = parkingApplication(m_team, title);
    const auto created =
        Outbox(anna.cache.db())
            .submit(CommandName::CreateCase, c.id, {{QStringLiteral("case"), c.toJson()}}, anna.userId);
    if (!created) {
        qWarning().noquote() << created.error().toString();
        return {};
    }
    QSignalSpy synced(anna.engine.get(), &SyncEngine::synced);
    anna.engine->syncNow();
    if (!QTest::qWaitFor([&] { return !synced.isEmpty(); }, timeoutMs) || !anna.hasConfirmed(c.id)) {
        qWarning().noquote() << "Anna's sync did not complete:" << anna.engine->lastError().toString();
        return {};
    }
    return c.id;
}

void TestLiveListener::aChangeElsewhereArrivesLive()
{
    Client &bert = *m_bert;
    QSignalSpy moved(bert.listener.get(), &LiveListener::cursorMoved);
    QSignalSpy synced(bert.engine.get(), &SyncEngine::synced);
    bert.listener->start();
    QTRY_VERIFY_WITH_TIMEOUT(bert.listener->isListening(), timeoutMs);
    // Accepted: one catch-up for what may have happened before, and the sync it starts.
    QCOMPARE(moved.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), timeoutMs);

    const QUuid caseId = annaCreatesACase(QStringLiteral("Bewohnerparkausweis, live angekommen"));
    QVERIFY(!caseId.isNull());
    // Bert asks for nothing: the server's message starts his sync.
    QTRY_VERIFY_WITH_TIMEOUT(bert.hasConfirmed(caseId), timeoutMs);
    QVERIFY(moved.size() >= 2);
    QVERIFY(bert.liveRetry.delays().isEmpty());
}

void TestLiveListener::comesBackAfterAServerRestart()
{
    Client &bert = *m_bert;
    QVERIFY(bert.listener->isListening());
    QCOMPARE(m_server->stop(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!bert.listener->isListening(), timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(bert.liveRetry.delays().size(), 1, timeoutMs);
    // Still down: the next attempt fails as well, and waits longer.
    QVERIFY(bert.liveRetry.fire());
    QTRY_COMPARE_WITH_TIMEOUT(bert.liveRetry.delays().size(), 2, timeoutMs);
    QVERIFY(!bert.listener->isListening());
    QVERIFY(bert.liveRetry.delays().at(1) >= bert.liveRetry.delays().at(0));

    m_server = std::make_unique<ServerProcess>(m_pg->connectionString());
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_proxy.setUpstreamPort(m_server->port());
    QSignalSpy moved(bert.listener.get(), &LiveListener::cursorMoved);
    QVERIFY(bert.liveRetry.fire());
    QTRY_VERIFY_WITH_TIMEOUT(bert.listener->isListening(), timeoutMs);
    // The catch-up. The new process may wake the socket as well before it is open: its first look wakes every
    // socket, and a look repeated while parallel tests hold the cluster's horizon back wakes Bert for Anna's case
    // of the test before.
    QVERIFY(!moved.isEmpty());

    const QUuid caseId = annaCreatesACase(QStringLiteral("Bewohnerparkausweis, nach dem Neustart"));
    QVERIFY(!caseId.isNull());
    // A sync of Bert's that met the server still starting is retried at once instead of after its backoff.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            if (bert.engine->state() == SyncEngine::State::WaitingToRetry)
                bert.retry.fire();
            return bert.hasConfirmed(caseId);
        }(),
        timeoutMs);
    QVERIFY(moved.size() >= 2);
}

void TestLiveListener::aRefusedTokenIsRefreshed()
{
    Client &bert = *m_bert;
    // The stored access token is one the server never issued (as after the server rotated its signing key); the
    // refresh token still holds.
    SessionTokens tokens = *bert.tokens.tokens();
    tokens.accessToken = QStringLiteral("not-a-token");
    QVERIFY(bert.tokens.store(tokens));
    QSignalSpy refreshed(bert.api.get(), &ServerApi::tokensRefreshed);
    bert.listener->start();
    // Refused, the listener starts a pull, which refreshes the token; with the new one it is accepted.
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(bert.listener->isListening(), timeoutMs);
    QVERIFY(bert.tokens.tokens()->accessToken != tokens.accessToken);

    const QUuid caseId = annaCreatesACase(QStringLiteral("Bewohnerparkausweis, mit neuem Token"));
    QVERIFY(!caseId.isNull());
    QTRY_VERIFY_WITH_TIMEOUT(bert.hasConfirmed(caseId), timeoutMs);
}

QTEST_GUILESS_MAIN(TestLiveListener)
#include "tst_livelistener.moc"
