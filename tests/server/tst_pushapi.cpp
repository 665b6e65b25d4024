// POST /api/v1/sync/push against real casedesk-server processes on one PostgreSQL database: every command,
// replays answered from stored results, sequence gaps, per-field conflicts and merges, compare-and-set on the
// assignee, permission rejections, the cascade of a rejected createCase, bad input, concurrent clients on one
// case through two processes (seeded), and `casedesk-server audit verify` on a tampered log.
#include "core/Case.h"
#include "core/Clock.h"
#include "core/Command.h"
#include "core/DeadlineCalendar.h"
#include "core/Note.h"
#include "core/Uuid.h"
#include "mock/TestSupport.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <memory>

#include "HttpClient.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::test;

namespace {

const QString pushPath = QStringLiteral("/api/v1/sync/push");
const QString caseType = QStringLiteral("bewohnerparken");

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// One logged-in installation: its token, clientId and the next clientSeq.
struct Client {
    QString token;
    QUuid clientId;
    QUuid userId;
    qint64 nextSeq = 1;
};

QJsonObject fieldEdit(const QJsonValue &oldValue, const QJsonValue &newValue)
{
    return {{QStringLiteral("old"), oldValue}, {QStringLiteral("new"), newValue}};
}

} // namespace

class TestPushApi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void createSetFieldsAddNote();
    void replayAnswersStoredResults();
    void sequenceGapIsRefused();
    void fieldConflictsAndMerges();
    void assigneeCompareAndSet();
    void permissions_data();
    void permissions();
    void rejectedCreateCaseCascades();
    void otherCommands();
    void badInput_data();
    void badInput();
    void unknownCommandIsRejectedPerCommand();
    void concurrentClientsOnOneCase();
    void sameCaseCreatedConcurrently();
    void auditVerifyFindsTampering(); // last: it damages the log

private:
    Client login(const QString &login, ServerProcess *server = nullptr);
    Command command(Client &client, const QUuid &caseId, CommandName name, const QJsonObject &args);
    Command createCommand(Client &client, const QUuid &teamId, const QUuid &caseId = createUuidV7());
    HttpReply push(Client &client, const QList<Command> &commands, ServerProcess *server = nullptr);
    QJsonObject pushOne(Client &client, const Command &command, ServerProcess *server = nullptr);
    QVariant scalar(const QString &sql);
    QUuid newCase(Client &client);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    HttpClient m_http;
    std::optional<server::ServerDatabase> m_database;
    QUuid m_team;      // 32.1: anna, bert, carl (clerks), lea (team lead), audi (auditor)
    QUuid m_otherTeam; // 67.2: olga (clerk); post (mailroom) and admin (administrator) have no team
};

void TestPushApi::initTestCase()
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

void TestPushApi::cleanupTestCase()
{
    QVERIFY(stopServerPair(&m_a, &m_b)); // a clean stop on SIGTERM: exit code 0
    if (m_database)
        m_database->closeConnection();
    m_pg.reset();
}

QVariant TestPushApi::scalar(const QString &sql)
{
    QSqlQuery query(m_database->connection().value());
    if (!query.exec(sql) || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return {};
    }
    return query.value(0);
}

Client TestPushApi::login(const QString &login, ServerProcess *server)
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

Command TestPushApi::command(Client &client, const QUuid &caseId, CommandName name, const QJsonObject &args)
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

Command TestPushApi::createCommand(Client &client, const QUuid &teamId, const QUuid &caseId)
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

HttpReply TestPushApi::push(Client &client, const QList<Command> &commands, ServerProcess *server)
{
    QJsonArray array;
    for (const Command &command : commands)
        array.append(command.toJson());
    return m_http.post(
        (server ? server : m_a.get())->url(pushPath),
        json({{QStringLiteral("clientId"), uuidToString(client.clientId)}, {QStringLiteral("commands"), array}}),
        HttpClient::bearer(client.token));
}

QJsonObject TestPushApi::pushOne(Client &client, const Command &command, ServerProcess *server)
{
    const HttpReply reply = push(client, {command}, server);
    if (reply.status != 200)
        qWarning() << "push failed" << reply.status << reply.body;
    return reply.json.value(QStringLiteral("results")).toArray().at(0).toObject();
}

QUuid TestPushApi::newCase(Client &client)
{
    const Command create = createCommand(client, m_team);
    const QJsonObject result = pushOne(client, create);
    if (result.value(QStringLiteral("result")).toString() != QLatin1String("applied"))
        qWarning() << "createCase not applied" << result;
    return create.caseId;
}

void TestPushApi::createSetFieldsAddNote()
{
    Client anna = login(QStringLiteral("anna"));
    const Command create = createCommand(anna, m_team);
    const QUuid caseId = create.caseId;
    const Command set = command(
        anna, caseId, CommandName::SetFields,
        {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("secondVehicleReason"),
                                                 fieldEdit(QJsonValue::Null, QStringLiteral("Pflegedienst"))}}}});
    const Note note{createUuidV7(), caseId, anna.userId, QDateTime::currentDateTimeUtc(),
                    QStringLiteral("Antrag geprüft")};
    const Command addNote = command(anna, caseId, CommandName::AddNote, {{QStringLiteral("note"), note.toJson()}});
    const HttpReply reply = push(anna, {create, set, addNote});
    QCOMPARE(reply.status, 200);
    const QJsonArray results = reply.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QJsonObject result = results.at(i).toObject();
        QCOMPARE(result.value(QStringLiteral("result")).toString(), QStringLiteral("applied"));
        QCOMPARE(result.value(QStringLiteral("caseVersion")).toInteger(), i + 1);
        QCOMPARE(result.value(QStringLiteral("clientSeq")).toInteger(), i + 1);
    }
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("commandId")).toString(), uuidToString(create.id));

    const QString where = QStringLiteral(" WHERE id = '%1'").arg(uuidToString(caseId));
    const QString aktenzeichen = scalar(QStringLiteral("SELECT aktenzeichen FROM cases") + where).toString();
    const int year = Clock::current().today().year();
    QVERIFY2(QRegularExpression(QStringLiteral("^32\\.10-\\d{6}/%1$").arg(year)).match(aktenzeichen).hasMatch(),
             qPrintable(aktenzeichen));
    const Case stored =
        Case::fromJson(
            QJsonDocument::fromJson(scalar(QStringLiteral("SELECT data::text FROM cases") + where).toString().toUtf8())
                .object())
            .value();
    QCOMPARE(stored.aktenzeichen.toString(), aktenzeichen);
    QCOMPARE(stored.version, 3);
    // Bewohnerparken: one month from receipt (§ 31 LVwVfG), computed by the process on the server.
    QCOMPARE(stored.statutoryDeadline,
             DeadlineCalendar::periodEnd(Clock::current().today(), Period{1, PeriodUnit::Months}));
    QVERIFY(!stored.workflowState.isEmpty());
    QVERIFY(!stored.statusText.isEmpty());
    QCOMPARE(stored.formData.value(QStringLiteral("secondVehicleReason")).toString(), QStringLiteral("Pflegedienst"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM notes WHERE case_id = '%1' AND author_id = '%2'")
                        .arg(uuidToString(caseId), uuidToString(anna.userId)))
                 .toInt(),
             1);
    QCOMPARE(scalar(QStringLiteral(
                        "SELECT string_agg(case_version::text, ',' ORDER BY seq) FROM changes WHERE case_id = '%1'")
                        .arg(uuidToString(caseId)))
                 .toString(),
             QStringLiteral("1,2,3"));
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE case_id = '%1'").arg(uuidToString(caseId))).toInt(),
        3);
    QCOMPARE(scalar(QStringLiteral("SELECT last_applied_seq FROM client_sequences WHERE client_id = '%1'")
                        .arg(uuidToString(anna.clientId)))
                 .toInt(),
             3);

    // The next case of the team gets the next number.
    const QUuid second = newCase(anna);
    const QString next =
        scalar(QStringLiteral("SELECT aktenzeichen FROM cases WHERE id = '%1'").arg(uuidToString(second))).toString();
    QCOMPARE(next.mid(6, 6).toInt(), aktenzeichen.mid(6, 6).toInt() + 1);
}

void TestPushApi::replayAnswersStoredResults()
{
    Client anna = login(QStringLiteral("anna"));
    const Command create = createCommand(anna, m_team);
    const Command set = command(
        anna, create.caseId, CommandName::SetFields,
        {{QStringLiteral("fields"),
          QJsonObject{{QStringLiteral("secondVehicleReason"), fieldEdit(QJsonValue::Null, QStringLiteral("a"))}}}});
    // The second setFields expects the value before the first: a conflict, stored like any result.
    const Command stale = command(
        anna, create.caseId, CommandName::SetFields,
        {{QStringLiteral("fields"),
          QJsonObject{{QStringLiteral("secondVehicleReason"), fieldEdit(QJsonValue::Null, QStringLiteral("b"))}}}});
    const HttpReply first = push(anna, {create, set, stale});
    QCOMPARE(first.status, 200);
    const auto counts = [&] {
        return QStringList{
            scalar(QStringLiteral("SELECT count(*) FROM changes")).toString(),
            scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toString(),
            scalar(QStringLiteral("SELECT count(*) FROM commands")).toString(),
            scalar(QStringLiteral("SELECT version FROM cases WHERE id = '%1'").arg(uuidToString(create.caseId)))
                .toString()};
    };
    const QStringList before = counts();
    // The same batch again, on the other process, and its tail alone: the stored results, nothing applied twice.
    const HttpReply again = push(anna, {create, set, stale}, m_b.get());
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json, first.json);
    const HttpReply tail = push(anna, {stale});
    QCOMPARE(tail.status, 200);
    QCOMPARE(tail.json.value(QStringLiteral("results")).toArray().at(0),
             first.json.value(QStringLiteral("results")).toArray().at(2));
    QCOMPARE(counts(), before);
    QCOMPARE(first.json.value(QStringLiteral("results"))
                 .toArray()
                 .at(2)
                 .toObject()
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("conflict"));
}

void TestPushApi::sequenceGapIsRefused()
{
    Client anna = login(QStringLiteral("anna"));
    const QUuid caseId = newCase(anna);
    anna.nextSeq += 1; // seq 2 never pushed
    const Command skipped =
        command(anna, caseId, CommandName::SetFollowUp, {{QStringLiteral("date"), QStringLiteral("2030-01-02")}});
    const QString version =
        scalar(QStringLiteral("SELECT version FROM cases WHERE id = '%1'").arg(uuidToString(caseId))).toString();
    const HttpReply reply = push(anna, {skipped});
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.errorCode(), QStringLiteral("sequence_gap"));
    QCOMPARE(scalar(QStringLiteral("SELECT version FROM cases WHERE id = '%1'").arg(uuidToString(caseId))).toString(),
             version);
    QCOMPARE(scalar(QStringLiteral("SELECT last_applied_seq FROM client_sequences WHERE client_id = '%1'")
                        .arg(uuidToString(anna.clientId)))
                 .toInt(),
             1);
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM commands WHERE id = '%1'").arg(uuidToString(skipped.id))).toInt(),
        0);
}

void TestPushApi::fieldConflictsAndMerges()
{
    Client anna = login(QStringLiteral("anna"));
    Client bert = login(QStringLiteral("bert"), m_b.get());
    const QUuid caseId = newCase(anna);
    const QString reason = QStringLiteral("secondVehicleReason");
    const QString from = QStringLiteral("validFrom");
    // Within the form's limits (today to three months ahead).
    const QString day = Clock::current().today().addDays(10).toString(Qt::ISODate);
    const QString later = Clock::current().today().addDays(20).toString(Qt::ISODate);
    QCOMPARE(pushOne(anna, command(anna, caseId, CommandName::SetFields,
                                   {{QStringLiteral("fields"),
                                     QJsonObject{{reason, fieldEdit(QJsonValue::Null, QStringLiteral("Anna"))}}}}))
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("applied"));
    // Bert has not seen Anna's edit: his edit of another field merges.
    QCOMPARE(pushOne(bert,
                     command(bert, caseId, CommandName::SetFields,
                             {{QStringLiteral("fields"), QJsonObject{{from, fieldEdit(QJsonValue::Null, day)}}}}),
                     m_b.get())
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("applied"));
    // His edit of Anna's field conflicts and names the server's value; the field he expected right is not listed.
    const QJsonObject conflict = pushOne(
        bert,
        command(bert, caseId, CommandName::SetFields,
                {{QStringLiteral("fields"), QJsonObject{{reason, fieldEdit(QJsonValue::Null, QStringLiteral("Bert"))},
                                                        {from, fieldEdit(day, later)}}}}),
        m_b.get());
    QCOMPARE(conflict.value(QStringLiteral("result")).toString(), QStringLiteral("conflict"));
    const QJsonObject conflicts = conflict.value(QStringLiteral("conflicts")).toObject();
    QCOMPARE(conflicts.keys(), QStringList{reason});
    QCOMPARE(conflicts.value(reason).toObject().value(QStringLiteral("server")).toString(), QStringLiteral("Anna"));
    const QJsonObject data =
        QJsonDocument::fromJson(
            scalar(QStringLiteral("SELECT data::text FROM cases WHERE id = '%1'").arg(uuidToString(caseId)))
                .toString()
                .toUtf8())
            .object()
            .value(QStringLiteral("formData"))
            .toObject();
    QCOMPARE(data.value(reason).toString(), QStringLiteral("Anna"));
    QCOMPARE(data.value(from).toString(), day);
    // An edit that breaks the form definition is rejected.
    const QJsonObject invalid = pushOne(
        anna, command(anna, caseId, CommandName::SetFields,
                      {{QStringLiteral("fields"), QJsonObject{{from, fieldEdit(day, QStringLiteral("soon"))}}}}));
    QCOMPARE(invalid.value(QStringLiteral("code")).toString(), QStringLiteral("invalid_form"));
}

void TestPushApi::assigneeCompareAndSet()
{
    Client lea = login(QStringLiteral("lea"));
    Client bert = login(QStringLiteral("bert"), m_b.get());
    Client anna = login(QStringLiteral("anna"));
    const QUuid caseId = newCase(lea);
    const QJsonObject assigned = pushOne(lea, command(lea, caseId, CommandName::Assign,
                                                      {{QStringLiteral("expected"), QString()},
                                                       {QStringLiteral("assignee"), uuidToString(anna.userId)}}));
    QCOMPARE(assigned.value(QStringLiteral("result")).toString(), QStringLiteral("applied"));
    // Bert still sees the case unassigned and claims it: the server's assignee comes back.
    const QJsonObject claimed =
        pushOne(bert, command(bert, caseId, CommandName::Claim, {{QStringLiteral("expected"), QString()}}), m_b.get());
    QCOMPARE(claimed.value(QStringLiteral("result")).toString(), QStringLiteral("conflict"));
    QCOMPARE(claimed.value(QStringLiteral("conflicts"))
                 .toObject()
                 .value(QStringLiteral("assignee"))
                 .toObject()
                 .value(QStringLiteral("server"))
                 .toString(),
             uuidToString(anna.userId));
    QCOMPARE(scalar(QStringLiteral("SELECT assignee_id::text FROM cases WHERE id = '%1'").arg(uuidToString(caseId)))
                 .toString(),
             uuidToString(anna.userId));
}

void TestPushApi::permissions_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("commandName");
    QTest::addColumn<QString>("code"); // empty: applied
    QTest::newRow("other team setFields") << "olga"
                                          << "setFields"
                                          << "not_found";
    QTest::newRow("other team addNote") << "olga"
                                        << "addNote"
                                        << "not_found";
    QTest::newRow("other team claim") << "olga"
                                      << "claim"
                                      << "not_found";
    QTest::newRow("auditor setFields") << "audi"
                                       << "setFields"
                                       << "forbidden";
    QTest::newRow("auditor addNote") << "audi"
                                     << "addNote"
                                     << "forbidden";
    QTest::newRow("auditor createCase") << "audi"
                                        << "createCase"
                                        << "forbidden";
    QTest::newRow("clerk assign") << "bert"
                                  << "assign"
                                  << "forbidden";
    QTest::newRow("clerk claim") << "bert"
                                 << "claim"
                                 << "";
    QTest::newRow("clerk addNote") << "bert"
                                   << "addNote"
                                   << "";
    QTest::newRow("lead assign") << "lea"
                                 << "assign"
                                 << "";
    QTest::newRow("missing case") << "bert"
                                  << "missing"
                                  << "not_found";
}

void TestPushApi::permissions()
{
    QFETCH(QString, login);
    QFETCH(QString, commandName);
    QFETCH(QString, code);
    Client anna = this->login(QStringLiteral("anna"));
    QUuid caseId = newCase(anna);
    Client client = this->login(login, m_b.get());
    Command pushed;
    if (commandName == QLatin1String("setFields"))
        pushed = command(
            client, caseId, CommandName::SetFields,
            {{QStringLiteral("fields"),
              QJsonObject{{QStringLiteral("validFrom"), fieldEdit(QJsonValue::Null, QStringLiteral("2030-01-01"))}}}});
    else if (commandName == QLatin1String("addNote") || commandName == QLatin1String("missing")) {
        if (commandName == QLatin1String("missing"))
            caseId = createUuidV7();
        const Note note{createUuidV7(), caseId, client.userId, QDateTime::currentDateTimeUtc(),
                        QStringLiteral("Vermerk")};
        pushed = command(client, caseId, CommandName::AddNote, {{QStringLiteral("note"), note.toJson()}});
    } else if (commandName == QLatin1String("claim"))
        pushed = command(client, caseId, CommandName::Claim, {{QStringLiteral("expected"), QString()}});
    else if (commandName == QLatin1String("assign"))
        pushed =
            command(client, caseId, CommandName::Assign,
                    {{QStringLiteral("expected"), QString()}, {QStringLiteral("assignee"), uuidToString(anna.userId)}});
    else if (commandName == QLatin1String("attachDocument"))
        pushed = command(client, caseId, CommandName::AttachDocument,
                         {{QStringLiteral("documentId"), uuidToString(createUuidV7())}});
    else
        pushed = createCommand(client, m_team);
    const QString version =
        scalar(QStringLiteral("SELECT coalesce(max(version), 0) FROM cases WHERE id = '%1'").arg(uuidToString(caseId)))
            .toString();
    const QJsonObject result = pushOne(client, pushed, m_b.get());
    QCOMPARE(result.value(QStringLiteral("result")).toString(),
             code.isEmpty() ? QStringLiteral("applied") : QStringLiteral("rejected"));
    QCOMPARE(result.value(QStringLiteral("code")).toString(), code);
    if (!code.isEmpty() && commandName != QLatin1String("missing")) // nothing written
        QCOMPARE(
            scalar(
                QStringLiteral("SELECT coalesce(max(version), 0) FROM cases WHERE id = '%1'").arg(uuidToString(caseId)))
                .toString(),
            version);
    if (code == QLatin1String("not_found")) { // the same answer as for a case that does not exist
        Client probe = this->login(login);
        const Note note{createUuidV7(), createUuidV7(), probe.userId, QDateTime::currentDateTimeUtc(),
                        QStringLiteral("x")};
        const QJsonObject missing = pushOne(
            probe, command(probe, note.caseId, CommandName::AddNote, {{QStringLiteral("note"), note.toJson()}}));
        QCOMPARE(missing.value(QStringLiteral("message")), result.value(QStringLiteral("message")));
    }
}

void TestPushApi::rejectedCreateCaseCascades()
{
    Client anna = login(QStringLiteral("anna"));
    const Command create = createCommand(anna, m_otherTeam); // not her team
    const Command set = command(anna, create.caseId, CommandName::SetFollowUp,
                                {{QStringLiteral("date"), QStringLiteral("2030-01-02")}});
    const HttpReply reply = push(anna, {create, set});
    QCOMPARE(reply.status, 200);
    const QJsonArray results = reply.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("forbidden"));
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("case_rejected"));
    const Note note{createUuidV7(), create.caseId, anna.userId, QDateTime::currentDateTimeUtc(), QStringLiteral("x")};
    const QJsonObject later = pushOne(
        anna, command(anna, create.caseId, CommandName::AddNote, {{QStringLiteral("note"), note.toJson()}}), m_b.get());
    QCOMPARE(later.value(QStringLiteral("code")).toString(), QStringLiteral("case_rejected"));
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM cases WHERE id = '%1'").arg(uuidToString(create.caseId))).toInt(),
        0);
    QCOMPARE(scalar(QStringLiteral("SELECT last_applied_seq FROM client_sequences WHERE client_id = '%1'")
                        .arg(uuidToString(anna.clientId)))
                 .toInt(),
             3);
}

void TestPushApi::otherCommands()
{
    Client anna = login(QStringLiteral("anna"));
    Client bert = login(QStringLiteral("bert"));
    Client olga = login(QStringLiteral("olga"));
    const QUuid caseId = newCase(anna);
    const auto result = [](const QJsonObject &r) {
        return r.value(QStringLiteral("result")).toString() + r.value(QStringLiteral("code")).toString();
    };
    QCOMPARE(result(pushOne(anna, command(anna, caseId, CommandName::CompleteTask,
                                          {{QStringLiteral("taskId"), QStringLiteral("Task_Intake")},
                                           {QStringLiteral("note"), QStringLiteral("erfasst")}}))),
             QStringLiteral("applied"));
    // The task is done: completing it again is a conflict naming the tasks that wait now.
    const QJsonObject again = pushOne(anna, command(anna, caseId, CommandName::CompleteTask,
                                                    {{QStringLiteral("taskId"), QStringLiteral("Task_Intake")}}));
    QCOMPARE(result(again), QStringLiteral("conflicttask_conflict"));
    QVERIFY(again.value(QStringLiteral("conflicts"))
                .toObject()
                .value(QStringLiteral("task"))
                .toObject()
                .value(QStringLiteral("server"))
                .toArray()
                .contains(QStringLiteral("Task_CheckCompleteness")));
    QCOMPARE(result(pushOne(anna, command(anna, caseId, CommandName::CompleteTask,
                                          {{QStringLiteral("taskId"), QStringLiteral("Task_CheckCompleteness")},
                                           {QStringLiteral("outcome"), QStringLiteral("nonsense")}}))),
             QStringLiteral("rejectedunknown_outcome"));
    QCOMPARE(result(pushOne(anna, command(anna, caseId, CommandName::SetFollowUp,
                                          {{QStringLiteral("date"), QStringLiteral("2030-03-04")}}))),
             QStringLiteral("applied"));
    // Olga's team sees the case only once it is consulted.
    const Note note{createUuidV7(), caseId, olga.userId, QDateTime::currentDateTimeUtc(),
                    QStringLiteral("Stellungnahme")};
    QCOMPARE(
        result(pushOne(olga, command(olga, caseId, CommandName::AddNote, {{QStringLiteral("note"), note.toJson()}}))),
        QStringLiteral("rejectednot_found"));
    QCOMPARE(result(pushOne(anna, command(anna, caseId, CommandName::RequestConsultation,
                                          {{QStringLiteral("team"), uuidToString(m_otherTeam)}}))),
             QStringLiteral("applied"));
    const Note second{createUuidV7(), caseId, olga.userId, QDateTime::currentDateTimeUtc(),
                      QStringLiteral("Stellungnahme")};
    QCOMPARE(
        result(pushOne(olga, command(olga, caseId, CommandName::AddNote, {{QStringLiteral("note"), second.toJson()}}))),
        QStringLiteral("applied"));
    QCOMPARE(result(pushOne(anna, command(anna, caseId, CommandName::AttachDocument,
                                          {{QStringLiteral("documentId"), uuidToString(createUuidV7())}}))),
             QStringLiteral("rejectedinvalid_args"));
    QCOMPARE(result(pushOne(anna, command(anna, createUuidV7(), CommandName::SetDeputy,
                                          {{QStringLiteral("user"), uuidToString(anna.userId)},
                                           {QStringLiteral("deputy"), uuidToString(bert.userId)}}))),
             QStringLiteral("applied"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM deputyships WHERE absent_user_id = '%1' AND deputy_id = '%2'")
                        .arg(uuidToString(anna.userId), uuidToString(bert.userId)))
                 .toInt(),
             1);
    const Case stored =
        Case::fromJson(
            QJsonDocument::fromJson(
                scalar(QStringLiteral("SELECT data::text FROM cases WHERE id = '%1'").arg(uuidToString(caseId)))
                    .toString()
                    .toUtf8())
                .object())
            .value();
    QCOMPARE(stored.followUpDate, QDate(2030, 3, 4));
    QCOMPARE(stored.version, 5); // create, completeTask, setFollowUp, requestConsultation, Olga's note
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM notes WHERE case_id = '%1'").arg(uuidToString(caseId))).toInt(), 2);
}

void TestPushApi::badInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("not json") << QByteArray("{nope") << 400 << "malformed_json";
    QTest::newRow("no commands") << QByteArray("{\"clientId\":\"CLIENT\"}") << 400 << "invalid_field";
    QTest::newRow("empty batch") << QByteArray("{\"clientId\":\"CLIENT\",\"commands\":[]}") << 400 << "invalid_field";
    QTest::newRow("command not an object")
        << QByteArray("{\"clientId\":\"CLIENT\",\"commands\":[1]}") << 400 << "invalid_command";
    QTest::newRow("command without id")
        << QByteArray(
               "{\"clientId\":\"CLIENT\",\"commands\":[{\"clientId\":\"CLIENT\",\"clientSeq\":1,\"caseId\":\"CLIENT\","
               "\"name\":\"claim\",\"args\":{\"expected\":\"\"},\"madeAt\":\"2026-01-01T00:00:00Z\"}]}")
        << 400 << "invalid_command";
    QTest::newRow("wrong args")
        << QByteArray(
               "{\"clientId\":\"CLIENT\",\"commands\":[{\"id\":\"CLIENT\",\"clientId\":\"CLIENT\",\"clientSeq\":1,"
               "\"caseId\":\"CLIENT\",\"name\":\"claim\",\"args\":{\"expected\":5},\"madeAt\":\"2026-01-01T00:00:00Z\"}"
               "]}")
        << 400 << "invalid_command";
    QTest::newRow("another client") << QByteArray("{\"clientId\":\"OTHER\",\"commands\":[{}]}") << 403
                                    << "client_mismatch";
    QTest::newRow("too large") << QByteArray(17 * 1024 * 1024, ' ') << 413 << "body_too_large";
}

void TestPushApi::badInput()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    Client anna = login(QStringLiteral("anna"));
    body.replace("CLIENT", uuidToString(anna.clientId).toLatin1())
        .replace("OTHER", uuidToString(createUuidV7()).toLatin1());
    const HttpReply reply = m_http.post(m_a->url(pushPath), body, HttpClient::bearer(anna.token));
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM client_sequences WHERE client_id = '%1'")
                        .arg(uuidToString(anna.clientId)))
                 .toInt(),
             0);

    // A batch over the limit, and a push without a token.
    QList<Command> many;
    for (int i = 0; i <= 500; ++i)
        many.append(command(anna, createUuidV7(), CommandName::Claim, {{QStringLiteral("expected"), QString()}}));
    const HttpReply tooMany = push(anna, many);
    QCOMPARE(tooMany.status, 413);
    QCOMPARE(tooMany.errorCode(), QStringLiteral("batch_too_large"));
    QCOMPARE(m_http.post(m_a->url(pushPath), "{}").status, 401);
}

void TestPushApi::unknownCommandIsRejectedPerCommand()
{
    Client anna = login(QStringLiteral("anna"));
    const QUuid caseId = newCase(anna);
    Command later =
        command(anna, caseId, CommandName::SetFollowUp, {{QStringLiteral("date"), QStringLiteral("2030-01-02")}});
    QJsonObject unknown = later.toJson();
    unknown.insert(QStringLiteral("name"), QStringLiteral("teleport"));
    Command next =
        command(anna, caseId, CommandName::SetFollowUp, {{QStringLiteral("date"), QStringLiteral("2030-01-03")}});
    const HttpReply reply = m_http.post(m_a->url(pushPath),
                                        json({{QStringLiteral("clientId"), uuidToString(anna.clientId)},
                                              {QStringLiteral("commands"), QJsonArray{unknown, next.toJson()}}}),
                                        HttpClient::bearer(anna.token));
    QCOMPARE(reply.status, 200);
    const QJsonArray results = reply.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("unknown_command"));
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("result")).toString(), QStringLiteral("applied"));
}

void TestPushApi::concurrentClientsOnOneCase()
{
    const quint32 seed = testSeed();
    Client lea = login(QStringLiteral("lea"));
    const QUuid caseId = newCase(lea);
    const QString field = QStringLiteral("secondVehicleReason");
    const QStringList logins{QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("carl"),
                             QStringLiteral("lea")};
    constexpr int editsPerClient = 8;
    struct Outcome {
        QStringList applied; // tokens this client's applied edits added
        int conflicts = 0;
        int replays = 0;
        QString failure;
    };
    QList<Outcome> outcomes(logins.size());
    QList<Client> clients;
    for (qsizetype i = 0; i < logins.size(); ++i)
        clients.append(login(logins.at(i), i % 2 ? m_b.get() : m_a.get()));
    QList<QThread *> threads;
    for (qsizetype i = 0; i < logins.size(); ++i) {
        threads.append(QThread::create([&, i] {
            HttpClient http;
            QRandomGenerator random(seed + quint32(i));
            Client &client = clients[i];
            Outcome &outcome = outcomes[i];
            QJsonValue known = QJsonValue::Null; // what this client believes the field holds
            int round = 0;
            while (outcome.applied.size() < editsPerClient && round++ < 500) {
                ServerProcess *server = random.bounded(2) ? m_a.get() : m_b.get();
                const QString token = QStringLiteral("%1.%2;").arg(i).arg(outcome.applied.size());
                const QString newValue = known.toString() + token;
                Command edit = command(client, caseId, CommandName::SetFields,
                                       {{QStringLiteral("fields"), QJsonObject{{field, fieldEdit(known, newValue)}}}});
                QJsonArray array{edit.toJson()};
                const QByteArray body = json(
                    {{QStringLiteral("clientId"), uuidToString(client.clientId)}, {QStringLiteral("commands"), array}});
                HttpReply reply = http.post(server->url(pushPath), body, HttpClient::bearer(client.token));
                if (random.bounded(4) == 0) { // the reply got lost: push again, the stored result comes back
                    const HttpReply replay = http.post((random.bounded(2) ? m_a : m_b)->url(pushPath), body,
                                                       HttpClient::bearer(client.token));
                    if (replay.json != reply.json) {
                        outcome.failure = QStringLiteral("replay differs: %1 / %2")
                                              .arg(QString::fromUtf8(reply.body), QString::fromUtf8(replay.body));
                        return;
                    }
                    ++outcome.replays;
                }
                if (reply.status != 200) {
                    outcome.failure =
                        QStringLiteral("push answered %1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body));
                    return;
                }
                const QJsonObject result = reply.json.value(QStringLiteral("results")).toArray().at(0).toObject();
                const QString kind = result.value(QStringLiteral("result")).toString();
                if (kind == QLatin1String("applied")) {
                    outcome.applied.append(token);
                    known = newValue;
                } else if (kind == QLatin1String("conflict")) {
                    ++outcome.conflicts;
                    known = result.value(QStringLiteral("conflicts"))
                                .toObject()
                                .value(field)
                                .toObject()
                                .value(QStringLiteral("server"));
                } else {
                    outcome.failure = QStringLiteral("unexpected result %1").arg(QString::fromUtf8(reply.body));
                    return;
                }
            }
        }));
    }
    for (QThread *thread : threads)
        thread->start();
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(QDeadlineTimer(240000)));
        delete thread;
    }
    int applied = 0;
    int conflicts = 0;
    const QString finalValue =
        QJsonDocument::fromJson(
            scalar(QStringLiteral("SELECT data::text FROM cases WHERE id = '%1'").arg(uuidToString(caseId)))
                .toString()
                .toUtf8())
            .object()
            .value(QStringLiteral("formData"))
            .toObject()
            .value(field)
            .toString();
    for (const Outcome &outcome : outcomes) {
        QVERIFY2(outcome.failure.isEmpty(), qPrintable(outcome.failure));
        QCOMPARE(outcome.applied.size(), editsPerClient);
        applied += int(outcome.applied.size());
        conflicts += outcome.conflicts;
        for (const QString &token : outcome.applied) // no lost update: every applied edit is in the value, once
            QCOMPARE(finalValue.count(token), 1);
    }
    qInfo() << "seed" << seed << "applied" << applied << "conflicts" << conflicts;
    QCOMPARE(finalValue.count(u';'), applied);
    QCOMPARE(scalar(QStringLiteral("SELECT version FROM cases WHERE id = '%1'").arg(uuidToString(caseId))).toInt(),
             applied + 1);
    // One change per version, versions strictly increasing in feed order, no duplicates.
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM changes WHERE case_id = '%1'").arg(uuidToString(caseId))).toInt(),
        applied + 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT case_version) FROM changes WHERE case_id = '%1'")
                        .arg(uuidToString(caseId)))
                 .toInt(),
             applied + 1);
    QCOMPARE(
        scalar(
            QStringLiteral(
                "SELECT count(*) FROM (SELECT case_version < lag(case_version) OVER (ORDER BY seq) AS back FROM changes"
                " WHERE case_id = '%1') x WHERE back")
                .arg(uuidToString(caseId)))
            .toInt(),
        0);
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE case_id = '%1'").arg(uuidToString(caseId))).toInt(),
        applied + 1);
}

void TestPushApi::sameCaseCreatedConcurrently()
{
    // Two installations create one case id at the same moment: one is applied, the other sees the case, and
    // neither gets a server error.
    Client anna = login(QStringLiteral("anna"));
    Client bert = login(QStringLiteral("bert"), m_b.get());
    const QUuid caseId = createUuidV7();
    const Command first = createCommand(anna, m_team, caseId);
    const Command second = createCommand(bert, m_team, caseId);
    QList<HttpReply> replies(2);
    const auto pushIn = [&](int index, Client &client, const Command &create, ServerProcess *server) {
        return QThread::create([&, index, server] {
            HttpClient http;
            replies[index] = http.post(server->url(pushPath),
                                       json({{QStringLiteral("clientId"), uuidToString(client.clientId)},
                                             {QStringLiteral("commands"), QJsonArray{create.toJson()}}}),
                                       HttpClient::bearer(client.token));
        });
    };
    std::unique_ptr<QThread> a(pushIn(0, anna, first, m_a.get()));
    std::unique_ptr<QThread> b(pushIn(1, bert, second, m_b.get()));
    a->start();
    b->start();
    QVERIFY(a->wait(QDeadlineTimer(60000)));
    QVERIFY(b->wait(QDeadlineTimer(60000)));
    QStringList outcomes;
    for (const HttpReply &reply : replies) {
        QCOMPARE(reply.status, 200);
        const QJsonObject result = reply.json.value(QStringLiteral("results")).toArray().at(0).toObject();
        outcomes.append(result.value(QStringLiteral("result")).toString() +
                        result.value(QStringLiteral("code")).toString());
    }
    outcomes.sort();
    QCOMPARE(outcomes, (QStringList{QStringLiteral("applied"), QStringLiteral("rejectedcase_exists")}));
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM changes WHERE case_id = '%1'").arg(uuidToString(caseId))).toInt(),
        1);
}

void TestPushApi::auditVerifyFindsTampering()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CASEDESK_DB"), m_pg->connectionString());
    const CommandRun intact = runServerCommand({QStringLiteral("audit"), QStringLiteral("verify")}, {}, environment);
    QVERIFY2(intact.exitCode == 0, qPrintable(intact.out + intact.err));
    QVERIFY(intact.out.contains(QLatin1String("intact")));

    // Three cases of three versions each: one row edited, one deleted from the middle, one tail cut.
    Client anna = login(QStringLiteral("anna"));
    QList<QUuid> cases;
    for (int i = 0; i < 3; ++i) {
        const QUuid caseId = newCase(anna);
        for (int date = 1; date <= 2; ++date)
            pushOne(anna, command(anna, caseId, CommandName::SetFollowUp,
                                  {{QStringLiteral("date"), QStringLiteral("2030-01-0%1").arg(date)}}));
        cases.append(caseId);
    }
    const auto rowOf = [this](const QUuid &caseId, int index) {
        return scalar(QStringLiteral("SELECT id FROM audit_log WHERE case_id = '%1' ORDER BY id OFFSET %2 LIMIT 1")
                          .arg(uuidToString(caseId))
                          .arg(index))
            .toLongLong();
    };
    const qint64 edited = rowOf(cases.at(0), 1);
    const qint64 deleted = rowOf(cases.at(1), 1);
    const qint64 cut = rowOf(cases.at(2), 2);
    QSqlQuery query(m_database->connection().value());
    // The log refuses changes; a superuser can switch its triggers off, which verify must then catch.
    QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_log WHERE id = %1").arg(cut)));
    QVERIFY2(query.exec(QStringLiteral("SET session_replication_role = replica")),
             qPrintable(query.lastError().text()));
    QVERIFY(query.exec(
        QStringLiteral("UPDATE audit_log SET actor_id = (SELECT id FROM users WHERE login = 'bert') WHERE id = %1")
            .arg(edited)));
    QVERIFY(query.exec(QStringLiteral("DELETE FROM audit_log WHERE id = %1").arg(deleted)));
    QVERIFY(query.exec(QStringLiteral("DELETE FROM audit_log WHERE id = %1").arg(cut)));
    QVERIFY(query.exec(QStringLiteral("SET session_replication_role = DEFAULT")));

    const CommandRun damaged = runServerCommand({QStringLiteral("audit"), QStringLiteral("verify")}, {}, environment);
    QCOMPARE(damaged.exitCode, 1);
    const QStringList lines = damaged.out.split(u'\n', Qt::SkipEmptyParts);
    const auto reported = [&lines](const QString &kind, const QUuid &caseId) {
        const QString prefix = kind + QStringLiteral(": case ") + uuidToString(caseId);
        return std::any_of(lines.cbegin(), lines.cend(),
                           [&prefix](const QString &line) { return line.startsWith(prefix); });
    };
    QVERIFY2(reported(QStringLiteral("edited"), cases.at(0)), qPrintable(damaged.out));
    QVERIFY2(reported(QStringLiteral("broken link"), cases.at(1)), qPrintable(damaged.out));
    QVERIFY2(reported(QStringLiteral("truncated"), cases.at(2)), qPrintable(damaged.out));
    QVERIFY2(!reported(QStringLiteral("broken link"), cases.at(2)),
             qPrintable(damaged.out)); // a cut tail leaves no gap
}

QTEST_GUILESS_MAIN(TestPushApi)
#include "tst_pushapi.moc"
