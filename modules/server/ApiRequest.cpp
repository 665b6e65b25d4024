#include "server/ApiRequest.h"

#include "server/TrustedProxies.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace casedesk::server {

ApiRequest ApiRequest::from(const QHttpServerRequest &request, const TrustedProxies &proxies)
{
    ApiRequest copy;
    copy.method = request.method();
    copy.path = request.url().path();
    copy.query = request.query();
    copy.body = request.body();
    copy.headers = request.headers();
    copy.clientAddress =
        proxies.clientAddress(request.remoteAddress(), copy.headerValues(QByteArrayLiteral("X-Forwarded-For")));
    return copy;
}

QList<QByteArray> ApiRequest::headerValues(const QByteArray &name) const
{
    QList<QByteArray> values;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value);
    }
    return values;
}

QByteArray ApiRequest::header(const QByteArray &name) const
{
    const QList<QByteArray> values = headerValues(name);
    return values.isEmpty() ? QByteArray() : values.constFirst();
}

QByteArray ApiRequest::bearerToken() const
{
    const QByteArray authorization = header(QByteArrayLiteral("Authorization")).trimmed();
    const QByteArray scheme = QByteArrayLiteral("bearer ");
    if (authorization.size() <= scheme.size() ||
        authorization.left(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0)
        return {};
    return authorization.mid(scheme.size()).trimmed();
}

ApiResult<QJsonObject> ApiRequest::jsonObject() const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return ApiError::malformedJson(QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return ApiError::malformedJson(QStringLiteral("not an object"));
    return document.object();
}

} // namespace casedesk::server
