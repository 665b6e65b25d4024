// The live channel as a WebSocket (DESIGN.md, "Sync protocol"): "your cursor moved", fed by the process's
// ChangeListener (LISTEN/NOTIFY, so changes committed through any server process count).
//
// GET /api/v1/sync/live with "Upgrade: websocket". QtHttpServer 6.4 upgrades a request only when a route takes it
// and writes no answer, and before that no header can be checked (browsers cannot even send one on a WebSocket),
// so the socket proves who it is in its first message, {"accessToken": "..."}, within a few seconds; otherwise, or with
// a token that is not valid, it is closed (1008, policy violation; 1011 when the database is unavailable: connect again
// later). Once authenticated it receives {"cursorMoved": true} after changes (several changes within a short time give
// one message) and pulls; the message carries no data, so a change of another scope costs the client one empty pull and
// reveals nothing. It is closed (1000) when its login session ends (logout, user disabled, refresh token reused),
// checked for all sockets at once.
//
// Everything here runs on the HTTP server's thread; the token check is one indexed query on that thread's
// database connection.
#pragma once

#include "server/ChangeListener.h"
#include "server/ServerDatabase.h"
#include "server/SessionStore.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUuid>

#include <memory>

class QHttpServer;
class QWebSocket;

namespace casedesk::server {

struct LiveChannelOptions {
    int authenticationTimeoutMs = 5000;
    int sessionCheckMs = 30000;
    int coalesceMs = 250; // changes within this time give one message
    qint64 maxMessageSize = 4096;
};

class LiveChannel : public QObject {
public:
    LiveChannel(ServerDatabase database, TokenLifetimes lifetimes, std::shared_ptr<ChangeListener> listener,
                LiveChannelOptions options = {});
    ~LiveChannel() override;

    static constexpr char Path[] = "/api/v1/sync/live";

    // Routes Path on `server` (a plain request gets 426) and takes the WebSocket connections; on its thread.
    void attach(QHttpServer &server);
    qsizetype authenticatedCount() const { return m_sessions.size(); }

private:
    void accept(QWebSocket *socket);
    void authenticate(QWebSocket *socket, const QString &message);
    void announce();
    void checkSessions();

    ServerDatabase m_database;
    TokenLifetimes m_lifetimes;
    std::shared_ptr<ChangeListener> m_listener;
    LiveChannelOptions m_options;
    QHash<QWebSocket *, QUuid> m_sessions; // authenticated sockets and their login sessions
    QTimer m_coalesce;
    QTimer m_sessionCheck;
};

} // namespace casedesk::server
