// When the sync tries again after a transient failure: an interface, so that tests decide when "later" is.
#pragma once

#include <chrono>
#include <functional>

namespace casedesk::sync {

class RetryTimer {
public:
    virtual ~RetryTimer() = default;
    // Calls `fire` once after `delay`; a new start replaces a pending one.
    virtual void start(std::chrono::milliseconds delay, std::function<void()> fire) = 0;
    virtual void stop() = 0;
};

} // namespace casedesk::sync
