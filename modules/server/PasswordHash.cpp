#include "server/PasswordHash.h"

#include <QByteArray>
#include <QCoreApplication>

#include <sodium.h>

namespace casedesk::server {

namespace {

constexpr unsigned long long opsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t memLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// The password's UTF-8 bytes, wiped from memory when it goes out of scope.
class SecretBytes {
public:
    explicit SecretBytes(const QString &text) : m_bytes(text.toUtf8()) {}
    ~SecretBytes() { sodium_memzero(m_bytes.data(), size_t(m_bytes.size())); }
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    const char *data() const { return m_bytes.constData(); }
    unsigned long long size() const { return static_cast<unsigned long long>(m_bytes.size()); }

private:
    QByteArray m_bytes;
};

} // namespace

Result<QString> PasswordHash::hash(const QString &password)
{
    char out[crypto_pwhash_STRBYTES];
    const SecretBytes secret(password);
    if (!sodiumReady() || crypto_pwhash_str(out, secret.data(), secret.size(), opsLimit, memLimit) != 0)
        return makeError(ErrorCode::Internal,
                         QCoreApplication::translate("Server", "The password could not be hashed because the "
                                                               "server is out of memory. Try again later."));
    return QString::fromLatin1(out);
}

bool PasswordHash::verify(const QString &hash, const QString &password)
{
    const QByteArray stored = hash.toLatin1();
    // crypto_pwhash_str_verify reads a NUL-terminated string of at most crypto_pwhash_STRBYTES bytes.
    if (!sodiumReady() || stored.size() >= qsizetype(crypto_pwhash_STRBYTES))
        return false;
    const SecretBytes secret(password);
    return crypto_pwhash_str_verify(stored.constData(), secret.data(), secret.size()) == 0;
}

bool PasswordHash::needsRehash(const QString &hash)
{
    const QByteArray stored = hash.toLatin1();
    if (!sodiumReady() || stored.size() >= qsizetype(crypto_pwhash_STRBYTES))
        return true;
    return crypto_pwhash_str_needs_rehash(stored.constData(), opsLimit, memLimit) != 0;
}

} // namespace casedesk::server
