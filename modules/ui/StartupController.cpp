#include "ui/StartupController.h"

#include "core/Clock.h"
#include "core/Uuid.h"
#include "storage/CacheDatabase.h"
#include "storage/CacheKey.h"
#include "storage/CaseRepository.h"
#include "storage/ReferenceRepository.h"
#include "ui/DemoCacheFiller.h"
#include "ui/InboxController.h"
#include "ui/MainWindow.h"
#include "ui/UiLog.h"

#include <QDir>
#include <QFileInfo>
#include <QPromise>
#include <QStandardPaths>
#include <QtConcurrent>

namespace casedesk::ui {

StartupController::StartupController(StartupOptions options, StartupPrompts &prompts, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_prompts(prompts)
{
    if (!m_options.keychainKey)
        m_options.keychainKey = &storage::CacheKey::fromKeychain;
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
    // The keychain is asked once: without one, every attempt below asks for the passphrase instead.
    const Result<QByteArray> keychainKey = m_options.keychainKey(QString::fromLatin1(KeychainName), true);
    const bool usePassphrase = !keychainKey && keychainKey.error().code == ErrorCode::KeychainUnavailable;
    if (usePassphrase)
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

void StartupController::showWindow()
{
    m_inbox = std::make_unique<InboxController>(*m_db, m_user);
    m_window = std::make_unique<MainWindow>(*m_inbox);
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
