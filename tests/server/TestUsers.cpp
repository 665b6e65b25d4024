#include "TestUsers.h"

#include "server/SchemaMigrations.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"

namespace casedesk::test {

using namespace casedesk::server;

namespace {

const char teamCode[] = "32.1";

// Runs `work` on this thread's connection to the database; an empty string, or the error.
template <typename Work> QString withDirectory(const QString &connectionString, Work work)
{
    const Result<ServerDatabase> database = ServerDatabase::fromConnectionString(connectionString);
    if (!database)
        return database.error().toString();
    QString problem;
    {
        const Result<QSqlDatabase> db = database->connection();
        problem = db ? work(db.value()) : db.error().toString();
    }
    database->closeConnection();
    return problem;
}

} // namespace

QString TestUsers::password()
{
    return QStringLiteral("Königstraße-Stuttgart-1");
}

TestUsers::TestUsers(const QString &connectionString) : m_connectionString(connectionString) {}

QString TestUsers::setUp(const QStringList &logins)
{
    const QString problem = withDirectory(m_connectionString, [](QSqlDatabase db) {
        if (const Result<int> migrated = SchemaMigrations().migrate(db); !migrated)
            return migrated.error().toString();
        const Result<Team> team =
            UserDirectory(db).addTeam(QLatin1String(teamCode), QStringLiteral("Ordnung"), QStringLiteral("32.10"));
        return team ? QString() : team.error().toString();
    });
    if (!problem.isEmpty())
        return problem;
    for (const QString &login : logins) {
        if (const QString added = add(login); !added.isEmpty())
            return added;
    }
    return {};
}

QString TestUsers::add(const QString &login)
{
    return withDirectory(m_connectionString, [&login](QSqlDatabase db) {
        const Result<User> user = UserDirectory(db).addUser(
            {login, QStringLiteral("Test ") + login, {Role::Clerk}, {QLatin1String(teamCode)}}, password());
        return user ? QString() : user.error().toString();
    });
}

QString TestUsers::disable(const QString &login)
{
    return withDirectory(m_connectionString, [&login](QSqlDatabase db) {
        const Result<User> user = UserDirectory(db).disableUser(login);
        return user ? QString() : user.error().toString();
    });
}

} // namespace casedesk::test
