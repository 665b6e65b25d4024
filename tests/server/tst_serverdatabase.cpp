// ServerConfig and ServerDatabase: the connection string from CASEDESK_DB or an owner-only config file, its
// parsing, and connecting to a real PostgreSQL database without ever showing the password.
#include "server/ServerConfig.h"
#include "server/ServerDatabase.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "PostgresTestDatabase.h"

using namespace casedesk;
using namespace casedesk::server;

namespace {

QStringList loggedMessages;

void collectMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    loggedMessages.append(message);
}

} // namespace

class TestServerDatabase : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void connectionString_data();
    void connectionString();
    void fromEnvironmentVariable();
    void fromConfigFile();
    void environmentBeforeConfigFile();
    void refusesConfigOthersMayRead_data();
    void refusesConfigOthersMayRead();
    void badConfigLine();
    void missingConfig();
    void connectFailureHidesPassword();
    void settingOfACopy();

private:
    QString writeConfig(const QString &text, QFileDevice::Permissions permissions);
    // The first value `sql` gives on the database's connection, or what went wrong.
    static QString valueOf(const ServerDatabase &database, const QString &sql);

    std::unique_ptr<test::PostgresTestDatabase> m_pg;
    QTemporaryDir m_dir;
};

void TestServerDatabase::initTestCase()
{
    m_pg = std::make_unique<test::PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    QVERIFY(m_dir.isValid());
}

void TestServerDatabase::init()
{
    qunsetenv("CASEDESK_DB");
    qunsetenv("CASEDESK_CONFIG");
}

QString TestServerDatabase::writeConfig(const QString &text, QFileDevice::Permissions permissions)
{
    static int counter = 0;
    const QString path = m_dir.filePath(QStringLiteral("server-%1.conf").arg(++counter));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.setPermissions(permissions))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString TestServerDatabase::valueOf(const ServerDatabase &database, const QString &sql)
{
    QString value;
    {
        const Result<QSqlDatabase> connection = database.connection();
        if (!connection)
            return QStringLiteral("error: ") + connection.error().toString();
        QSqlQuery query(connection.value());
        value = query.exec(sql) && query.next() ? query.value(0).toString() : QStringLiteral("query failed");
    }
    // Closed once nothing uses it any more, as QtSql requires.
    database.closeConnection();
    return value;
}

void TestServerDatabase::connectionString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("description");

    QTest::newRow("plain") << "host=/tmp/pg dbname=casedesk user=casedesk" << true
                           << "host=/tmp/pg dbname=casedesk user=casedesk";
    QTest::newRow("blanks around =") << "  dbname = casedesk   port= 5433 " << true << "port=5433 dbname=casedesk";
    QTest::newRow("quoted values") << "dbname='case desk' user='o\\'brien' password='geheim passwort'" << true
                                   << "dbname=case desk user=o'brien password=***";
    QTest::newRow("other keywords") << "dbname=c sslmode=require sslpassword=geheim" << true
                                    << "dbname=c sslmode='require' sslpassword=***";
    QTest::newRow("no dbname") << "host=/tmp user=casedesk" << false << "";
    QTest::newRow("no =") << "dbname casedesk" << false << "";
    QTest::newRow("unterminated quote") << "dbname='casedesk" << false << "";
    QTest::newRow("port not a number") << "dbname=c port=fünf" << false << "";
    QTest::newRow("port out of range") << "dbname=c port=70000" << false << "";
    QTest::newRow("semicolon in option") << "dbname=c options=a;b" << false << "";
    QTest::newRow("empty") << "" << false << "";
}

void TestServerDatabase::connectionString()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, description);

    const Result<ServerDatabase> database = ServerDatabase::fromConnectionString(text);
    QCOMPARE(database.ok(), valid);
    if (valid) {
        QCOMPARE(database->description(), description);
    } else {
        QCOMPARE(database.error().code, ErrorCode::Invalid);
        QVERIFY(!database.error().message.isEmpty());
    }
}

void TestServerDatabase::fromEnvironmentVariable()
{
    qputenv("CASEDESK_DB", m_pg->connectionString().toUtf8());
    // A config file that does not exist must not matter when CASEDESK_DB is set.
    qputenv("CASEDESK_CONFIG", m_dir.filePath(QStringLiteral("absent.conf")).toUtf8());
    const Result<ServerDatabase> database = ServerDatabase::fromEnvironment();
    QVERIFY2(database.ok(), qPrintable(database.error().toString()));
    QCOMPARE(valueOf(database.value(), QStringLiteral("SELECT current_database()")), m_pg->name());
}

void TestServerDatabase::fromConfigFile()
{
    const QString path =
        writeConfig(QStringLiteral("# casedesk-server\n\ndatabase = %1\n").arg(m_pg->connectionString()),
                    QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qputenv("CASEDESK_CONFIG", path.toUtf8());
    const Result<ServerConfig> config = ServerConfig::fromEnvironment();
    QVERIFY2(config.ok(), qPrintable(config.error().toString()));
    QCOMPARE(config->source, path);
    QCOMPARE(config->database, m_pg->connectionString());
    const Result<ServerDatabase> database = ServerDatabase::fromEnvironment();
    QVERIFY2(database.ok(), qPrintable(database.error().toString()));
    QCOMPARE(valueOf(database.value(), QStringLiteral("SELECT current_database()")), m_pg->name());
}

void TestServerDatabase::environmentBeforeConfigFile()
{
    const QString path =
        writeConfig(QStringLiteral("database = %1\n").arg(m_pg->connectionString(QStringLiteral("elsewhere"))),
                    QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qputenv("CASEDESK_CONFIG", path.toUtf8());
    qputenv("CASEDESK_DB", m_pg->connectionString().toUtf8());
    const Result<ServerDatabase> database = ServerDatabase::fromEnvironment();
    QVERIFY2(database.ok(), qPrintable(database.error().toString()));
    QCOMPARE(database->databaseName(), m_pg->name());
}

void TestServerDatabase::refusesConfigOthersMayRead_data()
{
    QTest::addColumn<QFileDevice::Permissions>("permissions");
    QTest::addColumn<bool>("accepted");

    const QFileDevice::Permissions owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QTest::newRow("0600") << owner << true;
    QTest::newRow("0400") << QFileDevice::Permissions(QFileDevice::ReadOwner) << true;
    QTest::newRow("0640") << (owner | QFileDevice::ReadGroup) << false;
    QTest::newRow("0620") << (owner | QFileDevice::WriteGroup) << false;
    QTest::newRow("0604") << (owner | QFileDevice::ReadOther) << false;
    QTest::newRow("0602") << (owner | QFileDevice::WriteOther) << false;
    QTest::newRow("0644") << (owner | QFileDevice::ReadGroup | QFileDevice::ReadOther) << false;
}

void TestServerDatabase::refusesConfigOthersMayRead()
{
    QFETCH(QFileDevice::Permissions, permissions);
    QFETCH(bool, accepted);

    const QString path = writeConfig(QStringLiteral("database = %1\n").arg(m_pg->connectionString()), permissions);
    qputenv("CASEDESK_CONFIG", path.toUtf8());
    const Result<ServerConfig> config = ServerConfig::fromEnvironment();
    QCOMPARE(config.ok(), accepted);
    if (!accepted) {
        QVERIFY2(config.error().message.contains(QStringLiteral("chmod 600 ") + path),
                 qPrintable(config.error().message));
    }
}

void TestServerDatabase::badConfigLine()
{
    const QString path = writeConfig(QStringLiteral("# settings\ndatabse = dbname=x\n"),
                                     QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const Result<ServerConfig> config = ServerConfig::fromFile(path);
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code, ErrorCode::Invalid);
    QVERIFY2(config.error().message.contains(QStringLiteral("Line 2")), qPrintable(config.error().message));

    const QString empty = writeConfig(QStringLiteral("# nothing here\n"), QFileDevice::ReadOwner);
    QVERIFY(!ServerConfig::fromFile(empty).ok());
}

void TestServerDatabase::missingConfig()
{
    const QString path = m_dir.filePath(QStringLiteral("does-not-exist.conf"));
    qputenv("CASEDESK_CONFIG", path.toUtf8());
    const Result<ServerDatabase> database = ServerDatabase::fromEnvironment();
    QVERIFY(!database.ok());
    QCOMPARE(database.error().code, ErrorCode::NotFound);
    QVERIFY2(database.error().message.contains(QLatin1String("CASEDESK_DB")), qPrintable(database.error().message));
    QVERIFY2(database.error().message.contains(path), qPrintable(database.error().message));
}

void TestServerDatabase::connectFailureHidesPassword()
{
    const QString password = QStringLiteral("Geheimnis-4711");
    const Result<ServerDatabase> database = ServerDatabase::fromConnectionString(
        m_pg->connectionString(QStringLiteral("no_such_database")) + QStringLiteral(" password=") + password);
    QVERIFY(database.ok());
    QVERIFY(!database->description().contains(password));

    loggedMessages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collectMessage);
    const Result<QSqlDatabase> connection = database->connection();
    qInstallMessageHandler(previous);

    QVERIFY(!connection.ok());
    QCOMPARE(connection.error().code, ErrorCode::Database);
    QVERIFY2(connection.error().detail.contains(QLatin1String("no_such_database")),
             qPrintable(connection.error().detail));
    QVERIFY(!connection.error().toString().contains(password));
    QVERIFY(!loggedMessages.isEmpty()); // the failure is logged ...
    for (const QString &message : std::as_const(loggedMessages))
        QVERIFY2(!message.contains(password), qPrintable(message)); // ... without the password
    database->closeConnection();
}

// A copy with a setting has connections of its own with it, beside the options the connection string gave.
void TestServerDatabase::settingOfACopy()
{
    const Result<ServerDatabase> plain = ServerDatabase::fromConnectionString(m_pg->connectionString());
    QVERIFY(plain.ok());
    const Result<ServerDatabase> withOptions = ServerDatabase::fromConnectionString(
        m_pg->connectionString() + QStringLiteral(" options='-c statement_timeout=4711'"));
    QVERIFY(withOptions.ok());
    const QString planMode = QStringLiteral("SHOW plan_cache_mode");
    const QString timeout = QStringLiteral("SHOW statement_timeout");
    {
        // Open while the copy connects on the same thread: the copy must not reuse it.
        const Result<QSqlDatabase> open = plain->connection();
        QVERIFY(open.ok());
        const ServerDatabase generic =
            plain->withSetting(QStringLiteral("plan_cache_mode"), QStringLiteral("force_generic_plan"));
        QCOMPARE(valueOf(generic, planMode), QStringLiteral("force_generic_plan"));
        QSqlQuery query(open.value());
        QVERIFY(query.exec(planMode) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("auto"));
    }
    plain->closeConnection();
    const ServerDatabase both =
        withOptions->withSetting(QStringLiteral("plan_cache_mode"), QStringLiteral("force_custom_plan"));
    QCOMPARE(valueOf(both, planMode), QStringLiteral("force_custom_plan"));
    QCOMPARE(valueOf(both, timeout), QStringLiteral("4711ms"));
}

QTEST_GUILESS_MAIN(TestServerDatabase)
#include "tst_serverdatabase.moc"
