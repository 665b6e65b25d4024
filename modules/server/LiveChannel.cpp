#include "server/LiveChannel.h"

#include "core/Clock.h"
#include "core/Uuid.h"
#include "server/ApiError.h"
#include "server/CaseStore.h"
#include "server/ChangeFeed.h"
#include "server/ScopeFilter.h"
#include "server/ServerLog.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QStringList>
#include <QWebSocket>

#include <algorithm>

namespace casedesk::server {

namespace {

const QString movedMessage = QStringLiteral("{\"cursorMoved\":true}");

void refuse(QWebSocket *socket, const QString &reason)
{
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
}

QList<QUuid> uuidList(const QString &commaSeparated)
{
    QList<QUuid> ids;
    for (const QString &id : commaSeparated.split(u',', Qt::SkipEmptyParts))
        ids.append(uuidFromString(id));
    return ids;
}

// What a look found: whether changes wait for an older transaction, the end of what pull can deliver, and the
// access facts of the cases changed after the position (each distinct set once).
struct Look {
    bool settling = false;
    std::optional<SyncCursor> head;
    int changes = 0;
    QList<CaseAccessFacts> facts;
};

// The horizon of the look: whether changes wait for an older transaction, and the last change below it.
QString horizonSql()
{
    return QStringLiteral("(SELECT ") + ChangeFeed::settlingSql() +
           QStringLiteral(" AS settling, e.xid, e.seq FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT xid, seq FROM"
                          " changes WHERE xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid DESC, seq DESC"
                          " LIMIT 1) e ON true) h");
}

// One statement, so one snapshot: the horizon (the snapshot's xmin, as in ChangeFeed), the changes below it after the
// position in commit order (index changes_commit_order), each with its case's team and assignee as the change left
// them (kept on the change row), the case's open consultations and the one the change's command ended, whose team
// learns so (consultations_case), and the facts of the case's change before (changes_case, backwards: a change row is
// written under its case's row lock, so its case's changes follow each other in seq order). Nothing here reads the
// cases table: a generic plan that expects many changes would scan all of it on every look. The end of the deliverable
// feed comes from the same snapshot, so jumping there after too many changes skips nothing unseen. `limit` is written
// into the text: with a parameter the generic plan would expect a tenth of the table and cost enough to be JIT-compiled
// on every run.
QString lookSql(int limit)
{
    return QStringLiteral(
               "SELECT h.settling, h.xid::text, h.seq, b.xid::text, b.team_id::text, b.assignee_id::text, b.consulting,"
               " b.prior_team::text, b.prior_assignee::text FROM ") +
           horizonSql() +
           QStringLiteral(
               " LEFT JOIN LATERAL (SELECT ch.xid, ch.seq, ch.team_id, ch.assignee_id,"
               "  (SELECT string_agg(k.team_id::text, ',') FROM consultations k WHERE k.case_id = ch.case_id"
               "   AND (k.ended_at IS NULL OR k.ended_by_command = ch.command_id)) AS consulting,"
               "  p.team_id AS prior_team, p.assignee_id AS prior_assignee"
               "  FROM changes ch"
               "  LEFT JOIN LATERAL (SELECT team_id, assignee_id FROM changes WHERE case_id = ch.case_id"
               "   AND seq < ch.seq ORDER BY seq DESC LIMIT 1) p ON true"
               "  WHERE ch.xid < pg_snapshot_xmin(pg_current_snapshot()) AND (ch.xid, ch.seq) > (CAST(:xid AS xid8), "
               ":seq)"
               "  ORDER BY ch.xid, ch.seq LIMIT %1) b ON true"
               " ORDER BY b.xid, b.seq")
               .arg(limit);
}

// A look without sockets only keeps the position: the horizon alone, two index look-ups instead of reading every
// change since the last look with its facts.
QString horizonLookSql()
{
    return QStringLiteral("SELECT h.settling, h.xid::text, h.seq FROM ") + horizonSql();
}

// `sql` is lookSql() with the changes after `after`, or horizonLookSql() without (nullopt).
Result<Look> readChanges(const QSqlDatabase &db, const QString &sql, const std::optional<SyncCursor> &after)
{
    QList<std::pair<QString, QVariant>> position;
    if (after)
        position = {{QStringLiteral(":xid"), QString::number(after->xid)}, {QStringLiteral(":seq"), after->seq}};
    const Result<QSqlQuery *> query = CaseStore::run(db, sql, position);
    if (!query)
        return query.error();
    QSqlQuery &row = **query;
    const bool withChanges = after.has_value();
    Look look;
    QSet<QString> known; // the facts as text, to keep each distinct set once
    const auto add = [&](const CaseAccessFacts &facts, const QString &key) {
        if (!known.contains(key)) {
            known.insert(key);
            look.facts.append(facts);
        }
    };
    while (row.next()) {
        look.settling = row.value(0).toBool();
        if (!row.isNull(1))
            look.head = SyncCursor{row.value(1).toString().toULongLong(), row.value(2).toLongLong(), {}};
        if (!withChanges || row.isNull(3))
            continue; // no change after the position: the one row of the horizon
        ++look.changes;
        const QString team = row.value(4).toString();
        const QString assignee = row.value(5).toString();
        const QString consulting = row.value(6).toString();
        add({uuidFromString(team), uuidFromString(assignee), uuidList(consulting)},
            team + u'/' + assignee + u'/' + consulting);
        // Readable as of the change before: the case has left that scope, and pull says so (its "removed").
        if (!row.isNull(7)) {
            const QString priorTeam = row.value(7).toString();
            const QString priorAssignee = row.value(8).toString();
            add({uuidFromString(priorTeam), uuidFromString(priorAssignee), {}},
                priorTeam + u'/' + priorAssignee + u'/');
        }
    }
    row.finish();
    return look;
}

} // namespace

LiveChannel::LiveChannel(ServerDatabase database, TokenLifetimes lifetimes, std::shared_ptr<ChangeListener> listener,
                         LiveChannelOptions options)
    // The look's plan is made for few changes after the position, so it is planned once and kept: a plan for its
    // values would cost more than the look itself, on every look.
    : m_database(database.withSetting(QStringLiteral("plan_cache_mode"), QStringLiteral("force_generic_plan"))),
      m_lifetimes(lifetimes), m_listener(std::move(listener)), m_options(options),
      m_lookSql(lookSql(options.maxChangesPerLook + 1)), // one more tells that there are too many
      m_horizonLookSql(horizonLookSql())
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(m_options.coalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, [this] { look(); });
    m_sessionCheck.setInterval(m_options.sessionCheckMs);
    connect(&m_sessionCheck, &QTimer::timeout, this, [this] { checkSessions(); });
    m_sessionCheck.start();
    m_listener->subscribe(this, [this] { announce(); });
    m_coalesce.start(); // the first look finds the position from which later looks start
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
    const AuthSession &authenticated = std::get<AuthSession>(session);
    const Result<ScopeFilter> filter = ScopeFilter::forUser(db.value(), authenticated.user, Clock::current());
    if (!filter) {
        qCWarning(lcServer).noquote() << "live updates: cannot read a scope:" << filter.error().toString();
        m_database.closeConnection();
        socket->close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("the database is unavailable"));
        return;
    }
    m_sessions.insert(socket, {authenticated.sessionId, filter->scope()});
}

void LiveChannel::announce()
{
    // Also without sockets: the position keeps up (horizonLookSql()), so the first socket is not woken by everything
    // before it.
    // The first change after a quiet time is looked at at once (a team lead's assignment should show within a
    // blink), later ones at most once per coalescing time.
    if (m_coalesce.isActive())
        return;
    const qint64 since = m_lastLook.isValid() ? m_lastLook.elapsed() : qint64(m_options.coalesceMs);
    m_coalesce.start(int(std::max<qint64>(0, m_options.coalesceMs - since)));
}

void LiveChannel::wakeEveryone()
{
    for (QWebSocket *socket : m_sessions.keys())
        socket->sendTextMessage(movedMessage);
}

void LiveChannel::look()
{
    ++m_looks;
    m_lastLook.start();
    const Result<QSqlDatabase> db = m_database.connection();
    Result<Look> found = !db                    ? Result<Look>(db.error())
                         : m_sessions.isEmpty() ? readChanges(db.value(), m_horizonLookSql, std::nullopt)
                                                : readChanges(db.value(), m_lookSql, m_position.value_or(SyncCursor{}));
    if (!found) {
        // The next notification looks again from the same position; until then nobody may miss a change.
        qCWarning(lcServer).noquote() << "live updates: cannot read the changes:" << found.error().toString();
        m_database.closeConnection();
        wakeEveryone();
        return;
    }
    const Look &changes = found.value();
    if (!m_position || changes.changes > m_options.maxChangesPerLook) {
        // Before the first look nobody knows what the sockets have seen.
        m_position = changes.head.value_or(SyncCursor{});
        wakeEveryone();
    } else {
        if (changes.head)
            m_position = changes.head;
        QList<QWebSocket *> woken; // collected first: a send may end a socket
        for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
            const AccessScope &scope = it->scope;
            if (std::any_of(changes.facts.cbegin(), changes.facts.cend(),
                            [&scope](const CaseAccessFacts &facts) { return ScopeFilter::reads(scope, facts); }))
                woken.append(it.key());
        }
        for (QWebSocket *socket : woken)
            socket->sendTextMessage(movedMessage);
    }
    // Held back by an older transaction: pull delivers them once it ends, which may come without a notification.
    if (changes.settling)
        m_coalesce.start(m_options.coalesceMs);
}

void LiveChannel::checkSessions()
{
    if (m_sessions.isEmpty())
        return;
    const Result<QSqlDatabase> db = m_database.connection();
    if (!db)
        return; // looked at again next time
    QList<QUuid> sessionIds;
    for (const Listener &listener : std::as_const(m_sessions))
        sessionIds.append(listener.sessionId);
    // The running sessions with their users as SessionStore::authenticate() reads them (teams in the same order, so
    // an unchanged scope compares equal).
    const Result<QSqlQuery *> query = CaseStore::run(
        db.value(),
        QStringLiteral("SELECT s.id::text, u.id::text, array_to_string(u.roles, ','),"
                       " (SELECT string_agg(t.id::text, ',' ORDER BY t.code) FROM user_teams ut JOIN teams t"
                       "  ON t.id = ut.team_id WHERE ut.user_id = u.id)"
                       " FROM sessions s JOIN users u ON u.id = s.user_id"
                       " WHERE s.id = ANY(CAST(:ids AS uuid[])) AND s.expires_at > now() AND NOT u.disabled"),
        {{QStringLiteral(":ids"), ScopeFilter::uuidArray(sessionIds)}});
    if (!query) {
        qCWarning(lcServer).noquote() << "live updates: cannot check sessions:" << query.error().toString();
        m_database.closeConnection();
        return;
    }
    QHash<QUuid, QUuid> userOfSession;
    QHash<QUuid, User> users;
    while ((*query)->next()) {
        const QSqlQuery &row = **query;
        User user;
        user.id = uuidFromString(row.value(1).toString());
        for (const QString &key : row.value(2).toString().split(u',', Qt::SkipEmptyParts)) {
            Role role;
            if (roleFromString(key, &role))
                user.roles.append(role);
        }
        user.teamIds = uuidList(row.value(3).toString());
        userOfSession.insert(uuidFromString(row.value(0).toString()), user.id);
        users.insert(user.id, user);
    }
    (*query)->finish();
    const Result<QHash<QUuid, AccessScope>> scopes =
        ScopeFilter::scopesOf(db.value(), users.values(), Clock::current());
    if (!scopes) {
        qCWarning(lcServer).noquote() << "live updates: cannot read scopes:" << scopes.error().toString();
        m_database.closeConnection();
        return;
    }
    // Collected first: closing may remove the socket from m_sessions at once.
    QList<QWebSocket *> ended;
    QList<QWebSocket *> rescoped;
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
        const auto user = userOfSession.constFind(it->sessionId);
        if (user == userOfSession.cend()) {
            ended.append(it.key());
            continue;
        }
        AccessScope scope = scopes->value(user.value());
        if (scope != it->scope) {
            it->scope = std::move(scope);
            rescoped.append(it.key());
        }
    }
    // Its pull starts over with the new scope: what came into it arrives, what left it is dropped.
    for (QWebSocket *socket : rescoped)
        socket->sendTextMessage(movedMessage);
    for (QWebSocket *socket : ended) {
        m_sessions.remove(socket);
        socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("the session has ended"));
    }
}

} // namespace casedesk::server
