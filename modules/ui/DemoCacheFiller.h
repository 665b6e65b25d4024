// Fills an empty cache with generated demo data (until a server delivers real cases) as one bulk load.
// Runs on a worker thread with its own exclusive use of the cache connection.
#pragma once

#include "core/Result.h"

#include <QDate>

#include <functional>

namespace casedesk::storage {
class CacheDatabase;
}

namespace casedesk::ui {

class DemoCacheFiller {
public:
    // Fixed, so every demo cache holds the same teams, users and cases.
    static constexpr quint64 Seed = 20260302;
    static constexpr int ChunkSize = 500; // cases per progress report (the whole fill is one transaction)

    // Stores the demo teams and users and `count` cases received up to `today`. `progress` is called with
    // the number of cases stored so far, from the calling thread.
    static Result<void> fill(storage::CacheDatabase &db, qint64 count, const QDate &today,
                             const std::function<void(qint64 stored)> &progress);
};

} // namespace casedesk::ui
