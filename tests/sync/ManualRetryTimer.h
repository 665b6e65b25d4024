// A RetryTimer that only fires when the test says so, recording the delays the engine asked for.
#pragma once

#include "sync/RetryTimer.h"

#include <QList>

namespace casedesk::test {

class ManualRetryTimer final : public sync::RetryTimer {
public:
    void start(std::chrono::milliseconds delay, std::function<void()> fire) override;
    void stop() override { m_fire = {}; }

    // Fires the pending retry now; false when none is pending.
    bool fire();
    QList<std::chrono::milliseconds> delays() const { return m_delays; }

private:
    std::function<void()> m_fire;
    QList<std::chrono::milliseconds> m_delays;
};

} // namespace casedesk::test
