// The pure process engine: start a process, list what an actor may do, apply an action, fire due timers.
// No clock and no I/O: `now` is a parameter, so client and server compute the same result from the same
// input. Every function leaves its input state untouched and returns a new one.
#pragma once

#include "core/Result.h"
#include "workflow/ProcessModel.h"
#include "workflow/WorkflowEvent.h"
#include "workflow/WorkflowState.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace casedesk::workflow {

// Who acts: a user with roles and the codes of the teams the user works in.
struct Actor {
    QString userId;
    RoleSet roles;
    QStringList teams;
};

// Completing a user task, with an outcome where the task offers some, and variables (form data) that
// conditions further along may read.
struct Action {
    QString taskId;
    QString outcome;
    QJsonObject variables;
};

struct AvailableAction {
    int element = -1;
    QString taskId;
    QString taskName;
    QStringList outcomes; // empty: the task is simply completed
    QDateTime due;        // null when no deadline runs
};

struct DueTimer {
    int timerId = 0;
    QString eventId;
    QDateTime due;
};

// Why an action or a timer was refused.
enum class Rejection {
    None,
    NotAllowed,        // the actor does not perform this task
    TaskNotActive,     // the task is not (or no longer) waiting
    FourEyesViolation, // the actor completed the task this one must be checked against
    UnknownOutcome,    // the outcome is not one the task offers
    NoFlowMatched,     // no outgoing condition was true and there is no default flow
    ConditionFailed,   // a condition or value could not be evaluated (wrong types)
    Runaway,           // the model loops without waiting (a modelling error)
    TimerNotActive,    // no such timer waits
    TimerNotDue,       // the timer's time has not come
};

struct Transition {
    WorkflowState state;
    QList<WorkflowEvent> events;
};

class [[nodiscard]] TransitionResult : public Result<Transition> {
public:
    TransitionResult(Transition transition) : Result<Transition>(std::move(transition)) {}
    TransitionResult(Rejection rejection, Error error) : Result<Transition>(std::move(error)), m_rejection(rejection) {}
    Rejection rejection() const { return m_rejection; }

private:
    Rejection m_rejection = Rejection::None;
};

class WorkflowEngine {
public:
    // A new process instance with `variables` (the case's form data), run up to its first wait states.
    static TransitionResult start(const ProcessModel &model, const QJsonObject &variables, const QDateTime &now);

    // The user tasks `actor` may complete now. Fast (no allocation beyond the returned list): the inbox
    // calls it for every visible case.
    static QList<AvailableAction> availableActions(const ProcessModel &model, const WorkflowState &state,
                                                   const Actor &actor);
    static bool mayPerform(const Element &task, const Actor &actor);

    static TransitionResult apply(const ProcessModel &model, const WorkflowState &state, const Action &action,
                                  const Actor &actor, const QDateTime &now);

    // Timers due at `now`, earliest first (ties by id), for the server to fire one by one.
    static QList<DueTimer> dueTimers(const ProcessModel &model, const WorkflowState &state, const QDateTime &now);
    static TransitionResult fire(const ProcessModel &model, const WorkflowState &state, int timerId,
                                 const QDateTime &now);
};

} // namespace casedesk::workflow
