#include "sync/KeychainTokenStore.h"

#include "core/Uuid.h"
#include "storage/CacheKey.h"
#include "sync/SyncLog.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <qt6keychain/keychain.h>

namespace casedesk::sync {

namespace {

const QLatin1String AccessToken("accessToken");
const QLatin1String RefreshToken("refreshToken");
const QLatin1String AccessExpiresAt("accessExpiresAt");
const QLatin1String RefreshExpiresAt("refreshExpiresAt");
const QLatin1String UserId("userId");
const QLatin1String SessionId("sessionId");

Error keychainUnavailable(const QString &detail)
{
    return makeError(ErrorCode::KeychainUnavailable,
                     QCoreApplication::translate("Sync", "The system keychain cannot be reached, so CaseDesk cannot "
                                                         "keep your sign-in. Make sure the keychain is running and "
                                                         "unlocked, then log in again."),
                     detail);
}

QByteArray encode(const SessionTokens &tokens)
{
    const QJsonObject object{{AccessToken, tokens.accessToken},
                             {RefreshToken, tokens.refreshToken},
                             {AccessExpiresAt, tokens.accessExpiresAt.toUTC().toString(Qt::ISODateWithMs)},
                             {RefreshExpiresAt, tokens.refreshExpiresAt.toUTC().toString(Qt::ISODateWithMs)},
                             {UserId, uuidToString(tokens.userId)},
                             {SessionId, uuidToString(tokens.sessionId)}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<SessionTokens> decode(const QByteArray &data, const QString &entry)
{
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    SessionTokens tokens;
    tokens.accessToken = object.value(AccessToken).toString();
    tokens.refreshToken = object.value(RefreshToken).toString();
    tokens.accessExpiresAt = QDateTime::fromString(object.value(AccessExpiresAt).toString(), Qt::ISODateWithMs);
    tokens.refreshExpiresAt = QDateTime::fromString(object.value(RefreshExpiresAt).toString(), Qt::ISODateWithMs);
    tokens.userId = uuidFromString(object.value(UserId).toString());
    tokens.sessionId = uuidFromString(object.value(SessionId).toString());
    if (tokens.accessToken.isEmpty() || tokens.refreshToken.isEmpty() || tokens.userId.isNull())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Sync", "The sign-in stored in the system keychain is damaged. "
                                                             "Please log in again."),
                         entry + QStringLiteral(": not a session"));
    return tokens;
}

// Every keychain job of the process runs on the one keychain thread of storage::CacheKey.
using storage::CacheKey;

} // namespace

KeychainTokenStore::KeychainTokenStore(const QUrl &serverUrl, const QString &login)
    : m_service(QStringLiteral("CaseDesk session ") +
                serverUrl.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments).toString()),
      m_key(login)
{
}

Result<void> KeychainTokenStore::load()
{
    const CacheKey::JobOutcome outcome = CacheKey::runKeychainJob([service = m_service, key = m_key] {
        auto *job = new QKeychain::ReadPasswordJob(service);
        job->setKey(key);
        return job;
    });
    if (outcome.finished && outcome.error == QKeychain::EntryNotFound) {
        m_tokens.reset();
        return {};
    }
    if (!outcome.finished || outcome.error != QKeychain::NoError)
        return keychainUnavailable(outcome.describe(QStringLiteral("reading the session")));
    Result<SessionTokens> tokens = decode(outcome.data, m_service);
    if (!tokens)
        return tokens.error();
    m_tokens = tokens.value();
    return {};
}

Result<void> KeychainTokenStore::store(const SessionTokens &tokens)
{
    const CacheKey::JobOutcome outcome =
        CacheKey::runKeychainJob([service = m_service, key = m_key, data = encode(tokens)] {
            auto *job = new QKeychain::WritePasswordJob(service);
            job->setKey(key);
            job->setBinaryData(data);
            return job;
        });
    if (!outcome.finished || outcome.error != QKeychain::NoError)
        return keychainUnavailable(outcome.describe(QStringLiteral("storing the session")));
    m_tokens = tokens;
    qCDebug(lcSync) << "stored the session tokens in the keychain";
    return {};
}

Result<void> KeychainTokenStore::clear()
{
    m_tokens.reset();
    const CacheKey::JobOutcome outcome = CacheKey::runKeychainJob([service = m_service, key = m_key] {
        auto *job = new QKeychain::DeletePasswordJob(service);
        job->setKey(key);
        return job;
    });
    // An entry that is not there leaves the keychain as wanted.
    if (outcome.finished && (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound))
        return {};
    return keychainUnavailable(outcome.describe(QStringLiteral("removing the session")));
}

} // namespace casedesk::sync
