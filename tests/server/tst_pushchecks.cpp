// POST /api/v1/sync/push refusing what it must: each role's permissions per command and case situation,
// malformed and oversized requests, unknown commands (rejected per command, the batch goes on).
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

#include "PushTestBase.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::test;

class TestPushChecks : public PushTestBase {
    Q_OBJECT

private slots:
    void initTestCase() { setUpServers(); }
    void cleanupTestCase() { tearDownServers(); }
    void permissions_data();
    void permissions();
    void badInput_data();
    void badInput();
    void unknownCommandIsRejectedPerCommand();
};

void TestPushChecks::permissions_data()
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

void TestPushChecks::permissions()
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

void TestPushChecks::badInput_data()
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

void TestPushChecks::badInput()
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

void TestPushChecks::unknownCommandIsRejectedPerCommand()
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

QTEST_GUILESS_MAIN(TestPushChecks)
#include "tst_pushchecks.moc"
