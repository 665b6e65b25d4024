#include "server/CaseOpening.h"

#include "server/AuditLog.h"
#include "server/CaseStore.h"
#include "server/CommandResult.h"

namespace casedesk::server {

Result<std::optional<CaseRefusal>> CaseOpening::open(CaseStore &store, const demo::CaseTypeContent &caseType,
                                                     casework::CommandRules::RequiredValues required,
                                                     const QDateTime &now, Case *theCase)
{
    Case opened = *theCase;
    if (casework::RuleOutcome outcome = casework::CommandRules::open(caseType, required, now, &opened);
        !outcome.applied())
        return std::optional<CaseRefusal>(
            CaseRefusal{std::move(outcome.code), std::move(outcome.message), std::move(outcome.problems)});
    const Result<bool> teamExists = store.teamExists(opened.teamId);
    if (!teamExists)
        return teamExists.error();
    if (!teamExists.value())
        return std::optional<CaseRefusal>(
            CaseRefusal{QStringLiteral("unknown_team"),
                        QStringLiteral("The team of this case does not exist. Choose another team."),
                        {}});
    *theCase = std::move(opened);
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
