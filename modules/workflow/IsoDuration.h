// ISO 8601 durations (P14D, PT2H, P1M, P1Y2M3DT4H5M6S, P2W) and repeating cycles (R3/P7D, R/P1D), as
// BPMN timer definitions write them. Only the parts BPMN models use: no fractions, no negative values.
#pragma once

#include "core/DeadlineCalendar.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace casedesk::workflow {

class IsoDuration {
public:
    // nullopt when `text` is not a duration of this form, or when it is zero ("P0D" never fires).
    static std::optional<IsoDuration> parse(const QString &text);

    // `dateTime` plus this duration, counted in Europe/Berlin wall-clock time, so "P1D" across a change to
    // summer time still lands at the same time of day. Returned in UTC.
    QDateTime addTo(const QDateTime &dateTime) const;
    // The statutory period this duration names, when it has exactly one unit of days, weeks, months or
    // years (§ 31 LVwVfG counts whole days and up); nullopt otherwise.
    std::optional<Period> toPeriod() const;
    QString toString() const; // normalised ISO form, e.g. "P14D"

    bool operator==(const IsoDuration &) const = default;

private:
    int m_years = 0;
    int m_months = 0;
    int m_weeks = 0;
    int m_days = 0;
    qint64 m_seconds = 0; // hours, minutes and seconds together
};

// A timeCycle: a number of repetitions (-1: unbounded) of an interval.
struct IsoCycle {
    int repetitions = -1;
    IsoDuration interval;

    static std::optional<IsoCycle> parse(const QString &text);
};

} // namespace casedesk::workflow
