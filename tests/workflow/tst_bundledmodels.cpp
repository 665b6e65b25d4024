// The four bundled process models: they load, every path is walked (every user task, timer and service task
// is reached, and both a normal and a terminating end), random walks never reach an invalid state, and a
// walker that prefers ways out of loops reaches the end in bounded steps.
#include "mock/TestSupport.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include "WorkflowWalker.h"

using namespace casedesk;
using namespace casedesk::workflow;
using namespace casedesk::workflow::test;

namespace {

ProcessModel loadBundled(const QString &name)
{
    QFile file(casedesk::test::resourcePath(QStringLiteral("processes/%1.bpmn").arg(name)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const ParsedModel parsed = ProcessParser::parse(file.readAll());
    if (!parsed.ok())
        qWarning("%s", qPrintable(problemsText(parsed)));
    return parsed.model;
}

// A state without its times: two states with the same key offer the same futures.
QString stateKey(const ProcessModel &model, const WorkflowState &state)
{
    QJsonObject json = state.toJson(model);
    QJsonArray tokens;
    for (const QJsonValue &token : json.value(QStringLiteral("tokens")).toArray()) {
        QJsonObject t = token.toObject();
        t.remove(QStringLiteral("since"));
        t.remove(QStringLiteral("due"));
        t.remove(QStringLiteral("id"));
        t.remove(QStringLiteral("scope"));
        tokens.append(t);
    }
    QJsonArray timers;
    for (const QJsonValue &timer : json.value(QStringLiteral("timers")).toArray())
        timers.append(timer.toObject().value(QStringLiteral("event")).toString() + u'/' +
                      QString::number(timer.toObject().value(QStringLiteral("remaining")).toInt()));
    json.insert(QStringLiteral("tokens"), tokens);
    json.insert(QStringLiteral("timers"), timers);
    json.remove(QStringLiteral("nextId"));
    // Who completed what matters only for the four-eyes rule.
    QJsonObject checked;
    for (const Element &task : model.elements()) {
        if (task.fourEyesWith >= 0)
            checked.insert(model.element(task.fourEyesWith).id, state.completedBy.value(task.fourEyesWith));
    }
    json.insert(QStringLiteral("completedBy"), checked);
    json.remove(QStringLiteral("variables"));
    json.insert(QStringLiteral("vars"), state.variables.value(QStringLiteral("completeness")).toString() +
                                            state.variables.value(QStringLiteral("coSigning")).toString());
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

const QDateTime received = at(QStringLiteral("2026-03-02T08:00:00Z"));

} // namespace

class TestBundledModels : public QObject {
    Q_OBJECT

private slots:
    void models_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"bewohnerparken", "umweltzone", "baumfaellung", "buergerhaushalt"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void walkEveryPath_data() { models_data(); }
    void walkEveryPath()
    {
        QFETCH(QString, name);
        const ProcessModel model = loadBundled(name);
        QVERIFY(!model.isNull());
        const TransitionResult started = WorkflowEngine::start(model, {}, received);
        QVERIFY2(started.ok(), qPrintable(started.error().toString()));

        QSet<QString> activated, fired, serviced, seen;
        bool endedNormally = false, terminated = false;
        struct Item {
            WorkflowState state;
            QDateTime now;
        };
        QList<Item> work{{started->state, received}};
        const auto record = [&](const QList<WorkflowEvent> &events) {
            for (const WorkflowEvent &event : events) {
                if (event.type == WorkflowEvent::Type::TaskActivated)
                    activated.insert(event.elementId);
                else if (event.type == WorkflowEvent::Type::TimerFired)
                    fired.insert(event.elementId);
                else if (event.type != WorkflowEvent::Type::TaskCompleted &&
                         event.type != WorkflowEvent::Type::TaskCancelled &&
                         event.type != WorkflowEvent::Type::ProcessEnded)
                    serviced.insert(event.elementId);
            }
        };
        record(started->events);
        while (!work.isEmpty() && seen.size() < 20000) {
            const Item item = work.takeLast();
            const QString key = stateKey(model, item.state);
            if (seen.contains(key))
                continue;
            seen.insert(key);
            const QString violation = invariantViolation(model, item.state, item.now);
            QVERIFY2(violation.isEmpty(), qPrintable(violation));
            for (const Move &move : possibleMoves(model, item.state, item.now)) {
                const TransitionResult result = makeMove(model, item.state, move);
                QVERIFY2(result.ok(), qPrintable(move.key() + QStringLiteral(": ") + result.error().toString()));
                record(result->events);
                endedNormally |= result->state.ended && !result->state.terminated;
                terminated |= result->state.terminated;
                work.append({result->state, move.at});
            }
            // The co-signer can never be whoever drafted the decision.
            for (const Token &token : item.state.tokens) {
                const Element &task = model.element(token.element);
                if (task.fourEyesWith < 0 || !item.state.completedBy.contains(task.fourEyesWith))
                    continue;
                const QString drafter = item.state.completedBy.value(task.fourEyesWith);
                for (const Actor &who : actorPool()) {
                    if (who.userId != drafter || !WorkflowEngine::mayPerform(task, who))
                        continue;
                    const TransitionResult same =
                        WorkflowEngine::apply(model, item.state, {task.id, task.outcomes.value(0), {}}, who, item.now);
                    QCOMPARE(same.rejection(), Rejection::FourEyesViolation);
                }
            }
        }
        QVERIFY2(seen.size() < 20000, "the state space of a bundled model should be small");
        for (const Element &element : model.elements()) {
            if (element.type == ElementType::UserTask)
                QVERIFY2(activated.contains(element.id), qPrintable(element.id));
            if (element.type == ElementType::BoundaryTimerEvent || element.type == ElementType::TimerCatchEvent)
                QVERIFY2(fired.contains(element.id), qPrintable(element.id));
            if (element.type == ElementType::ServiceTask)
                QVERIFY2(serviced.contains(element.id), qPrintable(element.id));
        }
        QVERIFY(endedNormally);
        QVERIFY(terminated); // the applicant withdrew
    }

    void randomWalks_data() { models_data(); }
    void randomWalks()
    {
        QFETCH(QString, name);
        const ProcessModel model = loadBundled(name);
        QVERIFY(!model.isNull());
        QRandomGenerator random(casedesk::test::testSeed());
        for (int walk = 0; walk < 200; ++walk) {
            WorkflowState state = WorkflowEngine::start(model, {}, received)->state;
            QDateTime now = received;
            for (int step = 0; step < 60 && !state.ended; ++step) {
                const QList<Move> moves = possibleMoves(model, state, now);
                QVERIFY(!moves.isEmpty());
                const Move move = moves.at(random.bounded(int(moves.size())));
                const TransitionResult result = makeMove(model, state, move);
                QVERIFY2(result.ok(), qPrintable(move.key() + QStringLiteral(": ") + result.error().toString()));
                state = result->state;
                now = move.at;
                const QString violation = invariantViolation(model, state, now);
                QVERIFY2(violation.isEmpty(), qPrintable(violation));
            }
        }
    }

    // After a few random steps the walker takes the choice it made least often for that task (the way out
    // of request-for-documents and co-signing loops), so it must reach an end within a fixed number of steps.
    void loopAverseWalkerEnds_data() { models_data(); }
    void loopAverseWalkerEnds()
    {
        QFETCH(QString, name);
        const ProcessModel model = loadBundled(name);
        QVERIFY(!model.isNull());
        QRandomGenerator random(casedesk::test::testSeed());
        constexpr int maxSteps = 100;
        for (int walk = 0; walk < 200; ++walk) {
            WorkflowState state = WorkflowEngine::start(model, {}, received)->state;
            QDateTime now = received;
            QHash<QString, int> chosen;
            int steps = 0;
            for (; steps < maxSteps && !state.ended; ++steps) {
                QList<Move> moves = possibleMoves(model, state, now);
                QVERIFY(!moves.isEmpty());
                Move move = moves.at(random.bounded(int(moves.size())));
                if (steps >= 10) {
                    move = *std::min_element(moves.cbegin(), moves.cend(), [&](const Move &a, const Move &b) {
                        return chosen.value(a.key()) < chosen.value(b.key());
                    });
                }
                chosen[move.key()] += 1;
                const TransitionResult result = makeMove(model, state, move);
                QVERIFY2(result.ok(), qPrintable(result.error().toString()));
                state = result->state;
                now = move.at;
            }
            QVERIFY2(state.ended,
                     qPrintable(QStringLiteral("walk %1 did not end in %2 steps").arg(walk).arg(maxSteps)));
        }
    }
};

QTEST_GUILESS_MAIN(TestBundledModels)
#include "tst_bundledmodels.moc"
