// `casedesk-server serve` as a process: its command line, refusals (no TLS on a non-loopback address, an
// unmigrated database, a port in use), HTTPS with a certificate made here, and bad requests that must get a
// clear 4xx (never a 500 or a crash); a database that goes away gives 503 with Retry-After.
#include "core/Uuid.h"
#include "mock/TestSupport.h"
#include "server/HttpApiServer.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
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

QByteArray loginBody(const QString &login, const QString &password)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("login"), login},
                                     {QStringLiteral("password"), password},
                                     {QStringLiteral("clientId"), uuidToString(createUuidV7())}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestHttpServe : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void help();
    void usageErrors_data();
    void usageErrors();
    void refusesNonLoopbackWithoutTls_data();
    void refusesNonLoopbackWithoutTls();
    void refusesUnmigratedDatabase();
    void portInUse();
    void unreadableTlsFiles();
    void servesHttps();
    void badRequests_data();
    void badRequests();
    void bodyLimit();
    void databaseGoneIsUnavailable();
    void clientsThatHangUpBeforeTheAnswer();

private:
    CommandRun serve(const QStringList &arguments, const QString &connectionString = {});

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
};

void TestHttpServe::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const QString problem = TestUsers(m_pg->connectionString()).setUp({QStringLiteral("anna")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_server = std::make_unique<ServerProcess>(m_pg->connectionString());
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestHttpServe::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
    m_server.reset();
    m_pg.reset();
}

CommandRun TestHttpServe::serve(const QStringList &arguments, const QString &connectionString)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CASEDESK_CONFIG"), QStringLiteral("/nonexistent/casedesk-server.conf"));
    if (connectionString.isEmpty())
        environment.remove(QStringLiteral("CASEDESK_DB"));
    else
        environment.insert(QStringLiteral("CASEDESK_DB"), connectionString);
    return runServerCommand(QStringList{QStringLiteral("serve")} + arguments, {}, environment);
}

void TestHttpServe::help()
{
    const CommandRun result = serve({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QLatin1String("usage: casedesk-server serve --listen HOST:PORT")),
             qPrintable(result.out));
    const CommandRun top = runServerCommand({QStringLiteral("--help")});
    QVERIFY2(top.out.contains(QLatin1String("serve")), qPrintable(top.out));
}

void TestHttpServe::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");

    const QString listen = QStringLiteral("--listen");
    const QString local = QStringLiteral("127.0.0.1:0");
    QTest::newRow("no --listen") << QStringList{};
    QTest::newRow("no port") << QStringList{listen, QStringLiteral("127.0.0.1")};
    QTest::newRow("port too large") << QStringList{listen, QStringLiteral("127.0.0.1:70000")};
    QTest::newRow("host name") << QStringList{listen, QStringLiteral("example.org:80")};
    QTest::newRow("certificate without key")
        << QStringList{listen, local, QStringLiteral("--tls-cert"), QStringLiteral("cert.pem")};
    QTest::newRow("bad trusted proxy") << QStringList{listen, local, QStringLiteral("--trusted-proxy"),
                                                      QStringLiteral("proxy.example")};
    QTest::newRow("zero threads") << QStringList{listen, local, QStringLiteral("--threads"), QStringLiteral("0")};
    QTest::newRow("bad lifetime") << QStringList{listen, local, QStringLiteral("--access-token-lifetime"),
                                                 QStringLiteral("ten")};
    QTest::newRow("login block too long")
        << QStringList{listen, local, QStringLiteral("--login-block-seconds"), QStringLiteral("901")};
    QTest::newRow("login block zero") << QStringList{listen, local, QStringLiteral("--login-block-seconds"),
                                                     QStringLiteral("0")};
    QTest::newRow("positional argument") << QStringList{listen, local, QStringLiteral("now")};
    QTest::newRow("unknown option") << QStringList{listen, local, QStringLiteral("--database=x")};
}

void TestHttpServe::usageErrors()
{
    QFETCH(QStringList, arguments);

    const CommandRun result = serve(arguments, m_pg->connectionString());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QLatin1String("usage: casedesk-server serve")), qPrintable(result.err));
    QVERIFY(!result.out.contains(QLatin1String("listening")));
}

void TestHttpServe::refusesNonLoopbackWithoutTls_data()
{
    QTest::addColumn<QString>("listen");

    QTest::newRow("IPv4 any") << "0.0.0.0:0";
    QTest::newRow("IPv6 any") << "[::]:0";
    QTest::newRow("an interface") << "192.0.2.10:8443";
}

void TestHttpServe::refusesNonLoopbackWithoutTls()
{
    QFETCH(QString, listen);

    const CommandRun result = serve({QStringLiteral("--listen"), listen}, m_pg->connectionString());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QLatin1String("without TLS")), qPrintable(result.err));
    QVERIFY(!result.out.contains(QLatin1String("listening")));
}

void TestHttpServe::refusesUnmigratedDatabase()
{
    PostgresTestDatabase empty;
    QVERIFY2(empty.isValid(), qPrintable(empty.errorString()));
    const CommandRun result =
        serve({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}, empty.connectionString());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("casedesk-server migrate")), qPrintable(result.err));
}

void TestHttpServe::portInUse()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(occupant.serverPort());
    const CommandRun result = serve({QStringLiteral("--listen"), listen}, m_pg->connectionString());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("Cannot listen on 127.0.0.1 port")), qPrintable(result.err));
    QVERIFY(!result.out.contains(QLatin1String("listening")));
}

void TestHttpServe::unreadableTlsFiles()
{
    const CommandRun result = serve({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                     QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent/cert.pem"),
                                     QStringLiteral("--tls-key"), QStringLiteral("/nonexistent/key.pem")},
                                    m_pg->connectionString());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("/nonexistent/cert.pem")), qPrintable(result.err));
}

void TestHttpServe::servesHttps()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString certificate = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate, QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0, openssl.readAllStandardError().constData());

    // With TLS, a non-loopback address is accepted.
    ServerProcess secure(m_pg->connectionString(),
                         {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"), QStringLiteral("--tls-cert"),
                          certificate, QStringLiteral("--tls-key"), key});
    QVERIFY2(secure.start(), qPrintable(secure.errorString()));

    // The client trusts exactly this certificate and checks the host name against it.
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromPath(certificate));
    HttpClient client;
    client.setSslConfiguration(configuration);
    const HttpReply reply =
        client.post(secure.url(loginPath, true), loginBody(QStringLiteral("anna"), TestUsers::password()));
    QVERIFY2(reply.status == 200, qPrintable(reply.networkError + QString::fromUtf8(reply.body)));
    QCOMPARE(reply.json.value(QStringLiteral("accessToken")).toString().size(), 43);
    // Plain HTTP on the TLS port gets no answer; a client that does not trust the certificate gets none either.
    QCOMPARE(m_http.post(secure.url(loginPath), loginBody(QStringLiteral("anna"), TestUsers::password())).status, 0);
    const HttpReply untrusted =
        m_http.post(secure.url(loginPath, true), loginBody(QStringLiteral("anna"), TestUsers::password()));
    QCOMPARE(untrusted.status, 0);
    QVERIFY(!untrusted.networkError.isEmpty());
    QCOMPARE(secure.stop(), 0);
}

void TestHttpServe::badRequests_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QByteArray post = QByteArrayLiteral("POST");
    const QString login = loginPath;
    const QString refresh = QStringLiteral("/api/v1/auth/refresh");
    const QString id = uuidToString(createUuidV7());
    const auto loginJson = [&id](const QByteArray &fields) {
        return QByteArrayLiteral("{") + fields + QByteArrayLiteral(", \"clientId\": \"") + id.toLatin1() + "\"}";
    };

    QTest::newRow("not JSON") << post << login << QByteArrayLiteral("{login: anna") << 400 << "malformed_json";
    QTest::newRow("empty body") << post << login << QByteArray() << 400 << "malformed_json";
    QTest::newRow("array") << post << login << QByteArrayLiteral("[1, 2]") << 400 << "malformed_json";
    QTest::newRow("string") << post << login << QByteArrayLiteral("\"anna\"") << 400 << "malformed_json";
    QTest::newRow("invalid UTF-8") << post << login << QByteArrayLiteral("{\"login\": \"\xff\xfe\"}") << 400
                                   << "malformed_json";
    QTest::newRow("nested too deep") << post << login << QByteArray(5000, '[') << 400 << "malformed_json";
    QTest::newRow("login a number") << post << login << loginJson("\"login\": 5, \"password\": \"x\"") << 400
                                    << "invalid_field";
    QTest::newRow("password null") << post << login << loginJson("\"login\": \"anna\", \"password\": null") << 400
                                   << "invalid_field";
    QTest::newRow("password an object") << post << login << loginJson("\"login\": \"anna\", \"password\": {}") << 400
                                        << "invalid_field";
    QTest::newRow("login empty") << post << login << loginJson("\"login\": \"\", \"password\": \"x\"") << 400
                                 << "invalid_field";
    QTest::newRow("login too long") << post << login
                                    << loginJson("\"login\": \"" + QByteArray(300, 'a') + "\", \"password\": \"x\"")
                                    << 400 << "invalid_field";
    QTest::newRow("clientId not a UUID") << post << login
                                         << QByteArrayLiteral("{\"login\": \"anna\", \"password\": \"x\", "
                                                              "\"clientId\": \"client-1\"}")
                                         << 400 << "invalid_field";
    QTest::newRow("clientId missing") << post << login
                                      << QByteArrayLiteral("{\"login\": \"anna\", \"password\": \"x\"}") << 400
                                      << "invalid_field";
    QTest::newRow("refresh token a number")
        << post << refresh << QByteArrayLiteral("{\"refreshToken\": 12}") << 400 << "invalid_field";
    QTest::newRow("refresh token garbage")
        << post << refresh << QByteArrayLiteral("{\"refreshToken\": \"x\"}") << 401 << "invalid_token";
    QTest::newRow("unknown route") << QByteArrayLiteral("GET") << "/api/v1/nothing" << QByteArray() << 404
                                   << "not_found";
    QTest::newRow("root") << QByteArrayLiteral("GET") << "/" << QByteArray() << 404 << "not_found";
    QTest::newRow("below a route") << QByteArrayLiteral("GET") << "/api/v1/me/more" << QByteArray() << 404
                                   << "not_found";
    QTest::newRow("wrong method") << QByteArrayLiteral("GET") << login << QByteArray() << 405 << "method_not_allowed";
    QTest::newRow("post to me") << post << "/api/v1/me" << QByteArrayLiteral("{}") << 405 << "method_not_allowed";
    QTest::newRow("16 MiB body") << post << login << QByteArray(16 * 1024 * 1024, ' ') << 413 << "body_too_large";
}

void TestHttpServe::badRequests()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);

    const HttpReply reply = m_http.send(verb, m_server->url(path), body, {});
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
    QVERIFY(
        !reply.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
    QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/json"));
    // The server is still there and answers properly.
    QCOMPARE(m_http.post(m_server->url(loginPath), loginBody(QStringLiteral("anna"), TestUsers::password())).status,
             200);
}

void TestHttpServe::bodyLimit()
{
    // A body of exactly the limit is read (and found wanting); one byte more is refused before parsing.
    const qint64 limit = server::HttpApiServer::DefaultBodyLimit;
    QByteArray atLimit = QByteArrayLiteral("{\"padding\": \"");
    atLimit += QByteArray(limit - atLimit.size() - 2, 'x') + QByteArrayLiteral("\"}");
    QCOMPARE(atLimit.size(), limit);
    const HttpReply read = m_http.post(m_server->url(loginPath), atLimit);
    QCOMPARE(read.status, 400);
    QCOMPARE(read.errorCode(), QStringLiteral("invalid_field"));
    const HttpReply refused = m_http.post(m_server->url(loginPath), atLimit + ' ');
    QCOMPARE(refused.status, 413);
    QCOMPARE(refused.errorCode(), QStringLiteral("body_too_large"));
}

void TestHttpServe::databaseGoneIsUnavailable()
{
    auto doomed = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(doomed->isValid(), qPrintable(doomed->errorString()));
    QVERIFY(TestUsers(doomed->connectionString()).setUp({QStringLiteral("anna")}).isEmpty());
    ServerProcess server(doomed->connectionString());
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QCOMPARE(m_http.post(server.url(loginPath), loginBody(QStringLiteral("anna"), TestUsers::password())).status, 200);

    doomed.reset();                                 // drops the database, ending the server's connections
    for (int attempt = 0; attempt < 2; ++attempt) { // a broken connection, then a failed reconnect
        const HttpReply reply =
            m_http.post(server.url(loginPath), loginBody(QStringLiteral("anna"), TestUsers::password()));
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.errorCode(), QStringLiteral("unavailable"));
        QVERIFY(reply.header("Retry-After").toInt() > 0);
    }
    QCOMPARE(server.stop(), 0);
}

// A login takes the server a while (Argon2id); clients that give up before the answer must not take it down
// (QtHttpServer 6.4 wrote a late answer to the deleted socket).
void TestHttpServe::clientsThatHangUpBeforeTheAnswer()
{
    const QByteArray body = loginBody(QStringLiteral("anna"), TestUsers::password());
    const QByteArray request = QByteArrayLiteral("POST ") + loginPath.toLatin1() +
                               QByteArrayLiteral(" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                                 "Content-Length: ") +
                               QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n") + body;
    // Some hang up hard, some say goodbye; all while their logins run.
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 8; ++i) {
        auto client = std::make_unique<QTcpSocket>();
        client->connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(client->waitForConnected(30000));
        client->write(request);
        QVERIFY(client->waitForBytesWritten(30000));
        clients.push_back(std::move(client));
    }
    for (std::size_t i = 0; i < clients.size(); ++i) {
        if (i % 2 == 0)
            clients[i]->abort();
        else
            clients[i]->disconnectFromHost();
    }
    // Still there, and answering.
    QCOMPARE(m_http.post(m_server->url(loginPath), body).status, 200);
    QVERIFY(m_server->isRunning());
}

QTEST_GUILESS_MAIN(TestHttpServe)
#include "tst_httpserve.moc"
