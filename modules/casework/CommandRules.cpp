#include "casework/CommandRules.h"

#include "core/Clock.h"
#include "core/CommandReplay.h"
#include "core/JsonFields.h"
#include "core/Uuid.h"
#include "demo/DemoProcessWalker.h"
#include "forms/FormValidator.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace casedesk::casework {

namespace {

RuleOutcome invalidArgs(const QString &message)
{
    return RuleOutcome::reject(QStringLiteral("invalid_args"), message);
}

RuleOutcome unknownCaseType(const QString &caseType)
{
    return RuleOutcome::reject(QStringLiteral("unknown_case_type"),
                               QCoreApplication::translate("Casework", "There is no process model or form for the "
                                                                       "case type “%1”. Tell the administrator.")
                                   .arg(caseType));
}

QString rejectionCode(workflow::Rejection rejection)
{
    switch (rejection) {
    case workflow::Rejection::NotAllowed:
        return QStringLiteral("task_not_allowed");
    case workflow::Rejection::FourEyesViolation:
        return QStringLiteral("four_eyes_violation");
    case workflow::Rejection::UnknownOutcome:
        return QStringLiteral("unknown_outcome");
    case workflow::Rejection::NoFlowMatched:
    case workflow::Rejection::ConditionFailed:
    case workflow::Rejection::Runaway:
        return QStringLiteral("process_error");
    case workflow::Rejection::None:
    case workflow::Rejection::TaskNotActive:
    case workflow::Rejection::TimerNotActive:
    case workflow::Rejection::TimerNotDue:
        break;
    }
    return QStringLiteral("workflow_rejected");
}

QJsonArray activeTaskIds(const workflow::ProcessModel &model, const workflow::WorkflowState &state)
{
    QJsonArray ids;
    for (const workflow::Token &token : state.tokens) {
        if (model.element(token.element).type == workflow::ElementType::UserTask)
            ids.append(model.element(token.element).id);
    }
    return ids;
}

// Problems that make form data unacceptable after an edit. A missing required value is not one of them: a case is
// completed step by step (a Nachforderung waits for exactly such values), and the process asks for completeness
// where it matters.
QList<forms::FormProblem> blockingProblems(const forms::FormDefinition &definition, const QJsonObject &data)
{
    return CommandRules::problems(definition, data, Clock::current().today(),
                                  CommandRules::RequiredValues::MayBeMissing);
}

} // namespace

QList<forms::FormProblem> CommandRules::problems(const forms::FormDefinition &definition, const QJsonObject &data,
                                                 const QDate &today, RequiredValues required)
{
    QList<forms::FormProblem> problems = forms::FormValidator::validate(definition, data, today);
    if (required == RequiredValues::MayBeMissing)
        problems.removeIf([](const forms::FormProblem &p) { return p.code == forms::FormProblem::Code::Required; });
    return problems;
}

void CommandRules::takeTransition(const workflow::ProcessModel &model, const workflow::Transition &transition,
                                  Case *theCase)
{
    theCase->workflowState = transition.state.toJson(model);
    theCase->statusText = demo::DemoProcessWalker::statusText(model, transition.state);
    theCase->closed = transition.state.ended;
    for (const workflow::WorkflowEvent &event : transition.events) {
        if (event.type == workflow::WorkflowEvent::Type::DeadlineSet) {
            if (const std::optional<QDate> date =
                    json::dateFromString(event.data.value(QLatin1String("date")).toString()))
                theCase->statutoryDeadline = *date;
        }
    }
}

RuleOutcome CommandRules::open(const demo::CaseTypeContent &caseType, RequiredValues required, const QDateTime &now,
                               Case *theCase)
{
    const QDate today = Clock::current().today();
    const QJsonObject data = forms::FormValidator::normalize(caseType.form, theCase->formData);
    if (const QList<forms::FormProblem> found = problems(caseType.form, data, today, required); !found.isEmpty())
        return RuleOutcome::invalidForm(found);
    const workflow::TransitionResult started = workflow::WorkflowEngine::start(caseType.process, data, now);
    if (!started)
        return RuleOutcome::reject(QStringLiteral("process_error"), started.error().message);
    theCase->formData = data;
    theCase->formVersion = caseType.form.version();
    theCase->processVersion = caseType.processVersion;
    if (!theCase->receivedDate.isValid())
        theCase->receivedDate = today;
    theCase->statutoryDeadline = QDate(); // only the process computes it
    theCase->consultingTeamIds.clear();   // only requestConsultation opens a consultation
    takeTransition(caseType.process, started.value(), theCase);
    theCase->version = 1;
    theCase->createdAt = now;
    theCase->updatedAt = now;
    return RuleOutcome::apply();
}

RuleOutcome CommandRules::apply(const Command &command, const workflow::Actor &actor,
                                const demo::CaseTypeContent *caseType, const QDateTime &now, Checks checks,
                                Case *theCase)
{
    if (command.name == CommandName::CreateCase) {
        Case created;
        if (Result<void> replayed = replayCommand(command, uuidFromString(actor.userId), &created); !replayed)
            return invalidArgs(replayed.error().message);
        if (!caseType)
            return unknownCaseType(created.caseType);
        const RuleOutcome opened = open(*caseType, RequiredValues::MayBeMissing, now, &created);
        if (opened.applied())
            *theCase = std::move(created);
        return opened;
    }
    switch (command.name) {
    case CommandName::SetFields:
        return caseType ? setFields(command, *caseType, checks, theCase) : unknownCaseType(theCase->caseType);
    case CommandName::CompleteTask:
        return caseType ? completeTask(command, actor, *caseType, now, theCase) : unknownCaseType(theCase->caseType);
    case CommandName::Assign:
    case CommandName::Claim:
        return setAssignee(command, uuidFromString(actor.userId), theCase);
    case CommandName::SetFollowUp:
    case CommandName::AddNote:
    case CommandName::AttachDocument:
    case CommandName::UpdateDocumentMeta:
    case CommandName::RequestConsultation:
    case CommandName::EndConsultation:
    case CommandName::SetDeputy:
    case CommandName::CreateCase: // handled above
        break;
    }
    if (Result<void> replayed = replayCommand(command, uuidFromString(actor.userId), theCase); !replayed)
        return invalidArgs(replayed.error().message);
    return RuleOutcome::apply();
}

RuleOutcome CommandRules::setFields(const Command &command, const demo::CaseTypeContent &caseType, Checks checks,
                                    Case *theCase)
{
    Case changed = *theCase;
    if (Result<void> replayed = replayCommand(command, {}, &changed); !replayed) {
        if (replayed.error().code != ErrorCode::Conflict)
            return invalidArgs(replayed.error().message);
        // Every field whose expectation failed, with the case's value, so the user sees them all at once.
        QJsonObject conflicts;
        const QJsonObject fields = command.args.value(QLatin1String("fields")).toObject();
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            const QJsonValue current =
                theCase->formData.contains(it.key()) ? theCase->formData.value(it.key()) : QJsonValue();
            if (current != it.value().toObject().value(QLatin1String("old")))
                conflicts.insert(it.key(), QJsonObject{{QStringLiteral("server"), current}});
        }
        return RuleOutcome::conflict(QStringLiteral("field_conflict"), replayed.error().message, conflicts);
    }
    changed.formData = forms::FormValidator::normalize(caseType.form, changed.formData);
    if (checks == Checks::All) {
        const QList<forms::FormProblem> before = blockingProblems(caseType.form, theCase->formData);
        QList<forms::FormProblem> added = blockingProblems(caseType.form, changed.formData);
        // Only problems this edit brings count: older data that a newer definition dislikes must not block the case.
        added.removeIf([&before](const forms::FormProblem &problem) {
            return std::any_of(before.cbegin(), before.cend(), [&problem](const forms::FormProblem &old) {
                return old.path == problem.path && old.code == problem.code && old.rule == problem.rule;
            });
        });
        if (!added.isEmpty())
            return RuleOutcome::invalidForm(added);
    }
    *theCase = std::move(changed);
    return RuleOutcome::apply();
}

RuleOutcome CommandRules::completeTask(const Command &command, const workflow::Actor &actor,
                                       const demo::CaseTypeContent &caseType, const QDateTime &now, Case *theCase)
{
    // The args' shape is checked with the command (validateCommandArgs); absent and null texts are "".
    const QString taskId = command.args.value(QLatin1String("taskId")).toString();
    const QString outcome = command.args.value(QLatin1String("outcome")).toString();
    const Result<workflow::WorkflowState> state =
        workflow::WorkflowState::fromJson(caseType.process, theCase->workflowState);
    if (!state)
        return RuleOutcome::reject(QStringLiteral("case_unreadable"), state.error().message);
    const workflow::TransitionResult transition = workflow::WorkflowEngine::apply(
        caseType.process, state.value(), {taskId, outcome, theCase->formData}, actor, now);
    if (!transition) {
        // The task is done or not reached yet: compare-and-set on the process, like the assignee.
        if (transition.rejection() == workflow::Rejection::TaskNotActive)
            return RuleOutcome::conflict(
                QStringLiteral("task_conflict"), transition.error().message,
                {{QStringLiteral("task"),
                  QJsonObject{{QStringLiteral("server"), activeTaskIds(caseType.process, state.value())}}}});
        return RuleOutcome::reject(rejectionCode(transition.rejection()), transition.error().message);
    }
    takeTransition(caseType.process, transition.value(), theCase);
    return RuleOutcome::apply();
}

RuleOutcome CommandRules::setAssignee(const Command &command, const QUuid &actor, Case *theCase)
{
    const QUuid before = theCase->assigneeId;
    if (Result<void> replayed = replayCommand(command, actor, theCase); !replayed) {
        if (replayed.error().code != ErrorCode::Conflict)
            return invalidArgs(replayed.error().message);
        return RuleOutcome::conflict(
            QStringLiteral("assignee_conflict"), replayed.error().message,
            {{QStringLiteral("assignee"), QJsonObject{{QStringLiteral("server"), uuidToString(before)}}}});
    }
    return RuleOutcome::apply();
}

} // namespace casedesk::casework
