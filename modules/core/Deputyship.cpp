#include "core/Deputyship.h"

namespace casedesk {

bool Deputyship::runsOn(const QDate &day) const
{
    return (from.isNull() || from <= day) && (until.isNull() || day <= until);
}

} // namespace casedesk
