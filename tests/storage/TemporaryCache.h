// A real encrypted cache for storage tests: a fresh file in its own temporary directory, opened through
// CacheDatabase with a random 256-bit key (no mocks).
#pragma once

#include "storage/CacheDatabase.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

#include <memory>

namespace casedesk::test {

// The error text of a Result for QVERIFY2 messages, empty when it holds a value (QVERIFY2 evaluates its
// message even when the check passes, so it must not touch error() of a good result).
template <typename R> QByteArray errorText(const R &result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

class TemporaryCache {
public:
    TemporaryCache() : m_key(storage::CacheDatabase::KeySize, Qt::Uninitialized)
    {
        for (char &byte : m_key)
            byte = char(QRandomGenerator::system()->bounded(256));
        reopen();
    }

    // Closes and opens the same file again with the same key (what a restart of the client does).
    bool reopen()
    {
        m_db.reset();
        auto opened = storage::CacheDatabase::open(m_dir.filePath(QStringLiteral("cache.db")), m_key);
        if (!opened) {
            m_error = opened.error().toString();
            return false;
        }
        m_db = std::move(opened).value();
        return true;
    }

    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_dir.filePath(QStringLiteral("cache.db")); }
    const QByteArray &key() const { return m_key; }
    QString error() const { return m_error; }
    storage::CacheDatabase &db() { return *m_db; }
    storage::SqliteDatabase &sqlite() { return m_db->sqlite(); }

    // The first column of the first row of a query the test makes itself, as text; "" when no row.
    QString scalar(const QString &sql)
    {
        auto stmt = sqlite().prepareUncached(sql);
        if (!stmt)
            return QStringLiteral("<error: %1>").arg(stmt.error().toString());
        auto row = (*stmt)->step();
        if (!row)
            return QStringLiteral("<error: %1>").arg(row.error().toString());
        return *row ? (*stmt)->text(0) : QString();
    }

private:
    QTemporaryDir m_dir;
    QByteArray m_key;
    std::unique_ptr<storage::CacheDatabase> m_db;
    QString m_error;
};

} // namespace casedesk::test
