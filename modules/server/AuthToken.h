// Access and refresh tokens: 256 random bits from libsodium, sent as base64url (43 characters). The database
// keeps only their SHA-256, so a copy of it lets no one in, and every server process can check any token.
#pragma once

#include <QByteArray>

namespace casedesk::server {

class AuthToken {
public:
    static constexpr int Bytes = 32;
    static constexpr int TextLength = 43; // base64url of 32 bytes, without padding

    static QByteArray create();
    // False for anything that cannot be a token of ours: answered without asking the database.
    static bool isWellFormed(const QByteArray &token);
    static QByteArray hash(const QByteArray &token); // SHA-256, as stored
};

} // namespace casedesk::server
