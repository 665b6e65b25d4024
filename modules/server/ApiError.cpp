#include "server/ApiError.h"

#include "server/ApiReply.h"
#include "server/ServerLog.h"

namespace casedesk::server {

namespace {

constexpr int databaseRetryAfterSeconds = 5;

} // namespace

QHttpServerResponse ApiError::response() const
{
    const QJsonObject body{
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
    QHttpServerResponse reply = ApiReply::json(body, status);
    if (retryAfterSeconds > 0)
        reply.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds));
    if (status == Status::Unauthorized)
        reply.setHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
    return reply;
}

ApiError ApiError::malformedJson(const QString &detail)
{
    return {Status::BadRequest, QStringLiteral("malformed_json"),
            QStringLiteral("The request body is not a JSON object (%1). Send a JSON object.").arg(detail)};
}

ApiError ApiError::invalidField(const QString &field, const QString &expected)
{
    return {Status::BadRequest, QStringLiteral("invalid_field"),
            QStringLiteral("The field \"%1\" is missing or not %2.").arg(field, expected)};
}

ApiError ApiError::bodyTooLarge(qint64 limit)
{
    return {Status::PayloadTooLarge, QStringLiteral("body_too_large"),
            QStringLiteral("The request body is larger than this endpoint accepts (%1 bytes).").arg(limit)};
}

ApiError ApiError::notFound()
{
    return {Status::NotFound, QStringLiteral("not_found"), QStringLiteral("There is no such resource.")};
}

ApiError ApiError::methodNotAllowed()
{
    return {Status::MethodNotAllowed, QStringLiteral("method_not_allowed"),
            QStringLiteral("This resource does not support the request's method.")};
}

ApiError ApiError::unauthorized(const QString &code, const QString &message)
{
    return {Status::Unauthorized, code, message};
}

ApiError ApiError::tooManyAttempts(int retryAfterSeconds)
{
    return {Status::TooManyRequests, QStringLiteral("too_many_attempts"),
            QStringLiteral("Too many failed logins. Try again in %1 seconds.").arg(retryAfterSeconds),
            retryAfterSeconds};
}

ApiError ApiError::unavailable()
{
    return {Status::ServiceUnavailable, QStringLiteral("unavailable"),
            QStringLiteral("The server cannot reach its database right now. Try again shortly."),
            databaseRetryAfterSeconds};
}

ApiError ApiError::fromError(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Database:
        qCWarning(lcServer).noquote() << "database failure:" << error.toString();
        return unavailable();
    case ErrorCode::Invalid:
        return {Status::BadRequest, QStringLiteral("invalid"), error.message};
    case ErrorCode::NotFound:
        return notFound();
    case ErrorCode::Conflict:
        return {Status::Conflict, QStringLiteral("conflict"), error.message};
    default:
        qCCritical(lcServer).noquote() << "internal error:" << error.toString();
        return {Status::InternalServerError, QStringLiteral("internal"),
                QStringLiteral("The server failed unexpectedly; its log has the details.")};
    }
}

} // namespace casedesk::server
