// Statutory deadlines per § 31 LVwVfG Baden-Württemberg with §§ 187-188 BGB, and the public holidays of
// Baden-Württemberg (Easter-dependent ones computed).
//
// Invalid input never crashes: a null date, an amount <= 0, or an end after 31.12.9999 gives a null
// QDate ("no period runs"). Years before 1583 (before the Gregorian calendar) have no holidays and no
// Easter date. All functions are thread-safe; holidays are computed once per year and cached.
#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace casedesk {

enum class PeriodUnit { Days, Weeks, Months, Years };

struct Period {
    int amount = 0;
    PeriodUnit unit = PeriodUnit::Days;
};

class DeadlineCalendar {
public:
    // The public holidays of Baden-Württemberg in `year`: Neujahr, Heilige Drei Könige, Karfreitag,
    // Ostermontag, Tag der Arbeit, Christi Himmelfahrt, Pfingstmontag, Fronleichnam, Tag der Deutschen
    // Einheit, Allerheiligen, 1. and 2. Weihnachtstag; in 2017 also the nationwide Reformationstag (31.10.).
    // Sorted, each date once (when two holidays coincide, holidayName gives both names).
    static QList<QDate> holidays(int year);
    static bool isHoliday(const QDate &date);
    static QString holidayName(const QDate &date);  // German name, empty when not a holiday
    static bool isWorkingDay(const QDate &date);    // Monday to Friday and not a holiday
    static QDate easterSunday(int year);            // Gregorian computus; null before 1583
    static QDate nextWorkingDay(const QDate &date); // date itself when it is a working day; null for null

    // The end of a period that starts with the event on `eventDate` (§ 187 (1) BGB: the event day does
    // not count). Days: eventDate + n. Weeks and months (§ 188 (2), (3) BGB): the day of the last week
    // or month whose name or number matches the event day; if that month has no such day, its last day.
    // By § 31 (3) LVwVfG an end on a Saturday, Sunday or holiday moves to the next working day, unless
    // `fixedEndDateCommunicated` (a specific end date was told to the citizen).
    static QDate periodEnd(const QDate &eventDate, Period period, bool fixedEndDateCommunicated = false);

    // Periods that start at the beginning of a day (§ 187 (2) BGB, e.g. age, or "from the 1st"):
    // the day counts, so the period ends one day earlier than with periodEnd. Same § 31 (3) rule.
    static QDate periodEndFromDayStart(const QDate &startDay, Period period, bool fixedEndDateCommunicated = false);
};

} // namespace casedesk
