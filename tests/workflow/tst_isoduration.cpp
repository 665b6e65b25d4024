// ISO 8601 durations and cycles of BPMN timers: parsing, adding to a time in Europe/Berlin, statutory periods.
#include "workflow/IsoDuration.h"

#include <QTest>
#include <QTimeZone>

using casedesk::Period;
using casedesk::PeriodUnit;
using casedesk::workflow::IsoCycle;
using casedesk::workflow::IsoDuration;

class TestIsoDuration : public QObject {
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("days") << "P14D" << true << "P14D";
        QTest::newRow("hours") << "PT2H" << true << "PT2H";
        QTest::newRow("month") << "P1M" << true << "P1M";
        QTest::newRow("weeks") << "P2W" << true << "P2W";
        QTest::newRow("all parts") << "P1Y2M3DT4H5M6S" << true << "P1Y2M3DT4H5M6S";
        QTest::newRow("minutes as seconds") << "PT90M" << true << "PT1H30M";
        QTest::newRow("spaces around") << "  P7D " << true << "P7D";
        QTest::newRow("empty") << "" << false << "";
        QTest::newRow("P alone") << "P" << false << "";
        QTest::newRow("T without time") << "P1DT" << false << "";
        QTest::newRow("zero") << "P0D" << false << "";
        QTest::newRow("wrong order") << "P1D2M" << false << "";
        QTest::newRow("repeated unit") << "P1D1D" << false << "";
        QTest::newRow("fraction") << "P1.5D" << false << "";
        QTest::newRow("negative") << "-P1D" << false << "";
        QTest::newRow("number without unit") << "P14" << false << "";
        QTest::newRow("huge") << "P99999999999999999999D" << false << "";
        QTest::newRow("expression") << "${duration}" << false << "";
        QTest::newRow("hours in date part") << "P2H" << false << "";
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, normalised);
        const std::optional<IsoDuration> parsed = IsoDuration::parse(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(parsed->toString(), normalised);
    }

    void addTo_data()
    {
        QTest::addColumn<QString>("duration");
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<QDateTime>("expected");
        const QTimeZone berlin("Europe/Berlin");
        QTest::newRow("two hours") << "PT2H" << QDateTime(QDate(2026, 3, 2), QTime(9, 0), berlin)
                                   << QDateTime(QDate(2026, 3, 2), QTime(11, 0), berlin);
        // Across the change to summer time (29.03.2026) a day keeps the wall-clock time.
        QTest::newRow("day across DST") << "P1D" << QDateTime(QDate(2026, 3, 28), QTime(9, 0), berlin)
                                        << QDateTime(QDate(2026, 3, 29), QTime(9, 0), berlin);
        QTest::newRow("month end") << "P1M" << QDateTime(QDate(2026, 1, 31), QTime(12, 0), berlin)
                                   << QDateTime(QDate(2026, 2, 28), QTime(12, 0), berlin);
        QTest::newRow("two weeks") << "P2W" << QDateTime(QDate(2026, 3, 2), QTime(9, 0), berlin)
                                   << QDateTime(QDate(2026, 3, 16), QTime(9, 0), berlin);
    }
    void addTo()
    {
        QFETCH(QString, duration);
        QFETCH(QDateTime, start);
        QFETCH(QDateTime, expected);
        const QDateTime result = IsoDuration::parse(duration)->addTo(start.toUTC());
        QCOMPARE(result, expected.toUTC());
        QCOMPARE(result.timeSpec(), Qt::UTC);
    }

    void toPeriod_data()
    {
        QTest::addColumn<QString>("duration");
        QTest::addColumn<bool>("statutory");
        QTest::addColumn<int>("amount");
        QTest::addColumn<int>("unit");
        QTest::newRow("days") << "P14D" << true << 14 << int(PeriodUnit::Days);
        QTest::newRow("weeks") << "P2W" << true << 2 << int(PeriodUnit::Weeks);
        QTest::newRow("months") << "P3M" << true << 3 << int(PeriodUnit::Months);
        QTest::newRow("years") << "P1Y" << true << 1 << int(PeriodUnit::Years);
        QTest::newRow("hours") << "PT2H" << false << 0 << 0;
        QTest::newRow("mixed") << "P1M2D" << false << 0 << 0;
    }
    void toPeriod()
    {
        QFETCH(QString, duration);
        QFETCH(bool, statutory);
        QFETCH(int, amount);
        QFETCH(int, unit);
        const std::optional<Period> period = IsoDuration::parse(duration)->toPeriod();
        QCOMPARE(period.has_value(), statutory);
        if (statutory) {
            QCOMPARE(period->amount, amount);
            QCOMPARE(int(period->unit), unit);
        }
    }

    void cycle_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("repetitions");
        QTest::addColumn<QString>("interval");
        QTest::newRow("three weekly") << "R3/P7D" << true << 3 << "P7D";
        QTest::newRow("unbounded") << "R/P1D" << true << -1 << "P1D";
        QTest::newRow("miwg") << "R6/P1D" << true << 6 << "P1D";
        QTest::newRow("zero repetitions") << "R0/P1D" << false << 0 << "";
        QTest::newRow("with start date") << "R3/2026-01-01T00:00:00Z/P1D" << false << 0 << "";
        QTest::newRow("no R") << "3/P1D" << false << 0 << "";
        QTest::newRow("bad interval") << "R3/P" << false << 0 << "";
        QTest::newRow("sign") << "R+3/P1D" << false << 0 << "";
    }
    void cycle()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, repetitions);
        QFETCH(QString, interval);
        const std::optional<IsoCycle> parsed = IsoCycle::parse(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid) {
            QCOMPARE(parsed->repetitions, repetitions);
            QCOMPARE(parsed->interval.toString(), interval);
        }
    }
};

QTEST_GUILESS_MAIN(TestIsoDuration)
#include "tst_isoduration.moc"
