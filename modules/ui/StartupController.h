// Start-up of the client: finds the cache key (keychain, else a passphrase), opens the cache (offering a
// way out when it cannot be opened), fills an empty cache with demo cases in the background, settles
// which demo user this is, then shows the main window.
#pragma once

#include "core/Result.h"
#include "core/User.h"
#include "ui/StartupPrompts.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace casedesk::storage {
class CacheDatabase;
}

namespace casedesk::ui {

class InboxController;
class MainWindow;

struct StartupOptions {
    QString cachePath;    // empty: <AppLocalDataLocation>/cache.db
    qint64 demoCases = 0; // > 0: fill an empty cache with this many demo cases
    QString userLogin;    // demo user to be, instead of asking
    // Where the key comes from when a keychain is reachable; tests substitute their own.
    std::function<Result<QByteArray>(const QString &cacheName, bool createIfMissing)> keychainKey;
};

class StartupController : public QObject {
    Q_OBJECT

public:
    static constexpr auto KeychainName = "default";
    static constexpr auto DemoUserSetting = "demoUser";

    StartupController(StartupOptions options, StartupPrompts &prompts, QObject *parent = nullptr);
    ~StartupController() override;

    static QString defaultCachePath();

    QString cachePath() const { return m_path; }
    storage::CacheDatabase *database() const { return m_db.get(); }
    const std::optional<User> &user() const { return m_user; }
    InboxController *inboxController() const { return m_inbox.get(); }
    MainWindow *mainWindow() const { return m_window.get(); }

public slots:
    // Runs the steps; ends with ready() or quitRequested(). Returns early while the demo fill runs.
    void start();

signals:
    void ready();
    void quitRequested(int exitCode); // 0: the user chose to quit; 1: an error stopped start-up

private:
    enum class Outcome { Done, Quit, Failed };
    Outcome openCache();
    Result<QByteArray> passphraseKey(const QString &problem, bool *cancelled);
    void fillDemoCases();
    void onFillFinished();
    Outcome chooseUser();
    void showWindow();
    void finish(Outcome outcome);

    StartupOptions m_options;
    StartupPrompts &m_prompts;
    QString m_path;
    std::unique_ptr<storage::CacheDatabase> m_db;
    std::optional<User> m_user;
    std::unique_ptr<InboxController> m_inbox;
    std::unique_ptr<MainWindow> m_window;
    QFutureWatcher<Result<void>> m_fill;
};

} // namespace casedesk::ui
