// The RetryTimer of the application: a single-shot QTimer on the owner's thread.
#pragma once

#include "sync/RetryTimer.h"

#include <QTimer>

namespace casedesk::sync {

class QtRetryTimer final : public RetryTimer {
public:
    QtRetryTimer();
    void start(std::chrono::milliseconds delay, std::function<void()> fire) override;
    void stop() override;

private:
    QTimer m_timer;
    std::function<void()> m_fire;
};

} // namespace casedesk::sync
