#include "server/ApiReply.h"

#include <QJsonDocument>

namespace casedesk::server {

QHttpServerResponse ApiReply::json(const QJsonObject &body, Status status)
{
    QHttpServerResponse reply(QByteArrayLiteral("application/json"), QJsonDocument(body).toJson(QJsonDocument::Compact),
                              status);
    reply.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return reply;
}

QHttpServerResponse ApiReply::noContent()
{
    QHttpServerResponse reply(Status::NoContent);
    reply.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return reply;
}

} // namespace casedesk::server
