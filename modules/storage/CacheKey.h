// Where the cache key comes from: a random 256-bit key in the OS keychain (QtKeychain), or, where no
// keychain is reachable, a key derived from a passphrase with Argon2id (libsodium). Never in plaintext.
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace casedesk::storage {

class CacheKey {
public:
    // Reads the key for `cacheName` from the keychain, creating and storing a random one when there is
    // none and `createIfMissing`. Error KeychainUnavailable when no Secret Service / keychain answers.
    // Blocks the calling thread with a local event loop until the keychain answers (it is fast).
    static Result<QByteArray> fromKeychain(const QString &cacheName, bool createIfMissing);
    static Result<void> removeFromKeychain(const QString &cacheName);

    // Argon2id (libsodium's interactive limits, see CacheKey.cpp) over the passphrase with the cache's salt,
    // which is kept in "<cachePath>.salt" (16 random bytes, not secret, mode 0600) and created when absent.
    // Empty passphrase: Invalid. A salt file of the wrong size: Corrupt (never replaced).
    static Result<QByteArray> fromPassphrase(const QString &cachePath, const QString &passphrase);
};

} // namespace casedesk::storage
