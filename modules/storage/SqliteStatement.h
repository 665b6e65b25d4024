// One prepared SQLite statement. Binding indexes are 1-based as in SQLite, columns 0-based.
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

struct sqlite3_stmt;

namespace casedesk::storage {

class SqliteDatabase;

class SqliteStatement {
public:
    SqliteStatement(SqliteDatabase &db, sqlite3_stmt *stmt);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    SqliteStatement &bind(int index, const QString &value); // null QString binds NULL
    SqliteStatement &bind(int index, qint64 value);
    SqliteStatement &bind(int index, int value) { return bind(index, qint64(value)); }
    SqliteStatement &bind(int index, double value);
    SqliteStatement &bind(int index, const QByteArray &value); // BLOB; null QByteArray binds NULL
    SqliteStatement &bind(int index, const QDate &value);      // ISO text "YYYY-MM-DD"; invalid binds NULL
    SqliteStatement &bind(int index, const QVariant &value);   // by type: null, integer, double, text, blob, date
    SqliteStatement &bindNull(int index);

    // Advances: true when a row is available, false when done. Errors carry SQLite's message.
    Result<bool> step();
    // Steps to the end, for statements without results.
    Result<void> run();
    // Steps through every row, calling `row` for each; stops at the first error, SQLite's or `row`'s.
    Result<void> forEachRow(const std::function<Result<void>(const SqliteStatement &)> &row);
    void reset(); // reset and clear bindings

    bool isNull(int column) const;
    QString text(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QByteArray blob(int column) const;
    QDate date(int column) const; // from ISO text; invalid for NULL
    QVariant value(int column) const;

private:
    void noteBind(int rc, int index);
    bool hasColumn(int column) const;

    SqliteDatabase &m_db;
    sqlite3_stmt *m_stmt = nullptr;
    std::optional<Error> m_bindError; // the first failed binding, reported by step()
};

} // namespace casedesk::storage
