#include "server/LiveChannel.h"

#include "core/Uuid.h"
#include "server/ApiError.h"
#include "server/CaseStore.h"
#include "server/ScopeFilter.h"
#include "server/ServerLog.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QWebSocket>

namespace casedesk::server {

namespace {

const QString movedMessage = QStringLiteral("{\"cursorMoved\":true}");

void refuse(QWebSocket *socket, const QString &reason)
{
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
}

} // namespace

LiveChannel::LiveChannel(ServerDatabase database, TokenLifetimes lifetimes, std::shared_ptr<ChangeListener> listener,
                         LiveChannelOptions options)
    : m_database(std::move(database)), m_lifetimes(lifetimes), m_listener(std::move(listener)), m_options(options)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(m_options.coalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, [this] {
        for (QWebSocket *socket : m_sessions.keys())
            socket->sendTextMessage(movedMessage);
    });
    m_sessionCheck.setInterval(m_options.sessionCheckMs);
    connect(&m_sessionCheck, &QTimer::timeout, this, [this] { checkSessions(); });
    m_sessionCheck.start();
    m_listener->subscribe(this, [this] { announce(); });
}

LiveChannel::~LiveChannel()
{
    m_listener->unsubscribe(this);
}

void LiveChannel::attach(QHttpServer &server)
{
    server.route(QLatin1String(Path), [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        // Answering nothing lets QtHttpServer hand the connection to its WebSocket server.
        if (request.value(QByteArrayLiteral("upgrade")).compare(QByteArrayLiteral("websocket"), Qt::CaseInsensitive) ==
            0)
            return;
        ApiError{ApiError::Status::UpgradeRequired, QStringLiteral("websocket_only"),
                 QStringLiteral("This is a WebSocket endpoint: connect with \"Upgrade: websocket\".")}
            .response()
            .write(std::move(responder));
    });
    connect(&server, &QAbstractHttpServer::newWebSocketConnection, this, [this, &server] {
        while (server.hasPendingWebSocketConnections())
            accept(server.nextPendingWebSocketConnection().release());
    });
}

void LiveChannel::accept(QWebSocket *socket)
{
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(quint64(m_options.maxMessageSize));
    socket->setMaxAllowedIncomingFrameSize(quint64(m_options.maxMessageSize));
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        m_sessions.remove(socket);
        socket->deleteLater();
    });
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &message) {
        if (!m_sessions.contains(socket))
            authenticate(socket, message);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket] {
        if (!m_sessions.contains(socket))
            refuse(socket, QStringLiteral("send {\"accessToken\": TOKEN} as a text message"));
    });
    // The deadline of the first message; the socket owns the timer, so it ends with the socket.
    QTimer::singleShot(m_options.authenticationTimeoutMs, socket, [this, socket] {
        if (!m_sessions.contains(socket))
            refuse(socket, QStringLiteral("no access token in time"));
    });
}

void LiveChannel::authenticate(QWebSocket *socket, const QString &message)
{
    const QJsonObject body = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString token = body.value(QStringLiteral("accessToken")).toString();
    if (token.isEmpty() || token.size() > 256) {
        refuse(socket, QStringLiteral("send {\"accessToken\": TOKEN} first"));
        return;
    }
    const Result<QSqlDatabase> db = m_database.connection();
    if (!db) {
        socket->close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("the database is unavailable"));
        return;
    }
    const ApiResult<AuthSession> session = SessionStore(db.value(), m_lifetimes).authenticate(token.toLatin1());
    if (const ApiError *error = std::get_if<ApiError>(&session)) {
        if (error->status == ApiError::Status::ServiceUnavailable)
            socket->close(QWebSocketProtocol::CloseCodeBadOperation, error->code);
        else
            refuse(socket, error->code);
        return;
    }
    m_sessions.insert(socket, std::get<AuthSession>(session).sessionId);
}

void LiveChannel::announce()
{
    if (!m_sessions.isEmpty() && !m_coalesce.isActive())
        m_coalesce.start();
}

void LiveChannel::checkSessions()
{
    if (m_sessions.isEmpty())
        return;
    const Result<QSqlDatabase> db = m_database.connection();
    if (!db)
        return; // looked at again next time
    const Result<QSqlQuery *> query = CaseStore::run(
        db.value(),
        QStringLiteral("SELECT id::text FROM sessions WHERE id = ANY(CAST(:ids AS uuid[])) AND expires_at > now()"),
        {{QStringLiteral(":ids"), ScopeFilter::uuidArray(m_sessions.values())}});
    if (!query) {
        qCWarning(lcServer).noquote() << "live updates: cannot check sessions:" << query.error().toString();
        m_database.closeConnection();
        return;
    }
    QSet<QUuid> running;
    while ((*query)->next())
        running.insert(uuidFromString((*query)->value(0).toString()));
    (*query)->finish();
    // Collected first: closing may remove the socket from m_sessions at once.
    QList<QWebSocket *> ended;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        if (!running.contains(it.value()))
            ended.append(it.key());
    }
    for (QWebSocket *socket : ended) {
        m_sessions.remove(socket);
        socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("the session has ended"));
    }
}

} // namespace casedesk::server
