// BlobTransfer against a real casedesk-server and PostgreSQL, with real encrypted blob stores: uploads and
// downloads of several sizes, an upload whose reply is lost mid-blob, a download cut off mid-range (going on in
// the same run and after a restart) and one with a changed byte (through a proxy in between), a blob outside
// the caller's scope, and that a blob the server holds costs a single HEAD.
#include "core/DocumentRef.h"
#include "core/Uuid.h"
#include "mock/TestSupport.h"
#include "storage/BlobFileStore.h"
#include "sync/BlobTransfer.h"
#include "sync/ServerApi.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

#include "InMemoryTokenStore.h"
#include "PostgresTestDatabase.h"
#include "ReplyDropProxy.h"
#include "ServerProcess.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::sync;
using namespace casedesk::test;

namespace {

constexpr int replyTimeoutMs = 60000;
constexpr qint64 KiB = 1024;

QString shaOf(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

// What the proxy does to the reply of the next request that starts with `requestStart`.
struct Tamper {
    QByteArray requestStart;
    qint64 cutAfterBodyBytes = -1; // pass this many bytes of the body, then close the connection
    qint64 flipBodyByte = -1;      // change the body's byte at this offset
    bool thenRefuse = false;       // after the cut, take no more connections (the network is gone)
};

// A TCP proxy on loopback that records each request's first line and Range header, and can cut off or change
// the body of one reply.
class TamperProxy : public QObject {
    Q_OBJECT

public:
    explicit TamperProxy(quint16 upstreamPort) : m_upstreamPort(upstreamPort)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &TamperProxy::accept);
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.serverPort())); }
    void tamperNext(const Tamper &tamper) { m_next = tamper; }
    int tampered() const { return m_tampered; }
    QList<QByteArray> requests; // "GET /api/v1/blobs/... Range: bytes=0-99"

    // The ranges of the GET requests in order ("0-81919").
    QList<QByteArray> rangesAskedFor() const
    {
        QList<QByteArray> ranges;
        for (const QByteArray &request : requests)
            if (request.startsWith("GET "))
                ranges.append(request.mid(request.indexOf("bytes=") + 6));
        return ranges;
    }
    static qint64 rangeStart(const QByteArray &range) { return range.left(range.indexOf('-')).toLongLong(); }

private:
    struct Link {
        std::optional<Tamper> active;
        QByteArray head; // the reply's header so far
        bool inBody = false;
        qint64 bodySeen = 0;
    };

    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            auto link = std::make_shared<Link>();
            connect(client, &QTcpSocket::readyRead, upstream, [this, client, upstream, link] {
                const QByteArray data = client->readAll();
                record(data);
                if (!m_next.requestStart.isEmpty() && data.startsWith(m_next.requestStart)) {
                    *link = Link{m_next, {}, false, 0};
                    m_next = {};
                }
                upstream->write(data);
            });
            connect(upstream, &QTcpSocket::readyRead, client,
                    [this, client, upstream, link] { forward(client, upstream, *link, upstream->readAll()); });
            connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        }
    }

    void record(const QByteArray &data)
    {
        static const QList<QByteArray> verbs{"GET ", "PUT ", "HEAD ", "POST "};
        if (std::none_of(verbs.begin(), verbs.end(), [&data](const QByteArray &verb) { return data.startsWith(verb); }))
            return;
        const QByteArray head = data.left(data.indexOf("\r\n\r\n"));
        QByteArray entry = head.left(head.indexOf("\r\n"));
        for (const QByteArray &line : head.split('\n'))
            if (line.toLower().startsWith("range:"))
                entry += ' ' + line.trimmed();
        requests.append(entry);
    }

    void forward(QTcpSocket *client, QTcpSocket *upstream, Link &link, QByteArray data)
    {
        if (!link.active) {
            client->write(data);
            return;
        }
        qint64 bodyStart = 0; // where the body begins in `data`
        if (!link.inBody) {
            const qsizetype before = link.head.size();
            link.head += data;
            const qsizetype end = link.head.indexOf("\r\n\r\n");
            if (end < 0) {
                client->write(data);
                return;
            }
            link.inBody = true;
            bodyStart = end + 4 - before;
        }
        const Tamper tamper = *link.active;
        const qint64 flip = tamper.flipBodyByte - link.bodySeen + bodyStart;
        if (tamper.flipBodyByte >= 0 && flip >= bodyStart && flip < data.size()) {
            data[flip] = char(data.at(flip) ^ 0x01);
            ++m_tampered;
            link.active.reset();
        }
        const qint64 keep = tamper.cutAfterBodyBytes - link.bodySeen + bodyStart;
        link.bodySeen += data.size() - bodyStart;
        if (tamper.cutAfterBodyBytes >= 0 && keep < data.size()) {
            client->write(data.first(keep));
            ++m_tampered;
            link.active.reset();
            upstream->abort();
            client->disconnectFromHost(); // after the bytes written so far
            if (tamper.thenRefuse)
                m_server.close();
            return;
        }
        client->write(data);
    }

    QTcpServer m_server;
    quint16 m_upstreamPort = 0;
    Tamper m_next;
    int m_tampered = 0;
};

// One installation: its encrypted blob store, its session, and a BlobTransfer over them.
struct Installation {
    QTemporaryDir dir;
    QByteArray cacheKey;
    InMemoryTokenStore tokens;
    std::optional<storage::BlobFileStore> store;
    std::unique_ptr<ServerApi> api;
    std::unique_ptr<BlobTransfer> transfer;
};

std::optional<BlobTransfer::Outcome> await(const std::function<void(BlobTransfer::Done)> &call)
{
    std::optional<BlobTransfer::Outcome> outcome;
    call([&outcome](const BlobTransfer::Outcome &result) { outcome = result; });
    return QTest::qWaitFor([&] { return outcome.has_value(); }, replyTimeoutMs) ? outcome : std::nullopt;
}

QByteArray describe(const std::optional<BlobTransfer::Outcome> &outcome)
{
    if (!outcome)
        return "no answer";
    return outcome->ok() ? QByteArray("ok") : outcome->result.error().toString().toUtf8();
}

} // namespace

class TestBlobTransfer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void uploadAndDownload_data();
    void uploadAndDownload();
    void presentBlobIsOneHead();
    void uploadResumesAfterLostReply();
    void downloadResumesAfterCut();
    void downloadGoesOnAfterRestart();
    void corruptedDownloadIsNotCommitted();
    void outsideScopeIsNotFound();
    void missingLocalBlob();
    void blobOfAttachDocument();

private:
    // A logged-in installation of `login` talking to `url` (the server, or a proxy in front of it).
    std::unique_ptr<Installation> install(const QString &login, const QUrl &url);
    // Opens the installation's blob store, logs in and makes its BlobTransfer: what an application start does.
    bool start(Installation &installation, const QString &login, const QUrl &url);
    QByteArray randomBytes(qint64 size);
    QString storeLocally(Installation &installation, const QByteArray &content);
    // Anna attaches `content` on her laptop and uploads it; its digest, or empty on failure.
    QString uploadedByAnna(const QByteArray &content);
    QByteArray readLocally(Installation &installation, const QString &sha256);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::unique_ptr<ServerProcess> m_server;
    QRandomGenerator m_random{testSeed()};
};

void TestBlobTransfer::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const QString problem = TestUsers(m_pg->connectionString()).setUp({QStringLiteral("anna"), QStringLiteral("bert")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_server = std::make_unique<ServerProcess>(m_pg->connectionString());
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestBlobTransfer::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
    m_server.reset();
    m_pg.reset();
}

QByteArray TestBlobTransfer::randomBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(m_random.bounded(256));
    return bytes;
}

std::unique_ptr<Installation> TestBlobTransfer::install(const QString &login, const QUrl &url)
{
    auto installation = std::make_unique<Installation>();
    installation->cacheKey = randomBytes(32);
    return start(*installation, login, url) ? std::move(installation) : nullptr;
}

bool TestBlobTransfer::start(Installation &installation, const QString &login, const QUrl &url)
{
    installation.transfer.reset();
    installation.api.reset();
    Result<storage::BlobFileStore> store =
        storage::BlobFileStore::open(installation.dir.filePath(QStringLiteral("cache.db")), installation.cacheKey);
    if (!store) {
        qWarning() << "no blob store:" << store.error().toString();
        return false;
    }
    installation.store = store.value();
    installation.api = std::make_unique<ServerApi>(url, installation.tokens);
    std::optional<ApiResponse> answer;
    installation.api->login(login, TestUsers::password(), createUuidV7(),
                            [&answer](const ApiResponse &response) { answer = response; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, replyTimeoutMs) || !answer->ok()) {
        qWarning() << "login failed:" << (answer ? answer->describe() : QStringLiteral("no answer"));
        return false;
    }
    installation.transfer = std::make_unique<BlobTransfer>(*installation.api, *installation.store);
    // Small pieces, so that a few hundred KiB are several requests.
    installation.transfer->setLimits({96 * KiB, 80 * KiB, 3});
    return true;
}

QString TestBlobTransfer::storeLocally(Installation &installation, const QByteArray &content)
{
    auto writer = installation.store->beginWrite(shaOf(content));
    if (!writer || !writer.value()->write(content))
        return {};
    const Result<QString> committed = writer.value()->commit();
    return committed ? committed.value() : QString();
}

QString TestBlobTransfer::uploadedByAnna(const QByteArray &content)
{
    auto laptop = install(QStringLiteral("anna"), m_server->url(QStringLiteral("/")));
    if (!laptop)
        return {};
    const QString sha = storeLocally(*laptop, content);
    const auto uploaded = await([&](BlobTransfer::Done done) { laptop->transfer->ensureUploaded(sha, done); });
    if (!uploaded || !uploaded->ok()) {
        qWarning() << "upload failed:" << describe(uploaded);
        return {};
    }
    return sha;
}

QByteArray TestBlobTransfer::readLocally(Installation &installation, const QString &sha256)
{
    auto reader = installation.store->openRead(sha256);
    if (!reader)
        return QByteArrayLiteral("<not readable>");
    const Result<QByteArray> all = reader.value()->read(reader.value()->size() + 1);
    return all ? all.value() : QByteArrayLiteral("<damaged>");
}

void TestBlobTransfer::uploadAndDownload_data()
{
    QTest::addColumn<qint64>("size");
    QTest::newRow("empty") << qint64(0);
    QTest::newRow("small") << qint64(1000);
    QTest::newRow("one chunk") << storage::BlobFileStore::ChunkSize;
    QTest::newRow("several pieces and ranges") << 5 * 96 * KiB + 333;
}

void TestBlobTransfer::uploadAndDownload()
{
    QFETCH(qint64, size);
    const QByteArray content = randomBytes(size);
    auto laptop = install(QStringLiteral("anna"), m_server->url(QStringLiteral("/")));
    QVERIFY(laptop);
    const QString sha = storeLocally(*laptop, content);
    QCOMPARE(sha, shaOf(content));

    const auto uploaded = await([&](BlobTransfer::Done done) { laptop->transfer->ensureUploaded(sha, done); });
    QVERIFY2(uploaded && uploaded->ok(), describe(uploaded).constData());

    // The same user on another computer: the uploader may read the blob.
    auto desktop = install(QStringLiteral("anna"), m_server->url(QStringLiteral("/")));
    QVERIFY(desktop);
    QVERIFY(!desktop->store->contains(sha));
    const auto downloaded = await([&](BlobTransfer::Done done) { desktop->transfer->download(sha, done); });
    QVERIFY2(downloaded && downloaded->ok(), describe(downloaded).constData());
    QVERIFY(desktop->store->contains(sha));
    QVERIFY(readLocally(*desktop, sha) == content);
}

void TestBlobTransfer::presentBlobIsOneHead()
{
    TamperProxy proxy(m_server->port());
    QVERIFY(proxy.listen());
    auto laptop = install(QStringLiteral("anna"), proxy.url());
    QVERIFY(laptop);
    const QString sha = storeLocally(*laptop, randomBytes(200 * KiB));
    QVERIFY(await([&](BlobTransfer::Done done) { laptop->transfer->ensureUploaded(sha, done); })->ok());
    const qsizetype before = proxy.requests.size();
    QVERIFY(before >= 4); // login, HEAD, three PUTs

    const auto again = await([&](BlobTransfer::Done done) { laptop->transfer->ensureUploaded(sha, done); });
    QVERIFY2(again && again->ok(), describe(again).constData());
    QCOMPARE(proxy.requests.size(), before + 1);
    QVERIFY2(proxy.requests.last().startsWith("HEAD /api/v1/blobs/" + sha.toLatin1()), proxy.requests.last());
}

void TestBlobTransfer::uploadResumesAfterLostReply()
{
    ReplyDropProxy proxy;
    proxy.setUpstreamPort(m_server->port());
    QVERIFY(proxy.listen());
    auto laptop = install(QStringLiteral("anna"), proxy.url());
    QVERIFY(laptop);
    const QByteArray content = randomBytes(4 * 96 * KiB + 10);
    const QString sha = storeLocally(*laptop, content);

    // The server stores the first piece, its reply is lost: the upload goes on from what the server holds.
    proxy.dropNextReplyTo(QByteArrayLiteral("PUT /api/v1/blobs/"));
    const auto uploaded = await([&](BlobTransfer::Done done) { laptop->transfer->ensureUploaded(sha, done); });
    QVERIFY2(uploaded && uploaded->ok(), describe(uploaded).constData());
    QCOMPARE(proxy.droppedReplies(), 1);

    auto desktop = install(QStringLiteral("anna"), m_server->url(QStringLiteral("/")));
    QVERIFY(desktop);
    QVERIFY(await([&](BlobTransfer::Done done) { desktop->transfer->download(sha, done); })->ok());
    QVERIFY(readLocally(*desktop, sha) == content);
}

void TestBlobTransfer::downloadResumesAfterCut()
{
    const QByteArray content = randomBytes(300 * KiB);
    const QString sha = uploadedByAnna(content);
    QVERIFY(!sha.isEmpty());

    TamperProxy proxy(m_server->port());
    QVERIFY(proxy.listen());
    auto desktop = install(QStringLiteral("anna"), proxy.url());
    QVERIFY(desktop);
    // The first range (0..80 KiB of 300 KiB) breaks off after 30,000 of its bytes.
    const qint64 cut = 30000;
    proxy.tamperNext({"GET /api/v1/blobs/", cut, -1});
    const auto downloaded = await([&](BlobTransfer::Done done) { desktop->transfer->download(sha, done); });
    QVERIFY2(downloaded && downloaded->ok(), describe(downloaded).constData());
    QCOMPARE(proxy.tampered(), 1);
    QVERIFY(readLocally(*desktop, sha) == content);

    // The range after the cut starts where the bytes stopped, not at the range's beginning again.
    const QList<QByteArray> ranges = proxy.rangesAskedFor();
    QVERIFY2(ranges.size() >= 5, ranges.join(", ").constData());
    QVERIFY2(ranges.at(0).startsWith("0-"), ranges.join(", ").constData());
    const qint64 resumedStart = TamperProxy::rangeStart(ranges.at(1));
    QVERIFY2(resumedStart > 0 && resumedStart <= cut, ranges.join(", ").constData());
}

void TestBlobTransfer::downloadGoesOnAfterRestart()
{
    const QByteArray content = randomBytes(400 * KiB);
    const QString sha = uploadedByAnna(content);
    QVERIFY(!sha.isEmpty());

    // At home: the connection breaks off 150,000 bytes into the first range, and the network stays away.
    TamperProxy proxy(m_server->port());
    QVERIFY(proxy.listen());
    auto desktop = install(QStringLiteral("anna"), proxy.url());
    QVERIFY(desktop);
    desktop->transfer->setLimits({96 * KiB, 300 * KiB, 3});
    const qint64 cut = 150000;
    proxy.tamperNext({"GET /api/v1/blobs/", cut, -1, true});
    const auto broken = await([&](BlobTransfer::Done done) { desktop->transfer->download(sha, done); });
    QVERIFY(broken);
    QCOMPARE(proxy.tampered(), 1);
    QVERIFY(!broken->ok());
    QVERIFY(broken->isTransient());
    QVERIFY(!desktop->store->contains(sha));

    // The application starts again, on a network that works: the download goes on from what was kept.
    TamperProxy office(m_server->port());
    QVERIFY(office.listen());
    QVERIFY(start(*desktop, QStringLiteral("anna"), office.url()));
    const auto downloaded = await([&](BlobTransfer::Done done) { desktop->transfer->download(sha, done); });
    QVERIFY2(downloaded && downloaded->ok(), describe(downloaded).constData());
    QVERIFY(readLocally(*desktop, sha) == content);
    const QList<QByteArray> ranges = office.rangesAskedFor();
    QVERIFY2(!ranges.isEmpty(), "no range asked for");
    const qint64 resumedStart = TamperProxy::rangeStart(ranges.first());
    // Whole encrypted chunks of what arrived were kept; the held-back rest comes again.
    QVERIFY2(resumedStart >= storage::BlobFileStore::ChunkSize && resumedStart <= cut, ranges.join(", ").constData());
    QCOMPARE(QDir(desktop->store->folder()).entryList(QDir::Files | QDir::Hidden), QStringList{sha});
}

void TestBlobTransfer::corruptedDownloadIsNotCommitted()
{
    auto laptop = install(QStringLiteral("anna"), m_server->url(QStringLiteral("/")));
    QVERIFY(laptop);
    const QByteArray content = randomBytes(150 * KiB);
    const QString sha = storeLocally(*laptop, content);
    QVERIFY(await([&](BlobTransfer::Done done) { laptop->transfer->ensureUploaded(sha, done); })->ok());

    TamperProxy proxy(m_server->port());
    QVERIFY(proxy.listen());
    auto desktop = install(QStringLiteral("anna"), proxy.url());
    QVERIFY(desktop);
    proxy.tamperNext({"GET /api/v1/blobs/", -1, 12345});
    const auto corrupted = await([&](BlobTransfer::Done done) { desktop->transfer->download(sha, done); });
    QVERIFY(corrupted);
    QCOMPARE(proxy.tampered(), 1);
    QVERIFY(!corrupted->ok());
    QCOMPARE(corrupted->result.error().code, ErrorCode::Corrupt);
    QVERIFY(!corrupted->isTransient());
    QVERIFY(!desktop->store->contains(sha));
    QCOMPARE(QDir(desktop->store->folder()).entryList(QDir::Files | QDir::Hidden), QStringList());

    // Unchanged bytes the next time: stored.
    const auto clean = await([&](BlobTransfer::Done done) { desktop->transfer->download(sha, done); });
    QVERIFY2(clean && clean->ok(), describe(clean).constData());
    QVERIFY(readLocally(*desktop, sha) == content);
}

void TestBlobTransfer::outsideScopeIsNotFound()
{
    auto anna = install(QStringLiteral("anna"), m_server->url(QStringLiteral("/")));
    QVERIFY(anna);
    const QString sha = storeLocally(*anna, randomBytes(10 * KiB));
    QVERIFY(await([&](BlobTransfer::Done done) { anna->transfer->ensureUploaded(sha, done); })->ok());

    // Bert is in Anna's team, but the blob is attached to no case: only its uploader may see it.
    auto bert = install(QStringLiteral("bert"), m_server->url(QStringLiteral("/")));
    QVERIFY(bert);
    const auto downloaded = await([&](BlobTransfer::Done done) { bert->transfer->download(sha, done); });
    QVERIFY(downloaded);
    QVERIFY(!downloaded->ok());
    QCOMPARE(downloaded->result.error().code, ErrorCode::NotFound);
    QVERIFY(downloaded->response);
    QCOMPARE(downloaded->response->httpStatus, 404);
    QVERIFY(!bert->store->contains(sha));
    QCOMPARE(QDir(bert->store->folder()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestBlobTransfer::missingLocalBlob()
{
    auto laptop = install(QStringLiteral("anna"), m_server->url(QStringLiteral("/")));
    QVERIFY(laptop);
    const auto uploaded = await([&](BlobTransfer::Done done) {
        laptop->transfer->ensureUploaded(shaOf(QByteArrayLiteral("nie gespeichert")), done);
    });
    QVERIFY(uploaded);
    QVERIFY(!uploaded->ok());
    QCOMPARE(uploaded->result.error().code, ErrorCode::NotFound);
    QVERIFY(!uploaded->isTransient());
}

void TestBlobTransfer::blobOfAttachDocument()
{
    DocumentRef document;
    document.id = createUuidV7();
    document.caseId = createUuidV7();
    document.sha256 = shaOf(QByteArrayLiteral("Bauplan"));
    document.size = 7;
    document.name = QStringLiteral("Bauplan.pdf");
    Command attach{createUuidV7(),
                   createUuidV7(),
                   1,
                   document.caseId,
                   CommandName::AttachDocument,
                   {{QStringLiteral("document"), document.toJson()}},
                   QDateTime::currentDateTimeUtc()};
    QCOMPARE(BlobTransfer::blobOf(attach), std::optional<QString>(document.sha256));
    Command note = attach;
    note.name = CommandName::AddNote;
    QCOMPARE(BlobTransfer::blobOf(note), std::nullopt);
}

QTEST_GUILESS_MAIN(TestBlobTransfer)
#include "tst_blobtransfer.moc"
