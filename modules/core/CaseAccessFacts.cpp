#include "core/CaseAccessFacts.h"

#include "core/Case.h"

namespace casedesk {

CaseAccessFacts CaseAccessFacts::of(const Case &theCase, const QList<QUuid> &openConsultationTeamIds)
{
    return CaseAccessFacts{theCase.teamId, theCase.assigneeId, openConsultationTeamIds};
}

} // namespace casedesk
