// Walks process models for the tests: the moves possible in a state (every action of a pool of actors, and
// the earliest due timer), applying one, and the invariants every reachable state must satisfy.
#pragma once

#include <QJsonDocument>

#include "WorkflowTestSupport.h"

namespace casedesk::workflow::test {

// Two clerks and a team lead who work in every team the bundled models name, so any task has a performer and
// the four-eyes rule always leaves someone.
inline QList<Actor> actorPool()
{
    const QStringList teams{QStringLiteral("32.1"), QStringLiteral("67.2"), QStringLiteral("20.3"),
                            QStringLiteral("36.3"), QStringLiteral("61.1")};
    return {actor(QStringLiteral("clerk.a"), {Role::Clerk}, teams),
            actor(QStringLiteral("clerk.b"), {Role::Clerk}, teams),
            actor(QStringLiteral("lead.c"), {Role::TeamLead}, teams)};
}

struct Move {
    int actorIndex = -1; // -1: fire a timer
    QString taskId;
    QString outcome;
    int timerId = 0;
    QDateTime at;

    QString key() const
    {
        return actorIndex < 0 ? QStringLiteral("timer:") + QString::number(timerId) : taskId + u'/' + outcome;
    }
};

inline QList<Move> possibleMoves(const ProcessModel &model, const WorkflowState &state, const QDateTime &now)
{
    QList<Move> moves;
    const QList<Actor> pool = actorPool();
    for (int i = 0; i < pool.size(); ++i) {
        for (const AvailableAction &action : WorkflowEngine::availableActions(model, state, pool.at(i))) {
            const QStringList outcomes = action.outcomes.isEmpty() ? QStringList{QString()} : action.outcomes;
            for (const QString &outcome : outcomes)
                moves.append(Move{i, action.taskId, outcome, 0, now});
        }
    }
    // The earliest timer, as the server would fire it when its time comes.
    const QList<DueTimer> due =
        WorkflowEngine::dueTimers(model, state, QDateTime(QDate(9999, 1, 1), QTime(0, 0), Qt::UTC));
    if (!due.isEmpty())
        moves.append(Move{-1, {}, {}, due.first().timerId, std::max(now, due.first().due)});
    return moves;
}

inline TransitionResult makeMove(const ProcessModel &model, const WorkflowState &state, const Move &move)
{
    if (move.actorIndex < 0)
        return WorkflowEngine::fire(model, state, move.timerId, move.at);
    return WorkflowEngine::apply(model, state, {move.taskId, move.outcome, {}}, actorPool().at(move.actorIndex),
                                 move.at);
}

// Empty when the state is sound; else what is wrong.
inline QString invariantViolation(const ProcessModel &model, const WorkflowState &state, const QDateTime &now)
{
    const Result<WorkflowState> back = WorkflowState::fromJson(model, state.toJson(model));
    if (!back)
        return QStringLiteral("state does not survive its JSON form: ") + back.error().toString();
    if (!(back.value() == state))
        return QStringLiteral("state changes in its JSON round trip");
    if (state.ended != state.tokens.isEmpty())
        return QStringLiteral("ended does not match the tokens");
    if (state.ended && !state.timers.isEmpty())
        return QStringLiteral("timers run after the end");
    if (!state.ended && possibleMoves(model, state, now).isEmpty())
        return QStringLiteral("deadlock: tokens wait but nobody can act and no timer runs: ") +
               QString::fromUtf8(QJsonDocument(state.toJson(model)).toJson(QJsonDocument::Compact));
    return {};
}

} // namespace casedesk::workflow::test
