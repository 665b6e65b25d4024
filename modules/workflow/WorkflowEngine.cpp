#include "workflow/WorkflowEngine.h"

#include "core/DeadlineCalendar.h"
#include "core/JsonFields.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <algorithm>

namespace casedesk::workflow {

namespace {

// Element visits allowed in one step: far above any real model, low enough to stop a loop without a wait state.
constexpr int stepBudget = 10000;

QDate berlinDate(const QDateTime &now)
{
    static const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    return now.toTimeZone(berlin).date();
}

// Runs tokens forward from arrivals until every token waits (or the process ends). Works on a copy of the
// state; on a rejection the caller discards it.
class Runner {
public:
    Runner(const ProcessModel &model, WorkflowState &state, QList<WorkflowEvent> &events, const QDateTime &now)
        : m_model(model), m_state(state), m_events(events), m_now(now), m_today(berlinDate(now))
    {
    }

    void enqueue(int element, int scope, int via) { m_queue.append({element, scope, via}); }
    bool leave(int element, int scope);
    bool run();
    void removeTokenTree(int tokenId);
    void event(WorkflowEvent::Type type, int element, QJsonObject data = {})
    {
        m_events.append({type, m_model.element(element).id, std::move(data)});
    }
    bool reject(Rejection rejection, const QString &message, const QString &detail = {})
    {
        m_rejection = rejection;
        m_error = makeError(ErrorCode::Invalid, message, detail);
        return false;
    }
    TransitionResult result() const
    {
        if (m_rejection != Rejection::None)
            return TransitionResult(m_rejection, m_error);
        return Transition{m_state, m_events};
    }

private:
    struct Arrival {
        int element;
        int scope;
        int via;
    };
    bool arrive(const Arrival &arrival);
    Token &addToken(int element, int scope, int via);
    void startBoundaryTimers(Token &token);
    bool runService(int element);
    bool test(int flow, bool *matched);
    bool settle(bool *changed);
    void terminate(int scope);

    const ProcessModel &m_model;
    WorkflowState &m_state;
    QList<WorkflowEvent> &m_events;
    QDateTime m_now;
    QDate m_today;
    QList<Arrival> m_queue;
    int m_budget = stepBudget;
    Rejection m_rejection = Rejection::None;
    Error m_error;
};

Token &Runner::addToken(int element, int scope, int via)
{
    m_state.tokens.append(Token{m_state.nextId++, element, scope, via, m_now, {}});
    return m_state.tokens.last();
}

void Runner::startBoundaryTimers(Token &token)
{
    for (int boundary : m_model.element(token.element).boundaries) {
        const TimerDefinition &timer = m_model.element(boundary).timer;
        const QDateTime due = timer.firstDue(m_now);
        const int remaining = timer.kind == TimerDefinition::Kind::Cycle ? timer.repetitions : 1;
        m_state.timers.append(Timer{m_state.nextId++, boundary, token.id, due, remaining});
        if (m_model.element(boundary).cancelActivity && (token.due.isNull() || due < token.due))
            token.due = due;
    }
}

bool Runner::test(int flow, bool *matched)
{
    const Expression &condition = m_model.flow(flow).condition;
    if (condition.isNull()) {
        *matched = true;
        return true;
    }
    const Result<bool> result = condition.test(m_state.variables, m_today);
    if (!result)
        return reject(Rejection::ConditionFailed,
                      QCoreApplication::translate("Workflow", "The condition of the flow “%1” could not be "
                                                              "evaluated: %2 Correct the case's data or the model.")
                          .arg(m_model.flow(flow).id, result.error().message),
                      result.error().detail);
    *matched = result.value();
    return true;
}

bool Runner::leave(int element, int scope)
{
    const Element &e = m_model.element(element);
    QList<int> chosen;
    for (int flow : e.outgoing) {
        if (flow == e.defaultFlow)
            continue;
        bool matched = true;
        if (e.type != ElementType::ParallelGateway && !test(flow, &matched))
            return false;
        if (matched) {
            chosen.append(flow);
            if (e.type == ElementType::ExclusiveGateway)
                break; // the first true condition wins
        }
    }
    if (chosen.isEmpty() && e.defaultFlow >= 0)
        chosen.append(e.defaultFlow);
    if (chosen.isEmpty())
        return reject(Rejection::NoFlowMatched,
                      QCoreApplication::translate("Workflow", "At “%1” no outgoing condition is true and there is no "
                                                              "default flow: check the case's data, or give the "
                                                              "model a default flow.")
                          .arg(e.name.isEmpty() ? e.id : e.name),
                      e.id);
    for (int flow : std::as_const(chosen))
        enqueue(m_model.flow(flow).target, scope, flow);
    return true;
}

bool Runner::runService(int element)
{
    const ServiceDefinition &service = m_model.element(element).service;
    switch (service.kind) {
    case ServiceDefinition::Kind::SetVariable: {
        const Result<QJsonValue> value = service.value.evaluate(m_state.variables, m_today);
        if (!value)
            return reject(Rejection::ConditionFailed,
                          QCoreApplication::translate("Workflow", "The value for “%1” could not be evaluated: %2")
                              .arg(service.variable, value.error().message),
                          value.error().detail);
        m_state.variables.insert(service.variable, value.value());
        event(WorkflowEvent::Type::VariableSet, element,
              {{QStringLiteral("variable"), service.variable}, {QStringLiteral("value"), value.value()}});
        return true;
    }
    case ServiceDefinition::Kind::StatutoryDeadline: {
        QDate from = m_today;
        if (!service.from.isEmpty()) {
            const std::optional<QDate> date = json::dateFromString(m_state.variables.value(service.from).toString());
            if (!date || !date->isValid())
                return reject(Rejection::ConditionFailed,
                              QCoreApplication::translate("Workflow", "The variable “%1” holds no date "
                                                                      "(2026-03-02), so the deadline cannot be "
                                                                      "computed: enter the date in the case.")
                                  .arg(service.from));
            from = *date;
        }
        const QDate end = DeadlineCalendar::periodEnd(from, *service.period.toPeriod());
        m_state.variables.insert(service.variable, json::dateToString(end));
        event(WorkflowEvent::Type::DeadlineSet, element,
              {{QStringLiteral("variable"), service.variable}, {QStringLiteral("date"), json::dateToString(end)}});
        return true;
    }
    case ServiceDefinition::Kind::GenerateDocument:
        event(WorkflowEvent::Type::DocumentRequested, element, {{QStringLiteral("template"), service.templateName}});
        return true;
    case ServiceDefinition::Kind::Notify:
        event(WorkflowEvent::Type::Notification, element,
              {{QStringLiteral("recipient"), service.recipient}, {QStringLiteral("message"), service.message}});
        return true;
    }
    return true;
}

void Runner::removeTokenTree(int tokenId)
{
    QList<int> inner;
    for (const Token &t : std::as_const(m_state.tokens)) {
        if (t.scope == tokenId)
            inner.append(t.id);
    }
    for (int id : std::as_const(inner))
        removeTokenTree(id);
    const auto token =
        std::find_if(m_state.tokens.begin(), m_state.tokens.end(), [&](const Token &t) { return t.id == tokenId; });
    if (token == m_state.tokens.end())
        return;
    if (m_model.element(token->element).type == ElementType::UserTask)
        event(WorkflowEvent::Type::TaskCancelled, token->element);
    m_state.tokens.erase(token);
    m_state.timers.removeIf([&](const Timer &timer) { return timer.token == tokenId; });
}

void Runner::terminate(int scope)
{
    QList<int> doomed;
    for (const Token &t : std::as_const(m_state.tokens)) {
        if (t.scope == scope)
            doomed.append(t.id);
    }
    for (int id : std::as_const(doomed))
        removeTokenTree(id);
    // Arrivals still queued inside the ended scope die with it.
    m_queue.removeIf([&](const Arrival &a) { return a.scope == scope || (a.scope != 0 && !m_state.token(a.scope)); });
    if (scope == 0)
        m_state.terminated = true;
}

bool Runner::arrive(const Arrival &arrival)
{
    const Element &e = m_model.element(arrival.element);
    switch (e.type) {
    case ElementType::StartEvent:
    case ElementType::Task:
    case ElementType::ManualTask:
    case ElementType::BoundaryTimerEvent:
    case ElementType::ExclusiveGateway:
        return leave(arrival.element, arrival.scope);
    case ElementType::ServiceTask:
        return runService(arrival.element) && leave(arrival.element, arrival.scope);
    case ElementType::EndEvent:
        return true; // the token is consumed; settle() ends the scope when it was the last
    case ElementType::TerminateEndEvent:
        terminate(arrival.scope);
        return true;
    case ElementType::UserTask: {
        Token &token = addToken(arrival.element, arrival.scope, -1);
        startBoundaryTimers(token);
        QJsonObject data;
        json::putDateTime(data, QLatin1String("due"), token.due);
        event(WorkflowEvent::Type::TaskActivated, arrival.element, data);
        return true;
    }
    case ElementType::TimerCatchEvent: {
        const Token &token = addToken(arrival.element, arrival.scope, -1);
        m_state.timers.append(Timer{m_state.nextId++, arrival.element, token.id, e.timer.firstDue(m_now), 1});
        return true;
    }
    case ElementType::SubProcess: {
        Token &token = addToken(arrival.element, arrival.scope, -1);
        startBoundaryTimers(token);
        enqueue(e.start, token.id, -1);
        return true;
    }
    case ElementType::ParallelGateway: {
        if (e.incoming.size() <= 1)
            return leave(arrival.element, arrival.scope);
        addToken(arrival.element, arrival.scope, arrival.via);
        // Joins when a token waits on every incoming flow; extra tokens on one flow wait for the next round.
        QList<int> consumed;
        for (int flow : e.incoming) {
            const auto waiting = std::find_if(m_state.tokens.cbegin(), m_state.tokens.cend(), [&](const Token &t) {
                return t.element == arrival.element && t.scope == arrival.scope && t.via == flow;
            });
            if (waiting == m_state.tokens.cend())
                return true;
            consumed.append(waiting->id);
        }
        m_state.tokens.removeIf([&](const Token &t) { return consumed.contains(t.id); });
        return leave(arrival.element, arrival.scope);
    }
    case ElementType::InclusiveGateway:
        if (e.incoming.size() <= 1)
            return leave(arrival.element, arrival.scope);
        addToken(arrival.element, arrival.scope, arrival.via); // settle() decides when it joins
        return true;
    }
    return true;
}

// Once nothing moves: inclusive joins that can no longer receive a token fire, finished sub-processes
// complete, and a process without tokens ends.
bool Runner::settle(bool *changed)
{
    *changed = false;
    for (const Token &t : std::as_const(m_state.tokens)) {
        const Element &e = m_model.element(t.element);
        if (e.type != ElementType::InclusiveGateway || t.via < 0)
            continue;
        const bool pending = std::any_of(m_state.tokens.cbegin(), m_state.tokens.cend(), [&](const Token &other) {
            return other.scope == t.scope && other.element != t.element &&
                   std::binary_search(e.upstream.cbegin(), e.upstream.cend(), other.element);
        });
        if (pending)
            continue;
        const int element = t.element;
        const int scope = t.scope;
        m_state.tokens.removeIf([&](const Token &w) { return w.element == element && w.scope == scope; });
        *changed = true;
        return leave(element, scope);
    }
    for (const Token &t : std::as_const(m_state.tokens)) {
        if (m_model.element(t.element).type != ElementType::SubProcess)
            continue;
        const bool busy = std::any_of(m_state.tokens.cbegin(), m_state.tokens.cend(),
                                      [&](const Token &inner) { return inner.scope == t.id; });
        if (busy)
            continue;
        const int element = t.element;
        const int scope = t.scope;
        removeTokenTree(t.id);
        *changed = true;
        return leave(element, scope);
    }
    return true;
}

bool Runner::run()
{
    for (;;) {
        while (!m_queue.isEmpty()) {
            if (--m_budget < 0)
                return reject(Rejection::Runaway,
                              QCoreApplication::translate("Workflow", "The process runs in a loop without a task or "
                                                                      "timer to wait at: correct the model."));
            if (!arrive(m_queue.takeFirst()))
                return false;
        }
        bool changed = false;
        if (!settle(&changed))
            return false;
        if (!changed)
            break;
    }
    if (m_state.tokens.isEmpty() && !m_state.ended) {
        m_state.ended = true;
        m_events.append({WorkflowEvent::Type::ProcessEnded,
                         m_model.processId(),
                         {{QStringLiteral("terminated"), m_state.terminated}}});
    }
    return true;
}

TransitionResult rejected(Rejection rejection, const QString &message, const QString &detail = {})
{
    return TransitionResult(rejection, makeError(ErrorCode::Invalid, message, detail));
}

} // namespace

TransitionResult WorkflowEngine::start(const ProcessModel &model, const QJsonObject &variables, const QDateTime &now)
{
    WorkflowState state;
    state.variables = variables;
    QList<WorkflowEvent> events;
    Runner runner(model, state, events, now);
    runner.enqueue(model.start(), 0, -1);
    runner.run();
    return runner.result();
}

bool WorkflowEngine::mayPerform(const Element &task, const Actor &actor)
{
    static const RoleSet writers({Role::Clerk, Role::TeamLead, Role::Mailroom, Role::Administrator});
    if (actor.userId.isEmpty() || !actor.roles.intersects(writers))
        return false; // auditors only read
    const Performer &performer = task.performer;
    if (!performer.roles.isEmpty() && !performer.roles.intersects(actor.roles))
        return false;
    if (!performer.assignee.isEmpty() && performer.assignee != actor.userId)
        return false;
    if (performer.teams.isEmpty())
        return true;
    return std::any_of(performer.teams.cbegin(), performer.teams.cend(),
                       [&](const QString &team) { return actor.teams.contains(team); });
}

QList<AvailableAction> WorkflowEngine::availableActions(const ProcessModel &model, const WorkflowState &state,
                                                        const Actor &actor)
{
    QList<AvailableAction> actions;
    for (const Token &token : state.tokens) {
        const Element &task = model.element(token.element);
        if (task.type != ElementType::UserTask || !mayPerform(task, actor))
            continue;
        if (task.fourEyesWith >= 0 && state.completedBy.value(task.fourEyesWith) == actor.userId)
            continue;
        actions.append(AvailableAction{token.element, task.id, task.name, task.outcomes, token.due});
    }
    return actions;
}

TransitionResult WorkflowEngine::apply(const ProcessModel &model, const WorkflowState &state, const Action &action,
                                       const Actor &actor, const QDateTime &now)
{
    const int element = model.indexOf(action.taskId);
    const auto token =
        std::find_if(state.tokens.cbegin(), state.tokens.cend(), [&](const Token &t) { return t.element == element; });
    if (element < 0 || token == state.tokens.cend() || model.element(element).type != ElementType::UserTask)
        return rejected(Rejection::TaskNotActive,
                        QCoreApplication::translate("Workflow", "The task is no longer open: someone else completed "
                                                                "it or a deadline ended it. Reload the case."),
                        action.taskId);
    const Element &task = model.element(element);
    if (!mayPerform(task, actor))
        return rejected(Rejection::NotAllowed,
                        QCoreApplication::translate("Workflow", "You may not complete “%1”: it belongs to another "
                                                                "role or team. Ask your team lead to assign it.")
                            .arg(task.name.isEmpty() ? task.id : task.name),
                        task.id);
    if (task.fourEyesWith >= 0 && state.completedBy.value(task.fourEyesWith) == actor.userId)
        return rejected(Rejection::FourEyesViolation,
                        QCoreApplication::translate("Workflow", "You completed “%1” yourself, so someone else must "
                                                                "complete “%2” (four-eyes principle).")
                            .arg(model.element(task.fourEyesWith).name, task.name.isEmpty() ? task.id : task.name),
                        task.id);
    if (task.outcomes.isEmpty() ? !action.outcome.isEmpty() : !task.outcomes.contains(action.outcome))
        return rejected(
            Rejection::UnknownOutcome,
            task.outcomes.isEmpty()
                ? QCoreApplication::translate("Workflow", "The task “%1” has no outcomes to choose from.").arg(task.id)
                : QCoreApplication::translate("Workflow", "Choose one of these outcomes for “%1”: %2.")
                      .arg(task.name.isEmpty() ? task.id : task.name, task.outcomes.join(QStringLiteral(", "))),
            action.outcome);

    WorkflowState next = state;
    QList<WorkflowEvent> events;
    for (auto it = action.variables.constBegin(); it != action.variables.constEnd(); ++it)
        next.variables.insert(it.key(), it.value());
    if (!task.outcomes.isEmpty())
        next.variables.insert(task.outcomeVariable, action.outcome);
    next.completedBy.insert(element, actor.userId);
    const int tokenId = token->id;
    const int scope = token->scope;
    next.tokens.removeIf([&](const Token &t) { return t.id == tokenId; });
    next.timers.removeIf([&](const Timer &t) { return t.token == tokenId; });
    QJsonObject data{{QStringLiteral("by"), actor.userId}};
    if (!action.outcome.isEmpty())
        data.insert(QStringLiteral("outcome"), action.outcome);
    events.append({WorkflowEvent::Type::TaskCompleted, task.id, data});

    Runner runner(model, next, events, now);
    if (runner.leave(element, scope))
        runner.run();
    return runner.result();
}

QList<DueTimer> WorkflowEngine::dueTimers(const ProcessModel &model, const WorkflowState &state, const QDateTime &now)
{
    QList<DueTimer> due;
    for (const Timer &timer : state.timers) {
        if (timer.due <= now)
            due.append(DueTimer{timer.id, model.element(timer.event).id, timer.due});
    }
    std::sort(due.begin(), due.end(), [](const DueTimer &a, const DueTimer &b) {
        return a.due != b.due ? a.due < b.due : a.timerId < b.timerId;
    });
    return due;
}

TransitionResult WorkflowEngine::fire(const ProcessModel &model, const WorkflowState &state, int timerId,
                                      const QDateTime &now)
{
    const auto found =
        std::find_if(state.timers.cbegin(), state.timers.cend(), [&](const Timer &t) { return t.id == timerId; });
    if (found == state.timers.cend())
        return rejected(Rejection::TimerNotActive,
                        QCoreApplication::translate("Workflow", "The timer no longer runs: its task was completed "
                                                                "or it fired already."),
                        QString::number(timerId));
    if (found->due > now)
        return rejected(Rejection::TimerNotDue,
                        QCoreApplication::translate("Workflow", "The timer is not due yet: it fires on %1.")
                            .arg(json::dateTimeToString(found->due)),
                        QString::number(timerId));
    const Timer timer = *found;
    const Element &event = model.element(timer.event);
    WorkflowState next = state;
    QList<WorkflowEvent> events;
    QJsonObject data;
    json::putDateTime(data, QLatin1String("due"), timer.due);
    events.append({WorkflowEvent::Type::TimerFired, event.id, data});
    Runner runner(model, next, events, now);
    const Token owner = *next.token(timer.token);
    bool ok = true;
    if (event.type == ElementType::TimerCatchEvent) {
        runner.removeTokenTree(owner.id);
        ok = runner.leave(timer.event, owner.scope);
    } else if (event.cancelActivity) {
        runner.removeTokenTree(owner.id);
        runner.enqueue(timer.event, owner.scope, -1);
    } else {
        // A reminder: the task stays; a cycle comes back one interval after its previous due time.
        const auto kept =
            std::find_if(next.timers.begin(), next.timers.end(), [&](const Timer &t) { return t.id == timerId; });
        if (kept->remaining == -1 || kept->remaining > 1) {
            kept->due = event.timer.duration.addTo(kept->due);
            if (kept->remaining > 0)
                --kept->remaining;
        } else {
            next.timers.erase(kept);
        }
        runner.enqueue(timer.event, owner.scope, -1);
    }
    if (ok)
        runner.run();
    return runner.result();
}

} // namespace casedesk::workflow
