// The login dialog with real widgets (offscreen): the fields, the server address checked before anything is sent,
// the busy state while the login runs elsewhere, the server's error shown with the password cleared, and the
// three ways out (logged in, work offline, quit).
#include "ui/LoginDialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using casedesk::ui::LoginDialog;

class TestLoginDialog : public QObject {
    Q_OBJECT

private slots:
    void fieldsStartFromTheSuggestions();
    void logInNeedsEveryField();
    void serverAddressIsChecked_data();
    void serverAddressIsChecked();
    void busyWhileTheLoginRuns();
    void failureShowsTheReasonAndClearsThePassword();
    void successAccepts();
    void workOfflineAndQuit();

private:
    static void fill(LoginDialog &dialog, const QString &server, const QString &login, const QString &password)
    {
        dialog.serverField()->setText(server);
        dialog.loginField()->setText(login);
        dialog.passwordField()->setText(password);
    }
};

void TestLoginDialog::fieldsStartFromTheSuggestions()
{
    LoginDialog dialog(QUrl(QStringLiteral("http://127.0.0.1:8080")), QStringLiteral("anna"),
                       QStringLiteral("Your session has ended."));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.serverField()->text(), QStringLiteral("http://127.0.0.1:8080"));
    QCOMPARE(dialog.loginField()->text(), QStringLiteral("anna"));
    QVERIFY(dialog.passwordField()->text().isEmpty());
    QCOMPARE(dialog.passwordField()->echoMode(), QLineEdit::Password);
    QCOMPARE(dialog.messageLabel()->text(), QStringLiteral("Your session has ended."));
    // Only the password is missing: the cursor waits there.
    QTRY_COMPARE(QApplication::focusWidget(), dialog.passwordField());
    QVERIFY(!dialog.isBusy());
}

void TestLoginDialog::logInNeedsEveryField()
{
    LoginDialog dialog{QUrl(), QString(), QString()};
    QSignalSpy requested(&dialog, &LoginDialog::loginRequested);
    QVERIFY(!dialog.logInButton()->isEnabled());
    fill(dialog, QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("anna"), QString());
    QVERIFY(!dialog.logInButton()->isEnabled());
    dialog.passwordField()->setText(QStringLiteral("secret"));
    QVERIFY(dialog.logInButton()->isEnabled());
    dialog.loginField()->setText(QStringLiteral("   "));
    QVERIFY(!dialog.logInButton()->isEnabled());
    // Return in a field with "Log in" disabled neither logs in nor leaves the dialog.
    QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
    QVERIFY(requested.isEmpty());
    QVERIFY(!dialog.isBusy());
}

void TestLoginDialog::serverAddressIsChecked_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("sent"); // empty: refused
    QTest::newRow("http with port") << QStringLiteral("http://127.0.0.1:8080")
                                    << QStringLiteral("http://127.0.0.1:8080");
    QTest::newRow("https with path") << QStringLiteral(" https://casedesk.example.org/stadt ")
                                     << QStringLiteral("https://casedesk.example.org/stadt");
    QTest::newRow("bare host") << QStringLiteral("casedesk.example.org")
                               << QStringLiteral("http://casedesk.example.org");
    QTest::newRow("other scheme") << QStringLiteral("ftp://casedesk.example.org") << QString();
    QTest::newRow("with a query") << QStringLiteral("https://casedesk.example.org/?x=1") << QString();
    QTest::newRow("with credentials") << QStringLiteral("https://anna:pw@casedesk.example.org") << QString();
    QTest::newRow("no host") << QStringLiteral("https://") << QString();
}

void TestLoginDialog::serverAddressIsChecked()
{
    QFETCH(QString, typed);
    QFETCH(QString, sent);
    LoginDialog dialog{QUrl(), QString(), QString()};
    QSignalSpy requested(&dialog, &LoginDialog::loginRequested);
    fill(dialog, typed, QStringLiteral("anna"), QStringLiteral("secret"));
    QTest::mouseClick(dialog.logInButton(), Qt::LeftButton);
    if (sent.isEmpty()) {
        QVERIFY(requested.isEmpty());
        QVERIFY(!dialog.isBusy());
        QVERIFY(dialog.messageLabel()->text().contains(QStringLiteral("server address")));
        QCOMPARE(dialog.passwordField()->text(), QStringLiteral("secret")); // only the address needs fixing
        return;
    }
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toUrl(), QUrl(sent));
    QCOMPARE(requested.at(0).at(1).toString(), QStringLiteral("anna"));
    QCOMPARE(requested.at(0).at(2).toString(), QStringLiteral("secret"));
}

void TestLoginDialog::busyWhileTheLoginRuns()
{
    LoginDialog dialog{QUrl(), QString(), QString()};
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy requested(&dialog, &LoginDialog::loginRequested);
    fill(dialog, QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("anna"), QStringLiteral("secret"));
    const auto busyBar = [&] { return dialog.findChild<QProgressBar *>(); };
    QVERIFY(!busyBar()->isVisible());
    QTest::keyClick(dialog.passwordField(), Qt::Key_Return); // the default button
    QCOMPARE(requested.size(), 1);
    QVERIFY(dialog.isBusy());
    QVERIFY(busyBar()->isVisible());
    QVERIFY(!dialog.logInButton()->isEnabled());
    QVERIFY(dialog.serverField()->isReadOnly() && dialog.loginField()->isReadOnly());
    // The way out stays open while the server takes its time.
    QVERIFY(dialog.workOfflineButton()->isEnabled());
    QVERIFY(dialog.quitButton()->isEnabled());
    // A second request is not sent while the first runs.
    QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QVERIFY(dialog.isVisible());
}

void TestLoginDialog::failureShowsTheReasonAndClearsThePassword()
{
    LoginDialog dialog{QUrl(), QString(), QString()};
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fill(dialog, QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("anna"), QStringLiteral("wrong"));
    QTest::mouseClick(dialog.logInButton(), Qt::LeftButton);
    QVERIFY(dialog.isBusy());
    const QString reason = QStringLiteral("The login or the password is wrong, or the account is disabled.");
    dialog.loginFailed(reason);
    QVERIFY(!dialog.isBusy());
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.messageLabel()->text(), reason);
    QVERIFY(dialog.messageLabel()->isVisible());
    QVERIFY(dialog.passwordField()->text().isEmpty());
    QCOMPARE(dialog.loginField()->text(), QStringLiteral("anna")); // kept: only the password is typed again
    QVERIFY(!dialog.serverField()->isReadOnly());
    QTRY_COMPARE(QApplication::focusWidget(), dialog.passwordField());
    // The next attempt clears the old reason.
    dialog.passwordField()->setText(QStringLiteral("right"));
    QTest::mouseClick(dialog.logInButton(), Qt::LeftButton);
    QVERIFY(!dialog.messageLabel()->isVisible());
}

void TestLoginDialog::successAccepts()
{
    LoginDialog dialog{QUrl(), QString(), QString()};
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // An answer nobody asked for changes nothing.
    dialog.loggedIn();
    QVERIFY(dialog.isVisible());
    fill(dialog, QStringLiteral("https://casedesk.example.org"), QStringLiteral(" anna "), QStringLiteral("secret"));
    QTest::mouseClick(dialog.logInButton(), Qt::LeftButton);
    dialog.loggedIn();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.serverUrl(), QUrl(QStringLiteral("https://casedesk.example.org")));
    QCOMPARE(dialog.login(), QStringLiteral("anna"));
    QVERIFY(dialog.passwordField()->text().isEmpty()); // not kept in memory longer than needed
}

void TestLoginDialog::workOfflineAndQuit()
{
    LoginDialog offline{QUrl(), QString(), QString()};
    offline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&offline));
    QTest::mouseClick(offline.workOfflineButton(), Qt::LeftButton);
    QCOMPARE(offline.result(), LoginDialog::WorkOffline);
    QVERIFY(!offline.isVisible());

    LoginDialog quit{QUrl(), QString(), QString()};
    quit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&quit));
    QTest::mouseClick(quit.quitButton(), Qt::LeftButton);
    QCOMPARE(quit.result(), int(QDialog::Rejected));
    QVERIFY(!quit.isVisible());
}

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
