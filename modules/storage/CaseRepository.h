// Cases in the cache: the confirmed server state, and what the user sees (confirmed + pending commands).
#pragma once

#include "core/Case.h"
#include "core/Result.h"

#include <optional>

namespace casedesk::storage {

class CacheDatabase;

class CaseRepository {
public:
    explicit CaseRepository(CacheDatabase &db);

    // Stores server-confirmed cases in one transaction and refreshes their visible state and search index
    // (pending commands are replayed on top).
    Result<void> storeConfirmed(const QList<Case> &cases);

    Result<std::optional<Case>> confirmedCase(const QUuid &id);
    Result<std::optional<Case>> visibleCase(const QUuid &id);
    Result<qint64> visibleCount();

private:
    CacheDatabase &m_db;
};

} // namespace casedesk::storage
