// The cache schema as numbered migrations (PRAGMA user_version counts how many have run).
#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>

#include <functional>

namespace casedesk::storage {

class SqliteDatabase;

struct Migration {
    int version; // the user_version after this migration
    QString description;
    std::function<Result<void>(SqliteDatabase &)> apply; // runs inside a transaction opened by the caller
};

// All migrations in order; versions are 1, 2, 3, ... without gaps.
const QList<Migration> &cacheMigrations();

} // namespace casedesk::storage
