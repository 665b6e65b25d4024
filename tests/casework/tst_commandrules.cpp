// The case rules that server and client share: opening a case, the workflow engine behind completeTask, the form
// rules behind setFields, compare-and-set on the assignee; on the bundled tree felling process and its form.
#include "casework/CommandRules.h"
#include "core/Uuid.h"
#include "mock/MockClock.h"

#include <QJsonArray>
#include <QTest>

#include "TreeFellingSamples.h"

using namespace casedesk;
using namespace casedesk::casework;
using test::actorOf;
using test::fieldEdit;

namespace {

const QDateTime &monday = test::treeFellingDay;

Command command(CommandName name, const QUuid &caseId, const QJsonObject &args)
{
    Command made;
    made.id = createUuidV7();
    made.clientId = createUuidV7();
    made.clientSeq = 1;
    made.caseId = caseId;
    made.name = name;
    made.args = args;
    made.madeAt = monday;
    return made;
}

} // namespace

class TestCommandRules : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Dates in the form ("plannedDate" from today on) are checked against the day the cases were made for.
        Clock::setCurrent(&m_clock);
        QVERIFY2(demo::BundledContent::instance(), qPrintable(demo::BundledContent::instance().error().message));
        QVERIFY(demo::BundledContent::instance()->find(QStringLiteral("baumfaellung")));
    }

    void cleanupTestCase() { Clock::setCurrent(nullptr); }

    void openingStartsTheProcess()
    {
        const Case c = test::openedTreeFellingCase();
        QCOMPARE(c.version, qint64(1));
        QCOMPARE(c.formVersion, test::treeFellingContent().form.version());
        QVERIFY(!c.workflowState.isEmpty());
        QVERIFY(!c.statusText.isEmpty());
        QVERIFY(!c.closed);
        QVERIFY(!test::firstTask(c, actorOf(test::treeFellingUser(Role::Clerk))).isEmpty());
    }

    // The open consultations in a case's data give other teams access (CaseAccessFacts::of): a new case
    // starts with none, whatever the creating client wrote, since only requestConsultation opens one.
    void openingDropsClaimedConsultations()
    {
        Case c = test::openedTreeFellingCase();
        c.consultingTeamIds = {createUuidV7(), createUuidV7()};
        const RuleOutcome outcome =
            CommandRules::open(test::treeFellingContent(), CommandRules::RequiredValues::MayBeMissing, monday, &c);
        QVERIFY2(outcome.applied(), qPrintable(outcome.message));
        QVERIFY(c.consultingTeamIds.isEmpty());
    }

    void openingRefusesBrokenFormData()
    {
        Case c = test::openedTreeFellingCase();
        const Case before = c;
        c.formData.insert(QStringLiteral("reasonDetails"), QString(6000, u'x'));
        const Case refused = c;
        const RuleOutcome outcome =
            CommandRules::open(test::treeFellingContent(), CommandRules::RequiredValues::MayBeMissing, monday, &c);
        QCOMPARE(outcome.kind, RuleOutcome::Kind::Rejected);
        QCOMPARE(outcome.code, QStringLiteral("invalid_form"));
        QVERIFY(!outcome.problems.isEmpty());
        QCOMPARE(outcome.problems.first().path, QStringLiteral("reasonDetails"));
        QVERIFY(outcome.message.contains(QStringLiteral("reasonDetails")));
        QCOMPARE(c, refused); // unchanged
        QVERIFY(before != refused);
    }

    void completingATaskMovesTheProcessOn()
    {
        Case c = test::openedTreeFellingCase();
        const workflow::Actor clerk = actorOf(test::treeFellingUser(Role::Clerk));
        const QJsonObject task = test::firstTask(c, clerk);
        const Case before = c;
        const RuleOutcome outcome =
            CommandRules::apply(command(CommandName::CompleteTask, c.id, task), clerk, &test::treeFellingContent(),
                                monday, CommandRules::Checks::All, &c);
        QVERIFY2(outcome.applied(), qPrintable(outcome.message));
        QVERIFY(c.workflowState != before.workflowState);
        QCOMPARE(c.formData, before.formData);
        QCOMPARE(c.version, before.version); // the server counts versions when it saves

        // The same task again: it is no longer waiting, a conflict naming the tasks that wait now.
        const Case moved = c;
        const RuleOutcome again =
            CommandRules::apply(command(CommandName::CompleteTask, c.id, task), clerk, &test::treeFellingContent(),
                                monday, CommandRules::Checks::All, &c);
        QCOMPARE(again.kind, RuleOutcome::Kind::Conflict);
        QCOMPARE(again.code, QStringLiteral("task_conflict"));
        const QJsonArray waiting =
            again.serverValues.value(QStringLiteral("task")).toObject().value(QStringLiteral("server")).toArray();
        QVERIFY(!waiting.isEmpty());
        QVERIFY(!waiting.contains(task.value(QStringLiteral("taskId"))));
        QCOMPARE(c, moved);
    }

    void anAuditorCompletesNoTask()
    {
        Case c = test::openedTreeFellingCase();
        const QJsonObject task = test::firstTask(c, actorOf(test::treeFellingUser(Role::Clerk)));
        const Case before = c;
        const RuleOutcome outcome = CommandRules::apply(
            command(CommandName::CompleteTask, c.id, task), actorOf(test::treeFellingUser(Role::Auditor)),
            &test::treeFellingContent(), monday, CommandRules::Checks::All, &c);
        QCOMPARE(outcome.kind, RuleOutcome::Kind::Rejected);
        QCOMPARE(outcome.code, QStringLiteral("task_not_allowed"));
        QCOMPARE(c, before);
    }

    void fieldEditsFollowTheForm()
    {
        Case c = test::openedTreeFellingCase();
        const workflow::Actor clerk = actorOf(test::treeFellingUser(Role::Clerk));
        const QString field = QStringLiteral("reasonDetails");

        const RuleOutcome fine =
            CommandRules::apply(command(CommandName::SetFields, c.id,
                                        fieldEdit(c, field, QStringLiteral("Sturmschaden am Stamm, Astbruch droht"))),
                                clerk, &test::treeFellingContent(), monday, CommandRules::Checks::All, &c);
        QVERIFY2(fine.applied(), qPrintable(fine.message));
        QCOMPARE(c.formData.value(field).toString(), QStringLiteral("Sturmschaden am Stamm, Astbruch droht"));

        // Too long for the form: refused with the field named, the case as it was.
        const Case before = c;
        const Command tooLong = command(CommandName::SetFields, c.id, fieldEdit(c, field, QString(6000, u'x')));
        const RuleOutcome refused =
            CommandRules::apply(tooLong, clerk, &test::treeFellingContent(), monday, CommandRules::Checks::All, &c);
        QCOMPARE(refused.code, QStringLiteral("invalid_form"));
        QCOMPARE(refused.problems.first().path, field);
        QCOMPARE(c, before);
        // A replay of the pending edit shows it: the form check is the server's answer to wait for.
        const RuleOutcome replayed = CommandRules::apply(tooLong, clerk, &test::treeFellingContent(), monday,
                                                         CommandRules::Checks::EffectsOnly, &c);
        QVERIFY(replayed.applied());
        QCOMPARE(c.formData.value(field).toString().size(), 6000);
    }

    void aProblemTheDataHadBeforeDoesNotBlockAnEdit()
    {
        Case c = test::openedTreeFellingCase();
        c.formData.insert(QStringLiteral("reasonDetails"), QString(6000, u'x')); // stored under an older definition
        const RuleOutcome outcome =
            CommandRules::apply(command(CommandName::SetFields, c.id,
                                        fieldEdit(c, QStringLiteral("buildingPermit"), QStringLiteral("B-1"))),
                                actorOf(test::treeFellingUser(Role::Clerk)), &test::treeFellingContent(), monday,
                                CommandRules::Checks::All, &c);
        QVERIFY2(outcome.applied(), qPrintable(outcome.message));
        QCOMPARE(c.formData.value(QStringLiteral("buildingPermit")).toString(), QStringLiteral("B-1"));
    }

    void aStaleFieldEditNamesEveryConflict()
    {
        Case c = test::openedTreeFellingCase();
        c.formData.insert(QStringLiteral("reasonDetails"), QStringLiteral("now"));
        c.formData.insert(QStringLiteral("buildingPermit"), QStringLiteral("B-2"));
        c.formData.remove(QStringLiteral("plannedDate"));
        const QJsonObject args{
            {QStringLiteral("fields"),
             QJsonObject{
                 {QStringLiteral("reasonDetails"), QJsonObject{{QStringLiteral("old"), QStringLiteral("then")},
                                                               {QStringLiteral("new"), QStringLiteral("x")}}},
                 {QStringLiteral("buildingPermit"), QJsonObject{{QStringLiteral("old"), QStringLiteral("B-2")},
                                                                {QStringLiteral("new"), QStringLiteral("B-3")}}},
                 {QStringLiteral("plannedDate"), QJsonObject{{QStringLiteral("old"), QStringLiteral("2026-04-01")},
                                                             {QStringLiteral("new"), QJsonValue()}}}}}};
        const Case before = c;
        const RuleOutcome outcome = CommandRules::apply(
            command(CommandName::SetFields, c.id, args), actorOf(test::treeFellingUser(Role::Clerk)),
            &test::treeFellingContent(), monday, CommandRules::Checks::All, &c);
        QCOMPARE(outcome.kind, RuleOutcome::Kind::Conflict);
        QCOMPARE(outcome.code, QStringLiteral("field_conflict"));
        QCOMPARE(outcome.serverValues.keys(),
                 (QStringList{QStringLiteral("plannedDate"), QStringLiteral("reasonDetails")}));
        QCOMPARE(outcome.serverValues.value(QStringLiteral("reasonDetails")).toObject().value(QStringLiteral("server")),
                 QJsonValue(QStringLiteral("now")));
        QVERIFY(outcome.serverValues.value(QStringLiteral("plannedDate"))
                    .toObject()
                    .value(QStringLiteral("server"))
                    .isNull());
        QCOMPARE(c, before);
    }

    void theAssigneeIsComparedAndSet()
    {
        Case c = test::openedTreeFellingCase();
        const User clerk = test::treeFellingUser(Role::Clerk);
        const User lead = test::treeFellingUser(Role::TeamLead);
        c.assigneeId = lead.id;
        const Case before = c;
        const RuleOutcome stale = CommandRules::apply(
            command(CommandName::Assign, c.id,
                    {{QStringLiteral("expected"), QString()}, {QStringLiteral("assignee"), uuidToString(clerk.id)}}),
            actorOf(lead), &test::treeFellingContent(), monday, CommandRules::Checks::All, &c);
        QCOMPARE(stale.code, QStringLiteral("assignee_conflict"));
        QCOMPARE(
            stale.serverValues.value(QStringLiteral("assignee")).toObject().value(QStringLiteral("server")).toString(),
            uuidToString(lead.id));
        QCOMPARE(c, before);
        const RuleOutcome assigned =
            CommandRules::apply(command(CommandName::Assign, c.id,
                                        {{QStringLiteral("expected"), uuidToString(lead.id)},
                                         {QStringLiteral("assignee"), uuidToString(clerk.id)}}),
                                actorOf(lead), &test::treeFellingContent(), monday, CommandRules::Checks::All, &c);
        QVERIFY(assigned.applied());
        QCOMPARE(c.assigneeId, clerk.id);
    }

    void anUnknownCaseTypeHasNoRules()
    {
        Case c = test::openedTreeFellingCase();
        const Case before = c;
        const RuleOutcome outcome = CommandRules::apply(
            command(CommandName::SetFields, c.id,
                    fieldEdit(c, QStringLiteral("buildingPermit"), QStringLiteral("B-1"))),
            actorOf(test::treeFellingUser(Role::Clerk)), nullptr, monday, CommandRules::Checks::All, &c);
        QCOMPARE(outcome.code, QStringLiteral("unknown_case_type"));
        QVERIFY(outcome.message.contains(c.caseType));
        QCOMPARE(c, before);
        // A note needs no rules of the case type: the case stays as it is.
        const RuleOutcome note = CommandRules::apply(
            command(CommandName::SetFollowUp, c.id, {{QStringLiteral("date"), QStringLiteral("2026-03-20")}}),
            actorOf(test::treeFellingUser(Role::Clerk)), nullptr, monday, CommandRules::Checks::All, &c);
        QVERIFY(note.applied());
        QCOMPARE(c.followUpDate, QDate(2026, 3, 20));
    }

    void createCaseOpensTheCaseItCarries()
    {
        Case draft = test::openedTreeFellingCase();
        draft.workflowState = {};
        draft.statusText.clear();
        draft.version = 0;
        Case target;
        const RuleOutcome outcome =
            CommandRules::apply(command(CommandName::CreateCase, draft.id, {{QStringLiteral("case"), draft.toJson()}}),
                                actorOf(test::treeFellingUser(Role::Clerk)), &test::treeFellingContent(), monday,
                                CommandRules::Checks::All, &target);
        QVERIFY2(outcome.applied(), qPrintable(outcome.message));
        QCOMPARE(target.id, draft.id);
        QVERIFY(!target.workflowState.isEmpty());
        QCOMPARE(target.version, qint64(1));

        Case untouched;
        const RuleOutcome unknown = CommandRules::apply(
            command(CommandName::CreateCase, draft.id, {{QStringLiteral("case"), draft.toJson()}}),
            actorOf(test::treeFellingUser(Role::Clerk)), nullptr, monday, CommandRules::Checks::All, &untouched);
        QCOMPARE(unknown.code, QStringLiteral("unknown_case_type"));
        QVERIFY(untouched.id.isNull());
    }

private:
    test::MockClock m_clock{monday};
};

QTEST_GUILESS_MAIN(TestCommandRules)
#include "tst_commandrules.moc"
