// An answer of the HTTP API that is not a success: an HTTP status and a machine-readable code that clients
// branch on, with an English message for logs and people. Sent as {"error":{"code":"...","message":"..."}}.
// Bad input is always a 4xx; a database failure is 503 with Retry-After, because the client may simply retry.
#pragma once

#include "core/Result.h"

#include <QHttpServerResponse>
#include <QString>

#include <variant>

namespace casedesk::server {

struct ApiError {
    using Status = QHttpServerResponse::StatusCode;

    Status status = Status::BadRequest;
    QString code;              // "malformed_json", "invalid_field", "invalid_credentials", ...
    QString message;           // English, says what to do
    int retryAfterSeconds = 0; // > 0: sent as Retry-After

    QHttpServerResponse response() const;

    static ApiError malformedJson(const QString &detail);
    static ApiError invalidField(const QString &field, const QString &expected);
    static ApiError bodyTooLarge(qint64 limit);
    static ApiError notFound();
    static ApiError methodNotAllowed();
    static ApiError unauthorized(const QString &code, const QString &message);
    static ApiError tooManyAttempts(int retryAfterSeconds);
    static ApiError unavailable(); // a transient failure (the database): 503, try again shortly
    // A module Error as the API answers it; Database errors become unavailable() (and are logged).
    static ApiError fromError(const Error &error);
};

// A value or the error to answer with.
template <typename T> using ApiResult = std::variant<T, ApiError>;

} // namespace casedesk::server
