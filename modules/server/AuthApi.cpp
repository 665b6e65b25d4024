#include "server/AuthApi.h"

#include "core/Uuid.h"
#include "server/ApiReply.h"
#include "server/CaseStore.h"
#include "server/HttpApiServer.h"
#include "server/JsonFields.h"
#include "server/PasswordHash.h"
#include "server/ServerLog.h"
#include "server/SqlError.h"
#include "server/UserDirectory.h"

#include <QJsonArray>
#include <QSemaphore>
#include <QSqlQuery>
#include <QThread>

namespace casedesk::server {

namespace {

constexpr qsizetype maxLoginLength = 256;
// A longer text is refused as malformed; anything up to this is checked as a token (and then 401).
constexpr qsizetype maxTokenFieldLength = 256;

QHttpServerResponse tokensReply(const IssuedTokens &tokens)
{
    return ApiReply::json({{QStringLiteral("tokenType"), QStringLiteral("Bearer")},
                           {QStringLiteral("accessToken"), QString::fromLatin1(tokens.accessToken)},
                           {QStringLiteral("accessExpiresIn"), tokens.accessExpiresIn},
                           {QStringLiteral("refreshToken"), QString::fromLatin1(tokens.refreshToken)},
                           {QStringLiteral("refreshExpiresIn"), tokens.refreshExpiresIn},
                           {QStringLiteral("userId"), uuidToString(tokens.userId)},
                           {QStringLiteral("sessionId"), uuidToString(tokens.sessionId)}});
}

// Checks the password with Argon2id. Unknown and disabled users are checked against a hash of nothing, so the
// answer takes as long as for a real account and tells nothing about which logins exist. At most one hash per
// core at a time: each takes 64 MiB and a core for a good part of a second.
bool passwordMatches(bool userUsable, const QString &storedHash, const QString &password)
{
    static QSemaphore hashing(std::max(1, QThread::idealThreadCount()));
    static const Result<QString> decoy = PasswordHash::hash(QStringLiteral("no user has this password"));
    const QSemaphoreReleaser release(hashing, 1);
    hashing.acquire();
    if (userUsable)
        return PasswordHash::verify(storedHash, password);
    if (decoy)
        PasswordHash::verify(decoy.value(), password);
    return false;
}

// Upgrades a hash made with older Argon2 limits while the password is at hand; a failure only costs the upgrade.
void rehashIfNeeded(QSqlDatabase db, const QUuid &userId, const QString &storedHash, const QString &password)
{
    if (!PasswordHash::needsRehash(storedHash))
        return;
    const Result<QString> hash = PasswordHash::hash(password);
    if (!hash) {
        qCWarning(lcServer).noquote() << "could not upgrade a password hash:" << hash.error().toString();
        return;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE users SET password_hash = :hash WHERE id = CAST(:id AS uuid)"));
    query.bindValue(QStringLiteral(":hash"), hash.value());
    query.bindValue(QStringLiteral(":id"), uuidToString(userId));
    if (!query.exec())
        qCWarning(lcServer).noquote() << "could not upgrade a password hash:" << query.lastError().text();
}

QHttpServerResponse login(const ApiRequest &request, QSqlDatabase db, const HttpApiOptions &options)
{
    const ApiResult<QJsonObject> body = request.jsonObject();
    if (const ApiError *error = std::get_if<ApiError>(&body))
        return error->response();
    JsonFields fields(std::get<QJsonObject>(body));
    const QString login = fields.text(QStringLiteral("login"), maxLoginLength).toLower();
    const QString password = fields.text(QStringLiteral("password"), UserDirectory::MaximumPasswordLength);
    const QUuid clientId = fields.uuid(QStringLiteral("clientId"));
    if (!fields.ok())
        return fields.error().response();

    LoginThrottle throttle(db, options.throttle);
    const Result<int> wait = throttle.retryAfter(login, request.clientAddress);
    if (!wait)
        return ApiError::fromError(wait.error()).response();
    if (wait.value() > 0)
        return ApiError::tooManyAttempts(wait.value()).response();

    const Result<QSqlQuery *> query =
        CaseStore::run(db, QStringLiteral("SELECT id, password_hash, disabled FROM users WHERE login = :login"),
                       {{QStringLiteral(":login"), login}});
    if (!query)
        return ApiError::fromError(query.error()).response();
    const bool found = (*query)->next();
    const QUuid userId = found ? uuidFromString((*query)->value(0).toString()) : QUuid();
    const QString storedHash = found ? (*query)->value(1).toString() : QString();
    const bool usable = found && !(*query)->value(2).toBool();
    (*query)->finish();

    if (!passwordMatches(usable, storedHash, password)) {
        if (const Result<void> recorded = throttle.recordFailure(login, request.clientAddress); !recorded)
            return ApiError::fromError(recorded.error()).response();
        qCInfo(lcServer).noquote() << "failed login for" << login << "from" << request.clientAddress.toString();
        return ApiError::unauthorized(QStringLiteral("invalid_credentials"),
                                      QStringLiteral("The login or the password is wrong, or the account is "
                                                     "disabled."))
            .response();
    }
    if (const Result<void> reset = throttle.recordSuccess(login); !reset)
        return ApiError::fromError(reset.error()).response();
    rehashIfNeeded(db, userId, storedHash, password);
    const Result<IssuedTokens> tokens = SessionStore(db, options.lifetimes).start(userId, clientId);
    if (!tokens)
        return ApiError::fromError(tokens.error()).response();
    qCInfo(lcServer).noquote() << "login of" << login << "from" << request.clientAddress.toString();
    return tokensReply(tokens.value());
}

QHttpServerResponse refresh(const ApiRequest &request, QSqlDatabase db, const HttpApiOptions &options)
{
    const ApiResult<QJsonObject> body = request.jsonObject();
    if (const ApiError *error = std::get_if<ApiError>(&body))
        return error->response();
    JsonFields fields(std::get<QJsonObject>(body));
    const QString token = fields.text(QStringLiteral("refreshToken"), maxTokenFieldLength);
    if (!fields.ok())
        return fields.error().response();
    const ApiResult<IssuedTokens> tokens = SessionStore(db, options.lifetimes).refresh(token.toLatin1());
    if (const ApiError *error = std::get_if<ApiError>(&tokens))
        return error->response();
    return tokensReply(std::get<IssuedTokens>(tokens));
}

QHttpServerResponse me(const RequestContext &context)
{
    const User &user = context.session.user;
    QJsonArray roles;
    for (Role role : user.roles)
        roles.append(roleToString(role));
    return ApiReply::json({{QStringLiteral("userId"), uuidToString(user.id)},
                           {QStringLiteral("login"), user.login},
                           {QStringLiteral("displayName"), user.displayName},
                           {QStringLiteral("roles"), roles},
                           {QStringLiteral("teams"), QJsonArray::fromStringList(context.session.teamCodes)}});
}

} // namespace

void AuthApi::addRoutes(HttpApiServer &server)
{
    using Method = HttpApiServer::Method;
    const HttpApiOptions options = server.options();
    server.addRoute(QStringLiteral("/api/v1/auth/login"), Method::Post, HttpApiServer::DefaultBodyLimit,
                    [options](const ApiRequest &request, QSqlDatabase db) { return login(request, db, options); });
    server.addRoute(QStringLiteral("/api/v1/auth/refresh"), Method::Post, HttpApiServer::DefaultBodyLimit,
                    [options](const ApiRequest &request, QSqlDatabase db) { return refresh(request, db, options); });
    server.addAuthenticatedRoute(
        QStringLiteral("/api/v1/auth/logout"), Method::Post, HttpApiServer::DefaultBodyLimit,
        [options](const RequestContext &context) {
            const Result<void> ended = SessionStore(context.db, options.lifetimes).end(context.session.sessionId);
            return ended ? ApiReply::noContent() : ApiError::fromError(ended.error()).response();
        });
    server.addAuthenticatedRoute(QStringLiteral("/api/v1/me"), Method::Get, HttpApiServer::DefaultBodyLimit, me);
}

} // namespace casedesk::server
