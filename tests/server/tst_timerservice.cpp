// TimerService against a real PostgreSQL: a case waits at "Nachgereichte Unterlagen erfassen" with its
// reminder (P10D, non-interrupting) and overdue (P14D) timers; nothing fires before the reminder is due; at its
// time two services on two threads and connections fire it exactly once (one audit row, one change row,
// version + 1), the overdue timer keeps waiting, and the audit log still verifies. Then two real server
// processes fire the due timers of another case, each once; `serve --timer-interval 1` fires a timer that became
// due after its first look within seconds; and serve refuses intervals out of range.
#include "core/Case.h"
#include "core/Clock.h"
#include "core/Command.h"
#include "core/Uuid.h"
#include "mock/MockClock.h"
#include "mock/TestSupport.h"
#include "server/AuditLog.h"
#include "server/CommandProcessor.h"
#include "server/ServerDatabase.h"
#include "server/TimerService.h"
#include "server/UserDirectory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <memory>
#include <optional>

#include "MigratedDatabase.h"
#include "PostgresTestDatabase.h"
#include "ProcessedCommand.h"
#include "ServerProcess.h"

using namespace casedesk;
using namespace casedesk::server;
using namespace casedesk::test;

class TestTimerService : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void reminderFiresOnceWithTwoServices();
    void twoServerProcessesFireEachTimerOnce();
    void serveLooksAtItsTimerInterval();
    void serveRefusesBadIntervals_data();
    void serveRefusesBadIntervals();

private:
    // A new case at "Nachgereichte Unterlagen erfassen" (m_caseId), its timers started at m_clock's now; an
    // empty string or the command that failed.
    QString caseAwaitingDocuments();
    CommandResult push(CommandName name, const QJsonObject &args);
    QVariant scalar(const QString &sql);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::optional<ServerDatabase> m_database;
    AuthSession m_session;
    MockClock m_clock;
    QUuid m_caseId;
    qint64 m_seq = 0;
};

void TestTimerService::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const Result<ServerDatabase> database = test::migratedDatabase(*m_pg);
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database = database.value();
    const Result<QSqlDatabase> db = m_database->connection();
    QVERIFY(db);
    UserDirectory users(db.value());
    QVERIFY(users.addTeam(QStringLiteral("32.1"), QStringLiteral("Straßenverkehr"), QStringLiteral("32.10")));
    const Result<User> clerk =
        users.addUser({QStringLiteral("a.clerk"), QStringLiteral("A. Clerk"), {Role::Clerk}, {QStringLiteral("32.1")}},
                      QStringLiteral("correct horse battery"));
    QVERIFY2(clerk, qPrintable(clerk ? QString() : clerk.error().toString()));
    m_session.user = clerk.value();
    m_session.teamCodes = {QStringLiteral("32.1")};
    m_session.clientId = createUuidV7();
}

CommandResult TestTimerService::push(CommandName name, const QJsonObject &args)
{
    Command command{createUuidV7(), m_session.clientId, ++m_seq, m_caseId, name, args, m_clock.now()};
    return processCommand(m_database->connection().value(), m_session, command);
}

QVariant TestTimerService::scalar(const QString &sql)
{
    QSqlQuery query(m_database->connection().value());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

QString TestTimerService::caseAwaitingDocuments()
{
    const ScopedClock scoped(m_clock); // the command processor's clock
    m_caseId = createUuidV7();
    Case theCase;
    theCase.id = m_caseId;
    theCase.caseType = QStringLiteral("bewohnerparken");
    theCase.title = QStringLiteral("Bewohnerparkausweis");
    theCase.teamId = m_session.user.teamIds.value(0);
    theCase.assigneeId = m_session.user.id;
    theCase.applicant.givenName = QStringLiteral("Erika");
    theCase.applicant.familyName = QStringLiteral("Mustermann");
    const QList<std::pair<CommandName, QJsonObject>> commands{
        {CommandName::CreateCase, {{QStringLiteral("case"), theCase.toJson()}}},
        {CommandName::CompleteTask, {{QStringLiteral("taskId"), QStringLiteral("Task_Intake")}}},
        {CommandName::CompleteTask,
         {{QStringLiteral("taskId"), QStringLiteral("Task_CheckCompleteness")},
          {QStringLiteral("outcome"), QStringLiteral("incomplete")}}},
    };
    for (const auto &[name, args] : commands) {
        const CommandResult result = push(name, args);
        if (result.outcome != CommandResult::Outcome::Applied)
            return commandNameToString(name) + u' ' + result.detailJson().value(QLatin1String("code")).toString();
    }
    return {};
}

void TestTimerService::reminderFiresOnceWithTwoServices()
{
    const QString made = caseAwaitingDocuments();
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString where = QStringLiteral(" WHERE id = '%1'").arg(uuidToString(m_caseId));
    const qint64 version = scalar(QStringLiteral("SELECT version FROM cases") + where).toLongLong();
    const QDateTime reminderDue =
        QDateTime::fromString(scalar(QStringLiteral("SELECT to_char(next_timer_at AT TIME ZONE 'UTC',"
                                                    " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM cases") +
                                     where)
                                  .toString(),
                              Qt::ISODateWithMs);
    QVERIFY2(reminderDue > m_clock.now().addDays(9), qPrintable(reminderDue.toString(Qt::ISODate)));
    const auto timerEvents = [&] {
        QStringList events;
        const QJsonArray timers =
            QJsonDocument::fromJson(
                scalar(QStringLiteral("SELECT data->'workflowState'->'timers' FROM cases") + where).toString().toUtf8())
                .array();
        for (const QJsonValue &timer : timers)
            events.append(timer.toObject().value(QLatin1String("event")).toString());
        events.sort();
        return events;
    };
    QCOMPARE(timerEvents(),
             QStringList({QStringLiteral("Boundary_DocumentsOverdue"), QStringLiteral("Boundary_Reminder")}));
    const qint64 auditRows = scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
    const qint64 changeRows = scalar(QStringLiteral("SELECT count(*) FROM changes")).toLongLong();

    // Not due yet: nothing fires.
    m_clock.set(reminderDue.addMSecs(-1));
    TimerService early(*m_database, m_clock);
    QCOMPARE(early.fireDueTimers().value(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT version FROM cases") + where).toLongLong(), version);

    // Due: two services at once, each on its own thread and connection.
    m_clock.set(reminderDue);
    int fired[2] = {-1, -1};
    QList<QThread *> threads;
    for (int i = 0; i < 2; ++i) {
        threads.append(QThread::create([this, &fired, i] {
            TimerService service(*m_database, m_clock);
            const Result<int> result = service.fireDueTimers();
            fired[i] = result ? result.value() : -100;
        }));
    }
    for (QThread *thread : threads)
        thread->start();
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(60000));
        delete thread;
    }
    QCOMPARE(fired[0] + fired[1], 1);
    QCOMPARE(scalar(QStringLiteral("SELECT version FROM cases") + where).toLongLong(), version + 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong(), auditRows + 1);
    QCOMPARE(
        scalar(QStringLiteral(
                   "SELECT count(*) FROM audit_log WHERE actor_id IS NULL AND command_id IS NULL AND case_id = '%1'")
                   .arg(uuidToString(m_caseId)))
            .toLongLong(),
        1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes")).toLongLong(), changeRows + 1);
    QCOMPARE(scalar(QStringLiteral("SELECT case_version FROM changes WHERE command_id IS NULL AND case_id = '%1'")
                        .arg(uuidToString(m_caseId)))
                 .toLongLong(),
             version + 1);
    QCOMPARE(timerEvents(), QStringList({QStringLiteral("Boundary_DocumentsOverdue")}));
    QVERIFY(scalar(QStringLiteral("SELECT next_timer_at > CAST('%1' AS timestamptz) FROM cases")
                       .arg(reminderDue.toString(Qt::ISODateWithMs)) +
                   where)
                .toBool());

    // Fired once: a later run at the same time finds nothing.
    QCOMPARE(early.fireDueTimers().value(), 0);
    const Result<AuditReport> report = AuditLog(m_database->connection().value()).verify();
    QVERIFY(report);
    QVERIFY(report->problems.isEmpty());
}

// The end-to-end check: two real `serve` processes on the database, each with its TimerService on the system
// clock. A case whose timers started 30 days ago has its reminder and its overdue deadline due: between them
// the processes fire each exactly once.
void TestTimerService::twoServerProcessesFireEachTimerOnce()
{
    m_clock.set(QDateTime::currentDateTimeUtc().addDays(-30));
    const QString made = caseAwaitingDocuments();
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString where = QStringLiteral(" WHERE id = '%1'").arg(uuidToString(m_caseId));
    const qint64 version = scalar(QStringLiteral("SELECT version FROM cases") + where).toLongLong();
    QVERIFY(scalar(QStringLiteral("SELECT next_timer_at <= now() FROM cases") + where).toBool());
    std::unique_ptr<ServerProcess> a;
    std::unique_ptr<ServerProcess> b;
    QString problem;
    QVERIFY2(startServerPair(m_pg->connectionString(), &a, &b, &problem), qPrintable(problem));
    QTRY_VERIFY_WITH_TIMEOUT(
        scalar(QStringLiteral("SELECT next_timer_at IS NULL OR next_timer_at > now() FROM cases") + where).toBool(),
        30000);
    QVERIFY(stopServerPair(&a, &b));
    // Reminder and overdue deadline, each once; the case went on to its review.
    QCOMPARE(scalar(QStringLiteral("SELECT version FROM cases") + where).toLongLong(), version + 2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE command_id IS NULL AND case_id = '%1'")
                        .arg(uuidToString(m_caseId)))
                 .toLongLong(),
             2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes WHERE command_id IS NULL AND case_id = '%1'")
                        .arg(uuidToString(m_caseId)))
                 .toLongLong(),
             2);
    QVERIFY(scalar(QStringLiteral("SELECT data->'workflowState'->'tokens' @> '[{\"element\": \"Task_Review\"}]'"
                                  " FROM cases") +
                   where)
                .toBool());
}

// The default interval (30 s) would not fire the timer within the wait below; one second does.
void TestTimerService::serveLooksAtItsTimerInterval()
{
    // A checkpoint every second, so that serve writes one at its start (the default interval's slot may have
    // its checkpoint from the servers before).
    ServerProcess server(m_pg->connectionString(), {QStringLiteral("--timer-interval"), QStringLiteral("1"),
                                                    QStringLiteral("--checkpoint-interval"), QStringLiteral("1")});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    // serve queues its first look for due timers before its first audit checkpoint, on one thread: once the
    // checkpoint is in the log, the first look is over, and only a later one can fire what is due from now on.
    QTRY_VERIFY_WITH_TIMEOUT(server.standardError().contains(QLatin1String("audit checkpoint")), 20000);
    m_clock.set(QDateTime::currentDateTimeUtc().addDays(-30));
    const QString made = caseAwaitingDocuments();
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString where = QStringLiteral(" WHERE id = '%1'").arg(uuidToString(m_caseId));
    QVERIFY(scalar(QStringLiteral("SELECT next_timer_at <= now() FROM cases") + where).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(
        scalar(QStringLiteral("SELECT next_timer_at IS NULL OR next_timer_at > now() FROM cases") + where).toBool(),
        10000);
    QCOMPARE(server.stop(), 0);
}

void TestTimerService::serveRefusesBadIntervals_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("range");
    QTest::newRow("timer interval 0") << "timer-interval"
                                      << "0"
                                      << "1 to 3600";
    QTest::newRow("timer interval over an hour") << "timer-interval"
                                                 << "3601"
                                                 << "1 to 3600";
    QTest::newRow("timer interval not a number") << "timer-interval"
                                                 << "30s"
                                                 << "1 to 3600";
    QTest::newRow("checkpoint interval 0") << "checkpoint-interval"
                                           << "0"
                                           << "1 to 86400";
    QTest::newRow("checkpoint interval over a day") << "checkpoint-interval"
                                                    << "86401"
                                                    << "1 to 86400";
    QTest::newRow("upload expiry negative") << "upload-expiry"
                                            << "-1"
                                            << "1 to 8760";
    QTest::newRow("upload expiry over a year") << "upload-expiry"
                                               << "8761"
                                               << "1 to 8760";
}

void TestTimerService::serveRefusesBadIntervals()
{
    QFETCH(QString, option);
    QFETCH(QString, value);
    QFETCH(QString, range);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CASEDESK_DB"), m_pg->connectionString());
    const CommandRun refused = runServerCommand({QStringLiteral("serve"), QStringLiteral("--listen"),
                                                 QStringLiteral("127.0.0.1:0"), QStringLiteral("--") + option, value},
                                                {}, environment);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("--%1 needs a whole number from %2").arg(option, range)),
             qPrintable(refused.err));
    const CommandRun help = runServerCommand({QStringLiteral("serve"), QStringLiteral("--help")}, {}, environment);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QStringLiteral("--%1 ").arg(option)), qPrintable(help.out));
}

QTEST_GUILESS_MAIN(TestTimerService)
#include "tst_timerservice.moc"
