// What a handler needs of an HTTP request, copied out of QHttpServerRequest on the server's thread: the
// handler runs later on a pool thread, and QtHttpServer 6.4 does not promise that its request object lives
// that long.
#pragma once

#include "server/ApiError.h"

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace casedesk::server {

class TrustedProxies;

struct ApiRequest {
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QHostAddress clientAddress; // the peer, or the client behind a trusted proxy

    static ApiRequest from(const QHttpServerRequest &request, const TrustedProxies &proxies);

    QList<QByteArray> headerValues(const QByteArray &name) const; // case-insensitive, in order
    QByteArray header(const QByteArray &name) const;              // the first value, or empty
    QByteArray bearerToken() const; // from "Authorization: Bearer TOKEN"; empty when there is none
    // The body as a JSON object; 400 malformed_json for anything else (also an empty body).
    ApiResult<QJsonObject> jsonObject() const;
};

} // namespace casedesk::server
