// The engine on small inline models: every element, gateways, timers, sub-processes, terminate, four-eyes,
// typed rejections, and the JSON form of the state.
#include "core/DeadlineCalendar.h"

#include <QTest>

#include "WorkflowTestSupport.h"

using namespace casedesk;
using namespace casedesk::workflow;
using casedesk::workflow::test::actor;
using casedesk::workflow::test::at;
using casedesk::workflow::test::bpmn;
using casedesk::workflow::test::problemsText;

namespace {

const QString S = QStringLiteral("<bpmn:startEvent id=\"Start\"/>\n");
const QString E = QStringLiteral("<bpmn:endEvent id=\"End\"/>\n");

QString flow(const char *idText, const char *fromText, const char *toText, const char *conditionText = "")
{
    const QString id = QString::fromUtf8(idText);
    const QString from = QString::fromUtf8(fromText);
    const QString to = QString::fromUtf8(toText);
    const QString condition = QString::fromUtf8(conditionText);
    if (condition.isEmpty())
        return QStringLiteral("<bpmn:sequenceFlow id=\"%1\" sourceRef=\"%2\" targetRef=\"%3\"/>\n").arg(id, from, to);
    return QStringLiteral("<bpmn:sequenceFlow id=\"%1\" sourceRef=\"%2\" targetRef=\"%3\"><bpmn:conditionExpression>"
                          "%4</bpmn:conditionExpression></bpmn:sequenceFlow>\n")
        .arg(id, from, to, condition.toHtmlEscaped());
}

QString userTask(const char *id, const QString &attributes = {})
{
    return QStringLiteral("<bpmn:userTask id=\"%1\" name=\"%1\" %2/>\n").arg(QString::fromUtf8(id), attributes);
}

QString timer(const char *idText, const char *attachedToText, bool interrupting, const QString &definition,
              const QString &attributes = {})
{
    const QString id = QString::fromUtf8(idText);
    const QString attachedTo = QString::fromUtf8(attachedToText);
    return QStringLiteral("<bpmn:boundaryEvent id=\"%1\" attachedToRef=\"%2\" cancelActivity=\"%3\" %5>"
                          "<bpmn:timerEventDefinition>%4</bpmn:timerEventDefinition></bpmn:boundaryEvent>\n")
        .arg(id, attachedTo, interrupting ? QStringLiteral("true") : QStringLiteral("false"), definition, attributes);
}

ProcessModel load(const QString &body, const QString &processAttributes = {})
{
    const ParsedModel parsed = ProcessParser::parse(bpmn(body, processAttributes));
    if (!parsed.ok())
        qWarning("%s", qPrintable(problemsText(parsed)));
    return parsed.model;
}

const Actor clerk = actor(QStringLiteral("a.mueller"), {Role::Clerk}, {QStringLiteral("32.1")});
const Actor clerk2 = actor(QStringLiteral("e.oeztuerk"), {Role::Clerk}, {QStringLiteral("32.1")});
const Actor lead = actor(QStringLiteral("s.haeussler"), {Role::TeamLead}, {QStringLiteral("32.1")});
const Actor auditor = actor(QStringLiteral("w.richter"), {Role::Auditor}, {QStringLiteral("32.1")});
const QDateTime monday = at(QStringLiteral("2026-03-02T08:00:00Z"));

// Variables written as JSON text, which keeps the data tables short.
QJsonObject vars(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QStringList list(const char *words)
{
    return QString::fromUtf8(words).split(u' ', Qt::SkipEmptyParts);
}

QStringList activeTasks(const ProcessModel &model, const WorkflowState &state)
{
    QStringList ids;
    for (const Token &token : state.tokens) {
        if (model.element(token.element).type == ElementType::UserTask)
            ids.append(model.element(token.element).id);
    }
    ids.sort();
    return ids;
}

QStringList eventList(const QList<WorkflowEvent> &events)
{
    QStringList list;
    for (const WorkflowEvent &event : events)
        list.append(eventTypeToString(event.type) + u':' + event.elementId);
    return list;
}

WorkflowState complete(const ProcessModel &model, const WorkflowState &state, const QString &task,
                       const Actor &who = clerk, const QString &outcome = {}, const QJsonObject &variables = {})
{
    const TransitionResult result = WorkflowEngine::apply(model, state, {task, outcome, variables}, who, monday);
    if (!result)
        qWarning("apply %s: %s", qPrintable(task), qPrintable(result.error().toString()));
    return result ? result.value().state : state;
}

} // namespace

class TestWorkflowEngine : public QObject {
    Q_OBJECT

private slots:
    void linearProcess()
    {
        const ProcessModel model =
            load(S + flow("F1", "Start", "Svc") +
                 QStringLiteral("<bpmn:task id=\"Svc\"/>\n<bpmn:manualTask id=\"Man\"/>\n") + flow("F2", "Svc", "Man") +
                 flow("F3", "Man", "T") + userTask("T") + flow("F4", "T", "End") + E);
        QVERIFY(!model.isNull());
        const TransitionResult started = WorkflowEngine::start(model, {}, monday);
        QVERIFY2(started.ok(), qPrintable(started.error().toString()));
        QCOMPARE(activeTasks(model, started->state), QStringList{QStringLiteral("T")});
        QCOMPARE(eventList(started->events), QStringList{QStringLiteral("taskActivated:T")});
        const QList<AvailableAction> actions = WorkflowEngine::availableActions(model, started->state, clerk);
        QCOMPARE(actions.size(), 1);
        QCOMPARE(actions.first().taskId, QStringLiteral("T"));
        const TransitionResult done =
            WorkflowEngine::apply(model, started->state, {QStringLiteral("T"), {}, {}}, clerk, monday);
        QVERIFY2(done.ok(), qPrintable(done.error().toString()));
        QVERIFY(done->state.ended);
        QVERIFY(!done->state.terminated);
        QCOMPARE(eventList(done->events),
                 (QStringList{QStringLiteral("taskCompleted:T"), QStringLiteral("processEnded:P")}));
        QVERIFY(WorkflowEngine::availableActions(model, done->state, clerk).isEmpty());
    }

    void exclusiveGateway_data()
    {
        QTest::addColumn<QJsonObject>("variables");
        QTest::addColumn<bool>("withDefault");
        QTest::addColumn<QString>("expectedTask"); // empty: NoFlowMatched
        QTest::newRow("first condition") << vars("{\"amount\": 2000, \"zone\": \"A\"}") << true << "High";
        QTest::newRow("second condition") << vars("{\"amount\": 5}") << true << "Low";
        QTest::newRow("both true: first in order wins")
            << vars("{\"amount\": 2000, \"zone\": \"A\", \"urgent\": true}") << true << "High";
        QTest::newRow("default") << vars("{\"amount\": 500}") << true << "Other";
        QTest::newRow("no default, nothing matches") << vars("{\"amount\": 500}") << false << "";
        QTest::newRow("missing variable: default") << QJsonObject{} << true << "Other";
    }
    void exclusiveGateway()
    {
        QFETCH(QJsonObject, variables);
        QFETCH(bool, withDefault);
        QFETCH(QString, expectedTask);
        const ProcessModel model =
            load(S + flow("F1", "Start", "G") +
                 QStringLiteral("<bpmn:exclusiveGateway id=\"G\" %1/>\n")
                     .arg(withDefault ? QStringLiteral("default=\"Fd\"") : QString()) +
                 flow("Fh", "G", "High", "${amount > 1000 && zone == \"A\"}") +
                 flow("Fl", "G", "Low", "= amount < 10 or urgent = true") +
                 (withDefault ? flow("Fd", "G", "Other") + userTask("Other") + flow("Fo", "Other", "End") : QString()) +
                 userTask("High") + userTask("Low") + flow("Fhe", "High", "End") + flow("Fle", "Low", "End") + E);
        QVERIFY(!model.isNull());
        const TransitionResult started = WorkflowEngine::start(model, variables, monday);
        if (expectedTask.isEmpty()) {
            QVERIFY(!started.ok());
            QCOMPARE(started.rejection(), Rejection::NoFlowMatched);
            QVERIFY(!started.error().message.isEmpty());
            return;
        }
        QVERIFY2(started.ok(), qPrintable(started.error().toString()));
        QCOMPARE(activeTasks(model, started->state), QStringList{expectedTask});
    }

    void outcomesRouteTheProcess()
    {
        const ProcessModel model =
            load(S + flow("F1", "Start", "Check") +
                 userTask("Check", QStringLiteral("casedesk:outcomes=\"complete incomplete\" "
                                                  "casedesk:outcomeVariable=\"completeness\"")) +
                 flow("F2", "Check", "G") + QStringLiteral("<bpmn:exclusiveGateway id=\"G\" default=\"Fok\"/>\n") +
                 flow("Fno", "G", "Request", "${completeness == \"incomplete\"}") + flow("Fok", "G", "End") +
                 userTask("Request") + flow("F3", "Request", "Check") + E);
        QVERIFY(!model.isNull());
        WorkflowState state = WorkflowEngine::start(model, {}, monday)->state;
        QCOMPARE(WorkflowEngine::availableActions(model, state, clerk).first().outcomes,
                 (QStringList{QStringLiteral("complete"), QStringLiteral("incomplete")}));
        state = complete(model, state, QStringLiteral("Check"), clerk, QStringLiteral("incomplete"));
        QCOMPARE(activeTasks(model, state), QStringList{QStringLiteral("Request")});
        QCOMPARE(state.variables.value(QStringLiteral("completeness")).toString(), QStringLiteral("incomplete"));
        state = complete(model, state, QStringLiteral("Request"));
        state = complete(model, state, QStringLiteral("Check"), clerk, QStringLiteral("complete"));
        QVERIFY(state.ended);

        const WorkflowState fresh = WorkflowEngine::start(model, {}, monday)->state;
        const TransitionResult wrong =
            WorkflowEngine::apply(model, fresh, {QStringLiteral("Check"), QStringLiteral("maybe"), {}}, clerk, monday);
        QCOMPARE(wrong.rejection(), Rejection::UnknownOutcome);
        const TransitionResult none =
            WorkflowEngine::apply(model, fresh, {QStringLiteral("Check"), {}, {}}, clerk, monday);
        QCOMPARE(none.rejection(), Rejection::UnknownOutcome);
    }

    void parallelForkAndJoin()
    {
        const ProcessModel model = load(S + flow("F1", "Start", "Fork") +
                                        QStringLiteral("<bpmn:parallelGateway id=\"Fork\"/>\n"
                                                       "<bpmn:parallelGateway id=\"Join\"/>\n") +
                                        flow("Fa", "Fork", "A") + flow("Fb", "Fork", "B") + userTask("A") +
                                        userTask("B") + flow("Fa2", "A", "Join") + flow("Fb2", "B", "Join") +
                                        flow("Fj", "Join", "C") + userTask("C") + flow("Fc", "C", "End") + E);
        QVERIFY(!model.isNull());
        WorkflowState state = WorkflowEngine::start(model, {}, monday)->state;
        QCOMPARE(activeTasks(model, state), (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
        state = complete(model, state, QStringLiteral("B"));
        QCOMPARE(activeTasks(model, state), QStringList{QStringLiteral("A")}); // join waits for A
        QCOMPARE(state.tokens.size(), 2);
        state = complete(model, state, QStringLiteral("A"));
        QCOMPARE(activeTasks(model, state), QStringList{QStringLiteral("C")});
        QCOMPARE(state.tokens.size(), 1);
        state = complete(model, state, QStringLiteral("C"));
        QVERIFY(state.ended);
    }

    void inclusiveGateway_data()
    {
        QTest::addColumn<QJsonObject>("variables");
        QTest::addColumn<QStringList>("branches");
        QTest::newRow("both") << vars("{\"trees\": true, \"parking\": true}") << list("A B");
        QTest::newRow("only A") << vars("{\"trees\": true}") << list("A");
        QTest::newRow("only B") << vars("{\"parking\": true}") << list("B");
        QTest::newRow("default") << QJsonObject{} << list("D");
    }
    void inclusiveGateway()
    {
        QFETCH(QJsonObject, variables);
        QFETCH(QStringList, branches);
        const ProcessModel model =
            load(S + flow("F1", "Start", "Split") +
                 QStringLiteral("<bpmn:inclusiveGateway id=\"Split\" default=\"Fd\"/>\n"
                                "<bpmn:inclusiveGateway id=\"Join\"/>\n") +
                 flow("Fa", "Split", "A", "${trees}") + flow("Fb", "Split", "B", "${parking}") +
                 flow("Fd", "Split", "D") + userTask("A") + userTask("B") + userTask("D") + flow("Fa2", "A", "Join") +
                 flow("Fb2", "B", "Join") + flow("Fd2", "D", "Join") + flow("Fj", "Join", "After") + userTask("After") +
                 flow("Fe", "After", "End") + E);
        QVERIFY(!model.isNull());
        WorkflowState state = WorkflowEngine::start(model, variables, monday)->state;
        QCOMPARE(activeTasks(model, state), branches);
        for (qsizetype i = 0; i < branches.size(); ++i) {
            QCOMPARE(activeTasks(model, state).contains(QStringLiteral("After")), false);
            state = complete(model, state, branches.at(i));
        }
        QCOMPARE(activeTasks(model, state), QStringList{QStringLiteral("After")});
        QCOMPARE(state.tokens.size(), 1);
    }

    void interruptingBoundaryTimer()
    {
        const ProcessModel model =
            load(S + flow("F1", "Start", "Wait") + userTask("Wait") +
                 timer("Deadline", "Wait", true, QStringLiteral("<bpmn:timeDuration>P14D</bpmn:timeDuration>")) +
                 flow("F2", "Wait", "End") + flow("F3", "Deadline", "Late") + userTask("Late") +
                 flow("F4", "Late", "End") + E);
        QVERIFY(!model.isNull());
        const WorkflowState state = WorkflowEngine::start(model, {}, monday)->state;
        const QDateTime due = monday.addDays(14);
        QCOMPARE(WorkflowEngine::availableActions(model, state, clerk).first().due, due);
        QVERIFY(WorkflowEngine::dueTimers(model, state, due.addSecs(-1)).isEmpty());
        const QList<DueTimer> timers = WorkflowEngine::dueTimers(model, state, due);
        QCOMPARE(timers.size(), 1);
        QCOMPARE(timers.first().eventId, QStringLiteral("Deadline"));
        const TransitionResult early = WorkflowEngine::fire(model, state, timers.first().timerId, due.addSecs(-1));
        QCOMPARE(early.rejection(), Rejection::TimerNotDue);
        const TransitionResult fired = WorkflowEngine::fire(model, state, timers.first().timerId, due);
        QVERIFY2(fired.ok(), qPrintable(fired.error().toString()));
        QCOMPARE(activeTasks(model, fired->state), QStringList{QStringLiteral("Late")});
        QVERIFY(fired->state.timers.isEmpty());
        QVERIFY(eventList(fired->events).contains(QStringLiteral("taskCancelled:Wait")));
        QCOMPARE(WorkflowEngine::fire(model, fired->state, timers.first().timerId, due).rejection(),
                 Rejection::TimerNotActive);
        // Completing the task in time cancels its timer.
        const WorkflowState inTime = complete(model, state, QStringLiteral("Wait"));
        QVERIFY(inTime.ended);
        QVERIFY(inTime.timers.isEmpty());
    }

    void nonInterruptingCycle()
    {
        const ProcessModel model =
            load(S + flow("F1", "Start", "Wait") + userTask("Wait") +
                 timer("Remind", "Wait", false, QStringLiteral("<bpmn:timeCycle>R3/P7D</bpmn:timeCycle>")) +
                 flow("F2", "Wait", "End") + flow("F3", "Remind", "Notify") +
                 QStringLiteral("<bpmn:serviceTask id=\"Notify\" casedesk:kind=\"notify\" "
                                "casedesk:recipient=\"applicant\" "
                                "casedesk:message=\"reminder\"/>\n") +
                 flow("F4", "Notify", "RemindEnd") + QStringLiteral("<bpmn:endEvent id=\"RemindEnd\"/>\n") + E);
        QVERIFY(!model.isNull());
        WorkflowState state = WorkflowEngine::start(model, {}, monday)->state;
        QVERIFY(WorkflowEngine::availableActions(model, state, clerk).first().due.isNull()); // a reminder, no deadline
        QDateTime now = monday;
        int fired = 0;
        for (int week = 1; week <= 5; ++week) {
            now = monday.addDays(7 * week);
            for (const DueTimer &due : WorkflowEngine::dueTimers(model, state, now)) {
                const TransitionResult result = WorkflowEngine::fire(model, state, due.timerId, now);
                QVERIFY2(result.ok(), qPrintable(result.error().toString()));
                QVERIFY(eventList(result->events).contains(QStringLiteral("notification:Notify")));
                state = result->state;
                ++fired;
            }
            QCOMPARE(activeTasks(model, state), QStringList{QStringLiteral("Wait")});
        }
        QCOMPARE(fired, 3);
        QVERIFY(state.timers.isEmpty());
    }

    void statutoryDeadline()
    {
        const ProcessModel model =
            load(S + flow("F1", "Start", "Wait") + userTask("Wait", QStringLiteral("casedesk:calendar=\"statutory\"")) +
                 timer("Deadline", "Wait", true, QStringLiteral("<bpmn:timeDuration>P1M</bpmn:timeDuration>")) +
                 flow("F2", "Wait", "End") + flow("F3", "Deadline", "End") + E);
        QVERIFY(!model.isNull());
        // Received Friday 2026-03-27: one month ends Monday 2026-04-27.
        const QDateTime received = at(QStringLiteral("2026-03-27T10:00:00Z"));
        const WorkflowState state = WorkflowEngine::start(model, {}, received)->state;
        const QDate end = DeadlineCalendar::periodEnd(QDate(2026, 3, 27), Period{1, PeriodUnit::Months});
        const QDateTime due = WorkflowEngine::availableActions(model, state, clerk).first().due;
        // The timer runs out when the last day of the period is over in Stuttgart.
        QCOMPARE(due, QDateTime(end.addDays(1), QTime(0, 0), QTimeZone("Europe/Berlin")).toUTC());
        QVERIFY(WorkflowEngine::dueTimers(model, state, due.addSecs(-1)).isEmpty());
        QCOMPARE(WorkflowEngine::dueTimers(model, state, due).size(), 1);
    }

    void timerCatchEvent()
    {
        const ProcessModel model = load(S + flow("F1", "Start", "Wiedervorlage") +
                                        QStringLiteral("<bpmn:intermediateCatchEvent id=\"Wiedervorlage\">"
                                                       "<bpmn:timerEventDefinition><bpmn:timeDate>2026-04-01T09:00:00"
                                                       "</bpmn:timeDate></bpmn:timerEventDefinition>"
                                                       "</bpmn:intermediateCatchEvent>\n") +
                                        flow("F2", "Wiedervorlage", "T") + userTask("T") + flow("F3", "T", "End") + E);
        QVERIFY(!model.isNull());
        const WorkflowState state = WorkflowEngine::start(model, {}, monday)->state;
        QVERIFY(activeTasks(model, state).isEmpty());
        QVERIFY(WorkflowEngine::availableActions(model, state, clerk).isEmpty());
        const QDateTime when(QDate(2026, 4, 1), QTime(9, 0), QTimeZone("Europe/Berlin"));
        QVERIFY(WorkflowEngine::dueTimers(model, state, when.addSecs(-60)).isEmpty());
        const QList<DueTimer> due = WorkflowEngine::dueTimers(model, state, when);
        QCOMPARE(due.size(), 1);
        const TransitionResult fired = WorkflowEngine::fire(model, state, due.first().timerId, when);
        QVERIFY2(fired.ok(), qPrintable(fired.error().toString()));
        QCOMPARE(activeTasks(model, fired->state), QStringList{QStringLiteral("T")});
    }

    void subProcess()
    {
        const QString inner =
            QStringLiteral("<bpmn:subProcess id=\"Sub\">\n<bpmn:startEvent id=\"S2\"/>\n") + flow("G1", "S2", "Fork") +
            QStringLiteral("<bpmn:parallelGateway id=\"Fork\"/>\n") + flow("G2", "Fork", "X") +
            flow("G3", "Fork", "Y") + userTask("X") + userTask("Y") + flow("G4", "X", "E2") + flow("G5", "Y", "E3") +
            QStringLiteral("<bpmn:endEvent id=\"E2\"/><bpmn:endEvent id=\"E3\"/>\n</bpmn:subProcess>\n");
        const ProcessModel model =
            load(S + flow("F1", "Start", "Sub") + inner +
                 timer("Limit", "Sub", true, QStringLiteral("<bpmn:timeDuration>P30D</bpmn:timeDuration>")) +
                 flow("F2", "Sub", "After") + userTask("After") + flow("F3", "After", "End") +
                 flow("F4", "Limit", "End") + E);
        QVERIFY(!model.isNull());
        WorkflowState state = WorkflowEngine::start(model, {}, monday)->state;
        QCOMPARE(activeTasks(model, state), (QStringList{QStringLiteral("X"), QStringLiteral("Y")}));
        const WorkflowState started = state;
        state = complete(model, state, QStringLiteral("X"));
        QCOMPARE(activeTasks(model, state), QStringList{QStringLiteral("Y")}); // the sub-process still runs
        state = complete(model, state, QStringLiteral("Y"));
        QCOMPARE(activeTasks(model, state), QStringList{QStringLiteral("After")});
        QVERIFY(state.timers.isEmpty());
        // The interrupting timer on the sub-process cancels everything inside it.
        const QList<DueTimer> due = WorkflowEngine::dueTimers(model, started, monday.addDays(30));
        QCOMPARE(due.size(), 1);
        const TransitionResult fired = WorkflowEngine::fire(model, started, due.first().timerId, monday.addDays(30));
        QVERIFY2(fired.ok(), qPrintable(fired.error().toString()));
        QVERIFY(fired->state.ended);
        QCOMPARE(eventList(fired->events).filter(QStringLiteral("taskCancelled")).size(), 2);
    }

    void terminateEndEvent()
    {
        const ProcessModel model =
            load(S + flow("F1", "Start", "Fork") + QStringLiteral("<bpmn:parallelGateway id=\"Fork\"/>\n") +
                 flow("Fa", "Fork", "A") + flow("Fb", "Fork", "B") + userTask("A") + userTask("B") +
                 flow("Fa2", "A", "Stop") + flow("Fb2", "B", "End") +
                 QStringLiteral("<bpmn:endEvent id=\"Stop\"><bpmn:terminateEventDefinition/>"
                                "</bpmn:endEvent>\n") +
                 E);
        QVERIFY(!model.isNull());
        const WorkflowState state = WorkflowEngine::start(model, {}, monday)->state;
        const TransitionResult result =
            WorkflowEngine::apply(model, state, {QStringLiteral("A"), {}, {}}, clerk, monday);
        QVERIFY(result.ok());
        QVERIFY(result->state.ended);
        QVERIFY(result->state.terminated);
        QVERIFY(eventList(result->events).contains(QStringLiteral("taskCancelled:B")));
        // The other branch ending normally leaves A running.
        const WorkflowState other = complete(model, state, QStringLiteral("B"));
        QVERIFY(!other.ended);
        QCOMPARE(activeTasks(model, other), QStringList{QStringLiteral("A")});
    }

    void serviceTasks()
    {
        const ProcessModel model = load(
            S + flow("F1", "Start", "Set") +
            QStringLiteral(
                "<bpmn:serviceTask id=\"Set\" casedesk:kind=\"setVariable\" casedesk:variable=\"status\" "
                "casedesk:value=\"&quot;granted&quot;\"/>\n"
                "<bpmn:serviceTask id=\"Frist\" casedesk:kind=\"statutoryDeadline\" casedesk:variable=\"decideBy\" "
                "casedesk:period=\"P3M\" casedesk:from=\"receivedDate\"/>\n"
                "<bpmn:serviceTask id=\"Doc\" casedesk:kind=\"generateDocument\" casedesk:template=\"bescheid\"/>\n") +
            flow("F2", "Set", "Frist") + flow("F3", "Frist", "Doc") + flow("F4", "Doc", "End") + E);
        QVERIFY(!model.isNull());
        const TransitionResult result =
            WorkflowEngine::start(model, {{QStringLiteral("receivedDate"), QStringLiteral("2026-01-30")}}, monday);
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(result->state.variables.value(QStringLiteral("status")).toString(), QStringLiteral("granted"));
        const QDate end = DeadlineCalendar::periodEnd(QDate(2026, 1, 30), Period{3, PeriodUnit::Months});
        QCOMPARE(result->state.variables.value(QStringLiteral("decideBy")).toString(), end.toString(Qt::ISODate));
        QCOMPARE(eventList(result->events),
                 (QStringList{QStringLiteral("variableSet:Set"), QStringLiteral("deadlineSet:Frist"),
                              QStringLiteral("documentRequested:Doc"), QStringLiteral("processEnded:P")}));
        QCOMPARE(result->events.at(2).data.value(QStringLiteral("template")).toString(), QStringLiteral("bescheid"));
        const TransitionResult noDate = WorkflowEngine::start(model, {}, monday);
        QCOMPARE(noDate.rejection(), Rejection::ConditionFailed);
    }

    void performers_data()
    {
        QTest::addColumn<QString>("attributes");
        QTest::addColumn<Actor>("who");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("clerk default, clerk") << "" << clerk << true;
        QTest::newRow("clerk default, team lead") << "" << lead << false;
        QTest::newRow("auditor never") << "" << auditor << false;
        QTest::newRow("auditor never, even with matching team") << "casedesk:team=\"32.1\"" << auditor << false;
        QTest::newRow("team lead role") << "casedesk:role=\"teamLead\"" << lead << true;
        QTest::newRow("team lead role, clerk") << "casedesk:role=\"teamLead\"" << clerk << false;
        QTest::newRow("other team") << "casedesk:team=\"67.2\"" << clerk << false;
        QTest::newRow("own team") << "casedesk:team=\"32.1\"" << clerk << true;
        QTest::newRow("assignee") << "camunda:assignee=\"a.mueller\"" << clerk << true;
        QTest::newRow("assignee, someone else") << "camunda:assignee=\"a.mueller\"" << clerk2 << false;
        QTest::newRow("no user id") << "" << actor(QString(), {Role::Clerk}) << false;
    }
    void performers()
    {
        QFETCH(QString, attributes);
        QFETCH(Actor, who);
        QFETCH(bool, allowed);
        const ProcessModel model =
            load(S + flow("F1", "Start", "T") + userTask("T", attributes) + flow("F2", "T", "End") + E);
        QVERIFY(!model.isNull());
        const WorkflowState state = WorkflowEngine::start(model, {}, monday)->state;
        QCOMPARE(WorkflowEngine::availableActions(model, state, who).size(), allowed ? 1 : 0);
        const TransitionResult result = WorkflowEngine::apply(model, state, {QStringLiteral("T"), {}, {}}, who, monday);
        QCOMPARE(result.ok(), allowed);
        if (!allowed)
            QCOMPARE(result.rejection(), Rejection::NotAllowed);
    }

    void fourEyes()
    {
        const ProcessModel model =
            load(S + flow("F1", "Start", "Draft") +
                 userTask("Draft", QStringLiteral("casedesk:role=\"clerk,teamLead\"")) + flow("F2", "Draft", "Sign") +
                 userTask("Sign", QStringLiteral("casedesk:role=\"clerk,teamLead\" casedesk:fourEyesWith=\"Draft\"")) +
                 flow("F3", "Sign", "End") + E);
        QVERIFY(!model.isNull());
        const WorkflowState drafted =
            complete(model, WorkflowEngine::start(model, {}, monday)->state, QStringLiteral("Draft"), lead);
        QVERIFY(WorkflowEngine::availableActions(model, drafted, lead).isEmpty());
        QCOMPARE(WorkflowEngine::availableActions(model, drafted, clerk).size(), 1);
        const TransitionResult same =
            WorkflowEngine::apply(model, drafted, {QStringLiteral("Sign"), {}, {}}, lead, monday);
        QCOMPARE(same.rejection(), Rejection::FourEyesViolation);
        QVERIFY(!same.error().message.isEmpty());
        const TransitionResult other =
            WorkflowEngine::apply(model, drafted, {QStringLiteral("Sign"), {}, {}}, clerk, monday);
        QVERIFY(other.ok());
        QCOMPARE(other->state.completedBy.value(model.indexOf(QStringLiteral("Sign"))), clerk.userId);
    }

    void rejections_data()
    {
        QTest::addColumn<QString>("task");
        QTest::addColumn<Actor>("who");
        QTest::addColumn<QJsonObject>("variables");
        QTest::addColumn<int>("rejection");
        QTest::newRow("unknown task") << "Ghost" << clerk << QJsonObject() << int(Rejection::TaskNotActive);
        QTest::newRow("task not yet active") << "Second" << clerk << QJsonObject() << int(Rejection::TaskNotActive);
        QTest::newRow("not a user task") << "G" << clerk << QJsonObject() << int(Rejection::TaskNotActive);
        QTest::newRow("wrong role") << "First" << lead << QJsonObject() << int(Rejection::NotAllowed);
        QTest::newRow("condition on wrong types")
            << "First" << clerk << vars("{\"zone\": \"A\"}") << int(Rejection::ConditionFailed);
        QTest::newRow("no flow matches") << "First" << clerk << vars("{\"zone\": 1}") << int(Rejection::NoFlowMatched);
        QTest::newRow("loop without wait state")
            << "First" << clerk << vars("{\"zone\": 7}") << int(Rejection::Runaway);
    }
    void rejections()
    {
        QFETCH(QString, task);
        QFETCH(Actor, who);
        QFETCH(QJsonObject, variables);
        QFETCH(int, rejection);
        const ProcessModel model =
            load(S + flow("F1", "Start", "First") + userTask("First") + flow("F2", "First", "G") +
                 QStringLiteral("<bpmn:exclusiveGateway id=\"G\"/>\n<bpmn:task id=\"Again\"/>\n") +
                 flow("Fs", "G", "Second", "${zone > 5 && zone < 7}") + flow("Fl", "G", "Again", "${zone >= 7}") +
                 flow("Fa", "Again", "G") + userTask("Second") + flow("F3", "Second", "End") + E);
        QVERIFY(!model.isNull());
        const WorkflowState state = WorkflowEngine::start(model, {}, monday)->state;
        const TransitionResult result = WorkflowEngine::apply(model, state, {task, {}, variables}, who, monday);
        QVERIFY(!result.ok());
        QCOMPARE(int(result.rejection()), rejection);
        QVERIFY(!result.error().message.isEmpty());
        // A rejection leaves nothing behind: the same state still accepts a good action.
        QVERIFY(WorkflowEngine::apply(model, state, {QStringLiteral("First"), {}, {{QStringLiteral("zone"), 6}}}, clerk,
                                      monday)
                    .ok());
    }

    void stateJsonRoundTrip()
    {
        const ProcessModel model = load(
            S + flow("F1", "Start", "Fork") + QStringLiteral("<bpmn:parallelGateway id=\"Fork\"/>\n") +
            flow("Fa", "Fork", "Sub") + flow("Fb", "Fork", "B") +
            QStringLiteral("<bpmn:subProcess id=\"Sub\"><bpmn:startEvent id=\"S2\"/>") + flow("G1", "S2", "X") +
            userTask("X") + flow("G2", "X", "E2") + QStringLiteral("<bpmn:endEvent id=\"E2\"/></bpmn:subProcess>\n") +
            userTask("B", QStringLiteral("casedesk:outcomes=\"ok\"")) +
            timer("Remind", "B", false, QStringLiteral("<bpmn:timeCycle>R/P7D</bpmn:timeCycle>")) +
            flow("Fr", "Remind", "RE") + QStringLiteral("<bpmn:endEvent id=\"RE\"/>\n") +
            QStringLiteral("<bpmn:parallelGateway id=\"Join\"/>\n") + flow("Fs", "Sub", "Join") +
            flow("Fb2", "B", "Join") + flow("Fj", "Join", "End") + E);
        QVERIFY(!model.isNull());
        const WorkflowState started = WorkflowEngine::start(model, vars("{\"n\": 1}"), monday)->state;
        QCOMPARE(started.timers.size(), 1); // B's reminder
        const WorkflowState joined = complete(model, started, QStringLiteral("B"), clerk, QStringLiteral("ok"));
        QCOMPARE(joined.tokens.size(), 3); // sub-process scope, X inside, B's token waiting at the join
        for (const WorkflowState &state : {started, joined}) {
            const QJsonObject json = state.toJson(model);
            const Result<WorkflowState> back = WorkflowState::fromJson(model, json);
            QVERIFY2(back.ok(), qPrintable(back.error().toString()));
            QCOMPARE(back.value(), state);
            QCOMPARE(back->toJson(model), json);
        }
        const QJsonObject json = started.toJson(model);

        // Damaged or foreign JSON is refused, never half-read.
        const auto damaged = [&](const std::function<void(QJsonObject &)> &damage) {
            QJsonObject copy = json;
            damage(copy);
            return !WorkflowState::fromJson(model, copy).ok();
        };
        QVERIFY(damaged([](QJsonObject &j) { j.insert(QStringLiteral("process"), QStringLiteral("Other")); }));
        QVERIFY(damaged([](QJsonObject &j) { j.remove(QStringLiteral("nextId")); }));
        QVERIFY(damaged([](QJsonObject &j) {
            QJsonArray tokens = j.value(QStringLiteral("tokens")).toArray();
            QJsonObject t = tokens.at(0).toObject();
            t.insert(QStringLiteral("element"), QStringLiteral("Ghost"));
            tokens.replace(0, t);
            j.insert(QStringLiteral("tokens"), tokens);
        }));
        QVERIFY(damaged([](QJsonObject &j) {
            QJsonArray tokens = j.value(QStringLiteral("tokens")).toArray();
            QJsonObject t = tokens.at(0).toObject();
            t.insert(QStringLiteral("element"), QStringLiteral("Start")); // nothing waits at a start event
            tokens.replace(0, t);
            j.insert(QStringLiteral("tokens"), tokens);
        }));
        QVERIFY(damaged([](QJsonObject &j) { j.insert(QStringLiteral("ended"), true); }));
        QVERIFY(damaged([](QJsonObject &j) { j.insert(QStringLiteral("nextId"), 2); }));
        QVERIFY(damaged([](QJsonObject &j) {
            QJsonArray timers = j.value(QStringLiteral("timers")).toArray();
            QJsonObject t = timers.at(0).toObject();
            t.insert(QStringLiteral("token"), 9999);
            timers.replace(0, t);
            j.insert(QStringLiteral("timers"), timers);
        }));
    }

    void deterministic()
    {
        const ProcessModel model =
            load(S + flow("F1", "Start", "T") + userTask("T") +
                 timer("D", "T", true, QStringLiteral("<bpmn:timeDuration>P1D</bpmn:timeDuration>")) +
                 flow("F2", "T", "End") + flow("F3", "D", "End") + E);
        const TransitionResult a = WorkflowEngine::start(model, {}, monday);
        const TransitionResult b = WorkflowEngine::start(model, {}, monday);
        QCOMPARE(a->state.toJson(model), b->state.toJson(model));
        QCOMPARE(a->events, b->events);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowEngine)
#include "tst_workflowengine.moc"
