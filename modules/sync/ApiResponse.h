// What one request to the server came to: the reply's JSON, the server's machine-readable error, or no answer.
#pragma once

#include <QJsonObject>
#include <QString>

#include <chrono>
#include <optional>

namespace casedesk::sync {

struct ApiResponse {
    enum class Outcome {
        Success,        // 2xx with a JSON object (or no body), or 304 Not Modified
        HttpError,      // the server answered with an error status; errorCode is its "error.code"
        NetworkFailure, // no HTTP answer: refused, reset, timed out, TLS failure
        InvalidReply,   // an answer we refuse to read: larger than the limit ("reply_too_large") or not JSON
    };

    Outcome outcome = Outcome::NetworkFailure;
    int httpStatus = 0;
    QJsonObject body;     // Success: the reply
    QString errorCode;    // HttpError: the server's code ("sequence_gap", "token_expired", ...); InvalidReply: ours
    QString errorMessage; // English, for the log: the server's message or the network layer's
    std::optional<std::chrono::seconds> retryAfter; // the server's Retry-After, when it sent one
    QByteArray etag;                                // the reply's ETag, when it sent one

    static constexpr int NotModified = 304; // a Success without a body: what the caller has is current

    bool ok() const { return outcome == Outcome::Success; }
    // Worth trying again later without any change on our side: no answer, or the server is busy or down.
    bool isTransient() const;
    // The session is gone (refresh refused, or no tokens at all): sync waits until the user logs in again.
    bool isSessionEnded() const { return outcome == Outcome::HttpError && httpStatus == 401; }
    QString describe() const; // for the log
};

} // namespace casedesk::sync
