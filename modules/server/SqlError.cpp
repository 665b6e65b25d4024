#include "server/SqlError.h"

#include <QCoreApplication>

namespace casedesk::server {

Error databaseError(const QSqlError &error)
{
    return makeError(ErrorCode::Database,
                     QCoreApplication::translate(
                         "Server", "The database failed to carry out the request. Check that PostgreSQL is running "
                                   "and try again; the server log has the details."),
                     error.text());
}

bool isUniqueViolation(const QSqlError &error)
{
    return error.nativeErrorCode() == QLatin1String("23505");
}

} // namespace casedesk::server
