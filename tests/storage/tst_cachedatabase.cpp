// The encrypted cache file: creation, reopening, encryption at rest, wrong keys, foreign and damaged files,
// newer schemas, moving a cache aside, and the migration runner.
#include "mock/TestSupport.h"
#include "storage/CacheDatabase.h"
#include "storage/CacheSchema.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace casedesk;
using namespace casedesk::storage;

namespace {

// QVERIFY2 evaluates its message even when the check passes: only ask a failed result for its error.
template <typename T> QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

QString marker()
{
    return QStringLiteral("Vertraulich: Bußgeld Müller, Kennzeichen S-XY 1234");
}

QByteArray randomBytes(QRandomGenerator &random, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(random.bounded(256));
    return bytes;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

Result<qint64> scalar(SqliteDatabase &db, const QString &sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    return (*stmt)->int64(0);
}

QStringList schemaOf(SqliteDatabase &db)
{
    QStringList schema;
    auto stmt = db.prepare(QStringLiteral("SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master "
                                          "ORDER BY type, name"));
    while (stmt && (*stmt)->step().value())
        schema.append((*stmt)->text(0));
    return schema;
}

} // namespace

class TestCacheDatabase : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void createAndReopen();
    void connectionSettings();
    void fileHoldsNoPlaintext();
    void newCacheIsOwnerOnly();
    void keyOfWrongLengthIsRefused_data();
    void keyOfWrongLengthIsRefused();
    void wrongKeyLeavesFileUntouched();
    void foreignOrDamagedFile_data();
    void foreignOrDamagedFile();
    void newerSchemaIsRefused();
    void moveAsideMovesSideFiles();
    void moveAsideTwiceKeepsBoth();
    void moveAsideOfMissingFile();
    void unencryptedComparisonCopy();

    void migrationsRunOnce();
    void failingMigrationRollsBack_data();
    void failingMigrationRollsBack();
    void migrationsAheadOfCodeAreRefused();
    void migrationsWithGapsAreRefused();

private:
    QString cachePath() const { return m_dir->filePath(QStringLiteral("cache.db")); }
    QByteArray newKey() { return randomBytes(m_random, CacheDatabase::KeySize); }
    // A closed cache at cachePath() with a probe table of `rows` rows holding the marker.
    void createCache(const QByteArray &key, int rows);

    QRandomGenerator m_random;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCacheDatabase::initTestCase()
{
    m_random.seed(test::testSeed());
    QVERIFY2(CacheDatabase::currentSchemaVersion() >= 1, "the cache schema has at least one migration");
}

void TestCacheDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCacheDatabase::createCache(const QByteArray &key, int rows)
{
    auto cache = CacheDatabase::open(cachePath(), key);
    QVERIFY2(cache, why(cache).constData());
    SqliteDatabase &db = (*cache)->sqlite();
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE test_probe(id INTEGER PRIMARY KEY, secret TEXT, body BLOB)")));
    SqliteTransaction transaction(db);
    QVERIFY(transaction.began());
    for (int i = 0; i < rows; ++i) {
        auto insert = db.prepare(QStringLiteral("INSERT INTO test_probe(secret, body) VALUES (?, ?)"));
        QVERIFY(insert);
        QVERIFY((*insert)->bind(1, marker()).bind(2, randomBytes(m_random, 3000)).run());
    }
    QVERIFY(transaction.commit());
}

void TestCacheDatabase::createAndReopen()
{
    const QByteArray key = newKey();
    QVERIFY(!QFile::exists(cachePath()));
    QStringList schema;
    {
        auto cache = CacheDatabase::open(cachePath(), key);
        QVERIFY2(cache, why(cache).constData());
        QCOMPARE((*cache)->schemaVersion(), CacheDatabase::currentSchemaVersion());
        QCOMPARE((*cache)->path(), cachePath());
        schema = schemaOf((*cache)->sqlite());
        QVERIFY(!schema.isEmpty());
        QVERIFY((*cache)->sqlite().exec(QStringLiteral("CREATE TABLE test_probe(secret TEXT)")));
        auto insert = (*cache)->sqlite().prepare(QStringLiteral("INSERT INTO test_probe VALUES (?)"));
        QVERIFY(insert && (*insert)->bind(1, marker()).run());
        QVERIFY((*cache)->checkIntegrity());
    }
    auto cache = CacheDatabase::open(cachePath(), key);
    QVERIFY2(cache, why(cache).constData());
    QCOMPARE((*cache)->schemaVersion(), CacheDatabase::currentSchemaVersion());
    auto select = (*cache)->sqlite().prepare(QStringLiteral("SELECT secret FROM test_probe"));
    QVERIFY(select && (*select)->step().value());
    QCOMPARE((*select)->text(0), marker());
    QStringList reopened = schemaOf((*cache)->sqlite());
    reopened.removeIf([](const QString &entry) { return entry.contains(QStringLiteral("test_probe")); });
    QCOMPARE(reopened, schema);
}

void TestCacheDatabase::connectionSettings()
{
    auto cache = CacheDatabase::open(cachePath(), newKey());
    QVERIFY2(cache, why(cache).constData());
    SqliteDatabase &db = (*cache)->sqlite();
    auto journal = db.prepare(QStringLiteral("PRAGMA journal_mode"));
    QVERIFY(journal && (*journal)->step().value());
    QCOMPARE((*journal)->text(0), QStringLiteral("wal"));
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).value(), 1);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).value(), 2);  // FULL
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA temp_store")).value(), 2);   // MEMORY
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA page_size")).value(), 4096); // cipher_page_size
}

void TestCacheDatabase::fileHoldsNoPlaintext()
{
    createCache(newKey(), 50);
    const QByteArray bytes = fileBytes(cachePath());
    QVERIFY(bytes.size() > qsizetype(50) * 3000);
    QVERIFY(!bytes.contains("SQLite format 3"));
    QVERIFY(!bytes.contains(marker().toUtf8()));
    QVERIFY(!bytes.contains(QByteArray(reinterpret_cast<const char *>(marker().utf16()), marker().size() * 2)));
    QVERIFY(!bytes.contains("Kennzeichen"));
    QVERIFY(!bytes.contains("CREATE TABLE"));
    // Nothing else was left beside it in plaintext either.
    const QStringList files = QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(files, QStringList{QStringLiteral("cache.db")});
}

void TestCacheDatabase::newCacheIsOwnerOnly()
{
    auto opened = CacheDatabase::open(cachePath(), newKey());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    QVERIFY((*opened)->sqlite().exec(QStringLiteral("CREATE TABLE probe (x)")).ok()); // writes the WAL file
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    for (const QString &file : {cachePath(), cachePath() + QStringLiteral("-wal")}) {
        QVERIFY2(QFileInfo::exists(file), qPrintable(file));
        QCOMPARE(QFileInfo(file).permissions() & others, QFileDevice::Permissions());
    }
}

void TestCacheDatabase::keyOfWrongLengthIsRefused_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("empty") << 0;
    QTest::newRow("16") << 16;
    QTest::newRow("31") << 31;
    QTest::newRow("33") << 33;
    QTest::newRow("64") << 64;
}

void TestCacheDatabase::keyOfWrongLengthIsRefused()
{
    QFETCH(int, size);
    auto cache = CacheDatabase::open(cachePath(), randomBytes(m_random, size));
    QVERIFY(!cache);
    QCOMPARE(cache.error().code, ErrorCode::Invalid);
    QVERIFY(!QFile::exists(cachePath()));
}

void TestCacheDatabase::wrongKeyLeavesFileUntouched()
{
    createCache(newKey(), 5);
    const QByteArray before = fileBytes(cachePath());
    auto cache = CacheDatabase::open(cachePath(), newKey());
    QVERIFY(!cache);
    QCOMPARE(cache.error().code, ErrorCode::WrongKey);
    QVERIFY(cache.error().message.contains(QStringLiteral("move it aside")));
    QVERIFY2(cache.error().detail.contains(QStringLiteral("not a database")), qPrintable(cache.error().detail));
    QCOMPARE(fileBytes(cachePath()), before);
}

enum class Damage { Garbage, Empty, Text, PlainSqlite, Truncate, Flip };

void TestCacheDatabase::foreignOrDamagedFile_data()
{
    QTest::addColumn<Damage>("damage");
    QTest::addColumn<double>("where");     // fraction of the file, for Truncate and Flip
    QTest::addColumn<bool>("openMayWork"); // damage outside the pages open() reads shows in checkIntegrity()

    QTest::newRow("random bytes") << Damage::Garbage << 0.0 << false;
    QTest::newRow("empty file") << Damage::Empty << 0.0 << false;
    QTest::newRow("text file") << Damage::Text << 0.0 << false;
    QTest::newRow("plain SQLite file") << Damage::PlainSqlite << 0.0 << false;
    QTest::newRow("truncated to 100 bytes") << Damage::Truncate << 0.0 << false;
    QTest::newRow("truncated to half") << Damage::Truncate << 0.5 << true;
    QTest::newRow("truncated mid-page") << Damage::Truncate << 0.7 << true;
    QTest::newRow("bytes flipped in page 1") << Damage::Flip << 0.0 << false;
    QTest::newRow("bytes flipped in the middle") << Damage::Flip << 0.5 << true;
    QTest::newRow("bytes flipped near the end") << Damage::Flip << 0.98 << true;
}

void TestCacheDatabase::foreignOrDamagedFile()
{
    QFETCH(Damage, damage);
    QFETCH(double, where);
    QFETCH(bool, openMayWork);

    const QByteArray key = newKey();
    switch (damage) {
    case Damage::Garbage:
        QVERIFY(writeFile(cachePath(), randomBytes(m_random, qsizetype(64) * 1024)));
        break;
    case Damage::Empty:
        QVERIFY(writeFile(cachePath(), QByteArray()));
        break;
    case Damage::Text:
        QVERIFY(
            writeFile(cachePath(),
                      QStringLiteral("Sehr geehrte Damen und Herren,\nanbei mein Antrag.\n").repeated(200).toUtf8()));
        break;
    case Damage::PlainSqlite: {
        auto plain = SqliteDatabase::open(cachePath());
        QVERIFY(plain);
        QVERIFY((*plain)->exec(QStringLiteral("PRAGMA page_size = 4096; CREATE TABLE t(x); "
                                              "INSERT INTO t VALUES ('Klartext');")));
        break;
    }
    case Damage::Truncate:
    case Damage::Flip: {
        createCache(key, 300);
        QByteArray bytes = fileBytes(cachePath());
        if (damage == Damage::Truncate) {
            bytes.truncate(where == 0.0 ? 100 : qsizetype(double(bytes.size()) * where));
        } else {
            // Past SQLCipher's 16-byte salt at the start of page 1, so the page itself is damaged.
            const qsizetype at = where == 0.0 ? 100 : qsizetype(double(bytes.size()) * where);
            for (qsizetype i = at; i < at + 8; ++i)
                bytes[i] = char(bytes[i] ^ 0x5a);
        }
        QVERIFY(writeFile(cachePath(), bytes));
        break;
    }
    }
    const QByteArray before = fileBytes(cachePath());

    {
        auto cache = CacheDatabase::open(cachePath(), key);
        if (cache) {
            QVERIFY2(openMayWork, "the damage must be found when opening");
            auto checked = (*cache)->checkIntegrity();
            QVERIFY(!checked);
            QCOMPARE(checked.error().code, ErrorCode::Corrupt);
            QVERIFY(!checked.error().message.isEmpty());
        } else {
            const ErrorCode code = cache.error().code;
            QVERIFY2(code == ErrorCode::WrongKey || code == ErrorCode::Corrupt, why(cache).constData());
            QVERIFY(!cache.error().message.isEmpty());
        }
    }
    QCOMPARE(fileBytes(cachePath()), before);
}

void TestCacheDatabase::newerSchemaIsRefused()
{
    const QByteArray key = newKey();
    {
        auto cache = CacheDatabase::open(cachePath(), key);
        QVERIFY(cache);
        QVERIFY((*cache)->sqlite().exec(
            QStringLiteral("PRAGMA user_version = %1").arg(CacheDatabase::currentSchemaVersion() + 1)));
    }
    const QByteArray before = fileBytes(cachePath());
    auto cache = CacheDatabase::open(cachePath(), key);
    QVERIFY(!cache);
    QCOMPARE(cache.error().code, ErrorCode::NewerSchema);
    QVERIFY(cache.error().message.contains(QStringLiteral("newer version")));
    QCOMPARE(fileBytes(cachePath()), before);
}

void TestCacheDatabase::moveAsideMovesSideFiles()
{
    createCache(newKey(), 3);
    // Side files as a crash would leave them; moveAside must take each along.
    const QStringList suffixes = {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".salt")};
    QVERIFY(writeFile(cachePath() + QStringLiteral("-wal"), "wal bytes"));
    QVERIFY(writeFile(cachePath() + QStringLiteral("-shm"), "shm bytes"));
    QVERIFY(writeFile(cachePath() + QStringLiteral(".salt"), "salt bytes"));
    QHash<QString, QByteArray> contents;
    for (const QString &suffix : suffixes)
        contents.insert(suffix, fileBytes(cachePath() + suffix));

    auto moved = CacheDatabase::moveAside(cachePath());
    QVERIFY2(moved, why(moved).constData());
    const QRegularExpression name(QRegularExpression::anchoredPattern(QRegularExpression::escape(cachePath()) +
                                                                      QStringLiteral("\\.damaged-\\d{8}T\\d{6}")));
    QVERIFY2(name.match(*moved).hasMatch(), qPrintable(*moved));
    for (const QString &suffix : suffixes) {
        QVERIFY2(!QFile::exists(cachePath() + suffix), qPrintable(suffix));
        QCOMPARE(fileBytes(*moved + suffix), contents.value(suffix));
    }

    // The way out works: a new cache opens in the old place.
    auto fresh = CacheDatabase::open(cachePath(), newKey());
    QVERIFY2(fresh, why(fresh).constData());
    QCOMPARE((*fresh)->schemaVersion(), CacheDatabase::currentSchemaVersion());
}

void TestCacheDatabase::moveAsideTwiceKeepsBoth()
{
    QVERIFY(writeFile(cachePath(), "erster"));
    auto first = CacheDatabase::moveAside(cachePath());
    QVERIFY(first);
    QVERIFY(writeFile(cachePath(), "zweiter"));
    auto second = CacheDatabase::moveAside(cachePath());
    QVERIFY(second);
    QVERIFY(*first != *second);
    QCOMPARE(fileBytes(*first), QByteArray("erster"));
    QCOMPARE(fileBytes(*second), QByteArray("zweiter"));
}

void TestCacheDatabase::moveAsideOfMissingFile()
{
    auto moved = CacheDatabase::moveAside(cachePath());
    QVERIFY(!moved);
    QCOMPARE(moved.error().code, ErrorCode::NotFound);
}

void TestCacheDatabase::unencryptedComparisonCopy()
{
    const QString plainPath = m_dir->filePath(QStringLiteral("plain.db"));
    {
        auto plain = CacheDatabase::openUnencryptedForComparison(plainPath);
        QVERIFY2(plain, why(plain).constData());
        QCOMPARE((*plain)->schemaVersion(), CacheDatabase::currentSchemaVersion());
        QCOMPARE(scalar((*plain)->sqlite(), QStringLiteral("PRAGMA page_size")).value(), 4096);
        QVERIFY((*plain)->sqlite().exec(QStringLiteral("CREATE TABLE test_probe(secret TEXT); "
                                                       "INSERT INTO test_probe VALUES ('Klartext-Probe');")));
    }
    // The plaintext search of fileHoldsNoPlaintext() does find plaintext where there is some.
    const QByteArray bytes = fileBytes(plainPath);
    QVERIFY(bytes.startsWith("SQLite format 3"));
    QVERIFY(bytes.contains("Klartext-Probe"));

    // An encrypted cache is no plain database.
    createCache(newKey(), 1);
    auto encrypted = CacheDatabase::openUnencryptedForComparison(cachePath());
    QVERIFY(!encrypted);
    QCOMPARE(encrypted.error().code, ErrorCode::WrongKey);
}

namespace {

struct MigrationLog {
    QList<int> ran;
    QList<Migration> list(int count, int failing = 0, bool failBySql = false)
    {
        QList<Migration> migrations;
        for (int v = 1; v <= count; ++v) {
            migrations.append({v, QStringLiteral("test %1").arg(v), [=, this](SqliteDatabase &db) -> Result<void> {
                                   ran.append(v);
                                   if (auto created = db.exec(QStringLiteral("CREATE TABLE m%1(x)").arg(v)); !created)
                                       return created;
                                   if (v != failing)
                                       return {};
                                   if (failBySql)
                                       return db.exec(QStringLiteral("INSERT INTO nirgends VALUES (1)"));
                                   return makeError(ErrorCode::Invalid, QStringLiteral("Migration %1 failed").arg(v));
                               }});
        }
        return migrations;
    }
};

bool hasTable(SqliteDatabase &db, const QString &name)
{
    auto stmt = db.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = ?"));
    return stmt && (*stmt)->bind(1, name).step().value() && (*stmt)->int64(0) == 1;
}

} // namespace

void TestCacheDatabase::migrationsRunOnce()
{
    auto db = SqliteDatabase::open(cachePath());
    QVERIFY(db);
    MigrationLog log;
    QVERIFY(CacheDatabase::migrate(**db, log.list(3)));
    QCOMPARE(log.ran, (QList<int>{1, 2, 3}));
    QCOMPARE(scalar(**db, QStringLiteral("PRAGMA user_version")).value(), 3);

    QVERIFY(CacheDatabase::migrate(**db, log.list(3)));
    QCOMPARE(log.ran, (QList<int>{1, 2, 3}));

    QVERIFY(CacheDatabase::migrate(**db, log.list(5)));
    QCOMPARE(log.ran, (QList<int>{1, 2, 3, 4, 5}));
    QCOMPARE(scalar(**db, QStringLiteral("PRAGMA user_version")).value(), 5);
}

void TestCacheDatabase::failingMigrationRollsBack_data()
{
    QTest::addColumn<bool>("failBySql");
    QTest::newRow("migration returns an error") << false;
    QTest::newRow("SQL of the migration fails") << true;
}

void TestCacheDatabase::failingMigrationRollsBack()
{
    QFETCH(bool, failBySql);
    auto db = SqliteDatabase::open(cachePath());
    QVERIFY(db);
    MigrationLog log;
    auto migrated = CacheDatabase::migrate(**db, log.list(3, 2, failBySql));
    QVERIFY(!migrated);
    QVERIFY2(migrated.error().detail.contains(QStringLiteral("migration 2")), qPrintable(migrated.error().detail));
    QCOMPARE(log.ran, (QList<int>{1, 2}));
    QCOMPARE(scalar(**db, QStringLiteral("PRAGMA user_version")).value(), 1);
    QVERIFY(hasTable(**db, QStringLiteral("m1")));
    QVERIFY(!hasTable(**db, QStringLiteral("m2"))); // nothing half-migrated
    QVERIFY(!hasTable(**db, QStringLiteral("m3")));

    QVERIFY(CacheDatabase::migrate(**db, log.list(3)));
    QCOMPARE(log.ran, (QList<int>{1, 2, 2, 3}));
    QCOMPARE(scalar(**db, QStringLiteral("PRAGMA user_version")).value(), 3);
}

void TestCacheDatabase::migrationsAheadOfCodeAreRefused()
{
    auto db = SqliteDatabase::open(cachePath());
    QVERIFY(db);
    QVERIFY((*db)->exec(QStringLiteral("PRAGMA user_version = 4")));
    MigrationLog log;
    auto migrated = CacheDatabase::migrate(**db, log.list(3));
    QVERIFY(!migrated);
    QCOMPARE(migrated.error().code, ErrorCode::NewerSchema);
    QVERIFY(log.ran.isEmpty());
}

void TestCacheDatabase::migrationsWithGapsAreRefused()
{
    auto db = SqliteDatabase::open(cachePath());
    QVERIFY(db);
    MigrationLog log;
    QList<Migration> migrations = log.list(3);
    migrations.removeAt(1);
    auto migrated = CacheDatabase::migrate(**db, migrations);
    QVERIFY(!migrated);
    QCOMPARE(migrated.error().code, ErrorCode::Internal);
    QVERIFY(log.ran.isEmpty());
}

QTEST_GUILESS_MAIN(TestCacheDatabase)
#include "tst_cachedatabase.moc"
