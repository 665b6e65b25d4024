#include "ui/StartupController.h"

#include "core/Clock.h"
#include "core/Uuid.h"
#include "storage/CacheDatabase.h"
#include "storage/CacheKey.h"
#include "storage/CacheOwner.h"
#include "storage/CaseRepository.h"
#include "storage/ReferenceRepository.h"
#include "sync/KeychainTokenStore.h"
#include "ui/CaseAssignmentBar.h"
#include "ui/CaseDocumentsPanel.h"
#include "ui/CaseNotesPanel.h"
#include "ui/CaseWorkBar.h"
#include "ui/DemoCacheFiller.h"
#include "ui/InboxController.h"
#include "ui/MainWindow.h"
#include "ui/NeedsAttentionPanel.h"
#include "ui/NewCaseDialog.h"
#include "ui/UiLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QPromise>
#include <QSettings>
#include <QStandardPaths>
#include <QtConcurrent>

namespace casedesk::ui {

namespace {
// QSettings needs an organisation; the application sets none (its data folder would move with it).
constexpr QLatin1String SettingsOrganization("CaseDesk");
} // namespace

StartupController::StartupController(StartupOptions options, StartupPrompts &prompts, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_prompts(prompts)
{
    if (!m_options.keychainKey)
        m_options.keychainKey = &storage::CacheKey::fromKeychain;
    if (!m_options.tokenStores) {
        m_options.tokenStores = [](const QUrl &server,
                                   const QString &login) -> Result<std::unique_ptr<sync::TokenStore>> {
            auto store = std::make_unique<sync::KeychainTokenStore>(server, login);
            if (Result<void> loaded = store->load(); !loaded)
                return loaded.error();
            return std::unique_ptr<sync::TokenStore>(std::move(store));
        };
    }
    m_server = m_options.serverUrl;
    if (m_server.isEmpty())
        m_server = QSettings(SettingsOrganization, QCoreApplication::applicationName())
                       .value(QLatin1String(ServerSetting))
                       .toUrl();
    m_path = m_options.cachePath.isEmpty() ? defaultCachePath() : m_options.cachePath;
    connect(&m_fill, &QFutureWatcher<Result<void>>::progressValueChanged, this,
            [this](int value) { m_prompts.setProgress(value); });
    connect(&m_fill, &QFutureWatcher<Result<void>>::finished, this, &StartupController::onFillFinished);
}

StartupController::~StartupController()
{
    // The worker uses the cache connection: it must end before the connection closes.
    m_fill.waitForFinished();
    m_window.reset();
    m_inbox.reset();
    m_session.reset(); // joins the sync's worker thread
}

QString StartupController::defaultCachePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/cache.db");
}

void StartupController::start()
{
    if (const Outcome opened = openCache(); opened != Outcome::Done) {
        finish(opened);
        return;
    }
    if (!m_server.isEmpty()) {
        finish(connectToServer());
        return;
    }
    const auto stored = storage::CaseRepository(*m_db).visibleCount();
    if (!stored) {
        m_prompts.showError(stored.error());
        finish(Outcome::Failed);
        return;
    }
    if (m_options.demoCases > 0 && stored.value() == 0) {
        fillDemoCases(); // continues in onFillFinished
        return;
    }
    finish(chooseUser());
}

StartupController::Outcome StartupController::openCache()
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        m_prompts.showError(
            makeError(ErrorCode::Io, tr("The folder for the local case cache cannot be created: %1. Check "
                                        "that you may write there, or choose another place with --cache.")
                                         .arg(QFileInfo(m_path).absolutePath())));
        return Outcome::Failed;
    }
    // A cache made with a passphrase (its salt lies beside it) opens with that passphrase only, also where a
    // keychain answers by now: the keychain's key would not open it, and "move aside" would strand the edits
    // not yet sent. Otherwise the keychain is asked once: without one, every attempt below asks for the
    // passphrase instead.
    const bool passphraseCache = QFileInfo::exists(storage::CacheKey::saltPath(m_path));
    const Result<QByteArray> keychainKey = passphraseCache
                                               ? Result<QByteArray>(QByteArray())
                                               : m_options.keychainKey(QString::fromLatin1(KeychainName), true);
    const bool usePassphrase =
        passphraseCache || (!keychainKey && keychainKey.error().code == ErrorCode::KeychainUnavailable);
    if (passphraseCache)
        qCInfo(lcUi) << "cache" << m_path << "was made with a passphrase, asking for it";
    else if (usePassphrase)
        qCInfo(lcUi) << "no keychain, asking for a cache passphrase:" << keychainKey.error().toString();
    QString problem;
    for (;;) {
        Result<QByteArray> key = keychainKey;
        if (usePassphrase) {
            bool cancelled = false;
            key = passphraseKey(problem, &cancelled);
            if (cancelled)
                return Outcome::Quit;
        }
        if (!key) {
            m_prompts.showError(key.error());
            return Outcome::Failed;
        }
        auto opened = storage::CacheDatabase::open(m_path, key.value());
        if (opened) {
            m_db = std::move(opened).value();
            if (!m_server.isEmpty())
                m_key = key.value(); // the session opens its own connection with it
            return Outcome::Done;
        }
        const Error &error = opened.error();
        qCWarning(lcUi) << "cache" << m_path << "does not open:" << error.toString();
        if (error.code != ErrorCode::WrongKey && error.code != ErrorCode::Corrupt &&
            error.code != ErrorCode::NewerSchema) {
            m_prompts.showError(error);
            return Outcome::Failed;
        }
        const bool canRetry = usePassphrase && error.code == ErrorCode::WrongKey;
        switch (m_prompts.askRecovery(error, canRetry)) {
        case StartupPrompts::Recovery::Retry:
            problem = tr("This passphrase does not open the local case cache. Try again.");
            continue;
        case StartupPrompts::Recovery::MoveAside: {
            const auto moved = storage::CacheDatabase::moveAside(m_path);
            if (!moved) {
                m_prompts.showError(moved.error());
                return Outcome::Failed;
            }
            qCWarning(lcUi) << "moved the cache aside to" << moved.value() << "and starts a new one";
            problem.clear();
            continue;
        }
        case StartupPrompts::Recovery::Quit:
            return Outcome::Quit;
        }
    }
}

Result<QByteArray> StartupController::passphraseKey(const QString &problem, bool *cancelled)
{
    const auto mode =
        QFileInfo::exists(m_path) ? StartupPrompts::PassphraseMode::Open : StartupPrompts::PassphraseMode::Create;
    const std::optional<QString> passphrase = m_prompts.askPassphrase(mode, problem);
    if (!passphrase) {
        *cancelled = true;
        return makeError(ErrorCode::Cancelled, tr("Start-up was cancelled."));
    }
    return storage::CacheKey::fromPassphrase(m_path, *passphrase);
}

void StartupController::fillDemoCases()
{
    const qint64 count = m_options.demoCases;
    const QDate today = Clock::current().today();
    m_prompts.beginProgress(tr("Creating %1 demo cases…").arg(QLocale().toString(count)),
                            int(std::min<qint64>(count, std::numeric_limits<int>::max())));
    // The worker has the connection to itself until it finishes; this thread does not touch m_db meanwhile.
    storage::CacheDatabase *db = m_db.get();
    m_fill.setFuture(QtConcurrent::run([db, count, today](QPromise<Result<void>> &promise) {
        promise.setProgressRange(0, int(std::min<qint64>(count, std::numeric_limits<int>::max())));
        promise.addResult(DemoCacheFiller::fill(*db, count, today, [&promise](qint64 stored) {
            promise.setProgressValue(int(std::min<qint64>(stored, std::numeric_limits<int>::max())));
        }));
    }));
}

void StartupController::onFillFinished()
{
    m_prompts.endProgress();
    const Result<void> filled = m_fill.future().result();
    if (!filled) {
        m_prompts.showError(filled.error());
        finish(Outcome::Failed);
        return;
    }
    finish(chooseUser());
}

StartupController::Outcome StartupController::chooseUser()
{
    storage::ReferenceRepository reference(*m_db);
    const auto users = reference.users();
    if (!users) {
        m_prompts.showError(users.error());
        return Outcome::Failed;
    }
    if (users->isEmpty())
        return Outcome::Done; // nothing to choose from yet: an empty inbox, not signed in
    auto byId = [&](const QUuid &id) -> std::optional<User> {
        for (const User &user : users.value()) {
            if (user.id == id)
                return user;
        }
        return std::nullopt;
    };
    if (!m_options.userLogin.isEmpty()) {
        for (const User &user : users.value()) {
            if (user.login == m_options.userLogin)
                m_user = user;
        }
        if (m_user)
            return Outcome::Done;
        qCWarning(lcUi) << "no demo user with login" << m_options.userLogin << "- asking instead";
    }
    const auto remembered = reference.setting(QString::fromLatin1(DemoUserSetting));
    if (remembered)
        m_user = byId(uuidFromString(remembered.value()));
    if (m_user)
        return Outcome::Done;

    const auto teams = reference.teams();
    const std::optional<QUuid> chosen = m_prompts.chooseDemoUser(users.value(), teams ? teams.value() : QList<Team>());
    if (!chosen)
        return Outcome::Quit;
    m_user = byId(*chosen);
    if (!m_user) {
        m_prompts.showError(makeError(ErrorCode::NotFound, tr("The chosen user is not in the local case cache.")));
        return Outcome::Failed;
    }
    if (auto saved = reference.setSetting(QString::fromLatin1(DemoUserSetting), uuidToString(m_user->id)); !saved)
        qCWarning(lcUi) << "remembering the demo user failed:" << saved.error().toString();
    return Outcome::Done;
}

StartupController::Outcome StartupController::connectToServer()
{
    qCInfo(lcUi) << "working with the server" << m_server;
    m_session = std::make_unique<sync::SyncSession>(m_path, m_key, m_options.tokenStores);
    if (auto blobs = storage::BlobFileStore::open(m_path, m_key); blobs)
        m_blobs = std::move(blobs).value();
    else
        qCWarning(lcUi).noquote() << "documents cannot be attached:" << blobs.error().toString();
    m_key.fill('\0');
    m_key.clear();
    QSettings settings(SettingsOrganization, QCoreApplication::applicationName());
    if (settings.value(QLatin1String(ServerSetting)).toUrl() == m_server)
        m_login = settings.value(QLatin1String(LoginSetting)).toString();
    if (m_login.isEmpty() || !resumeSession()) {
        const StartupPrompts::LoginAnswer answer = m_prompts.askLogin(*m_session, m_server, m_login, QString());
        switch (answer.choice) {
        case StartupPrompts::LoginAnswer::Choice::Quit:
            return Outcome::Quit;
        case StartupPrompts::LoginAnswer::Choice::WorkOffline:
            qCInfo(lcUi) << "working offline without a session";
            break;
        case StartupPrompts::LoginAnswer::Choice::LoggedIn:
            rememberLogin(answer);
            break;
        }
    }
    return loadSessionUser();
}

bool StartupController::resumeSession()
{
    // The keychain answers quickly and the server is not asked: no prompt is needed meanwhile.
    QEventLoop loop;
    bool resumed = false;
    connect(m_session.get(), &sync::SyncSession::loggedIn, &loop, [&] {
        resumed = true;
        loop.quit();
    });
    connect(m_session.get(), &sync::SyncSession::sessionEnded, &loop, &QEventLoop::quit);
    connect(m_session.get(), &sync::SyncSession::failed, &loop, &QEventLoop::quit);
    m_session->resume(m_server, m_login);
    loop.exec();
    return resumed;
}

void StartupController::rememberLogin(const StartupPrompts::LoginAnswer &answer)
{
    m_server = answer.server;
    m_login = answer.login;
    QSettings settings(SettingsOrganization, QCoreApplication::applicationName());
    settings.setValue(QLatin1String(ServerSetting), m_server);
    settings.setValue(QLatin1String(LoginSetting), m_login);
}

StartupController::Outcome StartupController::loadSessionUser()
{
    storage::ReferenceRepository reference(*m_db);
    QUuid userId = m_session->userId();
    if (userId.isNull()) {
        // Offline: the user whose cache this is (the last login on this installation), if any.
        const Result<QUuid> owner = storage::CacheOwner(*m_db).owner();
        if (owner)
            userId = owner.value();
    }
    if (userId.isNull())
        return Outcome::Done; // never logged in here: an empty inbox until the first login
    const auto users = reference.users();
    if (!users) {
        m_prompts.showError(users.error());
        return Outcome::Failed;
    }
    for (const User &user : users.value()) {
        if (user.id == userId)
            m_user = user;
    }
    if (!m_user) {
        // The cache has no reference data of this user yet: the id is what "My cases" needs.
        m_user = User{userId, m_login, m_login, {}, {}, true};
    }
    return Outcome::Done;
}

void StartupController::logInAgain()
{
    if (!m_session)
        return;
    const StartupPrompts::LoginAnswer answer = m_prompts.askLogin(
        *m_session, m_server, m_login,
        tr("Your session has ended. Log in again to send your changes; they are kept on this computer."));
    switch (answer.choice) {
    case StartupPrompts::LoginAnswer::Choice::LoggedIn:
        rememberLogin(answer);
        return;
    case StartupPrompts::LoginAnswer::Choice::WorkOffline:
        return;
    case StartupPrompts::LoginAnswer::Choice::Quit:
        emit quitRequested(0);
        return;
    }
}

void StartupController::reloadUser()
{
    if (!m_user || !m_inbox)
        return;
    const Result<std::optional<User>> user = storage::ReferenceRepository(*m_db).user(m_user->id);
    if (!user) {
        qCWarning(lcUi) << "reading the signed-in user failed:" << user.error().toString();
        return;
    }
    if (!*user)
        return; // not (yet) in the reference data: "My cases" keeps working with the id
    m_user = **user;
    m_inbox->setUser(m_user);
    if (m_window && m_window->caseAssignment())
        m_window->caseAssignment()->setUser(*m_user);
}

void StartupController::openNewCase()
{
    NewCaseDialog dialog(*m_db, m_user.value_or(User{}), m_window.get());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_inbox->refresh();
    m_window->showCase(dialog.createdCaseId());
    m_session->syncNow();
}

void StartupController::showWindow()
{
    m_inbox = std::make_unique<InboxController>(*m_db, m_user);
    m_window = std::make_unique<MainWindow>(*m_inbox);
    if (m_session) {
        m_window->setSyncSession(m_session.get());
        // The worker wrote to the cache file: the inbox reads its page again.
        connect(m_session.get(), &sync::SyncSession::synced, m_inbox.get(), &InboxController::refresh);
        connect(m_window.get(), &MainWindow::loginAgainRequested, this, &StartupController::logInAgain);
        connect(m_window.get(), &MainWindow::newCaseRequested, this, &StartupController::openNewCase);
        connect(m_session.get(), &sync::SyncSession::referenceUpdated, this, &StartupController::reloadUser);
        auto *attention = new NeedsAttentionPanel(*m_db, m_user ? m_user->id : QUuid(), m_window.get());
        m_window->setNeedsAttention(attention);
        connect(m_session.get(), &sync::SyncSession::synced, attention, &NeedsAttentionPanel::reload);
        // A change re-applied or discarded: the inbox shows it, and a re-applied one goes out.
        connect(attention, &NeedsAttentionPanel::outboxChanged, m_inbox.get(), &InboxController::refresh);
        connect(attention, &NeedsAttentionPanel::outboxChanged, m_session.get(), &sync::SyncSession::syncNow);
        // Cases are worked on with a session only: without a server nothing would ever send the commands.
        auto *assignment = new CaseAssignmentBar(*m_db, m_user.value_or(User{}), m_window.get());
        m_window->setCaseAssignment(assignment);
        connect(assignment, &CaseAssignmentBar::outboxChanged, m_inbox.get(), &InboxController::refresh);
        connect(assignment, &CaseAssignmentBar::outboxChanged, m_window.get(), &MainWindow::showCase);
        connect(assignment, &CaseAssignmentBar::outboxChanged, m_session.get(), &sync::SyncSession::syncNow);
        auto *work = new CaseWorkBar(*m_db, m_user ? m_user->id : QUuid(), m_window.get());
        m_window->setCaseWork(work);
        connect(m_session.get(), &sync::SyncSession::synced, m_window.get(), &MainWindow::reloadCase);
        connect(work, &CaseWorkBar::outboxChanged, m_inbox.get(), &InboxController::refresh);
        connect(work, &CaseWorkBar::outboxChanged, m_window.get(), &MainWindow::showCase);
        connect(work, &CaseWorkBar::outboxChanged, m_session.get(), &sync::SyncSession::syncNow);
        if (m_blobs) {
            auto *documents = new CaseDocumentsPanel(*m_db, *m_blobs, m_user ? m_user->id : QUuid(), m_window.get());
            m_window->setCaseDocuments(documents);
            connect(m_session.get(), &sync::SyncSession::synced, documents, &CaseDocumentsPanel::reload);
            connect(documents, &CaseDocumentsPanel::outboxChanged, m_inbox.get(), &InboxController::refresh);
            // An import ends after a while: the case it was for may no longer be the one shown.
            connect(documents, &CaseDocumentsPanel::outboxChanged, m_window.get(), &MainWindow::reloadCase);
            connect(documents, &CaseDocumentsPanel::outboxChanged, m_session.get(), &sync::SyncSession::syncNow);
        }
        auto *notes = new CaseNotesPanel(*m_db, m_user ? m_user->id : QUuid(), m_window.get());
        m_window->setCaseNotes(notes);
        connect(m_session.get(), &sync::SyncSession::synced, notes, &CaseNotesPanel::reload);
        connect(notes, &CaseNotesPanel::outboxChanged, m_inbox.get(), &InboxController::refresh);
        connect(notes, &CaseNotesPanel::outboxChanged, m_session.get(), &sync::SyncSession::syncNow);
    }
    m_window->show();
}

void StartupController::finish(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Done:
        showWindow();
        emit ready();
        return;
    case Outcome::Quit:
        emit quitRequested(0);
        return;
    case Outcome::Failed:
        emit quitRequested(1);
        return;
    }
}

} // namespace casedesk::ui
