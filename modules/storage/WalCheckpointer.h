// Copies the WAL of a big transaction back into the cache file on a thread and a connection of its own. After
// the first pull of 100,000 cases that is about 900 MB of disk work, which a commit's automatic checkpoint
// would do in the committing thread while the clerk waits for the inbox. Readers and the writer go on
// meanwhile: the copy (PASSIVE) takes no lock they wait for; only cutting the WAL file back at the end does,
// briefly.
#pragma once

#include "core/Result.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace casedesk::storage {

class SqliteDatabase;

class WalCheckpointer {
public:
    // `connection`: a second connection to the cache, keyed like the first; used only by the checkpoint thread.
    explicit WalCheckpointer(std::unique_ptr<SqliteDatabase> connection);
    // Interrupts a running checkpoint (the WAL stays valid, the next checkpoint goes on from there) and waits
    // for its thread.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Starts a checkpoint unless one runs; that one copies what was committed before it began, and later
    // commits are the automatic checkpoint's again.
    void start();
    bool isRunning() const;
    // Waits until no checkpoint runs; false when `timeoutMs` passed first.
    bool waitUntilIdle(int timeoutMs) const;

    // What the last finished checkpoint did.
    struct Outcome {
        int logFrames = -1;          // frames in the WAL when the copy ended
        int checkpointedFrames = -1; // of them, copied into the cache file
        bool truncated = false;      // the WAL file was cut back to nothing
        bool othersCopy = false;     // another connection's checkpoint (a commit's automatic one) ran: it copies
        std::optional<Error> error;  // the copy failed (a busy truncation is no error: the next write resets it)
    };
    std::optional<Outcome> lastOutcome() const;

private:
    void run();

    std::unique_ptr<SqliteDatabase> m_connection;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_idle;
    std::atomic<bool> m_stopping = false;
    bool m_running = false;
    std::optional<Outcome> m_outcome;
};

} // namespace casedesk::storage
