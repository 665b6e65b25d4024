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
#include "SyncSessionFixture.h"
#include "SyncTestClient.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::storage;
using namespace casedesk::sync;
using namespace casedesk::test;

class TestSyncSession : public QObject, public SyncSessionFixture {
    Q_OBJECT

private slots:
    void initTestCase() { setUpServer(); }
    void cleanupTestCase() { tearDownServer(); }
    void init() { openInstallation(); }
    void cleanup() { reportFailure(); }
    void logInRunsOnTheWorkerThread();
    void loginFailures_data();
    void loginFailures();
    void aChangeElsewhereArrivesLive();
    void pendingChangesAreCountedAndPushed();
    void aDisabledAccountEndsTheSession();
    void aStoredSessionResumesAfterARestart();
    void endsCleanlyWhileASyncRuns();
};

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

    // A new cache (the old one moved aside, or deleted) has a clientId of its own: the stored session, bound to the
    // old one, is not taken over (the server would refuse its pushes as another installation's); a login is needed.
    Installation fresh;
    const QString opened = fresh.open();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    auto other = session(fresh);
    QSignalSpy freshLoggedIn(other.get(), &SyncSession::loggedIn);
    QSignalSpy freshEnded(other.get(), &SyncSession::sessionEnded);
    other->resume(m_proxy.url(), login);
    QTRY_VERIFY_WITH_TIMEOUT(!freshEnded.isEmpty(), timeoutMs);
    QVERIFY(freshLoggedIn.isEmpty());
    QVERIFY(CacheOwner(*fresh.ui).owner()->isNull()); // still nobody's: the login makes it the user's
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

QTEST_MAIN(TestSyncSession)
#include "tst_syncsession.moc"
