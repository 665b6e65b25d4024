// The people, teams, deputyships and case situations the permission policy's tests decide on, and how they
// write decisions down ('+' allowed, 'f' forbidden, 'n' not visible). Shared by tst_accesspolicy (the matrix and
// the scope) and tst_accesspolicyarguments (what a command's arguments may ask for).
#pragma once

#include "core/AccessPolicy.h"
#include "core/Case.h"
#include "core/Uuid.h"
#include "mock/MockClock.h"

namespace casedesk::test::policy {

inline QUuid id(int n)
{
    return QUuid::fromString(QStringLiteral("0190f5c2-0000-7000-8000-%1").arg(n, 12, 10, QLatin1Char('0')));
}

inline const QUuid teamA = id(1); // the user's own team
inline const QUuid teamB = id(2); // another team
inline const QUuid teamC = id(3); // a third team, consulted on some cases
inline const QUuid me = id(10);
inline const QUuid colleagueA = id(11);   // clerk of team A
inline const QUuid colleague2A = id(12);  // clerk of team A
inline const QUuid auditorA = id(13);     // auditor of team A
inline const QUuid inactiveA = id(14);    // disabled clerk of team A
inline const QUuid otherB = id(20);       // clerk of team B
inline const QUuid clerk2B = id(21);      // clerk of team B
inline const QUuid absentActive = id(22); // clerk of team B, me as deputy now
inline const QUuid absentFuture = id(23); // clerk of team B, me as deputy from tomorrow
inline const QUuid absentPast = id(24);   // clerk of team B, me as deputy until yesterday
inline const QUuid unknownUser = id(99);

// Monday 2 March 2026, 10:00 in Berlin.
inline const QDateTime nowUtc(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

inline const QList<Deputyship> deputyships{
    {absentActive, me, QDate(2026, 2, 27), QDate(2026, 3, 6)},
    {absentFuture, me, QDate(2026, 3, 3), QDate(2026, 3, 10)},
    {absentPast, me, QDate(2026, 2, 20), QDate(2026, 3, 1)},
    {otherB, colleagueA, QDate(2026, 2, 1), QDate()}, // someone else's deputyship
};

inline QList<Role> parseRoles(const QString &text)
{
    QList<Role> roles;
    for (const QString &key : text.split(QLatin1Char('+'), Qt::SkipEmptyParts)) {
        Role role = Role::Clerk;
        if (!roleFromString(key, &role))
            qFatal("unknown role in test table");
        roles.append(role);
    }
    return roles;
}

inline User makeUser(const QUuid &userId, const QList<Role> &roles, const QList<QUuid> &teams, bool active = true)
{
    User user;
    user.id = userId;
    user.login = uuidToString(userId);
    user.roles = roles;
    user.teamIds = teams;
    user.active = active;
    return user;
}

inline AccessScope scopeOf(const QString &roles, bool active = true)
{
    const test::MockClock clock(nowUtc);
    return AccessScope::forUser(makeUser(me, parseRoles(roles), {teamA}, active), deputyships, clock);
}

// The user directory the policy looks names up in; `me` with the roles of the scope under test.
inline AccessPolicy::UserLookup directory(const QList<Role> &myRoles)
{
    return [myRoles](const QUuid &userId) -> std::optional<User> {
        const QList<Role> clerk{Role::Clerk};
        const QList<User> users{
            makeUser(me, myRoles, {teamA}),
            makeUser(colleagueA, clerk, {teamA}),
            makeUser(colleague2A, clerk, {teamA}),
            makeUser(auditorA, {Role::Auditor}, {teamA}),
            makeUser(inactiveA, clerk, {teamA}, false),
            makeUser(otherB, clerk, {teamB}),
            makeUser(clerk2B, clerk, {teamB}),
            makeUser(absentActive, clerk, {teamB}),
            makeUser(absentFuture, clerk, {teamB}),
            makeUser(absentPast, clerk, {teamB}),
        };
        for (const User &user : users) {
            if (user.id == userId)
                return user;
        }
        return std::nullopt;
    };
}

inline CaseAccessFacts situation(const QString &name)
{
    if (name == QLatin1String("ownTeam"))
        return {teamA, colleagueA, {}};
    if (name == QLatin1String("otherTeam"))
        return {teamB, otherB, {}};
    if (name == QLatin1String("assignedToMe"))
        return {teamB, me, {}};
    if (name == QLatin1String("deputyActive"))
        return {teamB, absentActive, {}};
    if (name == QLatin1String("deputyNotStarted"))
        return {teamB, absentFuture, {}};
    if (name == QLatin1String("deputyExpired"))
        return {teamB, absentPast, {}};
    if (name == QLatin1String("consultationOpen"))
        return {teamB, otherB, {teamA}};
    if (name == QLatin1String("consultationEnded")) // team A's consultation ended, team C's still runs
        return {teamB, otherB, {teamC}};
    qFatal("unknown situation in test table");
}

inline QJsonObject assignArgs(const QUuid &expected, const QUuid &assignee)
{
    return {{QStringLiteral("expected"), uuidToString(expected)}, {QStringLiteral("assignee"), uuidToString(assignee)}};
}

inline QJsonObject claimArgs(const QUuid &expected)
{
    return {{QStringLiteral("expected"), uuidToString(expected)}};
}

inline QJsonObject deputyArgs(const QUuid &user, const QUuid &deputy)
{
    return {{QStringLiteral("user"), uuidToString(user)}, {QStringLiteral("deputy"), uuidToString(deputy)}};
}

// '+' allowed, 'f' forbidden (403), 'n' not visible (404).
inline char code(const AccessDecision &decision)
{
    switch (decision.outcome) {
    case AccessDecision::Outcome::Allowed:
        return '+';
    case AccessDecision::Outcome::Forbidden:
        return 'f';
    case AccessDecision::Outcome::NotVisible:
        return 'n';
    }
    return '?';
}

inline char code(CaseAccess access)
{
    switch (access) {
    case CaseAccess::None:
        return 'N';
    case CaseAccess::FileOnly:
        return 'F';
    case CaseAccess::Read:
        return 'R';
    case CaseAccess::Write:
        return 'W';
    }
    return '?';
}

// The columns of the matrix, in the order of the expected strings (after the access letter).
inline const QList<CommandName> matrixCommands{
    CommandName::SetFields,           CommandName::SetFollowUp, CommandName::UpdateDocumentMeta,
    CommandName::RequestConsultation, CommandName::AddNote,     CommandName::CompleteTask,
    CommandName::AttachDocument,      CommandName::Claim,       CommandName::Assign,
};

} // namespace casedesk::test::policy
