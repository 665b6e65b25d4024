// UUIDv7: bit layout (RFC 9562), creation order within one millisecond, timestamps from the clock,
// uniqueness across threads, and the strict text form.
#include "core/Uuid.h"
#include "mock/MockClock.h"

#include <QSet>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace casedesk;
using casedesk::test::MockClock;

namespace {

bool isVersion7(const QUuid &id)
{
    const QByteArray bytes = id.toRfc4122();
    return (static_cast<quint8>(bytes[6]) >> 4) == 7 && (static_cast<quint8>(bytes[8]) >> 6) == 0b10;
}

// Byte order of the RFC 4122 form is the order the ids sort in as text and in the database.
bool before(const QUuid &a, const QUuid &b)
{
    return a.toRfc4122() < b.toRfc4122();
}

} // namespace

class TestUuid : public QObject {
    Q_OBJECT

private slots:
    void versionAndVariantBits();
    void monotonicInTightLoop();
    void timestampFromClock_data();
    void timestampFromClock();
    void smallClockStepBackStaysMonotonic();
    void largeClockJumpIsFollowed();
    void currentClockIsUsed();
    void notVersion7();
    void uniqueAcrossThreads();
    void textForm();
    void fromString_data();
    void fromString();
};

void TestUuid::versionAndVariantBits()
{
    for (int i = 0; i < 1000; ++i) {
        const QUuid id = createUuidV7();
        QVERIFY(!id.isNull());
        QVERIFY(isVersion7(id));
        const QString text = uuidToString(id);
        QCOMPARE(text.at(14), u'7');
        QVERIFY(QStringLiteral("89ab").contains(text.at(19)));
    }
}

void TestUuid::monotonicInTightLoop()
{
    constexpr int count = 100'000;
    std::vector<QUuid> ids;
    ids.reserve(count);
    for (int i = 0; i < count; ++i)
        ids.push_back(createUuidV7());
    for (int i = 1; i < count; ++i) {
        if (!before(ids[i - 1], ids[i]))
            QFAIL(qPrintable(QStringLiteral("id %1 (%2) does not sort after %3")
                                 .arg(i)
                                 .arg(uuidToString(ids[i]), uuidToString(ids[i - 1]))));
        // Text order is creation order too (what ORDER BY on the text column gives).
        QVERIFY(uuidToString(ids[i - 1]) < uuidToString(ids[i]));
    }
    // Many ids share a millisecond, yet the timestamps never run far ahead of the real clock.
    const qint64 drift = uuidV7Milliseconds(ids.back()) - QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(drift <= 100, qPrintable(QString::number(drift)));
}

void TestUuid::timestampFromClock_data()
{
    QTest::addColumn<QDateTime>("time");
    // Rows move forward (or jump far back), so the monotonic guard does not hold the time back.
    QTest::newRow("mock default") << QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    QTest::newRow("with milliseconds") << QDateTime(QDate(2026, 3, 2), QTime(9, 0, 0, 517), Qt::UTC);
    QTest::newRow("one ms later") << QDateTime(QDate(2026, 3, 2), QTime(9, 0, 0, 518), Qt::UTC);
    QTest::newRow("far future") << QDateTime(QDate(2999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("epoch") << QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("leap day") << QDateTime(QDate(2028, 2, 29), QTime(12, 30, 15, 1), Qt::UTC);
}

void TestUuid::timestampFromClock()
{
    QFETCH(QDateTime, time);
    const MockClock clock(time);
    for (int i = 0; i < 3; ++i) {
        const QUuid id = createUuidV7(clock);
        QVERIFY(isVersion7(id));
        QCOMPARE(uuidV7Milliseconds(id), time.toMSecsSinceEpoch());
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(uuidV7Milliseconds(id), Qt::UTC), time);
    }
}

void TestUuid::smallClockStepBackStaysMonotonic()
{
    MockClock clock(QDateTime(QDate(2027, 5, 1), QTime(8, 0), Qt::UTC));
    const QUuid first = createUuidV7(clock);
    clock.advanceMs(-5); // an NTP correction
    const QUuid second = createUuidV7(clock);
    QVERIFY(before(first, second));
    QCOMPARE(uuidV7Milliseconds(second), uuidV7Milliseconds(first));
    clock.advanceMs(10);
    const QUuid third = createUuidV7(clock);
    QVERIFY(before(second, third));
    QCOMPARE(uuidV7Milliseconds(third), clock.now().toMSecsSinceEpoch());
}

void TestUuid::largeClockJumpIsFollowed()
{
    MockClock clock(QDateTime(QDate(2027, 6, 1), QTime(8, 0), Qt::UTC));
    (void)createUuidV7(clock);
    clock.set(QDateTime(QDate(2027, 5, 31), QTime(8, 0), Qt::UTC)); // the clock was reset by a day
    QCOMPARE(uuidV7Milliseconds(createUuidV7(clock)), clock.now().toMSecsSinceEpoch());
}

void TestUuid::currentClockIsUsed()
{
    const MockClock clock(QDateTime(QDate(2031, 1, 2), QTime(3, 4, 5, 6), Qt::UTC));
    const test::ScopedClock installed(clock);
    QCOMPARE(uuidV7Milliseconds(createUuidV7()), clock.now().toMSecsSinceEpoch());
}

void TestUuid::notVersion7()
{
    QCOMPARE(uuidV7Milliseconds(QUuid()), -1);
    QCOMPARE(uuidV7Milliseconds(QUuid::createUuid()), -1); // version 4
    QCOMPARE(uuidV7Milliseconds(QUuid::createUuidV5(QUuid(), QByteArrayLiteral("casedesk"))), -1);
    // Version 7 bits with the wrong variant (Microsoft, 110x).
    QCOMPARE(uuidV7Milliseconds(QUuid::fromString(u"0190f5c2-7d1e-7a3b-cc4d-5e6f7a8b9c0d")), -1);
    QCOMPARE(uuidV7Milliseconds(QUuid::fromString(u"0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d")), 0x0190f5c27d1e);
}

void TestUuid::uniqueAcrossThreads()
{
    constexpr int threadCount = 4;
    constexpr int perThread = 25'000;
    std::vector<std::vector<QUuid>> made(threadCount);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < threadCount; ++t) {
        std::vector<QUuid> *out = &made[t];
        threads.emplace_back(QThread::create([out] {
            out->reserve(perThread);
            for (int i = 0; i < perThread; ++i)
                out->push_back(createUuidV7());
        }));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(60'000)));

    QSet<QUuid> all;
    for (const std::vector<QUuid> &ids : made) {
        QCOMPARE(qsizetype(ids.size()), qsizetype(perThread));
        for (std::size_t i = 0; i < ids.size(); ++i) {
            QVERIFY(isVersion7(ids[i]));
            if (i > 0)
                QVERIFY(before(ids[i - 1], ids[i])); // each thread still sees creation order
            all.insert(ids[i]);
        }
    }
    QCOMPARE(all.size(), qsizetype(threadCount * perThread));
}

void TestUuid::textForm()
{
    const QUuid id = createUuidV7();
    const QString text = uuidToString(id);
    QCOMPARE(text.size(), 36);
    QCOMPARE(text, text.toLower());
    QVERIFY(!text.contains(u'{'));
    QCOMPARE(uuidFromString(text), id);
    QCOMPARE(uuidFromString(text.toUpper()), id);
    QCOMPARE(uuidFromString(u'{' + text + u'}'), id);
    QCOMPARE(uuidToString(QUuid()), QString());
}

void TestUuid::fromString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("plain") << "0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d" << true;
    QTest::newRow("upper case") << "0190F5C2-7D1E-7A3B-8C4D-5E6F7A8B9C0D" << true;
    QTest::newRow("braces") << "{0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d}" << true;
    QTest::newRow("version 4") << "6ba7b810-9dad-41d1-80b4-00c04fd430c8" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("nil") << "00000000-0000-0000-0000-000000000000" << false;
    QTest::newRow("garbage") << "not-a-uuid" << false;
    QTest::newRow("one short") << "0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0" << false;
    QTest::newRow("one long") << "0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d0" << false;
    QTest::newRow("trailing blank") << "0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d " << false;
    QTest::newRow("leading blank") << " 0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d" << false;
    QTest::newRow("open brace only") << "{0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d" << false;
    QTest::newRow("close brace only") << "0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d}" << false;
    QTest::newRow("non-hex digit") << "0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0g" << false;
    QTest::newRow("dash moved") << "0190f5c27-d1e-7a3b-8c4d-5e6f7a8b9c0d" << false;
    QTest::newRow("no dashes") << "0190f5c27d1e7a3b8c4d5e6f7a8b9c0d" << false;
    QTest::newRow("urn prefix") << "urn:uuid:0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d" << false;
    QTest::newRow("full-width digit") << QString::fromUtf8("０190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d") << false;
    QTest::newRow("huge") << QString(1 << 20, u'a') << false;
}

void TestUuid::fromString()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const QUuid id = uuidFromString(text);
    QCOMPARE(!id.isNull(), valid);
    if (valid)
        QCOMPARE(uuidToString(id), text.toLower().remove(u'{').remove(u'}'));
}

QTEST_GUILESS_MAIN(TestUuid)
#include "tst_uuid.moc"
