// Password hashes for the server's users: Argon2id through libsodium's crypto_pwhash_str family, with
// libsodium's "interactive" limits (about 64 MiB and a fraction of a second per hash). The stored string
// carries its own salt and parameters, so raising the limits later only needs needsRehash() at login.
#pragma once

#include "core/Result.h"

#include <QString>

namespace casedesk::server {

class PasswordHash {
public:
    // "$argon2id$v=19$m=65536,t=2,p=1$..."; fails only when memory for the hash cannot be had.
    static Result<QString> hash(const QString &password);
    // False for a wrong password and for anything that is not a hash of ours.
    static bool verify(const QString &hash, const QString &password);
    // True when the hash was made with other limits (or is not a hash of ours): hash again after a login.
    static bool needsRehash(const QString &hash);
};

} // namespace casedesk::server
