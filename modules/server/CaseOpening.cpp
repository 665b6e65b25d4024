#include "server/CaseOpening.h"

#include "core/Clock.h"
#include "core/JsonFields.h"
#include "demo/DemoProcessWalker.h"
#include "forms/FormValidator.h"
#include "server/AuditLog.h"
#include "server/CaseStore.h"
#include "server/CommandResult.h"

namespace casedesk::server {

QList<forms::FormProblem> CaseOpening::problems(const forms::FormDefinition &definition, const QJsonObject &data,
                                                const QDate &today, RequiredValues required)
{
    QList<forms::FormProblem> problems = forms::FormValidator::validate(definition, data, today);
    if (required == RequiredValues::MayBeMissing)
        problems.removeIf([](const forms::FormProblem &p) { return p.code == forms::FormProblem::Code::Required; });
    return problems;
}

void CaseOpening::takeTransition(const workflow::ProcessModel &model, const workflow::Transition &transition,
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

Result<std::optional<CaseRefusal>> CaseOpening::open(CaseStore &store, const demo::CaseTypeContent &caseType,
                                                     RequiredValues required, const QDateTime &now, Case *theCase)
{
    const QDate today = Clock::current().today();
    const QJsonObject data = forms::FormValidator::normalize(caseType.form, theCase->formData);
    if (QList<forms::FormProblem> found = problems(caseType.form, data, today, required); !found.isEmpty())
        return std::optional<CaseRefusal>(CaseRefusal{QStringLiteral("invalid_form"), {}, std::move(found)});
    const workflow::TransitionResult started = workflow::WorkflowEngine::start(caseType.process, data, now);
    if (!started)
        return std::optional<CaseRefusal>(CaseRefusal{QStringLiteral("process_error"), started.error().message, {}});
    const Result<std::optional<Aktenzeichen>> aktenzeichen = store.nextAktenzeichen(theCase->teamId, today.year());
    if (!aktenzeichen)
        return aktenzeichen.error();
    if (!aktenzeichen.value())
        return std::optional<CaseRefusal>(
            CaseRefusal{QStringLiteral("unknown_team"),
                        QStringLiteral("The team of this case does not exist. Choose another team."),
                        {}});

    theCase->aktenzeichen = *aktenzeichen.value();
    theCase->formData = data;
    theCase->formVersion = caseType.form.version();
    if (!theCase->receivedDate.isValid())
        theCase->receivedDate = today;
    theCase->statutoryDeadline = QDate(); // only the process computes it
    takeTransition(caseType.process, started.value(), theCase);
    theCase->version = 1;
    theCase->createdAt = now;
    theCase->updatedAt = now;
    if (Result<void> inserted = store.insertCase(*theCase); !inserted)
        return inserted.error();
    return std::optional<CaseRefusal>();
}

Result<void> CaseOpening::recordPortalCreation(CaseStore &store, const Command &command, const QUuid &portalId,
                                               const QDateTime &now)
{
    CommandResult applied = CommandResult::applied(1);
    applied.commandId = command.id;
    applied.clientSeq = command.clientSeq;
    if (Result<void> stored = store.storePortalCommand(command, portalId, applied); !stored)
        return stored.error();
    if (Result<qint64> change = store.addChange(command.caseId, 1, command.id); !change)
        return change.error();
    // The audit log names users only: a portal's row has no actor, its command row names the portal.
    return AuditLog(store.database()).append(command, QUuid(), now);
}

} // namespace casedesk::server
