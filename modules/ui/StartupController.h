// Start-up of the client: finds the cache key (keychain, else a passphrase), opens the cache (offering a
// way out when it cannot be opened), then shows the main window.
// With a server (--server, or the one of the last successful login): starts the SyncSession on the same cache,
// continuing the session stored in the keychain or asking for a login (working offline stays possible: the cache
// opens without the server); the user is the logged-in one. Without a server (demo): fills an empty cache with
// demo cases in the background and settles which demo user this is.
#pragma once

#include "core/Result.h"
#include "core/User.h"
#include "storage/BlobFileStore.h"
#include "sync/SyncSession.h"
#include "ui/StartupPrompts.h"

#include <QFutureWatcher>
#include <QObject>
#include <QUrl>

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
    QUrl serverUrl; // --server; empty: the server of the last successful login, if any, else the demo
    // Where the session tokens are kept; empty: the keychain (KeychainTokenStore). Tests substitute their own.
    sync::SyncSession::TokenStoreFactory tokenStores;
};

class StartupController : public QObject {
    Q_OBJECT

public:
    static constexpr auto KeychainName = "default";
    static constexpr auto DemoUserSetting = "demoUser";
    static constexpr auto ServerSetting = "server/url"; // QSettings: the last successful login
    static constexpr auto LoginSetting = "server/login";

    StartupController(StartupOptions options, StartupPrompts &prompts, QObject *parent = nullptr);
    ~StartupController() override;

    static QString defaultCachePath();

    QString cachePath() const { return m_path; }
    storage::CacheDatabase *database() const { return m_db.get(); }
    const std::optional<User> &user() const { return m_user; }
    InboxController *inboxController() const { return m_inbox.get(); }
    MainWindow *mainWindow() const { return m_window.get(); }
    sync::SyncSession *syncSession() const { return m_session.get(); } // nullptr without a server

public slots:
    // Runs the steps; ends with ready() or quitRequested(). Returns early while the demo fill runs.
    void start();
    // After the session ended (MainWindow's "Log in again"): asks for the login; the outbox waits meanwhile.
    void logInAgain();
    // MainWindow's "New case": the dialog, then the new case shown and sent.
    void openNewCase();

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
    void reloadUser(); // after new reference data: the signed-in user's teams and roles
    Outcome connectToServer();
    bool resumeSession();
    void rememberLogin(const StartupPrompts::LoginAnswer &answer);
    Outcome loadSessionUser();
    void showWindow();
    void finish(Outcome outcome);

    StartupOptions m_options;
    StartupPrompts &m_prompts;
    QString m_path;
    std::unique_ptr<storage::CacheDatabase> m_db;
    QByteArray m_key;                              // the cache's, until the session has its own connection
    std::optional<storage::BlobFileStore> m_blobs; // the documents beside the cache, with a session
    QUrl m_server;                                 // empty: no server (demo)
    QString m_login;
    std::unique_ptr<sync::SyncSession> m_session;
    std::optional<User> m_user;
    std::unique_ptr<InboxController> m_inbox;
    std::unique_ptr<MainWindow> m_window;
    QFutureWatcher<Result<void>> m_fill;
};

} // namespace casedesk::ui
