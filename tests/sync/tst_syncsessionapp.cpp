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
#include "ui/CaseDetailPane.h"
#include "ui/CaseWorkBar.h"
#include "ui/InboxController.h"
#include "ui/InboxModel.h"
#include "ui/MainWindow.h"
#include "ui/NewCaseDialog.h"
#include "ui/StartupController.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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
    void aCaseMadeInTheWindowReachesTheServer();
    void anotherUserTakesOverTheCache();

private:
    // The application started for a new clerk of the team against the server, synchronised, with the clerk's team
    // from the reference data; nullptr (with a warning) when it does not get there. `prompts` answer for the clerk.
    std::unique_ptr<ui::StartupController> startWindowOfNewClerk(ScriptedLogin &prompts);
};

std::unique_ptr<ui::StartupController> TestSyncSessionApp::startWindowOfNewClerk(ScriptedLogin &prompts)
{
    prompts.login = newUser();
    prompts.password = TestUsers::password();
    ui::StartupOptions options;
    options.cachePath = m_installation->dir.filePath(QStringLiteral("window-cache.db"));
    options.serverUrl = m_proxy.url();
    const QByteArray key = m_installation->key;
    options.keychainKey = [key](const QString &, bool) -> Result<QByteArray> { return key; };
    auto startup = std::make_unique<ui::StartupController>(options, prompts);
    QSignalSpy ready(startup.get(), &ui::StartupController::ready);
    startup->start();
    // The server's reference data tells the window the clerk's team (the login alone knows only the id).
    const bool started = !prompts.login.isEmpty() && QTest::qWaitFor([&] { return !ready.isEmpty(); }, timeoutMs) &&
                         QTest::qWaitFor(
                             [&] {
                                 const auto &user = startup->inboxController()->user();
                                 return startup->mainWindow()->syncLabel()->text() == QStringLiteral("Synchronised") &&
                                        user && user->teamIds == QList<QUuid>{m_team};
                             },
                             timeoutMs);
    if (!started) {
        qWarning() << "the window did not start synchronised for" << prompts.login;
        return nullptr;
    }
    return startup;
}

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
    ScriptedLogin prompts;
    const std::unique_ptr<ui::StartupController> started = startWindowOfNewClerk(prompts);
    QVERIFY(started);
    ui::StartupController &startup = *started;
    ui::InboxController &inbox = *startup.inboxController();
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

// A clerk opens a case in the window and completes its first task there: both reach the server, and the window
// shows the Aktenzeichen the server gave.
void TestSyncSessionApp::aCaseMadeInTheWindowReachesTheServer()
{
    ScriptedLogin prompts;
    const std::unique_ptr<ui::StartupController> startup = startWindowOfNewClerk(prompts);
    QVERIFY(startup);
    ui::MainWindow &window = *startup->mainWindow();
    const QString title = QStringLiteral("Bewohnerparkausweis, am Schalter aufgenommen");
    bool filled = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ui::NewCaseDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return; // the checks below fail
        dialog->caseTypeCombo()->setCurrentIndex(dialog->caseTypeCombo()->findData(QStringLiteral("bewohnerparken")));
        dialog->titleEdit()->setText(title);
        dialog->familyNameEdit()->setText(QStringLiteral("Okafor"));
        dialog->assignToMeCheck()->setChecked(true);
        filled = dialog->create();
    });
    window.newCaseAction()->trigger(); // the dialog runs until the timer above created the case
    QVERIFY(filled);
    QVERIFY2(window.detailPane()->heading()->text().contains(title),
             qPrintable(window.detailPane()->heading()->text()));
    // In "My cases" at once, as its clerk's (the only case there: the clerk is new).
    ui::InboxModel &inbox = *startup->inboxController()->model();
    QTRY_COMPARE_WITH_TIMEOUT(inbox.rowCount(), 1, timeoutMs);
    QCOMPARE(inbox.index(0, ui::InboxModel::TitleColumn).data().toString(), title);
    const QUuid caseId = inbox.index(0, 0).data(ui::InboxModel::CaseIdRole).toUuid();

    // The sync sends it; the server's Aktenzeichen comes back and the pane shows it.
    CaseRepository cases(*startup->database());
    const auto confirmed = [&]() -> std::optional<Case> {
        Result<std::optional<Case>> found = cases.confirmedCase(caseId);
        return found ? std::move(found).value() : std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(confirmed() && !confirmed()->aktenzeichen.isNull(), timeoutMs);
    const QString aktenzeichen = confirmed()->aktenzeichen.toString();
    QTRY_VERIFY2_WITH_TIMEOUT(window.detailPane()->heading()->text().contains(aktenzeichen),
                              qPrintable(window.detailPane()->heading()->text()), timeoutMs);

    // Its first task, completed in the window, moves the server's process on.
    QTRY_VERIFY_WITH_TIMEOUT(window.caseWork() && !window.caseWork()->taskButtons().isEmpty(), timeoutMs);
    const QJsonObject before = confirmed()->workflowState;
    window.caseWork()->setCompletionPrompt([](const QString &, const QString &) { return true; });
    window.caseWork()->taskButtons().first()->click();
    QTRY_VERIFY_WITH_TIMEOUT(confirmed()->workflowState != before, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(*Outbox(*startup->database()).pendingCount(), qint64(0), timeoutMs);
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
