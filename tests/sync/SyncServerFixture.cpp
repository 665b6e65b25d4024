#include "SyncServerFixture.h"

#include "core/Uuid.h"

#include "SyncTestData.h"
#include "TestUsers.h"

namespace casedesk::test {

QString SyncServerFixture::setUp(const QStringList &logins)
{
    if (const QString problem = createDatabase(); !problem.isEmpty())
        return problem;
    if (const QString problem = TestUsers(pg->connectionString()).setUp(logins); !problem.isEmpty())
        return problem;
    return connectDatabase();
}

QString SyncServerFixture::createDatabase()
{
    pg = std::make_unique<PostgresTestDatabase>();
    return pg->isValid() ? QString() : pg->errorString();
}

QString SyncServerFixture::connectDatabase()
{
    const Result<server::ServerDatabase> opened = server::ServerDatabase::fromConnectionString(pg->connectionString());
    if (!opened)
        return opened.error().toString();
    database = opened.value();
    return {};
}

QString SyncServerFixture::startServer()
{
    server.reset();
    server = std::make_unique<ServerProcess>(pg->connectionString());
    return server->start() ? QString() : server->errorString();
}

int SyncServerFixture::tearDown()
{
    const int exitCode = server ? server->stop() : 0;
    server.reset();
    if (database)
        database->closeConnection();
    database.reset();
    pg.reset();
    return exitCode;
}

QVariant SyncServerFixture::scalar(const QString &sql) const
{
    return queryScalar(db(), sql);
}

QUuid SyncServerFixture::teamId(const QString &code) const
{
    return uuidFromString(scalar(QStringLiteral("SELECT id::text FROM teams WHERE code = '%1'").arg(code)).toString());
}

} // namespace casedesk::test
