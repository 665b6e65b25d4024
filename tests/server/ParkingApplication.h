// A new resident parking application (Bewohnerparkausweis, the case type with the fewest required fields) of
// `team`, titled `title`, with a fresh id: the case the server and sync tests open when any case will do.
#pragma once

#include "core/Case.h"
#include "core/Uuid.h"

namespace casedesk::test {

inline Case parkingApplication(const QUuid &team, const QString &title)
{
    Case c;
    c.id = createUuidV7();
    c.caseType = QStringLiteral("bewohnerparken");
    c.title = title;
    c.applicant.givenName = QStringLiteral("Erika");
    c.applicant.familyName = QStringLiteral("Mustermann");
    c.teamId = team;
    return c;
}

} // namespace casedesk::test
