// Turning QtSql failures into the module's Error, the same way everywhere in the server.
#pragma once

#include "core/Result.h"

#include <QSqlError>

namespace casedesk::server {

// A Database error: a translated message for the operator, the driver's text as detail.
Error databaseError(const QSqlError &error);
// PostgreSQL's SQLSTATE 23505: a unique constraint refused the row.
bool isUniqueViolation(const QSqlError &error);

} // namespace casedesk::server
