// SyncEngine with two clients (two caches, two users of one team) against a real casedesk-server and PostgreSQL:
// offline work that reaches the other client, a field edited on both ends, a push whose reply is lost after the
// commit while the server restarts, a cursor the server no longer knows, and a document that goes out before the
// command attaching it.
#include "core/DocumentRef.h"
#include "core/Uuid.h"
#include "mock/TestSupport.h"
#include "server/ModelRepository.h"
#include "server/ServerDatabase.h"
#include "storage/BlobFileStore.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "storage/SyncStore.h"
#include "sync/BlobTransfer.h"
#include "sync/ServerApi.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

#include "../storage/TemporaryCache.h"
#include "PostgresTestDatabase.h"
#include "ReplyDropProxy.h"
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
const QString field = QStringLiteral("secondVehicleReason");

QJsonObject fieldEdit(const QJsonValue &oldValue, const QJsonValue &newValue)
{
    return test::fieldEdit(field, oldValue, newValue);
}

using Client = SyncTestClient;

} // namespace

class TestSyncEngine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void offlineWorkReachesTheOtherClient();
    void sameFieldEditedOnBothEnds();
    void serverKilledAfterCommittingAPush();
    void cursorResetDropsWhatLeftTheScope();
    void documentGoesOutBeforeItsCommand();
    void referenceDataIsAskedForByItsTag();
    void aDeployedVersionReachesTheClient();

private:
    std::unique_ptr<Client> connect(const QString &login);
    // Runs the engine until a run completes, firing retries the engine schedules; false with the reason when not.
    bool sync(Client &client, QString *problem);
    QUuid createCase(Client &client, const QString &title);

    SyncServerFixture m_fixture;
    ReplyDropProxy m_proxy; // every client talks to the server through it
    QUuid m_team;
    std::unique_ptr<Client> m_anna;
    std::unique_ptr<Client> m_bert;
};

void TestSyncEngine::initTestCase()
{
    const QString problem = m_fixture.setUp({QStringLiteral("anna"), QStringLiteral("bert")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_team = m_fixture.teamId(QStringLiteral("32.1"));
    QVERIFY(!m_team.isNull());
    const QString started = m_fixture.startServer();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY(m_proxy.listen());
    m_proxy.setUpstreamPort(m_fixture.server->port());
    m_anna = connect(QStringLiteral("anna"));
    m_bert = connect(QStringLiteral("bert"));
    QVERIFY(m_anna && m_bert);
}

void TestSyncEngine::cleanupTestCase()
{
    m_anna.reset();
    m_bert.reset();
    QCOMPARE(m_fixture.tearDown(), 0);
}

void TestSyncEngine::init()
{
    // A test that failed with the server down does not take the ones after it along.
    if (m_fixture.server->isRunning())
        return;
    const QString started = m_fixture.startServer();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_proxy.setUpstreamPort(m_fixture.server->port());
}

std::unique_ptr<Client> TestSyncEngine::connect(const QString &login)
{
    auto client = std::make_unique<Client>();
    return client->logIn(m_proxy.url(), login, syncTimeoutMs) ? std::move(client) : nullptr;
}

bool TestSyncEngine::sync(Client &client, QString *problem)
{
    QSignalSpy synced(client.engine.get(), &SyncEngine::synced);
    client.engine->syncNow();
    const bool done = QTest::qWaitFor(
        [&] {
            // A transient failure (the server restarting) is retried at once instead of after the backoff.
            if (client.engine->state() == SyncEngine::State::WaitingToRetry)
                client.retry.fire();
            return !synced.isEmpty() || client.engine->state() == SyncEngine::State::Failed ||
                   client.engine->state() == SyncEngine::State::NeedsLogin;
        },
        syncTimeoutMs);
    if (done && !synced.isEmpty())
        return true;
    *problem = done ? client.engine->lastError().toString() : QStringLiteral("no run completed in time");
    return false;
}

QUuid TestSyncEngine::createCase(Client &client, const QString &title)
{
    const Case c = parkingApplication(m_team, title);
    auto created = client.submit(CommandName::CreateCase, c.id, {{QStringLiteral("case"), c.toJson()}});
    if (!created)
        qWarning() << created.error().toString();
    return c.id;
}

void TestSyncEngine::offlineWorkReachesTheOtherClient()
{
    Client &anna = *m_anna;
    Client &bert = *m_bert;
    // Offline: the server cannot be reached. The edits wait in the outbox and the engine says so.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QUrl nowhere(QStringLiteral("http://127.0.0.1:%1/").arg(probe.serverPort()));
    probe.close();
    anna.api->setServerUrl(nowhere);
    const QUuid caseId = createCase(anna, QStringLiteral("Bewohnerparkausweis, offline angelegt"));
    QVERIFY(anna.submit(CommandName::SetFields, caseId, fieldEdit(QJsonValue::Null, QStringLiteral("Pflegedienst"))));
    QSignalSpy online(anna.engine.get(), &SyncEngine::onlineChanged);
    QSignalSpy pending(anna.engine.get(), &SyncEngine::pendingCountChanged);
    anna.engine->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(anna.engine->state(), SyncEngine::State::WaitingToRetry, syncTimeoutMs);
    QVERIFY(!anna.engine->isOnline());
    QCOMPARE(pending.constLast().at(0).toLongLong(), 2);
    QCOMPARE(anna.retry.delays().size(), 1);
    QVERIFY(anna.visible(caseId));
    QVERIFY(!anna.confirmed(caseId));

    // Back online: the retry pushes both, and the pull confirms them.
    anna.api->setServerUrl(m_proxy.url());
    QVERIFY(anna.retry.fire());
    QTRY_COMPARE_WITH_TIMEOUT(anna.engine->state(), SyncEngine::State::Idle, syncTimeoutMs);
    QVERIFY(anna.engine->isOnline());
    QCOMPARE(online.constLast().at(0).toBool(), true);
    QCOMPARE(pending.constLast().at(0).toLongLong(), 0);
    QCOMPARE(anna.outbox().size(), 0);
    const std::optional<Case> confirmed = anna.confirmed(caseId);
    QVERIFY(confirmed);
    QCOMPARE(confirmed->version, 2);
    QVERIFY(!confirmed->aktenzeichen.isNull()); // numbered by the server
    QCOMPARE(confirmed->formData.value(field).toString(), QStringLiteral("Pflegedienst"));

    QString problem;
    QVERIFY2(sync(bert, &problem), qPrintable(problem));
    const std::optional<Case> atBert = bert.confirmed(caseId);
    QVERIFY(atBert);
    QCOMPARE(*atBert, *confirmed);
    QCOMPARE(bert.visible(caseId), confirmed);
}

void TestSyncEngine::sameFieldEditedOnBothEnds()
{
    Client &anna = *m_anna;
    Client &bert = *m_bert;
    const QUuid caseId = createCase(anna, QStringLiteral("Bewohnerparkausweis, zweimal bearbeitet"));
    QString problem;
    QVERIFY2(sync(anna, &problem), qPrintable(problem));
    QVERIFY2(sync(bert, &problem), qPrintable(problem));
    QVERIFY(bert.confirmed(caseId));

    // Both change the same field from the same old value while apart; Anna's edit reaches the server first.
    auto annas = anna.submit(CommandName::SetFields, caseId, fieldEdit(QJsonValue::Null, QStringLiteral("Anna")));
    auto berts = bert.submit(CommandName::SetFields, caseId, fieldEdit(QJsonValue::Null, QStringLiteral("Bert")));
    QVERIFY(annas && berts);
    QVERIFY2(sync(anna, &problem), qPrintable(problem));
    QVERIFY2(sync(bert, &problem), qPrintable(problem));

    const QList<OutboxEntry> entries = bert.outbox();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).command, *berts);
    QCOMPARE(entries.at(0).state, OutboxEntry::State::Conflict);
    QVERIFY(!entries.at(0).reason.isEmpty());
    QCOMPARE(entries.at(0).serverValues.value(field).toObject().value(QStringLiteral("server")).toString(),
             QStringLiteral("Anna"));
    // Bert sees the server's value and his own in "Needs attention", not his edit over the server's.
    QCOMPARE(bert.confirmed(caseId)->formData.value(field).toString(), QStringLiteral("Anna"));
    QCOMPARE(bert.visible(caseId)->formData.value(field).toString(), QStringLiteral("Anna"));
    QCOMPARE(anna.outbox().size(), 0);
}

void TestSyncEngine::serverKilledAfterCommittingAPush()
{
    Client &anna = *m_anna;
    const QUuid caseId = createCase(anna, QStringLiteral("Bewohnerparkausweis, Antwort verloren"));
    QString problem;
    QVERIFY2(sync(anna, &problem), qPrintable(problem));
    const qint64 version = anna.confirmed(caseId)->version;

    auto edit = anna.submit(CommandName::SetFields, caseId, fieldEdit(QJsonValue::Null, QStringLiteral("einmal")));
    QVERIFY(edit);
    // The server commits the push; its reply never arrives, and the server is killed right after.
    m_proxy.dropNextReplyTo(QByteArrayLiteral("POST /api/v1/sync/push"), ReplyDropProxy::Afterwards::GoDark);
    anna.engine->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy.droppedReplies(), 1, syncTimeoutMs);
    QVERIFY(m_fixture.server->kill());
    QTRY_VERIFY_WITH_TIMEOUT(anna.engine->state() == SyncEngine::State::WaitingToRetry, syncTimeoutMs);
    QVERIFY(!anna.engine->isOnline());
    QCOMPARE(anna.outbox().size(), 1);

    const QString started = m_fixture.startServer();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_proxy.setUpstreamPort(m_fixture.server->port());
    QVERIFY2(sync(anna, &problem), qPrintable(problem));

    // The replayed push got the stored result: applied once, one version later, nothing left to send.
    QCOMPARE(anna.outbox().size(), 0);
    const std::optional<Case> confirmed = anna.confirmed(caseId);
    QCOMPARE(confirmed->version, version + 1);
    QCOMPARE(confirmed->formData.value(field).toString(), QStringLiteral("einmal"));
    QCOMPARE(
        m_fixture.scalar(QStringLiteral("SELECT count(*) FROM commands WHERE id = '%1'").arg(uuidToString(edit->id)))
            .toInt(),
        1);
    QCOMPARE(
        m_fixture.scalar(QStringLiteral("SELECT count(*) FROM changes WHERE case_id = '%1'").arg(uuidToString(caseId)))
            .toInt(),
        version + 1);
}

void TestSyncEngine::cursorResetDropsWhatLeftTheScope()
{
    Client &anna = *m_anna;
    QString problem;
    QVERIFY2(sync(anna, &problem), qPrintable(problem));
    const qint64 cases = CaseRepository(anna.cache.db()).visibleCount().value();
    QVERIFY(cases >= 3);

    // A case the server does not deliver (any more) and a cursor it does not know: it starts the feed over.
    Case gone;
    gone.id = createUuidV7();
    gone.caseType = QStringLiteral("bewohnerparken");
    gone.title = QStringLiteral("nicht mehr im Zugriff");
    gone.teamId = m_team;
    gone.version = 4;
    QVERIFY(CaseRepository(anna.cache.db()).storeConfirmed({gone}));
    QVERIFY(ReferenceRepository(anna.cache.db()).setSetting(SyncStore::cursorKey(), QStringLiteral("kaputt")));
    const QUuid kept = createCase(anna, QStringLiteral("Bewohnerparkausweis während des Neuaufbaus"));

    QVERIFY2(sync(anna, &problem), qPrintable(problem));
    QVERIFY(!anna.confirmed(gone.id));
    QVERIFY(!anna.visible(gone.id));
    QVERIFY(anna.confirmed(kept));
    QCOMPARE(CaseRepository(anna.cache.db()).visibleCount().value(), cases + 1);
    QCOMPARE(anna.outbox().size(), 0);
    QVERIFY(SyncStore(anna.cache.db()).cursor().value() != QStringLiteral("kaputt"));
}

void TestSyncEngine::documentGoesOutBeforeItsCommand()
{
    Client &anna = *m_anna;
    const QUuid caseId = createCase(anna, QStringLiteral("Bewohnerparkausweis mit Scan"));
    QString problem;
    QVERIFY2(sync(anna, &problem), qPrintable(problem));

    // The clerk scans the application: it goes encrypted into her blob store; the command only names it.
    QTemporaryDir scans;
    QFile scan(scans.filePath(QStringLiteral("antrag.pdf")));
    QVERIFY(scan.open(QIODevice::WriteOnly));
    const QByteArray content = QByteArrayLiteral("%PDF-1.7 Antrag auf Bewohnerparkausweis ") + caseId.toByteArray();
    scan.write(content.repeated(3000)); // several chunks of the encrypted store
    scan.close();
    Result<BlobFileStore> store = BlobFileStore::open(anna.cache.path(), anna.cache.key());
    QVERIFY2(store, errorText(store).constData());
    const Result<BlobFileStore::Imported> imported = store->importFile(scan.fileName());
    QVERIFY2(imported, errorText(imported).constData());
    DocumentRef document;
    document.id = createUuidV7();
    document.caseId = caseId;
    document.sha256 = imported->sha256;
    document.size = imported->size;
    document.name = QStringLiteral("Antrag.pdf");
    document.kind = DocumentKind::Application;
    QVERIFY(anna.submit(CommandName::AttachDocument, caseId, {{QStringLiteral("document"), document.toJson()}}));
    const QString blobOnServer =
        QStringLiteral("SELECT count(*) FROM blobs WHERE sha256 = decode('%1', 'hex')").arg(document.sha256);
    QCOMPARE(m_fixture.scalar(blobOnServer).toInt(), 0);

    BlobTransfer transfer(*anna.api, *store);
    anna.engine->setBlobTransfer(&transfer);
    const bool synced = sync(anna, &problem);
    anna.engine->setBlobTransfer(nullptr);
    QVERIFY2(synced, qPrintable(problem));
    // Applied, not rejected: the server had the whole document when the command came.
    QCOMPARE(anna.outbox().size(), 0);
    QCOMPARE(m_fixture.scalar(blobOnServer).toInt(), 1);
    QCOMPARE(
        m_fixture
            .scalar(QStringLiteral("SELECT size FROM blobs WHERE sha256 = decode('%1', 'hex')").arg(document.sha256))
            .toLongLong(),
        content.size() * 3000);
    QCOMPARE(
        m_fixture
            .scalar(QStringLiteral("SELECT count(*) FROM documents WHERE id = '%1'").arg(uuidToString(document.id)))
            .toInt(),
        1);
}

void TestSyncEngine::referenceDataIsAskedForByItsTag()
{
    Client &anna = *m_anna;
    SyncEngine::Options everyRun;
    everyRun.referenceEvery = std::chrono::milliseconds(0);
    anna.engine->setOptions(everyRun);
    QSignalSpy updated(anna.engine.get(), &SyncEngine::referenceUpdated);
    QString problem;
    QVERIFY2(sync(anna, &problem), qPrintable(problem));
    ReferenceRepository reference(anna.cache.db());
    const QByteArray tag = reference.referenceEtag().value();
    QVERIFY(!tag.isEmpty());
    const std::optional<User> annaAsKnown = reference.user(anna.userId).value();
    QVERIFY(annaAsKnown);
    QCOMPARE(annaAsKnown->teamIds, QList<QUuid>{m_team});
    QVERIFY(annaAsKnown->hasRole(Role::Clerk));
    QVERIFY(reference.referenceRest()
                ->value(QStringLiteral("holidays"))
                .toObject()
                .contains(QString::number(QDate::currentDate().year())));

    // Unchanged: the server answers 304 and nothing is written.
    updated.clear();
    QVERIFY2(sync(anna, &problem), qPrintable(problem));
    QCOMPARE(updated.size(), 0);
    QCOMPARE(reference.referenceEtag().value(), tag);

    // A new colleague: the next run takes the new state.
    QVERIFY(TestUsers(m_fixture.connectionString()).add(QStringLiteral("dora")).isEmpty());
    QVERIFY2(sync(anna, &problem), qPrintable(problem));
    QCOMPARE(updated.size(), 1);
    QVERIFY(reference.referenceEtag().value() != tag);
    const QList<User> users = reference.users().value();
    QVERIFY(std::any_of(users.cbegin(), users.cend(),
                        [](const User &user) { return user.login == QLatin1String("dora"); }));

    // The reference data cannot be had: the run still ends (the cases are synced), the copy held stays, and the
    // next run asks again.
    const QByteArray held = reference.referenceEtag().value();
    QVERIFY(TestUsers(m_fixture.connectionString()).add(QStringLiteral("emil")).isEmpty());
    const int dropsBefore = m_proxy.droppedReplies();
    m_proxy.dropNextReplyTo(QByteArrayLiteral("GET /api/v1/reference"), ReplyDropProxy::Afterwards::GoDark);
    updated.clear();
    QSignalSpy synced(anna.engine.get(), &SyncEngine::synced);
    anna.engine->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), syncTimeoutMs);
    QCOMPARE(m_proxy.droppedReplies(), dropsBefore + 1);
    QCOMPARE(updated.size(), 0);
    QCOMPARE(reference.referenceEtag().value(), held);
    m_proxy.setUpstreamPort(m_fixture.server->port());
    QVERIFY2(sync(anna, &problem), qPrintable(problem));
    QCOMPARE(updated.size(), 1);
    anna.engine->setOptions({});
}

// A process version deployed on the server comes with the reference data: the client opens its next case on it,
// as the server does, and an existing case stays on its own version.
void TestSyncEngine::aDeployedVersionReachesTheClient()
{
    Client &anna = *m_anna;
    SyncEngine::Options everyRun;
    everyRun.referenceEvery = std::chrono::milliseconds(0);
    anna.engine->setOptions(everyRun);
    const QUuid older = createCase(anna, QStringLiteral("Bewohnerparkausweis vor Version 2"));
    QString problem;
    QVERIFY2(sync(anna, &problem), qPrintable(problem));

    QFile file(resourcePath(QStringLiteral("processes/bewohnerparken.bpmn")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bpmn = file.readAll();
    bpmn.replace("name=\"Antrag erfassen\"", "name=\"Antrag aufnehmen\"");
    const Result<server::Deployment> deployed =
        server::ModelRepository(m_fixture.db())
            .deployProcess(QStringLiteral("bewohnerparken"), bpmn, 0, QStringLiteral("test"));
    QVERIFY2(deployed, qPrintable(deployed ? QString() : deployed.error().toString()));
    QVERIFY2(sync(anna, &problem), qPrintable(problem));

    const QUuid newer = createCase(anna, QStringLiteral("Bewohnerparkausweis nach Version 2"));
    CaseRepository cases(anna.cache.db());
    const std::optional<Case> shown = cases.visibleCase(newer).value();
    QVERIFY(shown);
    QCOMPARE(shown->processVersion, deployed->version);
    QCOMPARE(shown->statusText, QStringLiteral("Antrag aufnehmen"));
    QVERIFY2(sync(anna, &problem), qPrintable(problem));
    const std::optional<Case> confirmed = cases.confirmedCase(newer).value();
    QVERIFY(confirmed);
    QCOMPARE(confirmed->processVersion, deployed->version);
    QCOMPARE(confirmed->statusText, QStringLiteral("Antrag aufnehmen"));
    QCOMPARE(cases.confirmedCase(older).value()->processVersion, 1);
    QCOMPARE(cases.confirmedCase(older).value()->statusText, QStringLiteral("Antrag erfassen"));
    anna.engine->setOptions({});
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
