#include "PushTestBase.h"

#include "core/Case.h"
#include "core/Uuid.h"
#include "server/UserDirectory.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include "TestUsers.h"

namespace casedesk::test {

void PushTestBase::setUpServers()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    TestUsers users(m_pg->connectionString());
    const QString problem = users.setUp({QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("carl")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const Result<server::ServerDatabase> database =
        server::ServerDatabase::fromConnectionString(m_pg->connectionString());
    QVERIFY(database.ok());
    m_database = database.value();
    const Result<QSqlDatabase> db = m_database->connection();
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    server::UserDirectory directory(db.value());
    const Result<Team> other =
        directory.addTeam(QStringLiteral("67.2"), QStringLiteral("Baumschutz"), QStringLiteral("67.20"));
    QVERIFY2(other.ok(), qPrintable(other.error().toString()));
    m_otherTeam = other->id;
    const struct {
        const char *login;
        Role role;
        const char *team;
    } more[] = {{"lea", Role::TeamLead, "32.1"},
                {"audi", Role::Auditor, "32.1"},
                {"olga", Role::Clerk, "67.2"},
                {"post", Role::Mailroom, ""},
                {"admin", Role::Administrator, ""}};
    for (const auto &user : more) {
        const Result<User> added =
            directory.addUser({QLatin1String(user.login),
                               QLatin1String(user.login),
                               {user.role},
                               *user.team ? QStringList{QLatin1String(user.team)} : QStringList()},
                              TestUsers::password());
        QVERIFY2(added.ok(), qPrintable(added.error().toString()));
    }
    m_team = uuidFromString(scalar(QStringLiteral("SELECT id::text FROM teams WHERE code = '32.1'")).toString());
    QVERIFY(!m_team.isNull());

    QString started;
    QVERIFY2(startServerPair(m_pg->connectionString(), &m_a, &m_b, &started), qPrintable(started));
}

void PushTestBase::tearDownServers()
{
    QVERIFY(stopServerPair(&m_a, &m_b)); // a clean stop on SIGTERM: exit code 0
    if (m_database)
        m_database->closeConnection();
    m_pg.reset();
}

QVariant PushTestBase::scalar(const QString &sql)
{
    QSqlQuery query(m_database->connection().value());
    if (!query.exec(sql) || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return {};
    }
    return query.value(0);
}

Client PushTestBase::login(const QString &login, ServerProcess *server)
{
    Client client;
    client.clientId = createUuidV7();
    const HttpReply reply = m_http.post((server ? server : m_a.get())->url(QStringLiteral("/api/v1/auth/login")),
                                        json({{QStringLiteral("login"), login},
                                              {QStringLiteral("password"), TestUsers::password()},
                                              {QStringLiteral("clientId"), uuidToString(client.clientId)}}));
    if (reply.status != 200)
        qWarning() << "login failed" << reply.status << reply.body;
    client.token = reply.json.value(QStringLiteral("accessToken")).toString();
    client.userId = uuidFromString(reply.json.value(QStringLiteral("userId")).toString());
    return client;
}

Command PushTestBase::command(Client &client, const QUuid &caseId, CommandName name, const QJsonObject &args)
{
    Command command;
    command.id = createUuidV7();
    command.clientId = client.clientId;
    command.clientSeq = client.nextSeq++;
    command.caseId = caseId;
    command.name = name;
    command.args = args;
    command.madeAt = QDateTime::currentDateTimeUtc();
    return command;
}

Command PushTestBase::createCommand(Client &client, const QUuid &teamId, const QUuid &caseId)
{
    Case theCase;
    theCase.id = caseId;
    theCase.caseType = caseType;
    theCase.title = QStringLiteral("Bewohnerparkausweis West");
    theCase.applicant.givenName = QStringLiteral("Erika");
    theCase.applicant.familyName = QStringLiteral("Mustermann");
    theCase.teamId = teamId;
    return command(client, caseId, CommandName::CreateCase, {{QStringLiteral("case"), theCase.toJson()}});
}

HttpReply PushTestBase::push(Client &client, const QList<Command> &commands, ServerProcess *server)
{
    QJsonArray array;
    for (const Command &command : commands)
        array.append(command.toJson());
    return m_http.post(
        (server ? server : m_a.get())->url(pushPath),
        json({{QStringLiteral("clientId"), uuidToString(client.clientId)}, {QStringLiteral("commands"), array}}),
        HttpClient::bearer(client.token));
}

QJsonObject PushTestBase::pushOne(Client &client, const Command &command, ServerProcess *server)
{
    const HttpReply reply = push(client, {command}, server);
    if (reply.status != 200)
        qWarning() << "push failed" << reply.status << reply.body;
    return reply.json.value(QStringLiteral("results")).toArray().at(0).toObject();
}

QUuid PushTestBase::newCase(Client &client)
{
    const Command create = createCommand(client, m_team);
    const QJsonObject result = pushOne(client, create);
    if (result.value(QStringLiteral("result")).toString() != QLatin1String("applied"))
        qWarning() << "createCase not applied" << result;
    return create.caseId;
}

} // namespace casedesk::test
