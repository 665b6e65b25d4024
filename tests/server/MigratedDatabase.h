// The server's database for a test database with every schema migration applied, as `casedesk-server migrate`
// leaves it, for the tests that work below the HTTP API.
#pragma once

#include "server/SchemaMigrations.h"
#include "server/ServerDatabase.h"

#include "PostgresTestDatabase.h"

namespace casedesk::test {

inline Result<server::ServerDatabase> migratedDatabase(const PostgresTestDatabase &pg)
{
    Result<server::ServerDatabase> database = server::ServerDatabase::fromConnectionString(pg.connectionString());
    if (!database)
        return database;
    const Result<QSqlDatabase> db = database->connection();
    if (!db)
        return db.error();
    if (const Result<int> migrated = server::SchemaMigrations().migrate(db.value()); !migrated)
        return migrated.error();
    return database;
}

} // namespace casedesk::test
