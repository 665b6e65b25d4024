// The permission policy on what a command's arguments ask for: assignment targets, the claim's expectation,
// createCase, setDeputy and endConsultation, and a check without a user directory. The people and cases are
// those of AccessPolicyFixture.h; the matrix of roles and routes is in tst_accesspolicy.
#include <QTest>

#include "AccessPolicyFixture.h"

using namespace casedesk;
using namespace casedesk::test::policy;

class TestAccessPolicyArguments : public QObject {
    Q_OBJECT

private slots:
    void assignTargets_data();
    void assignTargets();
    void claimExpectation_data();
    void claimExpectation();
    void createCase_data();
    void createCase();
    void setDeputy_data();
    void setDeputy();
    void withoutUserLookup();
    void endConsultation_data();
    void endConsultation();
};

void TestAccessPolicyArguments::assignTargets_data()
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

void TestAccessPolicyArguments::assignTargets()
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

void TestAccessPolicyArguments::claimExpectation_data()
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

void TestAccessPolicyArguments::claimExpectation()
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

void TestAccessPolicyArguments::createCase_data()
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

void TestAccessPolicyArguments::createCase()
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

void TestAccessPolicyArguments::setDeputy_data()
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

void TestAccessPolicyArguments::setDeputy()
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

void TestAccessPolicyArguments::withoutUserLookup()
{
    const AccessScope lead = scopeOf(QStringLiteral("teamLead"));
    const CaseAccessFacts ownCase = situation(QStringLiteral("ownTeam"));
    // Whoever cannot name the users gets no assignment and no deputy, but may still empty a case.
    QCOMPARE(code(AccessPolicy::mayRun(lead, ownCase, CommandName::Assign, assignArgs(colleagueA, colleague2A))), 'f');
    QCOMPARE(code(AccessPolicy::mayRun(lead, ownCase, CommandName::Assign, assignArgs(colleagueA, QUuid()))), '+');
    QCOMPARE(code(AccessPolicy::mayRun(lead, ownCase, CommandName::SetDeputy, deputyArgs(me, colleagueA))), 'f');
    QCOMPARE(code(AccessPolicy::mayRun(lead, CaseAccessFacts{teamA, colleague2A, {}}, CommandName::CreateCase)), 'f');
}

void TestAccessPolicyArguments::endConsultation_data()
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

void TestAccessPolicyArguments::endConsultation()
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

QTEST_GUILESS_MAIN(TestAccessPolicyArguments)
#include "tst_accesspolicyarguments.moc"
