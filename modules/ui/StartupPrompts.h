// The questions start-up asks the user, behind an interface so tests answer them with a script instead of
// modal dialogs (DialogStartupPrompts is the real one).
#pragma once

#include "core/Result.h"
#include "core/Team.h"
#include "core/User.h"

#include <QList>
#include <QString>
#include <QUrl>
#include <QUuid>

#include <optional>

namespace casedesk::sync {
class SyncSession;
}

namespace casedesk::ui {

class StartupPrompts {
public:
    enum class PassphraseMode {
        Create, // a new cache: the passphrase is asked twice
        Open,   // an existing cache
    };
    enum class Recovery {
        Retry,     // try another passphrase (offered only where a passphrase was typed)
        MoveAside, // move the cache aside and start a new one
        Quit,
    };

    struct LoginAnswer {
        enum class Choice {
            LoggedIn,    // the session logged in (it emitted loggedIn)
            WorkOffline, // continue with the cache, without a session
            Quit,
        };
        Choice choice = Choice::Quit;
        QUrl server; // what the user logged in to
        QString login;
    };

    virtual ~StartupPrompts() = default;

    // No keychain: explains that and asks for the cache passphrase. `problem` says why it is asked again
    // (empty the first time). nullopt: the user cancelled.
    virtual std::optional<QString> askPassphrase(PassphraseMode mode, const QString &problem) = 0;

    // The cache cannot be opened (wrong key, damaged, newer schema): shows the error and asks what to do.
    virtual Recovery askRecovery(const Error &error, bool canRetry) = 0;

    // Until login exists: which demo user this installation is. nullopt: cancelled.
    virtual std::optional<QUuid> chooseDemoUser(const QList<User> &users, const QList<Team> &teams) = 0;

    // Asks for the server, login and password and logs in through `session` (asynchronously, so the prompt stays
    // responsive) until it succeeds or the user works offline or quits. `server` and `login` are suggestions;
    // `problem` says why the login is asked for (empty at the first login).
    virtual LoginAnswer askLogin(sync::SyncSession &session, const QUrl &server, const QString &login,
                                 const QString &problem) = 0;

    // An error start-up cannot continue after; the application quits when this returns.
    virtual void showError(const Error &error) = 0;

    // Progress of filling the cache with demo cases (runs while the event loop keeps the UI responsive).
    virtual void beginProgress(const QString &text, int maximum) = 0;
    virtual void setProgress(int value) = 0;
    virtual void endProgress() = 0;
};

} // namespace casedesk::ui
