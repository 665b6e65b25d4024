#include "storage/CacheDatabase.h"

#include "storage/CacheSchema.h"
#include "storage/SearchIndexer.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"
#include "storage/StorageLog.h"
#include "storage/WalCheckpointer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <malloc.h>
#include <sodium.h>
#include <sqlite3.h>

namespace casedesk::storage {

namespace {

// SQLCipher 3 defaults to 1024-byte pages; 4096 matches the file system and halves the per-page overhead.
constexpr int CipherPageSize = 4096;

// Hands the raw key to SQLCipher as `PRAGMA key = "x'<hex>'"` (a raw key skips SQLCipher's own PBKDF2,
// the key is already random) and wipes every copy of the text afterwards.
Result<void> applyKey(SqliteDatabase &db, const QByteArray &key)
{
    QByteArray hex = key.toHex();
    QByteArray pragma = QByteArrayLiteral("PRAGMA key = \"x'");
    pragma.reserve(pragma.size() + hex.size() + 3);
    pragma.append(hex).append("'\";");
    const int rc = sqlite3_exec(db.handle(), pragma.constData(), nullptr, nullptr, nullptr);
    sodium_memzero(hex.data(), size_t(hex.size()));
    sodium_memzero(pragma.data(), size_t(pragma.size()));
    if (rc != SQLITE_OK)
        return db.lastError();
    return {};
}

Result<qint64> pragmaValue(SqliteDatabase &db, const QString &sql)
{
    auto stmt = db.prepareUncached(sql);
    if (!stmt)
        return stmt.error();
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    return *row ? (*stmt)->int64(0) : 0;
}

// WAL lets readers go on while a sync writes; some file systems (network shares) refuse it, which is
// worth a log line but no reason to refuse the cache.
Result<void> enableWal(SqliteDatabase &db, const QString &path)
{
    auto journal = db.prepareUncached(QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!journal)
        return journal.error();
    auto row = (*journal)->step();
    if (!row)
        return row.error();
    if (*row && (*journal)->text(0) != QLatin1String("wal"))
        qCWarning(lcStorage) << "cache" << path << "runs without WAL, journal mode" << (*journal)->text(0);
    return {};
}

// Everything after the key: verify it, set the connection up, migrate.
Result<void> finishOpening(SqliteDatabase &db, const QString &path)
{
    // The first read decrypts page 1: a wrong key, a foreign file or a damaged header fail here
    // (SQLITE_NOTADB -> WrongKey), before anything could be written.
    if (auto schema = pragmaValue(db, QStringLiteral("SELECT count(*) FROM sqlite_master")); !schema)
        return schema.error();
    if (auto wal = enableWal(db, path); !wal)
        return wal.error();
    // SQLite's default page cache (2 MB) makes every page of a 100,000-case cache a read and a decryption;
    // 64 MB keeps the indexes and the working set in memory. The WAL is cut back after big transactions.
    if (auto set = db.exec(QStringLiteral("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
                                          "PRAGMA temp_store = MEMORY; PRAGMA journal_size_limit = 16777216;"));
        !set)
        return set.error();
    if (auto set = CacheDatabase::setPageCache(db, CacheDatabase::PageCacheKiB); !set)
        return set.error();
    if (auto registered = SearchIndexer::registerFunctions(db); !registered)
        return registered;
    if (auto migrated = CacheDatabase::migrate(db, cacheMigrations()); !migrated)
        return migrated;
    // A first pull runs without the inbox indexes between its pages; one that broke off (the application
    // ended, the disk ran full) must not leave the inbox without them. The next big load refreshes the
    // planner statistics.
    auto indexed = ensureCaseViewIndexes(db);
    return indexed ? Result<void>() : Result<void>(indexed.error());
}

// The checkpoint thread's own connection, keyed like the first (no key: the unencrypted comparison copy). Without
// it the checkpoints run in the thread that asks for them, as before: worth a log line, no reason to fail.
std::unique_ptr<WalCheckpointer> makeCheckpointer(const QString &path, const QByteArray &key)
{
    auto opened = SqliteDatabase::open(path);
    Result<void> ready = opened ? Result<void>() : Result<void>(opened.error());
    if (ready && !key.isEmpty()) {
        ready = applyKey(**opened, key);
        if (ready)
            ready = (*opened)->exec(QStringLiteral("PRAGMA cipher_page_size = %1").arg(CipherPageSize));
    }
    if (ready) {
        auto read = pragmaValue(**opened, QStringLiteral("SELECT count(*) FROM sqlite_master"));
        ready = read ? Result<void>() : Result<void>(read.error());
    }
    if (!ready) {
        qCWarning(lcStorage) << "cache" << path << "has no checkpoint thread:" << ready.error().toString();
        return nullptr;
    }
    return std::make_unique<WalCheckpointer>(std::move(opened).value());
}

qint64 pageCacheBytes(SqliteDatabase &db)
{
    int used = 0;
    int highwater = 0;
    return sqlite3_db_status(db.handle(), SQLITE_DBSTATUS_CACHE_USED, &used, &highwater, 0) == SQLITE_OK ? used : 0;
}

} // namespace

CacheDatabase::CacheDatabase(QString path, std::unique_ptr<SqliteDatabase> db, const QByteArray &key)
    : m_path(std::move(path)), m_db(std::move(db)), m_checkpointer(makeCheckpointer(m_path, key))
{
}

CacheDatabase::~CacheDatabase() = default;

Result<std::unique_ptr<CacheDatabase>> CacheDatabase::open(const QString &path, const QByteArray &key)
{
    if (key.size() != KeySize)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Storage", "The key for the local case cache has the wrong "
                                                                "length. Please report this problem to your IT "
                                                                "support."),
                         QStringLiteral("key of %1 bytes, expected %2").arg(key.size()).arg(KeySize));
    // SQLite treats an empty file as a new database and would write one into it; a file we created always
    // has content, so an empty one is someone else's (or a crash before the first write): leave it be.
    if (const QFileInfo info(path); info.exists() && info.isFile() && info.size() == 0)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Storage", "The local case cache file is empty. You can move it "
                                                                "aside; CaseDesk then builds a new cache and fetches "
                                                                "your cases from the server again."),
                         path + QStringLiteral(": empty file"));

    // Encrypted or not, a new cache is the user's alone: owner-only from the first byte (SQLite gives its WAL
    // and shared-memory files the database file's mode). An existing file keeps its mode: it may not be ours.
    if (QFile file(path); !file.exists() && file.open(QIODevice::WriteOnly)) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.close();
    }

    auto opened = SqliteDatabase::open(path);
    if (!opened)
        return opened.error();
    std::unique_ptr<SqliteDatabase> db = std::move(opened).value();

    const auto fail = [&](Error e) {
        qCWarning(lcStorage).noquote() << "cannot open cache" << path << ":" << e.toString();
        return e;
    };
    if (auto keyed = applyKey(*db, key); !keyed)
        return fail(keyed.error());
    if (auto paged = db->exec(QStringLiteral("PRAGMA cipher_page_size = %1").arg(CipherPageSize)); !paged)
        return fail(paged.error());
    if (auto finished = finishOpening(*db, path); !finished)
        return fail(finished.error());
    return std::unique_ptr<CacheDatabase>(new CacheDatabase(path, std::move(db), key));
}

Result<std::unique_ptr<CacheDatabase>> CacheDatabase::openUnencryptedForComparison(const QString &path)
{
    auto opened = SqliteDatabase::open(path);
    if (!opened)
        return opened.error();
    std::unique_ptr<SqliteDatabase> db = std::move(opened).value();
    // The same page size as the encrypted cache, so the comparison measures encryption only.
    if (auto paged = db->exec(QStringLiteral("PRAGMA page_size = %1").arg(CipherPageSize)); !paged)
        return paged.error();
    if (auto finished = finishOpening(*db, path); !finished)
        return finished.error();
    return std::unique_ptr<CacheDatabase>(new CacheDatabase(path, std::move(db), QByteArray()));
}

Result<void> CacheDatabase::migrate(SqliteDatabase &db, const QList<Migration> &migrations)
{
    const QString path = QString::fromUtf8(sqlite3_db_filename(db.handle(), "main"));
    auto userVersion = pragmaValue(db, QStringLiteral("PRAGMA user_version"));
    if (!userVersion)
        return userVersion.error();
    const int known = migrations.isEmpty() ? 0 : migrations.last().version;
    if (*userVersion > known)
        return makeError(ErrorCode::NewerSchema,
                         QCoreApplication::translate("Storage",
                                                     "The local case cache was written by a newer version "
                                                     "of CaseDesk. Update CaseDesk, or move the cache aside; "
                                                     "CaseDesk then builds a new cache and fetches your "
                                                     "cases from the server again."),
                         QStringLiteral("%1: schema version %2, this CaseDesk knows up to %3")
                             .arg(path)
                             .arg(*userVersion)
                             .arg(known));
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != i + 1)
            return SqliteDatabase::misuseError(QStringLiteral("cache migrations are not numbered 1, 2, 3, ...: "
                                                              "found %1 at position %2")
                                                   .arg(migrations[i].version)
                                                   .arg(i + 1));
    }
    for (const Migration &migration : migrations) {
        if (migration.version <= *userVersion)
            continue;
        // One transaction per migration, user_version included: a failure leaves the previous version intact.
        SqliteTransaction transaction(db);
        if (!transaction.began())
            return transaction.began().error();
        if (auto applied = migration.apply(db); !applied) {
            Error e = applied.error();
            e.detail =
                QStringLiteral("migration %1 (%2): %3").arg(migration.version).arg(migration.description, e.detail);
            return e;
        }
        if (auto set = db.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)); !set)
            return set.error();
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        qCInfo(lcStorage) << "cache" << path << "migrated to schema version" << migration.version
                          << migration.description;
    }
    return {};
}

Result<void> CacheDatabase::checkIntegrity()
{
    auto check = m_db->prepareUncached(QStringLiteral("PRAGMA quick_check"));
    if (!check)
        return check.error();
    QStringList problems;
    for (;;) {
        auto row = (*check)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        if (const QString text = (*check)->text(0); text != QLatin1String("ok"))
            problems.append(text.split(u'\n', Qt::SkipEmptyParts));
    }
    if (problems.isEmpty())
        return {};
    problems = problems.mid(0, 5); // the first lines say enough; a damaged page can list hundreds
    qCWarning(lcStorage) << "cache" << m_path << "failed the integrity check:" << problems;
    return makeError(ErrorCode::Corrupt,
                     QCoreApplication::translate("Storage", "The local case cache is damaged. You can move it aside; "
                                                            "CaseDesk then builds a new cache and fetches your cases "
                                                            "from the server again."),
                     m_path + QStringLiteral(": ") + problems.join(QStringLiteral("; ")));
}

Result<QString> CacheDatabase::moveAside(const QString &path)
{
    if (!QFileInfo::exists(path))
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Storage", "There is no local case cache to move aside."), path);
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss"));
    const QList<QString> suffixes = {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                     QStringLiteral(".salt")};

    // A second move within the same second gets a counter rather than overwriting the first.
    QString target = path + QStringLiteral(".damaged-") + stamp;
    for (int n = 2;
         std::any_of(suffixes.begin(), suffixes.end(), [&](const QString &s) { return QFileInfo::exists(target + s); });
         ++n)
        target = path + QStringLiteral(".damaged-%1-%2").arg(stamp).arg(n);

    // All or nothing: a -wal left behind next to a new cache would be replayed into it.
    QList<QString> moved;
    for (const QString &suffix : suffixes) {
        if (!QFileInfo::exists(path + suffix))
            continue;
        QFile file(path + suffix);
        if (!file.rename(target + suffix)) {
            const QString detail = file.fileName() + QStringLiteral(": ") + file.errorString();
            for (const QString &done : moved)
                QFile::rename(target + done, path + done);
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate("Storage", "The local case cache cannot be moved aside. "
                                                                    "Close other programs that use it and check that "
                                                                    "you may write to its folder, then try again."),
                             detail);
        }
        moved.append(suffix);
    }
    qCWarning(lcStorage) << "moved the cache" << path << "aside to" << target;
    return target;
}

int CacheDatabase::currentSchemaVersion()
{
    const auto &migrations = cacheMigrations();
    return migrations.isEmpty() ? 0 : migrations.last().version;
}

int CacheDatabase::schemaVersion() const
{
    auto version = pragmaValue(*m_db, QStringLiteral("PRAGMA user_version"));
    return version ? int(*version) : -1;
}

QString CacheDatabase::path() const
{
    return m_path;
}

Result<void> CacheDatabase::setPageCache(SqliteDatabase &db, int kib)
{
    const qint64 before = pageCacheBytes(db);
    auto set = db.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kib));
#ifdef __GLIBC__
    // SQLite frees the pages beyond a lower limit at once, and glibc would keep that memory in the process
    // (a client after its first pull of 100,000 cases: 176 MB resident, 126 MB with this). A trim takes about
    // 2 ms, so only after a load that grew the cache (not after every pull page that filled the normal one).
    constexpr qint64 WorthTrimming = 16 * 1024 * 1024;
    if (set && before - pageCacheBytes(db) >= WorthTrimming)
        malloc_trim(0);
#endif
    return set;
}

SqliteDatabase &CacheDatabase::sqlite()
{
    return *m_db;
}

Result<void> CacheDatabase::checkpointAfterBigLoad()
{
    if (m_checkpointer) {
        m_checkpointer->start();
        return {};
    }
    return m_db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

WalCheckpointer *CacheDatabase::walCheckpointer()
{
    return m_checkpointer.get();
}

} // namespace casedesk::storage
