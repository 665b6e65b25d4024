// What an administrator's subcommand of casedesk-server works on: the database named by CASEDESK_DB or the
// config file (ServerDatabase::fromEnvironment), at this build's schema, and who runs the command (recorded
// with what it changes, e.g. deployments).
#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace casedesk::server {

struct AdminContext {
    QSqlDatabase db;      // this thread's connection
    QString operatorName; // the operating system account that runs the command

    // Fails when no database is configured, it cannot be reached, or its schema is not this build's.
    static Result<AdminContext> open();
};

} // namespace casedesk::server
