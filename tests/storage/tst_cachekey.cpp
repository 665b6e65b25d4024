// Where the cache key comes from: the real keychain (run under tests/with-keychain.sh: a throwaway D-Bus
// session with an unlocked gnome-keyring) and the passphrase fallback (Argon2id with a salt file).
#include "mock/TestSupport.h"
#include "storage/CacheDatabase.h"
#include "storage/CacheKey.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <qt6keychain/keychain.h>

using namespace casedesk;
using namespace casedesk::storage;

namespace {

template <typename T> QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCacheKey : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void keychainCreatesAndReadsBack();
    void keychainKeysDifferPerCache();
    void keychainWithoutCreateIsNotFound();
    void keychainRemove();
    void keychainKeyOpensCache();
    void keychainDamagedEntryIsCorrupt();
    void keychainNeedsACacheName();

    void passphraseIsRepeatable();
    void passphrasesDiffer();
    void saltFileIsPrivateAndReused();
    void saltDiffersPerCache();
    void saltOfWrongSizeIsCorrupt_data();
    void saltOfWrongSizeIsCorrupt();
    void emptyPassphraseIsInvalid();
    void passphraseKeyOpensCache();

private:
    QString uniqueName(const char *what) const
    {
        return QStringLiteral("tst-%1-%2").arg(QLatin1String(what)).arg(m_run);
    }
    QString cachePath() const { return m_dir->filePath(QStringLiteral("cache.db")); }

    quint32 m_run = 0;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCacheKey::initTestCase()
{
    // Names unique per run, so a test never reads a key an earlier run left behind.
    m_run = test::testSeed();
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("no D-Bus session: run this test through tests/with-keychain.sh (ctest does)");
}

void TestCacheKey::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCacheKey::keychainCreatesAndReadsBack()
{
    const QString name = uniqueName("create");
    auto created = CacheKey::fromKeychain(name, true);
    QVERIFY2(created, why(created).constData());
    QCOMPARE(created->size(), CacheDatabase::KeySize);
    QVERIFY(*created != QByteArray(CacheDatabase::KeySize, '\0'));

    auto read = CacheKey::fromKeychain(name, false);
    QVERIFY2(read, why(read).constData());
    QCOMPARE(*read, *created);
    auto readAgain = CacheKey::fromKeychain(name, true); // present: not replaced
    QVERIFY(readAgain);
    QCOMPARE(*readAgain, *created);
    QVERIFY(CacheKey::removeFromKeychain(name));
}

void TestCacheKey::keychainKeysDifferPerCache()
{
    auto first = CacheKey::fromKeychain(uniqueName("first"), true);
    auto second = CacheKey::fromKeychain(uniqueName("second"), true);
    QVERIFY2(first, why(first).constData());
    QVERIFY2(second, why(second).constData());
    QVERIFY(*first != *second);
    QVERIFY(CacheKey::removeFromKeychain(uniqueName("first")));
    QVERIFY(CacheKey::removeFromKeychain(uniqueName("second")));
}

void TestCacheKey::keychainWithoutCreateIsNotFound()
{
    auto missing = CacheKey::fromKeychain(uniqueName("missing"), false);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(!missing.error().message.isEmpty());
    auto stillMissing = CacheKey::fromKeychain(uniqueName("missing"), false); // and nothing was created
    QVERIFY(!stillMissing);
    QCOMPARE(stillMissing.error().code, ErrorCode::NotFound);
}

void TestCacheKey::keychainRemove()
{
    const QString name = uniqueName("remove");
    auto created = CacheKey::fromKeychain(name, true);
    QVERIFY2(created, why(created).constData());
    auto removed = CacheKey::removeFromKeychain(name);
    QVERIFY2(removed, why(removed).constData());
    auto read = CacheKey::fromKeychain(name, false);
    QVERIFY(!read);
    QCOMPARE(read.error().code, ErrorCode::NotFound);
    QVERIFY(CacheKey::removeFromKeychain(name)); // removing what is not there is fine

    auto recreated = CacheKey::fromKeychain(name, true);
    QVERIFY(recreated);
    QVERIFY(*recreated != *created);
    QVERIFY(CacheKey::removeFromKeychain(name));
}

void TestCacheKey::keychainKeyOpensCache()
{
    const QString name = uniqueName("open");
    {
        auto key = CacheKey::fromKeychain(name, true);
        QVERIFY2(key, why(key).constData());
        auto cache = CacheDatabase::open(cachePath(), *key);
        QVERIFY2(cache, why(cache).constData());
    }
    auto key = CacheKey::fromKeychain(name, false);
    QVERIFY(key);
    auto cache = CacheDatabase::open(cachePath(), *key);
    QVERIFY2(cache, why(cache).constData());
    QVERIFY(CacheKey::removeFromKeychain(name));
}

void TestCacheKey::keychainDamagedEntryIsCorrupt()
{
    // Written with QtKeychain directly, as another program (or an older bug) could have left it.
    const QString name = uniqueName("damaged");
    QKeychain::WritePasswordJob job(QStringLiteral("CaseDesk"));
    job.setAutoDelete(false);
    job.setKey(QStringLiteral("cache-key/") + name);
    job.setBinaryData(QByteArray("too short"));
    QEventLoop loop;
    connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    QCOMPARE(job.error(), QKeychain::NoError);

    auto key = CacheKey::fromKeychain(name, true);
    QVERIFY(!key);
    QCOMPARE(key.error().code, ErrorCode::Corrupt);
    QVERIFY(CacheKey::removeFromKeychain(name));
}

void TestCacheKey::keychainNeedsACacheName()
{
    auto key = CacheKey::fromKeychain(QString(), true);
    QVERIFY(!key);
    QCOMPARE(key.error().code, ErrorCode::Invalid);
}

void TestCacheKey::passphraseIsRepeatable()
{
    const QString passphrase = QStringLiteral("Grüne Wiese am Neckar ß 42");
    auto first = CacheKey::fromPassphrase(cachePath(), passphrase);
    QVERIFY2(first, why(first).constData());
    QCOMPARE(first->size(), CacheDatabase::KeySize);
    auto second = CacheKey::fromPassphrase(cachePath(), passphrase);
    QVERIFY(second);
    QCOMPARE(*second, *first);
}

void TestCacheKey::passphrasesDiffer()
{
    auto first = CacheKey::fromPassphrase(cachePath(), QStringLiteral("Rathaus"));
    auto second = CacheKey::fromPassphrase(cachePath(), QStringLiteral("rathaus"));
    QVERIFY(first && second);
    QVERIFY(*first != *second);
}

void TestCacheKey::saltFileIsPrivateAndReused()
{
    const QString saltPath = cachePath() + QStringLiteral(".salt");
    QVERIFY(!QFile::exists(saltPath));
    QVERIFY(CacheKey::fromPassphrase(cachePath(), QStringLiteral("geheim")));
    QVERIFY(QFile::exists(saltPath));
    const QByteArray salt = fileBytes(saltPath);
    QCOMPARE(salt.size(), 16);
    const QFile::Permissions others =
        QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    const QFile::Permissions permissions = QFileInfo(saltPath).permissions();
    QVERIFY(permissions.testFlags(QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY2(!(permissions & others), qPrintable(QString::number(int(permissions), 16)));
    // Only the salt is left in the folder: no temporary file, and never the key.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("cache.db.salt")});

    QVERIFY(CacheKey::fromPassphrase(cachePath(), QStringLiteral("geheim")));
    QCOMPARE(fileBytes(saltPath), salt);
}

void TestCacheKey::saltDiffersPerCache()
{
    const QString otherPath = m_dir->filePath(QStringLiteral("other.db"));
    auto first = CacheKey::fromPassphrase(cachePath(), QStringLiteral("gleich"));
    auto second = CacheKey::fromPassphrase(otherPath, QStringLiteral("gleich"));
    QVERIFY(first && second);
    QVERIFY(fileBytes(cachePath() + QStringLiteral(".salt")) != fileBytes(otherPath + QStringLiteral(".salt")));
    QVERIFY(*first != *second);
}

void TestCacheKey::saltOfWrongSizeIsCorrupt_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("empty") << 0;
    QTest::newRow("15 bytes") << 15;
    QTest::newRow("17 bytes") << 17;
    QTest::newRow("4 KiB") << 4096;
}

void TestCacheKey::saltOfWrongSizeIsCorrupt()
{
    QFETCH(int, size);
    const QString saltPath = cachePath() + QStringLiteral(".salt");
    QByteArray salt(size, 'x');
    {
        QFile file(saltPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(salt), qint64(size));
    }
    auto key = CacheKey::fromPassphrase(cachePath(), QStringLiteral("geheim"));
    QVERIFY(!key);
    QCOMPARE(key.error().code, ErrorCode::Corrupt);
    QVERIFY(!key.error().message.isEmpty());
    QCOMPARE(fileBytes(saltPath), salt); // never replaced: that would silently change the key
}

void TestCacheKey::emptyPassphraseIsInvalid()
{
    auto key = CacheKey::fromPassphrase(cachePath(), QString());
    QVERIFY(!key);
    QCOMPARE(key.error().code, ErrorCode::Invalid);
    QVERIFY(!QFile::exists(cachePath() + QStringLiteral(".salt")));
    auto blank = CacheKey::fromPassphrase(cachePath(), QStringLiteral(""));
    QVERIFY(!blank);
    QCOMPARE(blank.error().code, ErrorCode::Invalid);
}

void TestCacheKey::passphraseKeyOpensCache()
{
    {
        auto key = CacheKey::fromPassphrase(cachePath(), QStringLiteral("Stuttgart 21"));
        QVERIFY(key);
        auto cache = CacheDatabase::open(cachePath(), *key);
        QVERIFY2(cache, why(cache).constData());
    }
    auto same = CacheKey::fromPassphrase(cachePath(), QStringLiteral("Stuttgart 21"));
    QVERIFY(same);
    QVERIFY2(CacheDatabase::open(cachePath(), *same), "the same passphrase opens the cache again");
    auto other = CacheKey::fromPassphrase(cachePath(), QStringLiteral("Stuttgart 22"));
    QVERIFY(other);
    auto refused = CacheDatabase::open(cachePath(), *other);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::WrongKey);
}

QTEST_GUILESS_MAIN(TestCacheKey)
#include "tst_cachekey.moc"
