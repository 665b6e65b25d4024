#include "core/CaseAccessFacts.h"

#include "core/Case.h"

namespace casedesk {

CaseAccessFacts CaseAccessFacts::of(const Case &theCase)
{
    return CaseAccessFacts{theCase.teamId, theCase.assigneeId, theCase.consultingTeamIds};
}

} // namespace casedesk
