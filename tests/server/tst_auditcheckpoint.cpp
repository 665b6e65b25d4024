// The audit log's global checkpoints (AuditCheckpoint) against a real PostgreSQL, each test function on a fresh
// database because it damages the log: a superuser who switches the triggers off and deletes every row of one
// case, or cuts the log's tail, leaves per-case chains that still verify, and the checkpoint that sealed the rows
// names the damage (also in `casedesk-server audit verify`); a deleted checkpoint breaks the checkpoints' chain;
// the checkpoints refuse changes; two `serve` processes write one checkpoint per interval between them, each
// hash in a server log, while audit rows keep arriving.
#include "core/Uuid.h"
#include "mock/TestSupport.h"
#include "server/AuditCheckpoint.h"
#include "server/AuditLog.h"
#include "server/ServerDatabase.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <optional>

#include "MigratedDatabase.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"

using namespace casedesk;
using namespace casedesk::server;
using namespace casedesk::test;

class TestAuditCheckpoint : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void deletedChainIsDetected();
    void cutTailIsDetected();
    void deletedCheckpointIsDetected();
    void checkpointsAreAppendOnly();
    void twoProcessesWriteOnePerInterval();

private:
    QSqlDatabase db() const { return m_database->connection().value(); }
    // `rows` audit rows of the server's own events for a new case id, each in its own transaction as a firing
    // timer writes them; the case id, null when appending failed. No case row: only the chain remembers the case.
    QUuid appendChain(int rows);
    QString exec(const QString &sql); // an empty string or the error
    qint64 scalar(const QString &sql);
    // Runs `sql` as the superuser with the triggers switched off; an empty string or the error.
    QString tamper(const QString &sql);
    CommandRun audit(const QString &subcommand);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::optional<ServerDatabase> m_database;
};

void TestAuditCheckpoint::init()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const Result<ServerDatabase> database = test::migratedDatabase(*m_pg);
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database = database.value();
}

void TestAuditCheckpoint::cleanup()
{
    if (m_database)
        m_database->closeConnection();
    m_database.reset();
    m_pg.reset();
}

QUuid TestAuditCheckpoint::appendChain(int rows)
{
    const QUuid caseId = createUuidV7();
    QSqlDatabase connection = db();
    for (int row = 0; row < rows; ++row) {
        if (!connection.transaction())
            return {};
        const QJsonObject event{{QStringLiteral("event"), QStringLiteral("test")}, {QStringLiteral("row"), row}};
        if (!AuditLog(connection).appendServerEvent(caseId, event, QDateTime::currentDateTimeUtc()) ||
            !connection.commit()) {
            connection.rollback();
            return {};
        }
    }
    return caseId;
}

QString TestAuditCheckpoint::exec(const QString &sql)
{
    QSqlQuery query(db());
    return query.exec(sql) ? QString() : query.lastError().text();
}

qint64 TestAuditCheckpoint::scalar(const QString &sql)
{
    QSqlQuery query(db());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QString TestAuditCheckpoint::tamper(const QString &sql)
{
    // The test cluster's user is its superuser, the only one who may switch triggers off.
    const QString off = exec(QStringLiteral("SET session_replication_role = replica"));
    if (!off.isEmpty())
        return off;
    const QString result = exec(sql);
    const QString on = exec(QStringLiteral("SET session_replication_role = DEFAULT"));
    return result.isEmpty() ? on : result;
}

CommandRun TestAuditCheckpoint::audit(const QString &subcommand)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CASEDESK_DB"), m_pg->connectionString());
    return runServerCommand({QStringLiteral("audit"), subcommand}, {}, environment);
}

void TestAuditCheckpoint::deletedChainIsDetected()
{
    QList<QUuid> cases;
    for (int i = 0; i < 3; ++i)
        cases.append(appendChain(3));
    QVERIFY(!cases.contains(QUuid()));
    const CommandRun written = audit(QStringLiteral("checkpoint"));
    QVERIFY2(written.exitCode == 0, qPrintable(written.out + written.err));
    QVERIFY2(written.out.contains(QLatin1String("seals 9 audit rows")), qPrintable(written.out));
    const qint64 checkpointId = scalar(QStringLiteral("SELECT max(id) FROM audit_checkpoints"));
    QVERIFY(checkpointId > 0);
    appendChain(1); // not sealed yet
    const CommandRun intact = audit(QStringLiteral("verify"));
    QVERIFY2(intact.exitCode == 0, qPrintable(intact.out + intact.err));
    QVERIFY2(intact.out.contains(QLatin1String("checked 10 audit rows: intact")), qPrintable(intact.out));
    QVERIFY2(intact.out.contains(QLatin1String("1 newer audit rows are not sealed yet")), qPrintable(intact.out));

    QVERIFY(!exec(QStringLiteral("DELETE FROM audit_log WHERE case_id = '%1'").arg(uuidToString(cases.at(1))))
                 .isEmpty()); // refused while the triggers are on
    const QString deleted =
        tamper(QStringLiteral("DELETE FROM audit_log WHERE case_id = '%1'").arg(uuidToString(cases.at(1))));
    QVERIFY2(deleted.isEmpty(), qPrintable(deleted));

    // The other chains are whole, and no case row remembers the deleted one: only the checkpoint can tell.
    const Result<AuditReport> chains = AuditLog(db()).verify();
    QVERIFY(chains);
    QVERIFY(chains->problems.isEmpty());
    const Result<CheckpointReport> report = AuditCheckpoint::verify(db());
    QVERIFY(report);
    QCOMPARE(report->checkpointsChecked, 1);
    QCOMPARE(report->problems.size(), 1);
    QCOMPARE(report->problems.first().checkpointId, checkpointId);
    QVERIFY2(report->problems.first().description.contains(QLatin1String("only 6 are there")),
             qPrintable(report->problems.first().description));

    const CommandRun damaged = audit(QStringLiteral("verify"));
    QCOMPARE(damaged.exitCode, 1);
    QVERIFY2(damaged.out.contains(QStringLiteral("checkpoint %1 (").arg(checkpointId)), qPrintable(damaged.out));
    QVERIFY2(damaged.out.contains(QLatin1String("rows were deleted")), qPrintable(damaged.out));
    QVERIFY2(damaged.out.contains(QLatin1String("checked 7 audit rows: 1 problems")), qPrintable(damaged.out));
}

void TestAuditCheckpoint::cutTailIsDetected()
{
    AuditCheckpoint checkpoints(*m_database);
    for (int i = 0; i < 2; ++i)
        QVERIFY(!appendChain(3).isNull());
    const Result<Checkpoint> first = checkpoints.write();
    QVERIFY2(first, qPrintable(first.error().toString()));
    QCOMPARE(first->rowCount, 6);
    for (int i = 0; i < 2; ++i)
        QVERIFY(!appendChain(2).isNull());
    const Result<Checkpoint> second = checkpoints.write();
    QVERIFY(second);
    QCOMPARE(second->rowCount, 10);
    QVERIFY(second->lastAuditId > first->lastAuditId);
    QVERIFY(!appendChain(1).isNull());
    const Result<CheckpointReport> intact = AuditCheckpoint::verify(db());
    QVERIFY(intact);
    QVERIFY(intact->problems.isEmpty());
    QCOMPARE(intact->checkpointsChecked, 2);
    QCOMPARE(intact->rowsAfterLast, 1);
    QCOMPARE(intact->last->hash, second->hash);

    // The newest rows of all cases, from two rows before the first checkpoint's end: every chain stays whole.
    const QString cut = tamper(QStringLiteral("DELETE FROM audit_log WHERE id > (SELECT max(id) FROM audit_log"
                                              " WHERE id <= %1) - 2")
                                   .arg(first->lastAuditId));
    QVERIFY2(cut.isEmpty(), qPrintable(cut));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log")), 4);
    const Result<AuditReport> chains = AuditLog(db()).verify();
    QVERIFY(chains);
    QVERIFY(chains->problems.isEmpty());
    const Result<CheckpointReport> report = AuditCheckpoint::verify(db());
    QVERIFY(report);
    QCOMPARE(report->problems.size(), 2);
    QCOMPARE(report->problems.at(0).checkpointId, first->id);
    QVERIFY2(report->problems.at(0).description.contains(QLatin1String("but only 4 are there")),
             qPrintable(report->problems.at(0).description));
    QCOMPARE(report->problems.at(1).checkpointId, second->id);
    QVERIFY2(report->problems.at(1).description.contains(QLatin1String("but only 0 are there")),
             qPrintable(report->problems.at(1).description));

    const CommandRun damaged = audit(QStringLiteral("verify"));
    QCOMPARE(damaged.exitCode, 1);
    QVERIFY2(damaged.out.contains(QStringLiteral("checkpoint %1 (").arg(first->id)), qPrintable(damaged.out));
    QVERIFY2(damaged.out.contains(QStringLiteral("checkpoint %1 (").arg(second->id)), qPrintable(damaged.out));
}

void TestAuditCheckpoint::deletedCheckpointIsDetected()
{
    AuditCheckpoint checkpoints(*m_database);
    QList<Checkpoint> written;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!appendChain(2).isNull());
        const Result<Checkpoint> checkpoint = checkpoints.write();
        QVERIFY(checkpoint);
        written.append(checkpoint.value());
    }
    const QString deleted = tamper(QStringLiteral("DELETE FROM audit_checkpoints WHERE id = %1").arg(written.at(1).id));
    QVERIFY2(deleted.isEmpty(), qPrintable(deleted));
    const Result<CheckpointReport> report = AuditCheckpoint::verify(db());
    QVERIFY(report);
    QCOMPARE(report->checkpointsChecked, 2);
    QCOMPARE(report->problems.size(), 1);
    QCOMPARE(report->problems.first().checkpointId, written.at(2).id);
    QVERIFY2(report->problems.first().description.contains(QLatin1String("does not follow")),
             qPrintable(report->problems.first().description));
}

void TestAuditCheckpoint::checkpointsAreAppendOnly()
{
    QVERIFY(!appendChain(1).isNull());
    QVERIFY(AuditCheckpoint(*m_database).write());
    for (const QString &change :
         {QStringLiteral("UPDATE audit_checkpoints SET row_count = 0"), QStringLiteral("DELETE FROM audit_checkpoints"),
          QStringLiteral("TRUNCATE audit_checkpoints")}) {
        const QString refused = exec(change);
        QVERIFY2(refused.contains(QLatin1String("append-only")), qPrintable(change + u' ' + refused));
    }
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_checkpoints WHERE row_count = 1")), 1);
}

void TestAuditCheckpoint::twoProcessesWriteOnePerInterval()
{
    const QStringList arguments{QStringLiteral("--checkpoint-interval"), QStringLiteral("1")};
    ServerProcess a(m_pg->connectionString(), arguments);
    ServerProcess b(m_pg->connectionString(), arguments);
    QVERIFY2(a.start(), qPrintable(a.errorString()));
    QVERIFY2(b.start(), qPrintable(b.errorString()));
    // Rows keep arriving while the processes seal them.
    const auto appendAndCount = [this] {
        appendChain(1);
        return scalar(QStringLiteral("SELECT count(*) FROM audit_checkpoints"));
    };
    QTRY_VERIFY_WITH_TIMEOUT(appendAndCount() >= 4, 30000);
    QCOMPARE(a.stop(), 0);
    QCOMPARE(b.stop(), 0);

    // One per second of the database's clock, never two.
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT floor(extract(epoch FROM at))) FROM audit_checkpoints")),
             scalar(QStringLiteral("SELECT count(*) FROM audit_checkpoints")));
    const QString logs = a.standardError() + b.standardError();
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("SELECT id, encode(checkpoint_hash, 'hex') FROM audit_checkpoints")));
    while (query.next()) {
        QVERIFY2(logs.contains(QStringLiteral("audit checkpoint %1 at").arg(query.value(0).toLongLong())),
                 qPrintable(logs));
        QVERIFY2(logs.contains(query.value(1).toString()), qPrintable(logs));
    }
    const Result<CheckpointReport> report = AuditCheckpoint::verify(db());
    QVERIFY(report);
    QVERIFY(report->problems.isEmpty());
    const Result<AuditReport> chains = AuditLog(db()).verify();
    QVERIFY(chains);
    QVERIFY(chains->problems.isEmpty());
}

QTEST_GUILESS_MAIN(TestAuditCheckpoint)
#include "tst_auditcheckpoint.moc"
