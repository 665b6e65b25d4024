// Logs the user in to the server: server address, login and password; "Log in", "Work offline" and "Quit". The
// login itself runs elsewhere (SyncSession, on its worker thread): the dialog asks for it with loginRequested(),
// stays responsive with a busy indicator meanwhile, and hears the answer through loggedIn() or loginFailed(),
// which shows the server's reason and clears the password.
#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace casedesk::ui {

class LoginDialog : public QDialog {
    Q_OBJECT

public:
    // exec()'s results besides Accepted (logged in) and Rejected (quit).
    static constexpr int WorkOffline = 2;

    // `problem`: why the login is asked for (empty at a first login), shown until the user acts.
    LoginDialog(const QUrl &server, const QString &login, const QString &problem, QWidget *parent = nullptr);

    QUrl serverUrl() const { return m_server; } // as last requested
    QString login() const;
    bool isBusy() const { return m_busy; }

    QLineEdit *serverField() const { return m_serverField; }
    QLineEdit *loginField() const { return m_loginField; }
    QLineEdit *passwordField() const { return m_passwordField; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *logInButton() const { return m_logIn; }
    QPushButton *workOfflineButton() const { return m_workOffline; }
    QPushButton *quitButton() const { return m_quit; }

public slots:
    void loggedIn();
    void loginFailed(const QString &message);

signals:
    void loginRequested(const QUrl &server, const QString &login, const QString &password);

private:
    void requestLogin();
    void setBusy(bool busy);
    void showMessage(const QString &message);
    void updateButtons();

    QUrl m_server;
    bool m_busy = false;
    QLineEdit *m_serverField;
    QLineEdit *m_loginField;
    QLineEdit *m_passwordField;
    QLabel *m_message;
    QProgressBar *m_progress;
    QPushButton *m_logIn;
    QPushButton *m_workOffline;
    QPushButton *m_quit;
};

} // namespace casedesk::ui
