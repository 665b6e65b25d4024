#include "storage/FailPoint.h"

#include "storage/StorageLog.h"

#include <QCoreApplication>

#include <atomic>
#include <cstdlib>

namespace casedesk::storage {

namespace {

// armedAt 0: no failure to come. The counters are process-wide because a test arms them for whatever code path the run
// takes.
std::atomic<int> armedAt{0};
std::atomic<int> hitCount{0};
std::atomic<FailPoint::Action> armedAction{FailPoint::Action::Fail};
std::atomic<bool> counting{false}; // the one load a disarmed hit() makes

} // namespace

void FailPoint::arm(int n, Action action)
{
    armedAction.store(action, std::memory_order_relaxed);
    hitCount.store(0, std::memory_order_relaxed);
    armedAt.store(n, std::memory_order_relaxed);
    counting.store(n > 0, std::memory_order_release);
}

void FailPoint::disarm()
{
    armedAt.store(0, std::memory_order_relaxed);
    counting.store(false, std::memory_order_release);
}

int FailPoint::hits()
{
    return hitCount.load(std::memory_order_relaxed);
}

Result<void> FailPoint::hit(const char *name)
{
    if (!counting.load(std::memory_order_relaxed))
        return {};
    const int number = hitCount.fetch_add(1, std::memory_order_relaxed) + 1;
    int expected = number;
    // One failure per arm(); later hits are only counted.
    if (!armedAt.compare_exchange_strong(expected, 0, std::memory_order_relaxed))
        return {};
    qCWarning(lcStorage) << "fail point" << number << name << "reached";
    if (armedAction.load(std::memory_order_relaxed) == Action::Abort)
        std::abort();
    return makeError(ErrorCode::Io,
                     QCoreApplication::translate("Storage", "A test stopped this change to the local case cache on "
                                                            "purpose. Try again."),
                     QStringLiteral("fail point %1 (%2)").arg(number).arg(QLatin1String(name)));
}

} // namespace casedesk::storage
