// The server's configuration. It comes from the environment (CASEDESK_DB) or from a config file readable only
// by its owner (CASEDESK_CONFIG, else defaultPath()), never from the command line: the database connection
// string may hold a password, and command lines are visible to every user of the machine (DESIGN.md,
// decision 6).
#pragma once

#include "core/Result.h"

#include <QString>

namespace casedesk::server {

struct ServerConfig {
    QString database; // libpq keyword/value connection string: "host=/run/postgresql dbname=casedesk ..."
    QString source;   // where it came from ("CASEDESK_DB" or the file's path), for messages

    static QString defaultPath(); // /etc/casedesk/casedesk-server.conf

    // CASEDESK_DB when set and not empty, else the file named by CASEDESK_CONFIG, else the file at defaultPath().
    static Result<ServerConfig> fromEnvironment();
    // A file of "key = value" lines; blank lines and lines starting with '#' are ignored. Keys: database.
    // Refused unless only its owner may read or write it (mode 0600 or stricter).
    static Result<ServerConfig> fromFile(const QString &path);
};

} // namespace casedesk::server
