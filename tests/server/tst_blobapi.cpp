// Blobs over HTTP against two real casedesk-server processes on one PostgreSQL database: chunked and resumed
// uploads, wrong offsets, hash mismatches, size limits, ranged downloads, and who may see a blob (uploader,
// readers of a case it is attached to, nobody else; the mailroom files but does not read).
#include "core/Uuid.h"
#include "mock/TestSupport.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

#include "HttpClient.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::test;

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 defaultMaxBlobSize = 100 * MiB; // BlobLimits' documented defaults
constexpr qint64 defaultMaxRequestSize = 8 * MiB;

QByteArray hexSha(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

QByteArray contentRange(qint64 first, qint64 last, qint64 total)
{
    return QByteArrayLiteral("bytes ") + QByteArray::number(first) + '-' + QByteArray::number(last) + '/' +
           QByteArray::number(total);
}

} // namespace

class TestBlobApi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void uploadInChunksAcrossProcesses();
    void resumeAfterInterruptedUpload();
    void wrongOffset_data();
    void wrongOffset();
    void hashMismatchDiscardsUpload();
    void oversized_data();
    void oversized();
    void configuredBlobLimit();
    void malformedRequests_data();
    void malformedRequests();
    void emptyBlob();
    void rangedDownload_data();
    void rangedDownload();
    void invalidRange_data();
    void invalidRange();
    void visibility();
    void sameContentFromTwoUsers();
    void withoutToken();

private:
    QByteArray randomBytes(qint64 size);
    QUrl blobUrl(const ServerProcess &server, const QByteArray &sha) const;
    HttpReply put(const ServerProcess &server, const QString &user, const QByteArray &sha, const QByteArray &body,
                  const QByteArray &range = {});
    HttpReply head(const ServerProcess &server, const QString &user, const QByteArray &sha);
    HttpReply get(const ServerProcess &server, const QString &user, const QByteArray &sha,
                  const QByteArray &range = {});
    // Uploads `content` in pieces of `piece` bytes; false with a message on the first failure.
    bool upload(const QString &user, const QByteArray &content, qint64 piece = 3 * MiB / 2);
    QString sql(const QString &statement);
    QUuid teamId(const QString &code);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    std::unique_ptr<server::ServerDatabase> m_db;
    QHash<QString, QString> m_tokens; // login -> access token
    HttpClient m_http;
    QRandomGenerator m_random;
};

void TestBlobApi::initTestCase()
{
    m_random.seed(testSeed());
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    // anna, bert, emil: clerks of 32.1; carl: clerk of 51.2; post: mailroom.
    const QString problem = TestUsers(m_pg->connectionString())
                                .setUp({QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("emil")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    Result<server::ServerDatabase> database = server::ServerDatabase::fromConnectionString(m_pg->connectionString());
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_db = std::make_unique<server::ServerDatabase>(database.value());
    {
        const Result<QSqlDatabase> db = m_db->connection();
        QVERIFY(db);
        server::UserDirectory users(db.value());
        QVERIFY(users.addTeam(QStringLiteral("51.2"), QStringLiteral("Grünflächen"), QStringLiteral("51.20")));
        QVERIFY(users.addUser({QStringLiteral("carl"), QStringLiteral("Carl"), {Role::Clerk}, {QStringLiteral("51.2")}},
                              TestUsers::password()));
        QVERIFY(users.addUser({QStringLiteral("post"), QStringLiteral("Post"), {Role::Mailroom}, {}},
                              TestUsers::password()));
    }

    QString started;
    QVERIFY2(startServerPair(m_pg->connectionString(), &m_a, &m_b, &started), qPrintable(started));
    for (const char *login : {"anna", "bert", "emil", "carl", "post"}) {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("login"), QLatin1String(login)},
                                                          {QStringLiteral("password"), TestUsers::password()},
                                                          {QStringLiteral("clientId"), uuidToString(createUuidV7())}})
                                    .toJson(QJsonDocument::Compact);
        const HttpReply reply = m_http.post(m_a->url(QStringLiteral("/api/v1/auth/login")), body);
        QCOMPARE(reply.status, 200);
        m_tokens.insert(QLatin1String(login), reply.json.value(QStringLiteral("accessToken")).toString());
    }
}

void TestBlobApi::cleanupTestCase()
{
    QVERIFY(stopServerPair(&m_a, &m_b)); // a clean stop on SIGTERM: exit code 0
    if (m_db)
        m_db->closeConnection();
    m_db.reset();
    m_pg.reset();
}

QByteArray TestBlobApi::randomBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(m_random.bounded(256));
    return bytes;
}

QUrl TestBlobApi::blobUrl(const ServerProcess &server, const QByteArray &sha) const
{
    return server.url(QStringLiteral("/api/v1/blobs/") + QString::fromLatin1(sha));
}

HttpReply TestBlobApi::put(const ServerProcess &server, const QString &user, const QByteArray &sha,
                           const QByteArray &body, const QByteArray &range)
{
    HttpHeaders headers = HttpClient::bearer(m_tokens.value(user));
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/octet-stream")});
    if (!range.isEmpty())
        headers.append({QByteArrayLiteral("Content-Range"), range});
    return m_http.send(QByteArrayLiteral("PUT"), blobUrl(server, sha), body, headers);
}

HttpReply TestBlobApi::head(const ServerProcess &server, const QString &user, const QByteArray &sha)
{
    return m_http.send(QByteArrayLiteral("HEAD"), blobUrl(server, sha), {}, HttpClient::bearer(m_tokens.value(user)));
}

HttpReply TestBlobApi::get(const ServerProcess &server, const QString &user, const QByteArray &sha,
                           const QByteArray &range)
{
    HttpHeaders headers = HttpClient::bearer(m_tokens.value(user));
    if (!range.isEmpty())
        headers.append({QByteArrayLiteral("Range"), range});
    return m_http.get(blobUrl(server, sha), headers);
}

bool TestBlobApi::upload(const QString &user, const QByteArray &content, qint64 piece)
{
    const QByteArray sha = hexSha(content);
    for (qint64 offset = 0; offset < content.size(); offset += piece) {
        const qint64 last = std::min<qint64>(offset + piece, content.size()) - 1;
        const HttpReply reply =
            put(*m_a, user, sha, content.mid(offset, last - offset + 1), contentRange(offset, last, content.size()));
        if (reply.status != 200) {
            qWarning() << "upload at" << offset << "answered" << reply.status << reply.body;
            return false;
        }
    }
    return true;
}

QString TestBlobApi::sql(const QString &statement)
{
    const Result<QSqlDatabase> db = m_db->connection();
    if (!db)
        return db.error().toString();
    QSqlQuery query(db.value());
    return query.exec(statement) ? QString() : query.lastError().text();
}

QUuid TestBlobApi::teamId(const QString &code)
{
    const Result<QSqlDatabase> db = m_db->connection();
    if (!db)
        return {};
    const Result<QList<Team>> teams = server::UserDirectory(db.value()).teams();
    for (const Team &team : teams ? teams.value() : QList<Team>()) {
        if (team.code == code)
            return team.id;
    }
    return {};
}

void TestBlobApi::uploadInChunksAcrossProcesses()
{
    // Pieces of 1.5 MiB, alternating between the two processes; the last piece is short.
    const QByteArray content = randomBytes(4 * MiB + 123);
    const QByteArray sha = hexSha(content);
    const qint64 piece = 3 * MiB / 2;
    int index = 0;
    for (qint64 offset = 0; offset < content.size(); offset += piece, ++index) {
        const qint64 last = std::min<qint64>(offset + piece, content.size()) - 1;
        const ServerProcess &server = index % 2 == 0 ? *m_a : *m_b;
        const HttpReply reply = put(server, QStringLiteral("anna"), sha, content.mid(offset, last - offset + 1),
                                    contentRange(offset, last, content.size()));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QStringLiteral("received")).toInteger(), last + 1);
        QCOMPARE(reply.json.value(QStringLiteral("size")).toInteger(), content.size());
        QCOMPARE(reply.json.value(QStringLiteral("complete")).toBool(), last + 1 == content.size());
        QCOMPARE(reply.json.value(QStringLiteral("sha256")).toString(), QString::fromLatin1(sha));
        QCOMPARE(reply.header("Upload-Offset"), QByteArray::number(last + 1));
    }
    for (ServerProcess *server : {m_a.get(), m_b.get()}) {
        const HttpReply whole = get(*server, QStringLiteral("anna"), sha);
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.body.size(), content.size());
        QVERIFY(whole.body == content);
        QCOMPARE(whole.header("ETag"), '"' + sha + '"');
        const HttpReply status = head(*server, QStringLiteral("anna"), sha);
        QCOMPARE(status.status, 200);
        QCOMPARE(status.header("Upload-Offset"), QByteArray::number(content.size()));
        QCOMPARE(status.header("Upload-Length"), QByteArray::number(content.size()));
    }
    // A complete blob accepts no more data and says so.
    const HttpReply again =
        put(*m_b, QStringLiteral("anna"), sha, content.left(10), contentRange(0, 9, content.size()));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json.value(QStringLiteral("complete")).toBool(), true);
}

void TestBlobApi::resumeAfterInterruptedUpload()
{
    const QByteArray content = randomBytes(2 * MiB + 777);
    const QByteArray sha = hexSha(content);
    const qint64 sent = MiB + 5;
    QCOMPARE(
        put(*m_a, QStringLiteral("bert"), sha, content.left(sent), contentRange(0, sent - 1, content.size())).status,
        200);
    // The client lost track (crash, network gone); it asks the other process where to go on.
    const HttpReply status = head(*m_b, QStringLiteral("bert"), sha);
    QCOMPARE(status.status, 200);
    QVERIFY(status.body.isEmpty());
    QCOMPARE(status.header("Upload-Offset").toLongLong(), sent);
    QCOMPARE(status.header("Upload-Length").toLongLong(), content.size());
    const qint64 offset = status.header("Upload-Offset").toLongLong();
    // Not downloadable before it is complete.
    QCOMPARE(get(*m_a, QStringLiteral("bert"), sha).status, 409);
    const HttpReply rest = put(*m_b, QStringLiteral("bert"), sha, content.mid(offset),
                               contentRange(offset, content.size() - 1, content.size()));
    QCOMPARE(rest.status, 200);
    QCOMPARE(rest.json.value(QStringLiteral("complete")).toBool(), true);
    const HttpReply whole = get(*m_a, QStringLiteral("bert"), sha);
    QCOMPARE(whole.status, 200);
    QVERIFY(whole.body == content);
}

void TestBlobApi::wrongOffset_data()
{
    QTest::addColumn<qint64>("start");
    QTest::newRow("from the start again") << qint64(0);
    QTest::newRow("behind") << qint64(500);
    QTest::newRow("ahead, leaving a gap") << qint64(1500);
}

void TestBlobApi::wrongOffset()
{
    QFETCH(qint64, start);
    const QByteArray content = randomBytes(4000);
    const QByteArray sha = hexSha(content);
    const qint64 stored = 1000;
    QCOMPARE(put(*m_a, QStringLiteral("emil"), sha, content.left(stored), contentRange(0, stored - 1, content.size()))
                 .status,
             200);
    const HttpReply wrong = put(*m_b, QStringLiteral("emil"), sha, content.mid(start, 100),
                                contentRange(start, start + 99, content.size()));
    QCOMPARE(wrong.status, 409);
    QCOMPARE(wrong.errorCode(), QStringLiteral("offset_mismatch"));
    QCOMPARE(wrong.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("received")).toInteger(),
             stored);
    QCOMPARE(wrong.header("Upload-Offset").toLongLong(), stored);
    // Nothing of the refused request was stored: the upload goes on from where it was and verifies.
    QCOMPARE(head(*m_a, QStringLiteral("emil"), sha).header("Upload-Offset").toLongLong(), stored);
    const HttpReply rest = put(*m_a, QStringLiteral("emil"), sha, content.mid(stored),
                               contentRange(stored, content.size() - 1, content.size()));
    QCOMPARE(rest.status, 200);
    QCOMPARE(rest.json.value(QStringLiteral("complete")).toBool(), true);
    QVERIFY(get(*m_a, QStringLiteral("emil"), sha).body == content);
}

void TestBlobApi::hashMismatchDiscardsUpload()
{
    const QByteArray content = randomBytes(3000);
    const QByteArray sha = hexSha(content);
    QByteArray corrupted = content;
    corrupted[2500] = char(corrupted.at(2500) ^ 0x01);
    QCOMPARE(put(*m_a, QStringLiteral("anna"), sha, corrupted.left(2000), contentRange(0, 1999, 3000)).status, 200);
    const HttpReply last = put(*m_a, QStringLiteral("anna"), sha, corrupted.mid(2000), contentRange(2000, 2999, 3000));
    QCOMPARE(last.status, 422);
    QCOMPARE(last.errorCode(), QStringLiteral("hash_mismatch"));
    // Discarded: nothing to resume, nothing to download.
    QCOMPARE(head(*m_a, QStringLiteral("anna"), sha).status, 404);
    QCOMPARE(get(*m_b, QStringLiteral("anna"), sha).status, 404);
    // The right bytes, from offset 0, are accepted.
    QVERIFY(upload(QStringLiteral("anna"), content, 1000));
    QVERIFY(get(*m_b, QStringLiteral("anna"), sha).body == content);
}

void TestBlobApi::oversized_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("bodySize");
    QTest::addColumn<QString>("code");
    QTest::newRow("blob over the limit") << defaultMaxBlobSize + 1 << qint64(1000) << "blob_too_large";
    QTest::newRow("request over the limit") << 20 * MiB << defaultMaxRequestSize + 1 << "body_too_large";
}

void TestBlobApi::oversized()
{
    QFETCH(qint64, total);
    QFETCH(qint64, bodySize);
    QFETCH(QString, code);
    const QByteArray body = randomBytes(bodySize);
    const QByteArray sha = hexSha(body); // any name: nothing may be stored
    const HttpReply reply = put(*m_a, QStringLiteral("anna"), sha, body, contentRange(0, bodySize - 1, total));
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.errorCode(), code);
    QCOMPARE(head(*m_a, QStringLiteral("anna"), sha).status, 404);
}

void TestBlobApi::configuredBlobLimit()
{
    ServerProcess small(m_pg->connectionString(), {QStringLiteral("--max-blob-mib"), QStringLiteral("1")});
    QVERIFY2(small.start(), qPrintable(small.errorString()));
    const QByteArray body = randomBytes(10);
    const HttpReply atLimit = put(small, QStringLiteral("emil"), hexSha(body), body, contentRange(0, 9, MiB));
    QCOMPARE(atLimit.status, 200);
    const HttpReply overLimit = put(small, QStringLiteral("emil"), hexSha(body), body, contentRange(0, 9, MiB + 1));
    QCOMPARE(overLimit.status, 413);
    QCOMPARE(overLimit.errorCode(), QStringLiteral("blob_too_large"));
    QCOMPARE(small.stop(), 0);
}

void TestBlobApi::malformedRequests_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("range"); // Content-Range of a PUT with a 10-byte body
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QByteArray good = hexSha("0123456789");
    const QByteArray bytes = QByteArrayLiteral("bytes 0-9/10");
    QTest::newRow("63 digits") << QByteArrayLiteral("GET") << good.left(63) << QByteArray() << 400 << "invalid_sha256";
    QTest::newRow("65 digits") << QByteArrayLiteral("GET") << good + 'a' << QByteArray() << 400 << "invalid_sha256";
    QTest::newRow("not hex") << QByteArrayLiteral("PUT") << QByteArray(good.left(63) + 'g') << bytes << 400
                             << "invalid_sha256";
    QTest::newRow("HEAD not hex") << QByteArrayLiteral("HEAD") << QByteArray(64, 'x') << QByteArray() << 400 << "";
    QTest::newRow("range longer than body")
        << QByteArrayLiteral("PUT") << good << QByteArrayLiteral("bytes 0-19/20") << 400 << "invalid_content_range";
    QTest::newRow("end beyond total") << QByteArrayLiteral("PUT") << good << QByteArrayLiteral("bytes 0-9/5") << 400
                                      << "invalid_content_range";
    QTest::newRow("not bytes") << QByteArrayLiteral("PUT") << good << QByteArrayLiteral("items 0-9/10") << 400
                               << "invalid_content_range";
    QTest::newRow("unknown total") << QByteArrayLiteral("PUT") << good << QByteArrayLiteral("bytes 0-9/*") << 400
                                   << "invalid_content_range";
    QTest::newRow("other method") << QByteArrayLiteral("DELETE") << good << QByteArray() << 405 << "method_not_allowed";
}

void TestBlobApi::malformedRequests()
{
    QFETCH(QByteArray, verb);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, range);
    QFETCH(int, status);
    QFETCH(QString, code);
    HttpHeaders headers = HttpClient::bearer(m_tokens.value(QStringLiteral("anna")));
    if (!range.isEmpty())
        headers.append({QByteArrayLiteral("Content-Range"), range});
    const QByteArray body = verb == "PUT" ? QByteArrayLiteral("0123456789") : QByteArray();
    const HttpReply reply = m_http.send(verb, blobUrl(*m_a, name), body, headers);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
    if (verb == "HEAD")
        QVERIFY(reply.body.isEmpty());
}

void TestBlobApi::emptyBlob()
{
    const QByteArray sha = hexSha({});
    const HttpReply stored = put(*m_a, QStringLiteral("bert"), sha, {});
    QCOMPARE(stored.status, 200);
    QCOMPARE(stored.json.value(QStringLiteral("complete")).toBool(), true);
    const HttpReply whole = get(*m_b, QStringLiteral("bert"), sha);
    QCOMPARE(whole.status, 200);
    QVERIFY(whole.body.isEmpty());
    QCOMPARE(get(*m_b, QStringLiteral("bert"), sha, QByteArrayLiteral("bytes=0-")).status, 416);
}

void TestBlobApi::rangedDownload_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");

    const qint64 size = 2 * MiB + 100; // spans chunks: pieces of 1.5 MiB stored as 1 MiB rows
    QTest::newRow("first bytes") << QByteArrayLiteral("bytes=0-9") << qint64(0) << qint64(9);
    QTest::newRow("first byte") << QByteArrayLiteral("bytes=0-0") << qint64(0) << qint64(0);
    QTest::newRow("middle, across chunks")
        << QByteArrayLiteral("bytes=1048000-1573000") << qint64(1048000) << qint64(1573000);
    QTest::newRow("last bytes") << QByteArrayLiteral("bytes=-100") << size - 100 << size - 1;
    QTest::newRow("from an offset to the end") << QByteArrayLiteral("bytes=2097000-") << qint64(2097000) << size - 1;
    QTest::newRow("end beyond the blob") << QByteArrayLiteral("bytes=2097100-9999999999") << qint64(2097100)
                                         << size - 1;
    QTest::newRow("suffix longer than the blob") << QByteArrayLiteral("bytes=-99999999") << qint64(0) << size - 1;
}

void TestBlobApi::rangedDownload()
{
    QFETCH(QByteArray, range);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    static QByteArray content;
    if (content.isEmpty()) {
        content = randomBytes(2 * MiB + 100);
        QVERIFY(upload(QStringLiteral("carl"), content));
    }
    const HttpReply reply = get(*m_b, QStringLiteral("carl"), hexSha(content), range);
    QCOMPARE(reply.status, 206);
    QCOMPARE(reply.body.size(), last - first + 1);
    QVERIFY(reply.body == content.mid(first, last - first + 1));
    QCOMPARE(reply.header("Content-Range"), contentRange(first, last, content.size()));
}

void TestBlobApi::invalidRange_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::newRow("starts at the end") << QByteArrayLiteral("bytes=5000-");
    QTest::newRow("starts beyond the end") << QByteArrayLiteral("bytes=6000-7000");
    QTest::newRow("backwards") << QByteArrayLiteral("bytes=10-5");
    QTest::newRow("empty suffix") << QByteArrayLiteral("bytes=-0");
    QTest::newRow("several ranges") << QByteArrayLiteral("bytes=0-1,5-6");
    QTest::newRow("other unit") << QByteArrayLiteral("items=0-1");
    QTest::newRow("no numbers") << QByteArrayLiteral("bytes=-");
}

void TestBlobApi::invalidRange()
{
    QFETCH(QByteArray, range);
    static QByteArray content;
    if (content.isEmpty()) {
        content = randomBytes(5000);
        QVERIFY(upload(QStringLiteral("carl"), content));
    }
    const HttpReply reply = get(*m_a, QStringLiteral("carl"), hexSha(content), range);
    QCOMPARE(reply.status, 416);
    QCOMPARE(reply.errorCode(), QStringLiteral("invalid_range"));
    QCOMPARE(reply.header("Content-Range"), QByteArrayLiteral("bytes */5000"));
}

void TestBlobApi::visibility()
{
    const QByteArray content = randomBytes(10000);
    const QByteArray sha = hexSha(content);
    QVERIFY(upload(QStringLiteral("anna"), content, 4000));
    const QStringList others{QStringLiteral("bert"), QStringLiteral("carl"), QStringLiteral("post")};

    // Only the uploader sees it while it is attached to no case; to the others it does not exist.
    const HttpReply missing = get(*m_a, QStringLiteral("bert"), hexSha(QByteArrayLiteral("never uploaded")));
    QCOMPARE(missing.status, 404);
    QCOMPARE(get(*m_a, QStringLiteral("anna"), sha).status, 200);
    for (const QString &user : others) {
        const HttpReply hidden = get(*m_a, user, sha);
        QCOMPARE(hidden.status, 404);
        QCOMPARE(hidden.body, missing.body);
        QCOMPARE(head(*m_b, user, sha).status, 404);
        QCOMPARE(head(*m_b, user, sha).header("Upload-Offset"), QByteArray());
    }

    // Attached to a case of team 32.1: bert (32.1) reads it, carl (51.2) and the mailroom still do not.
    const QString caseId = uuidToString(createUuidV7());
    QVERIFY2(sql(QStringLiteral("INSERT INTO cases (id, case_type, team_id, version, data) VALUES ('%1', "
                                "'bewohnerparken', '%2', 1, '{}')")
                     .arg(caseId, uuidToString(teamId(QStringLiteral("32.1")))))
                 .isEmpty(),
             "case");
    QVERIFY2(sql(QStringLiteral("INSERT INTO documents (id, case_id, sha256, size, name, kind, added_by) VALUES "
                                "('%1', '%2', decode('%3', 'hex'), %4, 'Antrag.pdf', 'application', (SELECT id FROM "
                                "users WHERE login = 'anna'))")
                     .arg(uuidToString(createUuidV7()), caseId, QString::fromLatin1(sha))
                     .arg(content.size()))
                 .isEmpty(),
             "document");
    const HttpReply read = get(*m_b, QStringLiteral("bert"), sha);
    QCOMPARE(read.status, 200);
    QVERIFY(read.body == content);
    const HttpReply status = head(*m_a, QStringLiteral("bert"), sha);
    QCOMPARE(status.status, 200);
    QCOMPARE(status.header("Upload-Offset").toLongLong(), content.size());
    QCOMPARE(get(*m_a, QStringLiteral("bert"), sha, QByteArrayLiteral("bytes=0-99")).body, content.left(100));
    QCOMPARE(get(*m_a, QStringLiteral("carl"), sha).status, 404);
    QCOMPARE(get(*m_a, QStringLiteral("carl"), sha).body, missing.body);
    QCOMPARE(head(*m_a, QStringLiteral("carl"), sha).status, 404);
    // The mailroom files documents into any case but never reads them.
    QCOMPARE(get(*m_a, QStringLiteral("post"), sha).status, 404);
    QCOMPARE(get(*m_b, QStringLiteral("post"), sha, QByteArrayLiteral("bytes=0-9")).status, 404);
    QCOMPARE(head(*m_a, QStringLiteral("post"), sha).status, 404);

    // A consultation of 51.2 lets carl read it while it is open.
    const QString consultation = uuidToString(createUuidV7());
    QVERIFY(sql(QStringLiteral("INSERT INTO consultations (id, case_id, team_id, requested_by) VALUES ('%1', '%2', "
                               "'%3', (SELECT id FROM users WHERE login = 'bert'))")
                    .arg(consultation, caseId, uuidToString(teamId(QStringLiteral("51.2")))))
                .isEmpty());
    QCOMPARE(get(*m_b, QStringLiteral("carl"), sha).status, 200);
    QVERIFY(
        sql(QStringLiteral("UPDATE consultations SET ended_at = now() WHERE id = '%1'").arg(consultation)).isEmpty());
    QCOMPARE(get(*m_b, QStringLiteral("carl"), sha).status, 404);

    // The mailroom's own upload (a scan to file) is the mailroom's to see.
    const QByteArray scan = randomBytes(3000);
    QVERIFY(upload(QStringLiteral("post"), scan));
    QCOMPARE(head(*m_a, QStringLiteral("post"), hexSha(scan)).status, 200);
    QCOMPARE(get(*m_a, QStringLiteral("anna"), hexSha(scan)).status, 404);
}

void TestBlobApi::sameContentFromTwoUsers()
{
    // carl cannot see anna's blob, so he learns nothing from it: he uploads it in full like any new content,
    // and his unfinished upload is his alone.
    const QByteArray content = randomBytes(5000);
    const QByteArray sha = hexSha(content);
    QVERIFY(upload(QStringLiteral("anna"), content));
    const HttpReply first = put(*m_b, QStringLiteral("carl"), sha, content.left(2000), contentRange(0, 1999, 5000));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json.value(QStringLiteral("received")).toInteger(), 2000);
    QCOMPARE(first.json.value(QStringLiteral("complete")).toBool(), false);
    QCOMPARE(head(*m_a, QStringLiteral("anna"), sha).header("Upload-Offset").toLongLong(), 5000);
    QCOMPARE(put(*m_b, QStringLiteral("carl"), sha, content.mid(2000), contentRange(2000, 4999, 5000)).status, 200);
    QVERIFY(get(*m_a, QStringLiteral("carl"), sha).body == content);
    QVERIFY(get(*m_b, QStringLiteral("anna"), sha).body == content);
}

void TestBlobApi::withoutToken()
{
    const QUrl url = blobUrl(*m_a, hexSha(QByteArrayLiteral("x")));
    QCOMPARE(m_http.get(url).status, 401);
    QCOMPARE(m_http.send(QByteArrayLiteral("PUT"), url, QByteArrayLiteral("x"), {}).status, 401);
}

QTEST_GUILESS_MAIN(TestBlobApi)
#include "tst_blobapi.moc"
