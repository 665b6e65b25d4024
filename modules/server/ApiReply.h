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
    static QHttpServerResponse noContent();
};

} // namespace casedesk::server
