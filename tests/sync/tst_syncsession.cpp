// SyncSession against a real casedesk-server, PostgreSQL and keychain (gnome-keyring in a throwaway D-Bus session):
// the cache key read on the test's (UI) thread and the session tokens kept by the worker thread share the one
// keychain thread. Login and sync run on the worker thread; the UI's own connection to the cache file sees what the
// worker stores; a change by another client arrives through the session's live channel; a disabled account ends the
// session with the outbox kept; a stored session resumes after a restart; the session ends cleanly mid-sync. And
// the application's start-up in server mode with a scripted login (here, where the PostgreSQL fixture is).
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
#include "SyncTestClient.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::storage;
using namespace casedesk::sync;
using namespace casedesk::test;

namespace {

constexpr int timeoutMs = 60000;
const QString leadLogin = QStringLiteral("lena"); // the team lead of 32.1

// The application's token store, recording which threads use it.
struct RecordingTokenStores {
    QMutex mutex;
    QList<QThread *> threads;

    SyncSession::TokenStoreFactory factory()
    {
        return [this](const QUrl &server, const QString &login) -> Result<std::unique_ptr<TokenStore>> {
            {
                QMutexLocker lock(&mutex);
                threads.append(QThread::currentThread());
            }
            auto store = std::make_unique<KeychainTokenStore>(server, login);
            if (Result<void> loaded = store->load(); !loaded)
                return loaded.error();
            return std::unique_ptr<TokenStore>(std::move(store));
        };
    }
    QList<QThread *> recorded()
    {
        QMutexLocker lock(&mutex);
        return threads;
    }
};

// One installation of the application: a cache file with its key in the keychain, the UI's connection to it.
struct Installation {
    QTemporaryDir dir;
    QString name = uuidToString(createUuidV7()); // the keychain entry of the cache key
    QByteArray key;
    std::unique_ptr<CacheDatabase> ui;

    QString path() const { return dir.filePath(QStringLiteral("cache.db")); }
    QString open()
    {
        Result<QByteArray> fromKeychain = CacheKey::fromKeychain(name, true);
        if (!fromKeychain)
            return fromKeychain.error().toString();
        key = fromKeychain.value();
        auto opened = CacheDatabase::open(path(), key);
        if (!opened)
            return opened.error().toString();
        ui = std::move(opened).value();
        return {};
    }
    bool hasConfirmed(const QUuid &id)
    {
        auto found = CaseRepository(*ui).confirmedCase(id);
        return found && found->has_value();
    }
};

// Start-up's questions answered by a script: the login is a real one, through the session, with `password`.
class ScriptedLogin final : public ui::StartupPrompts {
public:
    QString login;
    QString password;
    int loginQuestions = 0;
    QList<Error> errors;

    LoginAnswer askLogin(SyncSession &session, const QUrl &server, const QString &, const QString &) override
    {
        ++loginQuestions;
        QSignalSpy loggedIn(&session, &SyncSession::loggedIn);
        QSignalSpy failed(&session, &SyncSession::loginFailed);
        session.logIn(server, login, password);
        LoginAnswer answer{LoginAnswer::Choice::Quit, server, login};
        if (QTest::qWaitFor([&] { return !loggedIn.isEmpty() || !failed.isEmpty(); }, timeoutMs) && !loggedIn.isEmpty())
            answer.choice = LoginAnswer::Choice::LoggedIn;
        return answer;
    }
    std::optional<QString> askPassphrase(PassphraseMode, const QString &) override { return std::nullopt; }
    Recovery askRecovery(const Error &error, bool) override
    {
        errors.append(error);
        return Recovery::Quit;
    }
    std::optional<QUuid> chooseDemoUser(const QList<User> &, const QList<Team> &) override
    {
        errors.append(makeError(ErrorCode::Internal, QStringLiteral("asked for a demo user")));
        return std::nullopt;
    }
    void showError(const Error &error) override { errors.append(error); }
    void beginProgress(const QString &, int) override {}
    void setProgress(int) override {}
    void endProgress() override {}
};

} // namespace

class TestSyncSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void logInRunsOnTheWorkerThread();
    void loginFailures_data();
    void loginFailures();
    void aChangeElsewhereArrivesLive();
    void pendingChangesAreCountedAndPushed();
    void aDisabledAccountEndsTheSession();
    void aStoredSessionResumesAfterARestart();
    void endsCleanlyWhileASyncRuns();
    void startupInServerModeLogsIn();
    void anAssignmentAppearsLiveInTheWindow();
    void anotherUserTakesOverTheCache();

private:
    // A new user of team 32.1, so that tests do not share sessions; empty on failure.
    QString newUser();
    std::unique_ptr<SyncSession> session(Installation &installation);
    bool logIn(SyncSession &session, const QString &login);
    QUuid submitCase(CacheDatabase &db, const QUuid &actor, const QString &title);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    QUuid m_team;
    std::unique_ptr<ServerProcess> m_server;
    ReplyDropProxy m_proxy;
    RecordingTokenStores m_tokenStores;
    std::unique_ptr<Installation> m_installation;
    int m_users = 0;
};

void TestSyncSession::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    TestUsers users(m_pg->connectionString());
    const QString problem = users.setUp({QStringLiteral("anna")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    Result<server::ServerDatabase> database = server::ServerDatabase::fromConnectionString(m_pg->connectionString());
    QVERIFY(database.ok());
    {
        QSqlQuery query(database.value().connection().value());
        QVERIFY(query.exec(QStringLiteral("SELECT id::text FROM teams WHERE code = '32.1'")) && query.next());
        m_team = uuidFromString(query.value(0).toString());
    }
    const Result<User> lead =
        server::UserDirectory(database.value().connection().value())
            .addUser({leadLogin, QStringLiteral("Lena Leitung"), {Role::TeamLead}, {QStringLiteral("32.1")}},
                     TestUsers::password());
    QVERIFY2(lead, qPrintable(lead ? QString() : lead.error().toString()));
    database.value().closeConnection();
    QVERIFY(!m_team.isNull());
    m_server = std::make_unique<ServerProcess>(m_pg->connectionString());
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(m_proxy.listen());
    m_proxy.setUpstreamPort(m_server->port());
}

void TestSyncSession::cleanupTestCase()
{
    m_installation.reset();
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
    m_server.reset();
    m_pg.reset();
}

void TestSyncSession::init()
{
    m_installation = std::make_unique<Installation>();
    const QString problem = m_installation->open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestSyncSession::cleanup()
{
    // What the server said around a failure, for the CI log.
    if (QTest::currentTestFailed())
        qWarning().noquote() << "the server (running:" << m_server->isRunning()
                             << ") logged:" << m_server->standardError().right(6000);
}

QString TestSyncSession::newUser()
{
    const QString login = QStringLiteral("clerk%1").arg(++m_users);
    const QString problem = TestUsers(m_pg->connectionString()).add(login);
    if (!problem.isEmpty()) {
        qWarning().noquote() << problem;
        return {};
    }
    return login;
}

std::unique_ptr<SyncSession> TestSyncSession::session(Installation &installation)
{
    return std::make_unique<SyncSession>(installation.path(), installation.key, m_tokenStores.factory());
}

bool TestSyncSession::logIn(SyncSession &session, const QString &login)
{
    QSignalSpy loggedIn(&session, &SyncSession::loggedIn);
    QSignalSpy failed(&session, &SyncSession::loginFailed);
    session.logIn(m_proxy.url(), login, TestUsers::password());
    if (!QTest::qWaitFor([&] { return !loggedIn.isEmpty() || !failed.isEmpty(); }, timeoutMs) || loggedIn.isEmpty()) {
        qWarning() << "login failed:"
                   << (failed.isEmpty() ? QStringLiteral("no answer") : failed.at(0).at(0).toString());
        return false;
    }
    return true;
}

QUuid TestSyncSession::submitCase(CacheDatabase &db, const QUuid &actor, const QString &title)
{
    Case c;
    c.id = createUuidV7();
    c.caseType = QStringLiteral("bewohnerparken");
    c.title = title;
    c.applicant.givenName = QStringLiteral("Erika");
    c.applicant.familyName = QStringLiteral("Mustermann");
    c.teamId = m_team;
    const auto created =
        Outbox(db).submit(CommandName::CreateCase, c.id, {{QStringLiteral("case"), c.toJson()}}, actor);
    if (!created) {
        qWarning().noquote() << created.error().toString();
        return {};
    }
    return c.id;
}

void TestSyncSession::logInRunsOnTheWorkerThread()
{
    const QString login = newUser();
    QVERIFY(!login.isEmpty());
    auto s = session(*m_installation);
    QCOMPARE(s->state(), SyncEngine::State::NeedsLogin);
    QSignalSpy synced(s.get(), &SyncSession::synced);
    QSignalSpy loggedIn(s.get(), &SyncSession::loggedIn);
    QSignalSpy online(s.get(), &SyncSession::onlineChanged);
    const qsizetype factoryCalls = m_tokenStores.recorded().size();
    QVERIFY(logIn(*s, login));
    const QUuid userId = loggedIn.at(0).at(0).toUuid();
    QVERIFY(!userId.isNull());
    QCOMPARE(s->userId(), userId);
    // The tokens were stored by the worker, in the keychain under the server and the login.
    QCOMPARE(m_tokenStores.recorded().size(), factoryCalls + 1);
    QCOMPARE(m_tokenStores.recorded().constLast(), s->workerThread());
    QVERIFY(s->workerThread() != QThread::currentThread());
    KeychainTokenStore stored(m_proxy.url(), login);
    QVERIFY(stored.load());
    QVERIFY(stored.tokens());
    QCOMPARE(stored.tokens()->userId, userId);

    // The first sync follows the login by itself.
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), timeoutMs);
    // The live channel's catch-up may start one more run.
    QTRY_COMPARE_WITH_TIMEOUT(s->state(), SyncEngine::State::Idle, timeoutMs);
    QVERIFY(s->isOnline());
    QCOMPARE(online.constLast().at(0).toBool(), true);
    // The worker stored the cursor on its own connection; the UI's connection reads it.
    const Result<QString> cursor = SyncStore(*m_installation->ui).cursor();
    QVERIFY(cursor);
    QVERIFY(!cursor->isEmpty());
}

void TestSyncSession::loginFailures_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expected"); // a part of the message
    QTest::newRow("wrong password") << QString() << QStringLiteral("not the password")
                                    << QStringLiteral("password is wrong");
    QTest::newRow("no server there") << QStringLiteral("http://127.0.0.1:1") << TestUsers::password()
                                     << QStringLiteral("cannot be reached");
    QTest::newRow("not a server address")
        << QStringLiteral("ftp://127.0.0.1") << TestUsers::password() << QStringLiteral("server address");
}

void TestSyncSession::loginFailures()
{
    QFETCH(QString, url);
    QFETCH(QString, password);
    QFETCH(QString, expected);
    const QString login = newUser();
    QVERIFY(!login.isEmpty());
    auto s = session(*m_installation);
    QSignalSpy loggedIn(s.get(), &SyncSession::loggedIn);
    QSignalSpy failed(s.get(), &SyncSession::loginFailed);
    s->logIn(url.isEmpty() ? m_proxy.url() : QUrl(url), login, password);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), timeoutMs);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY(loggedIn.isEmpty());
    QCOMPARE(s->state(), SyncEngine::State::NeedsLogin);
    // Nothing was kept for a login that failed.
    if (url.isEmpty()) {
        KeychainTokenStore stored(m_proxy.url(), login);
        QVERIFY(stored.load());
        QVERIFY(!stored.tokens());
    }
}

void TestSyncSession::aChangeElsewhereArrivesLive()
{
    const QString login = newUser();
    QVERIFY(!login.isEmpty());
    auto s = session(*m_installation);
    QSignalSpy synced(s.get(), &SyncSession::synced);
    QVERIFY(logIn(*s, login));
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), timeoutMs);

    // Anna, at another installation, creates a case of the team and pushes it.
    SyncTestClient anna;
    QVERIFY(anna.logIn(m_proxy.url(), QStringLiteral("anna"), timeoutMs));
    const QUuid caseId = submitCase(anna.cache.db(), anna.userId, QStringLiteral("Bewohnerparkausweis, live"));
    QVERIFY(!caseId.isNull());
    synced.clear();
    QSignalSpy annaSynced(anna.engine.get(), &SyncEngine::synced);
    anna.engine->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!annaSynced.isEmpty(), timeoutMs);
    QVERIFY(anna.confirmed(caseId));

    // Nobody asks this session to sync: the live channel does, and the UI hears synced() and reads the case.
    QTRY_VERIFY_WITH_TIMEOUT(m_installation->hasConfirmed(caseId), timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), timeoutMs);
}

void TestSyncSession::pendingChangesAreCountedAndPushed()
{
    const QString login = newUser();
    QVERIFY(!login.isEmpty());
    auto s = session(*m_installation);
    QSignalSpy pending(s.get(), &SyncSession::pendingCountChanged);
    // Not logged in yet: the session still counts what waits in the outbox.
    const QUuid offline = createUuidV7();
    const QUuid first = submitCase(*m_installation->ui, offline, QStringLiteral("Offline angelegt 1"));
    const QUuid second = submitCase(*m_installation->ui, offline, QStringLiteral("Offline angelegt 2"));
    QVERIFY(!first.isNull() && !second.isNull());
    s->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(s->pendingCount(), 2, timeoutMs);

    QSignalSpy synced(s.get(), &SyncSession::synced);
    QVERIFY(logIn(*s, login));
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), timeoutMs);
    QCOMPARE(s->pendingCount(), 0);
    QCOMPARE(pending.constLast().at(0).toLongLong(), 0);
    QVERIFY(m_installation->hasConfirmed(first));
    QVERIFY(m_installation->hasConfirmed(second));
}

void TestSyncSession::aDisabledAccountEndsTheSession()
{
    const QString login = newUser();
    QVERIFY(!login.isEmpty());
    auto s = session(*m_installation);
    QSignalSpy synced(s.get(), &SyncSession::synced);
    QVERIFY(logIn(*s, login));
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), timeoutMs);

    QVERIFY(TestUsers(m_pg->connectionString()).disable(login).isEmpty());
    const QUuid caseId = submitCase(*m_installation->ui, s->userId(), QStringLiteral("Nach der Sperre angelegt"));
    QVERIFY(!caseId.isNull());
    QSignalSpy ended(s.get(), &SyncSession::sessionEnded);
    s->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(s->state(), SyncEngine::State::NeedsLogin, timeoutMs);
    // The change waits for the next login; the ended session is gone from the keychain.
    QCOMPARE(Outbox(*m_installation->ui).entries()->size(), 1);
    QCOMPARE(s->pendingCount(), 1);
    KeychainTokenStore stored(m_proxy.url(), login);
    QVERIFY(stored.load());
    QVERIFY(!stored.tokens());
}

void TestSyncSession::aStoredSessionResumesAfterARestart()
{
    const QString login = newUser();
    QVERIFY(!login.isEmpty());
    QUuid userId;
    {
        auto s = session(*m_installation);
        QSignalSpy synced(s.get(), &SyncSession::synced);
        QVERIFY(logIn(*s, login));
        userId = s->userId();
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), timeoutMs);
    }
    // A new start of the application: no password, the keychain has the session.
    auto s = session(*m_installation);
    QSignalSpy loggedIn(s.get(), &SyncSession::loggedIn);
    QSignalSpy synced(s.get(), &SyncSession::synced);
    s->resume(m_proxy.url(), login);
    QTRY_VERIFY_WITH_TIMEOUT(!loggedIn.isEmpty(), timeoutMs);
    QCOMPARE(loggedIn.at(0).at(0).toUuid(), userId);
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), timeoutMs);

    // Another login has no session stored here.
    QSignalSpy ended(s.get(), &SyncSession::sessionEnded);
    s->resume(m_proxy.url(), QStringLiteral("nobody"));
    QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), timeoutMs);
}

void TestSyncSession::endsCleanlyWhileASyncRuns()
{
    const QString login = newUser();
    QVERIFY(!login.isEmpty());
    auto s = session(*m_installation);
    QSignalSpy synced(s.get(), &SyncSession::synced);
    QVERIFY(logIn(*s, login));
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), timeoutMs);
    for (int i = 0; i < 300; ++i)
        QVERIFY(!submitCase(*m_installation->ui, s->userId(), QStringLiteral("Fall %1").arg(i)).isNull());
    // Gone as soon as the run has started: its push of 300 cases is under way on the worker.
    bool started = false;
    connect(s.get(), &SyncSession::stateChanged, this,
            [&started](SyncEngine::State state) { started = started || state == SyncEngine::State::Syncing; });
    s->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(started, timeoutMs);
    s.reset();

    // The cache is intact and what was not confirmed is still pending: the next session pushes it.
    auto again = session(*m_installation);
    QSignalSpy syncedAgain(again.get(), &SyncSession::synced);
    again->resume(m_proxy.url(), login);
    QTRY_VERIFY_WITH_TIMEOUT(!syncedAgain.isEmpty(), timeoutMs);
    QCOMPARE(again->pendingCount(), 0);
    QCOMPARE(Outbox(*m_installation->ui).entries()->size(), 0);
}

void TestSyncSession::startupInServerModeLogsIn()
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

void TestSyncSession::anAssignmentAppearsLiveInTheWindow()
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

void TestSyncSession::anotherUserTakesOverTheCache()
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

QTEST_MAIN(TestSyncSession)
#include "tst_syncsession.moc"
