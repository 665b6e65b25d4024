#include "storage/SqliteStatement.h"

#include "storage/SqliteDatabase.h"

#include <limits>
#include <sqlite3.h>

namespace casedesk::storage {

SqliteStatement::SqliteStatement(SqliteDatabase &db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

// SQLite reports a bad binding (index out of range, wrong type) at bind time; the binding API is fluent,
// so the first failure is kept and reported by the next step() instead of being lost.
void SqliteStatement::noteBind(int rc, int index)
{
    if (rc == SQLITE_OK || m_bindError)
        return;
    m_bindError = SqliteDatabase::misuseError(
        QStringLiteral("binding parameter %1: %2").arg(index).arg(QLatin1String(sqlite3_errstr(rc))));
}

SqliteStatement &SqliteStatement::bind(int index, const QString &value)
{
    if (value.isNull())
        return bindNull(index);
    // The cache is UTF-8: converting here (Qt's SIMD path) spares SQLite its own UTF-16 translation per value.
    const QByteArray utf8 = value.toUtf8();
    noteBind(sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT), index);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, qint64 value)
{
    noteBind(sqlite3_bind_int64(m_stmt, index, value), index);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, double value)
{
    noteBind(sqlite3_bind_double(m_stmt, index, value), index);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const QByteArray &value)
{
    if (value.isNull())
        return bindNull(index);
    // sqlite3_bind_blob with an empty array may see a null pointer and bind NULL; an empty BLOB is not NULL.
    if (value.isEmpty())
        noteBind(sqlite3_bind_zeroblob(m_stmt, index, 0), index);
    else
        noteBind(sqlite3_bind_blob(m_stmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT), index);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const QDate &value)
{
    if (!value.isValid())
        return bindNull(index);
    return bind(index, value.toString(Qt::ISODate));
}

SqliteStatement &SqliteStatement::bind(int index, const QVariant &value)
{
    if (value.isNull())
        return bindNull(index);
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return bind(index, value.toLongLong());
    case QMetaType::ULong:
    case QMetaType::ULongLong:
        if (value.toULongLong() > quint64(std::numeric_limits<qint64>::max())) {
            noteBind(SQLITE_RANGE, index);
            return *this;
        }
        return bind(index, value.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return bind(index, value.toDouble());
    case QMetaType::QString:
        return bind(index, value.toString());
    case QMetaType::QByteArray:
        return bind(index, value.toByteArray());
    case QMetaType::QDate:
        return bind(index, value.toDate());
    default:
        // Anything else has no single obvious column representation: the caller must convert it.
        noteBind(SQLITE_MISMATCH, index);
        return *this;
    }
}

SqliteStatement &SqliteStatement::bindNull(int index)
{
    noteBind(sqlite3_bind_null(m_stmt, index), index);
    return *this;
}

Result<bool> SqliteStatement::step()
{
    if (m_bindError)
        return *m_bindError;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error = m_db.lastError();
    // Detach from the failed run (it may hold a read lock) but keep the bindings for a retry.
    sqlite3_reset(m_stmt);
    return error;
}

Result<void> SqliteStatement::run()
{
    return forEachRow([](const SqliteStatement &) { return Result<void>(); });
}

Result<void> SqliteStatement::forEachRow(const std::function<Result<void>(const SqliteStatement &)> &row)
{
    for (;;) {
        auto more = step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        if (auto handled = row(*this); !handled) {
            sqlite3_reset(m_stmt);
            return handled;
        }
    }
    sqlite3_reset(m_stmt);
    return {};
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindError.reset();
}

// Column accessors guard the index: SQLite leaves out-of-range columns undefined.
bool SqliteStatement::hasColumn(int column) const
{
    return column >= 0 && column < sqlite3_data_count(m_stmt);
}

bool SqliteStatement::isNull(int column) const
{
    return !hasColumn(column) || sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString SqliteStatement::text(int column) const
{
    if (isNull(column))
        return {};
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    const int bytes = sqlite3_column_bytes(m_stmt, column);
    if (!data)
        return {};
    if (bytes == 0)
        return QString(QLatin1String("")); // empty, not null: '' and NULL stay distinct
    return QString::fromUtf8(data, bytes);
}

qint64 SqliteStatement::int64(int column) const
{
    return hasColumn(column) ? sqlite3_column_int64(m_stmt, column) : 0;
}

double SqliteStatement::real(int column) const
{
    return hasColumn(column) ? sqlite3_column_double(m_stmt, column) : 0.0;
}

QByteArray SqliteStatement::blob(int column) const
{
    if (isNull(column))
        return {};
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    const int bytes = sqlite3_column_bytes(m_stmt, column);
    if (bytes == 0 || !data)
        return QByteArray("", 0); // empty, not null
    return QByteArray(data, bytes);
}

QDate SqliteStatement::date(int column) const
{
    if (isNull(column))
        return {};
    return QDate::fromString(text(column), Qt::ISODate);
}

QVariant SqliteStatement::value(int column) const
{
    if (!hasColumn(column))
        return {};
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(int64(column));
    case SQLITE_FLOAT:
        return QVariant(real(column));
    case SQLITE_TEXT:
        return QVariant(text(column));
    case SQLITE_BLOB:
        return QVariant(blob(column));
    default:
        return {};
    }
}

} // namespace casedesk::storage
