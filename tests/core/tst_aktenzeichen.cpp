// Aktenzeichen: parsing the canonical and the unpadded form, formatting, the compact search form, and
// rejecting everything else with a message.
#include "core/Aktenzeichen.h"

#include <QTest>

using namespace casedesk;

class TestAktenzeichen : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void nullAndValidity();
    void formatsAndParsesBack();
};

void TestAktenzeichen::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("filePlanCode");
    QTest::addColumn<int>("number");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("compact");

    QTest::newRow("canonical") << "32.10-000123/2026"
                               << "32.10" << 123 << 2026 << "32.10-000123/2026"
                               << "32100001232026";
    QTest::newRow("unpadded") << "32.10-123/2026"
                              << "32.10" << 123 << 2026 << "32.10-000123/2026"
                              << "32100001232026";
    QTest::newRow("partly padded") << "67.20-0042/2025"
                                   << "67.20" << 42 << 2025 << "67.20-000042/2025"
                                   << "67200000422025";
    QTest::newRow("one group") << "32-1/1900"
                               << "32" << 1 << 1900 << "32-000001/1900"
                               << "320000011900";
    QTest::newRow("three groups") << "32.10.2-5/2026"
                                  << "32.10.2" << 5 << 2026 << "32.10.2-000005/2026"
                                  << "321020000052026";
    QTest::newRow("four groups, max values")
        << "1234.5678.9012.3456-999999/2999"
        << "1234.5678.9012.3456" << 999999 << 2999 << "1234.5678.9012.3456-999999/2999"
        << "12345678901234569999992999";
    QTest::newRow("leading zero in code") << "01.02-000010/2026"
                                          << "01.02" << 10 << 2026 << "01.02-000010/2026"
                                          << "01020000102026";
    QTest::newRow("surrounding blanks") << "  20.30-000777/2027 \t\n"
                                        << "20.30" << 777 << 2027 << "20.30-000777/2027"
                                        << "20300007772027";
}

void TestAktenzeichen::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, filePlanCode);
    QFETCH(int, number);
    QFETCH(int, year);
    QFETCH(QString, canonical);
    QFETCH(QString, compact);

    const Result<Aktenzeichen> parsed = Aktenzeichen::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->filePlanCode(), filePlanCode);
    QCOMPARE(parsed->number(), number);
    QCOMPARE(parsed->year(), year);
    QVERIFY(parsed->isValid());
    QVERIFY(!parsed->isNull());
    QCOMPARE(parsed->toString(), canonical);
    QCOMPARE(parsed->compactForm(), compact);
    QCOMPARE(*parsed, Aktenzeichen(filePlanCode, number, year));
}

void TestAktenzeichen::invalid_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << "   ";
    QTest::newRow("no number") << "32.10/2026";
    QTest::newRow("slash instead of dash") << "32.10/000123/2026";
    QTest::newRow("dash instead of slash") << "32.10-000123-2026";
    QTest::newRow("number zero") << "32.10-000000/2026";
    QTest::newRow("number too long") << "32.10-1234567/2026";
    QTest::newRow("negative number") << "32.10--12/2026";
    QTest::newRow("signed number") << "32.10-+12/2026";
    QTest::newRow("two-digit year") << "32.10-000123/26";
    QTest::newRow("year too early") << "32.10-000123/1899";
    QTest::newRow("year too late") << "32.10-000123/3000";
    QTest::newRow("year with five digits") << "32.10-000123/20260";
    QTest::newRow("empty group") << "32..10-1/2026";
    QTest::newRow("leading dot") << ".32-1/2026";
    QTest::newRow("trailing dot") << "32.-1/2026";
    QTest::newRow("five groups") << "32.10.1.2.3-1/2026";
    QTest::newRow("group of five digits") << "12345-1/2026";
    QTest::newRow("letters in code") << "AZ.10-1/2026";
    QTest::newRow("prefix") << "Az. 32.10-123/2026";
    QTest::newRow("suffix") << "32.10-123/2026x";
    QTest::newRow("inner blanks") << "32.10 - 123/2026";
    QTest::newRow("arabic-indic digits") << QString::fromUtf8("٣٢.١٠-1/2026");
    QTest::newRow("full-width digits") << QString::fromUtf8("３２.10-1/2026");
    QTest::newRow("huge") << QString(1 << 20, u'1');
    QTest::newRow("huge valid-looking tail") << QString(100000, u'3') + QStringLiteral(".10-1/2026");
}

void TestAktenzeichen::invalid()
{
    QFETCH(QString, text);
    const Result<Aktenzeichen> parsed = Aktenzeichen::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Invalid);
    QVERIFY(!parsed.error().message.isEmpty());
    // The message quotes the input (or its start), so the user sees what was wrong.
    QVERIFY2(parsed.error().message.contains(text.trimmed().left(10)), qPrintable(parsed.error().message));
    QVERIFY(parsed.error().message.size() < 400);
}

void TestAktenzeichen::nullAndValidity()
{
    const Aktenzeichen none;
    QVERIFY(none.isNull());
    QVERIFY(!none.isValid());
    QCOMPARE(none.toString(), QString());
    QCOMPARE(none.compactForm(), QString());

    QVERIFY(Aktenzeichen(QStringLiteral("32.10"), 1, 2026).isValid());
    QVERIFY(!Aktenzeichen(QStringLiteral("32.10"), 1000000, 2026).isValid());
    QVERIFY(!Aktenzeichen(QStringLiteral("32.10"), -1, 2026).isValid());
    QVERIFY(!Aktenzeichen(QStringLiteral("32.10"), 1, 1899).isValid());
    QVERIFY(!Aktenzeichen(QStringLiteral("32/10"), 1, 2026).isValid());
    QVERIFY(!Aktenzeichen(QString(), 1, 2026).isValid());

    QVERIFY(Aktenzeichen::isValidFilePlanCode(QStringLiteral("32.10.2")));
    QVERIFY(!Aktenzeichen::isValidFilePlanCode(QStringLiteral("32.10.")));
    QVERIFY(!Aktenzeichen::isValidFilePlanCode(QString()));
}

void TestAktenzeichen::formatsAndParsesBack()
{
    // Every number and year boundary survives toString -> parse unchanged.
    const QList<Aktenzeichen> samples = {
        Aktenzeichen(QStringLiteral("32.10"), 1, 1900),
        Aktenzeichen(QStringLiteral("32.10"), 999999, 2999),
        Aktenzeichen(QStringLiteral("0"), 100000, 2026),
        Aktenzeichen(QStringLiteral("20.3.1"), 99, 2026),
    };
    for (const Aktenzeichen &sample : samples) {
        const Result<Aktenzeichen> parsed = Aktenzeichen::parse(sample.toString());
        QVERIFY2(parsed.ok(), qPrintable(sample.toString()));
        QCOMPARE(*parsed, sample);
        QCOMPARE(parsed->toString().size(), sample.filePlanCode().size() + 1 + 6 + 1 + 4);
    }
}

QTEST_GUILESS_MAIN(TestAktenzeichen)
#include "tst_aktenzeichen.moc"
