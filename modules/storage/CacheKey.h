// Where the cache key comes from: a random 256-bit key in the OS keychain (QtKeychain), or, where no
// keychain is reachable, a key derived from a passphrase with Argon2id (libsodium). Never in plaintext.
//
// Every keychain job of the process (the cache key here, the session tokens of sync::KeychainTokenStore) runs on
// ONE keychain thread with its own event loop, through runKeychainJob(): libsecret binds its D-Bus connection to
// the thread that first uses it, and its objects must not be used from two threads.
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace QKeychain {
class Job;
}

namespace casedesk::storage {

class CacheKey {
public:
    // Reads the key for `cacheName` from the keychain, creating and storing a random one when there is
    // none and `createIfMissing`. Error KeychainUnavailable when no Secret Service / keychain answers.
    // Blocks the calling thread (without an event loop) until the keychain thread has the answer (it is fast).
    static Result<QByteArray> fromKeychain(const QString &cacheName, bool createIfMissing);
    static Result<void> removeFromKeychain(const QString &cacheName);

    // Argon2id (libsodium's interactive limits, see CacheKey.cpp) over the passphrase with the cache's salt,
    // which is kept in "<cachePath>.salt" (16 random bytes, not secret, mode 0600) and created when absent.
    // Empty passphrase: Invalid. A salt file of the wrong size: Corrupt (never replaced).
    static Result<QByteArray> fromPassphrase(const QString &cachePath, const QString &passphrase);
    // Where fromPassphrase() keeps the salt; a cache with one there was made with a passphrase.
    static QString saltPath(const QString &cachePath);

    // What one keychain job came to.
    struct JobOutcome {
        bool finished = false; // false: the keychain did not answer in time
        int error = 0;         // QKeychain::Error
        QString errorString;
        QByteArray data; // what a read job found

        QString describe(const QString &what) const;
    };
    // Creates the job with `make` on the keychain thread, starts it and waits for its end (or a timeout of two
    // minutes, for a keychain that waits for the user to unlock it). `make` owns copies of what it needs: after a
    // timeout it may still run when the caller is gone. Needs a QCoreApplication (the thread ends with it).
    static JobOutcome runKeychainJob(std::function<QKeychain::Job *()> make);
};

} // namespace casedesk::storage
