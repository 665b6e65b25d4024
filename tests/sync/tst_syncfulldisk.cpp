// The cache on a full disk (issue 6). SQLite's PRAGMA max_page_count on the cache's connection makes the file
// unable to grow, so writes fail with a real SQLITE_FULL from SQLite's own code path: it stands in for a full
// file system, which a test cannot make safely. A submit on the full cache is refused with a clear error and
// writes nothing; a pulled page that does not fit is not stored (cursor unchanged) and sync reports the error;
// once there is room again the next run completes and the cache converges on the server's state.
#include "core/Uuid.h"
#include "server/ServerDatabase.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "storage/SyncStore.h"
#include "sync/SyncEngine.h"

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
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::storage;
using namespace casedesk::test;

namespace {

constexpr int syncTimeoutMs = 60000;
const qint64 roomyPageCount = 1073741823; // SQLite's default max_page_count

// Sets the cache connection's max_page_count and returns what SQLite took (it never goes below the file's size).
qint64 limitPages(TemporaryCache &cache, qint64 pages)
{
    return cache.sqlite().queryInt64(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)).value();
}

// No room to grow: the file's current size is its limit.
qint64 fillUp(TemporaryCache &cache)
{
    return limitPages(cache, cache.sqlite().queryInt64(QStringLiteral("PRAGMA page_count")).value());
}

QJsonObject noteArgs(const QUuid &caseId, const QUuid &author, int number)
{
    // Long enough that a few of them need pages of their own (and their search entries more).
    QString text = QStringLiteral("Vermerk %1: ").arg(number);
    while (text.size() < 6000)
        text += QStringLiteral("Ortstermin am Baum %1 in der Königstraße, Rücksprache mit dem Antragsteller. ")
                    .arg(text.size());
    return {{QStringLiteral("note"), QJsonObject{{QStringLiteral("id"), uuidToString(createUuidV7())},
                                                 {QStringLiteral("caseId"), uuidToString(caseId)},
                                                 {QStringLiteral("authorId"), uuidToString(author)},
                                                 {QStringLiteral("text"), text}}}};
}

} // namespace

class TestSyncFullDisk : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void submitOnFullCacheIsRefused();
    void pageThatDoesNotFitIsNotStored();

private:
    std::unique_ptr<SyncTestClient> connect(const QString &login);
    QUuid createCase(SyncTestClient &client, const QString &title);

    SyncServerFixture m_fixture;
    QUuid m_team;
};

void TestSyncFullDisk::initTestCase()
{
    const QString problem = m_fixture.setUp({QStringLiteral("anna"), QStringLiteral("bert")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_team = m_fixture.teamId(QStringLiteral("32.1"));
    QVERIFY(!m_team.isNull());
    const QString started = m_fixture.startServer();
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestSyncFullDisk::cleanupTestCase()
{
    QCOMPARE(m_fixture.tearDown(), 0);
}

std::unique_ptr<SyncTestClient> TestSyncFullDisk::connect(const QString &login)
{
    auto client = std::make_unique<SyncTestClient>();
    if (!client->logIn(m_fixture.server->url(QString()), login, syncTimeoutMs))
        return nullptr;
    QString problem;
    if (!ConvergenceCheck::settle(*client, syncTimeoutMs, &problem)) {
        qWarning() << "first sync:" << problem;
        return nullptr;
    }
    return client;
}

QUuid TestSyncFullDisk::createCase(SyncTestClient &client, const QString &title)
{
    const Case c = parkingApplication(m_team, title);
    auto created = client.submit(CommandName::CreateCase, c.id, {{QStringLiteral("case"), c.toJson()}});
    return created ? c.id : QUuid();
}

void TestSyncFullDisk::submitOnFullCacheIsRefused()
{
    const std::unique_ptr<SyncTestClient> anna = connect(QStringLiteral("anna"));
    QVERIFY(anna);
    const QUuid caseId = createCase(*anna, QStringLiteral("Bewohnerparkausweis, Platte voll"));
    QVERIFY(!caseId.isNull());
    QString problem;
    QVERIFY2(ConvergenceCheck::settle(*anna, syncTimeoutMs, &problem), qPrintable(problem));

    const qint64 limit = fillUp(anna->cache);
    // Vermerke until the cache has no room left; the free pages inside the file take the first ones.
    std::optional<Result<Command>> refused;
    QList<OutboxEntry> outboxBefore;
    QList<Note> notesBefore;
    QString lastSeqBefore;
    for (int i = 0; i < 200 && !refused; ++i) {
        outboxBefore = anna->outbox();
        notesBefore = CaseRepository(anna->cache.db()).visibleNotes(caseId).value();
        lastSeqBefore = ReferenceRepository(anna->cache.db()).setting(QStringLiteral("last_client_seq")).value();
        auto submitted = anna->submit(CommandName::AddNote, caseId, noteArgs(caseId, anna->userId, i));
        if (!submitted)
            refused = submitted;
    }
    QVERIFY2(refused, "200 long Vermerke fit into a cache that could not grow");
    const Error &error = refused->error();
    QCOMPARE(error.code, ErrorCode::Io);
    QVERIFY2(error.message.contains(QLatin1String("disk holding the local case cache is full")),
             qPrintable(error.message));
    QVERIFY2(error.detail.contains(QLatin1String("full")), qPrintable(error.detail)); // SQLite's own SQLITE_FULL
    QCOMPARE(anna->cache.sqlite().queryInt64(QStringLiteral("PRAGMA page_count")).value(), limit);

    // Nothing partial: no entry, no sequence number, no Vermerk, an intact file.
    QCOMPARE(anna->outbox(), outboxBefore);
    QCOMPARE(ReferenceRepository(anna->cache.db()).setting(QStringLiteral("last_client_seq")).value(), lastSeqBefore);
    QCOMPARE(CaseRepository(anna->cache.db()).visibleNotes(caseId).value(), notesBefore);
    QCOMPARE(integrityProblem(anna->cache.sqlite()), QString());

    // With room again a Vermerk is taken, and everything reaches the server.
    QCOMPARE(limitPages(anna->cache, roomyPageCount), roomyPageCount);
    auto retried = anna->submit(CommandName::AddNote, caseId, noteArgs(caseId, anna->userId, 999));
    QVERIFY2(retried, qPrintable(retried.error().toString()));
    QVERIFY2(ConvergenceCheck::settle(*anna, syncTimeoutMs, &problem), qPrintable(problem));
    QCOMPARE(anna->outbox().size(), 0);
    const QString difference = ConvergenceCheck(m_fixture.db()).differences(*anna);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestSyncFullDisk::pageThatDoesNotFitIsNotStored()
{
    const std::unique_ptr<SyncTestClient> anna = connect(QStringLiteral("anna"));
    const std::unique_ptr<SyncTestClient> bert = connect(QStringLiteral("bert"));
    QVERIFY(anna && bert);
    const QString cursorBefore = SyncStore(anna->cache.db()).cursor().value();
    const qint64 casesBefore =
        anna->cache.sqlite().queryInt64(QStringLiteral("SELECT count(*) FROM case_confirmed")).value();

    // Bert's new cases with long Vermerke: far more than the free pages inside Anna's file hold.
    QList<QUuid> created;
    for (int i = 0; i < 10; ++i) {
        const QUuid caseId = createCase(*bert, QStringLiteral("Baumfällung %1").arg(i));
        QVERIFY(!caseId.isNull());
        created.append(caseId);
        for (int n = 0; n < 3; ++n)
            QVERIFY(bert->submit(CommandName::AddNote, caseId, noteArgs(caseId, bert->userId, n)));
    }
    QString problem;
    QVERIFY2(ConvergenceCheck::settle(*bert, syncTimeoutMs, &problem), qPrintable(problem));

    fillUp(anna->cache);
    QVERIFY(!ConvergenceCheck::settle(*anna, syncTimeoutMs, &problem));
    QCOMPARE(anna->engine->state(), sync::SyncEngine::State::Failed);
    QCOMPARE(anna->engine->lastError().code, ErrorCode::Io);
    QVERIFY(!anna->engine->lastError().message.isEmpty());
    // The page that did not fit left no trace: the cursor where it was, none of its cases, an intact file.
    QCOMPARE(SyncStore(anna->cache.db()).cursor().value(), cursorBefore);
    QCOMPARE(anna->cache.sqlite().queryInt64(QStringLiteral("SELECT count(*) FROM case_confirmed")).value(),
             casesBefore);
    for (const QUuid &caseId : std::as_const(created))
        QVERIFY(!anna->confirmed(caseId));
    QCOMPARE(integrityProblem(anna->cache.sqlite()), QString());

    // Space freed: the next run stores the pages and converges.
    limitPages(anna->cache, roomyPageCount);
    QVERIFY2(ConvergenceCheck::settle(*anna, syncTimeoutMs, &problem), qPrintable(problem));
    for (const QUuid &caseId : std::as_const(created))
        QVERIFY(anna->confirmed(caseId));
    const QString difference = ConvergenceCheck(m_fixture.db()).differences(*anna);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

QTEST_GUILESS_MAIN(TestSyncFullDisk)
#include "tst_syncfulldisk.moc"
