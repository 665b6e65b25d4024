// Numbered fail points in the cache's write paths (Outbox::submit, SyncStore::applyPage), so that tests can
// stop the client between any two write steps of a transaction: with an error, or by aborting the process as a
// kill would (issue 6). Nothing in the application arms them: only a test's call of arm() does, so a disarmed
// point costs one relaxed atomic load and never changes behaviour.
#pragma once

#include "core/Result.h"

namespace casedesk::storage {

class FailPoint {
public:
    enum class Action {
        Fail,  // hit() returns an error: the write rolls back like any failed step
        Abort, // std::abort(): the process dies mid-transaction, as when it is killed
    };

    // Test-only: the `n`-th hit() from now on (counting from 1) fails or aborts; the count of hits restarts.
    static void arm(int n, Action action);
    static void disarm(); // stops counting too
    // The hits since the last arm(), also those after the armed one: how many points a run passed.
    static int hits();

    // One step of a write, `name` saying where (for the log). An error only at the armed hit with Action::Fail.
    static Result<void> hit(const char *name);
};

} // namespace casedesk::storage
