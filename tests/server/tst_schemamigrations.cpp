// SchemaMigrations on real PostgreSQL: a fresh database, running again, a newer schema, a failing migration,
// and two processes' worth of connections migrating at once.
#include "server/SchemaMigrations.h"
#include "server/ServerDatabase.h"

#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <memory>

#include "PostgresTestDatabase.h"

using namespace casedesk;
using namespace casedesk::server;

class TestSchemaMigrations : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void freshDatabase();
    void runningAgainChangesNothing();
    void refusesNewerSchema();
    void failingMigrationLeavesNothingHalfApplied();
    void concurrentMigrationsApplyOnce();

private:
    QSqlDatabase db();
    QStringList tables();
    int scalar(const QString &sql);

    std::unique_ptr<test::PostgresTestDatabase> m_pg;
    std::unique_ptr<ServerDatabase> m_database;
};

void TestSchemaMigrations::init()
{
    m_pg = std::make_unique<test::PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    Result<ServerDatabase> database = ServerDatabase::fromConnectionString(m_pg->connectionString());
    QVERIFY2(database.ok(), qPrintable(database.error().toString()));
    m_database = std::make_unique<ServerDatabase>(std::move(database).value());
}

void TestSchemaMigrations::cleanup()
{
    if (m_database)
        m_database->closeConnection();
    m_database.reset();
    m_pg.reset();
}

QSqlDatabase TestSchemaMigrations::db()
{
    const Result<QSqlDatabase> connection = m_database->connection();
    if (!connection)
        qFatal("%s", qPrintable(connection.error().toString()));
    return connection.value();
}

QStringList TestSchemaMigrations::tables()
{
    QSqlQuery query(db());
    QStringList names;
    if (!query.exec(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                                   "ORDER BY table_name COLLATE \"C\"")))
        return {QStringLiteral("query failed")};
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

int TestSchemaMigrations::scalar(const QString &sql)
{
    QSqlQuery query(db());
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}

void TestSchemaMigrations::freshDatabase()
{
    const SchemaMigrations migrations;
    QVERIFY(migrations.latestVersion() >= 1);
    QCOMPARE(migrations.currentVersion(db()).value(), 0);
    QVERIFY(!migrations.checkCurrent(db()).ok());
    QVERIFY2(migrations.checkCurrent(db()).error().message.contains(QLatin1String("casedesk-server migrate")),
             qPrintable(migrations.checkCurrent(db()).error().message));

    const Result<int> applied = migrations.migrate(db());
    QVERIFY2(applied.ok(), qPrintable(applied.error().toString()));
    QCOMPARE(applied.value(), migrations.latestVersion());
    QCOMPARE(migrations.currentVersion(db()).value(), migrations.latestVersion());
    QVERIFY(migrations.checkCurrent(db()).ok());

    // The tables the first migration promises (later migrations may add more).
    const QStringList present = tables();
    for (const char *table : {"audit_log", "cases", "changes", "client_sequences", "commands", "refresh_tokens",
                              "schema_version", "sessions", "teams", "user_teams", "users"})
        QVERIFY2(present.contains(QLatin1String(table)), table);
}

void TestSchemaMigrations::runningAgainChangesNothing()
{
    const SchemaMigrations migrations;
    QVERIFY(migrations.migrate(db()).ok());
    const QStringList before = tables();
    const Result<int> again = migrations.migrate(db());
    QVERIFY2(again.ok(), qPrintable(again.error().toString()));
    QCOMPARE(again.value(), 0);
    QCOMPARE(tables(), before);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM schema_version")), migrations.latestVersion());
}

void TestSchemaMigrations::refusesNewerSchema()
{
    const SchemaMigrations migrations;
    QVERIFY(migrations.migrate(db()).ok());
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO schema_version (version, description) VALUES (%1, 'future')")
                           .arg(migrations.latestVersion() + 1)));

    const Result<int> applied = migrations.migrate(db());
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().code, ErrorCode::NewerSchema);
    QVERIFY2(applied.error().message.contains(QLatin1String("Update casedesk-server")),
             qPrintable(applied.error().message));
    QCOMPARE(migrations.checkCurrent(db()).error().code, ErrorCode::NewerSchema);
    QCOMPARE(migrations.currentVersion(db()).value(), migrations.latestVersion() + 1);
}

void TestSchemaMigrations::failingMigrationLeavesNothingHalfApplied()
{
    const Migration first{1, QStringLiteral("first"), {QStringLiteral("CREATE TABLE first_table (id int)")}};
    const Migration broken{2,
                           QStringLiteral("second, broken"),
                           {QStringLiteral("CREATE TABLE second_table (id int)"),
                            QStringLiteral("INSERT INTO first_table VALUES (1)"),
                            QStringLiteral("INSERT INTO no_such_table VALUES (1)")}};
    const Result<int> failed = SchemaMigrations({first, broken}).migrate(db());
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::Database);
    QVERIFY2(failed.error().message.contains(QLatin1String("version 1")), qPrintable(failed.error().message));
    QVERIFY2(failed.error().detail.contains(QLatin1String("no_such_table")), qPrintable(failed.error().detail));

    // Migration 1 stays; nothing of migration 2: no table, no row, no version.
    QCOMPARE(tables(), (QStringList{QStringLiteral("first_table"), QStringLiteral("schema_version")}));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM first_table")), 0);
    QCOMPARE(SchemaMigrations({first, broken}).currentVersion(db()).value(), 1);

    // The fixed migration then applies on top.
    const Migration fixed{2, QStringLiteral("second"), {QStringLiteral("CREATE TABLE second_table (id int)")}};
    const Result<int> applied = SchemaMigrations({first, fixed}).migrate(db());
    QVERIFY2(applied.ok(), qPrintable(applied.error().toString()));
    QCOMPARE(applied.value(), 1);
    QVERIFY(tables().contains(QLatin1String("second_table")));
}

void TestSchemaMigrations::concurrentMigrationsApplyOnce()
{
    // Several server processes may start at once; each migration must still run exactly once.
    constexpr int workers = 4;
    QList<Result<int>> results(workers, Result<int>(0));
    QList<QThread *> threads;
    const ServerDatabase database = *m_database;
    for (int i = 0; i < workers; ++i) {
        threads.append(QThread::create([&results, &database, i] {
            const Result<QSqlDatabase> connection = database.connection();
            results[i] = connection ? SchemaMigrations().migrate(connection.value()) : connection.error();
        }));
        threads.last()->start();
    }
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(60000));
        delete thread;
    }
    int applied = 0;
    for (const Result<int> &result : std::as_const(results)) {
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        applied += result.value();
    }
    QCOMPARE(applied, SchemaMigrations().latestVersion());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM schema_version")), SchemaMigrations().latestVersion());
}

QTEST_GUILESS_MAIN(TestSchemaMigrations)
#include "tst_schemamigrations.moc"
