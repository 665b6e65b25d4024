#include "MatrixFixture.h"

#include "core/DocumentRef.h"
#include "core/Uuid.h"
#include "server/UserDirectory.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include "TestUsers.h"

namespace casedesk::test {

QString relationKey(Relation relation)
{
    switch (relation) {
    case Relation::OwnTeamUnassigned:
        return QStringLiteral("ownTeamUnassigned");
    case Relation::OwnTeamAssignedToMe:
        return QStringLiteral("ownTeamAssignedToMe");
    case Relation::OwnTeamAssignedOther:
        return QStringLiteral("ownTeamAssignedOther");
    case Relation::OtherTeam:
        return QStringLiteral("otherTeam");
    case Relation::Deputy:
        return QStringLiteral("deputy");
    case Relation::Consultation:
        return QStringLiteral("consultation");
    case Relation::MailroomFiling:
        return QStringLiteral("mailroomFiling");
    }
    return {};
}

const QList<Role> &matrixRoles()
{
    static const QList<Role> roles{Role::Clerk, Role::TeamLead, Role::Mailroom, Role::Administrator, Role::Auditor};
    return roles;
}

const QList<Relation> &matrixRelations()
{
    static const QList<Relation> relations{Relation::OwnTeamUnassigned,
                                           Relation::OwnTeamAssignedToMe,
                                           Relation::OwnTeamAssignedOther,
                                           Relation::OtherTeam,
                                           Relation::Deputy,
                                           Relation::Consultation,
                                           Relation::MailroomFiling};
    return relations;
}

namespace {

// Logins must be lower case, so the subjects are named after their role in short.
QString subjectLogin(Role role)
{
    return roleToString(role).toLower() + QStringLiteral(".a");
}

bool works(Role role)
{
    return role == Role::Clerk || role == Role::TeamLead;
}

} // namespace

void MatrixFixture::setUpMatrix()
{
    setUpServers();
    if (QTest::currentTestFailed())
        return;
    server::UserDirectory directory(m_database->connection().value());
    const Result<Team> teamC =
        directory.addTeam(QStringLiteral("45.3"), QStringLiteral("Grünflächen"), QStringLiteral("45.30"));
    QVERIFY2(teamC.ok(), qPrintable(teamC.error().toString()));
    m_teamC = teamC->id;
    QList<server::NewUser> users{
        {QStringLiteral("bodo"), QStringLiteral("Bodo"), {Role::TeamLead}, {QStringLiteral("67.2")}},
        {QStringLiteral("dora"),
         QStringLiteral("Dora"),
         {Role::Clerk},
         {QStringLiteral("32.1"), QStringLiteral("67.2")}},
    };
    for (Role role : matrixRoles())
        users.append({subjectLogin(role), roleDisplayName(role), {role}, {QStringLiteral("32.1")}});
    for (const server::NewUser &user : users) {
        const Result<User> added = directory.addUser(user, TestUsers::password());
        QVERIFY2(added.ok(), qPrintable(added.error().toString()));
    }
    m_bert = userId(QStringLiteral("bert"));
    m_olga = userId(QStringLiteral("olga"));
    m_dora = userId(QStringLiteral("dora"));

    m_leadA = login(QStringLiteral("lea"));
    m_leadB = login(QStringLiteral("bodo"));
    m_leadABlob = upload(m_leadA, "%PDF-1.7 Antrag Team A");
    m_leadBBlob = upload(m_leadB, "%PDF-1.7 Antrag Team B");
    Client dora = login(QStringLiteral("dora"));
    for (Role role : matrixRoles()) {
        Client client = login(subjectLogin(role));
        QVERIFY2(!client.token.isEmpty(), qPrintable(subjectLogin(role)));
        m_subjectBlobs.insert(role, upload(client, "%PDF-1.7 Scan von " + subjectLogin(role).toUtf8()));
        m_subjects.insert(role, client);
        // Dora names clerks and team leads as her deputies herself. The API accepts no other role as a deputy,
        // but a deputyship outlives a role change (a clerk who becomes an auditor): written directly, it must
        // give the others nothing.
        if (works(role)) {
            const QJsonObject result = pushNamed(dora, createUuidV7(), QStringLiteral("setDeputy"),
                                                 {{QStringLiteral("user"), uuidToString(m_dora)},
                                                  {QStringLiteral("deputy"), uuidToString(client.userId)}});
            QVERIFY2(result.value(QStringLiteral("result")).toString() == QLatin1String("applied"),
                     QJsonDocument(result).toJson().constData());
        } else {
            QVERIFY(scalar(QStringLiteral("INSERT INTO deputyships (id, absent_user_id, deputy_id, created_by)"
                                          " VALUES ('%1', '%2', '%3', '%2') RETURNING true")
                               .arg(uuidToString(createUuidV7()), uuidToString(m_dora), uuidToString(client.userId)))
                        .toBool());
        }
    }
}

bool MatrixFixture::inTeamA(Relation relation)
{
    return relation == Relation::OwnTeamUnassigned || relation == Relation::OwnTeamAssignedToMe ||
           relation == Relation::OwnTeamAssignedOther;
}

Client &MatrixFixture::owner(Relation relation)
{
    return inTeamA(relation) ? m_leadA : m_leadB;
}

QUuid MatrixFixture::assigneeFor(Role role, Relation relation)
{
    switch (relation) {
    case Relation::OwnTeamAssignedToMe:
        return subject(role).userId;
    case Relation::OwnTeamAssignedOther:
        return m_bert;
    case Relation::Deputy:
        return m_dora;
    case Relation::OwnTeamUnassigned:
    case Relation::OtherTeam:
    case Relation::Consultation:
    case Relation::MailroomFiling:
        break;
    }
    return {};
}

Client &MatrixFixture::filer(Relation relation)
{
    return relation == Relation::MailroomFiling ? subject(Role::Mailroom) : owner(relation);
}

QUuid MatrixFixture::caseFor(Role role, Relation relation, QUuid *documentId, const Blob *content)
{
    Client &team = owner(relation);
    Command create = createCommand(team, teamOf(relation));
    const QUuid assignee = assigneeFor(role, relation);
    // Only clerks and team leads can be given a case; another role "assigned" stands for a user whose role
    // changed after the assignment, written directly below.
    const bool assignThroughApi = !assignee.isNull() && (assignee != subject(role).userId || works(role));
    if (assignThroughApi) {
        QJsonObject theCase = create.args.value(QStringLiteral("case")).toObject();
        theCase.insert(QStringLiteral("assigneeId"), uuidToString(assignee));
        create.args.insert(QStringLiteral("case"), theCase);
    }
    QList<Command> commands{create};
    if (relation == Relation::Consultation)
        commands.append(command(team, create.caseId, CommandName::RequestConsultation,
                                {{QStringLiteral("team"), uuidToString(m_team)}}));
    const HttpReply reply = push(team, commands);
    for (const QJsonValue &result : reply.json.value(QStringLiteral("results")).toArray()) {
        if (result[QStringLiteral("result")].toString() != QLatin1String("applied"))
            qWarning() << "setting up" << relationKey(relation) << "failed:" << reply.body;
    }
    if (!assignee.isNull() && !assignThroughApi)
        scalar(QStringLiteral("UPDATE cases SET assignee_id = '%2', data = jsonb_set(data, '{assigneeId}', '\"%2\"')"
                              " WHERE id = '%1' RETURNING true")
                   .arg(uuidToString(create.caseId), uuidToString(assignee)));
    if (documentId || relation == Relation::MailroomFiling) {
        const Blob &blob = content                                ? *content
                           : relation == Relation::MailroomFiling ? m_subjectBlobs[Role::Mailroom]
                           : inTeamA(relation)                    ? m_leadABlob
                                                                  : m_leadBBlob;
        const QUuid attached = createUuidV7();
        if (documentId)
            *documentId = attached;
        const QJsonObject result =
            pushNamed(filer(relation), create.caseId, QStringLiteral("attachDocument"),
                      {{QStringLiteral("document"), documentJson(attached, create.caseId, blob)}}, m_a.get());
        if (result.value(QStringLiteral("result")).toString() != QLatin1String("applied"))
            qWarning() << "could not attach the document:" << result;
    }
    return create.caseId;
}

Blob MatrixFixture::upload(Client &client, const QByteArray &bytes)
{
    Blob blob{bytes, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())};
    const HttpReply reply =
        m_http.send(QByteArrayLiteral("PUT"), m_a->url(QStringLiteral("/api/v1/blobs/") + blob.sha256), bytes,
                    HttpClient::bearer(client.token));
    if (reply.status != 200)
        qWarning() << "upload failed" << reply.status << reply.body;
    return blob;
}

QJsonObject MatrixFixture::documentJson(const QUuid &documentId, const QUuid &caseId, const Blob &blob) const
{
    DocumentRef document;
    document.id = documentId;
    document.caseId = caseId;
    document.sha256 = blob.sha256;
    document.size = blob.bytes.size();
    document.name = QStringLiteral("Posteingang.pdf");
    document.mimeType = QStringLiteral("application/pdf");
    document.kind = DocumentKind::Scan;
    return document.toJson();
}

QJsonObject MatrixFixture::pushNamed(Client &client, const QUuid &caseId, const QString &name, const QJsonObject &args,
                                     ServerProcess *server)
{
    QJsonObject pushed = command(client, caseId, CommandName::AddNote, args).toJson();
    pushed.insert(QStringLiteral("name"), name);
    return pushJson(client, pushed, server);
}

QJsonObject MatrixFixture::pushJson(Client &client, const QJsonObject &command, ServerProcess *server)
{
    const HttpReply reply = m_http.post((server ? server : m_b.get())->url(pushPath),
                                        json({{QStringLiteral("clientId"), uuidToString(client.clientId)},
                                              {QStringLiteral("commands"), QJsonArray{command}}}),
                                        HttpClient::bearer(client.token));
    if (reply.status != 200)
        qWarning() << "push failed" << reply.status << reply.body;
    return reply.json.value(QStringLiteral("results")).toArray().at(0).toObject();
}

QString MatrixFixture::snapshot(const QUuid &caseId)
{
    const QString id = uuidToString(caseId);
    return scalar(
               QStringLiteral(
                   "SELECT md5(concat_ws('|', (SELECT row_to_json(c)::text FROM cases c WHERE c.id = '%1'),"
                   " (SELECT string_agg(row_to_json(n)::text, ',' ORDER BY n.id) FROM notes n WHERE n.case_id = '%1'),"
                   " (SELECT string_agg(row_to_json(d)::text, ',' ORDER BY d.id) FROM documents d"
                   "  WHERE d.case_id = '%1'),"
                   " (SELECT string_agg(row_to_json(k)::text, ',' ORDER BY k.id) FROM consultations k"
                   "  WHERE k.case_id = '%1'),"
                   " (SELECT count(*) FROM changes WHERE case_id = '%1'),"
                   " (SELECT count(*) FROM audit_log WHERE case_id = '%1')))")
                   .arg(id))
        .toString();
}

QUuid MatrixFixture::userId(const QString &login)
{
    return uuidFromString(
        scalar(QStringLiteral("SELECT id::text FROM users WHERE login = '%1'").arg(login)).toString());
}

} // namespace casedesk::test
