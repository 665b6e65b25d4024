// `casedesk-server demo --cases N` of the built binary on a fresh database: the demo world's teams and users,
// the routes of the case types, N cases with unique Aktenzeichen from the server's counters, an intact audit
// log, a second run that adds nothing, and pull delivering a demo clerk's team cases through a real server.
#include "core/Clock.h"
#include "core/Uuid.h"
#include "demo/DemoGenerator.h"
#include "mock/TestSupport.h"
#include "server/DemoImport.h"
#include "server/ServerDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

#include "HttpClient.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"

using namespace casedesk;
using namespace casedesk::server;
using namespace casedesk::test;

class TestDemoCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void help();
    void badArguments_data();
    void badArguments();
    void casesAuditAndPull();

private:
    CommandRun server(const QStringList &arguments);
    QString scalar(const QString &sql);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::optional<ServerDatabase> m_database;
};

CommandRun TestDemoCommand::server(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CASEDESK_CONFIG"), QStringLiteral("/nonexistent/casedesk-server.conf"));
    environment.insert(QStringLiteral("CASEDESK_DB"), m_pg->connectionString());
    return runServerCommand(arguments, {}, environment);
}

QString TestDemoCommand::scalar(const QString &sql)
{
    QSqlQuery query(m_database->connection().value());
    if (!query.exec(sql))
        return query.lastError().text();
    return query.next() ? query.value(0).toString() : QString();
}

void TestDemoCommand::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const CommandRun migrated = server({QStringLiteral("migrate")});
    QVERIFY2(migrated.exitCode == 0, qPrintable(migrated.err));
    m_database = ServerDatabase::fromConnectionString(m_pg->connectionString()).value();
    QVERIFY(m_database->connection());
}

void TestDemoCommand::cleanupTestCase()
{
    m_database.reset();
    m_pg.reset();
}

void TestDemoCommand::help()
{
    const CommandRun run = server({QStringLiteral("demo"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QLatin1String("usage: casedesk-server demo --cases N")));
    QVERIFY(run.out.contains(DemoImport::password()));
}

void TestDemoCommand::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no count") << QStringList{};
    QTest::newRow("negative") << QStringList{QStringLiteral("--cases"), QStringLiteral("-1")};
    QTest::newRow("not a number") << QStringList{QStringLiteral("--cases"), QStringLiteral("many")};
    QTest::newRow("too many") << QStringList{QStringLiteral("--cases"), QStringLiteral("1000000")};
    QTest::newRow("bad seed") << QStringList{QStringLiteral("--cases"), QStringLiteral("1"), QStringLiteral("--seed"),
                                             QStringLiteral("x")};
    QTest::newRow("stray argument") << QStringList{QStringLiteral("--cases"), QStringLiteral("1"), QStringLiteral("x")};
}

void TestDemoCommand::badArguments()
{
    QFETCH(QStringList, arguments);
    const CommandRun run = server(QStringList{QStringLiteral("demo")} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("usage: casedesk-server demo")), qPrintable(run.err));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cases")), QStringLiteral("0"));
}

void TestDemoCommand::casesAuditAndPull()
{
    const int count = 200;
    const quint64 seed = testSeed();
    const QStringList arguments{QStringLiteral("demo"), QStringLiteral("--cases"), QString::number(count),
                                QStringLiteral("--seed"), QString::number(seed)};
    const CommandRun first = server(arguments);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cases")), QString::number(count));
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT aktenzeichen) FROM cases")), QString::number(count));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes")), QString::number(count));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM case_type_routes")), QStringLiteral("4"));
    // The planner knows the tables at once (the feed's queries would otherwise read all changes per pull).
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_stat_user_tables WHERE relname IN ('cases', 'changes',"
                                   " 'commands', 'audit_log') AND last_analyze IS NOT NULL")),
             QStringLiteral("4"));

    const CommandRun verified = server({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
    QVERIFY(verified.out.contains(QStringLiteral("checked %1 audit rows: intact").arg(count)));

    // The same seed again: nothing new, nothing broken.
    const CommandRun second = server(arguments);
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QVERIFY(second.out.contains(QLatin1String("added 0 demo cases")));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cases")), QString::number(count));

    // A demo clerk logs in with the demo password and pulls their team's cases and those assigned to them.
    const demo::DemoGenerator generator(seed, Clock::current().today());
    const auto clerk = std::find_if(generator.world().users.cbegin(), generator.world().users.cend(),
                                    [](const User &user) { return user.hasRole(Role::Clerk); });
    QVERIFY(clerk != generator.world().users.cend());
    QSet<QUuid> expected;
    for (const Case &theCase : generator.makeCases(0, count)) {
        if (clerk->teamIds.contains(theCase.teamId) || theCase.assigneeId == clerk->id)
            expected.insert(theCase.id);
    }
    QVERIFY(!expected.isEmpty());

    ServerProcess process(m_pg->connectionString());
    QVERIFY2(process.start(), qPrintable(process.errorString()));
    HttpClient http;
    const HttpReply login =
        http.post(process.url(QStringLiteral("/api/v1/auth/login")),
                  QJsonDocument(QJsonObject{{QStringLiteral("login"), clerk->login},
                                            {QStringLiteral("password"), DemoImport::password()},
                                            {QStringLiteral("clientId"), uuidToString(createUuidV7())}})
                      .toJson(QJsonDocument::Compact));
    QVERIFY2(login.status == 200, login.body.constData());
    QSet<QUuid> delivered;
    QString cursor;
    for (int page = 0; page < 100; ++page) {
        QUrl url = process.url(QStringLiteral("/api/v1/sync/pull"));
        QUrlQuery query{{QStringLiteral("limit"), QStringLiteral("50")}};
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
        url.setQuery(query);
        const HttpReply pulled =
            http.get(url, HttpClient::bearer(login.json.value(QStringLiteral("accessToken")).toString()));
        QVERIFY2(pulled.status == 200, pulled.body.constData());
        for (const QJsonValue &entry : pulled.json.value(QStringLiteral("cases")).toArray())
            delivered.insert(uuidFromString(entry[QStringLiteral("case")][QStringLiteral("id")].toString()));
        cursor = pulled.json.value(QStringLiteral("cursor")).toString();
        if (!pulled.json.value(QStringLiteral("more")).toBool())
            break;
    }
    QCOMPARE(delivered, expected);
    QCOMPARE(process.stop(), 0);
}

QTEST_GUILESS_MAIN(TestDemoCommand)
#include "tst_democommand.moc"
