#include "ui/DialogStartupPrompts.h"

#include "sync/SyncSession.h"
#include "ui/DemoUserDialog.h"
#include "ui/LoginDialog.h"
#include "ui/PassphraseDialog.h"

#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

namespace casedesk::ui {

DialogStartupPrompts::~DialogStartupPrompts()
{
    delete m_progress;
}

std::optional<QString> DialogStartupPrompts::askPassphrase(PassphraseMode mode, const QString &problem)
{
    PassphraseDialog dialog(mode, problem);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.passphrase();
}

StartupPrompts::Recovery DialogStartupPrompts::askRecovery(const Error &error, bool canRetry)
{
    QMessageBox box(QMessageBox::Warning, tr("CaseDesk: local case cache"), error.message);
    box.setInformativeText(tr("If you move the file aside, it is kept beside the new cache: nothing is deleted. "
                              "Cases that were synchronised are loaded again from the server."));
    box.setDetailedText(error.detail);
    QPushButton *retry = canRetry ? box.addButton(tr("Try another passphrase"), QMessageBox::AcceptRole) : nullptr;
    QPushButton *moveAside = box.addButton(tr("Move aside and start a new cache"), QMessageBox::DestructiveRole);
    QPushButton *quit = box.addButton(tr("Quit"), QMessageBox::RejectRole);
    box.setDefaultButton(retry ? retry : quit);
    box.setEscapeButton(quit);
    box.exec();
    if (retry && box.clickedButton() == retry)
        return Recovery::Retry;
    return box.clickedButton() == moveAside ? Recovery::MoveAside : Recovery::Quit;
}

std::optional<QUuid> DialogStartupPrompts::chooseDemoUser(const QList<User> &users, const QList<Team> &teams)
{
    DemoUserDialog dialog(users, teams);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedUserId().isNull())
        return std::nullopt;
    return dialog.selectedUserId();
}

StartupPrompts::LoginAnswer DialogStartupPrompts::askLogin(sync::SyncSession &session, const QUrl &server,
                                                           const QString &login, const QString &problem)
{
    LoginDialog dialog(server, login, problem);
    QObject::connect(&dialog, &LoginDialog::loginRequested, &session, &sync::SyncSession::logIn);
    QObject::connect(&session, &sync::SyncSession::loggedIn, &dialog, &LoginDialog::loggedIn);
    QObject::connect(&session, &sync::SyncSession::loginFailed, &dialog, &LoginDialog::loginFailed);
    const int result = dialog.exec();
    LoginAnswer answer;
    answer.server = dialog.serverUrl();
    answer.login = dialog.login();
    answer.choice = result == QDialog::Accepted          ? LoginAnswer::Choice::LoggedIn
                    : result == LoginDialog::WorkOffline ? LoginAnswer::Choice::WorkOffline
                                                         : LoginAnswer::Choice::Quit;
    return answer;
}

void DialogStartupPrompts::showError(const Error &error)
{
    QMessageBox box(QMessageBox::Critical, tr("CaseDesk"), error.message);
    box.setDetailedText(error.detail);
    box.exec();
}

void DialogStartupPrompts::beginProgress(const QString &text, int maximum)
{
    delete m_progress;
    m_progress = new QProgressDialog(text, QString(), 0, maximum);
    m_progress->setWindowTitle(tr("CaseDesk"));
    m_progress->setCancelButton(nullptr); // a half-filled demo cache would be worse than waiting a few seconds
    m_progress->setMinimumDuration(0);
    m_progress->setAutoClose(false);
    m_progress->setValue(0);
}

void DialogStartupPrompts::setProgress(int value)
{
    if (m_progress)
        m_progress->setValue(value);
}

void DialogStartupPrompts::endProgress()
{
    delete m_progress;
}

} // namespace casedesk::ui
