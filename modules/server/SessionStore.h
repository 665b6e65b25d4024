// Login sessions in PostgreSQL: one per login of a client installation, with short-lived access tokens and a
// rotating refresh token. Nothing lives in the server process, so any process accepts any token. A refresh
// token that was already replaced and is presented again means it was copied: the whole session ends.
#pragma once

#include "core/User.h"
#include "server/ApiError.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QStringList>
#include <QUuid>

namespace casedesk::server {

struct TokenLifetimes {
    int accessSeconds = 10 * 60;
    int sessionSeconds = 14 * 24 * 60 * 60; // the refresh token's: a login lasts this long at most
};

struct IssuedTokens {
    QByteArray accessToken;
    int accessExpiresIn = 0; // seconds
    QByteArray refreshToken;
    int refreshExpiresIn = 0; // seconds until the session ends
    QUuid sessionId;
    QUuid userId;
};

// Who is calling, as an access token says.
struct AuthSession {
    User user;             // active, with roles and team ids
    QStringList teamCodes; // in the order of user.teamIds
    QUuid sessionId;
    QUuid clientId;
};

class SessionStore {
public:
    SessionStore(QSqlDatabase db, const TokenLifetimes &lifetimes);

    // A new session for a user whose password was checked; the client's earlier sessions of this user end.
    Result<IssuedTokens> start(const QUuid &userId, const QUuid &clientId);
    // Rotates: the presented token is marked replaced and a new pair is issued. 401 invalid_token,
    // session_expired, or session_revoked (reuse of a replaced token, which ends the session).
    ApiResult<IssuedTokens> refresh(const QByteArray &refreshToken);
    // 401 invalid_token or token_expired; a disabled user's tokens are invalid (their sessions are gone).
    ApiResult<AuthSession> authenticate(const QByteArray &accessToken) const;
    Result<void> end(const QUuid &sessionId);

private:
    // Issues an access token and a refresh token for the session, inside the caller's transaction.
    Result<IssuedTokens> issue(const QUuid &sessionId, const QUuid &userId);

    QSqlDatabase m_db;
    TokenLifetimes m_lifetimes;
};

} // namespace casedesk::server
