// A small synchronous HTTP client for tests of the server's API: QNetworkAccessManager, waiting on the
// reply's finished signal (never a sleep).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QSslConfiguration>
#include <QUrl>

namespace casedesk::test {

struct HttpReply {
    int status = 0; // 0 when no HTTP answer came (see networkError)
    QByteArray body;
    QJsonObject json; // the body when it is a JSON object
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    QString errorCode() const; // error.code of an error answer
    QByteArray header(const QByteArray &name) const;
};

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

class HttpClient {
public:
    HttpReply get(const QUrl &url, const HttpHeaders &headers = {});
    HttpReply post(const QUrl &url, const QByteArray &body, const HttpHeaders &headers = {});
    HttpReply send(const QByteArray &verb, const QUrl &url, const QByteArray &body, const HttpHeaders &headers);
    // For https: the configuration to check the server's certificate with.
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }

    static HttpHeaders bearer(const QString &accessToken);

private:
    QNetworkAccessManager m_manager;
    QSslConfiguration m_ssl = QSslConfiguration::defaultConfiguration();
};

} // namespace casedesk::test
