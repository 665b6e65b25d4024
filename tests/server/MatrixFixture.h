// What the permission matrix tests share (issue 5: each role x each command and read x each relation of the
// user to the case): one test subject per role, all members of team 32.1 ("team A"), and cases made through
// the HTTP API by their own team so that they stand in a given relation to a subject. Expectations live in
// the tests as explicit tables, never computed by core's AccessPolicy.
#pragma once

#include "core/Role.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

#include "PushTestBase.h"

namespace casedesk::test {

// How a case relates to the user acting on it.
enum class Relation {
    OwnTeamUnassigned,    // team A's unassigned queue
    OwnTeamAssignedToMe,  // team A, assigned to the user
    OwnTeamAssignedOther, // team A, assigned to a colleague (bert)
    OtherTeam,            // team 67.2 ("team B"), unassigned
    Deputy,               // team B, assigned to dora (teams A and B), whom the user deputises
    Consultation,         // team B, with an open consultation (Beteiligung) of team A
    MailroomFiling,       // team B, with a document the mailroom filed into it by its metadata
};

QString relationKey(Relation relation); // "ownTeamUnassigned", ... as in the tests' row names
const QList<Role> &matrixRoles();       // every role, in Role's order
const QList<Relation> &matrixRelations();

// Content a user uploaded (PUT /api/v1/blobs/{sha256}).
struct Blob {
    QByteArray bytes;
    QString sha256; // lowercase hex
};

class MatrixFixture : public PushTestBase {
protected:
    // In initTestCase: servers, the subjects and helpers, their logins, blobs and deputyships.
    void setUpMatrix();
    void tearDownMatrix() { tearDownServers(); }

    Client &subject(Role role) { return m_subjects[role]; }
    // A new case standing in `relation` to the subject of `role`. With `documentId`, a document is attached by
    // filer(relation), with `content` (which filer(relation) uploaded) or else a blob of theirs shared by many
    // cases, and its id set.
    QUuid caseFor(Role role, Relation relation, QUuid *documentId = nullptr, const Blob *content = nullptr);
    // Who attaches a case's document: the mailroom for MailroomFiling (also without `documentId`), else owner().
    Client &filer(Relation relation);
    // The client of the case's team that makes cases for `relation` (lea for team A, bodo for team B).
    Client &owner(Relation relation);
    static bool inTeamA(Relation relation);
    QUuid teamOf(Relation relation) const { return inTeamA(relation) ? m_team : m_otherTeam; }
    // Who the case of `relation` for the subject of `role` is assigned to (null: unassigned).
    QUuid assigneeFor(Role role, Relation relation);

    Blob upload(Client &client, const QByteArray &bytes);
    QJsonObject documentJson(const QUuid &documentId, const QUuid &caseId, const Blob &blob) const;
    // Pushes a command by its wire name (unknown names too) to `server` (default: the second process).
    QJsonObject pushNamed(Client &client, const QUuid &caseId, const QString &name, const QJsonObject &args,
                          ServerProcess *server = nullptr);
    // Pushes one command as it goes over the wire; its result.
    QJsonObject pushJson(Client &client, const QJsonObject &command, ServerProcess *server = nullptr);
    // Everything stored about a case (row, notes, documents, consultations, changes, audit rows) as one
    // digest, to show that a rejected command wrote nothing.
    QString snapshot(const QUuid &caseId);
    QUuid userId(const QString &login);

    QHash<Role, Client> m_subjects;
    QHash<Role, Blob> m_subjectBlobs; // one upload per subject, for attachDocument
    Client m_leadA;                   // lea: team lead of team A, makes team A's cases
    Client m_leadB;                   // bodo: team lead of team B, makes team B's cases
    Blob m_leadABlob;
    Blob m_leadBBlob;
    QUuid m_bert;  // clerk of team A: the colleague
    QUuid m_olga;  // clerk of team B
    QUuid m_dora;  // clerk of teams A and B, absent: every subject deputises her
    QUuid m_teamC; // 45.3: a third team, consulted in requestConsultation rows
};

} // namespace casedesk::test
