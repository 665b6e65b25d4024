// Injectable clock: production code asks a Clock, tests swap in tests/mock/MockClock.
#pragma once

#include <QDate>
#include <QDateTime>

namespace casedesk {

class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC

    // "Today" for deadlines and views is the calendar date in Europe/Berlin (DESIGN.md, decision 7).
    QDate today() const;

    // The process-wide clock: the system clock unless a test installed another.
    static const Clock &current();
    static void setCurrent(const Clock *clock); // nullptr restores the system clock
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace casedesk
