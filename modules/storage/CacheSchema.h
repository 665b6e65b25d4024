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

// A secondary index of case_view (an inbox view or sort). A bulk load into an empty cache drops them and
// builds each once at the end, which costs a fraction of keeping them up to date row by row.
struct CaseViewIndex {
    QString name;
    QString sql; // CREATE INDEX IF NOT EXISTS statement
};

// The case_view indexes of the current schema.
const QList<CaseViewIndex> &caseViewIndexes();
// Whether each case_view index is there (an initial pull between its pages runs without them).
Result<bool> caseViewIndexesPresent(SqliteDatabase &db);
// Builds the case_view indexes that are missing (an initial load that ended before its last page); true when
// it built any.
Result<bool> ensureCaseViewIndexes(SqliteDatabase &db);

// All migrations in order; versions are 1, 2, 3, ... without gaps.
const QList<Migration> &cacheMigrations();

} // namespace casedesk::storage
