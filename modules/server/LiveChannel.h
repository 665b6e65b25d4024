// The live channel as a WebSocket (DESIGN.md, "Sync protocol"): "your cursor moved", fed by the process's
// ChangeListener (LISTEN/NOTIFY, so changes committed through any server process count).
//
// GET /api/v1/sync/live with "Upgrade: websocket". QtHttpServer 6.4 upgrades a request only when a route takes it
// and writes no answer, and before that no header can be checked (browsers cannot even send one on a WebSocket),
// so the socket proves who it is in its first message, {"accessToken": "..."}, within a few seconds; otherwise, or with
// a token that is not valid, it is closed (1008, policy violation; 1011 when the database is unavailable: connect again
// later). Once authenticated it receives {"cursorMoved": true} when a pull would bring it something, and pulls; the
// message carries no data.
//
// Scoped, so that a change does not wake every client (a thousand empty pulls): a notification after a quiet time
// is looked at at once, later ones at most once per coalescing time (several changes then give one look); the look
// reads, in ONE indexed statement, the changes pull can
// deliver now that were not looked at yet, with the access facts of their cases: the case's team, assignee and open
// consultations now, and its team and assignee as of its change before. A socket hears the message when its user's
// scope reads one of these (ScopeFilter::reads, the rule of pull's SQL): the case is in its scope, or was before the
// change (pull then tells it to drop the case). More than maxChangesPerLook changes at once, a failed look, or the
// first look of the process wake every socket instead, which is always safe.
//
// Which changes a look reads follows pull's hole guard (ChangeFeed): a position in commit order (xid, seq) that only
// moves over changes whose transaction is older than every running one. A change whose seq was taken early but that
// commits late has an xid at or above that horizon, so it is read by a later look, never skipped; and no socket is
// woken before pull can deliver its change (it would pull nothing and then wait). While committed changes are held
// back by an older running transaction, the look is repeated after the coalescing time, because that transaction may
// end without a notification.
//
// The user's scope (roles, teams, deputyships running today) is loaded when the socket authenticates and loaded again
// for all sockets at once by the periodic session check; a socket whose scope changed (new team, deputyship starting
// or ending) hears the message then, and its pull starts over (reset). Consultations need no such check: requesting one
// writes a change of the case, and the look sees the consultation, as it runs after the change committed. The socket is
// closed (1000) when its login session ends (logout, user disabled, refresh token reused), found by the same check.
//
// Everything here runs on the HTTP server's thread; the token check, the look and the session check are each a few
// indexed queries on that thread's database connection.
#pragma once

#include "core/AccessScope.h"
#include "server/ChangeListener.h"
#include "server/ServerDatabase.h"
#include "server/SessionStore.h"
#include "server/SyncCursor.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <optional>

class QHttpServer;
class QWebSocket;

namespace casedesk::server {

struct LiveChannelOptions {
    int authenticationTimeoutMs = 5000;
    int sessionCheckMs = 30000;
    // At most one look (and one message per socket) in this time: 50 indexed reads of a few rows a second. A
    // change in a busy time waits for the next look, so this is also what the live channel adds to propagation.
    int coalesceMs = 20;
    int maxChangesPerLook = 1000; // more changes than this since the last look wake every socket
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
    // Looks at the changes so far: wait for it to grow to know that the changes committed before were looked at.
    quint64 looks() const { return m_looks; }
    // Every change up to here in commit order has been looked at (for tests).
    std::optional<SyncCursor> position() const { return m_position; }

private:
    void accept(QWebSocket *socket);
    void authenticate(QWebSocket *socket, const QString &message);
    void announce();
    void look();
    void wakeEveryone();
    void checkSessions();

    struct Listener {
        QUuid sessionId;
        AccessScope scope; // of the session's user
    };

    ServerDatabase m_database;
    TokenLifetimes m_lifetimes;
    std::shared_ptr<ChangeListener> m_listener;
    LiveChannelOptions m_options;
    QString m_lookSql;
    QString m_horizonLookSql;                 // while no socket listens
    QHash<QWebSocket *, Listener> m_sessions; // authenticated sockets
    // Every change up to here in commit order (xid, seq; no fingerprint) has been looked at; none before the first
    // look.
    std::optional<SyncCursor> m_position;
    quint64 m_looks = 0;
    QTimer m_coalesce;
    QElapsedTimer m_lastLook;
    QTimer m_sessionCheck;
};

} // namespace casedesk::server
