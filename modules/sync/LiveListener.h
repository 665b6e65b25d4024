// The client end of the server's live channel (DESIGN.md, "Sync protocol"; modules/server/LiveChannel): a
// WebSocket on /api/v1/sync/live that proves who it is with the access token in its first message and then hears
// {"cursorMoved": true} after changes in the server's feed. The message carries no data: connect cursorMoved() to
// SyncEngine::syncNow() and the engine pulls.
//
// cursorMoved() is also emitted each time the server accepts the token of a new connection, because changes made while
// it was down were announced to no one, and when the server refuses the token: the pull that follows refreshes it
// through ServerApi (or finds the session ended), and tokensRefreshed() brings the listener back at once. A lost or
// refused connection is tried again with exponential backoff (with jitter, so that the clients of a restarted server do
// not all come back in the same instant); a connection that no longer answers pings counts as lost.
// ServerApi::sessionEnded() stops the listener until start() is called after the next login. Everything runs on the
// listener's thread.
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

class QWebSocket;

namespace casedesk::sync {

class RetryTimer;
class ServerApi;
class TokenStore;

class LiveListener : public QObject {
    Q_OBJECT

public:
    struct Options {
        std::chrono::milliseconds firstRetry{1000};      // backoff after the first failure, doubling
        std::chrono::milliseconds maxRetry{60000};       // and never more than this
        std::chrono::milliseconds connectTimeout{15000}; // until the server has accepted the token (the first pong)
        std::chrono::milliseconds pingInterval{30000};   // a connection is asked for a pong this often
    };

    // The server is the one `api` talks to at each connection attempt (ServerApi::setServerUrl counts).
    LiveListener(ServerApi &api, TokenStore &tokens, RetryTimer &retryTimer, QObject *parent = nullptr);
    ~LiveListener() override;
    void setOptions(const Options &options) { m_options = options; }

    // Connects now (again, if connected) and keeps the channel open until stop().
    void start();
    void stop();
    // The socket is open and the server has accepted the token.
    bool isListening() const { return m_listening; }

signals:
    void cursorMoved();
    void listeningChanged(bool listening);
    void retryScheduled(std::chrono::milliseconds delay);

private:
    void connectNow();
    void onConnected();
    void onPong();
    void onMessage(const QString &message);
    void onPingDue();
    // The socket is gone (refused, closed, unreachable or silent): clean up and try again later.
    void lost(const QString &why, bool refused);
    void dropSocket();
    void scheduleRetry();
    void setListening(bool listening);

    ServerApi &m_api;
    TokenStore &m_tokens;
    RetryTimer &m_retryTimer;
    Options m_options;
    QPointer<QWebSocket> m_socket;
    QTimer m_connectTimeout;
    QTimer m_ping;
    bool m_awaitingPong = false;
    bool m_running = false;
    bool m_listening = false;
    int m_failures = 0; // failed or refused connections in a row
};

} // namespace casedesk::sync
