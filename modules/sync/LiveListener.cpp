#include "sync/LiveListener.h"

#include "sync/RetryTimer.h"
#include "sync/ServerApi.h"
#include "sync/SyncLog.h"
#include "sync/TokenStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QWebSocket>

namespace casedesk::sync {

namespace {

// The server's messages are a few bytes; anything much larger is not the live channel.
constexpr quint64 MaxMessageSize = 4096;

QUrl liveUrl(const QUrl &serverUrl)
{
    QUrl url = serverUrl;
    url.setScheme(serverUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + QStringLiteral("/api/v1/sync/live"));
    url.setQuery(QString());
    return url;
}

} // namespace

LiveListener::LiveListener(ServerApi &api, TokenStore &tokens, RetryTimer &retryTimer, QObject *parent)
    : QObject(parent), m_api(api), m_tokens(tokens), m_retryTimer(retryTimer)
{
    m_connectTimeout.setSingleShot(true);
    connect(&m_connectTimeout, &QTimer::timeout, this,
            [this] { lost(QStringLiteral("no connection in time"), false); });
    connect(&m_ping, &QTimer::timeout, this, [this] { onPingDue(); });
    // A new token may be what a refused connection was missing.
    connect(&m_api, &ServerApi::tokensRefreshed, this, [this] {
        if (m_running && !m_listening)
            connectNow();
    });
    connect(&m_api, &ServerApi::sessionEnded, this, [this] { stop(); });
}

LiveListener::~LiveListener()
{
    // Neither the retry timer, which outlives us, nor the socket's last signals may reach a destroyed listener.
    stop();
}

void LiveListener::start()
{
    m_running = true;
    m_failures = 0;
    connectNow();
}

void LiveListener::stop()
{
    m_running = false;
    m_retryTimer.stop();
    dropSocket();
}

void LiveListener::connectNow()
{
    m_retryTimer.stop();
    dropSocket();
    if (!m_tokens.tokens()) {
        // Not logged in (yet): there is nothing to authenticate with.
        lost(QStringLiteral("no session"), false);
        return;
    }
    const QUrl url = liveUrl(m_api.serverUrl());
    qCDebug(lcSync) << "connecting the live channel" << url;
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    socket->setMaxAllowedIncomingMessageSize(MaxMessageSize);
    socket->setMaxAllowedIncomingFrameSize(MaxMessageSize);
    connect(socket, &QWebSocket::connected, this, [this] { onConnected(); });
    connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) { onMessage(message); });
    connect(socket, &QWebSocket::pong, this, [this] { onPong(); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        lost(QStringLiteral("closed (%1 %2)").arg(int(socket->closeCode())).arg(socket->closeReason()),
             socket->closeCode() == QWebSocketProtocol::CloseCodePolicyViolated);
    });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket] { lost(socket->errorString(), false); });
    m_connectTimeout.start(m_options.connectTimeout);
    socket->open(url);
}

void LiveListener::onConnected()
{
    // Read at this moment, not at open(): a refresh during the handshake has replaced the token.
    const std::optional<SessionTokens> tokens = m_tokens.tokens();
    if (!tokens) {
        lost(QStringLiteral("the session ended while connecting"), false);
        return;
    }
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("accessToken"), tokens->accessToken}})
                              .toJson(QJsonDocument::Compact)));
    // The server acknowledges nothing, but it reads the token before the ping that follows and closes a socket
    // whose token it refuses: the pong says that the token was accepted. The connect timeout runs on until then.
    m_awaitingPong = true;
    m_socket->ping();
}

void LiveListener::onPong()
{
    m_awaitingPong = false;
    // A pong behind the close frame of a refusal is no acceptance.
    if (m_listening || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_connectTimeout.stop();
    m_ping.start(m_options.pingInterval);
    m_failures = 0; // the backoff starts anew at the next loss
    setListening(true);
    qCInfo(lcSync) << "live channel open";
    // Changes made while we were not listening were announced to no one.
    emit cursorMoved();
}

void LiveListener::onMessage(const QString &message)
{
    const QJsonObject body = QJsonDocument::fromJson(message.toUtf8()).object();
    if (!body.value(QStringLiteral("cursorMoved")).toBool()) {
        qCDebug(lcSync) << "live channel: ignoring a message that is not cursorMoved";
        return;
    }
    emit cursorMoved();
}

void LiveListener::onPingDue()
{
    if (m_awaitingPong) {
        // The last ping went unanswered for a whole interval: the peer or the path is gone without a word.
        lost(QStringLiteral("no pong"), false);
        return;
    }
    m_awaitingPong = true;
    m_socket->ping();
}

void LiveListener::lost(const QString &why, bool refused)
{
    dropSocket();
    if (!m_running)
        return;
    qCInfo(lcSync).noquote() << "live channel lost:" << why;
    scheduleRetry();
    // A refused token: the pull this starts refreshes it (tokensRefreshed then reconnects) or ends the session.
    if (refused)
        emit cursorMoved();
}

void LiveListener::dropSocket()
{
    m_connectTimeout.stop();
    m_ping.stop();
    if (QWebSocket *socket = m_socket) {
        m_socket = nullptr;
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        socket->deleteLater();
    }
    setListening(false);
}

void LiveListener::scheduleRetry()
{
    const auto backoff = std::min<std::chrono::milliseconds>(
        m_options.maxRetry, m_options.firstRetry * (qint64(1) << std::min(m_failures, 20)));
    ++m_failures;
    // Between half and all of the backoff, so that the clients of a restarted server spread out.
    const std::chrono::milliseconds delay(
        backoff.count() / 2 + qint64(QRandomGenerator::global()->bounded(quint64(backoff.count() / 2 + 1))));
    emit retryScheduled(delay);
    m_retryTimer.start(delay, [this] { connectNow(); });
}

void LiveListener::setListening(bool listening)
{
    if (m_listening == listening)
        return;
    m_listening = listening;
    emit listeningChanged(listening);
}

} // namespace casedesk::sync
