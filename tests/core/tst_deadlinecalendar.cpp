// Deadline calendar: BW holidays, Easter, §§ 187-188 BGB and § 31 (3) LVwVfG BW. Every expected date below
// was worked out by hand from the law and a printed calendar, not from the implementation.
#include "core/DeadlineCalendar.h"

#include <QTest>

#include <climits>
#include <thread>
#include <vector>

using namespace casedesk;

Q_DECLARE_METATYPE(casedesk::PeriodUnit)

namespace {

QDate d(const char *iso)
{
    return QDate::fromString(QLatin1String(iso), Qt::ISODate);
}

} // namespace

class TestDeadlineCalendar : public QObject {
    Q_OBJECT

private slots:
    void easterSunday_data();
    void easterSunday();
    void easterSundayBeforeGregorianCalendar();
    void easterIsASundayInItsWindow();

    void holidays2026();
    void holidayName_data();
    void holidayName();
    void notHolidays_data();
    void notHolidays();
    void ascensionOnFirstOfMay();
    void reformationDayOnlyIn2017();

    void isWorkingDay_data();
    void isWorkingDay();
    void nextWorkingDay_data();
    void nextWorkingDay();

    void periodEnd_data();
    void periodEnd();
    void periodEndFromDayStart_data();
    void periodEndFromDayStart();
    void invalidInput_data();
    void invalidInput();
    void nullDates();

    void concurrentLookups();
};

void TestDeadlineCalendar::easterSunday_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("1583 first Gregorian year") << 1583 << d("1583-04-10");
    QTest::newRow("1818 earliest possible") << 1818 << d("1818-03-22");
    QTest::newRow("1943 latest possible") << 1943 << d("1943-04-25");
    QTest::newRow("1961") << 1961 << d("1961-04-02");
    QTest::newRow("2000") << 2000 << d("2000-04-23");
    QTest::newRow("2008") << 2008 << d("2008-03-23");
    QTest::newRow("2011") << 2011 << d("2011-04-24");
    QTest::newRow("2017") << 2017 << d("2017-04-16");
    QTest::newRow("2019") << 2019 << d("2019-04-21");
    QTest::newRow("2020") << 2020 << d("2020-04-12");
    QTest::newRow("2021") << 2021 << d("2021-04-04");
    QTest::newRow("2022") << 2022 << d("2022-04-17");
    QTest::newRow("2023") << 2023 << d("2023-04-09");
    QTest::newRow("2024") << 2024 << d("2024-03-31");
    QTest::newRow("2025") << 2025 << d("2025-04-20");
    QTest::newRow("2026") << 2026 << d("2026-04-05");
    QTest::newRow("2027") << 2027 << d("2027-03-28");
    QTest::newRow("2038 latest possible") << 2038 << d("2038-04-25");
    QTest::newRow("2100 not a leap year") << 2100 << d("2100-03-28");
    QTest::newRow("2285 earliest possible") << 2285 << d("2285-03-22");
}

void TestDeadlineCalendar::easterSunday()
{
    QFETCH(int, year);
    QFETCH(QDate, expected);
    QCOMPARE(DeadlineCalendar::easterSunday(year), expected);
}

void TestDeadlineCalendar::easterSundayBeforeGregorianCalendar()
{
    QVERIFY(DeadlineCalendar::easterSunday(1582).isNull());
    QVERIFY(DeadlineCalendar::easterSunday(0).isNull());
    QVERIFY(DeadlineCalendar::easterSunday(-500).isNull());
    QVERIFY(DeadlineCalendar::holidays(1000).isEmpty());
    QVERIFY(!DeadlineCalendar::isHoliday(QDate(1000, 1, 1)));
}

void TestDeadlineCalendar::easterIsASundayInItsWindow()
{
    // The Gregorian computus keeps Easter between 22 March and 25 April, always on a Sunday.
    for (int year = 1583; year <= 3000; ++year) {
        const QDate easter = DeadlineCalendar::easterSunday(year);
        QVERIFY2(easter.dayOfWeek() == Qt::Sunday, qPrintable(QString::number(year)));
        QVERIFY2(easter >= QDate(year, 3, 22) && easter <= QDate(year, 4, 25), qPrintable(QString::number(year)));
    }
}

void TestDeadlineCalendar::holidays2026()
{
    // Easter Sunday 2026 is 5 April.
    const QList<QDate> expected = {
        d("2026-01-01"), // Neujahr
        d("2026-01-06"), // Heilige Drei Könige
        d("2026-04-03"), // Karfreitag
        d("2026-04-06"), // Ostermontag
        d("2026-05-01"), // Tag der Arbeit
        d("2026-05-14"), // Christi Himmelfahrt
        d("2026-05-25"), // Pfingstmontag
        d("2026-06-04"), // Fronleichnam
        d("2026-10-03"), // Tag der Deutschen Einheit
        d("2026-11-01"), // Allerheiligen
        d("2026-12-25"), // 1. Weihnachtsfeiertag
        d("2026-12-26"), // 2. Weihnachtsfeiertag
    };
    QCOMPARE(DeadlineCalendar::holidays(2026), expected);
    for (const QDate &date : expected)
        QVERIFY2(DeadlineCalendar::isHoliday(date), qPrintable(date.toString(Qt::ISODate)));
}

void TestDeadlineCalendar::holidayName_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("name");
    QTest::newRow("Neujahr") << d("2026-01-01") << QStringLiteral("Neujahr");
    QTest::newRow("Heilige Drei Könige") << d("2026-01-06") << QStringLiteral("Heilige Drei Könige");
    QTest::newRow("Karfreitag") << d("2026-04-03") << QStringLiteral("Karfreitag");
    QTest::newRow("Ostermontag") << d("2026-04-06") << QStringLiteral("Ostermontag");
    QTest::newRow("Tag der Arbeit") << d("2026-05-01") << QStringLiteral("Tag der Arbeit");
    QTest::newRow("Christi Himmelfahrt") << d("2026-05-14") << QStringLiteral("Christi Himmelfahrt");
    QTest::newRow("Pfingstmontag") << d("2026-05-25") << QStringLiteral("Pfingstmontag");
    QTest::newRow("Fronleichnam") << d("2026-06-04") << QStringLiteral("Fronleichnam");
    QTest::newRow("Tag der Deutschen Einheit") << d("2026-10-03") << QStringLiteral("Tag der Deutschen Einheit");
    QTest::newRow("Allerheiligen") << d("2026-11-01") << QStringLiteral("Allerheiligen");
    QTest::newRow("1. Weihnachtsfeiertag") << d("2026-12-25") << QStringLiteral("1. Weihnachtsfeiertag");
    QTest::newRow("2. Weihnachtsfeiertag") << d("2026-12-26") << QStringLiteral("2. Weihnachtsfeiertag");
    QTest::newRow("Karfreitag 2025") << d("2025-04-18") << QStringLiteral("Karfreitag");
    QTest::newRow("Fronleichnam 2027") << d("2027-05-27") << QStringLiteral("Fronleichnam");
    QTest::newRow("Reformationstag 2017") << d("2017-10-31") << QStringLiteral("Reformationstag");
    QTest::newRow("ordinary day") << d("2026-03-02") << QString();
}

void TestDeadlineCalendar::holidayName()
{
    QFETCH(QDate, date);
    QFETCH(QString, name);
    QCOMPARE(DeadlineCalendar::holidayName(date), name);
    QCOMPARE(DeadlineCalendar::isHoliday(date), !name.isEmpty());
}

void TestDeadlineCalendar::notHolidays_data()
{
    QTest::addColumn<QDate>("date");
    QTest::newRow("Mariä Himmelfahrt (Bavaria, Saarland)") << d("2026-08-15");
    QTest::newRow("Mariä Himmelfahrt on a Friday") << d("2025-08-15");
    QTest::newRow("Reformationstag 2026 (northern states)") << d("2026-10-31");
    QTest::newRow("Reformationstag 2018") << d("2018-10-31");
    QTest::newRow("Buß- und Bettag 2026 (Saxony)") << d("2026-11-18");
    QTest::newRow("Heiligabend") << d("2026-12-24");
    QTest::newRow("Silvester") << d("2026-12-31");
    QTest::newRow("Rosenmontag") << d("2026-02-16");
    QTest::newRow("Gründonnerstag") << d("2026-04-02");
    QTest::newRow("Tuesday after Easter") << d("2026-04-07");
    QTest::newRow("Weltkindertag (Thuringia)") << d("2026-09-20");
    QTest::newRow("Internationaler Frauentag (Berlin)") << d("2026-03-08");
}

void TestDeadlineCalendar::notHolidays()
{
    QFETCH(QDate, date);
    QVERIFY(!DeadlineCalendar::isHoliday(date));
    QVERIFY(DeadlineCalendar::holidayName(date).isEmpty());
    QVERIFY(!DeadlineCalendar::holidays(date.year()).contains(date));
}

void TestDeadlineCalendar::ascensionOnFirstOfMay()
{
    // Easter 2008 was 23 March, so Christi Himmelfahrt fell on Tag der Arbeit: one date, both names.
    const QList<QDate> dates = DeadlineCalendar::holidays(2008);
    QCOMPARE(dates.size(), 11);
    QCOMPARE(dates.count(d("2008-05-01")), 1);
    const QString name = DeadlineCalendar::holidayName(d("2008-05-01"));
    QVERIFY2(name.contains(QStringLiteral("Tag der Arbeit")), qPrintable(name));
    QVERIFY2(name.contains(QStringLiteral("Christi Himmelfahrt")), qPrintable(name));
}

void TestDeadlineCalendar::reformationDayOnlyIn2017()
{
    QCOMPARE(DeadlineCalendar::holidays(2017).size(), 13);
    QVERIFY(DeadlineCalendar::isHoliday(d("2017-10-31")));
    QCOMPARE(DeadlineCalendar::holidays(2016).size(), 12);
    QCOMPARE(DeadlineCalendar::holidays(2018).size(), 12);
}

void TestDeadlineCalendar::isWorkingDay_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("working");
    QTest::newRow("Monday") << d("2026-03-02") << true;
    QTest::newRow("Friday") << d("2026-03-06") << true;
    QTest::newRow("Saturday") << d("2026-03-07") << false;
    QTest::newRow("Sunday") << d("2026-03-08") << false;
    QTest::newRow("Karfreitag") << d("2026-04-03") << false;
    QTest::newRow("Ostersonntag") << d("2026-04-05") << false;
    QTest::newRow("Ostermontag") << d("2026-04-06") << false;
    QTest::newRow("Heiligabend (Thursday)") << d("2026-12-24") << true;
    QTest::newRow("Mariä Himmelfahrt (Friday)") << d("2025-08-15") << true;
    QTest::newRow("Reformationstag 2017 (Tuesday)") << d("2017-10-31") << false;
    QTest::newRow("Reformationstag 2018 (Wednesday)") << d("2018-10-31") << true;
}

void TestDeadlineCalendar::isWorkingDay()
{
    QFETCH(QDate, date);
    QFETCH(bool, working);
    QCOMPARE(DeadlineCalendar::isWorkingDay(date), working);
}

void TestDeadlineCalendar::nextWorkingDay_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("working day stays") << d("2026-03-04") << d("2026-03-04");
    QTest::newRow("Saturday") << d("2026-03-07") << d("2026-03-09");
    QTest::newRow("Karfreitag to Tuesday") << d("2026-04-03") << d("2026-04-07");
    QTest::newRow("Christmas 2021 on Saturday") << d("2021-12-25") << d("2021-12-27");
    QTest::newRow("Neujahr 2022 on Saturday") << d("2022-01-01") << d("2022-01-03");
}

void TestDeadlineCalendar::nextWorkingDay()
{
    QFETCH(QDate, date);
    QFETCH(QDate, expected);
    QCOMPARE(DeadlineCalendar::nextWorkingDay(date), expected);
}

void TestDeadlineCalendar::periodEnd_data()
{
    QTest::addColumn<QDate>("event");
    QTest::addColumn<int>("amount");
    QTest::addColumn<PeriodUnit>("unit");
    QTest::addColumn<bool>("fixed");
    QTest::addColumn<QDate>("expected");

    const auto D = PeriodUnit::Days;
    const auto W = PeriodUnit::Weeks;
    const auto M = PeriodUnit::Months;
    const auto Y = PeriodUnit::Years;

    // Days: the event day does not count, the period ends on event + n.
    QTest::newRow("1 day") << d("2026-03-02") << 1 << D << false << d("2026-03-03");
    QTest::newRow("14 days, Monday to Monday") << d("2026-03-02") << 14 << D << false << d("2026-03-16");
    QTest::newRow("days across February") << d("2026-02-20") << 10 << D << false << d("2026-03-02");
    QTest::newRow("days across 29 Feb") << d("2024-02-20") << 10 << D << false << d("2024-03-01");
    QTest::newRow("days onto Saturday") << d("2026-01-17") << 14 << D << false << d("2026-02-02");
    QTest::newRow("days onto Sunday, Rosenmontag works") << d("2026-02-01") << 14 << D << false << d("2026-02-16");
    QTest::newRow("Karfreitag 2026 to Tuesday") << d("2026-03-20") << 14 << D << false << d("2026-04-07");
    QTest::newRow("Ostersonntag 2026 to Tuesday") << d("2026-03-22") << 14 << D << false << d("2026-04-07");
    QTest::newRow("Ostermontag 2026 to Tuesday") << d("2026-03-23") << 14 << D << false << d("2026-04-07");
    QTest::newRow("Gründonnerstag stays") << d("2026-03-19") << 14 << D << false << d("2026-04-02");
    QTest::newRow("Karfreitag 2025 to Tuesday") << d("2025-04-04") << 14 << D << false << d("2025-04-22");
    QTest::newRow("Karfreitag 2027 to Tuesday") << d("2027-03-12") << 14 << D << false << d("2027-03-30");
    QTest::newRow("Tag der Arbeit Friday to Monday") << d("2026-04-17") << 14 << D << false << d("2026-05-04");
    QTest::newRow("Christi Himmelfahrt to Friday") << d("2026-04-30") << 14 << D << false << d("2026-05-15");
    QTest::newRow("Pfingstmontag to Tuesday") << d("2026-05-11") << 14 << D << false << d("2026-05-26");
    QTest::newRow("Fronleichnam to Friday") << d("2026-05-21") << 14 << D << false << d("2026-06-05");
    QTest::newRow("Mariä Himmelfahrt stays") << d("2025-08-01") << 14 << D << false << d("2025-08-15");
    QTest::newRow("Einheit on Saturday to Monday") << d("2026-09-19") << 14 << D << false << d("2026-10-05");
    QTest::newRow("Allerheiligen on Sunday") << d("2026-10-18") << 14 << D << false << d("2026-11-02");
    QTest::newRow("31.10.2018 stays") << d("2018-10-17") << 14 << D << false << d("2018-10-31");
    QTest::newRow("Reformationstag 2017 chain") << d("2017-10-17") << 14 << D << false << d("2017-11-02");
    QTest::newRow("Buß- und Bettag stays") << d("2026-11-04") << 14 << D << false << d("2026-11-18");
    QTest::newRow("Christmas 2026 Friday to Monday") << d("2026-12-11") << 14 << D << false << d("2026-12-28");
    QTest::newRow("Christmas 2020 Friday to Monday") << d("2020-12-11") << 14 << D << false << d("2020-12-28");
    QTest::newRow("Christmas Eve stays") << d("2024-12-10") << 14 << D << false << d("2024-12-24");
    QTest::newRow("Neujahr 2027 Friday to Monday") << d("2026-12-18") << 14 << D << false << d("2027-01-04");
    QTest::newRow("Neujahr 2022 Saturday to Monday") << d("2021-12-18") << 14 << D << false << d("2022-01-03");
    QTest::newRow("Drei Könige 2022 to Friday") << d("2021-12-23") << 14 << D << false << d("2022-01-07");

    // Weeks: the same weekday n weeks later.
    QTest::newRow("2 weeks") << d("2026-03-02") << 2 << W << false << d("2026-03-16");
    QTest::newRow("1 week across year end") << d("2025-12-31") << 1 << W << false << d("2026-01-07");
    QTest::newRow("2 weeks onto Neujahr") << d("2026-12-18") << 2 << W << false << d("2027-01-04");
    QTest::newRow("2 weeks onto Karfreitag") << d("2026-03-20") << 2 << W << false << d("2026-04-07");
    QTest::newRow("4 weeks onto Karfreitag") << d("2026-03-06") << 4 << W << false << d("2026-04-07");
    QTest::newRow("2 weeks onto 29 Feb") << d("2024-02-15") << 2 << W << false << d("2024-02-29");

    // Months: the same day number, or the last day of a shorter month.
    QTest::newRow("1 month, mid-month") << d("2026-03-16") << 1 << M << false << d("2026-04-16");
    QTest::newRow("1 month onto Sunday") << d("2026-01-15") << 1 << M << false << d("2026-02-16");
    QTest::newRow("3 months") << d("2026-01-15") << 3 << M << false << d("2026-04-15");
    QTest::newRow("31 Jan + 1 month, leap year") << d("2024-01-31") << 1 << M << false << d("2024-02-29");
    QTest::newRow("31 Jan + 1 month, Friday") << d("2025-01-31") << 1 << M << false << d("2025-02-28");
    QTest::newRow("31 Jan + 1 month, Saturday") << d("2026-01-31") << 1 << M << false << d("2026-03-02");
    QTest::newRow("30 Jan + 1 month") << d("2025-01-30") << 1 << M << false << d("2025-02-28");
    QTest::newRow("31 Mar + 1 month") << d("2026-03-31") << 1 << M << false << d("2026-04-30");
    QTest::newRow("31 May + 1 month") << d("2026-05-31") << 1 << M << false << d("2026-06-30");
    QTest::newRow("30 Nov + 3 months") << d("2025-11-30") << 3 << M << false << d("2026-03-02");
    QTest::newRow("31 Aug + 6 months") << d("2026-08-31") << 6 << M << false << d("2027-03-01");
    QTest::newRow("31 Dec + 1 month, Sunday") << d("2026-12-31") << 1 << M << false << d("2027-02-01");
    QTest::newRow("31 Dec + 1 month, Saturday") << d("2025-12-31") << 1 << M << false << d("2026-02-02");
    QTest::newRow("1 Dec + 1 month onto Neujahr") << d("2026-12-01") << 1 << M << false << d("2027-01-04");
    QTest::newRow("month onto Karfreitag") << d("2026-03-03") << 1 << M << false << d("2026-04-07");
    QTest::newRow("month onto Christmas") << d("2026-11-25") << 1 << M << false << d("2026-12-28");
    QTest::newRow("12 months onto Sunday, Allerheiligen") << d("2026-10-31") << 12 << M << false << d("2027-11-02");

    // Years: the same date, 29 Feb becomes 28 Feb.
    QTest::newRow("29 Feb + 1 year") << d("2024-02-29") << 1 << Y << false << d("2025-02-28");
    QTest::newRow("29 Feb + 4 years") << d("2024-02-29") << 4 << Y << false << d("2028-02-29");
    QTest::newRow("28 Feb + 1 year into leap year") << d("2023-02-28") << 1 << Y << false << d("2024-02-28");
    QTest::newRow("Christmas + 1 year, Saturday") << d("2026-12-25") << 1 << Y << false << d("2027-12-27");

    // § 31 (3) LVwVfG does not apply when a fixed end date was communicated.
    QTest::newRow("fixed: Karfreitag stays") << d("2026-03-20") << 14 << D << true << d("2026-04-03");
    QTest::newRow("fixed: Saturday stays") << d("2026-01-17") << 14 << D << true << d("2026-01-31");
    QTest::newRow("fixed: Neujahr stays") << d("2026-12-18") << 14 << D << true << d("2027-01-01");
    QTest::newRow("fixed: 31 Jan + 1 month") << d("2026-01-31") << 1 << M << true << d("2026-02-28");
    QTest::newRow("fixed: 29 Feb + 1 year, Sunday") << d("2020-02-29") << 1 << Y << true << d("2021-02-28");
    QTest::newRow("fixed: working day unchanged") << d("2026-03-02") << 14 << D << true << d("2026-03-16");
}

void TestDeadlineCalendar::periodEnd()
{
    QFETCH(QDate, event);
    QFETCH(int, amount);
    QFETCH(PeriodUnit, unit);
    QFETCH(bool, fixed);
    QFETCH(QDate, expected);
    QCOMPARE(DeadlineCalendar::periodEnd(event, Period{amount, unit}, fixed), expected);
}

void TestDeadlineCalendar::periodEndFromDayStart_data()
{
    QTest::addColumn<QDate>("start");
    QTest::addColumn<int>("amount");
    QTest::addColumn<PeriodUnit>("unit");
    QTest::addColumn<bool>("fixed");
    QTest::addColumn<QDate>("expected");

    const auto D = PeriodUnit::Days;
    const auto W = PeriodUnit::Weeks;
    const auto M = PeriodUnit::Months;
    const auto Y = PeriodUnit::Years;

    // § 187 (2) BGB: the start day counts; § 188 (2): the day before the matching day.
    QTest::newRow("1 day is the start day itself") << d("2026-03-04") << 1 << D << false << d("2026-03-04");
    QTest::newRow("14 days onto Sunday") << d("2026-03-02") << 14 << D << false << d("2026-03-16");
    QTest::newRow("14 days onto Sunday, fixed") << d("2026-03-02") << 14 << D << true << d("2026-03-15");
    QTest::newRow("2 weeks onto Sunday") << d("2026-03-02") << 2 << W << false << d("2026-03-16");
    QTest::newRow("1 week from Tuesday") << d("2026-03-03") << 1 << W << false << d("2026-03-09");
    QTest::newRow("from 1 Mar: 31 Mar") << d("2026-03-01") << 1 << M << false << d("2026-03-31");
    QTest::newRow("from 1 Dec: 31 Dec") << d("2026-12-01") << 1 << M << false << d("2026-12-31");
    QTest::newRow("from 1 Feb 2024: 29 Feb") << d("2024-02-01") << 1 << M << false << d("2024-02-29");
    QTest::newRow("from 15 Jan: 14 Feb, Saturday") << d("2026-01-15") << 1 << M << false << d("2026-02-16");
    QTest::newRow("from 31 Jan 2024: 29 Feb") << d("2024-01-31") << 1 << M << false << d("2024-02-29");
    QTest::newRow("from 31 Jan 2026: 28 Feb, fixed") << d("2026-01-31") << 1 << M << true << d("2026-02-28");
    QTest::newRow("from 31 Jan 2026: Saturday") << d("2026-01-31") << 1 << M << false << d("2026-03-02");
    QTest::newRow("from 3 Mar: Gründonnerstag") << d("2026-03-03") << 1 << M << false << d("2026-04-02");
    QTest::newRow("from 4 Mar: Karfreitag chain") << d("2026-03-04") << 1 << M << false << d("2026-04-07");
    QTest::newRow("from 1 Jan: one year") << d("2026-01-01") << 1 << Y << false << d("2026-12-31");
    QTest::newRow("age 18, born 29 Feb 2000") << d("2000-02-29") << 18 << Y << true << d("2018-02-28");
}

void TestDeadlineCalendar::periodEndFromDayStart()
{
    QFETCH(QDate, start);
    QFETCH(int, amount);
    QFETCH(PeriodUnit, unit);
    QFETCH(bool, fixed);
    QFETCH(QDate, expected);
    QCOMPARE(DeadlineCalendar::periodEndFromDayStart(start, Period{amount, unit}, fixed), expected);
}

void TestDeadlineCalendar::invalidInput_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("amount");
    QTest::addColumn<PeriodUnit>("unit");
    QTest::newRow("null date") << QDate() << 14 << PeriodUnit::Days;
    QTest::newRow("invalid date") << QDate(2026, 2, 30) << 1 << PeriodUnit::Months;
    QTest::newRow("zero days") << d("2026-03-02") << 0 << PeriodUnit::Days;
    QTest::newRow("negative months") << d("2026-03-02") << -1 << PeriodUnit::Months;
    QTest::newRow("INT_MIN weeks") << d("2026-03-02") << INT_MIN << PeriodUnit::Weeks;
    QTest::newRow("INT_MAX days") << d("2026-03-02") << INT_MAX << PeriodUnit::Days;
    QTest::newRow("INT_MAX weeks") << d("2026-03-02") << INT_MAX << PeriodUnit::Weeks;
    QTest::newRow("INT_MAX months") << d("2026-03-02") << INT_MAX << PeriodUnit::Months;
    QTest::newRow("INT_MAX years") << d("2026-03-02") << INT_MAX << PeriodUnit::Years;
    QTest::newRow("past 9999") << d("9999-12-31") << 1 << PeriodUnit::Days;
    QTest::newRow("unknown unit") << d("2026-03-02") << 1 << static_cast<PeriodUnit>(42);
}

void TestDeadlineCalendar::invalidInput()
{
    QFETCH(QDate, date);
    QFETCH(int, amount);
    QFETCH(PeriodUnit, unit);
    for (bool fixed : {false, true}) {
        QVERIFY(DeadlineCalendar::periodEnd(date, Period{amount, unit}, fixed).isNull());
        QVERIFY(DeadlineCalendar::periodEndFromDayStart(date, Period{amount, unit}, fixed).isNull());
    }
}

void TestDeadlineCalendar::nullDates()
{
    QVERIFY(!DeadlineCalendar::isHoliday(QDate()));
    QVERIFY(!DeadlineCalendar::isWorkingDay(QDate()));
    QVERIFY(DeadlineCalendar::holidayName(QDate()).isEmpty());
    QVERIFY(DeadlineCalendar::nextWorkingDay(QDate()).isNull());
}

void TestDeadlineCalendar::concurrentLookups()
{
    // Many threads fill the per-year cache at once; each must see the same holidays as a later look-up.
    constexpr int threadCount = 8;
    std::vector<std::vector<int>> counts(threadCount);
    std::vector<std::thread> threads;
    threads.reserve(threadCount);
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back([&counts, t] {
            for (int year = 4000; year < 4200; ++year) {
                int n = 0;
                for (QDate day(year, 1, 1); day.year() == year; day = day.addDays(1))
                    n += DeadlineCalendar::isHoliday(day) ? 1 : 0;
                counts[static_cast<std::size_t>(t)].push_back(n);
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (int t = 0; t < threadCount; ++t) {
        for (int i = 0; i < 200; ++i) {
            const int year = 4000 + i;
            QCOMPARE(counts[static_cast<std::size_t>(t)][static_cast<std::size_t>(i)],
                     static_cast<int>(DeadlineCalendar::holidays(year).size()));
        }
    }
}

QTEST_GUILESS_MAIN(TestDeadlineCalendar)
#include "tst_deadlinecalendar.moc"
