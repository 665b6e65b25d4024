// What a command does to a case under its case type's process model and form definition: the workflow
// engine for completeTask, the form rules for setFields and createCase, compare-and-set for the assignee.
// The server applies these rules with the final word; the client checks the user's action with the same
// rules before it goes into the outbox, and replays pending commands with them over the confirmed state.
// Who may run a command is the permission policy's question (core/AccessPolicy), asked before these.
#pragma once

#include "casework/RuleOutcome.h"
#include "core/Case.h"
#include "core/Command.h"
#include "demo/BundledContent.h"
#include "workflow/WorkflowEngine.h"

#include <QDate>
#include <QDateTime>

namespace casedesk::casework {

class CommandRules {
public:
    enum class RequiredValues {
        MayBeMissing, // a clerk completes the case step by step (a Nachforderung waits for such values)
        Demanded,     // a portal's submission is a finished application
    };

    enum class Checks {
        All,         // a new command: the form rules decide too
        EffectsOnly, // replaying a pending command: its form check waits for the server, so the edit stays in view
    };

    // Problems that make form data unacceptable; missing required values only with Demanded.
    static QList<forms::FormProblem> problems(const forms::FormDefinition &definition, const QJsonObject &data,
                                              const QDate &today, RequiredValues required);

    // What the case shows of its process after an engine step (state, status text, closed, deadline).
    static void takeTransition(const workflow::ProcessModel &model, const workflow::Transition &transition,
                               Case *theCase);

    // A new case (id, type, team, applicant, title, form data, received date set) checked against its type and
    // its process started: version 1, everything but the Aktenzeichen, which only the server hands out.
    static RuleOutcome open(const demo::CaseTypeContent &caseType, RequiredValues required, const QDateTime &now,
                            Case *theCase);

    // `command` applied to `theCase` by `actor` at `now` (the server's clock; for a replay, when it was made).
    // createCase makes the case (opened with MayBeMissing when its type is known); request- and endConsultation
    // change its consulting teams; addNote, attachDocument, updateDocumentMeta and setDeputy leave it as it is
    // (what they change is kept beside the case). `caseType` is the content of the case's type, nullptr when unknown.
    // On anything but Applied the case is unchanged.
    static RuleOutcome apply(const Command &command, const workflow::Actor &actor,
                             const demo::CaseTypeContent *caseType, const QDateTime &now, Checks checks, Case *theCase);

private:
    static RuleOutcome setFields(const Command &command, const demo::CaseTypeContent &caseType, Checks checks,
                                 Case *theCase);
    static RuleOutcome completeTask(const Command &command, const workflow::Actor &actor,
                                    const demo::CaseTypeContent &caseType, const QDateTime &now, Case *theCase);
    static RuleOutcome setAssignee(const Command &command, const QUuid &actor, Case *theCase);
};

} // namespace casedesk::casework
