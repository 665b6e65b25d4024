// The administrator's subcommands of the built casedesk-server binary (migrate, team, user) against a real
// PostgreSQL database named by CASEDESK_DB. The functions run in order and build on each other.
#include "mock/TestSupport.h"
#include "server/PasswordHash.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <memory>

#include "PostgresTestDatabase.h"

using namespace casedesk;
using namespace casedesk::server;

namespace {

const QString annaPassword = QStringLiteral("Königstraße-Stuttgart-1");

} // namespace

class TestAdminCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void help_data();
    void help();
    void usageErrors_data();
    void usageErrors();
    void noDatabaseConfigured();
    void refusesUnmigratedDatabase();
    void migrate();
    void addTeam();
    void addUserWithPasswordOnStdin();
    void refusesShortPassword();
    void disableUser();

private:
    test::CommandRun run(const QStringList &arguments, const QByteArray &input = {}, bool withDatabase = true);
    QString storedPasswordHash(const QString &login);

    std::unique_ptr<test::PostgresTestDatabase> m_pg;
    QString m_binary;
};

void TestAdminCommand::initTestCase()
{
    m_binary = QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/casedesk-server");
    QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary));
    m_pg = std::make_unique<test::PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
}

void TestAdminCommand::cleanupTestCase()
{
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    m_pg.reset();
}

test::CommandRun TestAdminCommand::run(const QStringList &arguments, const QByteArray &input, bool withDatabase)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CASEDESK_DB"));
    environment.insert(QStringLiteral("CASEDESK_CONFIG"), QStringLiteral("/nonexistent/casedesk-server.conf"));
    if (withDatabase)
        environment.insert(QStringLiteral("CASEDESK_DB"), m_pg->connectionString());
    // Standard input is a pipe, never a terminal, so the password comes from `input`.
    return test::runServerCommand(arguments, input, environment);
}

QString TestAdminCommand::storedPasswordHash(const QString &login)
{
    QSqlDatabase db = QSqlDatabase::contains(QStringLiteral("check"))
                          ? QSqlDatabase::database(QStringLiteral("check"))
                          : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("check"));
    db.setHostName(m_pg->socketDirectory());
    db.setDatabaseName(m_pg->name());
    db.setUserName(QStringLiteral("casedesk"));
    if (!db.isOpen() && !db.open())
        return {};
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT password_hash FROM users WHERE login = :login"));
    query.bindValue(QStringLiteral(":login"), login);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

void TestAdminCommand::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::newRow("top level") << QStringList{QStringLiteral("--help")} << "migrate";
    QTest::newRow("migrate") << QStringList{QStringLiteral("migrate"), QStringLiteral("--help")}
                             << "usage: casedesk-server migrate";
    QTest::newRow("user") << QStringList{QStringLiteral("user"), QStringLiteral("--help")}
                          << "usage: casedesk-server user add";
    QTest::newRow("user add") << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--help")}
                              << "usage: casedesk-server user add";
    QTest::newRow("team") << QStringList{QStringLiteral("team"), QStringLiteral("--help")}
                          << "usage: casedesk-server team add";
    QTest::newRow("team list") << QStringList{QStringLiteral("team"), QStringLiteral("list"), QStringLiteral("-h")}
                               << "usage: casedesk-server team add";
}

void TestAdminCommand::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);

    const test::CommandRun result = run(arguments, {}, false);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(expected), qPrintable(result.out));
}

void TestAdminCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("migrate with argument") << QStringList{QStringLiteral("migrate"), QStringLiteral("now")};
    QTest::newRow("user without action") << QStringList{QStringLiteral("user")};
    QTest::newRow("unknown action") << QStringList{QStringLiteral("user"), QStringLiteral("delete")};
    QTest::newRow("user add without name")
        << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--role"),
                       QStringLiteral("clerk")};
    QTest::newRow("unknown role") << QStringList{
        QStringLiteral("user"), QStringLiteral("add"),    QStringLiteral("x"),   QStringLiteral("--name"),
        QStringLiteral("X"),    QStringLiteral("--role"), QStringLiteral("boss")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("team"), QStringLiteral("list"),
                                                   QStringLiteral("--password=x")};
    QTest::newRow("team add without file plan")
        << QStringList{QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("32.1"), QStringLiteral("--name"),
                       QStringLiteral("X")};
}

void TestAdminCommand::usageErrors()
{
    QFETCH(QStringList, arguments);

    const test::CommandRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QLatin1String("usage: casedesk-server")), qPrintable(result.err));
}

void TestAdminCommand::noDatabaseConfigured()
{
    const test::CommandRun result = run({QStringLiteral("migrate")}, {}, false);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("CASEDESK_DB")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("/nonexistent/casedesk-server.conf")), qPrintable(result.err));
}

void TestAdminCommand::refusesUnmigratedDatabase()
{
    const test::CommandRun result = run({QStringLiteral("user"), QStringLiteral("list")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("casedesk-server migrate")), qPrintable(result.err));
}

void TestAdminCommand::migrate()
{
    const test::CommandRun first = run({QStringLiteral("migrate")});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QVERIFY2(first.out.contains(QLatin1String("(applied")), qPrintable(first.out));
    const test::CommandRun second = run({QStringLiteral("migrate")});
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QVERIFY2(second.out.contains(QLatin1String("already at version")), qPrintable(second.out));
}

void TestAdminCommand::addTeam()
{
    const test::CommandRun added =
        run({QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("32.1"), QStringLiteral("--name"),
             QStringLiteral("Straßenverkehr"), QStringLiteral("--file-plan"), QStringLiteral("32.10")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    const test::CommandRun duplicate =
        run({QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("32.1"), QStringLiteral("--name"),
             QStringLiteral("Noch eins"), QStringLiteral("--file-plan"), QStringLiteral("32.11")});
    QCOMPARE(duplicate.exitCode, 1);
    QVERIFY2(duplicate.err.contains(QLatin1String("already exists")), qPrintable(duplicate.err));

    const test::CommandRun list = run({QStringLiteral("team"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    const QStringList lines = list.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // header and the one team
    QCOMPARE(lines.at(1).split(u' ', Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("32.1"), QStringLiteral("32.10"), QStringLiteral("Straßenverkehr")}));
}

void TestAdminCommand::addUserWithPasswordOnStdin()
{
    const test::CommandRun added =
        run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("a.mueller"), QStringLiteral("--name"),
             QStringLiteral("Anna Müller"), QStringLiteral("--role"), QStringLiteral("clerk"), QStringLiteral("--role"),
             QStringLiteral("teamLead"), QStringLiteral("--team"), QStringLiteral("32.1")},
            annaPassword.toUtf8() + "\n");
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QVERIFY2(added.out.contains(QLatin1String("a.mueller")), qPrintable(added.out));
    // The first line of standard input, without its line break, is the password.
    const QString stored = storedPasswordHash(QStringLiteral("a.mueller"));
    QVERIFY(PasswordHash::verify(stored, annaPassword));

    const test::CommandRun list = run({QStringLiteral("user"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    const QStringList lines = list.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(1).split(u' ', Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("a.mueller"), QStringLiteral("Anna"), QStringLiteral("Müller"),
                          QStringLiteral("clerk,teamLead"), QStringLiteral("32.1"), QStringLiteral("active")}));

    const test::CommandRun unknownTeam =
        run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("b.bauer"), QStringLiteral("--name"),
             QStringLiteral("Bernd Bauer"), QStringLiteral("--role"), QStringLiteral("clerk"), QStringLiteral("--team"),
             QStringLiteral("99.9")},
            annaPassword.toUtf8() + "\n");
    QCOMPARE(unknownTeam.exitCode, 1);
    QVERIFY2(unknownTeam.err.contains(QLatin1String("99.9")), qPrintable(unknownTeam.err));
}

void TestAdminCommand::refusesShortPassword()
{
    const test::CommandRun result =
        run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("k.kurz"), QStringLiteral("--name"),
             QStringLiteral("Karl Kurz"), QStringLiteral("--role"), QStringLiteral("auditor")},
            "kurz\n");
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("too short")), qPrintable(result.err));
    QVERIFY(storedPasswordHash(QStringLiteral("k.kurz")).isEmpty());
}

void TestAdminCommand::disableUser()
{
    const test::CommandRun disabled =
        run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("a.mueller")});
    QVERIFY2(disabled.exitCode == 0, qPrintable(disabled.err));
    const test::CommandRun list = run({QStringLiteral("user"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.split(u'\n', Qt::SkipEmptyParts).at(1).endsWith(QLatin1String("disabled")), qPrintable(list.out));

    const test::CommandRun unknown =
        run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("niemand")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QLatin1String("niemand")), qPrintable(unknown.err));
}

QTEST_GUILESS_MAIN(TestAdminCommand)
#include "tst_admincommand.moc"
