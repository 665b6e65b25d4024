// Third-party BPMN models (../shared/corpus/bpmn, see its README.txt): each either loads, and then runs to an
// end on random walks, or is refused with a precise list that names what is not supported. None crashes.
#include "mock/TestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include "WorkflowTestSupport.h"

using namespace casedesk;
using namespace casedesk::workflow;
using namespace casedesk::workflow::test;

namespace {

// The recorded verdict per file: "run" for models inside the subset, else a text one of the problems must
// contain (as element id or in its message), which shows the refusal names the right thing.
struct Expectation {
    const char *file;
    const char *verdict;
};
constexpr Expectation expectations[] = {
    {"camunda-examples/TwitterDemoProcess.bpmn", "service_task_publish_on_twitter"},
    {"camunda-examples/camunda-testing-job-announcement-publication.bpmn", "publish_announcement_facebook"},
    {"camunda-examples/camunda-testing-job-announcement.bpmn", "callActivity"},
    {"camunda-examples/invoiceApproval.bpmn", "run"},
    {"camunda-examples/invoicePayment.bpmn", "errorEventDefinition"},
    {"camunda-examples/invokeRestService.bpmn", "ServiceTask_1"},
    {"camunda-examples/loanApproval.bpmn", "run"},
    {"camunda-examples/parse-bpmn_process.bpmn", "scriptTask"},
    {"camunda-examples/react-example.bpmn", "run"},
    {"camunda-examples/task-form-embedded-json-variables_process.bpmn", "SequenceFlow_4"},
    {"malformed-bpmn-moddle/duplicate-ids.bpmn", "test"},
    {"malformed-bpmn-moddle/invalid-attributes.bpmn", "well-formed"},
    {"malformed-bpmn-moddle/unrecognized-child.bpmn", "unrecognized"},
    {"miwg-reference/A.1.0.bpmn", "run"},
    {"miwg-reference/A.2.0.bpmn", "run"},
    {"miwg-reference/A.2.1.bpmn", "XPath"},
    {"miwg-reference/A.3.0.bpmn", "escalationEventDefinition"},
    {"miwg-reference/A.4.0.bpmn", "isExecutable"},
    {"miwg-reference/A.4.1.bpmn", "isExecutable"},
    {"miwg-reference/B.1.0.bpmn", "globalTask"},
    {"miwg-reference/B.2.0.bpmn", "globalUserTask"},
    {"miwg-reference/C.1.0.bpmn", "Approver"},
    {"miwg-reference/C.1.1.bpmn", "potentialOwner"},
    {"miwg-reference/C.2.0.bpmn", "isExecutable"},
    {"miwg-reference/C.3.0.bpmn", "messageEventDefinition"},
    {"miwg-reference/C.4.0.bpmn", "isExecutable"},
    {"miwg-reference/C.5.0.bpmn", "isExecutable"},
    {"miwg-reference/C.6.0.bpmn", "messageEventDefinition"},
    {"miwg-reference/C.7.0.bpmn", "Hiring manager"},
    {"miwg-reference/C.8.0.bpmn", "sendTask"},
    {"miwg-reference/C.8.1.bpmn", "businessRuleTask"},
    {"miwg-reference/C.9.0.bpmn", "businessRuleTask"},
    {"miwg-reference/C.9.1.bpmn", "sendTask"},
    {"miwg-reference/C.9.2.bpmn", "Event sub-processes"},
};

// An actor that performs `task`: its roles, teams and assignee.
Actor performerOf(const Element &task)
{
    Actor who{task.performer.assignee.isEmpty() ? QStringLiteral("walker") : task.performer.assignee,
              task.performer.roles, task.performer.teams};
    if (who.roles.isEmpty())
        who.roles.insert(Role::Clerk);
    return who;
}

} // namespace

class TestBpmnCorpus : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (casedesk::test::corpusPath(QStringLiteral("bpmn")).isEmpty())
            QSKIP("the BPMN corpus (../shared/corpus/bpmn) is not present");
    }

    // Every .bpmn file in the corpus has a recorded verdict, so a new file cannot slip through unexamined.
    void everyFileHasAVerdict()
    {
        const QString root = casedesk::test::corpusPath(QStringLiteral("bpmn"));
        QDirIterator it(root, {QStringLiteral("*.bpmn")}, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString relative = QDir(root).relativeFilePath(it.next());
            const bool known = std::any_of(std::begin(expectations), std::end(expectations),
                                           [&](const Expectation &e) { return relative == QLatin1String(e.file); });
            QVERIFY2(known, qPrintable(relative));
            ++files;
        }
        QCOMPARE(files, int(std::size(expectations)));
    }

    void corpus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("verdict");
        for (const Expectation &e : expectations)
            QTest::newRow(e.file) << QString::fromLatin1(e.file) << QString::fromLatin1(e.verdict);
    }
    void corpus()
    {
        QFETCH(QString, file);
        QFETCH(QString, verdict);
        QFile input(casedesk::test::corpusPath(QStringLiteral("bpmn/") + file));
        QVERIFY(input.open(QIODevice::ReadOnly));
        const QByteArray xml = input.readAll();
        const ParsedModel parsed = ProcessParser::parse(xml);
        if (verdict != QLatin1String("run")) {
            QVERIFY2(!parsed.ok(), "expected to be refused");
            QVERIFY(parsed.model.isNull());
            const int lines = static_cast<int>(xml.count('\n')) + 1;
            for (const ModelProblem &problem : parsed.problems) {
                QVERIFY(!problem.message.isEmpty());
                QVERIFY2(problem.line >= 0 && problem.line <= lines, qPrintable(problem.toString()));
            }
            const bool named =
                std::any_of(parsed.problems.cbegin(), parsed.problems.cend(), [&](const ModelProblem &p) {
                    return p.elementId == verdict || p.message.contains(verdict);
                });
            QVERIFY2(named, qPrintable(problemsText(parsed)));
            return;
        }
        QVERIFY2(parsed.ok(), qPrintable(problemsText(parsed)));
        QRandomGenerator random(casedesk::test::testSeed());
        const QDateTime start = at(QStringLiteral("2026-03-02T08:00:00Z"));
        for (int walk = 0; walk < 50; ++walk) {
            const TransitionResult started = WorkflowEngine::start(parsed.model, {}, start);
            QVERIFY2(started.ok(), qPrintable(started.error().toString()));
            WorkflowState state = started->state;
            QDateTime now = start;
            for (int step = 0; step < 200 && !state.ended; ++step) {
                QList<Token> tasks;
                for (const Token &token : state.tokens) {
                    if (parsed.model.element(token.element).type == ElementType::UserTask)
                        tasks.append(token);
                }
                TransitionResult result = Transition{};
                if (!tasks.isEmpty()) {
                    const Element &task = parsed.model.element(tasks.at(random.bounded(int(tasks.size()))).element);
                    const QString outcome = task.outcomes.isEmpty()
                                                ? QString()
                                                : task.outcomes.at(random.bounded(int(task.outcomes.size())));
                    result = WorkflowEngine::apply(parsed.model, state, {task.id, outcome, {}}, performerOf(task), now);
                } else {
                    const QList<DueTimer> due =
                        WorkflowEngine::dueTimers(parsed.model, state, QDateTime(QDate(9999, 1, 1), QTime(), Qt::UTC));
                    QVERIFY2(!due.isEmpty(), "tokens wait but neither a task nor a timer can move them");
                    now = std::max(now, due.first().due);
                    result = WorkflowEngine::fire(parsed.model, state, due.first().timerId, now);
                }
                QVERIFY2(result.ok(), qPrintable(result.error().toString()));
                state = result->state;
            }
            QVERIFY2(state.ended, "a random walk did not reach an end in 200 steps");
        }
    }
};

QTEST_GUILESS_MAIN(TestBpmnCorpus)
#include "tst_bpmncorpus.moc"
