// Successful answers of the HTTP API, and the JSON body that every answer (also ApiError's) is sent with.
#pragma once

#include <QHttpServerResponse>
#include <QJsonObject>

namespace casedesk::server {

class ApiReply {
public:
    using Status = QHttpServerResponse::StatusCode;

    // application/json, never cached (answers carry tokens and personal data).
    static QHttpServerResponse json(const QJsonObject &body, Status status = Status::Ok);
    // `body` with one more member, `key`, whose value is JSON text already (large parts read as JSON from the
    // database go out without being parsed and written again).
    static QHttpServerResponse json(const QJsonObject &body, QLatin1StringView key, const QByteArray &jsonValue);
    static QHttpServerResponse noContent();
};

} // namespace casedesk::server
