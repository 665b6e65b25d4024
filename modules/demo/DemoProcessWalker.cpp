#include "demo/DemoProcessWalker.h"

#include <QSet>

#include <algorithm>

namespace casedesk::demo {

namespace {

using workflow::AvailableAction;
using workflow::ElementType;
using workflow::ProcessModel;
using workflow::WorkflowEngine;
using workflow::WorkflowState;

constexpr qint64 msPerHour = 3'600'000;
constexpr int maxSteps = 64; // a walk that has not ended by then waits where it is (loops are rare)

QDateTime at(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// How far a waiting task is, for Vermerke that fit the case (task ids shared by the bundled models).
int stageOf(const QString &taskId)
{
    static const QHash<QString, int> stages = {
        {QStringLiteral("Task_Intake"), 0},        {QStringLiteral("Task_AwaitDocuments"), 2},
        {QStringLiteral("Task_DraftDecision"), 3}, {QStringLiteral("Task_CoSign"), 3},
        {QStringLiteral("Task_Approve"), 3},       {QStringLiteral("Task_Dispatch"), 4},
        {QStringLiteral("Task_Close"), 4},
    };
    return stages.value(taskId, 1);
}

// Main path most of the time; the first time a task is done, sometimes another outcome, each further one
// half as likely as the one before (a request for documents is common, a withdrawal rare); loops always leave.
QString pickOutcome(const AvailableAction &action, bool doneBefore, DemoRandom &rng)
{
    if (action.outcomes.isEmpty())
        return {};
    if (doneBefore || action.outcomes.size() == 1 || rng.percent(85))
        return action.outcomes.first();
    qsizetype choice = 1;
    while (choice + 1 < action.outcomes.size() && rng.percent(33))
        ++choice;
    return action.outcomes.at(choice);
}

struct Offer {
    AvailableAction action;
    QList<int> performers; // indexes into the performers that may complete it
};

QList<Offer> collectOffers(const ProcessModel &model, const WorkflowState &state,
                           const QList<workflow::Actor> &performers)
{
    QList<Offer> offers;
    for (qsizetype p = 0; p < performers.size(); ++p) {
        for (const AvailableAction &action : WorkflowEngine::availableActions(model, state, performers.at(p))) {
            auto it = std::find_if(offers.begin(), offers.end(),
                                   [&](const Offer &offer) { return offer.action.taskId == action.taskId; });
            if (it == offers.end())
                offers.append({action, {int(p)}});
            else
                it->performers.append(int(p));
        }
    }
    return offers;
}

// Fires every timer due by `untilMs`, earliest first. Returns false when the engine refuses one.
bool fireTimers(const ProcessModel &model, WorkflowState &state, qint64 untilMs, qint64 &lastChangeMs, QString &error)
{
    for (int guard = 0; guard < maxSteps; ++guard) {
        const QList<workflow::DueTimer> due = WorkflowEngine::dueTimers(model, state, at(untilMs));
        if (due.isEmpty())
            return true;
        const qint64 dueMs = due.first().due.toMSecsSinceEpoch();
        const workflow::TransitionResult fired = WorkflowEngine::fire(model, state, due.first().timerId, at(dueMs));
        if (!fired) {
            error = fired.error().toString();
            return false;
        }
        state = fired->state;
        lastChangeMs = std::max(lastChangeMs, dueMs);
    }
    return true;
}

} // namespace

DemoProcessRun DemoProcessWalker::walk(const ProcessModel &model, const QJsonObject &formData,
                                       const QList<workflow::Actor> &performers, qint64 startMs, qint64 endMs,
                                       int paceHours, DemoRandom &rng)
{
    DemoProcessRun run;
    run.lastChangeMs = startMs;
    const workflow::TransitionResult started = WorkflowEngine::start(model, formData, at(startMs));
    if (!started) {
        run.error = started.error().toString();
        return run;
    }
    WorkflowState state = started->state;
    QSet<QString> done;
    qint64 now = startMs;
    for (int step = 0; step < maxSteps && !state.ended && run.error.isEmpty(); ++step) {
        const QList<Offer> offers = collectOffers(model, state, performers);
        if (offers.isEmpty())
            break; // nothing anyone here may do: the case waits (for a timer or another office)
        const Offer &offer = offers.at(qsizetype(rng.below(quint32(offers.size()))));
        // Work that waits for the citizen (a task with deadline timers) takes days to weeks.
        const bool waitsForCitizen = !model.element(offer.action.element).boundaries.isEmpty();
        const qint64 when =
            now + (waitsForCitizen ? rng.between(48, 480) : rng.between(paceHours / 3, paceHours)) * msPerHour;
        if (when > endMs) {
            fireTimers(model, state, endMs, run.lastChangeMs, run.error);
            break;
        }
        if (!fireTimers(model, state, when, run.lastChangeMs, run.error))
            break;
        now = when;
        const workflow::Action action{
            offer.action.taskId, pickOutcome(offer.action, done.contains(offer.action.taskId), rng), {}};
        for (int performer : offer.performers) {
            const workflow::TransitionResult applied =
                WorkflowEngine::apply(model, state, action, performers.at(performer), at(now));
            if (applied) {
                state = applied->state;
                done.insert(action.taskId);
                run.lastChangeMs = now;
                break;
            }
        }
    }

    run.state = state.toJson(model);
    run.ended = state.ended;
    run.statusText = statusText(model, state);
    run.stage = stage(model, state);
    for (const workflow::Token &token : state.tokens) {
        if (model.element(token.element).type == ElementType::UserTask && token.due.isValid() &&
            (!run.due.isValid() || token.due < run.due))
            run.due = token.due;
    }
    return run;
}

int DemoProcessWalker::stage(const ProcessModel &model, const WorkflowState &state)
{
    if (state.ended)
        return 5;
    int stage = 0;
    for (const workflow::Token &token : state.tokens) {
        const workflow::Element &element = model.element(token.element);
        if (element.type == ElementType::UserTask)
            stage = std::max(stage, stageOf(element.id));
    }
    return stage;
}

QString DemoProcessWalker::statusText(const ProcessModel &model, const WorkflowState &state)
{
    if (state.ended)
        return state.terminated ? QStringLiteral("Zurückgezogen") : QStringLiteral("Abgeschlossen");
    QStringList names;
    for (const workflow::Token &token : state.tokens) {
        const workflow::Element &element = model.element(token.element);
        // Waiting tasks, and waits for a date (Wiedervorlage, the council's budget debate).
        const bool shown = element.type == ElementType::UserTask || element.type == ElementType::TimerCatchEvent;
        if (shown && !names.contains(element.name))
            names.append(element.name);
    }
    return names.join(QStringLiteral(", "));
}

} // namespace casedesk::demo
