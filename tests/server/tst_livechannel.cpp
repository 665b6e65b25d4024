// The WebSocket live channel on a real QHttpServer (in this process) and PostgreSQL, with commands pushed through
// a real casedesk-server process: sockets that do not authenticate in time or with a bad token are closed, an
// authenticated one hears {"cursorMoved": true} only after changes of cases its user's scope reads (or read before
// the change), after a scope change of its own, and from everyone after a burst; a change whose transaction commits
// late still wakes its readers; the sockets of the real server processes are scoped the same way; a socket is
// closed when its login session ends.
//
// Absence is proven without sleeping: a ping answered by the server after a look has run comes back behind any
// message that look sent (one socket, one ordered stream), so once the pong is in, every message is counted.
#include "core/Case.h"
#include "core/Note.h"
#include "core/Uuid.h"
#include "server/ChangeListener.h"
#include "server/LiveChannel.h"
#include "server/ServerDatabase.h"
#include "server/SessionStore.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QWebSocket>

#include <map>
#include <memory>
#include <optional>

#include "PushTestBase.h"

using namespace casedesk;
using namespace casedesk::server;
using namespace casedesk::test;

namespace {

constexpr int timeoutMs = 20000; // parallel tests' transactions on the cluster may hold the feed back
constexpr int maxChangesPerLook = 3;

// Everyone with a socket on the in-process channel (PushTestBase's users).
const QStringList everyone{QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("carl"),
                           QStringLiteral("lea"),  QStringLiteral("audi"), QStringLiteral("olga"),
                           QStringLiteral("post"), QStringLiteral("admin")};
// Who reads a case of team 32.1: its clerks, its team lead and its auditor.
const QStringList team1Readers{QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("carl"),
                               QStringLiteral("lea"), QStringLiteral("audi")};

// A socket and the messages it heard.
struct Ear {
    std::unique_ptr<QWebSocket> socket;
    std::unique_ptr<QSignalSpy> messages;
    int expected = 0; // messages accounted for so far
};

using Ears = std::map<QString, Ear>; // move-only values: not a QHash

QString tokenMessage(const QString &token)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("accessToken"), token}}).toJson());
}

// Waits for the server's pong: every message it sent before answering has arrived.
bool roundTrip(QWebSocket &socket)
{
    QSignalSpy pong(&socket, &QWebSocket::pong);
    socket.ping();
    return pong.wait(timeoutMs);
}

} // namespace

class TestLiveChannel : public PushTestBase {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refused_data();
    void refused();
    void caseChangesWakeTheirScope_data();
    void caseChangesWakeTheirScope();
    void notificationWithoutChangeWakesNobody();
    void consultedTeamIsWoken();
    void deputyIsWoken();
    void teamChangeWakes();
    void lateCommitWakes_data();
    void lateCommitWakes();
    void burstWakesEveryone();
    void positionKeepsUpWithoutSockets();
    void serverProcessesScopeTheirSockets();
    void endedSessionCloses();
    void plainRequestIsRefused();

private:
    // A socket on `port`, authenticated with `token` (answered: the pong comes after the token was checked).
    std::unique_ptr<QWebSocket> connectSocket(quint16 port, const QString &token = {});
    // After one change (or scope change): each of `woken` hears one message more, everyone else none. Empty when so.
    QString expectWoken(Ears &ears, const QStringList &woken);
    QString expectWoken(const QStringList &woken) { return expectWoken(m_ears, woken); }
    QUuid createCase(const QString &login, const QUuid &teamId, const QString &assignee = {});
    QJsonObject run(const QString &login, const QUuid &caseId, CommandName name, const QJsonObject &args);
    QString exec(QSqlDatabase db, const QString &sql);
    // A change row of the case with its current version and the notification, as addChange writes them.
    QString addChange(QSqlDatabase db, const QUuid &caseId);
    // More change rows of the case in one commit than a look reads. Empty when so, else the problem.
    QString commitBurst(QSqlDatabase db, const QUuid &caseId);
    // A new case of `team` by `creator` (waking `firstWoken`), then a burst of its changes (waking everyone).
    // Empty when so, else the problem; the case's id in `caseId`.
    QString newCaseWithBurst(const QString &creator, const QUuid &team, const QStringList &firstWoken, QUuid *caseId);
    QUuid userId(const QString &login) { return m_clients.value(login).userId; }

    std::optional<ServerDatabase> m_channelDatabase; // the channel's own connection on this thread
    std::optional<ServerDatabase> m_second;          // for transactions held open
    std::shared_ptr<ChangeListener> m_listener;
    std::unique_ptr<QHttpServer> m_server;
    std::unique_ptr<LiveChannel> m_channel;
    quint16 m_port = 0;
    QHash<QString, Client> m_clients;
    Ears m_ears;
};

void TestLiveChannel::initTestCase()
{
    setUpServers();
    if (QTest::currentTestFailed())
        return;
    m_channelDatabase = ServerDatabase::fromConnectionString(m_pg->connectionString()).value();
    m_second = ServerDatabase::fromConnectionString(m_pg->connectionString()).value();
    m_listener = std::make_shared<ChangeListener>(m_channelDatabase.value());
    QTRY_VERIFY_WITH_TIMEOUT(m_listener->isListening(), timeoutMs);
    LiveChannelOptions options;
    options.authenticationTimeoutMs = 300;
    options.sessionCheckMs = 200;
    options.maxChangesPerLook = maxChangesPerLook;
    m_channel = std::make_unique<LiveChannel>(m_channelDatabase.value(), TokenLifetimes{}, m_listener, options);
    m_server = std::make_unique<QHttpServer>();
    m_channel->attach(*m_server);
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
    // The first look wakes whoever is there: nobody yet.
    QTRY_VERIFY_WITH_TIMEOUT(m_channel->looks() > 0, timeoutMs);
    for (const QString &login : everyone) {
        m_clients.insert(login, this->login(login));
        QVERIFY2(!m_clients.value(login).token.isEmpty(), qPrintable(login));
        Ear ear;
        ear.socket = connectSocket(m_port, m_clients.value(login).token);
        QVERIFY2(ear.socket, qPrintable(login));
        ear.messages = std::make_unique<QSignalSpy>(ear.socket.get(), &QWebSocket::textMessageReceived);
        m_ears.emplace(login, std::move(ear));
    }
    QCOMPARE(m_channel->authenticatedCount(), everyone.size());
}

void TestLiveChannel::cleanupTestCase()
{
    m_ears.clear();
    m_server.reset();
    m_channel.reset();
    m_listener.reset();
    if (m_channelDatabase)
        m_channelDatabase->closeConnection();
    if (m_second)
        m_second->closeConnection();
    tearDownServers();
}

std::unique_ptr<QWebSocket> TestLiveChannel::connectSocket(quint16 port, const QString &token)
{
    auto socket = std::make_unique<QWebSocket>();
    QSignalSpy connected(socket.get(), &QWebSocket::connected);
    socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/sync/live").arg(port)));
    if (!connected.wait(timeoutMs))
        return nullptr;
    if (!token.isEmpty()) {
        socket->sendTextMessage(tokenMessage(token));
        if (!roundTrip(*socket) || socket->state() != QAbstractSocket::ConnectedState)
            return nullptr;
    }
    return socket;
}

QString TestLiveChannel::expectWoken(Ears &ears, const QStringList &woken)
{
    for (const QString &login : woken) {
        Ear &ear = ears[login];
        ++ear.expected;
        if (!QTest::qWaitFor([&ear] { return ear.messages->count() >= ear.expected; }, timeoutMs))
            return QStringLiteral("%1 was not woken").arg(login);
    }
    QStringList problems;
    for (auto &[login, ear] : ears) {
        if (!roundTrip(*ear.socket))
            return QStringLiteral("no pong for %1").arg(login);
        if (ear.messages->count() != ear.expected)
            problems.append(QStringLiteral("%1 heard %2 messages, expected %3")
                                .arg(login)
                                .arg(ear.messages->count())
                                .arg(ear.expected));
        for (const QList<QVariant> &message : std::as_const(*ear.messages)) {
            if (QJsonDocument::fromJson(message.at(0).toString().toUtf8()).object() !=
                QJsonObject{{QStringLiteral("cursorMoved"), true}})
                problems.append(QStringLiteral("%1 heard %2").arg(login, message.at(0).toString()));
        }
        ear.expected = int(ear.messages->count()); // one failure does not spill into the next step
    }
    return problems.join(QStringLiteral("; "));
}

QJsonObject TestLiveChannel::run(const QString &login, const QUuid &caseId, CommandName name, const QJsonObject &args)
{
    Client &client = m_clients[login];
    // Through the second server process: its notification reaches this process's listener.
    return pushOne(client, command(client, caseId, name, args), m_b.get());
}

QUuid TestLiveChannel::createCase(const QString &login, const QUuid &teamId, const QString &assignee)
{
    Client &client = m_clients[login];
    Command create = createCommand(client, teamId);
    if (!assignee.isEmpty()) {
        Case theCase = Case::fromJson(create.args.value(QStringLiteral("case")).toObject()).value();
        theCase.assigneeId = userId(assignee);
        create.args.insert(QStringLiteral("case"), theCase.toJson());
    }
    const QJsonObject result = pushOne(client, create, m_b.get());
    if (result.value(QStringLiteral("result")).toString() != QLatin1String("applied")) {
        qWarning() << "createCase not applied:" << result;
        return {};
    }
    return create.caseId;
}

QString TestLiveChannel::exec(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return query.lastError().text();
    return {};
}

QString TestLiveChannel::addChange(QSqlDatabase db, const QUuid &caseId)
{
    return exec(db, QStringLiteral("WITH change AS (INSERT INTO changes (case_id, case_version) SELECT id, version"
                                   " FROM cases WHERE id = '%1' RETURNING seq)"
                                   " SELECT pg_notify('casedesk_changes', seq::text) FROM change")
                        .arg(uuidToString(caseId)));
}

QString TestLiveChannel::commitBurst(QSqlDatabase db, const QUuid &caseId)
{
    if (!db.transaction())
        return db.lastError().text();
    for (int i = 0; i <= maxChangesPerLook; ++i) {
        if (const QString problem = addChange(db, caseId); !problem.isEmpty()) {
            db.rollback();
            return problem;
        }
    }
    return db.commit() ? QString() : db.lastError().text();
}

QString TestLiveChannel::newCaseWithBurst(const QString &creator, const QUuid &team, const QStringList &firstWoken,
                                          QUuid *caseId)
{
    *caseId = createCase(creator, team);
    if (caseId->isNull())
        return QStringLiteral("no case created by ") + creator;
    if (const QString problem = expectWoken(firstWoken); !problem.isEmpty())
        return problem;
    if (const QString problem = commitBurst(m_database->connection().value(), *caseId); !problem.isEmpty())
        return problem;
    return expectWoken(everyone);
}

void TestLiveChannel::refused_data()
{
    QTest::addColumn<QString>("firstMessage"); // null: none at all
    QTest::newRow("nothing in time") << QString();
    QTest::newRow("unknown token") << QStringLiteral("{\"accessToken\": \"not-a-token\"}");
    QTest::newRow("no token") << QStringLiteral("{\"cursor\": \"x\"}");
    QTest::newRow("not JSON") << QStringLiteral("hello");
}

void TestLiveChannel::refused()
{
    QFETCH(QString, firstMessage);
    const qsizetype before = m_channel->authenticatedCount();
    const std::unique_ptr<QWebSocket> socket = connectSocket(m_port);
    QVERIFY(socket);
    QSignalSpy disconnected(socket.get(), &QWebSocket::disconnected);
    QSignalSpy messages(socket.get(), &QWebSocket::textMessageReceived);
    if (!firstMessage.isNull())
        socket->sendTextMessage(firstMessage);
    QVERIFY(disconnected.wait(timeoutMs));
    QCOMPARE(socket->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QCOMPARE(messages.count(), 0);
    QCOMPARE(m_channel->authenticatedCount(), before);
}

void TestLiveChannel::caseChangesWakeTheirScope_data()
{
    QTest::addColumn<QString>("creator");
    QTest::addColumn<bool>("team1"); // false: 67.2
    QTest::addColumn<QStringList>("woken");
    // The mailroom files for every team but reads nothing; the administrator reads no case by role alone.
    QTest::newRow("team 32.1 case") << QStringLiteral("anna") << true << team1Readers;
    QTest::newRow("team 67.2 case") << QStringLiteral("olga") << false << QStringList{QStringLiteral("olga")};
    QTest::newRow("mailroom for 67.2") << QStringLiteral("post") << false << QStringList{QStringLiteral("olga")};
    QTest::newRow("mailroom for 32.1") << QStringLiteral("post") << true << team1Readers;
}

void TestLiveChannel::caseChangesWakeTheirScope()
{
    QFETCH(QString, creator);
    QFETCH(bool, team1);
    QFETCH(QStringList, woken);
    const QUuid caseId = createCase(creator, team1 ? m_team : m_otherTeam);
    QVERIFY(!caseId.isNull());
    const QString problem = expectWoken(woken);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // A later change of the same case wakes the same sockets once more: the first message was not a leftover.
    const Note note{createUuidV7(), caseId, userId(woken.first()), QDateTime::currentDateTimeUtc(),
                    QStringLiteral("Vermerk")};
    QCOMPARE(run(woken.first(), caseId, CommandName::AddNote, {{QStringLiteral("note"), note.toJson()}})
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("applied"));
    const QString again = expectWoken(woken);
    QVERIFY2(again.isEmpty(), qPrintable(again));
}

void TestLiveChannel::notificationWithoutChangeWakesNobody()
{
    const quint64 looks = m_channel->looks();
    const QString notified =
        exec(m_database->connection().value(), QStringLiteral("SELECT pg_notify('casedesk_changes', '1')"));
    QVERIFY2(notified.isEmpty(), qPrintable(notified));
    QTRY_VERIFY_WITH_TIMEOUT(m_channel->looks() > looks, timeoutMs);
    const QString problem = expectWoken({});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLiveChannel::consultedTeamIsWoken()
{
    const QUuid caseId = createCase(QStringLiteral("olga"), m_otherTeam);
    QVERIFY(!caseId.isNull());
    QString problem = expectWoken({QStringLiteral("olga")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // The consultation is written with the change: the look after it sees team 32.1 consulted. Consultations pass
    // on work, so the auditor of 32.1 is not among the readers.
    QCOMPARE(run(QStringLiteral("olga"), caseId, CommandName::RequestConsultation,
                 {{QStringLiteral("team"), uuidToString(m_team)}})
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("applied"));
    const QStringList readers{QStringLiteral("olga"), QStringLiteral("anna"), QStringLiteral("bert"),
                              QStringLiteral("carl"), QStringLiteral("lea")};
    problem = expectWoken(readers);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const Note note{createUuidV7(), caseId, userId(QStringLiteral("bert")), QDateTime::currentDateTimeUtc(),
                    QStringLiteral("Stellungnahme")};
    QCOMPARE(run(QStringLiteral("bert"), caseId, CommandName::AddNote, {{QStringLiteral("note"), note.toJson()}})
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("applied"));
    problem = expectWoken(readers);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Bert's team ends its consultation: its members learn that the case left their scope, and after that only
    // the case's own team hears of it.
    QCOMPARE(run(QStringLiteral("bert"), caseId, CommandName::EndConsultation,
                 {{QStringLiteral("team"), uuidToString(m_team)}})
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("applied"));
    problem = expectWoken(readers);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const Note afterwards{createUuidV7(), caseId, userId(QStringLiteral("olga")), QDateTime::currentDateTimeUtc(),
                          QStringLiteral("Stellungnahme eingegangen")};
    QCOMPARE(run(QStringLiteral("olga"), caseId, CommandName::AddNote, {{QStringLiteral("note"), afterwards.toJson()}})
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("applied"));
    problem = expectWoken({QStringLiteral("olga")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLiveChannel::deputyIsWoken()
{
    // carl (32.1) stands in for olga (67.2) from today: his scope changes, found by the session check.
    QString problem =
        exec(m_database->connection().value(),
             QStringLiteral("INSERT INTO deputyships (id, absent_user_id, deputy_id, created_by)"
                            " VALUES (gen_random_uuid(), '%1', '%2', '%1')")
                 .arg(uuidToString(userId(QStringLiteral("olga"))), uuidToString(userId(QStringLiteral("carl")))));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = expectWoken({QStringLiteral("carl")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    const QUuid caseId = createCase(QStringLiteral("olga"), m_otherTeam, QStringLiteral("olga"));
    QVERIFY(!caseId.isNull());
    problem = expectWoken({QStringLiteral("olga"), QStringLiteral("carl")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Back to the team queue: the case leaves carl's scope, and his pull tells him to drop it.
    QCOMPARE(run(QStringLiteral("olga"), caseId, CommandName::Assign,
                 {{QStringLiteral("expected"), uuidToString(userId(QStringLiteral("olga")))},
                  {QStringLiteral("assignee"), QString()}})
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("applied"));
    problem = expectWoken({QStringLiteral("olga"), QStringLiteral("carl")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Out of his scope since the change before: nothing for him any more.
    const Note note{createUuidV7(), caseId, userId(QStringLiteral("olga")), QDateTime::currentDateTimeUtc(),
                    QStringLiteral("Vermerk")};
    QCOMPARE(run(QStringLiteral("olga"), caseId, CommandName::AddNote, {{QStringLiteral("note"), note.toJson()}})
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("applied"));
    problem = expectWoken({QStringLiteral("olga")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    problem = exec(m_database->connection().value(), QStringLiteral("DELETE FROM deputyships"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = expectWoken({QStringLiteral("carl")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLiveChannel::teamChangeWakes()
{
    const QString olga = uuidToString(userId(QStringLiteral("olga")));
    QString problem = exec(m_database->connection().value(),
                           QStringLiteral("INSERT INTO user_teams (user_id, team_id) VALUES ('%1', '%2')")
                               .arg(olga, uuidToString(m_team)));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = expectWoken({QStringLiteral("olga")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(!createCase(QStringLiteral("anna"), m_team).isNull());
    problem = expectWoken(team1Readers + QStringList{QStringLiteral("olga")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    problem = exec(m_database->connection().value(),
                   QStringLiteral("DELETE FROM user_teams WHERE user_id = '%1' AND team_id = '%2'")
                       .arg(olga, uuidToString(m_team)));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = expectWoken({QStringLiteral("olga")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(!createCase(QStringLiteral("anna"), m_team).isNull());
    problem = expectWoken(team1Readers);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLiveChannel::lateCommitWakes_data()
{
    // What the transaction held open (its xid taken before the committed change's) writes: a change of a 32.1 case,
    // which commits after a later change of a 67.2 case, or nothing (it ends without a notification).
    QTest::addColumn<bool>("heldWritesChange");
    QTest::newRow("older change commits later") << true;
    QTest::newRow("older transaction without change") << false;
}

void TestLiveChannel::lateCommitWakes()
{
    QFETCH(bool, heldWritesChange);
    const QUuid team1Case = createCase(QStringLiteral("anna"), m_team);
    QVERIFY(!team1Case.isNull());
    QString problem = expectWoken(team1Readers);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QUuid team2Case = createCase(QStringLiteral("olga"), m_otherTeam);
    QVERIFY(!team2Case.isNull());
    problem = expectWoken({QStringLiteral("olga")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    QSqlDatabase held = m_second->connection().value();
    QVERIFY(held.transaction());
    problem = heldWritesChange ? addChange(held, team1Case) : exec(held, QStringLiteral("SELECT pg_current_xact_id()"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Committed now, but pull cannot deliver it while the older transaction runs.
    const QUuid committedCase = heldWritesChange ? team2Case : team1Case;
    const quint64 looks = m_channel->looks();
    problem = addChange(m_database->connection().value(), committedCase);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QTRY_VERIFY_WITH_TIMEOUT(m_channel->looks() > looks, timeoutMs);
    problem = expectWoken({}); // a look ran after the commit and woke nobody yet
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    QVERIFY(held.commit());
    problem = expectWoken(heldWritesChange ? team1Readers + QStringList{QStringLiteral("olga")} : team1Readers);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLiveChannel::burstWakesEveryone()
{
    // More changes in one commit than a look reads: everyone, even those who read none of them.
    QUuid caseId;
    QString problem = newCaseWithBurst(QStringLiteral("olga"), m_otherTeam, {QStringLiteral("olga")}, &caseId);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QSqlDatabase db = m_database->connection().value();
    // The look went on from the end of the burst.
    problem = addChange(db, caseId);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = expectWoken({QStringLiteral("olga")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLiveChannel::positionKeepsUpWithoutSockets()
{
    // A channel of its own that nobody listens to yet: its looks read only the horizon.
    const Result<ServerDatabase> database = ServerDatabase::fromConnectionString(m_pg->connectionString());
    QVERIFY(database);
    LiveChannelOptions options;
    options.maxChangesPerLook = maxChangesPerLook;
    LiveChannel channel(database.value(), TokenLifetimes{}, m_listener, options);
    QHttpServer server;
    channel.attach(server);
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);

    // Team 32.1's new case and a burst of its changes, more than a look reads, before the first socket.
    QUuid caseId;
    QString problem = newCaseWithBurst(QStringLiteral("anna"), m_team, team1Readers, &caseId);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QSqlDatabase db = m_database->connection().value();
    const auto lastSeq = [&db] {
        QSqlQuery query(db);
        return query.exec(QStringLiteral("SELECT max(seq) FROM changes")) && query.next() ? query.value(0).toLongLong()
                                                                                          : -1;
    };
    const qint64 burstEnd = lastSeq();
    QTRY_VERIFY_WITH_TIMEOUT(channel.position() && channel.position()->seq == burstEnd, timeoutMs);

    // Anna's socket joins; the next change, of team 67.2, does not wake her: the burst lies behind the position.
    Ears ears;
    Ear ear;
    ear.socket = connectSocket(port, m_clients.value(QStringLiteral("anna")).token);
    QVERIFY(ear.socket);
    ear.messages = std::make_unique<QSignalSpy>(ear.socket.get(), &QWebSocket::textMessageReceived);
    ears.emplace(QStringLiteral("anna"), std::move(ear));
    QVERIFY(!createCase(QStringLiteral("olga"), m_otherTeam).isNull());
    problem = expectWoken({QStringLiteral("olga")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const qint64 olgasChange = lastSeq();
    QTRY_VERIFY_WITH_TIMEOUT(channel.position() && channel.position()->seq == olgasChange, timeoutMs);
    problem = expectWoken(ears, {});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // And a change of her team does.
    problem = addChange(db, caseId);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = expectWoken(ears, {QStringLiteral("anna")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = expectWoken(team1Readers);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLiveChannel::serverProcessesScopeTheirSockets()
{
    // Sockets on the first server process, commands through the second.
    Ears ears;
    for (const QString &login : {QStringLiteral("anna"), QStringLiteral("olga")}) {
        Ear ear;
        ear.socket = connectSocket(m_a->port(), this->login(login, m_a.get()).token);
        QVERIFY2(ear.socket, qPrintable(login));
        ear.messages = std::make_unique<QSignalSpy>(ear.socket.get(), &QWebSocket::textMessageReceived);
        ears.emplace(login, std::move(ear));
    }
    QVERIFY(!createCase(QStringLiteral("olga"), m_otherTeam).isNull());
    QString problem = expectWoken(ears, {QStringLiteral("olga")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = expectWoken({QStringLiteral("olga")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(!createCase(QStringLiteral("anna"), m_team).isNull());
    problem = expectWoken(ears, {QStringLiteral("anna")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = expectWoken(team1Readers);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLiveChannel::endedSessionCloses()
{
    const qsizetype before = m_channel->authenticatedCount();
    const Result<IssuedTokens> tokens = SessionStore(m_database->connection().value(), TokenLifetimes{})
                                            .start(userId(QStringLiteral("anna")), createUuidV7());
    QVERIFY(tokens.ok());
    const std::unique_ptr<QWebSocket> socket = connectSocket(m_port, QString::fromLatin1(tokens->accessToken));
    QVERIFY(socket);
    QCOMPARE(m_channel->authenticatedCount(), before + 1);
    QSignalSpy disconnected(socket.get(), &QWebSocket::disconnected);
    QVERIFY(SessionStore(m_database->connection().value(), TokenLifetimes{}).end(tokens->sessionId));
    QVERIFY(disconnected.count() > 0 || disconnected.wait(timeoutMs));
    QCOMPARE(socket->closeCode(), QWebSocketProtocol::CloseCodeNormal);
    QCOMPARE(m_channel->authenticatedCount(), before);
}

void TestLiveChannel::plainRequestIsRefused()
{
    const HttpReply reply =
        m_http.get(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(QLatin1String(LiveChannel::Path))));
    QCOMPARE(reply.status, 426);
    QCOMPARE(reply.errorCode(), QStringLiteral("websocket_only"));
}

QTEST_GUILESS_MAIN(TestLiveChannel)
#include "tst_livechannel.moc"
