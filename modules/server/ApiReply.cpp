#include "server/ApiReply.h"

#include <QJsonDocument>

namespace casedesk::server {

namespace {

QHttpServerResponse jsonReply(const QByteArray &text, ApiReply::Status status)
{
    QHttpServerResponse reply(QByteArrayLiteral("application/json"), text, status);
    reply.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return reply;
}

} // namespace

QHttpServerResponse ApiReply::json(const QJsonObject &body, Status status)
{
    return jsonReply(QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse ApiReply::json(const QJsonObject &body, QLatin1StringView key, const QByteArray &jsonValue)
{
    Q_ASSERT(!body.contains(key));
    const QByteArray rest = QJsonDocument(body).toJson(QJsonDocument::Compact); // "{...}"
    QByteArray text;
    text.reserve(rest.size() + key.size() + jsonValue.size() + 4);
    text.append("{\"").append(key.data(), key.size()).append("\":").append(jsonValue);
    if (body.isEmpty())
        text.append('}');
    else
        text.append(',').append(QByteArrayView(rest).sliced(1));
    return jsonReply(text, Status::Ok);
}

QHttpServerResponse ApiReply::noContent()
{
    QHttpServerResponse reply(Status::NoContent);
    reply.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return reply;
}

} // namespace casedesk::server
