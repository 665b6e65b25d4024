// The HTTP side of casedesk-server: QtHttpServer with JSON answers, handlers on a thread pool of our own
// (each pool thread with its own database connection, see ServerDatabase), body limits, bearer-token
// authentication and a JSON 404/405 for anything not routed. The API's endpoints register themselves with
// addRoute()/addAuthenticatedRoute() (AuthApi and later ones).
#pragma once

#include "core/Result.h"
#include "server/ApiRequest.h"
#include "server/LoginThrottle.h"
#include "server/ServerDatabase.h"
#include "server/SessionStore.h"
#include "server/TrustedProxies.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QSet>
#include <QThreadPool>

#include <functional>

namespace casedesk::server {

struct HttpApiOptions {
    TrustedProxies trustedProxies;
    TokenLifetimes lifetimes;
    ThrottlePolicy throttle;
    int threads = 8; // concurrent handlers, and so database connections of this process
};

// An authenticated request: who calls, and the pool thread's database connection.
struct RequestContext {
    const ApiRequest &request;
    QSqlDatabase db;
    const AuthSession &session;
};

class HttpApiServer {
public:
    using Method = QHttpServerRequest::Method;
    using Handler = std::function<QHttpServerResponse(const ApiRequest &request, QSqlDatabase db)>;
    using AuthenticatedHandler = std::function<QHttpServerResponse(const RequestContext &context)>;

    static constexpr qint64 DefaultBodyLimit = 64 * 1024; // what a JSON request without bulk data needs

    HttpApiServer(ServerDatabase database, HttpApiOptions options);
    ~HttpApiServer(); // waits for running handlers
    HttpApiServer(const HttpApiServer &) = delete;
    HttpApiServer &operator=(const HttpApiServer &) = delete;

    const HttpApiOptions &options() const { return m_options; }
    // For what is no JSON route: the live channel's WebSocket upgrade (LiveChannel::attach).
    QHttpServer &httpServer() { return m_server; }

    // `path` literal ("/api/v1/auth/login"), or ending in one "<arg>" segment ("/api/v1/blobs/<arg>") that the
    // handler reads from ApiRequest::path. A body over `bodyLimit` bytes is answered 413 before the handler.
    void addRoute(const QString &path, Method method, qint64 bodyLimit, Handler handler);
    // The same behind "Authorization: Bearer ACCESS_TOKEN": 401 without a valid access token.
    void addAuthenticatedRoute(const QString &path, Method method, qint64 bodyLimit, AuthenticatedHandler handler);

    // HTTPS with a PEM certificate (chain) and its PEM private key (RSA or EC); before listen().
    Result<void> setTls(const QString &certificateFile, const QString &keyFile);
    // The port listened on (the system's choice for port 0).
    Result<quint16> listen(const QHostAddress &address, quint16 port);
    // Stops accepting connections and waits for the handlers that run.
    void stop();

private:
    QHttpServerResponse run(const Handler &handler, const ApiRequest &request, qint64 bodyLimit) const;

    ServerDatabase m_database;
    HttpApiOptions m_options;
    QThreadPool m_pool;
    QHttpServer m_server;
    QSet<QString> m_paths; // routed paths: another method on one of them is 405, not 404
};

} // namespace casedesk::server
