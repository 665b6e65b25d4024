// The application around SyncSession, against a real casedesk-server, PostgreSQL and keychain: the start-up in
// server mode with a scripted login, a team lead's assignment appearing live in the main window, and another user
// taking over the installation's cache. The set-up is SyncSessionFixture's, shared with tst_syncsession.
#include "core/Uuid.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"
#include "storage/BlobFileStore.h"
#include "storage/CacheDatabase.h"
#include "storage/CacheKey.h"
#include "storage/CacheOwner.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/SyncStore.h"
#include "sync/KeychainTokenStore.h"
#include "sync/SyncSession.h"
#include "ui/InboxController.h"
#include "ui/InboxModel.h"
#include "ui/MainWindow.h"
#include "ui/StartupController.h"

#include <QLabel>
#include <QMutex>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

#include "ConvergenceCheck.h"
#include "PostgresTestDatabase.h"
#include "ReplyDropProxy.h"
#include "ServerProcess.h"
#include "SyncSessionFixture.h"
#include "SyncTestClient.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::storage;
using namespace casedesk::sync;
using namespace casedesk::test;

class TestSyncSessionApp : public QObject, public SyncSessionFixture {
    Q_OBJECT

private slots:
    void initTestCase() { setUpServer(); }
    void cleanupTestCase() { tearDownServer(); }
    void init() { openInstallation(); }
    void cleanup() { reportFailure(); }
    void startupInServerModeLogsIn();
    void anAssignmentAppearsLiveInTheWindow();
    void anotherUserTakesOverTheCache();
};

void TestSyncSessionApp::startupInServerModeLogsIn()
{
    const QString login = newUser();
    QVERIFY(!login.isEmpty());
    ui::StartupOptions options;
    options.cachePath = m_installation->dir.filePath(QStringLiteral("app-cache.db"));
    options.demoCases = 50; // ignored with a server
    options.serverUrl = m_proxy.url();
    const QByteArray key = m_installation->key;
    options.keychainKey = [key](const QString &, bool) -> Result<QByteArray> { return key; };
    const auto start = [](ui::StartupController &startup) {
        QSignalSpy ready(&startup, &ui::StartupController::ready);
        QSignalSpy quit(&startup, &ui::StartupController::quitRequested);
        startup.start();
        return QTest::qWaitFor([&] { return !ready.isEmpty() || !quit.isEmpty(); }, timeoutMs) && !ready.isEmpty();
    };
    QUuid userId;
    {
        ScriptedLogin prompts;
        prompts.login = login;
        prompts.password = TestUsers::password();
        ui::StartupController startup(options, prompts);
        QVERIFY(start(startup));
        QCOMPARE(prompts.loginQuestions, 1);
        QVERIFY(prompts.errors.isEmpty());
        QVERIFY(startup.syncSession());
        userId = startup.syncSession()->userId();
        QVERIFY(!userId.isNull());
        QVERIFY(startup.user());
        QCOMPARE(startup.user()->id, userId); // the logged-in user, not a demo user
        QCOMPARE(storage::CaseRepository(*startup.database()).visibleCount().value(), 0); // no demo fill
        QTRY_COMPARE_WITH_TIMEOUT(startup.mainWindow()->syncLabel()->text(), QStringLiteral("Synchronised"), timeoutMs);
    }
    // The next start needs no --server and no password: the server is remembered, the session is in the keychain.
    options.serverUrl.clear();
    ScriptedLogin prompts;
    ui::StartupController startup(options, prompts);
    QVERIFY(start(startup));
    QCOMPARE(prompts.loginQuestions, 0);
    QVERIFY(prompts.errors.isEmpty());
    QVERIFY(startup.syncSession());
    QCOMPARE(startup.user()->id, userId);
    QTRY_COMPARE_WITH_TIMEOUT(startup.mainWindow()->syncLabel()->text(), QStringLiteral("Synchronised"), timeoutMs);
}

void TestSyncSessionApp::anAssignmentAppearsLiveInTheWindow()
{
    const QString login = newUser();
    QVERIFY(!login.isEmpty());
    ui::StartupOptions options;
    options.cachePath = m_installation->dir.filePath(QStringLiteral("window-cache.db"));
    options.serverUrl = m_proxy.url();
    const QByteArray key = m_installation->key;
    options.keychainKey = [key](const QString &, bool) -> Result<QByteArray> { return key; };
    ScriptedLogin prompts;
    prompts.login = login;
    prompts.password = TestUsers::password();
    ui::StartupController startup(options, prompts);
    QSignalSpy ready(&startup, &ui::StartupController::ready);
    startup.start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(startup.mainWindow()->syncLabel()->text(), QStringLiteral("Synchronised"), timeoutMs);
    ui::InboxController &inbox = *startup.inboxController();
    // The server's reference data told the window the clerk's team (the login alone knows only the id).
    QTRY_VERIFY_WITH_TIMEOUT(inbox.user() && inbox.user()->teamIds == QList<QUuid>{m_team}, timeoutMs);
    QCOMPARE(inbox.view(), InboxView::MyCases);
    QCOMPARE(inbox.model()->rowCount(), 0);

    // The team lead, at her own installation, files a case and assigns it to the clerk.
    SyncTestClient lead;
    QVERIFY(lead.logIn(m_proxy.url(), leadLogin, timeoutMs));
    const QString title = QStringLiteral("Bewohnerparkausweis, zugewiesen");
    const QUuid caseId = submitCase(lead.cache.db(), lead.userId, title);
    QVERIFY(!caseId.isNull());
    QVERIFY(lead.submit(CommandName::Assign, caseId,
                        {{QStringLiteral("expected"), QString()},
                         {QStringLiteral("assignee"), uuidToString(startup.syncSession()->userId())}}));
    QString problem;
    QVERIFY2(ConvergenceCheck::settle(lead, timeoutMs, &problem), qPrintable(problem));
    QCOMPARE(lead.outbox().size(), 0);

    // Nobody touches the clerk's window: the case appears in "My cases" through the live channel.
    QTRY_COMPARE_WITH_TIMEOUT(inbox.model()->rowCount(), 1, timeoutMs);
    QCOMPARE(inbox.model()->index(0, ui::InboxModel::TitleColumn).data().toString(), title);
    QCOMPARE(inbox.viewCount(InboxView::MyCases), 1);
}

void TestSyncSessionApp::anotherUserTakesOverTheCache()
{
    const QString anna = newUser();
    const QString bert = newUser();
    QVERIFY(!anna.isEmpty() && !bert.isEmpty());
    QUuid annaId;
    {
        auto s = session(*m_installation);
        QSignalSpy synced(s.get(), &SyncSession::synced);
        QVERIFY(logIn(*s, anna));
        annaId = s->userId();
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), timeoutMs);
    }
    const QUuid annasClient = SyncStore(*m_installation->ui).clientId().value();
    // Made after Anna's session ended: it waits in the outbox.
    const QUuid waiting = submitCase(*m_installation->ui, annaId, QStringLiteral("Von Anna, noch nicht gesendet"));
    QVERIFY(!waiting.isNull());

    // Bert may not take the cache while Anna's change waits: nothing is lost, nothing of Anna's shown to him.
    auto s = session(*m_installation);
    QSignalSpy failed(s.get(), &SyncSession::loginFailed);
    QSignalSpy loggedIn(s.get(), &SyncSession::loggedIn);
    s->logIn(m_proxy.url(), bert, TestUsers::password());
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), timeoutMs);
    QVERIFY(loggedIn.isEmpty());
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("previous user")),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(CacheOwner(*m_installation->ui).owner().value(), annaId);
    QCOMPARE(Outbox(*m_installation->ui).pendingCount().value(), qint64(1));
    KeychainTokenStore bertsTokens(m_proxy.url(), bert);
    QVERIFY(bertsTokens.load());
    QVERIFY(!bertsTokens.tokens());

    // Anna sends it; then Bert's login starts the cache over with a clientId of his own.
    QVERIFY(logIn(*s, anna));
    QTRY_COMPARE_WITH_TIMEOUT(s->pendingCount(), 0, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_installation->hasConfirmed(waiting), timeoutMs);
    // A document of Anna's in the installation's blob store.
    Result<BlobFileStore> blobs = BlobFileStore::open(m_installation->path(), m_installation->key);
    QVERIFY(blobs);
    QTemporaryDir scans;
    QFile scan(scans.filePath(QStringLiteral("scan.pdf")));
    QVERIFY(scan.open(QIODevice::WriteOnly));
    scan.write(QByteArrayLiteral("%PDF-1.4 Annas Bescheid"));
    scan.close();
    const Result<BlobFileStore::Imported> annasDocument = blobs->importFile(scan.fileName());
    QVERIFY(annasDocument);
    QVERIFY(blobs->contains(annasDocument->sha256));
    QVERIFY(logIn(*s, bert));
    const QUuid bertId = s->userId();
    QVERIFY(bertId != annaId);
    QCOMPARE(CacheOwner(*m_installation->ui).owner().value(), bertId);
    const QUuid bertsClient = SyncStore(*m_installation->ui).clientId().value();
    QVERIFY(!bertsClient.isNull());
    QVERIFY(bertsClient != annasClient);
    QVERIFY(!blobs->contains(annasDocument->sha256));
    // The team's case comes back through Bert's own pull, and what he makes is applied under his client.
    QTRY_VERIFY_WITH_TIMEOUT(m_installation->hasConfirmed(waiting), timeoutMs);
    const QUuid bertsCase = submitCase(*m_installation->ui, bertId, QStringLiteral("Von Bert"));
    QVERIFY(!bertsCase.isNull());
    s->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(m_installation->hasConfirmed(bertsCase), timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(s->pendingCount(), 0, timeoutMs);

    // Anna's stored session no longer fits this cache: resuming it asks for a login instead.
    QSignalSpy ended(s.get(), &SyncSession::sessionEnded);
    s->resume(m_proxy.url(), anna);
    QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), timeoutMs);
}

QTEST_MAIN(TestSyncSessionApp)
#include "tst_syncsessionapp.moc"
