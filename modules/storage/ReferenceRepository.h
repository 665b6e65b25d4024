// Users and teams known to the client (reference data from the server; demo data until sync exists).
#pragma once

#include "casework/CaseTypeCatalogue.h"
#include "core/Deputyship.h"
#include "core/Result.h"
#include "core/Team.h"
#include "core/User.h"

#include <QJsonObject>

#include <memory>
#include <optional>

namespace casedesk::storage {

class CacheDatabase;
class SqliteDatabase;
struct ReferenceSnapshot;

class ReferenceRepository {
public:
    explicit ReferenceRepository(CacheDatabase &db);
    explicit ReferenceRepository(SqliteDatabase &db); // within a transaction of the caller's

    Result<void> storeUsers(const QList<User> &users); // insert or replace, one transaction
    Result<void> storeTeams(const QList<Team> &teams);
    // The server's reference data in place of what the cache held (users and teams it no longer lists go),
    // with its ETag, in one transaction.
    Result<void> replaceReference(const ReferenceSnapshot &snapshot);
    Result<QByteArray> referenceEtag();      // "" before the first snapshot
    Result<QJsonObject> referenceRest();     // ReferenceSnapshot::rest of the last snapshot; {} before the first
    Result<QList<Deputyship>> deputyships(); // those of the last snapshot (running and coming ones)
    // The process models and forms of the last snapshot, as the case rules' catalogue; the ones bundled with
    // CaseDesk before the first snapshot, or when the server has none. A version that does not load in this
    // build is left out (a warning says which): its cases are left to the server.
    Result<std::shared_ptr<const casework::CaseTypeCatalogue>> caseTypes();
    Result<QList<User>> users(); // by display name
    Result<QList<Team>> teams(); // by code
    Result<std::optional<User>> user(const QUuid &id);

    // Small key-value settings of this installation kept inside the encrypted cache (e.g. clientId).
    Result<QString> setting(const QString &key);
    Result<void> setSetting(const QString &key, const QString &value);

private:
    static Result<void> writeUsers(SqliteDatabase &db, const QList<User> &users);
    static Result<void> writeTeams(SqliteDatabase &db, const QList<Team> &teams);

    SqliteDatabase &m_db;
};

} // namespace casedesk::storage
