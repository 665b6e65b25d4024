// Whose cache this is. A cache holds one user's scope and outbox, and its clientId is that user's on this
// installation (DESIGN.md, "Commands"): the server ties the clientId's sequence to the user. Another user's
// login therefore starts the cache over, and only once nothing of the previous user waits to be sent, so no
// one sees another's cases and no change is lost.
#pragma once

#include "core/Result.h"

#include <QUuid>

namespace casedesk::storage {

class CacheDatabase;

class CacheOwner {
public:
    explicit CacheOwner(CacheDatabase &db);

    // The user whose cache this is; null before the first login.
    Result<QUuid> owner();

    // For a login of `user`: nothing changes for the owner, and a cache without one becomes theirs (what was
    // made offline before the first login is theirs to send). For anyone else, the previous user's cases,
    // Vermerke, documents, search entries, reference data and sync state are removed in one transaction and a
    // new clientId is made; Conflict, with nothing changed, while the outbox holds the previous user's commands.
    // Returns whether the cache was started over (the login must then use the new clientId).
    Result<bool> takeOver(const QUuid &user);

private:
    CacheDatabase &m_db;
};

} // namespace casedesk::storage
