#include "WorkflowBenchmark.h"

#include "workflow/ProcessParser.h"
#include "workflow/WorkflowEngine.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator64>

namespace casedesk::bench {

namespace {

using workflow::Actor;
using workflow::ProcessModel;
using workflow::WorkflowEngine;
using workflow::WorkflowState;

constexpr int stateCount = 100000;
constexpr int parseRounds = 20;

struct CaseState {
    int model;
    WorkflowState state;
};

} // namespace

QJsonObject runWorkflowBenchmark(const QString &resourceDir, quint64 seed)
{
    const QStringList names{QStringLiteral("bewohnerparken"), QStringLiteral("umweltzone"),
                            QStringLiteral("baumfaellung"), QStringLiteral("buergerhaushalt")};
    QList<ProcessModel> models;
    QJsonObject parseMs;
    for (const QString &name : names) {
        QFile file(QDir(resourceDir).filePath(QStringLiteral("processes/%1.bpmn").arg(name)));
        if (!file.open(QIODevice::ReadOnly))
            return {{QStringLiteral("error"), QStringLiteral("cannot read ") + file.fileName()}};
        const QByteArray xml = file.readAll();
        QElapsedTimer timer;
        timer.start();
        workflow::ParsedModel parsed;
        for (int i = 0; i < parseRounds; ++i)
            parsed = workflow::ProcessParser::parse(xml);
        if (!parsed.ok())
            return {{QStringLiteral("error"), name + QStringLiteral(": ") + parsed.problems.first().toString()}};
        parseMs.insert(name, double(timer.nsecsElapsed()) / 1e6 / parseRounds);
        models.append(parsed.model);
    }

    // The inbox's people: clerks and team leads of the three teams, plus the consulted departments.
    const QStringList teams{QStringLiteral("32.1"), QStringLiteral("67.2"), QStringLiteral("20.3")};
    QList<Actor> actors;
    for (int i = 0; i < 12; ++i) {
        Actor actor{QStringLiteral("user%1").arg(i), {}, {teams.at(i % 3)}};
        actor.roles.insert(i % 4 == 0 ? Role::TeamLead : Role::Clerk);
        if (i % 5 == 0)
            actor.teams.append(QStringLiteral("36.3"));
        actors.append(actor);
    }

    // Case states from random walks; every step is an apply (or a timer), which also gives the throughput.
    QRandomGenerator64 random(seed);
    QList<CaseState> states;
    states.reserve(stateCount);
    const QDateTime start(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);
    qint64 applies = 0;
    qint64 applyNs = 0;
    QElapsedTimer timer;
    while (states.size() < stateCount) {
        const int m = int(random.bounded(quint64(models.size())));
        const ProcessModel &model = models.at(m);
        WorkflowState state = WorkflowEngine::start(model, {}, start)->state;
        QDateTime now = start;
        const int length = int(random.bounded(quint64(12)));
        for (int step = 0; step < length && !state.ended; ++step) {
            QList<std::pair<const Actor *, workflow::AvailableAction>> moves;
            for (const Actor &actor : std::as_const(actors)) {
                for (const workflow::AvailableAction &action : WorkflowEngine::availableActions(model, state, actor))
                    moves.append({&actor, action});
            }
            timer.start();
            workflow::TransitionResult result = workflow::Transition{};
            if (moves.isEmpty()) {
                const QList<workflow::DueTimer> due = WorkflowEngine::dueTimers(model, state, now.addYears(1));
                if (due.isEmpty())
                    break;
                now = std::max(now, due.first().due);
                result = WorkflowEngine::fire(model, state, due.first().timerId, now);
            } else {
                const auto &[actor, action] = moves.at(qsizetype(random.bounded(quint64(moves.size()))));
                const QString outcome =
                    action.outcomes.isEmpty()
                        ? QString()
                        : action.outcomes.at(qsizetype(random.bounded(quint64(action.outcomes.size()))));
                result = WorkflowEngine::apply(model, state, {action.taskId, outcome, {}}, *actor, now);
            }
            applyNs += timer.nsecsElapsed();
            ++applies;
            if (!result)
                return {{QStringLiteral("error"), result.error().toString()}};
            state = result->state;
        }
        states.append({m, state});
    }

    // What the inbox asks for each visible case: what can this user do here?
    qint64 offered = 0;
    timer.start();
    for (int i = 0; i < stateCount; ++i) {
        const CaseState &c = states.at(i);
        offered += WorkflowEngine::availableActions(models.at(c.model), c.state, actors.at(i % actors.size())).size();
    }
    const double availableMs = double(timer.nsecsElapsed()) / 1e6;

    return {{QStringLiteral("parse_ms"), parseMs},
            {QStringLiteral("available_actions_100k_ms"), availableMs},
            {QStringLiteral("available_actions_offered"), offered},
            {QStringLiteral("apply_per_s"), applyNs > 0 ? double(applies) * 1e9 / double(applyNs) : 0.0},
            {QStringLiteral("applies"), applies},
            {QStringLiteral("seed"), QString::number(seed)}};
}

} // namespace casedesk::bench
