// Start-up with scripted answers instead of modal dialogs: keychain, passphrase (create, reopen, wrong
// passphrase), a damaged cache moved aside, the demo fill in the background, the demo user question; with a server,
// the login question instead of the demo (a real login against a real server is in tests/sync/tst_syncsession).
#include "core/Uuid.h"
#include "mock/MockClock.h"
#include "storage/CacheDatabase.h"
#include "storage/CacheKey.h"
#include "storage/CaseRepository.h"
#include "storage/ReferenceRepository.h"
#include "sync/SyncSession.h"
#include "ui/InboxController.h"
#include "ui/MainWindow.h"
#include "ui/StartupController.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace casedesk;
using ui::StartupPrompts;

namespace {

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

// Answers start-up's questions from a script and records what was asked (KeePassXC-style mock dialogs).
class ScriptedPrompts final : public StartupPrompts {
public:
    QStringList passphrases;                                           // answers to askPassphrase; none left: cancel
    QList<Recovery> recoveries;                                        // answers to askRecovery; none left: quit
    std::function<std::optional<QUuid>(const QList<User> &)> pickUser; // unset: cancel
    QList<LoginAnswer::Choice> loginChoices;                           // answers to askLogin; none left: quit

    QList<PassphraseMode> passphraseModes;
    QStringList passphraseProblems;
    QList<Error> recoveryErrors;
    QList<bool> recoveryCanRetry;
    int userQuestions = 0;
    QList<QUrl> loginServers;
    QList<Error> errors;
    int progressBegun = 0, progressEnded = 0, progressMaximum = -1, lastProgress = -1;

    std::optional<QString> askPassphrase(PassphraseMode mode, const QString &problem) override
    {
        passphraseModes.append(mode);
        passphraseProblems.append(problem);
        if (passphrases.isEmpty())
            return std::nullopt;
        return passphrases.takeFirst();
    }
    Recovery askRecovery(const Error &error, bool canRetry) override
    {
        recoveryErrors.append(error);
        recoveryCanRetry.append(canRetry);
        return recoveries.isEmpty() ? Recovery::Quit : recoveries.takeFirst();
    }
    std::optional<QUuid> chooseDemoUser(const QList<User> &users, const QList<Team> &) override
    {
        ++userQuestions;
        return pickUser ? pickUser(users) : std::nullopt;
    }
    LoginAnswer askLogin(sync::SyncSession &, const QUrl &server, const QString &login, const QString &) override
    {
        loginServers.append(server);
        LoginAnswer answer;
        answer.server = server;
        answer.login = login;
        if (!loginChoices.isEmpty())
            answer.choice = loginChoices.takeFirst();
        return answer;
    }
    void showError(const Error &error) override { errors.append(error); }
    void beginProgress(const QString &, int maximum) override
    {
        ++progressBegun;
        progressMaximum = maximum;
    }
    void setProgress(int value) override { lastProgress = value; }
    void endProgress() override { ++progressEnded; }
};

Result<QByteArray> noKeychain(const QString &, bool)
{
    return makeError(ErrorCode::KeychainUnavailable, QStringLiteral("no keychain in this test"));
}

} // namespace

class TestStartup : public QObject {
    Q_OBJECT

private slots:
    void init();
    void passphraseCreatesThenOpens();
    void wrongPassphraseCanBeRetried();
    void cancellingThePassphraseQuits();
    void aPassphraseCacheAsksForItsPassphraseWhereAKeychainAnswers();
    void damagedCacheIsMovedAside_data();
    void damagedCacheIsMovedAside();
    void damagedCacheQuitLeavesItAlone();
    void demoFillCreatesCasesAndRemembersUser();
    void userOptionSkipsTheQuestion();
    void realKeychain();
    void serverModeAsksForTheLoginInsteadOfTheDemo_data();
    void serverModeAsksForTheLoginInsteadOfTheDemo();

private:
    ui::StartupOptions options(qint64 demoCases = 0) const
    {
        ui::StartupOptions result;
        result.cachePath = m_dir->filePath(QStringLiteral("cache.db"));
        result.demoCases = demoCases;
        const QByteArray key = m_key;
        result.keychainKey = [key](const QString &, bool) -> Result<QByteArray> { return key; };
        return result;
    }
    // Runs start-up to its end; true when it reached the main window.
    static bool run(ui::StartupController &startup, int *exitCode = nullptr);

    test::MockClock m_clock;
    test::ScopedClock m_scopedClock{m_clock};
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_key;
};

void TestStartup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_key = randomBytes(storage::CacheDatabase::KeySize);
}

bool TestStartup::run(ui::StartupController &startup, int *exitCode)
{
    QSignalSpy ready(&startup, &ui::StartupController::ready);
    QSignalSpy quit(&startup, &ui::StartupController::quitRequested);
    startup.start();
    // The demo fill runs on a worker thread: wait for either end while the event loop runs.
    if (!QTest::qWaitFor([&] { return ready.count() + quit.count() > 0; }, 240000))
        return false;
    if (exitCode && !quit.isEmpty())
        *exitCode = quit.first().first().toInt();
    return ready.count() == 1 && quit.isEmpty();
}

void TestStartup::passphraseCreatesThenOpens()
{
    ui::StartupOptions opts = options();
    opts.keychainKey = &noKeychain;
    {
        ScriptedPrompts prompts;
        prompts.passphrases = {QStringLiteral("correct horse battery")};
        ui::StartupController startup(opts, prompts);
        QVERIFY(run(startup));
        QCOMPARE(prompts.passphraseModes, QList{StartupPrompts::PassphraseMode::Create});
        QVERIFY(startup.database());
        QVERIFY(startup.mainWindow() && startup.mainWindow()->isVisible());
    }
    QVERIFY(QFile::exists(opts.cachePath));
    ScriptedPrompts prompts;
    prompts.passphrases = {QStringLiteral("correct horse battery")};
    ui::StartupController startup(opts, prompts);
    QVERIFY(run(startup));
    QCOMPARE(prompts.passphraseModes, QList{StartupPrompts::PassphraseMode::Open});
    QVERIFY(prompts.recoveryErrors.isEmpty());
}

void TestStartup::wrongPassphraseCanBeRetried()
{
    ui::StartupOptions opts = options();
    opts.keychainKey = &noKeychain;
    {
        ScriptedPrompts prompts;
        prompts.passphrases = {QStringLiteral("the right passphrase")};
        ui::StartupController startup(opts, prompts);
        QVERIFY(run(startup));
    }
    ScriptedPrompts prompts;
    prompts.passphrases = {QStringLiteral("a wrong passphrase"), QStringLiteral("the right passphrase")};
    prompts.recoveries = {StartupPrompts::Recovery::Retry};
    ui::StartupController startup(opts, prompts);
    QVERIFY(run(startup));
    QCOMPARE(prompts.recoveryErrors.size(), 1);
    QCOMPARE(prompts.recoveryErrors.first().code, ErrorCode::WrongKey);
    QCOMPARE(prompts.recoveryCanRetry, QList{true});
    QCOMPARE(prompts.passphraseModes.size(), 2);
    QVERIFY(prompts.passphraseProblems.at(0).isEmpty());
    QVERIFY(!prompts.passphraseProblems.at(1).isEmpty()); // says why it asks again
    // Nothing was moved aside.
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("*damaged*")}, QDir::Files), QStringList());
}

void TestStartup::cancellingThePassphraseQuits()
{
    ui::StartupOptions opts = options();
    opts.keychainKey = &noKeychain;
    ScriptedPrompts prompts; // no passphrase: the user cancels
    ui::StartupController startup(opts, prompts);
    int exitCode = -1;
    QVERIFY(!run(startup, &exitCode));
    QCOMPARE(exitCode, 0);
    QVERIFY(!startup.mainWindow());
    QVERIFY(!QFile::exists(opts.cachePath));
}

// Made in a session without a keychain, opened later in one with: the passphrase still opens it, the keychain is
// not asked (it would create a key that opens nothing), and nothing is moved aside.
void TestStartup::aPassphraseCacheAsksForItsPassphraseWhereAKeychainAnswers()
{
    ui::StartupOptions opts = options();
    opts.keychainKey = &noKeychain;
    {
        ScriptedPrompts prompts;
        prompts.passphrases = {QStringLiteral("Amtsgeheimnis 2026")};
        ui::StartupController startup(opts, prompts);
        QVERIFY(run(startup));
    }
    int keychainQuestions = 0;
    const QByteArray key = m_key;
    opts.keychainKey = [&keychainQuestions, key](const QString &, bool) -> Result<QByteArray> {
        ++keychainQuestions;
        return key;
    };
    ScriptedPrompts prompts;
    prompts.passphrases = {QStringLiteral("Amtsgeheimnis 2026")};
    ui::StartupController startup(opts, prompts);
    QVERIFY(run(startup));
    QCOMPARE(prompts.passphraseModes, QList{StartupPrompts::PassphraseMode::Open});
    QCOMPARE(keychainQuestions, 0);
    QVERIFY(prompts.recoveryErrors.isEmpty());
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("*damaged*")}, QDir::Files), QStringList());
}

void TestStartup::damagedCacheIsMovedAside_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("garbage") << randomBytes(64 * 1024);
    QTest::newRow("plain text") << QByteArray("This is not a CaseDesk cache.\n").repeated(100);
}

void TestStartup::damagedCacheIsMovedAside()
{
    QFETCH(QByteArray, content);
    const ui::StartupOptions opts = options();
    QFile file(opts.cachePath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    file.close();

    ScriptedPrompts prompts;
    prompts.recoveries = {StartupPrompts::Recovery::MoveAside};
    ui::StartupController startup(opts, prompts);
    QVERIFY(run(startup));
    QCOMPARE(prompts.recoveryErrors.size(), 1);
    QVERIFY(prompts.recoveryErrors.first().code == ErrorCode::WrongKey ||
            prompts.recoveryErrors.first().code == ErrorCode::Corrupt);
    QVERIFY(!prompts.recoveryErrors.first().message.isEmpty());
    QCOMPARE(prompts.recoveryCanRetry, QList{false}); // the key came from the keychain: nothing to retype
    QVERIFY(startup.database());

    // A new cache opens at the old place, and the damaged file still exists beside it, unchanged.
    const QStringList damaged = QDir(m_dir->path()).entryList({QStringLiteral("cache.db.damaged-*")}, QDir::Files);
    QCOMPARE(damaged.size(), 1);
    QFile kept(m_dir->filePath(damaged.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), content);
    QVERIFY(storage::CacheDatabase::open(opts.cachePath, m_key));
}

void TestStartup::damagedCacheQuitLeavesItAlone()
{
    const ui::StartupOptions opts = options();
    const QByteArray content = randomBytes(8192);
    QFile file(opts.cachePath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();

    ScriptedPrompts prompts;
    prompts.recoveries = {StartupPrompts::Recovery::Quit};
    ui::StartupController startup(opts, prompts);
    int exitCode = -1;
    QVERIFY(!run(startup, &exitCode));
    QCOMPARE(exitCode, 0);
    QVERIFY(QFile(opts.cachePath).open(QIODevice::ReadOnly));
    QFile again(opts.cachePath);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), content);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{QStringLiteral("cache.db")});
}

void TestStartup::demoFillCreatesCasesAndRemembersUser()
{
    constexpr qint64 Cases = 1234;
    QUuid chosen;
    {
        ScriptedPrompts prompts;
        prompts.pickUser = [&](const QList<User> &users) -> std::optional<QUuid> {
            const auto clerk =
                std::find_if(users.cbegin(), users.cend(), [](const User &user) { return user.hasRole(Role::Clerk); });
            if (clerk == users.cend())
                return std::nullopt;
            chosen = clerk->id;
            return chosen;
        };
        ui::StartupController startup(options(Cases), prompts);
        QVERIFY(run(startup));
        QCOMPARE(prompts.progressBegun, 1);
        QCOMPARE(prompts.progressEnded, 1);
        QCOMPARE(prompts.progressMaximum, int(Cases));
        QTRY_COMPARE(prompts.lastProgress, int(Cases));
        QCOMPARE(prompts.userQuestions, 1);
        QVERIFY(!chosen.isNull());
        QCOMPARE(startup.user()->id, chosen);
        QCOMPARE(storage::CaseRepository(*startup.database()).visibleCount().value(), Cases);
        QCOMPARE(storage::ReferenceRepository(*startup.database())
                     .setting(QString::fromLatin1(ui::StartupController::DemoUserSetting))
                     .value(),
                 uuidToString(chosen));
        QCOMPARE(startup.inboxController()->viewCount(storage::InboxView::All), Cases);
        QVERIFY(startup.mainWindow()->isVisible());
    }
    // The next start neither fills again nor asks again.
    ScriptedPrompts prompts;
    ui::StartupController startup(options(Cases), prompts);
    QVERIFY(run(startup));
    QCOMPARE(prompts.progressBegun, 0);
    QCOMPARE(prompts.userQuestions, 0);
    QCOMPARE(startup.user()->id, chosen);
    QCOMPARE(storage::CaseRepository(*startup.database()).visibleCount().value(), Cases);
}

void TestStartup::userOptionSkipsTheQuestion()
{
    // Which logins exist is the generator's business: the first start picks the last user offered.
    QString login;
    {
        ScriptedPrompts prompts;
        prompts.pickUser = [&](const QList<User> &users) {
            login = users.constLast().login;
            return std::optional<QUuid>(users.constLast().id);
        };
        ui::StartupController startup(options(200), prompts);
        QVERIFY(run(startup));
    }
    QVERIFY(!login.isEmpty());
    // --user names someone else than the remembered user: it wins, without a question.
    ScriptedPrompts prompts;
    ui::StartupOptions opts = options(200);
    ui::StartupController probe(opts, prompts);
    QVERIFY(run(probe));
    QCOMPARE(probe.user()->login, login);
    const auto users = storage::ReferenceRepository(*probe.database()).users().value();
    opts.userLogin = users.constFirst().login;
    QVERIFY(opts.userLogin != login);
    ui::StartupController startup(opts, prompts);
    QVERIFY(run(startup));
    QCOMPARE(prompts.userQuestions, 0);
    QCOMPARE(startup.user()->login, opts.userLogin);
}

void TestStartup::realKeychain()
{
    const auto probe = storage::CacheKey::fromKeychain(QStringLiteral("casedesk-test-probe"), true);
    if (!probe)
        QSKIP(qPrintable(QStringLiteral("no keychain here (run through tests/with-keychain.sh): ") +
                         probe.error().toString()));
    ui::StartupOptions opts = options();
    opts.keychainKey = nullptr; // the real one
    for (int start = 0; start < 2; ++start) {
        ScriptedPrompts prompts;
        ui::StartupController startup(opts, prompts);
        QVERIFY(run(startup));
        QVERIFY(prompts.passphraseModes.isEmpty());
        QVERIFY(prompts.recoveryErrors.isEmpty());
    }
}

void TestStartup::serverModeAsksForTheLoginInsteadOfTheDemo_data()
{
    QTest::addColumn<bool>("reachesTheWindow"); // the user works offline; else quits
    QTest::newRow("work offline") << true;
    QTest::newRow("quit") << false;
}

void TestStartup::serverModeAsksForTheLoginInsteadOfTheDemo()
{
    QFETCH(bool, reachesTheWindow);
    const auto choice =
        reachesTheWindow ? StartupPrompts::LoginAnswer::Choice::WorkOffline : StartupPrompts::LoginAnswer::Choice::Quit;
    ui::StartupOptions opts = options(200); // demo cases asked for, but a server decides what the cache holds
    opts.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    ScriptedPrompts prompts;
    prompts.loginChoices = {choice};
    ui::StartupController startup(opts, prompts);
    int exitCode = -1;
    QCOMPARE(run(startup, &exitCode), reachesTheWindow);
    QCOMPARE(prompts.loginServers, QList<QUrl>{opts.serverUrl});
    QCOMPARE(prompts.userQuestions, 0);
    QCOMPARE(prompts.progressBegun, 0);
    QVERIFY(prompts.errors.isEmpty());
    QCOMPARE(storage::CaseRepository(*startup.database()).visibleCount().value(), 0);
    if (!reachesTheWindow) {
        QCOMPARE(exitCode, 0);
        return;
    }
    // Offline, nobody logged in: the window says so and offers the login.
    QVERIFY(startup.syncSession());
    QVERIFY(!startup.user());
    QCOMPARE(startup.mainWindow()->syncLabel()->text(), QStringLiteral("Login required"));
    QVERIFY(startup.mainWindow()->loginAgainAction()->isEnabled());
    startup.mainWindow()->loginAgainAction()->trigger();
    QCOMPARE(prompts.loginServers.size(), 2);
}

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
