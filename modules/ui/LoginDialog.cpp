#include "ui/LoginDialog.h"

#include "sync/SyncSession.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace casedesk::ui {

LoginDialog::LoginDialog(const QUrl &server, const QString &login, const QString &problem, QWidget *parent)
    : QDialog(parent), m_server(server), m_serverField(new QLineEdit(server.toDisplayString(), this)),
      m_loginField(new QLineEdit(login, this)), m_passwordField(new QLineEdit(this)), m_message(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_logIn(new QPushButton(tr("&Log in"), this)),
      m_workOffline(new QPushButton(tr("Work &offline"), this)), m_quit(new QPushButton(tr("&Quit"), this))
{
    setWindowTitle(tr("CaseDesk: log in"));
    auto *explanation =
        new QLabel(tr("Log in to the CaseDesk server of your administration. Without a connection you can work "
                      "offline with the cases on this computer; your changes are sent at the next login."),
                   this);
    explanation->setWordWrap(true);

    m_serverField->setAccessibleName(tr("Server address"));
    m_serverField->setPlaceholderText(QStringLiteral("https://casedesk.example.org"));
    m_loginField->setAccessibleName(tr("Login"));
    m_passwordField->setAccessibleName(tr("Password"));
    m_passwordField->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_serverField);
    form->addRow(tr("Lo&gin:"), m_loginField);
    form->addRow(tr("&Password:"), m_passwordField);

    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Login problem"));
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_progress->setRange(0, 0); // busy: the server's answer has no measurable progress
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Logging in"));
    m_progress->hide();

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_logIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_workOffline, QDialogButtonBox::ActionRole);
    buttons->addButton(m_quit, QDialogButtonBox::RejectRole);
    // Return logs in, never works offline or quits by accident while "Log in" is still disabled.
    m_logIn->setDefault(true);
    m_workOffline->setAutoDefault(false);
    m_quit->setAutoDefault(false);
    connect(m_logIn, &QPushButton::clicked, this, &LoginDialog::requestLogin);
    connect(m_workOffline, &QPushButton::clicked, this, [this] { done(WorkOffline); });
    connect(m_quit, &QPushButton::clicked, this, &QDialog::reject);
    for (QLineEdit *field : {m_serverField, m_loginField, m_passwordField})
        connect(field, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    showMessage(problem);
    updateButtons();
    // Straight to what is missing.
    (m_serverField->text().isEmpty() ? m_serverField
                                     : (m_loginField->text().isEmpty() ? m_loginField : m_passwordField))
        ->setFocus();
}

QString LoginDialog::login() const
{
    return m_loginField->text().trimmed();
}

void LoginDialog::loggedIn()
{
    if (!m_busy)
        return; // an answer to nothing this dialog asked
    setBusy(false);
    m_passwordField->clear();
    accept();
}

void LoginDialog::loginFailed(const QString &message)
{
    if (!m_busy)
        return;
    setBusy(false);
    m_passwordField->clear();
    showMessage(message);
    m_passwordField->setFocus();
}

void LoginDialog::requestLogin()
{
    if (m_busy || !m_logIn->isEnabled())
        return;
    const Result<QUrl> server = sync::SyncSession::parseServerUrl(m_serverField->text());
    if (!server) {
        showMessage(server.error().message);
        m_serverField->setFocus();
        return;
    }
    m_server = server.value();
    showMessage(QString());
    setBusy(true);
    emit loginRequested(m_server, login(), m_passwordField->text());
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    for (QLineEdit *field : {m_serverField, m_loginField, m_passwordField})
        field->setReadOnly(busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
    updateButtons();
}

void LoginDialog::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void LoginDialog::updateButtons()
{
    // Working offline and quitting stay possible while the server takes its time.
    m_logIn->setEnabled(!m_busy && !m_serverField->text().trimmed().isEmpty() && !login().isEmpty() &&
                        !m_passwordField->text().isEmpty());
}

} // namespace casedesk::ui
