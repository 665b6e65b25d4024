#include "HttpClient.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>

namespace casedesk::test {

namespace {

constexpr int replyTimeoutMs = 60000;

} // namespace

QString HttpReply::errorCode() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpReply HttpClient::get(const QUrl &url, const HttpHeaders &headers)
{
    return send(QByteArrayLiteral("GET"), url, {}, headers);
}

HttpReply HttpClient::post(const QUrl &url, const QByteArray &body, const HttpHeaders &headers)
{
    return send(QByteArrayLiteral("POST"), url, body, headers);
}

HttpReply HttpClient::send(const QByteArray &verb, const QUrl &url, const QByteArray &body, const HttpHeaders &headers)
{
    QNetworkRequest request(url);
    request.setSslConfiguration(m_ssl);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_manager.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(replyTimeoutMs);
    HttpReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    for (const QNetworkReply::RawHeaderPair &pair : reply->rawHeaderPairs())
        result.headers.append(pair);
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

HttpHeaders HttpClient::bearer(const QString &accessToken)
{
    return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + accessToken.toLatin1()}};
}

} // namespace casedesk::test
