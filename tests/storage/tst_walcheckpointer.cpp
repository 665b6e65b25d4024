// The checkpoint thread: copies a big transaction's WAL into the encrypted cache file and cuts the WAL back,
// lets the writer go on meanwhile, and stops at once when the cache closes, losing nothing.
#include "mock/TestSupport.h"
#include "storage/CacheDatabase.h"
#include "storage/SqliteDatabase.h"
#include "storage/WalCheckpointer.h"

#include <QFileInfo>
#include <QTest>

#include "TemporaryCache.h"

using namespace casedesk;
using namespace casedesk::storage;

namespace {

// Fills the WAL with about `megabytes` MB in one transaction, as a bulk load's commit does (no automatic
// checkpoint). The rows are random, so no page compresses or repeats.
bool fillWal(test::TemporaryCache &cache, int megabytes)
{
    SqliteDatabase &db = cache.sqlite();
    if (!db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0; CREATE TABLE IF NOT EXISTS filler (n INTEGER, "
                                "bytes BLOB); BEGIN; WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k "
                                "WHERE n < %1) INSERT INTO filler SELECT n, randomblob(16384) FROM k; COMMIT;")
                     .arg(megabytes * 64)))
        return false;
    return bool(db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(CacheDatabase::AutoCheckpointPages)));
}

qint64 walSize(const test::TemporaryCache &cache)
{
    return QFileInfo(cache.path() + QStringLiteral("-wal")).size();
}

} // namespace

class TestWalCheckpointer : public QObject {
    Q_OBJECT

private slots:
    void copiesTheWalIntoTheFileAndCutsItBack()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        QVERIFY(fillWal(cache, 8));
        QVERIFY(walSize(cache) > 8 * 1024 * 1024);
        WalCheckpointer *checkpointer = cache.db().walCheckpointer();
        QVERIFY(checkpointer);
        QVERIFY(!checkpointer->lastOutcome());

        QVERIFY(cache.db().checkpointAfterBigLoad());
        QVERIFY(checkpointer->waitUntilIdle(30'000));
        QVERIFY(checkpointer->lastOutcome());
        const WalCheckpointer::Outcome outcome = *checkpointer->lastOutcome();
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->toString() : QString()));
        QVERIFY(outcome.logFrames >= 8 * 256); // 8 MB of 4 KB pages
        QCOMPARE(outcome.checkpointedFrames, outcome.logFrames);
        QVERIFY(outcome.truncated);
        QCOMPARE(walSize(cache), 0);
        // The file alone holds everything: reopened, every row is there and every page passes its HMAC.
        QVERIFY(cache.reopen());
        QCOMPARE(cache.scalar(QStringLiteral("SELECT count(*) FROM filler")), QString::number(8 * 64));
        QVERIFY(cache.db().checkIntegrity());
    }

    // The copy takes no lock the writer waits for: a transaction commits while it runs, and the rows of both are
    // in the cache afterwards.
    void theWriterGoesOnWhileTheCopyRuns()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        QVERIFY(fillWal(cache, 32));
        WalCheckpointer *checkpointer = cache.db().walCheckpointer();
        QVERIFY(checkpointer);
        checkpointer->start();
        QVERIFY(
            cache.sqlite().exec(QStringLiteral("CREATE TABLE later (t TEXT); INSERT INTO later VALUES ('Vermerk')")));
        QVERIFY(checkpointer->waitUntilIdle(60'000));
        const WalCheckpointer::Outcome outcome = *checkpointer->lastOutcome();
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->toString() : QString()));
        // The writer's commit may have started its automatic checkpoint first: then that one copied.
        QVERIFY(outcome.othersCopy || outcome.checkpointedFrames > 0);
        QVERIFY(cache.reopen());
        QCOMPARE(cache.scalar(QStringLiteral("SELECT t FROM later")), QStringLiteral("Vermerk"));
        QCOMPARE(cache.scalar(QStringLiteral("SELECT count(*) FROM filler")), QString::number(32 * 64));
        QVERIFY(cache.db().checkIntegrity());
    }

    // Closing the cache while a copy runs interrupts it; the WAL keeps what was not copied, and the next opening
    // has every row.
    void closingTheCacheStopsACopyAndLosesNothing()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        QVERIFY(fillWal(cache, 64));
        QVERIFY(cache.db().checkpointAfterBigLoad());
        QVERIFY(cache.reopen()); // closes the cache, interrupting the copy (or after it, if it was quicker)
        QCOMPARE(cache.scalar(QStringLiteral("SELECT count(*) FROM filler")), QString::number(64 * 64));
        QCOMPARE(cache.scalar(QStringLiteral("SELECT sum(length(bytes)) FROM filler")),
                 QString::number(qint64(64) * 64 * 16384));
        QVERIFY(cache.db().checkIntegrity());
    }

    // A second request while a copy runs is that copy's: no second thread, no error.
    void aRequestDuringACopyJoinsIt()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        QVERIFY(fillWal(cache, 16));
        WalCheckpointer *checkpointer = cache.db().walCheckpointer();
        QVERIFY(checkpointer);
        checkpointer->start();
        checkpointer->start();
        QVERIFY(checkpointer->waitUntilIdle(60'000));
        QVERIFY(!checkpointer->isRunning());
        QVERIFY(!checkpointer->lastOutcome()->error);
        // And one after it finished starts anew (nothing left to copy: an empty WAL).
        checkpointer->start();
        QVERIFY(checkpointer->waitUntilIdle(60'000));
        const WalCheckpointer::Outcome again = *checkpointer->lastOutcome();
        QVERIFY(!again.error);
        QCOMPARE(again.logFrames, 0);
        QCOMPARE(walSize(cache), 0);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
