#include "storage/CacheKey.h"

#include "storage/CacheDatabase.h"
#include "storage/StorageLog.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>
#include <qt6keychain/keychain.h>

#include <chrono>
#include <future>
#include <memory>
#include <sodium.h>
#include <utility>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace casedesk::storage {

namespace {

constexpr QLatin1String KeychainService("CaseDesk");

// A keychain that asks the user to unlock it waits for them; one that never answers is given up on after
// this long so the application can offer the passphrase (or the session fails with an error) instead of hanging.
constexpr std::chrono::seconds KeychainTimeout{120};

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
    // The keychain thread ends with the application (qAddPostRoutine).
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

// One thread for the whole process, started at first use and kept to the end: libsecret binds its D-Bus
// connection to the event loop of the thread that first uses it, and once that thread has ended every later
// job waits forever.
QObject *keychainContext()
{
    static QObject *const context = [] {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("casedesk-keychain"));
        auto *object = new QObject;
        object->moveToThread(thread);
        thread->start();
        qAddPostRoutine([] {
            keychainContext()->thread()->quit();
            keychainContext()->thread()->wait();
        });
        return object;
    }();
    return context;
}

Result<QByteArray> storeNewKey(const QString &cacheName)
{
    QByteArray key(CacheDatabase::KeySize, Qt::Uninitialized);
    randombytes_buf(key.data(), size_t(key.size()));
    const CacheKey::JobOutcome outcome = CacheKey::runKeychainJob([name = keychainKey(cacheName), key] {
        auto *job = new QKeychain::WritePasswordJob(QString(KeychainService));
        job->setKey(name);
        job->setBinaryData(key);
        return job;
    });
    if (!outcome.finished || outcome.error != QKeychain::NoError) {
        sodium_memzero(key.data(), size_t(key.size()));
        return keychainUnavailable(outcome.describe(QStringLiteral("writing the cache key")));
    }
    qCInfo(lcStorage) << "created a new cache key in the keychain for" << cacheName;
    return key;
}

// The salt beside the cache: read it, or create it atomically (temporary file, then rename) so a crash
// never leaves half a salt behind, which would silently change the key.
Result<QByteArray> loadOrCreateSalt(const QString &cachePath)
{
    const QString saltPath = CacheKey::saltPath(cachePath);
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

    CacheKey::JobOutcome outcome = runKeychainJob([name = keychainKey(cacheName)] {
        auto *job = new QKeychain::ReadPasswordJob(QString(KeychainService));
        job->setKey(name);
        return job;
    });
    if (!outcome.finished)
        return keychainUnavailable(outcome.describe(QStringLiteral("reading the cache key")));
    switch (outcome.error) {
    case QKeychain::NoError: {
        QByteArray key = std::exchange(outcome.data, {});
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
        return keychainUnavailable(outcome.describe(QStringLiteral("reading the cache key")));
    }
}

Result<void> CacheKey::removeFromKeychain(const QString &cacheName)
{
    if (auto ok = checkPreconditions(cacheName); !ok)
        return ok.error();
    const JobOutcome outcome = runKeychainJob([name = keychainKey(cacheName)] {
        auto *job = new QKeychain::DeletePasswordJob(QString(KeychainService));
        job->setKey(name);
        return job;
    });
    // Removing a key that is not there leaves the keychain as wanted.
    if (outcome.finished && (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound))
        return {};
    return keychainUnavailable(outcome.describe(QStringLiteral("removing the cache key")));
}

QString CacheKey::JobOutcome::describe(const QString &what) const
{
    if (!finished)
        return what + QStringLiteral(" timed out");
    return QStringLiteral("%1: %2 (QtKeychain error %3)").arg(what, errorString).arg(error);
}

CacheKey::JobOutcome CacheKey::runKeychainJob(std::function<QKeychain::Job *()> make)
{
    // Shared with the keychain thread, which may fill it after a timeout has made us stop waiting.
    auto promise = std::make_shared<std::promise<JobOutcome>>();
    std::future<JobOutcome> answer = promise->get_future();
    QMetaObject::invokeMethod(keychainContext(), [make = std::move(make), promise] {
        QKeychain::Job *job = make(); // deletes itself once finished
        QObject::connect(job, &QKeychain::Job::finished, job, [promise](QKeychain::Job *finished) {
            JobOutcome outcome{true, int(finished->error()), finished->errorString(), {}};
            if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                outcome.data = read->binaryData();
            promise->set_value(std::move(outcome));
        });
        job->start();
    });
    if (answer.wait_for(KeychainTimeout) != std::future_status::ready)
        return {};
    return answer.get();
}

QString CacheKey::saltPath(const QString &cachePath)
{
    return cachePath + QStringLiteral(".salt");
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
