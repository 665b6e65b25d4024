#include "core/AccessScope.h"

#include "core/Clock.h"

namespace casedesk {

namespace {

// Without null ids, so a case without a team or assignee never matches a list by accident.
void appendId(QList<QUuid> *ids, const QUuid &id)
{
    if (!id.isNull() && !ids->contains(id))
        ids->append(id);
}

} // namespace

AccessScope AccessScope::forUser(const User &user, const QList<Deputyship> &deputyships, const Clock &clock)
{
    AccessScope scope;
    scope.m_userId = user.id;
    if (!user.active || user.id.isNull())
        return scope;
    for (Role role : user.roles) {
        if (!scope.m_roles.contains(role))
            scope.m_roles.append(role);
    }
    for (const QUuid &teamId : user.teamIds)
        appendId(&scope.m_teamIds, teamId);
    const QDate today = clock.today();
    for (const Deputyship &deputyship : deputyships) {
        if (deputyship.deputyId == user.id && deputyship.userId != user.id && deputyship.runsOn(today))
            appendId(&scope.m_deputisedUserIds, deputyship.userId);
    }
    return scope;
}

bool AccessScope::works() const
{
    return hasRole(Role::Clerk) || hasRole(Role::TeamLead);
}

QList<QUuid> AccessScope::writableTeamIds() const
{
    return works() ? m_teamIds : QList<QUuid>();
}

QList<QUuid> AccessScope::readableTeamIds() const
{
    return works() || hasRole(Role::Auditor) ? m_teamIds : QList<QUuid>();
}

QList<QUuid> AccessScope::assigneeIds() const
{
    if (!works())
        return {};
    QList<QUuid> ids{m_userId};
    for (const QUuid &id : m_deputisedUserIds)
        appendId(&ids, id);
    return ids;
}

QList<QUuid> AccessScope::consultingTeamIds() const
{
    return writableTeamIds();
}

} // namespace casedesk
