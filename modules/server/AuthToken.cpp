#include "server/AuthToken.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace casedesk::server {

QByteArray AuthToken::create()
{
    // sodium_init is idempotent and thread-safe; it fails only when the system has no source of randomness,
    // and then no token may be made at all.
    if (sodium_init() < 0)
        qFatal("libsodium cannot be initialised: no source of randomness");
    QByteArray bytes(Bytes, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool AuthToken::isWellFormed(const QByteArray &token)
{
    if (token.size() != TextLength)
        return false;
    for (const char c : token) {
        const bool ok =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

QByteArray AuthToken::hash(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

} // namespace casedesk::server
