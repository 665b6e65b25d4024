// The server side of a sync test: a throwaway PostgreSQL database with the test users (TestUsers), a connection
// for the test's own queries, and the casedesk-server process on it. One per test class, set up in initTestCase()
// and taken down in cleanupTestCase().
#pragma once

#include "server/ServerDatabase.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QUuid>
#include <QVariant>

#include <memory>
#include <optional>

#include "PostgresTestDatabase.h"
#include "ServerProcess.h"

namespace casedesk::test {

class SyncServerFixture {
public:
    // The database with these test users (TestUsers::setUp) and the connection for db(): empty, or what went
    // wrong. The test adds what else it needs, then starts the server.
    QString setUp(const QStringList &logins);
    // The steps of setUp() for a test that fills the database itself (the demo): an empty database first, the
    // connection for db() once it has the schema.
    QString createDatabase();
    QString connectDatabase();
    // A server process on the database, in place of the one running (if any): empty, or what went wrong.
    QString startServer();
    // Stops the server and drops the database: the server's exit code (0 when none runs).
    int tearDown();

    QString connectionString() const { return pg->connectionString(); }
    QSqlDatabase db() const { return database->connection().value(); }
    // The first column of the first row on db(); invalid when the query fails or returns no row.
    QVariant scalar(const QString &sql) const;
    QUuid teamId(const QString &code) const;

    std::unique_ptr<PostgresTestDatabase> pg;
    std::optional<server::ServerDatabase> database;
    std::unique_ptr<ServerProcess> server;
};

} // namespace casedesk::test
