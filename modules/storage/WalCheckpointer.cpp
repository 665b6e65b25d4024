#include "storage/WalCheckpointer.h"

#include "storage/SqliteDatabase.h"
#include "storage/StorageLog.h"

#include <chrono>
#include <sqlite3.h>

namespace casedesk::storage {

namespace {

// The truncation waits this long for a writer or a reader of an older snapshot; after that the next write
// transaction resets the WAL instead (journal_size_limit cuts the file back then).
constexpr int TruncateWaitMs = 200;

} // namespace

WalCheckpointer::WalCheckpointer(std::unique_ptr<SqliteDatabase> connection) : m_connection(std::move(connection))
{
    sqlite3_busy_timeout(m_connection->handle(), TruncateWaitMs);
}

WalCheckpointer::~WalCheckpointer()
{
    // A checkpoint clears the interrupt flag as it begins: one about to begin sees m_stopping instead.
    m_stopping = true;
    sqlite3_interrupt(m_connection->handle());
    if (m_thread.joinable())
        m_thread.join();
}

void WalCheckpointer::start()
{
    std::lock_guard lock(m_mutex);
    if (m_running)
        return;
    if (m_thread.joinable())
        m_thread.join(); // finished: it only had to announce that
    m_running = true;
    m_thread = std::thread([this] { run(); });
}

bool WalCheckpointer::isRunning() const
{
    std::lock_guard lock(m_mutex);
    return m_running;
}

bool WalCheckpointer::waitUntilIdle(int timeoutMs) const
{
    std::unique_lock lock(m_mutex);
    return m_idle.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !m_running; });
}

std::optional<WalCheckpointer::Outcome> WalCheckpointer::lastOutcome() const
{
    std::lock_guard lock(m_mutex);
    return m_outcome;
}

void WalCheckpointer::run()
{
    sqlite3 *const db = m_connection->handle();
    Outcome outcome;
    const int copied = m_stopping ? SQLITE_INTERRUPT
                                  : sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                                              &outcome.logFrames, &outcome.checkpointedFrames);
    if (copied == SQLITE_BUSY) {
        outcome.othersCopy = true; // only one checkpoint runs at a time; that one copies the same frames
    } else if (copied == SQLITE_INTERRUPT) {
        outcome.error = m_connection->error(ErrorCode::Cancelled, QStringLiteral("checkpoint interrupted"));
    } else if (copied != SQLITE_OK) {
        outcome.error = m_connection->lastError();
        qCWarning(lcStorage) << "background checkpoint failed, the WAL keeps the pages:" << outcome.error->toString();
    } else if (outcome.logFrames == outcome.checkpointedFrames && !m_stopping) {
        // Everything is in the file: cutting the WAL back only waits for the writer lock, never copies.
        int logFrames = 0;
        int checkpointedFrames = 0;
        outcome.truncated = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames,
                                                      &checkpointedFrames) == SQLITE_OK;
    }
    std::lock_guard lock(m_mutex);
    m_outcome = std::move(outcome);
    m_running = false;
    m_idle.notify_all();
}

} // namespace casedesk::storage
