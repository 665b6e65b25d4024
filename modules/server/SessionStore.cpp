#include "server/SessionStore.h"

#include "core/Uuid.h"
#include "server/AuthToken.h"
#include "server/CaseStore.h"
#include "server/ServerLog.h"
#include "server/SqlError.h"

#include <QScopeGuard>
#include <QSqlQuery>

namespace casedesk::server {

namespace {

ApiError invalidToken()
{
    return ApiError::unauthorized(QStringLiteral("invalid_token"),
                                  QStringLiteral("The token is not valid (or its session has ended). Log in again."));
}

} // namespace

SessionStore::SessionStore(QSqlDatabase db, const TokenLifetimes &lifetimes)
    : m_db(std::move(db)), m_lifetimes(lifetimes)
{
}

Result<IssuedTokens> SessionStore::start(const QUuid &userId, const QUuid &clientId)
{
    if (!m_db.transaction())
        return databaseError(m_db.lastError());
    QSqlQuery query(m_db);
    const auto fail = [&](const QSqlError &error) -> Result<IssuedTokens> {
        m_db.rollback();
        return databaseError(error);
    };
    // One session per user and client installation; expired sessions of anyone go along the way.
    query.prepare(QStringLiteral("DELETE FROM sessions WHERE (user_id = CAST(:user AS uuid) AND client_id = "
                                 "CAST(:client AS uuid)) OR expires_at < now()"));
    query.bindValue(QStringLiteral(":user"), uuidToString(userId));
    query.bindValue(QStringLiteral(":client"), uuidToString(clientId));
    if (!query.exec())
        return fail(query.lastError());
    const QUuid sessionId = createUuidV7();
    query.prepare(QStringLiteral("INSERT INTO sessions (id, user_id, client_id, expires_at) VALUES (CAST(:id AS "
                                 "uuid), CAST(:user AS uuid), CAST(:client AS uuid), now() + make_interval(secs => "
                                 "CAST(:lifetime AS integer)))"));
    query.bindValue(QStringLiteral(":id"), uuidToString(sessionId));
    query.bindValue(QStringLiteral(":user"), uuidToString(userId));
    query.bindValue(QStringLiteral(":client"), uuidToString(clientId));
    query.bindValue(QStringLiteral(":lifetime"), m_lifetimes.sessionSeconds);
    if (!query.exec())
        return fail(query.lastError());
    Result<IssuedTokens> tokens = issue(sessionId, userId);
    if (!tokens) {
        m_db.rollback();
        return tokens;
    }
    if (!m_db.commit())
        return fail(m_db.lastError());
    return tokens;
}

ApiResult<IssuedTokens> SessionStore::refresh(const QByteArray &refreshToken)
{
    if (!AuthToken::isWellFormed(refreshToken))
        return invalidToken();
    if (!m_db.transaction())
        return ApiError::fromError(databaseError(m_db.lastError()));
    QSqlQuery query(m_db);
    const auto fail = [&](const QSqlError &error) -> ApiResult<IssuedTokens> {
        m_db.rollback();
        return ApiError::fromError(databaseError(error));
    };
    // FOR UPDATE: of two refreshes with one token, the second waits and then sees it replaced.
    query.prepare(QStringLiteral("SELECT r.session_id, r.replaced_at IS NOT NULL, s.expires_at <= now(), s.user_id,"
                                 " u.disabled FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id"
                                 " JOIN users u ON u.id = s.user_id WHERE r.token_hash = :hash FOR UPDATE OF r"));
    query.bindValue(QStringLiteral(":hash"), AuthToken::hash(refreshToken));
    if (!query.exec())
        return fail(query.lastError());
    if (!query.next()) {
        m_db.rollback();
        return invalidToken();
    }
    const QUuid sessionId = uuidFromString(query.value(0).toString());
    const bool replaced = query.value(1).toBool();
    const bool expired = query.value(2).toBool();
    const QUuid userId = uuidFromString(query.value(3).toString());
    const bool disabled = query.value(4).toBool();
    if (replaced || expired || disabled) {
        query.prepare(QStringLiteral("DELETE FROM sessions WHERE id = CAST(:id AS uuid)"));
        query.bindValue(QStringLiteral(":id"), uuidToString(sessionId));
        if (!query.exec())
            return fail(query.lastError());
        if (!m_db.commit())
            return fail(m_db.lastError());
        if (replaced) {
            qCWarning(lcServer).noquote() << "a replaced refresh token was presented again: ended session"
                                          << uuidToString(sessionId) << "of user" << uuidToString(userId);
            return ApiError::unauthorized(QStringLiteral("session_revoked"),
                                          QStringLiteral("This refresh token was already used, so the session has "
                                                         "been ended for safety. Log in again."));
        }
        if (expired)
            return ApiError::unauthorized(QStringLiteral("session_expired"),
                                          QStringLiteral("The session has expired. Log in again."));
        return invalidToken();
    }
    query.prepare(QStringLiteral("UPDATE refresh_tokens SET replaced_at = now() WHERE token_hash = :hash"));
    query.bindValue(QStringLiteral(":hash"), AuthToken::hash(refreshToken));
    if (!query.exec())
        return fail(query.lastError());
    // Access tokens of this session that have expired are of no further use.
    query.prepare(QStringLiteral("DELETE FROM access_tokens WHERE session_id = CAST(:id AS uuid) AND expires_at < "
                                 "now()"));
    query.bindValue(QStringLiteral(":id"), uuidToString(sessionId));
    if (!query.exec())
        return fail(query.lastError());
    Result<IssuedTokens> tokens = issue(sessionId, userId);
    if (!tokens) {
        m_db.rollback();
        return ApiError::fromError(tokens.error());
    }
    if (!m_db.commit())
        return fail(m_db.lastError());
    return tokens.value();
}

Result<IssuedTokens> SessionStore::issue(const QUuid &sessionId, const QUuid &userId)
{
    IssuedTokens tokens;
    tokens.sessionId = sessionId;
    tokens.userId = userId;
    tokens.accessToken = AuthToken::create();
    tokens.refreshToken = AuthToken::create();
    QSqlQuery query(m_db);
    // An access token never outlives its session.
    query.prepare(QStringLiteral("INSERT INTO access_tokens (token_hash, session_id, expires_at)"
                                 " SELECT :hash, id, least(now() + make_interval(secs => CAST(:lifetime AS integer)),"
                                 " expires_at) FROM sessions WHERE id = CAST(:id AS uuid)"
                                 " RETURNING ceil(extract(epoch FROM expires_at - now())),"
                                 " (SELECT ceil(extract(epoch FROM expires_at - now())) FROM sessions WHERE id ="
                                 " CAST(:id AS uuid))"));
    query.bindValue(QStringLiteral(":hash"), AuthToken::hash(tokens.accessToken));
    query.bindValue(QStringLiteral(":lifetime"), m_lifetimes.accessSeconds);
    query.bindValue(QStringLiteral(":id"), uuidToString(sessionId));
    if (!query.exec() || !query.next())
        return databaseError(query.lastError());
    tokens.accessExpiresIn = query.value(0).toInt();
    tokens.refreshExpiresIn = query.value(1).toInt();
    query.prepare(QStringLiteral("INSERT INTO refresh_tokens (token_hash, session_id) VALUES (:hash, CAST(:id AS "
                                 "uuid))"));
    query.bindValue(QStringLiteral(":hash"), AuthToken::hash(tokens.refreshToken));
    query.bindValue(QStringLiteral(":id"), uuidToString(sessionId));
    if (!query.exec())
        return databaseError(query.lastError());
    return tokens;
}

ApiResult<AuthSession> SessionStore::authenticate(const QByteArray &accessToken) const
{
    if (!AuthToken::isWellFormed(accessToken))
        return invalidToken();
    // Every authenticated request runs this: a kept statement is one round trip instead of three.
    const Result<QSqlQuery *> found = CaseStore::run(
        m_db,
        QStringLiteral(
            "SELECT s.id, s.client_id, a.expires_at > now(), u.id, u.login, u.display_name,"
            " array_to_string(u.roles, ','),"
            " (SELECT string_agg(t.id::text, ',' ORDER BY t.code) FROM user_teams ut JOIN teams t ON t.id = ut.team_id"
            "  WHERE ut.user_id = u.id),"
            " (SELECT string_agg(t.code, ',' ORDER BY t.code) FROM user_teams ut JOIN teams t ON t.id = ut.team_id"
            "  WHERE ut.user_id = u.id)"
            " FROM access_tokens a JOIN sessions s ON s.id = a.session_id JOIN users u ON u.id = s.user_id"
            " WHERE a.token_hash = :hash AND s.expires_at > now() AND NOT u.disabled"),
        {{QStringLiteral(":hash"), AuthToken::hash(accessToken)}});
    if (!found)
        return ApiError::fromError(found.error());
    QSqlQuery &query = **found;
    // The next request runs the same statement: its result goes when this returns, on every path.
    const auto release = qScopeGuard([&query] { query.finish(); });
    if (!query.next())
        return invalidToken();
    if (!query.value(2).toBool())
        return ApiError::unauthorized(QStringLiteral("token_expired"),
                                      QStringLiteral("The access token has expired. Get a new one with the refresh "
                                                     "token."));
    AuthSession session;
    session.sessionId = uuidFromString(query.value(0).toString());
    session.clientId = uuidFromString(query.value(1).toString());
    session.user.id = uuidFromString(query.value(3).toString());
    session.user.login = query.value(4).toString();
    session.user.displayName = query.value(5).toString();
    for (const QString &key : query.value(6).toString().split(u',', Qt::SkipEmptyParts)) {
        Role role;
        if (roleFromString(key, &role))
            session.user.roles.append(role);
    }
    for (const QString &id : query.value(7).toString().split(u',', Qt::SkipEmptyParts))
        session.user.teamIds.append(uuidFromString(id));
    session.teamCodes = query.value(8).toString().split(u',', Qt::SkipEmptyParts);
    return session;
}

Result<void> SessionStore::end(const QUuid &sessionId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM sessions WHERE id = CAST(:id AS uuid)"));
    query.bindValue(QStringLiteral(":id"), uuidToString(sessionId));
    if (!query.exec())
        return databaseError(query.lastError());
    qCInfo(lcServer).noquote() << "ended session" << uuidToString(sessionId);
    return {};
}

} // namespace casedesk::server
