// The client killed between the outbox write and the push, and between a pull page and its cursor (issue 6):
// a child client (syncfailpoint_client) edits cases and syncs with fail point n = 1, 2, ... armed to abort the
// process; after each kill the cache is opened again here and synced to the end. Every stop must leave an intact
// cache whose cursor is not ahead of its stored pages, lose no submitted command, apply none twice, and converge
// on the server's state. The loop ends when a run passes fewer than n points. The same steps armed to fail
// instead of abort must leave nothing half written.
#include "core/Uuid.h"
#include "server/ServerDatabase.h"
#include "server/SyncCursor.h"
#include "storage/CacheDatabase.h"
#include "storage/CaseRepository.h"
#include "storage/FailPoint.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "storage/SyncStore.h"
#include "sync/ServerApi.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

#include "CacheChecks.h"
#include "ConvergenceCheck.h"
#include "InMemoryTokenStore.h"
#include "ManualRetryTimer.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"
#include "SyncServerFixture.h"
#include "SyncTestClient.h"
#include "SyncTestData.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::storage;
using namespace casedesk::test;

namespace {

constexpr int syncTimeoutMs = 60000;
constexpr int maxPoints = 400; // far more than a run passes: a loop that never ends fails instead
const QString field = QStringLiteral("secondVehicleReason");
const QString everyCase = QStringLiteral("true"); // the test users' scope: team 32.1 holds every case

QJsonObject fieldEdit(const QJsonValue &oldValue, const QJsonValue &newValue)
{
    return test::fieldEdit(field, oldValue, newValue);
}

// What the child printed before it ended.
struct ChildRun {
    bool finished = false; // exit code 0: it passed fewer points than armed
    int points = 0;
    QList<qint64> submitted; // clientSeq of every submit that returned
    QString problem;         // set when it neither finished nor was stopped by the fail point
};

} // namespace

class TestSyncFailPoints : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void killedAtEveryPoint();
    void failedStepWritesNothing();

private:
    ChildRun runChild(const QString &cachePath, const QByteArray &key, int failPoint);
    // The cache the child left: opened again, checked, synced to the end and checked against the server.
    void recover(const QString &cachePath, const QByteArray &key, const ChildRun &run);

    SyncServerFixture m_fixture;
    QList<QUuid> m_cases;
};

void TestSyncFailPoints::initTestCase()
{
    const QString problem = m_fixture.setUp({QStringLiteral("anna")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QUuid team = m_fixture.teamId(QStringLiteral("32.1"));
    QVERIFY(!team.isNull());
    const QString started = m_fixture.startServer();
    QVERIFY2(started.isEmpty(), qPrintable(started));

    // The cases the children edit, made through a client of their own.
    SyncTestClient setup;
    QVERIFY(setup.logIn(m_fixture.server->url(QString()), QStringLiteral("anna"), syncTimeoutMs));
    for (int i = 0; i < 3; ++i) {
        const Case c = parkingApplication(team, QStringLiteral("Bewohnerparkausweis %1").arg(i));
        auto created = setup.submit(CommandName::CreateCase, c.id, {{QStringLiteral("case"), c.toJson()}});
        QVERIFY2(created, qPrintable(created.error().toString()));
        m_cases.append(c.id);
    }
    QString syncProblem;
    QVERIFY2(ConvergenceCheck::settle(setup, syncTimeoutMs, &syncProblem), qPrintable(syncProblem));
}

void TestSyncFailPoints::cleanupTestCase()
{
    QCOMPARE(m_fixture.tearDown(), 0);
}

ChildRun TestSyncFailPoints::runChild(const QString &cachePath, const QByteArray &key, int failPoint)
{
    QStringList arguments{m_fixture.server->url(QString()).toString(), QStringLiteral("anna"), cachePath,
                          QString::fromLatin1(key.toHex()), QString::number(failPoint)};
    for (const QUuid &id : std::as_const(m_cases))
        arguments.append(uuidToString(id));
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/syncfailpoint_client"), arguments);
    ChildRun run;
    if (!child.waitForFinished(2 * syncTimeoutMs)) {
        child.kill();
        child.waitForFinished();
        run.problem = QStringLiteral("the client did not end: ") + child.errorString();
        return run;
    }
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("submitted ")))
            run.submitted.append(line.mid(10).toLongLong());
        else if (line.startsWith(QLatin1String("points ")))
            run.points = line.mid(7).toInt();
    }
    run.finished = child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0;
    const QString err = QString::fromUtf8(child.readAllStandardError());
    // Only the armed fail point may end it early, and it says so before it aborts.
    if (!run.finished && (child.exitStatus() != QProcess::CrashExit || !err.contains(QLatin1String("fail point"))))
        run.problem = QStringLiteral("the client failed (exit %1): %2").arg(child.exitCode()).arg(err);
    return run;
}

void TestSyncFailPoints::recover(const QString &cachePath, const QByteArray &key, const ChildRun &run)
{
    auto opened = CacheDatabase::open(cachePath, key);
    QVERIFY2(opened, qPrintable(opened.error().toString()));
    CacheDatabase &cache = **opened;
    const QString damage = integrityProblem(cache.sqlite());
    QVERIFY2(damage.isEmpty(), qPrintable(damage));

    // The cursor is never ahead of the stored pages: every change up to it is in the confirmed state.
    const QString cursorText = SyncStore(cache).cursor().value();
    if (!cursorText.isEmpty()) {
        const std::optional<server::SyncCursor> cursor = server::SyncCursor::fromText(cursorText);
        QVERIFY(cursor);
        QSqlQuery query(m_fixture.db());
        QVERIFY(query.exec(QStringLiteral("SELECT case_id::text, max(case_version) FROM changes"
                                          " WHERE (xid::text::numeric, seq) <= (%1, %2) GROUP BY case_id")
                               .arg(cursor->xid)
                               .arg(cursor->seq)));
        CaseRepository repository(cache);
        while (query.next()) {
            const auto confirmed = repository.confirmedCase(uuidFromString(query.value(0).toString())).value();
            QVERIFY2(confirmed && confirmed->version >= query.value(1).toLongLong(),
                     qPrintable(QStringLiteral("the cursor is past version %1 of case %2")
                                    .arg(query.value(1).toLongLong())
                                    .arg(query.value(0).toString())));
        }
    }

    // What survived the kill: the sequence numbers handed out, and which of them wait in the outbox.
    const qint64 lastSeq = ReferenceRepository(cache).setting(QStringLiteral("last_client_seq")).value().toLongLong();
    for (qint64 seq : run.submitted)
        QVERIFY2(seq <= lastSeq, qPrintable(QStringLiteral("submitted command %1 is lost").arg(seq)));
    const QUuid clientId = SyncStore(cache).clientId().value();

    InMemoryTokenStore tokens;
    ManualRetryTimer retry;
    sync::ServerApi api(m_fixture.server->url(QString()), tokens);
    std::optional<sync::ApiResponse> answer;
    api.login(QStringLiteral("anna"), TestUsers::password(), clientId,
              [&answer](const sync::ApiResponse &r) { answer = r; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), syncTimeoutMs);
    QVERIFY2(answer->ok(), qPrintable(answer->describe()));
    sync::SyncEngine engine(api, cache, retry);
    QString problem;
    QVERIFY2(syncUntilDone(engine, retry, syncTimeoutMs, &problem), qPrintable(problem));

    // Every command the kill left behind applied exactly once, in order, none missing.
    QCOMPARE(Outbox(cache).entries().value().size(), 0);
    QSqlQuery commands(m_fixture.db());
    QVERIFY(commands.exec(QStringLiteral("SELECT client_seq, result, (SELECT count(*) FROM changes ch WHERE"
                                         " ch.command_id = c.id) FROM commands c WHERE client_id = '%1'"
                                         " ORDER BY client_seq")
                              .arg(uuidToString(clientId))));
    qint64 expectedSeq = 1;
    while (commands.next()) {
        QCOMPARE(commands.value(0).toLongLong(), expectedSeq++);
        QCOMPARE(commands.value(1).toString(), QStringLiteral("applied"));
        QCOMPARE(commands.value(2).toInt(), 1);
    }
    QCOMPARE(expectedSeq - 1, lastSeq);
    const QString difference = confirmedDiffersFromServer(cache, m_fixture.db(), everyCase);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    QCOMPARE(integrityProblem(cache.sqlite()), QString());
}

void TestSyncFailPoints::killedAtEveryPoint()
{
    int covered = 0;
    for (int n = 1; n <= maxPoints; ++n) {
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("cache.db"));
        QByteArray key(CacheDatabase::KeySize, Qt::Uninitialized);
        for (char &byte : key)
            byte = char(QRandomGenerator::system()->bounded(256));
        const ChildRun run = runChild(cachePath, key, n);
        QVERIFY2(run.problem.isEmpty(), qPrintable(QStringLiteral("fail point %1: %2").arg(n).arg(run.problem)));
        if (run.finished) {
            QVERIFY2(run.points < n, qPrintable(QStringLiteral("ended normally at armed point %1").arg(n)));
            covered = run.points;
            break;
        }
        recover(cachePath, key, run);
        if (QTest::currentTestFailed()) {
            qWarning() << "after the kill at fail point" << n;
            return;
        }
    }
    qInfo() << "killed at each of" << covered << "fail points";
    QVERIFY(covered > 2 * 3 * 2); // at least the two steps of each submit passed, so the loop ran
}

void TestSyncFailPoints::failedStepWritesNothing()
{
    SyncTestClient client;
    QVERIFY(client.logIn(m_fixture.server->url(QString()), QStringLiteral("anna"), syncTimeoutMs));
    QString problem;
    QVERIFY2(ConvergenceCheck::settle(client, syncTimeoutMs, &problem), qPrintable(problem));
    const QUuid caseId = m_cases.constFirst();
    // Each round: one edit (its submit's steps), then one sync whose pull brings one page (the page's steps).
    int failedSubmits = 0;
    int failedPages = 0;
    for (int n = 1; n <= maxPoints; ++n) {
        const QString cursorBefore = SyncStore(client.cache.db()).cursor().value();
        const QList<OutboxEntry> outboxBefore = client.outbox();
        const std::optional<Case> visibleBefore = client.visible(caseId);
        const std::optional<Case> confirmedBefore = client.confirmed(caseId);
        QVERIFY(visibleBefore && confirmedBefore);
        const QJsonValue oldValue = visibleBefore->formData.value(field);
        FailPoint::arm(n, FailPoint::Action::Fail);
        auto edited = client.submit(
            CommandName::SetFields, caseId,
            fieldEdit(oldValue.isUndefined() ? QJsonValue() : oldValue, QStringLiteral("Versuch %1").arg(n)));
        if (!edited) {
            FailPoint::disarm();
            // Refused at a step: neither the entry, nor its sequence number, nor the visible edit stays.
            QCOMPARE(edited.error().code, ErrorCode::Io);
            QCOMPARE(client.outbox(), outboxBefore);
            QCOMPARE(client.visible(caseId), visibleBefore);
            ++failedSubmits;
            continue;
        }
        const bool synced = ConvergenceCheck::settle(client, syncTimeoutMs, &problem);
        const int hits = FailPoint::hits();
        FailPoint::disarm();
        if (synced) {
            QVERIFY2(hits < n, qPrintable(QStringLiteral("armed point %1 passed without failing").arg(n)));
            break;
        }
        // The page was refused at a step: its cursor, its case and its result are not stored, the edit still waits.
        QCOMPARE(client.engine->lastError().code, ErrorCode::Io);
        QCOMPARE(SyncStore(client.cache.db()).cursor().value(), cursorBefore);
        QCOMPARE(client.confirmed(caseId), confirmedBefore);
        const QList<OutboxEntry> waiting = client.outbox();
        QCOMPARE(waiting.size(), outboxBefore.size() + 1);
        QCOMPARE(waiting.constLast().command, *edited);
        QCOMPARE(waiting.constLast().state, OutboxEntry::State::Pending);
        ++failedPages;
        // The next run pulls the page again.
        QVERIFY2(ConvergenceCheck::settle(client, syncTimeoutMs, &problem), qPrintable(problem));
        QCOMPARE(client.outbox().size(), 0);
    }
    qInfo() << "failed" << failedSubmits << "submits and" << failedPages << "pages";
    QVERIFY(failedSubmits > 0 && failedPages > 0);
    const QString difference = ConvergenceCheck(m_fixture.db()).differences(client);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

QTEST_GUILESS_MAIN(TestSyncFailPoints)
#include "tst_syncfailpoints.moc"
