// The client's encrypted local cache (SQLCipher through the SQLite C API): opening, keys, migrations.
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace casedesk::storage {

class SqliteDatabase;
struct Migration;
class WalCheckpointer;

class CacheDatabase {
public:
    static constexpr int KeySize = 32; // 256-bit raw SQLCipher key
    // The connection's page cache. A bulk load's transaction outgrows the normal one: its pages spill into the
    // WAL, and the indexes it inserts into at random (the ids of Vermerke and documents, the search index's
    // merges) are read back and written again: at 100,000 cases the last batches took twice to three times as
    // long as the first, 48.5 s for the 20 batches in all. With the bulk load size they stay in memory: the
    // batches take about the same time each, 39.3 s in all (peak RSS about 200 MB higher while loading).
    // Setting a lower limit frees what the cache holds beyond it, back to the system.
    static constexpr int PageCacheKiB = 64 * 1024;
    static constexpr int BulkLoadPageCacheKiB = 256 * 1024;
    static Result<void> setPageCache(SqliteDatabase &db, int kib);

    // Opens the cache at `path` with a 32-byte key, creating it when absent, and migrates it to the
    // current schema. Errors: WrongKey (wrong key, or a foreign or damaged file: SQLCipher cannot tell
    // the two apart), Corrupt, NewerSchema (written by a newer CaseDesk), Io. Never deletes or rewrites
    // a file it could not open.
    static Result<std::unique_ptr<CacheDatabase>> open(const QString &path, const QByteArray &key);

    // The same schema and code WITHOUT encryption (page size 4096 like the encrypted cache), only as the
    // benchmark's baseline for the cost of encryption. Never used by the application.
    static Result<std::unique_ptr<CacheDatabase>> openUnencryptedForComparison(const QString &path);

    // The way out for a cache that cannot be opened: renames it (and its -wal, -shm and .salt files)
    // beside itself as "<name>.damaged-<UTC timestamp>" and returns the new path of the main file.
    static Result<QString> moveAside(const QString &path);

    // Brings `db` from its user_version up to the last of `migrations` (versions 1, 2, 3, ... without gaps),
    // each migration in its own transaction together with its user_version. NewerSchema when the file is
    // ahead of the list. open() runs it with cacheMigrations(); public so the runner itself can be tested.
    static Result<void> migrate(SqliteDatabase &db, const QList<Migration> &migrations);

    // Reads every page (PRAGMA quick_check; every SQLCipher page carries an HMAC): Corrupt when any is
    // damaged. open() only reads the pages it needs, so damage elsewhere shows up here or on first use.
    // Costs about 3 ms per MB of cache.
    Result<void> checkIntegrity();

    ~CacheDatabase();
    CacheDatabase(const CacheDatabase &) = delete;
    CacheDatabase &operator=(const CacheDatabase &) = delete;

    static int currentSchemaVersion();
    int schemaVersion() const;
    QString path() const;
    SqliteDatabase &sqlite();

    // A commit that put a whole load into the WAL leaves the copy back into the file to this: on the
    // checkpoint thread, or, when its connection did not open, right here (and the WAL file is cut back).
    // The commit itself should run with wal_autocheckpoint at 0, or it copies everything first.
    Result<void> checkpointAfterBigLoad();
    // The checkpoint thread (for the benchmark and the tests); null when its connection did not open.
    WalCheckpointer *walCheckpointer();
    static constexpr int AutoCheckpointPages = 1000; // SQLite's default for wal_autocheckpoint

private:
    CacheDatabase(QString path, std::unique_ptr<SqliteDatabase> db, const QByteArray &key);
    QString m_path;
    std::unique_ptr<SqliteDatabase> m_db;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // after m_db: closes first, so m_db is the last connection
};

} // namespace casedesk::storage
