// Reading BPMN into a ProcessModel: every supported element, performers, timers, service tasks, and bad
// models, each of which must be refused with the element's id and line.
#include <QTest>

#include "WorkflowTestSupport.h"

using namespace casedesk;
using namespace casedesk::workflow;
using casedesk::workflow::test::bpmn;
using casedesk::workflow::test::lineOf;
using casedesk::workflow::test::problemsText;

namespace {

const QString startToTask = QStringLiteral("<bpmn:startEvent id=\"Start\"/>\n"
                                           "<bpmn:sequenceFlow id=\"F1\" sourceRef=\"Start\" targetRef=\"T\"/>\n");
const QString taskToEnd = QStringLiteral("<bpmn:sequenceFlow id=\"F9\" sourceRef=\"T\" targetRef=\"End\"/>\n"
                                         "<bpmn:endEvent id=\"End\"/>\n");

// Start -> T -> End with `task` as the element with id T.
QByteArray withTask(const QString &task, const QString &processAttributes = {})
{
    return bpmn(startToTask + task + u'\n' + taskToEnd, processAttributes);
}

} // namespace

class TestProcessParser : public QObject {
    Q_OBJECT

private slots:
    void elementTypes_data()
    {
        QTest::addColumn<QString>("task");
        QTest::addColumn<int>("type");
        QTest::newRow("user task") << "<bpmn:userTask id=\"T\"/>" << int(ElementType::UserTask);
        QTest::newRow("manual task") << "<bpmn:manualTask id=\"T\"/>" << int(ElementType::ManualTask);
        QTest::newRow("task") << "<bpmn:task id=\"T\"/>" << int(ElementType::Task);
        QTest::newRow("service task")
            << "<bpmn:serviceTask id=\"T\" casedesk:kind=\"generateDocument\" casedesk:template=\"bescheid\"/>"
            << int(ElementType::ServiceTask);
        QTest::newRow("exclusive gateway") << "<bpmn:exclusiveGateway id=\"T\"/>" << int(ElementType::ExclusiveGateway);
        QTest::newRow("parallel gateway") << "<bpmn:parallelGateway id=\"T\"/>" << int(ElementType::ParallelGateway);
        QTest::newRow("inclusive gateway") << "<bpmn:inclusiveGateway id=\"T\"/>" << int(ElementType::InclusiveGateway);
        QTest::newRow("timer catch") << "<bpmn:intermediateCatchEvent id=\"T\"><bpmn:timerEventDefinition>"
                                        "<bpmn:timeDuration>P14D</bpmn:timeDuration></bpmn:timerEventDefinition>"
                                        "</bpmn:intermediateCatchEvent>"
                                     << int(ElementType::TimerCatchEvent);
        QTest::newRow("sub-process") << "<bpmn:subProcess id=\"T\"><bpmn:startEvent id=\"S2\"/>"
                                        "<bpmn:sequenceFlow id=\"F2\" sourceRef=\"S2\" targetRef=\"E2\"/>"
                                        "<bpmn:endEvent id=\"E2\"/></bpmn:subProcess>"
                                     << int(ElementType::SubProcess);
    }
    void elementTypes()
    {
        QFETCH(QString, task);
        QFETCH(int, type);
        const ParsedModel parsed = ProcessParser::parse(withTask(task));
        QVERIFY2(parsed.ok(), qPrintable(problemsText(parsed)));
        const ProcessModel &model = parsed.model;
        QCOMPARE(model.processId(), QStringLiteral("P"));
        QCOMPARE(int(model.element(model.indexOf(QStringLiteral("T"))).type), type);
        QCOMPARE(model.element(model.start()).id, QStringLiteral("Start"));
        QCOMPARE(model.element(model.indexOf(QStringLiteral("End"))).type, ElementType::EndEvent);
    }

    void terminateEnd()
    {
        const ParsedModel parsed = ProcessParser::parse(
            bpmn(startToTask +
                 QStringLiteral(
                     "<bpmn:userTask id=\"T\"/>\n<bpmn:sequenceFlow id=\"F9\" sourceRef=\"T\" targetRef=\"End\"/>\n"
                     "<bpmn:endEvent id=\"End\"><bpmn:terminateEventDefinition/></bpmn:endEvent>")));
        QVERIFY2(parsed.ok(), qPrintable(problemsText(parsed)));
        QCOMPARE(parsed.model.element(parsed.model.indexOf(QStringLiteral("End"))).type,
                 ElementType::TerminateEndEvent);
    }

    void performers_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QList<Role>>("roles");
        QTest::addColumn<QStringList>("teams");
        QTest::addColumn<QString>("assignee");
        const QString lanes = QStringLiteral(
            "<bpmn:laneSet id=\"LS\"><bpmn:lane id=\"L1\" name=\"%1\"><bpmn:flowNodeRef>T</bpmn:flowNodeRef>"
            "</bpmn:lane></bpmn:laneSet>\n");
        QTest::newRow("nothing: clerk") << "<bpmn:userTask id=\"T\"/>" << QList<Role>{Role::Clerk} << QStringList()
                                        << "";
        QTest::newRow("lane Teamleitung")
            << lanes.arg(QStringLiteral("Teamleitung")) + QStringLiteral("<bpmn:userTask id=\"T\"/>")
            << QList<Role>{Role::TeamLead} << QStringList() << "";
        QTest::newRow("lane Sachbearbeitung")
            << lanes.arg(QStringLiteral("Sachbearbeitung")) + QStringLiteral("<bpmn:userTask id=\"T\"/>")
            << QList<Role>{Role::Clerk} << QStringList() << "";
        QTest::newRow("candidate groups") << "<bpmn:userTask id=\"T\" camunda:candidateGroups=\"teamLead, 67.2\"/>"
                                          << QList<Role>{Role::TeamLead} << QStringList{QStringLiteral("67.2")} << "";
        QTest::newRow("casedesk role over lane")
            << lanes.arg(QStringLiteral("Teamleitung")) +
                   QStringLiteral("<bpmn:userTask id=\"T\" casedesk:role=\"mailroom\"/>")
            << QList<Role>{Role::Mailroom} << QStringList() << "";
        QTest::newRow("team only") << "<bpmn:userTask id=\"T\" casedesk:team=\"36.1\"/>" << QList<Role>()
                                   << QStringList{QStringLiteral("36.1")} << "";
        QTest::newRow("assignee") << "<bpmn:userTask id=\"T\" camunda:assignee=\"demo\"/>" << QList<Role>()
                                  << QStringList() << "demo";
    }
    void performers()
    {
        QFETCH(QString, body);
        QFETCH(QList<Role>, roles);
        QFETCH(QStringList, teams);
        QFETCH(QString, assignee);
        const ParsedModel parsed = ProcessParser::parse(withTask(body));
        QVERIFY2(parsed.ok(), qPrintable(problemsText(parsed)));
        const Performer &performer = parsed.model.element(parsed.model.indexOf(QStringLiteral("T"))).performer;
        QCOMPARE(performer.roles.toList(), roles);
        QCOMPARE(performer.teams, teams);
        QCOMPARE(performer.assignee, assignee);
    }

    void taskAttributes()
    {
        const ParsedModel parsed = ProcessParser::parse(bpmn(QStringLiteral(
            "<bpmn:startEvent id=\"Start\"/>\n"
            "<bpmn:sequenceFlow id=\"F1\" sourceRef=\"Start\" targetRef=\"Draft\"/>\n"
            "<bpmn:userTask id=\"Draft\" name=\"Bescheid entwerfen\"><bpmn:documentation>Entwurf nach Vorlage"
            "</bpmn:documentation></bpmn:userTask>\n"
            "<bpmn:sequenceFlow id=\"F2\" sourceRef=\"Draft\" targetRef=\"Sign\"/>\n"
            "<bpmn:userTask id=\"Sign\" casedesk:role=\"teamLead\" casedesk:fourEyesWith=\"Draft\" "
            "casedesk:outcomes=\"approved, returned\" casedesk:outcomeVariable=\"signing\"/>\n"
            "<bpmn:sequenceFlow id=\"F3\" sourceRef=\"Sign\" targetRef=\"End\"/>\n"
            "<bpmn:endEvent id=\"End\"/>\n"
            "<bpmn:textAnnotation id=\"Note\"><bpmn:text>Mitzeichnung</bpmn:text></bpmn:textAnnotation>\n"
            "<bpmn:association id=\"A1\" sourceRef=\"Sign\" targetRef=\"Note\"/>\n"
            "<bpmn:dataObjectReference id=\"DOR\" dataObjectRef=\"DO\"/><bpmn:dataObject id=\"DO\"/>\n"
            "<bpmn:group id=\"G\"/>")));
        QVERIFY2(parsed.ok(), qPrintable(problemsText(parsed)));
        const ProcessModel &model = parsed.model;
        const Element &draft = model.element(model.indexOf(QStringLiteral("Draft")));
        const Element &sign = model.element(model.indexOf(QStringLiteral("Sign")));
        QCOMPARE(draft.name, QStringLiteral("Bescheid entwerfen"));
        QCOMPARE(draft.documentation, QStringLiteral("Entwurf nach Vorlage"));
        QCOMPARE(draft.outcomes, QStringList());
        QCOMPARE(sign.fourEyesWith, model.indexOf(QStringLiteral("Draft")));
        QCOMPARE(sign.outcomes, (QStringList{QStringLiteral("approved"), QStringLiteral("returned")}));
        QCOMPARE(sign.outcomeVariable, QStringLiteral("signing"));
        QCOMPARE(model.indexOf(QStringLiteral("Note")), -1); // descriptive: not part of the model
    }

    void timers_data()
    {
        QTest::addColumn<QString>("definition");
        QTest::addColumn<QString>("calendarAttribute");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("statutory");
        QTest::addColumn<int>("repetitions");
        QTest::newRow("duration") << "<bpmn:timeDuration>P14D</bpmn:timeDuration>"
                                  << "" << 0 << false << 1;
        QTest::newRow("statutory on event") << "<bpmn:timeDuration>P1M</bpmn:timeDuration>"
                                            << "casedesk:calendar=\"statutory\"" << 0 << true << 1;
        QTest::newRow("date") << "<bpmn:timeDate>2026-03-02T09:00:00+01:00</bpmn:timeDate>"
                              << "" << 1 << false << 1;
        QTest::newRow("cycle") << "<bpmn:timeCycle>R3/P7D</bpmn:timeCycle>"
                               << "" << 2 << false << 3;
    }
    void timers()
    {
        QFETCH(QString, definition);
        QFETCH(QString, calendarAttribute);
        QFETCH(int, kind);
        QFETCH(bool, statutory);
        QFETCH(int, repetitions);
        const ParsedModel parsed = ProcessParser::parse(withTask(
            QStringLiteral("<bpmn:userTask id=\"T\"/>\n"
                           "<bpmn:boundaryEvent id=\"B\" attachedToRef=\"T\" cancelActivity=\"false\" %1>"
                           "<bpmn:timerEventDefinition>%2</bpmn:timerEventDefinition></bpmn:boundaryEvent>\n"
                           "<bpmn:sequenceFlow id=\"FB\" sourceRef=\"B\" targetRef=\"EB\"/><bpmn:endEvent id=\"EB\"/>")
                .arg(calendarAttribute, definition)));
        QVERIFY2(parsed.ok(), qPrintable(problemsText(parsed)));
        const Element &boundary = parsed.model.element(parsed.model.indexOf(QStringLiteral("B")));
        QCOMPARE(int(boundary.timer.kind), kind);
        QCOMPARE(boundary.timer.statutory, statutory);
        QCOMPARE(boundary.timer.repetitions, repetitions);
        QCOMPARE(boundary.cancelActivity, false);
        QCOMPARE(boundary.attachedTo, parsed.model.indexOf(QStringLiteral("T")));
        QCOMPARE(parsed.model.element(boundary.attachedTo).boundaries,
                 QList<int>{parsed.model.indexOf(QStringLiteral("B"))});
    }

    void calendarFromTaskAndProcess()
    {
        const QString body = QStringLiteral(
            "<bpmn:userTask id=\"T\" %1/>\n"
            "<bpmn:boundaryEvent id=\"B\" attachedToRef=\"T\"><bpmn:timerEventDefinition>"
            "<bpmn:timeDuration>P14D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>\n"
            "<bpmn:sequenceFlow id=\"FB\" sourceRef=\"B\" targetRef=\"EB\"/><bpmn:endEvent id=\"EB\"/>");
        for (const auto &[taskAttr, processAttr, statutory] :
             {std::tuple{"casedesk:calendar=\"statutory\"", "", true},
              std::tuple{"", "casedesk:calendar=\"statutory\"", true},
              std::tuple{"casedesk:calendar=\"plain\"", "casedesk:calendar=\"statutory\"", false},
              std::tuple{"", "", false}}) {
            const ParsedModel parsed =
                ProcessParser::parse(withTask(body.arg(QLatin1String(taskAttr)), QLatin1String(processAttr)));
            QVERIFY2(parsed.ok(), qPrintable(problemsText(parsed)));
            QCOMPARE(parsed.model.element(parsed.model.indexOf(QStringLiteral("B"))).timer.statutory, statutory);
        }
    }

    void conditionsAndDefault()
    {
        const ParsedModel parsed = ProcessParser::parse(bpmn(QStringLiteral(
            "<bpmn:startEvent id=\"Start\"/>\n"
            "<bpmn:sequenceFlow id=\"F1\" sourceRef=\"Start\" targetRef=\"G\"/>\n"
            "<bpmn:exclusiveGateway id=\"G\" default=\"Fd\"/>\n"
            "<bpmn:sequenceFlow id=\"Fa\" sourceRef=\"G\" targetRef=\"End\"><bpmn:conditionExpression "
            "xsi:type=\"bpmn:tFormalExpression\">${amount &gt; 1000 &amp;&amp; zone == "
            "\"A\"}</bpmn:conditionExpression>"
            "</bpmn:sequenceFlow>\n"
            "<bpmn:sequenceFlow id=\"Fb\" sourceRef=\"G\" targetRef=\"End\"><bpmn:conditionExpression "
            "language=\"feel\">= amount &lt; 10 and zone = \"B\"</bpmn:conditionExpression></bpmn:sequenceFlow>\n"
            "<bpmn:sequenceFlow id=\"Fd\" sourceRef=\"G\" targetRef=\"End\"/>\n"
            "<bpmn:endEvent id=\"End\"/>")));
        QVERIFY2(parsed.ok(), qPrintable(problemsText(parsed)));
        const ProcessModel &model = parsed.model;
        const Element &gateway = model.element(model.indexOf(QStringLiteral("G")));
        QCOMPARE(gateway.defaultFlow, model.flowIndexOf(QStringLiteral("Fd")));
        QCOMPARE(gateway.outgoing.size(), 3);
        QCOMPARE(model.flow(model.flowIndexOf(QStringLiteral("Fa"))).condition.variables(),
                 (QStringList{QStringLiteral("amount"), QStringLiteral("zone")}));
        QVERIFY(!model.flow(model.flowIndexOf(QStringLiteral("Fb"))).condition.isNull());
        QVERIFY(model.flow(model.flowIndexOf(QStringLiteral("Fd"))).condition.isNull());
    }

    void collaborationWithOneExecutableProcess()
    {
        const QByteArray xml = QByteArrayLiteral(
            "<?xml version=\"1.0\"?>\n"
            "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\">\n"
            "<collaboration id=\"C\"><participant id=\"P1\" name=\"Stadt\" processRef=\"Main\"/>"
            "<participant id=\"P2\" name=\"Antragsteller\" processRef=\"Other\"/>"
            "<messageFlow id=\"M\" sourceRef=\"P2\" targetRef=\"T\"/></collaboration>\n"
            "<process id=\"Other\" isExecutable=\"false\"><scriptTask id=\"X\"/></process>\n"
            "<process id=\"Main\" isExecutable=\"true\"><startEvent id=\"S\"/>"
            "<sequenceFlow id=\"F1\" sourceRef=\"S\" targetRef=\"T\"/><userTask id=\"T\"/>"
            "<sequenceFlow id=\"F2\" sourceRef=\"T\" targetRef=\"E\"/><endEvent id=\"E\"/></process>\n"
            "</definitions>\n");
        const ParsedModel parsed = ProcessParser::parse(xml);
        QVERIFY2(parsed.ok(), qPrintable(problemsText(parsed)));
        QCOMPARE(parsed.model.processId(), QStringLiteral("Main"));
        QCOMPARE(parsed.model.participants(), (QStringList{QStringLiteral("Stadt"), QStringLiteral("Antragsteller")}));
    }

    // Each bad model is refused with the id of the offending element and the line it is written on.
    void badModels_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("lineNeedle"); // text on the line the problem must name

        QTest::newRow("malformed xml") << withTask(QStringLiteral("<bpmn:userTask id=\"T\">\n<oops></bpmn:userTask>"))
                                       << ""
                                       << "</bpmn:userTask>";
        QTest::newRow("duplicate id") << withTask(QStringLiteral("<bpmn:userTask id=\"T\"/>\n<bpmn:task id=\"T\" "
                                                                 "name=\"second\"/>"))
                                      << "T"
                                      << "name=\"second\"";
        QTest::newRow("dangling flow") << bpmn(startToTask + QStringLiteral("<bpmn:userTask id=\"T\"/>\n"
                                                                            "<bpmn:sequenceFlow id=\"F9\" "
                                                                            "sourceRef=\"T\" targetRef=\"Nowhere\"/>"))
                                       << "F9"
                                       << "Nowhere";
        QTest::newRow("gateway without way out")
            << bpmn(startToTask + QStringLiteral("<bpmn:exclusiveGateway id=\"T\"/>\n<bpmn:endEvent id=\"End\"/>"))
            << "T"
            << "exclusiveGateway id=\"T\"";
        QTest::newRow("condition does not parse")
            << bpmn(startToTask + QStringLiteral("<bpmn:exclusiveGateway id=\"T\"/>\n"
                                                 "<bpmn:sequenceFlow id=\"F9\" sourceRef=\"T\" targetRef=\"End\">\n"
                                                 "<bpmn:conditionExpression>${amount &gt; }</bpmn:conditionExpression>"
                                                 "</bpmn:sequenceFlow>\n<bpmn:endEvent id=\"End\"/>"))
            << "F9"
            << "conditionExpression";
        QTest::newRow("condition in javascript")
            << bpmn(startToTask +
                    QStringLiteral("<bpmn:exclusiveGateway id=\"T\"/>\n"
                                   "<bpmn:sequenceFlow id=\"F9\" sourceRef=\"T\" targetRef=\"End\">\n"
                                   "<bpmn:conditionExpression language=\"javascript\">x</bpmn:"
                                   "conditionExpression></bpmn:sequenceFlow>\n<bpmn:endEvent id=\"End\"/>"))
            << "F9"
            << "javascript";
        QTest::newRow("unknown role") << withTask(QStringLiteral("<bpmn:userTask id=\"T\" casedesk:role=\"chef\"/>"))
                                      << "T"
                                      << "chef";
        QTest::newRow("unknown candidate group")
            << withTask(QStringLiteral("<bpmn:userTask id=\"T\" camunda:candidateGroups=\"accounting\"/>")) << "T"
            << "accounting";
        QTest::newRow("unknown lane") << withTask(QStringLiteral(
                                             "<bpmn:laneSet id=\"LS\">\n<bpmn:lane id=\"L\" name=\"Approver\">"
                                             "<bpmn:flowNodeRef>T</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>\n"
                                             "<bpmn:userTask id=\"T\"/>"))
                                      << "T"
                                      << "Approver";
        QTest::newRow("expression assignee")
            << withTask(QStringLiteral("<bpmn:userTask id=\"T\" camunda:assignee=\"${approver}\"/>")) << "T"
            << "approver";
        QTest::newRow("auditor performs")
            << withTask(QStringLiteral("<bpmn:userTask id=\"T\" casedesk:role=\"auditor\"/>")) << "T"
            << "auditor";
        QTest::newRow("script task") << withTask(QStringLiteral("<bpmn:scriptTask id=\"T\" scriptFormat=\"js\"/>"))
                                     << "T"
                                     << "scriptTask";
        QTest::newRow("call activity") << withTask(QStringLiteral("<bpmn:callActivity id=\"T\"/>")) << "T"
                                       << "callActivity";
        QTest::newRow("multi-instance task")
            << withTask(QStringLiteral("<bpmn:userTask id=\"T\">\n<bpmn:multiInstanceLoopCharacteristics/>"
                                       "</bpmn:userTask>"))
            << "T"
            << "multiInstanceLoopCharacteristics";
        QTest::newRow("message catch") << withTask(QStringLiteral("<bpmn:intermediateCatchEvent id=\"T\">\n"
                                                                  "<bpmn:messageEventDefinition/>"
                                                                  "</bpmn:intermediateCatchEvent>"))
                                       << "T"
                                       << "messageEventDefinition";
        QTest::newRow("unreachable") << withTask(QStringLiteral("<bpmn:userTask id=\"T\"/>\n"
                                                                "<bpmn:userTask id=\"Lonely\"/>\n"
                                                                "<bpmn:sequenceFlow id=\"FL\" sourceRef=\"Lonely\" "
                                                                "targetRef=\"End\"/>"))
                                     << "Lonely"
                                     << "id=\"Lonely\"";
        QTest::newRow("no end reachable")
            << bpmn(startToTask + QStringLiteral("<bpmn:userTask id=\"T\"/>\n"
                                                 "<bpmn:sequenceFlow id=\"F2\" sourceRef=\"T\" targetRef=\"U\"/>\n"
                                                 "<bpmn:userTask id=\"U\"/>\n"
                                                 "<bpmn:sequenceFlow id=\"F3\" sourceRef=\"U\" targetRef=\"T\"/>\n"
                                                 "<bpmn:endEvent id=\"End\"/>"))
            << "End"
            << "endEvent id=\"End\"";
        QTest::newRow("timer expression")
            << withTask(QStringLiteral("<bpmn:intermediateCatchEvent id=\"T\"><bpmn:timerEventDefinition>\n"
                                       "<bpmn:timeDuration>${wait}</bpmn:timeDuration></bpmn:timerEventDefinition>"
                                       "</bpmn:intermediateCatchEvent>"))
            << "T"
            << "${wait}";
        QTest::newRow("statutory hours")
            << withTask(QStringLiteral("<bpmn:intermediateCatchEvent id=\"T\" casedesk:calendar=\"statutory\">"
                                       "<bpmn:timerEventDefinition>\n<bpmn:timeDuration>PT2H</bpmn:timeDuration>"
                                       "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"))
            << "T"
            << "PT2H";
        QTest::newRow("four-eyes with unknown task")
            << withTask(QStringLiteral("<bpmn:userTask id=\"T\" casedesk:fourEyesWith=\"Ghost\"/>")) << "T"
            << "Ghost";
        QTest::newRow("service task runs code")
            << withTask(QStringLiteral("<bpmn:serviceTask id=\"T\" camunda:class=\"org.example.Delegate\"/>")) << "T"
            << "camunda:class";
        QTest::newRow("service task misses attribute")
            << withTask(
                   QStringLiteral("<bpmn:serviceTask id=\"T\" casedesk:kind=\"notify\" casedesk:recipient=\"x\"/>"))
            << "T"
            << "casedesk:kind";
        QTest::newRow("default with condition")
            << bpmn(startToTask + QStringLiteral("<bpmn:exclusiveGateway id=\"T\" default=\"F9\"/>\n"
                                                 "<bpmn:sequenceFlow id=\"F9\" sourceRef=\"T\" targetRef=\"End\">"
                                                 "<bpmn:conditionExpression>${a}</bpmn:conditionExpression>"
                                                 "</bpmn:sequenceFlow>\n<bpmn:endEvent id=\"End\"/>"))
            << "F9"
            << "id=\"F9\"";
        QTest::newRow("boundary on service task")
            << withTask(QStringLiteral("<bpmn:serviceTask id=\"T\" casedesk:kind=\"generateDocument\" "
                                       "casedesk:template=\"x\"/>\n"
                                       "<bpmn:boundaryEvent id=\"B\" attachedToRef=\"T\"><bpmn:timerEventDefinition>"
                                       "<bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>"
                                       "</bpmn:boundaryEvent>\n"
                                       "<bpmn:sequenceFlow id=\"FB\" sourceRef=\"B\" targetRef=\"End\"/>"))
            << "B"
            << "boundaryEvent id=\"B\"";
        QTest::newRow("no start event") << bpmn(QStringLiteral("<bpmn:userTask id=\"T\"/>\n"
                                                               "<bpmn:sequenceFlow id=\"F9\" sourceRef=\"T\" "
                                                               "targetRef=\"End\"/>\n<bpmn:endEvent id=\"End\"/>"))
                                        << "P"
                                        << "<bpmn:process id=\"P\"";
        QTest::newRow("flow into sub-process")
            << withTask(QStringLiteral("<bpmn:subProcess id=\"T\"><bpmn:startEvent id=\"S2\"/>"
                                       "<bpmn:sequenceFlow id=\"F2\" sourceRef=\"S2\" targetRef=\"E2\"/>"
                                       "<bpmn:endEvent id=\"E2\"/></bpmn:subProcess>\n"
                                       "<bpmn:sequenceFlow id=\"FX\" sourceRef=\"Start\" targetRef=\"E2\"/>"))
            << "FX"
            << "id=\"FX\"";
        QTest::newRow("parallel with condition")
            << bpmn(startToTask + QStringLiteral("<bpmn:parallelGateway id=\"T\"/>\n"
                                                 "<bpmn:sequenceFlow id=\"F9\" sourceRef=\"T\" targetRef=\"End\">"
                                                 "<bpmn:conditionExpression>${a}</bpmn:conditionExpression>"
                                                 "</bpmn:sequenceFlow>\n<bpmn:endEvent id=\"End\"/>"))
            << "F9"
            << "id=\"F9\"";
        QTest::newRow("not bpmn") << QByteArray("<?xml version=\"1.0\"?>\n<html><body/></html>\n") << ""
                                  << "<html>";
        QTest::newRow("unknown root child")
            << QByteArray("<?xml version=\"1.0\"?>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                          " id=\"D\">\n<unrecognized id=\"U\" a=\"b\"/>\n</definitions>\n")
            << "U"
            << "unrecognized";
        QTest::newRow("two executable processes")
            << QByteArray(
                   "<?xml version=\"1.0\"?>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                   " id=\"D\">\n<process id=\"A\" isExecutable=\"true\"/><process id=\"B\" isExecutable=\"true\"/>"
                   "\n</definitions>\n")
            << ""
            << "<definitions";
    }
    void badModels()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, id);
        QFETCH(QString, lineNeedle);
        const ParsedModel parsed = ProcessParser::parse(xml);
        QVERIFY2(!parsed.ok(), "a bad model was accepted");
        QVERIFY(parsed.model.isNull());
        const int line = lineNeedle.isEmpty() ? 0 : lineOf(xml, lineNeedle);
        const bool named = std::any_of(parsed.problems.cbegin(), parsed.problems.cend(), [&](const ModelProblem &p) {
            return p.elementId == id && p.line == line && !p.message.isEmpty();
        });
        QVERIFY2(named, qPrintable(QStringLiteral("expected a problem at line %1 naming '%2', got:\n%3")
                                       .arg(line)
                                       .arg(id, problemsText(parsed))));
    }

    void sizeLimit()
    {
        QByteArray xml = withTask(QStringLiteral("<bpmn:userTask id=\"T\"/>"));
        xml.append(QByteArray(ProcessParser::MaxSize, ' '));
        const ParsedModel parsed = ProcessParser::parse(xml);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.problems.size(), 1);
    }

    void hostileNesting()
    {
        QByteArray xml = "<?xml version=\"1.0\"?>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">";
        for (int i = 0; i < 100000; ++i)
            xml += "<x>";
        const ParsedModel parsed = ProcessParser::parse(xml);
        QVERIFY(!parsed.ok());
        QVERIFY(!parsed.problems.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProcessParser)
#include "tst_processparser.moc"
