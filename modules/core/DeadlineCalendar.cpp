#include "core/DeadlineCalendar.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <utility>

namespace casedesk {

namespace {

constexpr int FirstGregorianYear = 1583; // the first full year of the Gregorian calendar
constexpr int LastSupportedYear = 9999;  // period ends beyond 31.12.9999 are rejected (null)

struct Holiday {
    QDate date;
    QString name;
};

// One year's holidays, sorted, plus a day-of-year bitmap so isHoliday is a table look-up.
struct YearHolidays {
    QList<Holiday> list;
    std::array<quint64, 6> dayBits{}; // bit (dayOfYear - 1); 6 * 64 >= 366

    bool contains(const QDate &date) const
    {
        const int bit = date.dayOfYear() - 1;
        return (dayBits[static_cast<std::size_t>(bit / 64)] >> (bit % 64)) & 1U;
    }
};

YearHolidays computeYear(int year)
{
    YearHolidays result;
    const QDate easter = DeadlineCalendar::easterSunday(year);
    if (!easter.isValid())
        return result; // before the Gregorian calendar: no holidays are modelled

    // Today's holiday law of Baden-Württemberg, applied to every year; historical changes are not
    // modelled except the one-off nationwide Reformationstag of 2017 (500 years of the Reformation).
    QList<Holiday> days = {
        {QDate(year, 1, 1), QStringLiteral("Neujahr")},
        {QDate(year, 1, 6), QStringLiteral("Heilige Drei Könige")},
        {easter.addDays(-2), QStringLiteral("Karfreitag")},
        {easter.addDays(1), QStringLiteral("Ostermontag")},
        {QDate(year, 5, 1), QStringLiteral("Tag der Arbeit")},
        {easter.addDays(39), QStringLiteral("Christi Himmelfahrt")},
        {easter.addDays(50), QStringLiteral("Pfingstmontag")},
        {easter.addDays(60), QStringLiteral("Fronleichnam")},
        {QDate(year, 10, 3), QStringLiteral("Tag der Deutschen Einheit")},
        {QDate(year, 11, 1), QStringLiteral("Allerheiligen")},
        {QDate(year, 12, 25), QStringLiteral("1. Weihnachtsfeiertag")},
        {QDate(year, 12, 26), QStringLiteral("2. Weihnachtsfeiertag")},
    };
    if (year == 2017)
        days.append({QDate(2017, 10, 31), QStringLiteral("Reformationstag")});
    std::stable_sort(days.begin(), days.end(), [](const Holiday &a, const Holiday &b) { return a.date < b.date; });

    for (const Holiday &day : std::as_const(days)) {
        // Christi Himmelfahrt can fall on 1 May (2008, 2160): one date, both names.
        if (!result.list.isEmpty() && result.list.last().date == day.date) {
            result.list.last().name += QStringLiteral(" / ") + day.name;
            continue;
        }
        result.list.append(day);
        const int bit = day.date.dayOfYear() - 1;
        result.dayBits[static_cast<std::size_t>(bit / 64)] |= quint64(1) << (bit % 64);
    }
    return result;
}

// Per-year cache shared by all threads; entries are immutable once inserted.
const YearHolidays &holidaysOf(int year)
{
    // std::shared_mutex rather than QReadWriteLock: same cost, and ThreadSanitizer understands it.
    static std::shared_mutex lock;
    static QHash<int, std::shared_ptr<const YearHolidays>> cache;
    {
        std::shared_lock reader(lock);
        const auto it = cache.constFind(year);
        if (it != cache.constEnd())
            return **it;
    }
    auto computed = std::make_shared<const YearHolidays>(computeYear(year));
    std::unique_lock writer(lock);
    // Another thread may have inserted it meanwhile; keep the first so references stay valid.
    const auto it = cache.constFind(year);
    if (it != cache.constEnd())
        return **it;
    cache.insert(year, computed);
    return *computed;
}

const QDate &lastSupportedDate()
{
    static const QDate last(LastSupportedYear, 12, 31);
    return last;
}

// The raw end of a period counted from an event (§ 187 (1), § 188 (1)-(3) BGB), before § 31 (3) LVwVfG;
// null when the period is invalid or ends after the supported range.
QDate rawEndAfterEvent(const QDate &eventDate, Period period)
{
    if (!eventDate.isValid() || period.amount <= 0)
        return {};
    const qint64 amount = period.amount;
    switch (period.unit) {
    case PeriodUnit::Days:
    case PeriodUnit::Weeks: {
        const qint64 days = period.unit == PeriodUnit::Days ? amount : amount * 7;
        if (eventDate.toJulianDay() + days > lastSupportedDate().toJulianDay())
            return {};
        return eventDate.addDays(days);
    }
    case PeriodUnit::Months:
    case PeriodUnit::Years: {
        const qint64 months = period.unit == PeriodUnit::Months ? amount : amount * 12;
        const qint64 target = qint64(eventDate.year()) * 12 + (eventDate.month() - 1) + months;
        if (target > qint64(LastSupportedYear) * 12 + 11)
            return {};
        // QDate::addMonths keeps the day number and clamps it to the month's last day: § 188 (2), (3).
        return eventDate.addMonths(static_cast<int>(months));
    }
    }
    return {};
}

// The raw end of a period that starts at the beginning of `startDay` (§ 187 (2), § 188 (2) second case):
// the day before the one whose name or number matches the start day; § 188 (3) when it is missing.
QDate rawEndFromDayStart(const QDate &startDay, Period period)
{
    if (!startDay.isValid() || period.amount <= 0)
        return {};
    // Days, weeks, and months from the 1st (whose end is the last day of the month before the target
    // month): one day before the matching day.
    if (period.unit == PeriodUnit::Days || period.unit == PeriodUnit::Weeks || startDay.day() == 1) {
        const QDate end = rawEndAfterEvent(startDay, period);
        return end.isValid() ? end.addDays(-1) : QDate();
    }
    // Counting from the day before keeps the number (start day - 1) and clamps it to the month's end,
    // so 31 Jan gives 28/29 Feb and 29 Feb gives 28 Feb a year later, as § 188 (3) requires.
    return rawEndAfterEvent(startDay.addDays(-1), period);
}

QDate applyLvwvfg31(const QDate &rawEnd, bool fixedEndDateCommunicated)
{
    if (!rawEnd.isValid() || fixedEndDateCommunicated)
        return rawEnd;
    return DeadlineCalendar::nextWorkingDay(rawEnd);
}

} // namespace

QDate DeadlineCalendar::easterSunday(int year)
{
    if (year < FirstGregorianYear)
        return {};
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher), integer arithmetic only.
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return QDate(year, month, day);
}

QList<QDate> DeadlineCalendar::holidays(int year)
{
    QList<QDate> dates;
    const YearHolidays &y = holidaysOf(year);
    dates.reserve(y.list.size());
    for (const Holiday &day : y.list)
        dates.append(day.date);
    return dates;
}

bool DeadlineCalendar::isHoliday(const QDate &date)
{
    return date.isValid() && holidaysOf(date.year()).contains(date);
}

QString DeadlineCalendar::holidayName(const QDate &date)
{
    if (!isHoliday(date))
        return {};
    for (const Holiday &day : holidaysOf(date.year()).list) {
        if (day.date == date)
            return day.name;
    }
    return {};
}

bool DeadlineCalendar::isWorkingDay(const QDate &date)
{
    return date.isValid() && date.dayOfWeek() <= 5 && !isHoliday(date);
}

QDate DeadlineCalendar::nextWorkingDay(const QDate &date)
{
    if (!date.isValid())
        return {};
    QDate day = date;
    while (!isWorkingDay(day)) // at most four days (Karfreitag to Ostermontag)
        day = day.addDays(1);
    return day;
}

QDate DeadlineCalendar::periodEnd(const QDate &eventDate, Period period, bool fixedEndDateCommunicated)
{
    return applyLvwvfg31(rawEndAfterEvent(eventDate, period), fixedEndDateCommunicated);
}

QDate DeadlineCalendar::periodEndFromDayStart(const QDate &startDay, Period period, bool fixedEndDateCommunicated)
{
    return applyLvwvfg31(rawEndFromDayStart(startDay, period), fixedEndDateCommunicated);
}

} // namespace casedesk
