// Users and teams known to the client (reference data from the server; demo data until sync exists).
#pragma once

#include "core/Result.h"
#include "core/Team.h"
#include "core/User.h"

#include <optional>

namespace casedesk::storage {

class CacheDatabase;

class ReferenceRepository {
public:
    explicit ReferenceRepository(CacheDatabase &db);

    Result<void> storeUsers(const QList<User> &users); // insert or replace, one transaction
    Result<void> storeTeams(const QList<Team> &teams);
    Result<QList<User>> users(); // by display name
    Result<QList<Team>> teams(); // by code
    Result<std::optional<User>> user(const QUuid &id);

    // Small key-value settings of this installation kept inside the encrypted cache (e.g. clientId).
    Result<QString> setting(const QString &key);
    Result<void> setSetting(const QString &key, const QString &value);

private:
    CacheDatabase &m_db;
};

} // namespace casedesk::storage
