// A user's access scope (DESIGN.md, "Access scopes"), computed once per request from the user, the
// deputyships and today's date. It is data, not only a predicate: the server turns these lists into the SQL
// filter of every query, AccessPolicy evaluates the same lists for one case, so both always agree.
//
// A case is
//   writable  when its team is in writableTeamIds() or its assignee is in assigneeIds();
//   readable  when writable, or its team is in readableTeamIds(), or one of its open consultations is
//             held by a team in consultingTeamIds();
//   fileable  (found by Aktenzeichen, applicant and type, documents filed into it, contents never shown)
//             when filesEveryCase();
// and invisible otherwise. In SQL, roughly:
//   team_id = ANY(:writableTeams) OR assignee_id = ANY(:assignees)                     -- write
//   OR team_id = ANY(:readableTeams)
//   OR EXISTS (open consultation of the case WHERE team_id = ANY(:consultingTeams))   -- read
//   OR :filesEveryCase                                                               -- metadata only
#pragma once

#include "core/Deputyship.h"
#include "core/Role.h"
#include "core/User.h"

#include <QList>
#include <QUuid>

namespace casedesk {

class Clock;

class AccessScope {
public:
    AccessScope() = default; // the empty scope: sees nothing, may do nothing

    // The scope of `user` today (Europe/Berlin, from `clock`). `deputyships` may hold everyone's: only
    // those in which `user` is the deputy and which run today count. A disabled user gets the empty scope.
    static AccessScope forUser(const User &user, const QList<Deputyship> &deputyships, const Clock &clock);

    const QUuid &userId() const { return m_userId; }
    const QList<Role> &roles() const { return m_roles; }
    bool hasRole(Role role) const { return m_roles.contains(role); }
    const QList<QUuid> &memberTeamIds() const { return m_teamIds; }
    const QList<QUuid> &deputisedUserIds() const { return m_deputisedUserIds; } // deputyships running today

    // Clerks and team leads work on cases (Sachbearbeitung); deputyships and consultations pass on work,
    // so they count only for these roles.
    bool works() const;
    QList<QUuid> writableTeamIds() const;   // clerk, team lead: their teams
    QList<QUuid> readableTeamIds() const;   // clerk, team lead, auditor: their teams
    QList<QUuid> assigneeIds() const;       // clerk, team lead: themselves and who they deputise (write)
    QList<QUuid> consultingTeamIds() const; // clerk, team lead: their teams, for open consultations (read)
    bool filesEveryCase() const { return hasRole(Role::Mailroom); }

    bool operator==(const AccessScope &) const = default;

private:
    QUuid m_userId;
    QList<Role> m_roles;
    QList<QUuid> m_teamIds;
    QList<QUuid> m_deputisedUserIds;
};

} // namespace casedesk
