// The WebSocket live channel on a real QHttpServer (in this process) and PostgreSQL: sockets that do not
// authenticate in time or with a bad token are closed, an authenticated one hears {"cursorMoved": true} after a
// NOTIFY sent on another connection, and it is closed when its login session ends.
#include "core/Uuid.h"
#include "server/ChangeListener.h"
#include "server/LiveChannel.h"
#include "server/ServerDatabase.h"
#include "server/SessionStore.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QWebSocket>

#include <memory>
#include <optional>

#include "HttpClient.h"
#include "PostgresTestDatabase.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::server;
using namespace casedesk::test;

namespace {

constexpr int timeoutMs = 15000;

} // namespace

class TestLiveChannel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refused_data();
    void refused();
    void notificationReachesSocket();
    void endedSessionCloses();
    void plainRequestIsRefused();

private:
    // A socket connected to the server, not yet authenticated.
    std::unique_ptr<QWebSocket> connectSocket();
    QString accessToken(QUuid *sessionId = nullptr);
    QString exec(const QString &sql);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::optional<ServerDatabase> m_database;
    std::shared_ptr<ChangeListener> m_listener;
    std::unique_ptr<QHttpServer> m_http;
    std::unique_ptr<LiveChannel> m_channel;
    quint16 m_port = 0;
};

void TestLiveChannel::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const QString problem = TestUsers(m_pg->connectionString()).setUp({QStringLiteral("anna")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_database = ServerDatabase::fromConnectionString(m_pg->connectionString()).value();
    m_listener = std::make_shared<ChangeListener>(m_database.value());
    QTRY_VERIFY_WITH_TIMEOUT(m_listener->isListening(), timeoutMs);
    LiveChannelOptions options;
    options.authenticationTimeoutMs = 300;
    options.sessionCheckMs = 200;
    m_channel = std::make_unique<LiveChannel>(m_database.value(), TokenLifetimes{}, m_listener, options);
    m_http = std::make_unique<QHttpServer>();
    m_channel->attach(*m_http);
    m_port = m_http->listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

void TestLiveChannel::cleanupTestCase()
{
    m_http.reset();
    m_channel.reset();
    m_listener.reset();
    if (m_database)
        m_database->closeConnection();
    m_pg.reset();
}

QString TestLiveChannel::exec(const QString &sql)
{
    QSqlQuery query(m_database->connection().value());
    if (!query.exec(sql))
        return query.lastError().text();
    return query.next() ? query.value(0).toString() : QString();
}

QString TestLiveChannel::accessToken(QUuid *sessionId)
{
    const QUuid userId = uuidFromString(exec(QStringLiteral("SELECT id::text FROM users WHERE login = 'anna'")));
    const Result<IssuedTokens> tokens =
        SessionStore(m_database->connection().value(), TokenLifetimes{}).start(userId, createUuidV7());
    if (!tokens)
        return {};
    if (sessionId)
        *sessionId = tokens->sessionId;
    return QString::fromLatin1(tokens->accessToken);
}

std::unique_ptr<QWebSocket> TestLiveChannel::connectSocket()
{
    auto socket = std::make_unique<QWebSocket>();
    QSignalSpy connected(socket.get(), &QWebSocket::connected);
    socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/sync/live").arg(m_port)));
    if (!connected.wait(timeoutMs))
        return nullptr;
    return socket;
}

void TestLiveChannel::refused_data()
{
    QTest::addColumn<QString>("firstMessage"); // null: none at all
    QTest::newRow("nothing in time") << QString();
    QTest::newRow("unknown token") << QStringLiteral("{\"accessToken\": \"not-a-token\"}");
    QTest::newRow("no token") << QStringLiteral("{\"cursor\": \"x\"}");
    QTest::newRow("not JSON") << QStringLiteral("hello");
}

void TestLiveChannel::refused()
{
    QFETCH(QString, firstMessage);
    const std::unique_ptr<QWebSocket> socket = connectSocket();
    QVERIFY(socket);
    QSignalSpy disconnected(socket.get(), &QWebSocket::disconnected);
    QSignalSpy messages(socket.get(), &QWebSocket::textMessageReceived);
    if (!firstMessage.isNull())
        socket->sendTextMessage(firstMessage);
    QVERIFY(disconnected.wait(timeoutMs));
    QCOMPARE(socket->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QCOMPARE(messages.count(), 0);
    QCOMPARE(m_channel->authenticatedCount(), 0);
}

void TestLiveChannel::notificationReachesSocket()
{
    const std::unique_ptr<QWebSocket> socket = connectSocket();
    QVERIFY(socket);
    QSignalSpy messages(socket.get(), &QWebSocket::textMessageReceived);
    const QString token = accessToken();
    QVERIFY(!token.isEmpty());
    socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("accessToken"), token}}).toJson()));
    QTRY_COMPARE_WITH_TIMEOUT(m_channel->authenticatedCount(), 1, timeoutMs);
    QCOMPARE(messages.count(), 0); // authenticated past the deadline of the first message: still open
    QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);

    // The NOTIFY a command's transaction sends, here from another connection of another "process".
    const ServerDatabase other = ServerDatabase::fromConnectionString(m_pg->connectionString()).value();
    {
        QSqlQuery query(other.connection().value());
        QVERIFY2(query.exec(QStringLiteral("SELECT pg_notify('casedesk_changes', '1')")),
                 qPrintable(query.lastError().text()));
    }
    other.closeConnection();
    QTRY_COMPARE_WITH_TIMEOUT(messages.count(), 1, timeoutMs);
    QCOMPARE(QJsonDocument::fromJson(messages.at(0).at(0).toString().toUtf8()).object(),
             (QJsonObject{{QStringLiteral("cursorMoved"), true}}));
    socket->close();
    QTRY_COMPARE_WITH_TIMEOUT(m_channel->authenticatedCount(), 0, timeoutMs);
}

void TestLiveChannel::endedSessionCloses()
{
    const std::unique_ptr<QWebSocket> socket = connectSocket();
    QVERIFY(socket);
    QUuid sessionId;
    const QString token = accessToken(&sessionId);
    socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("accessToken"), token}}).toJson()));
    QTRY_COMPARE_WITH_TIMEOUT(m_channel->authenticatedCount(), 1, timeoutMs);
    QSignalSpy disconnected(socket.get(), &QWebSocket::disconnected);
    QVERIFY(SessionStore(m_database->connection().value(), TokenLifetimes{}).end(sessionId));
    QVERIFY(disconnected.count() > 0 || disconnected.wait(timeoutMs));
    QCOMPARE(socket->closeCode(), QWebSocketProtocol::CloseCodeNormal);
    QCOMPARE(m_channel->authenticatedCount(), 0);
}

void TestLiveChannel::plainRequestIsRefused()
{
    HttpClient http;
    const HttpReply reply =
        http.get(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(QLatin1String(LiveChannel::Path))));
    QCOMPARE(reply.status, 426);
    QCOMPARE(reply.errorCode(), QStringLiteral("websocket_only"));
}

QTEST_GUILESS_MAIN(TestLiveChannel)
#include "tst_livechannel.moc"
