// A small RAII wrapper over the SQLite C API (linked against SQLCipher). Statements are prepared once per
// SQL text and reused. Qt's QSQLITE is never used in the client (PLATFORM.md: it would bind to SQLCipher).
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <memory>

struct sqlite3;

namespace casedesk::storage {

class SqliteStatement;

class SqliteDatabase {
public:
    // Opens or creates the file (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX off:
    // one connection is used by one thread at a time). Io error when the file cannot be opened.
    static Result<std::unique_ptr<SqliteDatabase>> open(const QString &path);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    // Runs one or more statements without results (DDL, PRAGMA). Never pass text from outside the program.
    Result<void> exec(const QString &sql);

    // The cached prepared statement for `sql`, reset and with its bindings cleared. The pointer stays valid
    // as long as the database; do not hold it across another prepare() of the same text.
    Result<SqliteStatement *> prepare(const QString &sql);

    // A statement of its own (not cached), for dynamically built SQL that will not be repeated often.
    Result<std::unique_ptr<SqliteStatement>> prepareUncached(const QString &sql);

    // The integer in the first column of the first row of `sql` (a COUNT, a MAX); 0 when there is no row.
    Result<qint64> queryInt64(const QString &sql);

    qint64 lastInsertRowId() const;
    int changes() const;
    QString errorMessage() const; // sqlite3_errmsg of the last failure
    int errorCode() const;        // sqlite3_extended_errcode of the last failure
    sqlite3 *handle() const { return m_db; }

    // An Error of `code` whose detail carries SQLite's message; for the repositories' failure paths.
    Error error(ErrorCode code, const QString &message) const;
    // The last failure as an Error whose code and translated message follow SQLite's error code
    // (Corrupt, WrongKey, Io, Database).
    Error lastError() const;
    // An Internal error (a bug in a query or its use) with a translated message and `detail` for the log.
    static Error misuseError(const QString &detail);

private:
    explicit SqliteDatabase(sqlite3 *db);
    sqlite3 *m_db = nullptr;
    QHash<QString, std::shared_ptr<SqliteStatement>> m_cache;
};

// BEGIN IMMEDIATE on construction (so a writer never fails half-way on a lock upgrade), ROLLBACK on
// destruction unless commit() succeeded.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDatabase &db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;

    const Result<void> &began() const { return m_began; } // check before doing work
    Result<void> commit();

private:
    SqliteDatabase &m_db;
    Result<void> m_began;
    bool m_done = false;
};

} // namespace casedesk::storage
