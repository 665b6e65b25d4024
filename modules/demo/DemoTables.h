// Private to the demo generator: the fixed specification of case types and teams, and the tables computed
// once per generator (days of the received window, staff per team, weights). Shared by DemoGenerator.cpp
// (cases) and DemoCaseFiles.cpp (notes and documents).
#pragma once

#include "core/DeadlineCalendar.h"
#include "demo/BundledContent.h"
#include "demo/DemoGenerator.h"
#include "demo/DemoRandom.h"
#include "workflow/WorkflowEngine.h"

#include <QTimeZone>

#include <algorithm>
#include <array>
#include <iterator>
#include <vector>

namespace casedesk::demo {

inline constexpr int receivedWindowDays = 120; // received dates lie in the last 120 days, today included
inline constexpr qint64 msPerHour = 3'600'000;

struct CaseTypeSpec {
    const char *key;
    int weight; // per cent of all cases
    const char *teamCode;
    int periodMonths;     // statutory period from receipt
    const char *formFile; // the application form as a document
    const char *formHeading;
};

// Residents' parking dominates a Straßenverkehr team's intake; tree permits peak in winter.
inline constexpr CaseTypeSpec caseTypes[] = {
    {"bewohnerparken", 45, "32.1", 1, "Antrag_Bewohnerparkausweis.pdf", "Antrag auf einen Bewohnerparkausweis"},
    {"umweltzone", 15, "32.1", 3, "Antrag_Ausnahmegenehmigung_Umweltzone.pdf",
     "Antrag auf Ausnahmegenehmigung vom Verkehrsverbot in der Umweltzone"},
    {"baumfaellung", 25, "67.2", 3, "Antrag_Baumfaellgenehmigung.pdf",
     "Antrag auf Fällgenehmigung nach der Baumschutzsatzung"},
    {"buergerhaushalt", 15, "20.3", 3, "Vorschlag_Buergerhaushalt.pdf", "Vorschlag zum Bürgerhaushalt"},
};

struct TeamSpec {
    const char *code;
    const char *name;
    const char *filePlanCode;
};

// The last two are consulted by the processes (Beteiligung) and handle no case type of their own.
inline constexpr TeamSpec teamSpecs[] = {
    {"32.1", "Straßenverkehr", "32.10"}, {"67.2", "Baumschutz", "67.20"},
    {"20.3", "Bürgerhaushalt", "20.30"}, {"36.3", "Untere Naturschutzbehörde", "36.30"},
    {"61.1", "Stadtplanung", "61.10"},
};

struct DemoGenerator::Tables {
    struct Day {
        QDate date;
        qint64 localNoonUtcMs; // 12:00 Europe/Berlin of that day, in ms since the epoch
        QDate deadline[2];     // received + 1 month, + 3 months (§ 31 LVwVfG)
    };
    struct TeamStaff {
        QUuid id;
        QString code;
        QString filePlanCode;
        QUuid leadId;
        QList<QUuid> clerkIds;
    };

    QTimeZone zone;
    std::vector<Day> days; // index: age in days (0 = today)
    std::vector<TeamStaff> teams;
    QHash<QUuid, int> teamIndex;
    std::array<int, std::size(caseTypes)> caseTypeTeam{};
    std::array<QString, std::size(caseTypes)> caseTypeKeys;
    std::array<const CaseTypeContent *, std::size(caseTypes)> content{}; // null when the bundle is broken
    std::vector<int> caseTypeWeights;                                    // cumulative
    std::vector<int> districtWeights;                                    // cumulative, by population
    std::vector<int> parkingDistricts;                                   // indexes of districts with residents' parking
    std::vector<int> parkingWeights;                                     // cumulative over parkingDistricts
    QStringList districtLabels;                                          // "Stuttgart-West"
    QStringList districtCodes;                                           // "05": the forms' Stadtbezirk codes
    std::vector<workflow::Actor> consulted;                              // one clerk of each consulted department

    // Ms since the epoch of `secondsOfDay` after local midnight (Europe/Berlin) on `date`; the day table
    // answers for the received window, the time zone for anything else.
    qint64 localMs(const QDate &date, int secondsOfDay) const
    {
        const qint64 age = date.daysTo(days.front().date);
        if (age >= 0 && age < qint64(days.size()))
            return days[static_cast<std::size_t>(age)].localNoonUtcMs + (secondsOfDay - 43'200) * qint64(1000);
        return QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch() + secondsOfDay * qint64(1000);
    }

    // A moment in office hours (7:30 to 17:00) on the first working day from `date`, but not after `latest`.
    qint64 officeTime(DemoRandom &rng, const QDate &date, const QDate &latest) const
    {
        const QDate day = std::min(DeadlineCalendar::nextWorkingDay(date), latest);
        return localMs(day, rng.between(7 * 3600 + 1800, 17 * 3600));
    }

    QDate localDate(qint64 ms) const { return QDateTime::fromMSecsSinceEpoch(ms, zone).date(); }

    int caseTypeOf(const QString &key) const
    {
        for (std::size_t i = 0; i < caseTypeKeys.size(); ++i) {
            if (caseTypeKeys[i] == key)
                return static_cast<int>(i);
        }
        return -1;
    }
};

} // namespace casedesk::demo
