// The application's TokenStore: the session of one user at one server in the OS keychain (QtKeychain), so neither
// the refresh token nor the access token is ever written to a file or the settings (DESIGN.md, decision 4).
//
// The keychain entry is named by the server URL (the service) and the login (the key), so two users or two
// servers never share one. load() reads it once; tokens() then answers from memory, since ServerApi asks before
// every request. store() and clear() change the keychain before they return, as TokenStore demands.
//
// QtKeychain's jobs answer through events, but TokenStore is synchronous: the jobs run on one keychain thread of
// the process (storage::CacheKey::runKeychainJob, shared with the cache key), with its own event loop, while the caller
// waits. A local event loop on the caller's thread would instead deliver the caller's own network replies and timers in
// the middle of ServerApi's reply handling.
#pragma once

#include "sync/TokenStore.h"

#include <QUrl>

namespace casedesk::sync {

class KeychainTokenStore final : public TokenStore {
public:
    KeychainTokenStore(const QUrl &serverUrl, const QString &login);

    // Reads the stored session; none stored is no error (tokens() is then empty). KeychainUnavailable when the
    // keychain does not answer or refuses, Corrupt when the entry is not ours (log in again: store() replaces it).
    Result<void> load();

    std::optional<SessionTokens> tokens() const override { return m_tokens; }
    Result<void> store(const SessionTokens &tokens) override;
    // Removes the entry; the tokens in memory are gone even when that fails, since the caller ends the session.
    Result<void> clear() override;

    QString service() const { return m_service; }

private:
    QString m_service;
    QString m_key;
    std::optional<SessionTokens> m_tokens;
};

} // namespace casedesk::sync
