// Concurrent pushes through two casedesk-server processes on one database (seeded: clients editing one case,
// two clients creating the same case) and `casedesk-server audit verify` on a tampered log.
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

class TestPushConcurrency : public PushTestBase {
    Q_OBJECT

private slots:
    void initTestCase() { setUpServers(); }
    void cleanupTestCase() { tearDownServers(); }
    void concurrentClientsOnOneCase();
    void sameCaseCreatedConcurrently();
    void auditVerifyFindsTampering(); // last: it damages the log
};

void TestPushConcurrency::concurrentClientsOnOneCase()
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

void TestPushConcurrency::sameCaseCreatedConcurrently()
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

void TestPushConcurrency::auditVerifyFindsTampering()
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

QTEST_GUILESS_MAIN(TestPushConcurrency)
#include "tst_pushconcurrency.moc"
