#include "core/Clock.h"

#include <QTimeZone>

#include <atomic>

namespace casedesk {

namespace {
const SystemClock systemClock;
std::atomic<const Clock *> installedClock{nullptr};
} // namespace

QDate Clock::today() const
{
    static const QTimeZone berlin("Europe/Berlin");
    return now().toTimeZone(berlin).date();
}

const Clock &Clock::current()
{
    const Clock *clock = installedClock.load();
    return clock ? *clock : systemClock;
}

void Clock::setCurrent(const Clock *clock)
{
    installedClock.store(clock);
}

} // namespace casedesk
