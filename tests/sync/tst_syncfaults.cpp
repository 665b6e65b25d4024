// SyncEngine under the faults of issue 6, one test each, against a real casedesk-server and PostgreSQL: a push
// whose reply is lost after the commit while the server goes down, a pull reply cut in the middle of a page, an
// access token that runs out in the middle of a run, and a cursor reset because the user's scope changed. Each
// ends with the client's confirmed state compared with the server's cases in its scope (ConvergenceCheck). The
// conflicts (permission revoked, the same field edited twice, a workflow moved on) are in tst_syncconflicts.
#include "core/Note.h"
#include "core/Uuid.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"
#include "storage/CacheSchema.h"
#include "storage/CaseRepository.h"
#include "storage/FailPoint.h"
#include "storage/SyncStore.h"
#include "sync/ServerApi.h"
#include "sync/SyncEngine.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <optional>

#include "ConvergenceCheck.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"
#include "SyncServerFixture.h"
#include "SyncTestClient.h"
#include "SyncTestData.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::storage;
using namespace casedesk::sync;
using namespace casedesk::test;

namespace {

constexpr int syncTimeoutMs = 60000;
const QString reasonField = QStringLiteral("secondVehicleReason");
const QByteArray pushRequest = QByteArrayLiteral("POST /api/v1/sync/push");
const QByteArray pullRequest = QByteArrayLiteral("GET /api/v1/sync/pull");

// A TCP proxy on loopback in front of the server that counts the requests passing through and can cut one reply
// after a number of its bytes: the server has answered (and committed), the client gets the start of the answer
// and then loses the connection. (ReplyDropProxy swallows a reply whole, before its first byte.)
class CuttingProxy {
public:
    CuttingProxy()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.serverPort())); }
    // The server to forward to; a proxy that went down with a cut forwards again.
    void setUpstreamPort(quint16 port)
    {
        m_upstreamPort = port;
        m_down = false;
    }

    // After `skip` more requests whose first line starts with `requestStart`, the reply to the next one is cut
    // after `keep` bytes. `thenDown`: from the cut on, every connection is dropped until setUpstreamPort() (the
    // server went down at that moment; Qt would otherwise send the request again at once and be answered).
    void cutReply(const QByteArray &requestStart, int skip, qint64 keep, bool thenDown = false)
    {
        m_cutRequest = requestStart;
        m_skip = skip;
        m_keep = keep;
        m_downAfterCut = thenDown;
    }
    int cutReplies() const { return m_cut; }
    qsizetype requests(const QByteArray &requestStart) const
    {
        return std::count_if(m_requests.cbegin(), m_requests.cend(),
                             [&](const QByteArray &line) { return line.startsWith(requestStart); });
    }

private:
    static constexpr qint64 notCut = -1;
    static constexpr qint64 cutDone = -2;

    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            if (m_down) {
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *upstream = new QTcpSocket(client);
            // Bytes of the current reply still to pass before the cut, or notCut / cutDone.
            auto left = std::make_shared<qint64>(notCut);
            QObject::connect(client, &QTcpSocket::readyRead, upstream, [this, client, upstream, left] {
                const QByteArray data = client->readAll();
                if (m_down) { // a connection opened before the server went down
                    upstream->abort();
                    client->abort();
                    return;
                }
                static const QByteArrayList methods{"GET ", "POST ", "PUT ", "HEAD ", "DELETE "};
                if (std::any_of(methods.cbegin(), methods.cend(),
                                [&](const QByteArray &m) { return data.startsWith(m); }))
                    m_requests.append(data.left(data.indexOf('\r')));
                if (!m_cutRequest.isEmpty() && data.startsWith(m_cutRequest) && m_skip-- == 0) {
                    *left = m_keep;
                    m_cutRequest.clear();
                }
                upstream->write(data);
            });
            QObject::connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream, left] {
                const QByteArray data = upstream->readAll();
                if (*left == cutDone)
                    return;
                if (*left == notCut) {
                    client->write(data);
                    return;
                }
                client->write(data.left(*left));
                *left -= std::min<qint64>(*left, data.size());
                if (*left > 0)
                    return;
                *left = cutDone;
                ++m_cut;
                m_down = m_downAfterCut;
                upstream->abort();
                client->disconnectFromHost(); // once what was written has gone out
            });
            QObject::connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            QObject::connect(upstream, &QTcpSocket::errorOccurred, client, [client] { client->disconnectFromHost(); });
            upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        }
    }

    QTcpServer m_server;
    quint16 m_upstreamPort = 0;
    QByteArray m_cutRequest;
    int m_skip = 0;
    qint64 m_keep = 0;
    int m_cut = 0;
    bool m_downAfterCut = false;
    bool m_down = false;
    QByteArrayList m_requests; // the first line of every request so far
};

} // namespace

class TestSyncFaults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pushReplyLostWhileTheServerGoesDown();
    void pullReplyCutInTheMiddleOfAPage();
    void firstPullBrokenOffLeavesTheInboxIndexed();
    void pageThatCannotBeStoredDropsTheNextAskedAhead();
    void accessTokenRunsOutInTheMiddleOfARun();
    void cursorResetWhenTheScopeChanges();

private:
    std::unique_ptr<SyncTestClient> connect(const QString &login, const QUrl &url = {});
    bool settle(SyncTestClient &client);
    QString differences(SyncTestClient &client);
    QUuid createCase(SyncTestClient &client, const QString &title, const QUuid &team);
    // The cases of the first page a client with an empty cache gets, `limit` changes a page.
    qsizetype firstPageSize(SyncTestClient &client, int limit);

    SyncServerFixture m_fixture;
    CuttingProxy m_proxy; // the clients talk to m_server through it
    QUuid m_team;         // 32.1: anna, bert
    QUuid m_otherTeam;    // 32.2: dora
};

void TestSyncFaults::initTestCase()
{
    const QString problem = m_fixture.setUp({QStringLiteral("anna"), QStringLiteral("bert")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    server::UserDirectory directory(m_fixture.db());
    const Result<Team> other =
        directory.addTeam(QStringLiteral("32.2"), QStringLiteral("Verkehr"), QStringLiteral("32.20"));
    QVERIFY(other.ok());
    m_otherTeam = other->id;
    QVERIFY(directory.addUser(
        {QStringLiteral("dora"), QStringLiteral("Test dora"), {Role::Clerk}, {QStringLiteral("32.2")}},
        TestUsers::password()));
    m_team = m_fixture.teamId(QStringLiteral("32.1"));
    QVERIFY(!m_team.isNull());
    const QString started = m_fixture.startServer();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY(m_proxy.listen());
    m_proxy.setUpstreamPort(m_fixture.server->port());
}

void TestSyncFaults::cleanupTestCase()
{
    QCOMPARE(m_fixture.tearDown(), 0);
}

std::unique_ptr<SyncTestClient> TestSyncFaults::connect(const QString &login, const QUrl &url)
{
    auto client = std::make_unique<SyncTestClient>();
    return client->logIn(url.isEmpty() ? m_proxy.url() : url, login, syncTimeoutMs) ? std::move(client) : nullptr;
}

bool TestSyncFaults::settle(SyncTestClient &client)
{
    QString problem;
    if (ConvergenceCheck::settle(client, syncTimeoutMs, &problem))
        return true;
    qWarning().noquote() << "sync did not complete:" << problem;
    return false;
}

QString TestSyncFaults::differences(SyncTestClient &client)
{
    return ConvergenceCheck(m_fixture.db()).differences(client);
}

QUuid TestSyncFaults::createCase(SyncTestClient &client, const QString &title, const QUuid &team)
{
    const Case c = parkingApplication(team, title);
    const Result<Command> created =
        client.submit(CommandName::CreateCase, c.id, {{QStringLiteral("case"), c.toJson()}});
    return created ? c.id : QUuid();
}

qsizetype TestSyncFaults::firstPageSize(SyncTestClient &client, int limit)
{
    std::optional<ApiResponse> answer;
    client.api->pull(QString(), limit, -1, [&answer](const ApiResponse &response) { answer = response; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, syncTimeoutMs) || !answer->ok())
        return -1;
    const Result<PulledPage> page = PulledPage::fromJson(answer->body);
    return page ? page->cases.size() : -1;
}

void TestSyncFaults::pushReplyLostWhileTheServerGoesDown()
{
    auto anna = connect(QStringLiteral("anna"));
    QVERIFY(anna);
    anna->engine->setOptions({.pushBatch = 2});
    const QUuid caseId = createCase(*anna, QStringLiteral("Bewohnerparkausweis, Antwort verloren"), m_team);
    QVERIFY(settle(*anna));
    // Five edits, clientSeq 2 to 6, pushed in batches of two.
    QJsonValue previous = QJsonValue::Null;
    for (int i = 1; i <= 5; ++i) {
        QVERIFY(anna->submit(CommandName::SetFields, caseId, fieldEdit(reasonField, previous, QString::number(i))));
        previous = QString::number(i);
    }
    const QString lastApplied = QStringLiteral("SELECT last_applied_seq FROM client_sequences WHERE client_id = '%1'")
                                    .arg(uuidToString(SyncStore(anna->cache.db()).clientId().value()));

    // The second batch commits on the server; its reply breaks off in the status line and the server goes down.
    const int cuts = m_proxy.cutReplies();
    m_proxy.cutReply(pushRequest, 1, 10, true);
    anna->engine->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy.cutReplies(), cuts + 1, syncTimeoutMs);
    QCOMPARE(m_fixture.server->stop(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(anna->engine->state(), SyncEngine::State::WaitingToRetry, syncTimeoutMs);
    QCOMPARE(m_fixture.scalar(lastApplied).toLongLong(), 5);
    QCOMPARE(anna->outbox().size(), 5); // nothing is taken for done without the server's result

    const QString started = m_fixture.startServer();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_proxy.setUpstreamPort(m_fixture.server->port());
    const qsizetype pushes = m_proxy.requests(pushRequest);
    QVERIFY(settle(*anna));

    // All three batches went again; the server answered the first two from their stored results.
    QCOMPARE(m_proxy.requests(pushRequest) - pushes, 3);
    QCOMPARE(m_fixture.scalar(lastApplied).toLongLong(), 6);
    QCOMPARE(anna->outbox().size(), 0);
    const std::optional<Case> confirmed = anna->confirmed(caseId);
    QVERIFY(confirmed);
    QCOMPARE(confirmed->version, 6);
    QCOMPARE(confirmed->formData.value(reasonField).toString(), QStringLiteral("5"));
    // Each command changed the case exactly once.
    const QString changes = QStringLiteral("SELECT %1 FROM changes WHERE case_id = '%2'");
    QCOMPARE(m_fixture.scalar(changes.arg(QStringLiteral("count(*)"), uuidToString(caseId))).toInt(), 6);
    QCOMPARE(m_fixture.scalar(changes.arg(QStringLiteral("count(DISTINCT command_id)"), uuidToString(caseId))).toInt(),
             6);
    QCOMPARE(differences(*anna), QString());
}

void TestSyncFaults::pullReplyCutInTheMiddleOfAPage()
{
    auto anna = connect(QStringLiteral("anna"));
    auto bert = connect(QStringLiteral("bert"));
    QVERIFY(anna && bert);
    QVERIFY(settle(*anna));
    const QString start = SyncStore(anna->cache.db()).cursor().value();
    const auto confirmedCount = [&] {
        return anna->cache.db().sqlite().queryInt64(QStringLiteral("SELECT count(*) FROM case_confirmed")).value();
    };
    const qint64 before = confirmedCount();
    QList<QUuid> created;
    for (int i = 0; i < 25; ++i)
        created.append(createCase(*bert, QStringLiteral("Bewohnerparkausweis %1").arg(i), m_team));
    QVERIFY(settle(*bert));

    // Anna pulls them ten at a time; the reply with the second page breaks off after its first kilobyte.
    anna->engine->setOptions({.pullLimit = 10});
    const int cuts = m_proxy.cutReplies();
    m_proxy.cutReply(pullRequest, 1, 1024);
    anna->engine->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(anna->engine->state(), SyncEngine::State::WaitingToRetry, syncTimeoutMs);
    QCOMPARE(m_proxy.cutReplies(), cuts + 1);
    // The first page is stored whole, the cut one not at all.
    QCOMPARE(confirmedCount(), before + 10);
    QVERIFY(anna->confirmed(created.at(9)));
    QVERIFY(!anna->confirmed(created.at(10)));
    // And the cursor stands right after the first page: pulled from there, the server starts with the 11th case.
    const QString cursor = SyncStore(anna->cache.db()).cursor().value();
    QVERIFY(cursor != start);
    std::optional<ApiResponse> next;
    anna->api->pull(cursor, 10, -1, [&next](const ApiResponse &response) { next = response; });
    QTRY_VERIFY_WITH_TIMEOUT(next.has_value(), syncTimeoutMs);
    QVERIFY2(next->ok(), qPrintable(next->describe()));
    const Result<PulledPage> page = PulledPage::fromJson(next->body);
    QVERIFY(page.ok());
    QList<QUuid> delivered;
    for (const PulledPage::Entry &entry : page->cases)
        delivered.append(entry.confirmed.id);
    QCOMPARE(delivered, created.mid(10, 10));

    // The retry completes the feed.
    QVERIFY(settle(*anna));
    QCOMPARE(confirmedCount(), before + 25);
    QCOMPARE(differences(*anna), QString());
}

// A first pull into an empty cache stores its pages without the inbox indexes and builds them with the last page;
// one that breaks off between its pages builds them at once, so the inbox never stays without them.
void TestSyncFaults::firstPullBrokenOffLeavesTheInboxIndexed()
{
    auto bert = connect(QStringLiteral("bert"));
    QVERIFY(bert);
    for (int i = 0; i < 25; ++i)
        QVERIFY(!createCase(*bert, QStringLiteral("Anwohnerparken %1").arg(i), m_team).isNull());
    QVERIFY(settle(*bert));
    const qint64 inScope =
        m_fixture.scalar(QStringLiteral("SELECT count(*) FROM cases WHERE team_id = '%1'").arg(uuidToString(m_team)))
            .toLongLong();
    QVERIFY(inScope >= 25);

    // A new installation of Anna's: pages of ten, and the reply to the second one breaks off (the engine asked
    // for it while storing the first).
    auto anna = connect(QStringLiteral("anna"));
    QVERIFY(anna);
    anna->engine->setOptions({.pullLimit = 10});
    const qsizetype firstPage = firstPageSize(*anna, 10);
    QVERIFY(firstPage > 0 && firstPage < inScope);
    const auto count = [&](const QString &sql) { return anna->cache.db().sqlite().queryInt64(sql).value(); };
    const qint64 pulls = m_proxy.requests(pullRequest);
    m_proxy.cutReply(pullRequest, 1, 1024);
    anna->engine->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(anna->engine->state(), SyncEngine::State::WaitingToRetry, syncTimeoutMs);
    QCOMPARE(m_proxy.requests(pullRequest), pulls + 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM case_confirmed")), firstPage);
    QVERIFY(caseViewIndexesPresent(anna->cache.db().sqlite()).value());

    QVERIFY(settle(*anna));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM case_view")), inScope);
    QVERIFY(caseViewIndexesPresent(anna->cache.db().sqlite()).value());
    QCOMPARE(differences(*anna), QString());
}

// The engine asks for the next page before it stores the current one. When storing fails, the run stops and the
// page asked for ahead is dropped: arriving later, it must not be stored over a cursor it does not follow.
void TestSyncFaults::pageThatCannotBeStoredDropsTheNextAskedAhead()
{
    auto anna = connect(QStringLiteral("anna"));
    QVERIFY(anna);
    anna->engine->setOptions({.pullLimit = 5});
    const qsizetype firstPage = firstPageSize(*anna, 5);
    QVERIFY(firstPage > 0);
    // applyPage passes five points per page: the cases of the second page fail to be written.
    FailPoint::arm(7, FailPoint::Action::Fail);
    const auto disarm = qScopeGuard([] { FailPoint::disarm(); });
    const qint64 pulls = m_proxy.requests(pullRequest);
    anna->engine->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(anna->engine->state(), SyncEngine::State::Failed, syncTimeoutMs);
    FailPoint::disarm();
    const auto count = [&](const QString &sql) { return anna->cache.db().sqlite().queryInt64(sql).value(); };
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM case_confirmed")), firstPage);
    QVERIFY(caseViewIndexesPresent(anna->cache.db().sqlite()).value());
    // The third page was asked for while the second was being stored. Its reply comes now or during the next
    // run and is dropped either way: stored, it would skip the second page's cases, which the comparison with
    // the server below would miss.
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy.requests(pullRequest), pulls + 3, syncTimeoutMs);
    const QString cursor = SyncStore(anna->cache.db()).cursor().value();

    // The next run goes on from the first page's cursor and completes the feed.
    QVERIFY(settle(*anna));
    QVERIFY(SyncStore(anna->cache.db()).cursor().value() != cursor);
    QCOMPARE(differences(*anna), QString());
}

void TestSyncFaults::accessTokenRunsOutInTheMiddleOfARun()
{
    // A server of its own whose access tokens last five seconds, and a client that does not refresh early.
    ServerProcess shortLived(m_fixture.connectionString(),
                             {QStringLiteral("--access-token-lifetime"), QStringLiteral("5")});
    QVERIFY2(shortLived.start(), qPrintable(shortLived.errorString()));
    CuttingProxy proxy;
    QVERIFY(proxy.listen());
    proxy.setUpstreamPort(shortLived.port());
    auto anna = connect(QStringLiteral("anna"), proxy.url());
    QVERIFY(anna);
    ServerApi::Limits limits;
    limits.refreshMarginSeconds = 0;
    anna->api->setLimits(limits);
    anna->engine->setOptions({.pushBatch = 1, .pullLimit = 2});
    const SessionTokens first = anna->tokens.tokens().value();
    const QUuid caseId = createCase(*anna, QStringLiteral("Bewohnerparkausweis, Token abgelaufen"), m_team);
    QVERIFY(
        anna->submit(CommandName::SetFields, caseId, fieldEdit(reasonField, QJsonValue::Null, QStringLiteral("x"))));

    // Once the first page (with both results) is stored, the run goes on only after the access token ran out.
    bool waited = false;
    QObject hook;
    QObject::connect(anna->engine.get(), &SyncEngine::pendingCountChanged, &hook, [&](qint64 count) {
        if (waited || count == 2)
            return;
        waited = QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() > first.accessExpiresAt; }, 10000);
        // The rest of the feed in one page: the next token cannot run out as well.
        anna->engine->setOptions({});
    });
    QSignalSpy refreshed(anna->api.get(), &ServerApi::tokensRefreshed);
    QVERIFY(settle(*anna));
    QVERIFY(waited);
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(proxy.requests("POST /api/v1/auth/refresh"), 1);
    const SessionTokens second = anna->tokens.tokens().value();
    QVERIFY(second.accessToken != first.accessToken);
    QVERIFY(second.refreshToken != first.refreshToken); // rotated
    QCOMPARE(second.sessionId, first.sessionId);
    QCOMPARE(anna->outbox().size(), 0);
    QCOMPARE(anna->confirmed(caseId)->formData.value(reasonField).toString(), QStringLiteral("x"));
    QCOMPARE(differences(*anna), QString());
    QCOMPARE(shortLived.stop(), 0);
}

void TestSyncFaults::cursorResetWhenTheScopeChanges()
{
    auto anna = connect(QStringLiteral("anna"));
    auto bert = connect(QStringLiteral("bert"));
    auto dora = connect(QStringLiteral("dora"));
    QVERIFY(anna && bert && dora);
    const QUuid consulted = createCase(*dora, QStringLiteral("Bewohnerparkausweis, Beteiligung"), m_otherTeam);
    QVERIFY(settle(*dora));
    const QUuid contested = createCase(*bert, QStringLiteral("Bewohnerparkausweis, Neuaufbau"), m_team);
    QVERIFY(settle(*bert));
    QVERIFY(settle(*anna));
    QVERIFY(!anna->confirmed(consulted));

    // Anna's edit conflicts with Bert's and waits in "Needs attention"; her Vermerk is pending.
    QVERIFY(bert->submit(CommandName::SetFields, contested,
                         fieldEdit(reasonField, QJsonValue::Null, QStringLiteral("Bert"))));
    QVERIFY(settle(*bert));
    const Result<Command> conflicting = anna->submit(CommandName::SetFields, contested,
                                                     fieldEdit(reasonField, QJsonValue::Null, QStringLiteral("Anna")));
    QVERIFY(conflicting);
    QVERIFY(settle(*anna));
    const Note note{createUuidV7(), contested, anna->userId, QDateTime::currentDateTimeUtc(),
                    QStringLiteral("Rückruf")};
    QVERIFY(anna->submit(CommandName::AddNote, contested, {{QStringLiteral("note"), note.toJson()}}));
    // A case the server no longer delivers: only a reset drops it.
    Case gone;
    gone.id = createUuidV7();
    gone.caseType = QStringLiteral("bewohnerparken");
    gone.title = QStringLiteral("nicht mehr im Zugriff");
    gone.teamId = m_team;
    gone.version = 3;
    QVERIFY(CaseRepository(anna->cache.db()).storeConfirmed({gone}));
    QVERIFY(differences(*anna).contains(uuidToString(gone.id))); // the check does see what the server lacks

    // Dora's team consults Anna's: Anna's scope changed, the server starts her feed over.
    QVERIFY(
        dora->submit(CommandName::RequestConsultation, consulted, {{QStringLiteral("team"), uuidToString(m_team)}}));
    QVERIFY(settle(*dora));
    const qsizetype pulls = m_proxy.requests(pullRequest);
    const qsizetype retries = anna->retry.delays().size();
    QVERIFY(settle(*anna));
    QCOMPARE(anna->retry.delays().size(), retries); // not given up for too many resets
    QVERIFY(m_proxy.requests(pullRequest) - pulls <= 2);
    QVERIFY(anna->confirmed(consulted));
    QVERIFY(!anna->confirmed(gone.id));
    QVERIFY(!anna->visible(gone.id));
    // The outbox went through the reset: the Vermerk applied, the conflict still waiting with the user's value.
    const QList<OutboxEntry> entries = anna->outbox();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).command, *conflicting);
    QCOMPARE(entries.at(0).state, OutboxEntry::State::Conflict);
    const QList<Note> notes = CaseRepository(anna->cache.db()).visibleNotes(contested).value();
    QVERIFY(std::any_of(notes.cbegin(), notes.cend(), [&](const Note &n) { return n.id == note.id; }));
    QCOMPARE(anna->visible(contested)->formData.value(reasonField).toString(), QStringLiteral("Bert"));
    QCOMPARE(differences(*anna), QString());

    // The new cursor holds: the next run is one ordinary page.
    const qsizetype again = m_proxy.requests(pullRequest);
    QVERIFY(settle(*anna));
    QCOMPARE(m_proxy.requests(pullRequest) - again, 1);
    QCOMPARE(differences(*anna), QString());
}

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
