// A week offline (issue 6): a demo clerk queues 10,000 commands (field edits, follow-ups and Vermerke on a few
// hundred cases of the demo scope) while the server is down, then the server comes back and the outbox drains.
// Every command is applied exactly once, the outbox ends empty, and the confirmed state equals the server's
// state of the clerk's scope. The time of both phases is printed.
#include "core/Uuid.h"
#include "mock/TestSupport.h"
#include "server/DemoImport.h"
#include "server/ServerDatabase.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/SyncStore.h"
#include "sync/ServerApi.h"
#include "sync/SyncEngine.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <optional>

#include "CacheChecks.h"
#include "ConvergenceCheck.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"
#include "SyncServerFixture.h"
#include "SyncTestClient.h"
#include "SyncTestData.h"

using namespace casedesk;
using namespace casedesk::storage;
using namespace casedesk::test;

namespace {

constexpr int syncTimeoutMs = 60000;
constexpr int drainTimeoutMs = 300000;
constexpr int commandCount = 10000;
constexpr int caseCount = 300; // the cases the clerk works on
constexpr int demoCases = 600; // team 32.1 (the busiest) gets about 60 % of them
const QString secondVehicle = QStringLiteral("secondVehicle");
const QString secondVehicleReason = QStringLiteral("secondVehicleReason"); // shown only with a second vehicle

} // namespace

class TestSyncOfflineWeek : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tenThousandQueuedCommandsDrain();

private:
    // The next command of the week on `theCase` as the clerk sees it: a Vermerk, a follow-up date, or (where the
    // form shows the field) a new reason for the second vehicle.
    std::pair<CommandName, QJsonObject> nextCommand(const Case &theCase, int number) const;

    SyncServerFixture m_fixture;
    QUuid m_clerk;
    QString m_login;
};

void TestSyncOfflineWeek::initTestCase()
{
    const QString created = m_fixture.createDatabase();
    QVERIFY2(created.isEmpty(), qPrintable(created));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CASEDESK_CONFIG"), QStringLiteral("/nonexistent/casedesk-server.conf"));
    environment.insert(QStringLiteral("CASEDESK_DB"), m_fixture.connectionString());
    const CommandRun migrated = runServerCommand({QStringLiteral("migrate")}, {}, environment);
    QVERIFY2(migrated.exitCode == 0, qPrintable(migrated.err));
    const CommandRun demo =
        runServerCommand({QStringLiteral("demo"), QStringLiteral("--cases"), QString::number(demoCases),
                          QStringLiteral("--seed"), QString::number(testSeed())},
                         {}, environment);
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    const QString connected = m_fixture.connectDatabase();
    QVERIFY2(connected.isEmpty(), qPrintable(connected));
    // The clerk whose teams hold the most cases.
    QSqlQuery query(m_fixture.db());
    QVERIFY(query.exec(QStringLiteral("SELECT u.id::text, u.login FROM users u WHERE 'clerk' = ANY (u.roles)"
                                      " ORDER BY (SELECT count(*) FROM cases c JOIN user_teams t ON t.team_id ="
                                      " c.team_id WHERE t.user_id = u.id) DESC, u.login LIMIT 1")));
    QVERIFY(query.next());
    m_clerk = uuidFromString(query.value(0).toString());
    m_login = query.value(1).toString();
    const QString started = m_fixture.startServer();
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestSyncOfflineWeek::cleanupTestCase()
{
    QCOMPARE(m_fixture.tearDown(), 0);
}

std::pair<CommandName, QJsonObject> TestSyncOfflineWeek::nextCommand(const Case &theCase, int number) const
{
    switch (number % 3) {
    case 0:
        return {CommandName::AddNote,
                {{QStringLiteral("note"),
                  QJsonObject{{QStringLiteral("id"), uuidToString(createUuidV7())},
                              {QStringLiteral("caseId"), uuidToString(theCase.id)},
                              {QStringLiteral("authorId"), uuidToString(m_clerk)},
                              {QStringLiteral("text"), QStringLiteral("Vermerk %1: Rückruf der Antragstellerin, "
                                                                      "Unterlagen folgen per Post.")
                                                           .arg(number)}}}}};
    case 1:
        if (theCase.formData.value(secondVehicle).toBool()) {
            const QJsonValue old = theCase.formData.value(secondVehicleReason);
            return {CommandName::SetFields,
                    {{QStringLiteral("fields"),
                      QJsonObject{{secondVehicleReason,
                                   QJsonObject{{QStringLiteral("old"), old.isUndefined() ? QJsonValue() : old},
                                               {QStringLiteral("new"),
                                                QStringLiteral("Schichtdienst, Stand %1").arg(number)}}}}}}};
        }
        [[fallthrough]];
    default:
        return {CommandName::SetFollowUp,
                {{QStringLiteral("date"), QDate(2026, 1, 1).addDays(number % 365).toString(Qt::ISODate)}}};
    }
}

void TestSyncOfflineWeek::tenThousandQueuedCommandsDrain()
{
    SyncTestClient clerk;
    // SyncTestClient::logIn knows the test users' password only; the demo world has its own.
    const QUuid clientId = SyncStore(clerk.cache.db()).clientId().value();
    clerk.api = std::make_unique<sync::ServerApi>(m_fixture.server->url(QString()), clerk.tokens);
    std::optional<sync::ApiResponse> answer;
    clerk.api->login(m_login, server::DemoImport::password(), clientId,
                     [&answer](const sync::ApiResponse &r) { answer = r; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), syncTimeoutMs);
    QVERIFY2(answer->ok(), qPrintable(answer->describe()));
    clerk.userId = clerk.tokens.tokens()->userId;
    QCOMPARE(clerk.userId, m_clerk);
    clerk.engine = std::make_unique<sync::SyncEngine>(*clerk.api, clerk.cache.db(), clerk.retry);
    QString problem;
    QVERIFY2(ConvergenceCheck::settle(clerk, syncTimeoutMs, &problem), qPrintable(problem));

    // The cases of the clerk's own teams (writable), the first few hundred.
    QList<QUuid> caseIds;
    QSqlQuery query(m_fixture.db());
    QVERIFY(query.exec(QStringLiteral("SELECT c.id::text FROM cases c JOIN user_teams t ON t.team_id = c.team_id"
                                      " WHERE t.user_id = '%1' ORDER BY c.id LIMIT %2")
                           .arg(uuidToString(m_clerk))
                           .arg(caseCount)));
    while (query.next())
        caseIds.append(uuidFromString(query.value(0).toString()));
    QVERIFY2(caseIds.size() >= 100, qPrintable(QStringLiteral("only %1 cases in scope").arg(caseIds.size())));

    // The server goes away for the week.
    QCOMPARE(m_fixture.server->stop(), 0);
    m_fixture.server.reset();
    QElapsedTimer submitting;
    submitting.start();
    CaseRepository repository(clerk.cache.db());
    for (int i = 0; i < commandCount; ++i) {
        const QUuid caseId = caseIds.at(i % caseIds.size());
        const std::optional<Case> visible = repository.visibleCase(caseId).value();
        QVERIFY(visible);
        const auto [name, args] = nextCommand(*visible, i / int(caseIds.size()));
        auto submitted = clerk.submit(name, caseId, args);
        QVERIFY2(submitted, qPrintable(QStringLiteral("command %1: %2").arg(i).arg(submitted.error().toString())));
    }
    const qint64 submitMs = submitting.elapsed();
    QCOMPARE(Outbox(clerk.cache.db()).pendingCount().value(), commandCount);
    clerk.engine->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(clerk.engine->state(), sync::SyncEngine::State::WaitingToRetry, syncTimeoutMs);
    QVERIFY(!clerk.engine->isOnline());

    // Back after the week (on another port, as after a restart): the outbox drains.
    const QString started = m_fixture.startServer();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    clerk.api->setServerUrl(m_fixture.server->url(QString()));
    QElapsedTimer draining;
    draining.start();
    QVERIFY2(ConvergenceCheck::settle(clerk, drainTimeoutMs, &problem), qPrintable(problem));
    const qint64 drainMs = draining.elapsed();
    qInfo().noquote() << QStringLiteral("submitted %1 commands in %2 ms (%3 ms each), drained in %4 ms")
                             .arg(commandCount)
                             .arg(submitMs)
                             .arg(double(submitMs) / commandCount, 0, 'f', 2)
                             .arg(drainMs);

    QCOMPARE(clerk.outbox().size(), 0);
    // Each command once, in order, applied, with exactly one change of its case.
    QVERIFY(query.exec(QStringLiteral("SELECT count(*), count(DISTINCT client_seq), min(client_seq), max(client_seq),"
                                      " count(*) FILTER (WHERE result = 'applied') FROM commands"
                                      " WHERE client_id = '%1'")
                           .arg(uuidToString(clientId))));
    QVERIFY(query.next());
    for (int column = 0; column < 5; ++column) {
        const qint64 expected = column == 2 ? 1 : commandCount;
        QCOMPARE(query.value(column).toLongLong(), expected);
    }
    QCOMPARE(m_fixture
                 .scalar(QStringLiteral("SELECT count(*) FROM changes ch JOIN commands c ON c.id = ch.command_id"
                                        " WHERE c.client_id = '%1'")
                             .arg(uuidToString(clientId)))
                 .toLongLong(),
             commandCount);
    const QString difference = ConvergenceCheck(m_fixture.db()).differences(clerk);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    QCOMPARE(integrityProblem(clerk.cache.sqlite()), QString());
}

QTEST_GUILESS_MAIN(TestSyncOfflineWeek)
#include "tst_syncofflineweek.moc"
