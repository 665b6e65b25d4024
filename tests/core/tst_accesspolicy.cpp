// The permission policy: the full matrix of roles x commands x the routes by which a user reaches a case
// (own team, other team, assigned, deputy active / not yet / expired, consultation open / ended, mailroom),
// the scope as data, assignment targets, createCase, setDeputy and unknown commands. Expected values are
// written out from the matrix documented in core/AccessPolicy.h.
#include "core/AccessPolicy.h"
#include "core/Case.h"
#include "core/Uuid.h"
#include "mock/MockClock.h"

#include <QTest>

using namespace casedesk;

namespace {

QUuid id(int n)
{
    return QUuid::fromString(QStringLiteral("0190f5c2-0000-7000-8000-%1").arg(n, 12, 10, QLatin1Char('0')));
}

const QUuid teamA = id(1); // the user's own team
const QUuid teamB = id(2); // another team
const QUuid teamC = id(3); // a third team, consulted on some cases
const QUuid me = id(10);
const QUuid colleagueA = id(11);   // clerk of team A
const QUuid colleague2A = id(12);  // clerk of team A
const QUuid auditorA = id(13);     // auditor of team A
const QUuid inactiveA = id(14);    // disabled clerk of team A
const QUuid otherB = id(20);       // clerk of team B
const QUuid clerk2B = id(21);      // clerk of team B
const QUuid absentActive = id(22); // clerk of team B, me as deputy now
const QUuid absentFuture = id(23); // clerk of team B, me as deputy from tomorrow
const QUuid absentPast = id(24);   // clerk of team B, me as deputy until yesterday
const QUuid unknownUser = id(99);

// Monday 2 March 2026, 10:00 in Berlin.
const QDateTime nowUtc(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

const QList<Deputyship> deputyships{
    {absentActive, me, QDate(2026, 2, 27), QDate(2026, 3, 6)},
    {absentFuture, me, QDate(2026, 3, 3), QDate(2026, 3, 10)},
    {absentPast, me, QDate(2026, 2, 20), QDate(2026, 3, 1)},
    {otherB, colleagueA, QDate(2026, 2, 1), QDate()}, // someone else's deputyship
};

QList<Role> parseRoles(const QString &text)
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

User makeUser(const QUuid &userId, const QList<Role> &roles, const QList<QUuid> &teams, bool active = true)
{
    User user;
    user.id = userId;
    user.login = uuidToString(userId);
    user.roles = roles;
    user.teamIds = teams;
    user.active = active;
    return user;
}

AccessScope scopeOf(const QString &roles, bool active = true)
{
    const test::MockClock clock(nowUtc);
    return AccessScope::forUser(makeUser(me, parseRoles(roles), {teamA}, active), deputyships, clock);
}

// The user directory the policy looks names up in; `me` with the roles of the scope under test.
AccessPolicy::UserLookup directory(const QList<Role> &myRoles)
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

CaseAccessFacts situation(const QString &name)
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

QJsonObject assignArgs(const QUuid &expected, const QUuid &assignee)
{
    return {{QStringLiteral("expected"), uuidToString(expected)}, {QStringLiteral("assignee"), uuidToString(assignee)}};
}

QJsonObject claimArgs(const QUuid &expected)
{
    return {{QStringLiteral("expected"), uuidToString(expected)}};
}

QJsonObject deputyArgs(const QUuid &user, const QUuid &deputy)
{
    return {{QStringLiteral("user"), uuidToString(user)}, {QStringLiteral("deputy"), uuidToString(deputy)}};
}

// '+' allowed, 'f' forbidden (403), 'n' not visible (404).
char code(const AccessDecision &decision)
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

char code(CaseAccess access)
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
const QList<CommandName> matrixCommands{
    CommandName::SetFields,           CommandName::SetFollowUp, CommandName::UpdateDocumentMeta,
    CommandName::RequestConsultation, CommandName::AddNote,     CommandName::CompleteTask,
    CommandName::AttachDocument,      CommandName::Claim,       CommandName::Assign,
};

} // namespace

class TestAccessPolicy : public QObject {
    Q_OBJECT

private slots:
    void matrix_data();
    void matrix();
    void scopeLists_data();
    void scopeLists();
    void deputyshipDates_data();
    void deputyshipDates();
    void scopeIgnoresOthersAndNullIds();
    void assignTargets_data();
    void assignTargets();
    void claimExpectation_data();
    void claimExpectation();
    void createCase_data();
    void createCase();
    void setDeputy_data();
    void setDeputy();
    void withoutUserLookup();
    void unknownCommand_data();
    void unknownCommand();
    void decisionAsError();
    void endConsultation_data();
    void endConsultation();
};

void TestAccessPolicy::matrix_data()
{
    QTest::addColumn<QString>("roles");
    QTest::addColumn<bool>("active");
    QTest::addColumn<QString>("where");
    // access letter, then: read, setFields, setFollowUp, updateDocumentMeta, requestConsultation, addNote,
    // completeTask, attachDocument, claim ({"expected": ""}), assign (to a clerk of the case's team).
    QTest::addColumn<QString>("expected");

    const QStringList situations{QStringLiteral("ownTeam"),          QStringLiteral("otherTeam"),
                                 QStringLiteral("assignedToMe"),     QStringLiteral("deputyActive"),
                                 QStringLiteral("deputyNotStarted"), QStringLiteral("deputyExpired"),
                                 QStringLiteral("consultationOpen"), QStringLiteral("consultationEnded")};
    const char *const none = "Nnnnnnnnnnn";
    const char *const fileOnly = "Ffffffff+ff";
    struct Block {
        const char *roles;
        bool active;
        const char *expected[8]; // per situation, in the order above
    };
    const Block blocks[] = {
        {"clerk", true, {"W+++++++++f", none, "W++++++++ff", "W++++++++ff", none, none, "R+ffff++fff", none}},
        {"teamLead", true, {"W++++++++++", none, "W++++++++ff", "W++++++++ff", none, none, "R+ffff++fff", none}},
        {"auditor", true, {"R+fffffffff", none, none, none, none, none, none, none}},
        {"mailroom", true, {fileOnly, fileOnly, fileOnly, fileOnly, fileOnly, fileOnly, fileOnly, fileOnly}},
        {"administrator", true, {none, none, none, none, none, none, none, none}},
        {"", true, {none, none, none, none, none, none, none, none}},
        {"clerk", false, {none, none, none, none, none, none, none, none}},
        {"clerk+mailroom",
         true,
         {"W+++++++++f", fileOnly, "W++++++++ff", "W++++++++ff", fileOnly, fileOnly, "R+ffff+++ff", fileOnly}},
        {"auditor+mailroom",
         true,
         {"R+ffffff+ff", fileOnly, fileOnly, fileOnly, fileOnly, fileOnly, fileOnly, fileOnly}},
        {"administrator+teamLead",
         true,
         {"W++++++++++", none, "W++++++++ff", "W++++++++ff", none, none, "R+ffff++fff", none}},
        {"auditor+clerk", true, {"W+++++++++f", none, "W++++++++ff", "W++++++++ff", none, none, "R+ffff++fff", none}},
    };
    for (const Block &block : blocks) {
        for (int i = 0; i < situations.size(); ++i) {
            const QString roles = QLatin1String(block.roles);
            QTest::addRow("%s%s/%s", roles.isEmpty() ? "noRole" : block.roles, block.active ? "" : "(disabled)",
                          qPrintable(situations[i]))
                << roles << block.active << situations[i] << QString::fromLatin1(block.expected[i]);
        }
    }
}

void TestAccessPolicy::matrix()
{
    QFETCH(QString, roles);
    QFETCH(bool, active);
    QFETCH(QString, where);
    QFETCH(QString, expected);
    QCOMPARE(expected.size(), 1 + 1 + matrixCommands.size());

    const AccessScope scope = scopeOf(roles, active);
    const CaseAccessFacts facts = situation(where);
    const QUuid clerkOfCaseTeam = facts.teamId == teamA ? colleague2A : clerk2B;
    const auto users = directory(parseRoles(roles));

    QString actual(1, QLatin1Char(code(AccessPolicy::caseAccess(scope, facts))));
    QList<AccessDecision> decisions{AccessPolicy::mayRead(scope, facts)};
    for (CommandName name : matrixCommands) {
        QJsonObject args;
        if (name == CommandName::Assign)
            args = assignArgs(facts.assigneeId, clerkOfCaseTeam);
        else if (name == CommandName::Claim)
            args = claimArgs(QUuid());
        const AccessDecision decision = AccessPolicy::mayRun(scope, facts, name, args, users);
        // The wire name gives the same answer as the enum.
        QCOMPARE(AccessPolicy::mayRun(scope, facts, commandNameToString(name), args, users), decision);
        decisions.append(decision);
    }
    for (const AccessDecision &decision : decisions) {
        actual.append(QLatin1Char(code(decision)));
        if (decision.outcome == AccessDecision::Outcome::NotVisible) // word for word what a missing case says
            QCOMPARE(decision, AccessDecision::notVisible());
        QCOMPARE(decision.reason.isEmpty(), decision.allowed());
    }
    QCOMPARE(actual, expected);
}

void TestAccessPolicy::scopeLists_data()
{
    QTest::addColumn<QString>("roles");
    QTest::addColumn<bool>("active");
    QTest::addColumn<QList<QUuid>>("writableTeams");
    QTest::addColumn<QList<QUuid>>("readableTeams");
    QTest::addColumn<QList<QUuid>>("assignees");
    QTest::addColumn<QList<QUuid>>("consultingTeams");
    QTest::addColumn<bool>("filesEveryCase");

    const QList<QUuid> nothing;
    const QList<QUuid> a{teamA};
    const QList<QUuid> meAndAbsent{me, absentActive};
    QTest::newRow("clerk") << QStringLiteral("clerk") << true << a << a << meAndAbsent << a << false;
    QTest::newRow("teamLead") << QStringLiteral("teamLead") << true << a << a << meAndAbsent << a << false;
    QTest::newRow("auditor") << QStringLiteral("auditor") << true << nothing << a << nothing << nothing << false;
    QTest::newRow("mailroom") << QStringLiteral("mailroom") << true << nothing << nothing << nothing << nothing << true;
    QTest::newRow("administrator") << QStringLiteral("administrator") << true << nothing << nothing << nothing
                                   << nothing << false;
    QTest::newRow("noRole") << QString() << true << nothing << nothing << nothing << nothing << false;
    QTest::newRow("disabled clerk") << QStringLiteral("clerk") << false << nothing << nothing << nothing << nothing
                                    << false;
    QTest::newRow("clerk+auditor+mailroom")
        << QStringLiteral("clerk+auditor+mailroom") << true << a << a << meAndAbsent << a << true;
}

void TestAccessPolicy::scopeLists()
{
    QFETCH(QString, roles);
    QFETCH(bool, active);
    QFETCH(QList<QUuid>, writableTeams);
    QFETCH(QList<QUuid>, readableTeams);
    QFETCH(QList<QUuid>, assignees);
    QFETCH(QList<QUuid>, consultingTeams);
    QFETCH(bool, filesEveryCase);

    const AccessScope scope = scopeOf(roles, active);
    QCOMPARE(scope.userId(), me);
    QCOMPARE(scope.writableTeamIds(), writableTeams);
    QCOMPARE(scope.readableTeamIds(), readableTeams);
    QCOMPARE(scope.assigneeIds(), assignees);
    QCOMPARE(scope.consultingTeamIds(), consultingTeams);
    QCOMPARE(scope.filesEveryCase(), filesEveryCase);
}

void TestAccessPolicy::deputyshipDates_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("until");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("runs");

    QTest::newRow("running") << QDate(2026, 2, 27) << QDate(2026, 3, 6) << nowUtc << true;
    QTest::newRow("starts today") << QDate(2026, 3, 2) << QDate(2026, 3, 5) << nowUtc << true;
    QTest::newRow("ends today") << QDate(2026, 2, 20) << QDate(2026, 3, 2) << nowUtc << true;
    QTest::newRow("starts tomorrow") << QDate(2026, 3, 3) << QDate(2026, 3, 5) << nowUtc << false;
    QTest::newRow("ended yesterday") << QDate(2026, 2, 20) << QDate(2026, 3, 1) << nowUtc << false;
    QTest::newRow("open start") << QDate() << QDate(2026, 3, 2) << nowUtc << true;
    QTest::newRow("open end") << QDate(2026, 3, 1) << QDate() << nowUtc << true;
    QTest::newRow("open both") << QDate() << QDate() << nowUtc << true;
    // Europe/Berlin decides the day, not UTC: 23:30 UTC on 1 March is already 2 March in Berlin.
    const QDateTime lateWinter(QDate(2026, 3, 1), QTime(23, 30), Qt::UTC);
    const QDateTime beforeMidnightWinter(QDate(2026, 3, 1), QTime(22, 30), Qt::UTC);
    QTest::newRow("Berlin past midnight, starts") << QDate(2026, 3, 2) << QDate() << lateWinter << true;
    QTest::newRow("Berlin past midnight, ended") << QDate() << QDate(2026, 3, 1) << lateWinter << false;
    QTest::newRow("Berlin before midnight") << QDate() << QDate(2026, 3, 1) << beforeMidnightWinter << true;
    // Summer time (UTC+2): 22:30 UTC on 1 July is 00:30 on 2 July.
    QTest::newRow("Berlin summer time") << QDate(2026, 7, 2) << QDate()
                                        << QDateTime(QDate(2026, 7, 1), QTime(22, 30), Qt::UTC) << true;
}

void TestAccessPolicy::deputyshipDates()
{
    QFETCH(QDate, from);
    QFETCH(QDate, until);
    QFETCH(QDateTime, now);
    QFETCH(bool, runs);

    const test::MockClock clock(now);
    const AccessScope scope =
        AccessScope::forUser(makeUser(me, {Role::Clerk}, {teamA}), {Deputyship{absentActive, me, from, until}}, clock);
    QCOMPARE(scope.deputisedUserIds().contains(absentActive), runs);
    const CaseAccessFacts absentsCase{teamB, absentActive, {}};
    QCOMPARE(AccessPolicy::caseAccess(scope, absentsCase), runs ? CaseAccess::Write : CaseAccess::None);
}

void TestAccessPolicy::scopeIgnoresOthersAndNullIds()
{
    const test::MockClock clock(nowUtc);
    const User user = makeUser(me, {Role::Clerk, Role::Clerk}, {teamA, QUuid(), teamA});
    const QList<Deputyship> all{
        {absentActive, me, QDate(), QDate()},
        {absentActive, me, QDate(2026, 3, 1), QDate()}, // the same person twice
        {me, colleagueA, QDate(), QDate()},             // I am the absent one: gives me nothing
        {me, me, QDate(), QDate()},                     // nonsense, ignored
        {otherB, colleagueA, QDate(), QDate()},         // someone else's
        {QUuid(), me, QDate(), QDate()},                // broken row
    };
    const AccessScope scope = AccessScope::forUser(user, all, clock);
    QCOMPARE(scope.roles(), QList<Role>{Role::Clerk});
    QCOMPARE(scope.memberTeamIds(), QList<QUuid>{teamA});
    QCOMPARE(scope.deputisedUserIds(), QList<QUuid>{absentActive});
    // A case without team or assignee never matches by accident.
    QCOMPARE(AccessPolicy::caseAccess(scope, CaseAccessFacts{}), CaseAccess::None);
    QCOMPARE(AccessPolicy::mayRead(scope, CaseAccessFacts{QUuid(), QUuid(), {QUuid()}}), AccessDecision::notVisible());

    // A user without an id gets the empty scope whatever the roles say.
    const AccessScope nobody = AccessScope::forUser(makeUser(QUuid(), {Role::Clerk}, {teamA}), all, clock);
    QCOMPARE(nobody, AccessScope());
    QCOMPARE(AccessPolicy::caseAccess(nobody, CaseAccessFacts{teamA, QUuid(), {}}), CaseAccess::None);
}

void TestAccessPolicy::assignTargets_data()
{
    QTest::addColumn<QString>("roles");
    QTest::addColumn<QUuid>("teamId");
    QTest::addColumn<QUuid>("current");
    QTest::addColumn<QUuid>("target");
    QTest::addColumn<QString>("expected");

    const QString lead = QStringLiteral("teamLead");
    const QString clerk = QStringLiteral("clerk");
    QTest::newRow("lead: to a clerk of the team") << lead << teamA << colleagueA << colleague2A << "+";
    QTest::newRow("lead: to themselves") << lead << teamA << colleagueA << me << "+";
    QTest::newRow("lead: back to the queue") << lead << teamA << colleagueA << QUuid() << "+";
    QTest::newRow("lead: an unassigned case") << lead << teamA << QUuid() << colleagueA << "+";
    QTest::newRow("lead: to an auditor") << lead << teamA << colleagueA << auditorA << "f";
    QTest::newRow("lead: to a disabled clerk") << lead << teamA << colleagueA << inactiveA << "f";
    QTest::newRow("lead: to another team's clerk") << lead << teamA << colleagueA << otherB << "f";
    QTest::newRow("lead: to an unknown user") << lead << teamA << colleagueA << unknownUser << "f";
    QTest::newRow("lead: hands back own case of other team") << lead << teamB << me << QUuid() << "+";
    QTest::newRow("lead: hands back deputised case") << lead << teamB << absentActive << QUuid() << "f";
    QTest::newRow("lead: other team's case") << lead << teamB << otherB << clerk2B << "n";
    QTest::newRow("clerk: hands back own case") << clerk << teamA << me << QUuid() << "+";
    QTest::newRow("clerk: passes own case on") << clerk << teamA << me << colleagueA << "f";
    QTest::newRow("clerk: a colleague's case to the queue") << clerk << teamA << colleagueA << QUuid() << "f";
    QTest::newRow("clerk: unassigned case to themselves") << clerk << teamA << QUuid() << me << "f";
    QTest::newRow("clerk: hands back own case of other team") << clerk << teamB << me << QUuid() << "+";
    QTest::newRow("clerk: hands back deputised case") << clerk << teamB << absentActive << QUuid() << "f";
    QTest::newRow("clerk: other team's case") << clerk << teamB << otherB << QUuid() << "n";
    QTest::newRow("auditor: own team's case") << QStringLiteral("auditor") << teamA << colleagueA << QUuid() << "f";
    QTest::newRow("mailroom") << QStringLiteral("mailroom") << teamA << colleagueA << QUuid() << "f";
}

void TestAccessPolicy::assignTargets()
{
    QFETCH(QString, roles);
    QFETCH(QUuid, teamId);
    QFETCH(QUuid, current);
    QFETCH(QUuid, target);
    QFETCH(QString, expected);

    const AccessDecision decision =
        AccessPolicy::mayRun(scopeOf(roles), CaseAccessFacts{teamId, current, {}}, CommandName::Assign,
                             assignArgs(current, target), directory(parseRoles(roles)));
    QCOMPARE(QString(QLatin1Char(code(decision))), expected);
}

void TestAccessPolicy::claimExpectation_data()
{
    QTest::addColumn<QString>("roles");
    QTest::addColumn<QUuid>("teamId");
    QTest::addColumn<QUuid>("current");
    QTest::addColumn<QUuid>("expectedAssignee");
    QTest::addColumn<QString>("expected");

    QTest::newRow("clerk: unassigned") << QStringLiteral("clerk") << teamA << QUuid() << QUuid() << "+";
    QTest::newRow("clerk: from a colleague") << QStringLiteral("clerk") << teamA << colleagueA << colleagueA << "f";
    QTest::newRow("lead: from a colleague") << QStringLiteral("teamLead") << teamA << colleagueA << colleagueA << "f";
    QTest::newRow("clerk: own case of other team") << QStringLiteral("clerk") << teamB << me << me << "f";
    QTest::newRow("clerk: other team unassigned") << QStringLiteral("clerk") << teamB << QUuid() << QUuid() << "n";
    QTest::newRow("mailroom: unassigned") << QStringLiteral("mailroom") << teamA << QUuid() << QUuid() << "f";
}

void TestAccessPolicy::claimExpectation()
{
    QFETCH(QString, roles);
    QFETCH(QUuid, teamId);
    QFETCH(QUuid, current);
    QFETCH(QUuid, expectedAssignee);
    QFETCH(QString, expected);

    const AccessDecision decision = AccessPolicy::mayRun(scopeOf(roles), CaseAccessFacts{teamId, current, {}},
                                                         CommandName::Claim, claimArgs(expectedAssignee));
    QCOMPARE(QString(QLatin1Char(code(decision))), expected);
}

void TestAccessPolicy::createCase_data()
{
    QTest::addColumn<QString>("roles");
    QTest::addColumn<QUuid>("teamId");
    QTest::addColumn<QUuid>("assignee");
    QTest::addColumn<QString>("expected");

    const QString clerk = QStringLiteral("clerk");
    const QString lead = QStringLiteral("teamLead");
    const QString mailroom = QStringLiteral("mailroom");
    QTest::newRow("clerk: own team, unassigned") << clerk << teamA << QUuid() << "+";
    QTest::newRow("clerk: own team, to themselves") << clerk << teamA << me << "+";
    QTest::newRow("clerk: own team, to a colleague") << clerk << teamA << colleague2A << "f";
    QTest::newRow("clerk: other team") << clerk << teamB << QUuid() << "f";
    QTest::newRow("clerk: no team") << clerk << QUuid() << QUuid() << "f";
    QTest::newRow("lead: own team, to a clerk") << lead << teamA << colleague2A << "+";
    QTest::newRow("lead: own team, to themselves") << lead << teamA << me << "+";
    QTest::newRow("lead: own team, to an auditor") << lead << teamA << auditorA << "f";
    QTest::newRow("lead: own team, to another team's clerk") << lead << teamA << otherB << "f";
    QTest::newRow("lead: other team") << lead << teamB << QUuid() << "f";
    QTest::newRow("mailroom: any team") << mailroom << teamB << QUuid() << "+";
    QTest::newRow("mailroom: its own team") << mailroom << teamA << QUuid() << "+";
    QTest::newRow("mailroom: assigned to a clerk") << mailroom << teamB << otherB << "f";
    QTest::newRow("mailroom: assigned to themselves") << mailroom << teamB << me << "f";
    QTest::newRow("mailroom: no team") << mailroom << QUuid() << QUuid() << "f";
    QTest::newRow("auditor") << QStringLiteral("auditor") << teamA << QUuid() << "f";
    QTest::newRow("administrator") << QStringLiteral("administrator") << teamA << QUuid() << "f";
    QTest::newRow("noRole") << QString() << teamA << QUuid() << "f";
    QTest::newRow("clerk+mailroom: other team") << QStringLiteral("clerk+mailroom") << teamB << QUuid() << "+";
    QTest::newRow("clerk+mailroom: other team, to themselves")
        << QStringLiteral("clerk+mailroom") << teamB << me << "f";
    QTest::newRow("clerk+mailroom: own team, to themselves") << QStringLiteral("clerk+mailroom") << teamA << me << "+";
}

void TestAccessPolicy::createCase()
{
    QFETCH(QString, roles);
    QFETCH(QUuid, teamId);
    QFETCH(QUuid, assignee);
    QFETCH(QString, expected);

    Case newCase;
    newCase.id = id(500);
    newCase.teamId = teamId;
    newCase.assigneeId = assignee;
    const CaseAccessFacts facts = CaseAccessFacts::of(newCase);
    QCOMPARE(facts, (CaseAccessFacts{teamId, assignee, {}}));

    const AccessScope scope = scopeOf(roles);
    const AccessDecision decision =
        AccessPolicy::mayRun(scope, facts, CommandName::CreateCase, {}, directory(parseRoles(roles)));
    QCOMPARE(QString(QLatin1Char(code(decision))), expected);
    // Creating is a question of the team, never of visibility: nothing exists yet that could be hidden.
    QVERIFY(decision.outcome != AccessDecision::Outcome::NotVisible);
    if (assignee.isNull())
        QCOMPARE(AccessPolicy::mayCreateCase(scope, teamId), decision);
}

void TestAccessPolicy::setDeputy_data()
{
    QTest::addColumn<QString>("roles");
    QTest::addColumn<QUuid>("absent");
    QTest::addColumn<QUuid>("deputy");
    QTest::addColumn<QString>("expected");

    const QString clerk = QStringLiteral("clerk");
    const QString lead = QStringLiteral("teamLead");
    const QString admin = QStringLiteral("administrator");
    QTest::newRow("clerk: for themselves") << clerk << me << colleagueA << "+";
    QTest::newRow("clerk: ends own deputyship") << clerk << me << QUuid() << "+";
    QTest::newRow("clerk: for a colleague") << clerk << colleagueA << colleague2A << "f";
    QTest::newRow("clerk: ends a colleague's deputyship") << clerk << colleagueA << QUuid() << "f";
    QTest::newRow("clerk: deputy from another team") << clerk << me << otherB << "f";
    QTest::newRow("clerk: themselves as deputy") << clerk << me << me << "f";
    QTest::newRow("clerk: disabled deputy") << clerk << me << inactiveA << "f";
    QTest::newRow("clerk: auditor as deputy") << clerk << me << auditorA << "f";
    QTest::newRow("clerk: unknown deputy") << clerk << me << unknownUser << "f";
    QTest::newRow("lead: for a member") << lead << colleagueA << colleague2A << "+";
    QTest::newRow("lead: for another team's member") << lead << otherB << clerk2B << "f";
    QTest::newRow("lead: for an unknown user") << lead << unknownUser << colleagueA << "f";
    QTest::newRow("lead: for nobody") << lead << QUuid() << colleagueA << "f";
    QTest::newRow("administrator: for anyone") << admin << otherB << clerk2B << "+";
    QTest::newRow("administrator: deputy from another team") << admin << otherB << colleagueA << "f";
    QTest::newRow("mailroom: for themselves") << QStringLiteral("mailroom") << me << colleagueA << "+";
    QTest::newRow("auditor: for a colleague") << QStringLiteral("auditor") << colleagueA << colleague2A << "f";
    QTest::newRow("noRole: for themselves") << QString() << me << colleagueA << "f";
}

void TestAccessPolicy::setDeputy()
{
    QFETCH(QString, roles);
    QFETCH(QUuid, absent);
    QFETCH(QUuid, deputy);
    QFETCH(QString, expected);

    // setDeputy is about users, not a case: the facts do not matter.
    const AccessScope scope = scopeOf(roles);
    const auto users = directory(parseRoles(roles));
    const AccessDecision decision = AccessPolicy::mayRun(scope, situation(QStringLiteral("otherTeam")),
                                                         CommandName::SetDeputy, deputyArgs(absent, deputy), users);
    QCOMPARE(QString(QLatin1Char(code(decision))), expected);
    QCOMPARE(AccessPolicy::mayRun(scope, CaseAccessFacts{}, CommandName::SetDeputy, deputyArgs(absent, deputy), users),
             decision);
}

void TestAccessPolicy::withoutUserLookup()
{
    const AccessScope lead = scopeOf(QStringLiteral("teamLead"));
    const CaseAccessFacts ownCase = situation(QStringLiteral("ownTeam"));
    // Whoever cannot name the users gets no assignment and no deputy, but may still empty a case.
    QCOMPARE(code(AccessPolicy::mayRun(lead, ownCase, CommandName::Assign, assignArgs(colleagueA, colleague2A))), 'f');
    QCOMPARE(code(AccessPolicy::mayRun(lead, ownCase, CommandName::Assign, assignArgs(colleagueA, QUuid()))), '+');
    QCOMPARE(code(AccessPolicy::mayRun(lead, ownCase, CommandName::SetDeputy, deputyArgs(me, colleagueA))), 'f');
    QCOMPARE(code(AccessPolicy::mayRun(lead, CaseAccessFacts{teamA, colleague2A, {}}, CommandName::CreateCase)), 'f');
}

void TestAccessPolicy::unknownCommand_data()
{
    QTest::addColumn<QString>("roles");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("own team") << QStringLiteral("clerk") << QStringLiteral("ownTeam") << QStringLiteral("deleteCase")
                              << "f";
    QTest::newRow("wrong case") << QStringLiteral("clerk") << QStringLiteral("ownTeam") << QStringLiteral("SetFields")
                                << "f";
    QTest::newRow("empty") << QStringLiteral("teamLead") << QStringLiteral("ownTeam") << QString() << "f";
    QTest::newRow("mailroom") << QStringLiteral("mailroom") << QStringLiteral("otherTeam")
                              << QStringLiteral("deleteCase") << "f";
    QTest::newRow("outside the scope") << QStringLiteral("clerk") << QStringLiteral("otherTeam")
                                       << QStringLiteral("deleteCase") << "n";
    QTest::newRow("empty scope") << QString() << QStringLiteral("ownTeam") << QStringLiteral("deleteCase") << "n";
}

void TestAccessPolicy::unknownCommand()
{
    QFETCH(QString, roles);
    QFETCH(QString, where);
    QFETCH(QString, name);
    QFETCH(QString, expected);

    const AccessDecision decision = AccessPolicy::mayRun(scopeOf(roles), situation(where), name);
    QCOMPARE(QString(QLatin1Char(code(decision))), expected);
    if (decision.outcome == AccessDecision::Outcome::Forbidden)
        QVERIFY2(decision.reason.contains(QStringLiteral("“%1”").arg(name)), qPrintable(decision.reason));
    else
        QCOMPARE(decision, AccessDecision::notVisible());
}

void TestAccessPolicy::decisionAsError()
{
    const Error hidden = AccessDecision::notVisible().toError();
    QCOMPARE(hidden.code, ErrorCode::NotFound);
    QCOMPARE(hidden.message, AccessDecision::notVisible().reason);
    QVERIFY(hidden.detail.isEmpty()); // a log line must not tell "hidden" from "missing" either
    QVERIFY(!hidden.message.isEmpty());

    const Error denied = AccessDecision::forbidden(QStringLiteral("Ask your team lead.")).toError();
    QCOMPARE(denied.code, ErrorCode::Invalid);
    QCOMPARE(denied.message, QStringLiteral("Ask your team lead."));
}

void TestAccessPolicy::endConsultation_data()
{
    QTest::addColumn<QString>("roles");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QUuid>("team"); // whose consultation ends
    QTest::addColumn<char>("expected");

    // The responsible team ends any consultation, its own case's.
    QTest::newRow("clerk of the case's team") << "clerk"
                                              << "ownTeam" << teamC << '+';
    QTest::newRow("team lead of the case's team") << "teamLead"
                                                  << "ownTeam" << teamC << '+';
    QTest::newRow("assigned from another team") << "clerk"
                                                << "assignedToMe" << teamC << '+';
    QTest::newRow("deputy") << "clerk"
                            << "deputyActive" << teamC << '+';
    // A consulted team ends its own consultation, no other.
    QTest::newRow("consulted, its own") << "clerk"
                                        << "consultationOpen" << teamA << '+';
    QTest::newRow("consulted team lead, its own") << "teamLead"
                                                  << "consultationOpen" << teamA << '+';
    QTest::newRow("consulted, another team's") << "clerk"
                                               << "consultationOpen" << teamC << 'f';
    QTest::newRow("consultation ended") << "clerk"
                                        << "consultationEnded" << teamA << 'n';
    QTest::newRow("consultation ended, the other's") << "clerk"
                                                     << "consultationEnded" << teamC << 'n';
    QTest::newRow("auditor") << "auditor"
                             << "ownTeam" << teamC << 'f';
    QTest::newRow("mailroom") << "mailroom"
                              << "consultationOpen" << teamA << 'f';
    QTest::newRow("other team") << "clerk"
                                << "otherTeam" << teamC << 'n';
    QTest::newRow("administrator") << "administrator"
                                   << "consultationOpen" << teamA << 'n';
}

void TestAccessPolicy::endConsultation()
{
    QFETCH(QString, roles);
    QFETCH(QString, where);
    QFETCH(QUuid, team);
    QFETCH(char, expected);
    const AccessDecision decision =
        AccessPolicy::mayRun(scopeOf(roles), situation(where), CommandName::EndConsultation,
                             {{QStringLiteral("team"), uuidToString(team)}}, directory(parseRoles(roles)));
    QCOMPARE(code(decision), expected);
    QCOMPARE(decision.reason.isEmpty(), expected == '+');
}

QTEST_GUILESS_MAIN(TestAccessPolicy)
#include "tst_accesspolicy.moc"
