// Opening a new case on the server, shared by push (createCase) and intake: the case rules' opening (form data
// checked, process started, statutory deadline computed) and the team checked. The caller's transaction holds it
// all; the caller numbers and inserts the case (CaseStore) as late as it can, because the team's counter stays
// locked from then on, and writes the command row, the change row and the audit row (push for every command it
// applies, intake through recordPortalCreation).
#pragma once

#include "casework/CommandRules.h"
#include "core/Case.h"
#include "core/Command.h"
#include "core/Result.h"
#include "demo/BundledContent.h"
#include "forms/FormProblem.h"

#include <QDateTime>
#include <QUuid>

#include <optional>

namespace casedesk::server {

class CaseStore;

// Why a case cannot be opened: a permanent answer, not a failure of the server.
struct CaseRefusal {
    QString code;                       // "invalid_form", "process_error", "unknown_team"
    QString message;                    // English, says what to do
    QList<forms::FormProblem> problems; // for invalid_form
};

class CaseOpening {
public:
    // Completes `theCase` (id, case type, team, applicant, title, form data and received date set by the caller)
    // to version 1, all but its Aktenzeichen: nullopt when it may be inserted, the refusal otherwise.
    static Result<std::optional<CaseRefusal>> open(CaseStore &store, const demo::CaseTypeContent &caseType,
                                                   casework::CommandRules::RequiredValues required,
                                                   const QDateTime &now, Case *theCase);

    // The rows that push writes for every applied command, for the createCase command that stands for a case a
    // citizen portal opened: the command row (by the portal), the change row and the audit row.
    static Result<void> recordPortalCreation(CaseStore &store, const Command &command, const QUuid &portalId,
                                             const QDateTime &now);
};

} // namespace casedesk::server
