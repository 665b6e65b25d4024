#include "core/AccessPolicy.h"

#include "core/Uuid.h"

#include <QCoreApplication>

namespace casedesk {

namespace {

bool intersects(const QList<QUuid> &a, const QList<QUuid> &b)
{
    for (const QUuid &id : a) {
        if (b.contains(id))
            return true;
    }
    return false;
}

QUuid uuidArg(const QJsonObject &args, QLatin1String key)
{
    return uuidFromString(args.value(key).toString());
}

bool isConsulted(const AccessScope &scope, const CaseAccessFacts &facts)
{
    return intersects(scope.consultingTeamIds(), facts.openConsultationTeamIds);
}

bool leadsTeam(const AccessScope &scope, const QUuid &teamId)
{
    return scope.hasRole(Role::TeamLead) && scope.memberTeamIds().contains(teamId);
}

// Why a visible case may not be changed this way, by the route through which the user sees it.
AccessDecision denyByAccess(const AccessScope &scope, const CaseAccessFacts &facts, CaseAccess access)
{
    if (access == CaseAccess::None)
        return AccessDecision::notVisible();
    if (access == CaseAccess::FileOnly)
        return AccessDecision::forbidden(QCoreApplication::translate(
            "Core", "The mailroom can only file documents into this case. Ask the responsible team for anything "
                    "else."));
    if (access == CaseAccess::Read && isConsulted(scope, facts))
        return AccessDecision::forbidden(QCoreApplication::translate(
            "Core", "Your team is consulted on this case: you can add notes and complete your task, nothing else. "
                    "Ask the responsible team for other changes."));
    return AccessDecision::forbidden(QCoreApplication::translate(
        "Core", "You can read this case but not change it. Ask the responsible team to make the change."));
}

AccessDecision onlyTeamLeadAssigns()
{
    return AccessDecision::forbidden(QCoreApplication::translate(
        "Core", "Only the team lead of the case's team can assign it to someone. Ask your team lead, or claim an "
                "unassigned case of your team yourself."));
}

// A case can be given to an active clerk or team lead of its own team.
AccessDecision checkAssignee(const QUuid &teamId, const QUuid &assigneeId, const AccessPolicy::UserLookup &users)
{
    const std::optional<User> assignee = users ? users(assigneeId) : std::nullopt;
    if (assignee && assignee->id == assigneeId && assignee->active && assignee->teamIds.contains(teamId) &&
        (assignee->hasRole(Role::Clerk) || assignee->hasRole(Role::TeamLead)))
        return AccessDecision::allow();
    return AccessDecision::forbidden(QCoreApplication::translate(
        "Core", "A case can only be assigned to an active clerk or team lead of its team. Choose someone else."));
}

AccessDecision mayAssign(const AccessScope &scope, const CaseAccessFacts &facts, CaseAccess access,
                         const QJsonObject &args, const AccessPolicy::UserLookup &users)
{
    if (access == CaseAccess::None)
        return AccessDecision::notVisible();
    const QUuid newAssignee = uuidArg(args, QLatin1String("assignee"));
    if (leadsTeam(scope, facts.teamId))
        return newAssignee.isNull() ? AccessDecision::allow() : checkAssignee(facts.teamId, newAssignee, users);
    // Anyone may hand back a case they were given, so it goes to the team queue again.
    if (access == CaseAccess::Write && newAssignee.isNull() && facts.assigneeId == scope.userId())
        return AccessDecision::allow();
    return access == CaseAccess::Write ? onlyTeamLeadAssigns() : denyByAccess(scope, facts, access);
}

AccessDecision mayClaim(const AccessScope &scope, const CaseAccessFacts &facts, CaseAccess access,
                        const QJsonObject &args)
{
    if (access != CaseAccess::Write)
        return denyByAccess(scope, facts, access);
    if (!scope.writableTeamIds().contains(facts.teamId))
        return AccessDecision::forbidden(QCoreApplication::translate(
            "Core", "You can only claim cases of your own team. Ask the team lead of the case's team."));
    if (!uuidArg(args, QLatin1String("expected")).isNull())
        return AccessDecision::forbidden(QCoreApplication::translate(
            "Core", "Only unassigned cases can be claimed. Ask your team lead to reassign this case."));
    return AccessDecision::allow();
}

AccessDecision mayCreate(const AccessScope &scope, const CaseAccessFacts &facts, const AccessPolicy::UserLookup &users)
{
    if (AccessDecision team = AccessPolicy::mayCreateCase(scope, facts.teamId); !team.allowed())
        return team;
    if (facts.assigneeId.isNull())
        return AccessDecision::allow();
    if (leadsTeam(scope, facts.teamId))
        return checkAssignee(facts.teamId, facts.assigneeId, users);
    if (facts.assigneeId == scope.userId() && scope.writableTeamIds().contains(facts.teamId))
        return AccessDecision::allow();
    return onlyTeamLeadAssigns();
}

// The responsible team ends any consultation; a consulted team ends its own, once it has given its statement
// (Stellungnahme), and with it loses the case from its scope.
AccessDecision mayEndConsultation(const AccessScope &scope, const CaseAccessFacts &facts, CaseAccess access,
                                  const QJsonObject &args)
{
    if (access == CaseAccess::Write)
        return AccessDecision::allow();
    if (access != CaseAccess::Read || !isConsulted(scope, facts))
        return denyByAccess(scope, facts, access);
    const QUuid team = uuidArg(args, QLatin1String("team"));
    if (scope.consultingTeamIds().contains(team) && facts.openConsultationTeamIds.contains(team))
        return AccessDecision::allow();
    return AccessDecision::forbidden(QCoreApplication::translate(
        "Core", "Your team can end only its own consultation. Ask the responsible team to end the others."));
}

AccessDecision maySetDeputy(const AccessScope &scope, const QJsonObject &args, const AccessPolicy::UserLookup &users)
{
    const QUuid absentId = uuidArg(args, QLatin1String("user"));
    const std::optional<User> absent = users && !absentId.isNull() ? users(absentId) : std::nullopt;
    const bool mayChoose =
        absent && absent->id == absentId &&
        (scope.hasRole(Role::Administrator) || (absentId == scope.userId() && !scope.roles().isEmpty()) ||
         (scope.hasRole(Role::TeamLead) && intersects(scope.memberTeamIds(), absent->teamIds)));
    if (!mayChoose)
        return AccessDecision::forbidden(QCoreApplication::translate(
            "Core", "You can set a deputy only for yourself or, as team lead, for members of your team. Ask your "
                    "team lead."));

    const QUuid deputyId = uuidArg(args, QLatin1String("deputy"));
    if (deputyId.isNull())
        return AccessDecision::allow(); // ends the deputyship
    const std::optional<User> deputy = deputyId != absentId ? users(deputyId) : std::nullopt;
    if (deputy && deputy->id == deputyId && deputy->active &&
        (deputy->hasRole(Role::Clerk) || deputy->hasRole(Role::TeamLead)) &&
        intersects(deputy->teamIds, absent->teamIds))
        return AccessDecision::allow();
    return AccessDecision::forbidden(QCoreApplication::translate(
        "Core", "A deputy must be an active clerk or team lead of a team of the absent person. Choose someone "
                "else."));
}

} // namespace

CaseAccess AccessPolicy::caseAccess(const AccessScope &scope, const CaseAccessFacts &facts)
{
    if (scope.writableTeamIds().contains(facts.teamId) || scope.assigneeIds().contains(facts.assigneeId))
        return CaseAccess::Write;
    if (scope.readableTeamIds().contains(facts.teamId) || isConsulted(scope, facts))
        return CaseAccess::Read;
    if (scope.filesEveryCase())
        return CaseAccess::FileOnly;
    return CaseAccess::None;
}

AccessDecision AccessPolicy::mayRead(const AccessScope &scope, const CaseAccessFacts &facts)
{
    const CaseAccess access = caseAccess(scope, facts);
    if (access == CaseAccess::Read || access == CaseAccess::Write)
        return AccessDecision::allow();
    if (access == CaseAccess::FileOnly)
        return AccessDecision::forbidden(QCoreApplication::translate(
            "Core", "The mailroom can find this case and file documents into it, but not read it. Ask the "
                    "responsible team for its contents."));
    return AccessDecision::notVisible();
}

AccessDecision AccessPolicy::mayRun(const AccessScope &scope, const CaseAccessFacts &facts, CommandName name,
                                    const QJsonObject &args, const UserLookup &users)
{
    if (name == CommandName::CreateCase)
        return mayCreate(scope, facts, users);
    if (name == CommandName::SetDeputy)
        return maySetDeputy(scope, args, users);

    const CaseAccess access = caseAccess(scope, facts);
    bool allowed = access == CaseAccess::Write;
    switch (name) {
    case CommandName::Assign:
        return mayAssign(scope, facts, access, args, users);
    case CommandName::Claim:
        return mayClaim(scope, facts, access, args);
    case CommandName::EndConsultation:
        return mayEndConsultation(scope, facts, access, args);
    case CommandName::AddNote:
    case CommandName::CompleteTask:
        allowed = allowed || (access == CaseAccess::Read && isConsulted(scope, facts));
        break;
    case CommandName::AttachDocument:
        allowed = allowed || scope.filesEveryCase();
        break;
    case CommandName::SetFields:
    case CommandName::SetFollowUp:
    case CommandName::UpdateDocumentMeta:
    case CommandName::RequestConsultation:
    case CommandName::CreateCase: // handled above
    case CommandName::SetDeputy:  // handled above
        break;
    }
    return allowed ? AccessDecision::allow() : denyByAccess(scope, facts, access);
}

AccessDecision AccessPolicy::mayRun(const AccessScope &scope, const CaseAccessFacts &facts, const QString &name,
                                    const QJsonObject &args, const UserLookup &users)
{
    CommandName known = CommandName::SetFields;
    if (commandNameFromString(name, &known))
        return mayRun(scope, facts, known, args, users);
    if (caseAccess(scope, facts) == CaseAccess::None)
        return AccessDecision::notVisible();
    return AccessDecision::forbidden(
        QCoreApplication::translate("Core", "The command “%1” is unknown. Update CaseDesk and try again.").arg(name));
}

AccessDecision AccessPolicy::mayCreateCase(const AccessScope &scope, const QUuid &teamId)
{
    if (!teamId.isNull() && (scope.filesEveryCase() || scope.writableTeamIds().contains(teamId)))
        return AccessDecision::allow();
    return AccessDecision::forbidden(QCoreApplication::translate(
        "Core", "You cannot create cases for this team. Choose one of your teams, or ask the mailroom to open the "
                "case."));
}

} // namespace casedesk
