// The real start-up prompts: modal dialogs (the login dialog among them) and a progress dialog.
#pragma once

#include "ui/StartupPrompts.h"

#include <QCoreApplication>
#include <QPointer>

class QProgressDialog;

namespace casedesk::ui {

class DialogStartupPrompts final : public StartupPrompts {
    Q_DECLARE_TR_FUNCTIONS(casedesk::ui::DialogStartupPrompts)

public:
    DialogStartupPrompts() = default;
    ~DialogStartupPrompts() override;

    std::optional<QString> askPassphrase(PassphraseMode mode, const QString &problem) override;
    Recovery askRecovery(const Error &error, bool canRetry) override;
    std::optional<QUuid> chooseDemoUser(const QList<User> &users, const QList<Team> &teams) override;
    LoginAnswer askLogin(sync::SyncSession &session, const QUrl &server, const QString &login,
                         const QString &problem) override;
    void showError(const Error &error) override;
    void beginProgress(const QString &text, int maximum) override;
    void setProgress(int value) override;
    void endProgress() override;

private:
    QPointer<QProgressDialog> m_progress;
};

} // namespace casedesk::ui
