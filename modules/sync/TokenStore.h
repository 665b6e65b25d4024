// Where the session's tokens live between requests and runs (DESIGN.md, decision 4: never in plaintext on
// disk). The application keeps them in the OS keychain; ServerApi only reads and replaces them through here.
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

#include <optional>

namespace casedesk::sync {

struct SessionTokens {
    QString accessToken;
    QString refreshToken;
    QDateTime accessExpiresAt;  // UTC, from the server's lifetime and our clock at receipt
    QDateTime refreshExpiresAt; // UTC
    QUuid userId;
    QUuid sessionId;
};

class TokenStore {
public:
    virtual ~TokenStore() = default;
    virtual std::optional<SessionTokens> tokens() const = 0;
    // Must be durable when it returns: the server spends the old refresh token with this rotation, so a
    // rotated token that is used before it is stored could lock the user out after a crash.
    virtual Result<void> store(const SessionTokens &tokens) = 0;
    virtual Result<void> clear() = 0;
};

} // namespace casedesk::sync
