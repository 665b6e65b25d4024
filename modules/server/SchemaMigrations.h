// Numbered schema migrations of the server's PostgreSQL database. Each migration runs in one transaction,
// under an advisory lock so that several server processes started at once migrate only once; the table
// schema_version records what is applied. A database with a newer schema than this build knows is refused.
#pragma once

#include "core/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace casedesk::server {

struct Migration {
    int version = 0; // 1, 2, 3, ... without gaps
    QString description;
    QStringList statements; // run in order, in one transaction
};

class SchemaMigrations {
public:
    SchemaMigrations(); // the server's own migrations
    // Any other list, sorted by version (tests of the mechanism itself).
    explicit SchemaMigrations(QList<Migration> migrations);

    int latestVersion() const;
    // The applied version: 0 for a database that has never been migrated.
    Result<int> currentVersion(QSqlDatabase db) const;
    // Applies every migration above the current version; returns how many it applied. On a failure the
    // failing migration leaves nothing behind and the earlier ones stay applied.
    Result<int> migrate(QSqlDatabase db) const;
    // Ok when the database is at latestVersion(); else an error that says to run "casedesk-server migrate"
    // (older schema) or to update the server (newer schema).
    Result<void> checkCurrent(QSqlDatabase db) const;

private:
    Result<void> apply(QSqlDatabase db, const Migration &migration, bool *applied) const;

    QList<Migration> m_migrations;
};

} // namespace casedesk::server
