#include "storage/CacheKey.h"

#include "storage/CacheDatabase.h"
#include "storage/StorageLog.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>
#include <sodium.h>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace casedesk::storage {

namespace {

constexpr QLatin1String KeychainService("CaseDesk");

// A keychain that asks the user to unlock it waits for them; one that never answers is given up on after
// this long so the application can offer the passphrase instead of hanging.
constexpr int KeychainTimeoutMs = 120'000;

// Argon2id with libsodium's "interactive" limits (2 passes, 64 MiB): the key is derived at every start on
// modest office PCs (about 0.1 s there instead of the 0.7 s and 256 MiB of "moderate"), the passphrase is
// only the fallback where no keychain exists, and the salt keeps precomputed tables useless.
constexpr unsigned long long PwhashOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t PwhashMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

QString keychainKey(const QString &cacheName)
{
    return QStringLiteral("cache-key/") + cacheName;
}

Result<void> ensureSodium()
{
    static const int initialized = sodium_init(); // once per process; thread-safe static
    if (initialized < 0)
        return makeError(ErrorCode::Internal,
                         QCoreApplication::translate("Storage", "The encryption library could not be started. "
                                                                "Please report this problem to your IT support."),
                         QStringLiteral("sodium_init failed"));
    return {};
}

Error keychainUnavailable(const QString &detail)
{
    return makeError(ErrorCode::KeychainUnavailable,
                     QCoreApplication::translate("Storage", "The system keychain cannot be reached, so the key of the "
                                                            "local case cache cannot be kept there. CaseDesk asks "
                                                            "for a cache passphrase instead."),
                     detail);
}

Result<void> checkPreconditions(const QString &cacheName)
{
    // QtKeychain's jobs are QObjects that deliver their answers through events.
    if (!QCoreApplication::instance())
        return makeError(ErrorCode::Internal,
                         QCoreApplication::translate("Storage", "The system keychain cannot be used yet. Please "
                                                                "report this problem to your IT support."),
                         QStringLiteral("CacheKey needs a QCoreApplication instance"));
    if (cacheName.isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Storage", "No name was given for the local case cache."));
    return {};
}

// Runs a keychain job to its end in a local event loop, so callers need no running application loop.
// Returns false on timeout; the job then deletes itself whenever the keychain finally answers.
template <typename JobT> bool runJob(std::unique_ptr<JobT> &job)
{
    job->setAutoDelete(false);
    bool finished = false;
    QEventLoop loop;
    QObject::connect(job.get(), &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(KeychainTimeoutMs);
    job->start();
    if (!finished)
        loop.exec();
    if (!finished) {
        QObject::disconnect(job.get(), nullptr, &loop, nullptr);
        job->setAutoDelete(true);
        static_cast<void>(job.release()); // now owned by itself: deleted once the keychain answers
    }
    return finished;
}

Result<QByteArray> storeNewKey(const QString &cacheName)
{
    QByteArray key(CacheDatabase::KeySize, Qt::Uninitialized);
    randombytes_buf(key.data(), size_t(key.size()));
    auto job = std::make_unique<QKeychain::WritePasswordJob>(QString(KeychainService));
    job->setKey(keychainKey(cacheName));
    job->setBinaryData(key);
    if (!runJob(job))
        return keychainUnavailable(QStringLiteral("writing the cache key timed out"));
    if (job->error() != QKeychain::NoError) {
        sodium_memzero(key.data(), size_t(key.size()));
        return keychainUnavailable(QStringLiteral("writing the cache key: %1 (QtKeychain error %2)")
                                       .arg(job->errorString())
                                       .arg(int(job->error())));
    }
    qCInfo(lcStorage) << "created a new cache key in the keychain for" << cacheName;
    return key;
}

// The salt beside the cache: read it, or create it atomically (temporary file, then rename) so a crash
// never leaves half a salt behind, which would silently change the key.
Result<QByteArray> loadOrCreateSalt(const QString &cachePath)
{
    const QString saltPath = cachePath + QStringLiteral(".salt");
    const auto damaged = [&](const QString &detail) {
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Storage", "The salt file of the local case cache is damaged, "
                                                                "so the cache key cannot be derived. You can move the "
                                                                "cache aside; CaseDesk then builds a new cache and "
                                                                "fetches your cases from the server again."),
                         saltPath + QStringLiteral(": ") + detail);
    };
    const auto ioError = [&](const QFile &file) {
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Storage", "The salt file of the local case cache cannot be read "
                                                                "or written. Check that you may write to the cache "
                                                                "folder, then try again."),
                         file.fileName() + QStringLiteral(": ") + file.errorString());
    };
    const auto readSalt = [&]() -> Result<QByteArray> {
        QFile file(saltPath);
        if (!file.open(QIODevice::ReadOnly))
            return ioError(file);
        const QByteArray salt = file.read(crypto_pwhash_SALTBYTES + 1);
        if (salt.size() != crypto_pwhash_SALTBYTES)
            return damaged(QStringLiteral("%1 bytes instead of %2").arg(salt.size()).arg(crypto_pwhash_SALTBYTES));
        return salt;
    };
    if (QFile::exists(saltPath))
        return readSalt();

    QByteArray salt(crypto_pwhash_SALTBYTES, Qt::Uninitialized);
    randombytes_buf(salt.data(), size_t(salt.size()));
    QByteArray suffix(8, Qt::Uninitialized);
    randombytes_buf(suffix.data(), size_t(suffix.size()));
    QFile temp(saltPath + QStringLiteral(".tmp-") + QString::fromLatin1(suffix.toHex()));
    if (!temp.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return ioError(temp);
    bool written = temp.write(salt) == salt.size() && temp.flush();
#ifdef Q_OS_UNIX
    written = written && ::fsync(temp.handle()) == 0; // the salt must be on disk before its name is
#endif
    temp.close();
    if (!written) {
        temp.remove();
        return ioError(temp);
    }
    // QFile::rename never replaces: if another process created the salt meanwhile, theirs wins.
    if (!temp.rename(saltPath)) {
        temp.remove();
        if (QFile::exists(saltPath))
            return readSalt();
        return ioError(temp);
    }
    qCInfo(lcStorage) << "created the passphrase salt" << saltPath;
    return salt;
}

} // namespace

Result<QByteArray> CacheKey::fromKeychain(const QString &cacheName, bool createIfMissing)
{
    if (auto ok = checkPreconditions(cacheName); !ok)
        return ok.error();
    if (auto ok = ensureSodium(); !ok)
        return ok.error();

    auto job = std::make_unique<QKeychain::ReadPasswordJob>(QString(KeychainService));
    job->setKey(keychainKey(cacheName));
    if (!runJob(job))
        return keychainUnavailable(QStringLiteral("reading the cache key timed out"));
    switch (job->error()) {
    case QKeychain::NoError: {
        QByteArray key = job->binaryData();
        if (key.size() != CacheDatabase::KeySize) {
            sodium_memzero(key.data(), size_t(key.size()));
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate("Storage",
                                                         "The key of the local case cache in the system keychain is "
                                                         "damaged. You can move the cache aside; CaseDesk then "
                                                         "creates a new key and cache and fetches your cases from the "
                                                         "server again."),
                             QStringLiteral("stored key has %1 bytes").arg(key.size()));
        }
        return key;
    }
    case QKeychain::EntryNotFound:
        if (createIfMissing)
            return storeNewKey(cacheName);
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Storage", "The system keychain holds no key for the local case "
                                                                "cache. You can move the cache aside; CaseDesk then "
                                                                "builds a new cache and fetches your cases from the "
                                                                "server again."),
                         keychainKey(cacheName));
    default:
        return keychainUnavailable(QStringLiteral("reading the cache key: %1 (QtKeychain error %2)")
                                       .arg(job->errorString())
                                       .arg(int(job->error())));
    }
}

Result<void> CacheKey::removeFromKeychain(const QString &cacheName)
{
    if (auto ok = checkPreconditions(cacheName); !ok)
        return ok.error();
    auto job = std::make_unique<QKeychain::DeletePasswordJob>(QString(KeychainService));
    job->setKey(keychainKey(cacheName));
    if (!runJob(job))
        return keychainUnavailable(QStringLiteral("removing the cache key timed out"));
    // Removing a key that is not there leaves the keychain as wanted.
    if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
        return keychainUnavailable(QStringLiteral("removing the cache key: %1 (QtKeychain error %2)")
                                       .arg(job->errorString())
                                       .arg(int(job->error())));
    return {};
}

Result<QByteArray> CacheKey::fromPassphrase(const QString &cachePath, const QString &passphrase)
{
    if (passphrase.isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Storage", "Enter a passphrase for the local case cache."));
    if (cachePath.isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Storage", "No file was given for the local case cache."));
    if (auto ok = ensureSodium(); !ok)
        return ok.error();
    auto salt = loadOrCreateSalt(cachePath);
    if (!salt)
        return salt.error();

    QByteArray secret = passphrase.toUtf8();
    QByteArray key(CacheDatabase::KeySize, Qt::Uninitialized);
    const int rc = crypto_pwhash(reinterpret_cast<unsigned char *>(key.data()), size_t(key.size()), secret.constData(),
                                 size_t(secret.size()), reinterpret_cast<const unsigned char *>(salt->constData()),
                                 PwhashOps, PwhashMem, crypto_pwhash_ALG_ARGON2ID13);
    sodium_memzero(secret.data(), size_t(secret.size()));
    if (rc != 0) {
        sodium_memzero(key.data(), size_t(key.size()));
        return makeError(ErrorCode::Internal,
                         QCoreApplication::translate("Storage", "There is not enough memory to derive the cache key "
                                                                "from the passphrase. Close other programs and try "
                                                                "again."),
                         QStringLiteral("crypto_pwhash failed"));
    }
    return key;
}

} // namespace casedesk::storage
