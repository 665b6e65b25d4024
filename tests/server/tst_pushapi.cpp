// POST /api/v1/sync/push against real casedesk-server processes on one PostgreSQL database: every command,
// replays answered from stored results, sequence gaps, taken ids, per-field conflicts and merges,
// compare-and-set on the assignee and the cascade of a rejected createCase. Permissions and bad input:
// tst_pushchecks; concurrency and audit verify: tst_pushconcurrency.
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

class TestPushApi : public PushTestBase {
    Q_OBJECT

private slots:
    void initTestCase() { setUpServers(); }
    void cleanupTestCase() { tearDownServers(); }
    void createSetFieldsAddNote();
    void replayAnswersStoredResults();
    void sequenceGapIsRefused();
    void takenIdsWriteNothing();
    void deputyshipWidensScopeWithinPush();
    void fieldConflictsAndMerges();
    void assigneeCompareAndSet();
    void rejectedCreateCaseCascades();
    void otherCommands();
    void consultationEnds();
    void aNewCaseClaimsNoConsultation();
};

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

// A command id used before, or a note id taken, is noticed by the insert itself (after the checks): nothing of the
// command stays, and the sequence is not used up by a duplicate command id.
void TestPushApi::takenIdsWriteNothing()
{
    Client anna = login(QStringLiteral("anna"));
    const QUuid caseId = newCase(anna);
    const Note note{createUuidV7(), caseId, anna.userId, QDateTime::currentDateTimeUtc(), QStringLiteral("Erster")};
    const Command first = command(anna, caseId, CommandName::AddNote, {{QStringLiteral("note"), note.toJson()}});
    QCOMPARE(pushOne(anna, first).value(QStringLiteral("result")).toString(), QStringLiteral("applied"));
    const QString versionSql = QStringLiteral("SELECT version FROM cases WHERE id = '%1'").arg(uuidToString(caseId));
    const QString notesSql =
        QStringLiteral("SELECT count(*) FROM notes WHERE case_id = '%1'").arg(uuidToString(caseId));
    const QString seqSql = QStringLiteral("SELECT last_applied_seq FROM client_sequences WHERE client_id = '%1'")
                               .arg(uuidToString(anna.clientId));
    QCOMPARE(scalar(versionSql).toInt(), 2);

    // The same command id again with the next clientSeq and another note: refused as a whole.
    const Note other{createUuidV7(), caseId, anna.userId, QDateTime::currentDateTimeUtc(), QStringLiteral("Zweiter")};
    Command reused = command(anna, caseId, CommandName::AddNote, {{QStringLiteral("note"), other.toJson()}});
    reused.id = first.id;
    const HttpReply refused = push(anna, {reused});
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.errorCode(), QStringLiteral("duplicate_command_id"));
    QCOMPARE(scalar(versionSql).toInt(), 2);
    QCOMPARE(scalar(notesSql).toInt(), 1);
    QCOMPARE(scalar(seqSql).toInt(), 2);
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE case_id = '%1'").arg(uuidToString(caseId))).toInt(),
        2);

    // That clientSeq is still free; a taken note id is a permanent rejection that uses it.
    anna.nextSeq = reused.clientSeq;
    const QJsonObject taken =
        pushOne(anna, command(anna, caseId, CommandName::AddNote, {{QStringLiteral("note"), note.toJson()}}));
    QCOMPARE(taken.value(QStringLiteral("result")).toString(), QStringLiteral("rejected"));
    QCOMPARE(taken.value(QStringLiteral("code")).toString(), QStringLiteral("note_exists"));
    QCOMPARE(scalar(versionSql).toInt(), 2);
    QCOMPARE(scalar(notesSql).toInt(), 1);
    QCOMPARE(scalar(seqSql).toInt(), 3);
}

// The scope is read once per push, but an applied setDeputy reads it again: Lea, team lead of 32.1, makes herself
// the deputy of Dora (32.1 and 67.2) and, in the same push, writes on Dora's case of team 67.2.
void TestPushApi::deputyshipWidensScopeWithinPush()
{
    server::UserDirectory directory(m_database->connection().value());
    const Result<User> dora = directory.addUser({QStringLiteral("dora"),
                                                 QStringLiteral("Dora"),
                                                 {Role::Clerk},
                                                 {QStringLiteral("32.1"), QStringLiteral("67.2")}},
                                                TestUsers::password());
    QVERIFY2(dora.ok(), qPrintable(dora.error().toString()));
    Client doraClient = login(QStringLiteral("dora"));
    Command create = createCommand(doraClient, m_otherTeam);
    Case theCase = Case::fromJson(create.args.value(QStringLiteral("case")).toObject()).value();
    theCase.assigneeId = dora->id;
    create.args = {{QStringLiteral("case"), theCase.toJson()}};
    QCOMPARE(pushOne(doraClient, create).value(QStringLiteral("result")).toString(), QStringLiteral("applied"));

    Client lea = login(QStringLiteral("lea"));
    const auto noteCommand = [&] {
        const Note note{createUuidV7(), create.caseId, lea.userId, QDateTime::currentDateTimeUtc(),
                        QStringLiteral("Vertretung")};
        return command(lea, create.caseId, CommandName::AddNote, {{QStringLiteral("note"), note.toJson()}});
    };
    const Command before = noteCommand();
    const Command deputy = command(
        lea, createUuidV7(), CommandName::SetDeputy,
        {{QStringLiteral("user"), uuidToString(dora->id)}, {QStringLiteral("deputy"), uuidToString(lea.userId)}});
    const Command after = noteCommand();
    const HttpReply reply = push(lea, {before, deputy, after});
    QCOMPARE(reply.status, 200);
    const QJsonArray results = reply.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0)[QStringLiteral("code")].toString(), QStringLiteral("not_found"));
    QCOMPARE(results.at(1)[QStringLiteral("result")].toString(), QStringLiteral("applied"));
    QCOMPARE(results.at(2)[QStringLiteral("result")].toString(), QStringLiteral("applied"));
    QCOMPARE(results.at(2)[QStringLiteral("caseVersion")].toInteger(), 2);
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
    // Args of the wrong shape refuse the whole push before anything is applied: the sequence number stays free.
    const HttpReply malformed = push(anna, {command(anna, caseId, CommandName::AttachDocument,
                                                    {{QStringLiteral("documentId"), uuidToString(createUuidV7())}})});
    QCOMPARE(malformed.status, 400);
    QCOMPARE(malformed.errorCode(), QStringLiteral("invalid_command"));
    --anna.nextSeq;
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

void TestPushApi::consultationEnds()
{
    Client anna = login(QStringLiteral("anna"));
    Client olga = login(QStringLiteral("olga"));
    const QUuid caseId = newCase(anna);
    const auto result = [](const QJsonObject &r) {
        return r.value(QStringLiteral("result")).toString() + r.value(QStringLiteral("code")).toString();
    };
    const QJsonObject olgasTeam{{QStringLiteral("team"), uuidToString(m_otherTeam)}};
    const auto note = [&](const Client &author) {
        const Note written{createUuidV7(), caseId, author.userId, QDateTime::currentDateTimeUtc(),
                           QStringLiteral("Stellungnahme")};
        return QJsonObject{{QStringLiteral("note"), written.toJson()}};
    };
    QCOMPARE(result(pushOne(anna, command(anna, caseId, CommandName::RequestConsultation, olgasTeam))),
             QStringLiteral("applied"));
    // The case carries its consulting teams, for offline clients' checks.
    const QString consulting =
        QStringLiteral("SELECT coalesce(data->'consultingTeams', '[]')::text FROM cases WHERE id = '%1'")
            .arg(uuidToString(caseId));
    QCOMPARE(scalar(consulting).toString(), QStringLiteral("[\"%1\"]").arg(uuidToString(m_otherTeam)));
    // Only a consultation that runs can end.
    QCOMPARE(result(pushOne(anna, command(anna, caseId, CommandName::EndConsultation,
                                          {{QStringLiteral("team"), uuidToString(m_team)}}))),
             QStringLiteral("rejectednot_consulted"));
    QCOMPARE(result(pushOne(olga, command(olga, caseId, CommandName::AddNote, note(olga)))), QStringLiteral("applied"));

    // Olga's team has given its statement and ends its consultation: the case leaves its scope.
    const Command ending = command(olga, caseId, CommandName::EndConsultation, olgasTeam);
    QCOMPARE(result(pushOne(olga, ending)), QStringLiteral("applied"));
    QCOMPARE(scalar(consulting).toString(), QStringLiteral("[]"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM consultations WHERE case_id = '%1' AND ended_at IS NOT NULL"
                                   " AND ended_by_command = '%2'")
                        .arg(uuidToString(caseId), uuidToString(ending.id)))
                 .toInt(),
             1);
    QCOMPARE(result(pushOne(olga, command(olga, caseId, CommandName::AddNote, note(olga)))),
             QStringLiteral("rejectednot_found"));
    QCOMPARE(result(pushOne(olga, command(olga, caseId, CommandName::EndConsultation, olgasTeam))),
             QStringLiteral("rejectednot_found"));

    // The responsible team may consult again, and end that consultation itself.
    QCOMPARE(result(pushOne(anna, command(anna, caseId, CommandName::RequestConsultation, olgasTeam))),
             QStringLiteral("applied"));
    QCOMPARE(result(pushOne(olga, command(olga, caseId, CommandName::AddNote, note(olga)))), QStringLiteral("applied"));
    QCOMPARE(result(pushOne(anna, command(anna, caseId, CommandName::EndConsultation, olgasTeam))),
             QStringLiteral("applied"));
    QCOMPARE(result(pushOne(olga, command(olga, caseId, CommandName::AddNote, note(olga)))),
             QStringLiteral("rejectednot_found"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM consultations WHERE case_id = '%1' AND ended_at IS NULL")
                        .arg(uuidToString(caseId)))
                 .toInt(),
             0);
    // create, two consultations asked and ended, two of Olga's notes
    QCOMPARE(scalar(QStringLiteral("SELECT version FROM cases WHERE id = '%1'").arg(uuidToString(caseId))).toInt(), 7);
}

// The open consultations in a case's data are what the server checks access against: a client that writes some
// into its new case gives no other team access.
void TestPushApi::aNewCaseClaimsNoConsultation()
{
    Client anna = login(QStringLiteral("anna"));
    Client olga = login(QStringLiteral("olga"));
    Command create = createCommand(anna, m_team);
    QJsonObject claimed = create.args.value(QStringLiteral("case")).toObject();
    claimed.insert(QStringLiteral("consultingTeams"), QJsonArray{uuidToString(m_otherTeam)});
    create.args.insert(QStringLiteral("case"), claimed);
    QCOMPARE(pushOne(anna, create).value(QStringLiteral("result")).toString(), QStringLiteral("applied"));
    QCOMPARE(scalar(QStringLiteral("SELECT coalesce(data->'consultingTeams', '[]')::text FROM cases WHERE id = '%1'")
                        .arg(uuidToString(create.caseId)))
                 .toString(),
             QStringLiteral("[]"));
    const Note note{createUuidV7(), create.caseId, olga.userId, QDateTime::currentDateTimeUtc(),
                    QStringLiteral("Stellungnahme")};
    QCOMPARE(
        pushOne(olga, command(olga, create.caseId, CommandName::AddNote, {{QStringLiteral("note"), note.toJson()}}))
            .value(QStringLiteral("code"))
            .toString(),
        QStringLiteral("not_found"));
}

QTEST_GUILESS_MAIN(TestPushApi)
#include "tst_pushapi.moc"
