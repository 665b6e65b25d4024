#include "sync/QtRetryTimer.h"

namespace casedesk::sync {

QtRetryTimer::QtRetryTimer()
{
    m_timer.setSingleShot(true);
    // Minutes of backoff need no millisecond precision; coarse timers let the system batch wake-ups.
    m_timer.setTimerType(Qt::CoarseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
        if (auto fire = std::exchange(m_fire, {}))
            fire();
    });
}

void QtRetryTimer::start(std::chrono::milliseconds delay, std::function<void()> fire)
{
    m_fire = std::move(fire);
    m_timer.start(delay);
}

void QtRetryTimer::stop()
{
    m_timer.stop();
    m_fire = {};
}

} // namespace casedesk::sync
