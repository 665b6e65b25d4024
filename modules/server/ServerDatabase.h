// The server's PostgreSQL database: connection parameters parsed from a libpq keyword/value string, and one
// QSqlDatabase connection per thread, because a QtSql connection may only be used on the thread that opened
// it (handlers run on a thread pool, see PLATFORM.md).
#pragma once

#include "core/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
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

    // A copy whose connections run with the PostgreSQL setting `name` = `value` (a name and a value without
    // blanks), apart from this one's connections.
    ServerDatabase withSetting(const QString &name, const QString &value) const;

    // This thread's connection, opened on first use; a thread's connection closes when the thread finishes.
    Result<QSqlDatabase> connection() const;
    // Closes this thread's connection now (before dropping its database, or to reconnect).
    void closeConnection() const;

    // The statement `sql` prepared on `db` once and kept while the connection lives. QPSQL turns every
    // QSqlQuery::prepare() into PREPARE, EXECUTE and DEALLOCATE, three round trips and a fresh parse and plan;
    // a kept statement costs one round trip per use and PostgreSQL reuses its plan. The query belongs to the
    // connection and lives as long as it; use it on the connection's thread, bind every placeholder before each
    // exec(), and read its rows before the same statement runs again.
    static Result<QSqlQuery *> preparedQuery(const QSqlDatabase &db, const QString &sql);

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
