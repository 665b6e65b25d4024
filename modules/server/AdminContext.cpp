#include "server/AdminContext.h"

#include "server/SchemaMigrations.h"
#include "server/ServerDatabase.h"

#include <pwd.h>
#include <unistd.h>

namespace casedesk::server {

namespace {

QString currentAccount()
{
    // The account, not $USER: an environment variable says what the caller wants it to say.
    if (const passwd *entry = ::getpwuid(::geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return QStringLiteral("uid %1").arg(::geteuid());
}

} // namespace

Result<AdminContext> AdminContext::open()
{
    const Result<ServerDatabase> database = ServerDatabase::fromEnvironment();
    if (!database)
        return database.error();
    const Result<QSqlDatabase> connection = database->connection();
    if (!connection)
        return connection.error();
    if (const Result<void> current = SchemaMigrations().checkCurrent(connection.value()); !current)
        return current.error();
    return AdminContext{connection.value(), currentAccount()};
}

} // namespace casedesk::server
