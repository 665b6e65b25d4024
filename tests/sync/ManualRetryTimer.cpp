#include "ManualRetryTimer.h"

namespace casedesk::test {

void ManualRetryTimer::start(std::chrono::milliseconds delay, std::function<void()> fire)
{
    m_delays.append(delay);
    m_fire = std::move(fire);
}

bool ManualRetryTimer::fire()
{
    std::function<void()> fire = std::exchange(m_fire, {});
    if (!fire)
        return false;
    fire();
    return true;
}

} // namespace casedesk::test
