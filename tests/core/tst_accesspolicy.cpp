// The permission policy: the full matrix of roles x commands x the routes by which a user reaches a case
// (own team, other team, assigned, deputy active / not yet / expired, consultation open / ended, mailroom),
// the scope as data, unknown commands and decisions as errors. Expected values are written out from the matrix
// documented in core/AccessPolicy.h; what a command's arguments may ask for is in tst_accesspolicyarguments.
#include <QTest>

#include "AccessPolicyFixture.h"

using namespace casedesk;
using namespace casedesk::test::policy;

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
    void unknownCommand_data();
    void unknownCommand();
    void decisionAsError();
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

QTEST_GUILESS_MAIN(TestAccessPolicy)
#include "tst_accesspolicy.moc"
