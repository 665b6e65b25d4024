// What the permission policy needs to know about one case; the server reads it from its tables, the client
// from its cache. Kept apart from Case so the server can check access without loading the whole case.
#pragma once

#include <QList>
#include <QUuid>

namespace casedesk {

struct Case;

struct CaseAccessFacts {
    QUuid teamId;                         // the responsible team
    QUuid assigneeId;                     // null: in the team's unassigned queue
    QList<QUuid> openConsultationTeamIds; // teams consulted (Beteiligung) whose consultation has not ended

    // The facts of a case: its data carries its open consultations too (Case::consultingTeamIds).
    static CaseAccessFacts of(const Case &theCase);
    bool operator==(const CaseAccessFacts &) const = default;
};

} // namespace casedesk
