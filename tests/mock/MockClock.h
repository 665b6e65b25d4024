// A Clock that tests set and advance by hand; install it with Clock::setCurrent or pass it directly.
#pragma once

#include "core/Clock.h"

namespace casedesk::test {

class MockClock final : public Clock {
public:
    explicit MockClock(QDateTime now = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)) : m_now(std::move(now)) {}
    QDateTime now() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};

// Installs a clock as Clock::current() for the lifetime of this object.
class ScopedClock {
public:
    explicit ScopedClock(const Clock &clock) { Clock::setCurrent(&clock); }
    ~ScopedClock() { Clock::setCurrent(nullptr); }
    ScopedClock(const ScopedClock &) = delete;
    ScopedClock &operator=(const ScopedClock &) = delete;
};

} // namespace casedesk::test
