// The permission matrix of the commands (issue 5; DESIGN.md "Access scopes" and "Commands (v1)"), pushed through
// POST /api/v1/sync/push of real casedesk-server processes: each role x each command x each relation of the user
// to the case. The expected outcome of every cell is written out below, from DESIGN.md's rules, never asked of
// the server's policy. A rejected command leaves the case exactly as it was; a case outside the scope is
// answered exactly like one that does not exist; an allowed command is applied with its effect.
#include "core/Note.h"
#include "core/Uuid.h"

#include <QJsonArray>
#include <QTest>

#include <iterator>

#include "MatrixFixture.h"

using namespace casedesk;
using namespace casedesk::test;

namespace {

// The outcomes a cell can have, as the push reply names them.
const char *const OK = "applied";
const char *const NO = "forbidden";        // visible, not allowed: 403 as a rejected command
const char *const HIDDEN = "not_found";    // outside the scope: like a case that does not exist
const char *const CAS = "conflict";        // allowed, but the compare-and-set on the assignee fails
const char *const UNK = "unknown_command"; // visible case, command name the server does not know
// Allowed by the access rules, refused by the process model: the first task (Antrag erfassen) lies in the
// clerks' lane (Sachbearbeitung), so a team lead may not complete it.
const char *const TASK = "task_not_allowed";

// One line of a matrix: the expected outcome for each role, in matrixRoles()'s order.
struct Line {
    const char *command; // "assignBack" is assign to nobody (back to the team queue); "teleport" is unknown
    Relation relation;
    const char *outcome[5]; // clerk, teamLead, mailroom, administrator, auditor
};

using R = Relation;

// Commands on an existing case. Team A's cases: clerks and team leads write, the mailroom files only, the
// auditor reads, the administrator (no case work by role) sees nothing. A consulted team adds its Vermerk and
// completes its task, nothing else. Claiming an assigned case is allowed but fails its compare-and-set.
// clang-format off
const Line caseCommands[] = {
    {"setFields", R::OwnTeamUnassigned,    {OK, OK, NO, HIDDEN, NO}},
    {"setFields", R::OwnTeamAssignedToMe,  {OK, OK, NO, HIDDEN, NO}},
    {"setFields", R::OwnTeamAssignedOther, {OK, OK, NO, HIDDEN, NO}},
    {"setFields", R::OtherTeam,            {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},
    {"setFields", R::Deputy,               {OK, OK, NO, HIDDEN, HIDDEN}},
    {"setFields", R::Consultation,         {NO, NO, NO, HIDDEN, HIDDEN}},
    {"setFields", R::MailroomFiling,       {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},

    {"completeTask", R::OwnTeamUnassigned,    {OK, TASK, NO, HIDDEN, NO}},
    {"completeTask", R::OwnTeamAssignedToMe,  {OK, TASK, NO, HIDDEN, NO}},
    {"completeTask", R::OwnTeamAssignedOther, {OK, TASK, NO, HIDDEN, NO}},
    {"completeTask", R::OtherTeam,            {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},
    {"completeTask", R::Deputy,               {OK, TASK, NO, HIDDEN, HIDDEN}},
    {"completeTask", R::Consultation,         {OK, TASK, NO, HIDDEN, HIDDEN}},
    {"completeTask", R::MailroomFiling,       {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},

    {"assign", R::OwnTeamUnassigned,    {NO, OK, NO, HIDDEN, NO}},
    {"assign", R::OwnTeamAssignedToMe,  {NO, OK, NO, HIDDEN, NO}},
    {"assign", R::OwnTeamAssignedOther, {NO, OK, NO, HIDDEN, NO}},
    {"assign", R::OtherTeam,            {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},
    {"assign", R::Deputy,               {NO, NO, NO, HIDDEN, HIDDEN}},
    {"assign", R::Consultation,         {NO, NO, NO, HIDDEN, HIDDEN}},
    {"assign", R::MailroomFiling,       {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},

    {"assignBack", R::OwnTeamUnassigned,    {NO, OK, NO, HIDDEN, NO}},
    {"assignBack", R::OwnTeamAssignedToMe,  {OK, OK, NO, HIDDEN, NO}},
    {"assignBack", R::OwnTeamAssignedOther, {NO, OK, NO, HIDDEN, NO}},
    {"assignBack", R::OtherTeam,            {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},
    {"assignBack", R::Deputy,               {NO, NO, NO, HIDDEN, HIDDEN}},
    {"assignBack", R::Consultation,         {NO, NO, NO, HIDDEN, HIDDEN}},
    {"assignBack", R::MailroomFiling,       {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},

    {"claim", R::OwnTeamUnassigned,    {OK, OK, NO, HIDDEN, NO}},
    {"claim", R::OwnTeamAssignedToMe,  {CAS, CAS, NO, HIDDEN, NO}},
    {"claim", R::OwnTeamAssignedOther, {CAS, CAS, NO, HIDDEN, NO}},
    {"claim", R::OtherTeam,            {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},
    {"claim", R::Deputy,               {NO, NO, NO, HIDDEN, HIDDEN}},
    {"claim", R::Consultation,         {NO, NO, NO, HIDDEN, HIDDEN}},
    {"claim", R::MailroomFiling,       {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},

    {"addNote", R::OwnTeamUnassigned,    {OK, OK, NO, HIDDEN, NO}},
    {"addNote", R::OwnTeamAssignedToMe,  {OK, OK, NO, HIDDEN, NO}},
    {"addNote", R::OwnTeamAssignedOther, {OK, OK, NO, HIDDEN, NO}},
    {"addNote", R::OtherTeam,            {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},
    {"addNote", R::Deputy,               {OK, OK, NO, HIDDEN, HIDDEN}},
    {"addNote", R::Consultation,         {OK, OK, NO, HIDDEN, HIDDEN}},
    {"addNote", R::MailroomFiling,       {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},

    {"attachDocument", R::OwnTeamUnassigned,    {OK, OK, OK, HIDDEN, NO}},
    {"attachDocument", R::OwnTeamAssignedToMe,  {OK, OK, OK, HIDDEN, NO}},
    {"attachDocument", R::OwnTeamAssignedOther, {OK, OK, OK, HIDDEN, NO}},
    {"attachDocument", R::OtherTeam,            {HIDDEN, HIDDEN, OK, HIDDEN, HIDDEN}},
    {"attachDocument", R::Deputy,               {OK, OK, OK, HIDDEN, HIDDEN}},
    {"attachDocument", R::Consultation,         {NO, NO, OK, HIDDEN, HIDDEN}},
    {"attachDocument", R::MailroomFiling,       {HIDDEN, HIDDEN, OK, HIDDEN, HIDDEN}},

    {"updateDocumentMeta", R::OwnTeamUnassigned,    {OK, OK, NO, HIDDEN, NO}},
    {"updateDocumentMeta", R::OwnTeamAssignedToMe,  {OK, OK, NO, HIDDEN, NO}},
    {"updateDocumentMeta", R::OwnTeamAssignedOther, {OK, OK, NO, HIDDEN, NO}},
    {"updateDocumentMeta", R::OtherTeam,            {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},
    {"updateDocumentMeta", R::Deputy,               {OK, OK, NO, HIDDEN, HIDDEN}},
    {"updateDocumentMeta", R::Consultation,         {NO, NO, NO, HIDDEN, HIDDEN}},
    {"updateDocumentMeta", R::MailroomFiling,       {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},

    {"setFollowUp", R::OwnTeamUnassigned,    {OK, OK, NO, HIDDEN, NO}},
    {"setFollowUp", R::OwnTeamAssignedToMe,  {OK, OK, NO, HIDDEN, NO}},
    {"setFollowUp", R::OwnTeamAssignedOther, {OK, OK, NO, HIDDEN, NO}},
    {"setFollowUp", R::OtherTeam,            {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},
    {"setFollowUp", R::Deputy,               {OK, OK, NO, HIDDEN, HIDDEN}},
    {"setFollowUp", R::Consultation,         {NO, NO, NO, HIDDEN, HIDDEN}},
    {"setFollowUp", R::MailroomFiling,       {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},

    {"requestConsultation", R::OwnTeamUnassigned,    {OK, OK, NO, HIDDEN, NO}},
    {"requestConsultation", R::OwnTeamAssignedToMe,  {OK, OK, NO, HIDDEN, NO}},
    {"requestConsultation", R::OwnTeamAssignedOther, {OK, OK, NO, HIDDEN, NO}},
    {"requestConsultation", R::OtherTeam,            {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},
    {"requestConsultation", R::Deputy,               {OK, OK, NO, HIDDEN, HIDDEN}},
    {"requestConsultation", R::Consultation,         {NO, NO, NO, HIDDEN, HIDDEN}},
    {"requestConsultation", R::MailroomFiling,       {HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN}},

    {"teleport", R::OwnTeamUnassigned,    {UNK, UNK, UNK, HIDDEN, UNK}},
    {"teleport", R::OwnTeamAssignedToMe,  {UNK, UNK, UNK, HIDDEN, UNK}},
    {"teleport", R::OwnTeamAssignedOther, {UNK, UNK, UNK, HIDDEN, UNK}},
    {"teleport", R::OtherTeam,            {HIDDEN, HIDDEN, UNK, HIDDEN, HIDDEN}},
    {"teleport", R::Deputy,               {UNK, UNK, UNK, HIDDEN, HIDDEN}},
    {"teleport", R::Consultation,         {UNK, UNK, UNK, HIDDEN, HIDDEN}},
    {"teleport", R::MailroomFiling,       {HIDDEN, HIDDEN, UNK, HIDDEN, HIDDEN}},
};

// createCase for the relation's team and assignee: clerks and team leads for their own team (a clerk only
// unassigned or for themselves), the mailroom opens cases for any team (paper mail) but gives them to nobody.
const Line createCases[] = {
    {"createCase", R::OwnTeamUnassigned,    {OK, OK, OK, NO, NO}},
    {"createCase", R::OwnTeamAssignedToMe,  {OK, OK, NO, NO, NO}},
    {"createCase", R::OwnTeamAssignedOther, {NO, OK, NO, NO, NO}},
    {"createCase", R::OtherTeam,            {NO, NO, OK, NO, NO}},
    {"createCase", R::Deputy,               {NO, NO, NO, NO, NO}},
};
// clang-format on

// setDeputy: for oneself, as team lead for one's team's members, as administrator for anyone.
struct DeputyLine {
    const char *target; // "self" (deputy bert), "teamMember" (bert, deputy lea), "otherTeamMember" (olga, bodo)
    const char *outcome[5];
};
const DeputyLine setDeputies[] = {
    {"self", {OK, OK, OK, OK, OK}},
    {"teamMember", {NO, OK, NO, OK, NO}},
    {"otherTeamMember", {NO, NO, NO, OK, NO}},
};

// A command ready to push, and an SQL condition on the case `c` that holds once it was applied.
struct Probe {
    QString name;
    QJsonObject args;
    QString effect;
};

QString quoted(const QUuid &id)
{
    return QLatin1Char('\'') + uuidToString(id) + QLatin1Char('\'');
}

} // namespace

class TestPermissionMatrix : public MatrixFixture {
    Q_OBJECT

private slots:
    void initTestCase() { setUpMatrix(); }
    void cleanupTestCase() { tearDownMatrix(); }
    void commandOnCase_data();
    void commandOnCase();
    void createCase_data();
    void createCase();
    void setDeputy_data();
    void setDeputy();

private:
    Probe probe(const QString &command, Role role, Relation relation, const QUuid &caseId, const QUuid &documentId);
    static void addRows(const Line *lines, std::size_t count);
};

void TestPermissionMatrix::addRows(const Line *lines, std::size_t count)
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<Relation>("relation");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("expected");
    for (std::size_t i = 0; i < count; ++i) {
        const Line &line = lines[i];
        for (qsizetype r = 0; r < matrixRoles().size(); ++r) {
            const Role role = matrixRoles().at(r);
            QTest::addRow("%s/%s/%s", qPrintable(roleToString(role)), qPrintable(relationKey(line.relation)),
                          line.command)
                << role << line.relation << QString::fromLatin1(line.command) << QString::fromLatin1(line.outcome[r]);
        }
    }
}

Probe TestPermissionMatrix::probe(const QString &command, Role role, Relation relation, const QUuid &caseId,
                                  const QUuid &documentId)
{
    const Client &me = subject(role);
    const QUuid current = assigneeFor(role, relation);
    const QString expected = current.isNull() ? QString() : uuidToString(current);
    if (command == QLatin1String("setFields"))
        return {
            command,
            {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("secondVehicleReason"),
                                                     fieldEdit(QJsonValue::Null, QStringLiteral("Pflegedienst"))}}}},
            QStringLiteral("c.data->'formData'->>'secondVehicleReason' = 'Pflegedienst'")};
    if (command == QLatin1String("completeTask"))
        return {command,
                {{QStringLiteral("taskId"), QStringLiteral("Task_Intake")}},
                QStringLiteral("(c.data->'workflowState')::text LIKE '%Task_CheckCompleteness%'")};
    if (command == QLatin1String("assign")) {
        // Someone the case's team may be given to, other than its assignee now.
        const QUuid target = !inTeamA(relation) ? m_olga : current == m_bert ? m_leadA.userId : m_bert;
        return {command,
                {{QStringLiteral("expected"), expected}, {QStringLiteral("assignee"), uuidToString(target)}},
                QStringLiteral("c.assignee_id = %1").arg(quoted(target))};
    }
    if (command == QLatin1String("assignBack"))
        return {QStringLiteral("assign"),
                {{QStringLiteral("expected"), expected}, {QStringLiteral("assignee"), QString()}},
                QStringLiteral("c.assignee_id IS NULL")};
    if (command == QLatin1String("claim"))
        return {command,
                {{QStringLiteral("expected"), QString()}},
                QStringLiteral("c.assignee_id = %1").arg(quoted(me.userId))};
    if (command == QLatin1String("addNote")) {
        const Note note{createUuidV7(), caseId, me.userId, QDateTime::currentDateTimeUtc(), QStringLiteral("Vermerk")};
        return {
            command,
            {{QStringLiteral("note"), note.toJson()}},
            QStringLiteral("EXISTS (SELECT 1 FROM notes n WHERE n.id = %1 AND n.case_id = c.id)").arg(quoted(note.id))};
    }
    if (command == QLatin1String("attachDocument")) {
        const QUuid id = createUuidV7();
        return {
            command,
            {{QStringLiteral("document"), documentJson(id, caseId, m_subjectBlobs.value(role))}},
            QStringLiteral("EXISTS (SELECT 1 FROM documents d WHERE d.id = %1 AND d.case_id = c.id)").arg(quoted(id))};
    }
    if (command == QLatin1String("updateDocumentMeta"))
        return {command,
                {{QStringLiteral("documentId"), uuidToString(documentId)},
                 {QStringLiteral("name"), QStringLiteral("Umbenannt.pdf")}},
                QStringLiteral("EXISTS (SELECT 1 FROM documents d WHERE d.id = %1 AND d.name = 'Umbenannt.pdf')")
                    .arg(quoted(documentId))};
    if (command == QLatin1String("setFollowUp"))
        return {command,
                {{QStringLiteral("date"), QStringLiteral("2030-01-02")}},
                QStringLiteral("c.data->>'followUpDate' = '2030-01-02'")};
    if (command == QLatin1String("requestConsultation"))
        return {command,
                {{QStringLiteral("team"), uuidToString(m_teamC)}},
                QStringLiteral("EXISTS (SELECT 1 FROM consultations k WHERE k.case_id = c.id AND k.team_id = %1"
                               " AND k.ended_at IS NULL)")
                    .arg(quoted(m_teamC))};
    return {command, {}, QStringLiteral("false")}; // an unknown command has no effect
}

void TestPermissionMatrix::commandOnCase_data()
{
    addRows(caseCommands, std::size(caseCommands));
}

void TestPermissionMatrix::commandOnCase()
{
    QFETCH(Role, role);
    QFETCH(Relation, relation);
    QFETCH(QString, command);
    QFETCH(QString, expected);
    QUuid documentId;
    const QUuid caseId =
        caseFor(role, relation, command == QLatin1String("updateDocumentMeta") ? &documentId : nullptr);
    const QString where = QStringLiteral(" FROM cases c WHERE c.id = %1").arg(quoted(caseId));
    const qint64 version = scalar(QStringLiteral("SELECT c.version") + where).toLongLong();
    QVERIFY(version > 0);
    const QString before = snapshot(caseId);
    const Probe pushed = probe(command, role, relation, caseId, documentId);

    const QJsonObject result = pushNamed(subject(role), caseId, pushed.name, pushed.args);
    const QByteArray shown = QJsonDocument(result).toJson(QJsonDocument::Compact);
    if (expected == QLatin1String(OK)) {
        QVERIFY2(result.value(QStringLiteral("result")).toString() == expected, shown.constData());
        QCOMPARE(result.value(QStringLiteral("caseVersion")).toInteger(), version + 1);
        QVERIFY2(scalar(QStringLiteral("SELECT ") + pushed.effect + where).toBool(), qPrintable(pushed.effect));
        return;
    }
    if (expected == QLatin1String(CAS))
        QVERIFY2(result.value(QStringLiteral("result")).toString() == expected, shown.constData());
    else
        QVERIFY2(result.value(QStringLiteral("result")).toString() == QLatin1String("rejected") &&
                     result.value(QStringLiteral("code")).toString() == expected,
                 shown.constData());
    QCOMPARE(snapshot(caseId), before); // nothing written

    if (expected == QLatin1String(HIDDEN)) {
        // The same command on a case that does not exist gets the same answer, word for word.
        const QUuid missing = createUuidV7();
        const Probe onMissing = probe(command, role, relation, missing, documentId);
        QJsonObject answer = pushNamed(subject(role), missing, onMissing.name, onMissing.args);
        QJsonObject hidden = result;
        for (QJsonObject *reply : {&answer, &hidden}) {
            reply->remove(QStringLiteral("commandId"));
            reply->remove(QStringLiteral("clientSeq"));
        }
        QCOMPARE(QJsonDocument(hidden).toJson(), QJsonDocument(answer).toJson());
    }
}

void TestPermissionMatrix::createCase_data()
{
    addRows(createCases, std::size(createCases));
}

void TestPermissionMatrix::createCase()
{
    QFETCH(Role, role);
    QFETCH(Relation, relation);
    QFETCH(QString, expected);
    Client &me = subject(role);
    Command create = createCommand(me, teamOf(relation));
    if (const QUuid assignee = assigneeFor(role, relation); !assignee.isNull()) {
        QJsonObject theCase = create.args.value(QStringLiteral("case")).toObject();
        theCase.insert(QStringLiteral("assigneeId"), uuidToString(assignee));
        create.args.insert(QStringLiteral("case"), theCase);
    }
    const QJsonObject result = pushJson(me, create.toJson());
    const QByteArray shown = QJsonDocument(result).toJson(QJsonDocument::Compact);
    const QString stored = QStringLiteral("SELECT count(*) FROM cases WHERE id = %1 AND team_id = %2 AND %3")
                               .arg(quoted(create.caseId), quoted(teamOf(relation)),
                                    assigneeFor(role, relation).isNull()
                                        ? QStringLiteral("assignee_id IS NULL")
                                        : QStringLiteral("assignee_id = %1").arg(quoted(assigneeFor(role, relation))));
    if (expected == QLatin1String(OK)) {
        QVERIFY2(result.value(QStringLiteral("result")).toString() == expected, shown.constData());
        QCOMPARE(scalar(stored).toInt(), 1);
        return;
    }
    QVERIFY2(result.value(QStringLiteral("code")).toString() == expected, shown.constData());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cases WHERE id = %1").arg(quoted(create.caseId))).toInt(), 0);
}

void TestPermissionMatrix::setDeputy_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expected");
    for (const DeputyLine &line : setDeputies) {
        for (qsizetype r = 0; r < matrixRoles().size(); ++r)
            QTest::addRow("%s/%s/setDeputy", qPrintable(roleToString(matrixRoles().at(r))), line.target)
                << matrixRoles().at(r) << QString::fromLatin1(line.target) << QString::fromLatin1(line.outcome[r]);
    }
}

void TestPermissionMatrix::setDeputy()
{
    QFETCH(Role, role);
    QFETCH(QString, target);
    QFETCH(QString, expected);
    Client &me = subject(role);
    const QUuid absent = target == QLatin1String("self")         ? me.userId
                         : target == QLatin1String("teamMember") ? m_bert
                                                                 : m_olga;
    const QUuid deputy = target == QLatin1String("self")         ? m_bert
                         : target == QLatin1String("teamMember") ? m_leadA.userId
                                                                 : m_leadB.userId;
    const QString count =
        QStringLiteral("SELECT count(*) FROM deputyships WHERE absent_user_id = %1 AND deputy_id = %2")
            .arg(quoted(absent), quoted(deputy));
    const int before = scalar(count).toInt();
    const int all = scalar(QStringLiteral("SELECT count(*) FROM deputyships")).toInt();
    const QJsonObject result =
        pushNamed(me, createUuidV7(), QStringLiteral("setDeputy"),
                  {{QStringLiteral("user"), uuidToString(absent)}, {QStringLiteral("deputy"), uuidToString(deputy)}});
    const QByteArray shown = QJsonDocument(result).toJson(QJsonDocument::Compact);
    if (expected == QLatin1String(OK)) {
        QVERIFY2(result.value(QStringLiteral("result")).toString() == expected, shown.constData());
        QCOMPARE(scalar(count).toInt(), before + 1);
        return;
    }
    QVERIFY2(result.value(QStringLiteral("code")).toString() == expected, shown.constData());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM deputyships")).toInt(), all);
}

QTEST_GUILESS_MAIN(TestPermissionMatrix)
#include "tst_permissionmatrix.moc"
