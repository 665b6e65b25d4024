#include "storage/SqliteDatabase.h"

#include "storage/SqliteStatement.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringView>

#include <sqlite3.h>

namespace casedesk::storage {

namespace {

// A writer waits this long for another connection (a second CaseDesk, a backup tool) before giving up.
constexpr int BusyTimeoutMs = 5000;

// Statement texts in error details are cut so a log line stays readable.
QString sqlForLog(QStringView sql)
{
    constexpr qsizetype MaxLength = 200;
    return sql.size() > MaxLength ? sql.left(MaxLength).toString() + QStringLiteral("...") : sql.toString();
}

} // namespace

SqliteDatabase::SqliteDatabase(sqlite3 *db) : m_db(db) {}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const QString &path)
{
    if (path.isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Storage", "No file was given for the local case cache."));
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const QString detail =
            QStringLiteral("%1: %2").arg(path, QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
        sqlite3_close_v2(db);
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Storage",
                                                     "The local case cache file cannot be opened. Check that its "
                                                     "folder exists and that you may write to it."),
                         detail);
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, BusyTimeoutMs);
    return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(db));
}

SqliteDatabase::~SqliteDatabase()
{
    m_cache.clear(); // finalize cached statements first, or the connection cannot close
    // close_v2: statements from prepareUncached() that outlive us keep the connection until finalized.
    sqlite3_close_v2(m_db);
}

Result<void> SqliteDatabase::exec(const QString &sql)
{
    if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        Error e = lastError();
        e.detail += QStringLiteral(" in: ") + sqlForLog(sql);
        return e;
    }
    return {};
}

Result<SqliteStatement *> SqliteDatabase::prepare(const QString &sql)
{
    if (auto it = m_cache.constFind(sql); it != m_cache.constEnd()) {
        it.value()->reset();
        return it.value().get();
    }
    auto stmt = prepareUncached(sql);
    if (!stmt)
        return stmt.error();
    std::shared_ptr<SqliteStatement> shared(std::move(stmt).value());
    m_cache.insert(sql, shared);
    return shared.get();
}

Result<std::unique_ptr<SqliteStatement>> SqliteDatabase::prepareUncached(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    const void *tail = nullptr;
    const int rc = sqlite3_prepare16_v2(m_db, sql.utf16(), int(sql.size() * sizeof(char16_t)), &stmt, &tail);
    if (rc != SQLITE_OK) {
        Error e = lastError();
        e.detail += QStringLiteral(" in: ") + sqlForLog(sql);
        sqlite3_finalize(stmt);
        return e;
    }
    // Exactly one statement per text: a second one would be silently ignored by SQLite.
    const auto consumed = qsizetype(static_cast<const char *>(tail) - reinterpret_cast<const char *>(sql.utf16())) /
                          qsizetype(sizeof(char16_t));
    const bool trailing = tail && !QStringView(sql).mid(consumed).trimmed().isEmpty();
    if (!stmt || trailing) {
        sqlite3_finalize(stmt);
        return misuseError(QStringLiteral("expected exactly one SQL statement in: ") + sqlForLog(sql));
    }
    return std::make_unique<SqliteStatement>(*this, stmt);
}

Result<qint64> SqliteDatabase::queryInt64(const QString &sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    const qint64 value = *row ? (*stmt)->int64(0) : 0;
    (*stmt)->reset();
    return value;
}

qint64 SqliteDatabase::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqliteDatabase::changes() const
{
    return sqlite3_changes(m_db);
}

QString SqliteDatabase::errorMessage() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

int SqliteDatabase::errorCode() const
{
    return sqlite3_extended_errcode(m_db);
}

Error SqliteDatabase::error(ErrorCode code, const QString &message) const
{
    return makeError(code, message, QStringLiteral("SQLite %1: %2").arg(errorCode()).arg(errorMessage()));
}

Error SqliteDatabase::lastError() const
{
    switch (errorCode() & 0xff) {
    case SQLITE_CORRUPT:
        return error(ErrorCode::Corrupt,
                     QCoreApplication::translate("Storage",
                                                 "The local case cache is damaged. You can move it aside; CaseDesk "
                                                 "then builds a new cache and fetches your cases from the server "
                                                 "again."));
    case SQLITE_NOTADB:
        return error(ErrorCode::WrongKey,
                     QCoreApplication::translate("Storage",
                                                 "The local case cache cannot be opened: the key does not fit or the "
                                                 "file is damaged. You can move it aside; CaseDesk then builds a new "
                                                 "cache and fetches your cases from the server again."));
    case SQLITE_FULL:
        return error(ErrorCode::Io,
                     QCoreApplication::translate("Storage", "The disk holding the local case cache is full, so "
                                                            "nothing was saved. Free some space, then try again."));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return error(ErrorCode::Io,
                     QCoreApplication::translate("Storage", "The local case cache could not be read or written. "
                                                            "Check that the disk is not full and that you may "
                                                            "write to the cache folder, then try again."));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return error(ErrorCode::Database,
                     QCoreApplication::translate("Storage", "The local case cache is in use by another program, "
                                                            "perhaps a second CaseDesk. Close it and try again."));
    default:
        return error(ErrorCode::Database,
                     QCoreApplication::translate("Storage", "The local case cache could not complete the operation. "
                                                            "Try again; if it keeps failing, restart CaseDesk."));
    }
}

Error SqliteDatabase::misuseError(const QString &detail)
{
    return makeError(ErrorCode::Internal,
                     QCoreApplication::translate("Storage", "The local case cache could not run a query. Please "
                                                            "report this problem to your IT support."),
                     detail);
}

SqliteTransaction::SqliteTransaction(SqliteDatabase &db) : m_db(db), m_began(db.exec(QStringLiteral("BEGIN IMMEDIATE")))
{
    m_done = !m_began.ok(); // nothing to roll back when BEGIN failed
}

SqliteTransaction::~SqliteTransaction()
{
    // SQLite rolls back by itself after some errors (disk full, I/O); a second ROLLBACK would only fail.
    if (!m_done && !sqlite3_get_autocommit(m_db.handle()))
        static_cast<void>(m_db.exec(QStringLiteral("ROLLBACK")));
}

Result<void> SqliteTransaction::commit()
{
    if (!m_began)
        return m_began;
    if (m_done)
        return SqliteDatabase::misuseError(QStringLiteral("transaction committed twice"));
    auto committed = m_db.exec(QStringLiteral("COMMIT"));
    if (committed)
        m_done = true; // on failure the transaction stays open and the destructor rolls it back
    return committed;
}

} // namespace casedesk::storage
