// The server's PostgreSQL database: connection parameters parsed from a libpq keyword/value string, and one
// QSqlDatabase connection per thread, because a QtSql connection may only be used on the thread that opened
// it (handlers run on a thread pool, see PLATFORM.md).
#pragma once

#include "core/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <utility>

namespace casedesk::server {

class ServerDatabase {
public:
    // "host=/run/postgresql port=5432 dbname=casedesk user=casedesk password='se cret' sslmode=require":
    // keywords as libpq has them, values quoted with '...' when they hold blanks (\' and \\ inside quotes).
    static Result<ServerDatabase> fromConnectionString(const QString &text);
    // The connection string from ServerConfig::fromEnvironment().
    static Result<ServerDatabase> fromEnvironment();

    // This thread's connection, opened on first use; a thread's connection closes when the thread finishes.
    Result<QSqlDatabase> connection() const;
    // Closes this thread's connection now (before dropping its database, or to reconnect).
    void closeConnection() const;

    QString databaseName() const { return m_databaseName; }
    // The parameters without the password, for logs and messages; the password never leaves this class.
    QString description() const;

private:
    QString connectionName() const;

    QString m_host;
    int m_port = -1;
    QString m_databaseName;
    QString m_user;
    QString m_password;
    QList<std::pair<QString, QString>> m_options; // other libpq keywords and their values
    quint64 m_key = 0; // tells apart connections of different ServerDatabase objects on one thread
};

} // namespace casedesk::server
