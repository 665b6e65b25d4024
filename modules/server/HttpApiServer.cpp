#include "server/HttpApiServer.h"

#include "server/ServerLog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtConcurrent>

namespace casedesk::server {

namespace {

constexpr qint64 maxPemSize = 1024 * 1024; // certificate chains and keys are a few KiB

Error tlsError(const QString &message, const QString &detail = {})
{
    return makeError(ErrorCode::Invalid, message, detail);
}

} // namespace

HttpApiServer::HttpApiServer(ServerDatabase database, HttpApiOptions options)
    : m_database(std::move(database)), m_options(std::move(options))
{
    m_pool.setMaxThreadCount(std::max(1, m_options.threads));
    // Idle pool threads must not end: each holds a database connection (PLATFORM.md).
    m_pool.setExpiryTimeout(-1);
    m_server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const QString path = request.url().path();
        const bool routed =
            m_paths.contains(path) || m_paths.contains(path.left(path.lastIndexOf(u'/') + 1) + QLatin1String("<arg>"));
        const ApiError error = routed ? ApiError::methodNotAllowed() : ApiError::notFound();
        error.response().write(std::move(responder));
    });
}

HttpApiServer::~HttpApiServer()
{
    stop();
}

void HttpApiServer::addRoute(const QString &path, Method method, qint64 bodyLimit, Handler handler)
{
    m_paths.insert(path);
    // The handler runs on the pool; its answer goes out on the server's thread, and only to a client still there.
    // (QtHttpServer 6.4 writes a QFuture's result to the socket and reads the request it came with even after
    // the client hung up and both were deleted: a client that gives up mid-push took the server down.)
    auto dispatch = [this, bodyLimit, handler = std::move(handler)](const QHttpServerRequest &request,
                                                                    QHttpServerResponder &&responder) {
        ApiRequest copy = ApiRequest::from(request, m_options.trustedProxies);
        const QPointer<QTcpSocket> socket = responder.socket();
        auto waiting = std::make_shared<QHttpServerResponder>(std::move(responder));
        QtConcurrent::run(&m_pool, [this, bodyLimit, handler, copy = std::move(copy)] {
            return run(handler, copy, bodyLimit);
        }).then(&m_server, [socket, waiting](QHttpServerResponse response) {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                response.write(std::move(*waiting));
        });
    };
    // QtHttpServer hands the "<arg>" segment to the view first; handlers read it from ApiRequest::path.
    if (path.endsWith(QLatin1String("/<arg>")))
        m_server.route(path, method,
                       [dispatch = std::move(dispatch)](const QString &, const QHttpServerRequest &request,
                                                        QHttpServerResponder &&responder) {
                           dispatch(request, std::move(responder));
                       });
    else
        m_server.route(path, method, std::move(dispatch));
}

void HttpApiServer::addAuthenticatedRoute(const QString &path, Method method, qint64 bodyLimit,
                                          AuthenticatedHandler handler)
{
    const TokenLifetimes lifetimes = m_options.lifetimes;
    addRoute(path, method, bodyLimit,
             [lifetimes, handler = std::move(handler)](const ApiRequest &request, QSqlDatabase db) {
                 const QByteArray token = request.bearerToken();
                 if (token.isEmpty())
                     return ApiError::unauthorized(QStringLiteral("missing_token"),
                                                   QStringLiteral("Send an access token as \"Authorization: Bearer "
                                                                  "TOKEN\"; log in to get one."))
                         .response();
                 const ApiResult<AuthSession> session = SessionStore(db, lifetimes).authenticate(token);
                 if (const ApiError *error = std::get_if<ApiError>(&session))
                     return error->response();
                 return handler(RequestContext{request, db, std::get<AuthSession>(session)});
             });
}

QHttpServerResponse HttpApiServer::run(const Handler &handler, const ApiRequest &request, qint64 bodyLimit) const
{
    QElapsedTimer timer;
    timer.start();
    const auto reply = [&] {
        // QtHttpServer 6.4 has read the whole body already; the limit at least keeps it from being parsed.
        if (request.body.size() > bodyLimit)
            return ApiError::bodyTooLarge(bodyLimit).response();
        const Result<QSqlDatabase> db = m_database.connection();
        if (!db)
            return ApiError::fromError(db.error()).response();
        return handler(request, db.value());
    };
    QHttpServerResponse response = reply();
    // A failed connection stays "open" in QtSql; close it, so the next request on this thread reconnects.
    if (response.statusCode() == QHttpServerResponse::StatusCode::ServiceUnavailable)
        m_database.closeConnection();
    qCInfo(lcServer).noquote() << request.clientAddress.toString() << request.path << int(response.statusCode())
                               << timer.elapsed() << "ms";
    return response;
}

Result<void> HttpApiServer::setTls(const QString &certificateFile, const QString &keyFile)
{
    if (!QSslSocket::supportsSsl())
        return tlsError(QCoreApplication::translate("Server", "TLS is not available: Qt found no OpenSSL library. "
                                                              "Install libssl3."));
    const auto readPem = [](const QString &path, QByteArray *pem, QString *problem) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *problem = file.errorString();
            return false;
        }
        *pem = file.read(maxPemSize);
        return true;
    };
    QByteArray pem;
    QString problem;
    if (!readPem(certificateFile, &pem, &problem))
        return tlsError(
            QCoreApplication::translate("Server", "The TLS certificate %1 cannot be read.").arg(certificateFile),
            problem);
    const QList<QSslCertificate> chain = QSslCertificate::fromData(pem, QSsl::Pem);
    if (chain.isEmpty())
        return tlsError(QCoreApplication::translate("Server", "The file %1 holds no PEM certificate. Give the "
                                                              "server's certificate (chain) in PEM format.")
                            .arg(certificateFile));
    if (!readPem(keyFile, &pem, &problem))
        return tlsError(QCoreApplication::translate("Server", "The TLS key %1 cannot be read.").arg(keyFile), problem);
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return tlsError(QCoreApplication::translate("Server", "The file %1 holds no unencrypted PEM private key "
                                                              "(RSA or EC).")
                            .arg(keyFile));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens, not certificates
    m_server.sslSetup(configuration);
    return {};
}

Result<quint16> HttpApiServer::listen(const QHostAddress &address, quint16 port)
{
    const quint16 listening = m_server.listen(address, port);
    if (listening != 0)
        return listening;
    // QtHttpServer only logs why; ask a plain QTcpServer for the reason to show.
    QTcpServer probe;
    const QString reason = probe.listen(address, port) ? QStringLiteral("unknown reason") : probe.errorString();
    return makeError(ErrorCode::Io,
                     QCoreApplication::translate("Server", "Cannot listen on %1 port %2: %3. Choose another "
                                                           "address or port, or stop the program that uses it.")
                         .arg(address.toString())
                         .arg(port)
                         .arg(reason));
}

void HttpApiServer::stop()
{
    for (QTcpServer *server : m_server.servers())
        server->close();
    m_pool.waitForDone();
}

} // namespace casedesk::server
