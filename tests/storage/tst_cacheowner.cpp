// Whose cache it is (CacheOwner): the first login makes it its user's; another user's login starts it over, and
// only when nothing of the previous user waits in the outbox. What it removes and keeps, read back from the cache.
#include "core/Uuid.h"
#include "mock/MockClock.h"
#include "storage/CacheOwner.h"
#include "storage/CaseRepository.h"
#include "storage/CaseSearch.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "storage/SyncStore.h"

#include <QTest>

#include "TemporaryCache.h"
#include "TreeFellingSamples.h"

using namespace casedesk;
using namespace casedesk::storage;

namespace {

// A realistic application under its own title and id.
Case makeCase(const QString &title)
{
    Case c = test::openedTreeFellingCase();
    c.id = createUuidV7();
    c.title = title;
    return c;
}

User makeUser(const QString &login)
{
    User user;
    user.id = createUuidV7();
    user.login = login;
    user.displayName = login;
    user.roles = {Role::Clerk};
    return user;
}

} // namespace

class TestCacheOwner : public QObject {
    Q_OBJECT

private slots:
    // The sample's form dates are checked against the day it was made for.
    void initTestCase() { Clock::setCurrent(&m_clock); }
    void cleanupTestCase() { Clock::setCurrent(nullptr); }

    void theFirstLoginTakesTheCacheAsItIs()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        QVERIFY(CacheOwner(cache.db()).owner().value().isNull());
        // Made offline before anyone logged in here: the first user sends it.
        const Case offline = makeCase(QStringLiteral("Offline angelegt"));
        QVERIFY(Outbox(cache.db())
                    .submit(CommandName::CreateCase, offline.id, {{QStringLiteral("case"), offline.toJson()}},
                            createUuidV7()));
        const QUuid anna = createUuidV7();
        const Result<bool> taken = CacheOwner(cache.db()).takeOver(anna);
        QVERIFY2(taken, qPrintable(taken.error().toString()));
        QCOMPARE(taken.value(), false);
        QCOMPARE(CacheOwner(cache.db()).owner().value(), anna);
        QCOMPARE(Outbox(cache.db()).pendingCount().value(), qint64(1));
        // The owner again: nothing changes.
        QCOMPARE(CacheOwner(cache.db()).takeOver(anna).value(), false);
        QCOMPARE(Outbox(cache.db()).pendingCount().value(), qint64(1));
        QVERIFY(!CacheOwner(cache.db()).takeOver(QUuid()));
    }

    void anotherUserStartsTheCacheOver()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        const User anna = makeUser(QStringLiteral("anna"));
        QVERIFY(CacheOwner(cache.db()).takeOver(anna.id));
        const Case seen = makeCase(QStringLiteral("Fällung Zaunkönigweg"));
        QVERIFY(CaseRepository(cache.db()).storeConfirmed({seen}));
        QVERIFY(ReferenceRepository(cache.db()).storeUsers({anna}));
        const QUuid annasClient = SyncStore(cache.db()).clientId().value();
        QCOMPARE(CaseSearch(cache.db()).search(QStringLiteral("Zaunkönigweg"), 10)->size(), 1);

        const User bert = makeUser(QStringLiteral("bert"));
        const Result<bool> taken = CacheOwner(cache.db()).takeOver(bert.id);
        QVERIFY2(taken, qPrintable(taken.error().toString()));
        QCOMPARE(taken.value(), true);
        QCOMPARE(CacheOwner(cache.db()).owner().value(), bert.id);
        // Nothing of Anna's is left to see or to find; Bert's installation has a clientId of its own.
        QVERIFY(!CaseRepository(cache.db()).visibleCase(seen.id).value());
        QVERIFY(!CaseRepository(cache.db()).confirmedCase(seen.id).value());
        QCOMPARE(CaseRepository(cache.db()).visibleCount().value(), qint64(0));
        QCOMPARE(CaseSearch(cache.db()).search(QStringLiteral("Zaunkönigweg"), 10)->size(), 0);
        QVERIFY(ReferenceRepository(cache.db()).users()->isEmpty());
        QVERIFY(SyncStore(cache.db()).cursor()->isEmpty());
        const QUuid bertsClient = SyncStore(cache.db()).clientId().value();
        QVERIFY(!bertsClient.isNull());
        QVERIFY(bertsClient != annasClient);
    }

    // A cache written before the owner was kept names the user of its last login; that user's login keeps it.
    void aCacheFromBeforeKnowsItsLastLogin()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        const QUuid anna = createUuidV7();
        QVERIFY(ReferenceRepository(cache.db()).setSetting(QStringLiteral("sessionUser"), uuidToString(anna)));
        const Case seen = makeCase(QStringLiteral("Fällung Linde"));
        QVERIFY(CaseRepository(cache.db()).storeConfirmed({seen}));
        QCOMPARE(CacheOwner(cache.db()).owner().value(), anna);
        QCOMPARE(CacheOwner(cache.db()).takeOver(anna).value(), false);
        QVERIFY(CaseRepository(cache.db()).confirmedCase(seen.id).value());
        QCOMPARE(CacheOwner(cache.db()).takeOver(createUuidV7()).value(), true);
        QVERIFY(!CaseRepository(cache.db()).confirmedCase(seen.id).value());
    }

    void changesOfThePreviousUserKeepTheCache()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        const QUuid anna = createUuidV7();
        QVERIFY(CacheOwner(cache.db()).takeOver(anna));
        const Case seen = makeCase(QStringLiteral("Fällung Kastanie"));
        QVERIFY(CaseRepository(cache.db()).storeConfirmed({seen}));
        QVERIFY(Outbox(cache.db())
                    .submit(CommandName::SetFollowUp, seen.id, {{QStringLiteral("date"), QStringLiteral("2026-04-01")}},
                            anna));
        const QString before = cache.scalar(QStringLiteral(
            "SELECT (SELECT group_concat(key || value, '|') FROM settings) || '#' || (SELECT count(*) FROM case_view)"
            " || '#' || (SELECT count(*) FROM outbox)"));

        const Result<bool> refused = CacheOwner(cache.db()).takeOver(createUuidV7());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QVERIFY2(refused.error().message.contains(QStringLiteral("1 change")), qPrintable(refused.error().message));
        QCOMPARE(cache.scalar(QStringLiteral(
                     "SELECT (SELECT group_concat(key || value, '|') FROM settings) || '#' || (SELECT count(*) FROM "
                     "case_view) || '#' || (SELECT count(*) FROM outbox)")),
                 before);
        QCOMPARE(CacheOwner(cache.db()).owner().value(), anna);
    }

private:
    test::MockClock m_clock{test::treeFellingDay};
};

QTEST_GUILESS_MAIN(TestCacheOwner)
#include "tst_cacheowner.moc"
