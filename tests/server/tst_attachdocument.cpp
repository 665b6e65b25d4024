// attachDocument and updateDocumentMeta through the CommandProcessor against a real PostgreSQL: the happy path,
// content not uploaded, content of another team's case (not visible: the same answer as missing), a document id
// taken, a replay answered from the stored result, renaming, and the mailroom (may attach, may not rename).
#include "core/Case.h"
#include "core/DocumentRef.h"
#include "core/Uuid.h"
#include "server/BlobStore.h"
#include "server/CommandProcessor.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <optional>

#include "MigratedDatabase.h"
#include "ParkingApplication.h"
#include "PostgresTestDatabase.h"
#include "ProcessedCommand.h"

using namespace casedesk;
using namespace casedesk::server;
using namespace casedesk::test;

namespace {

struct Actor {
    AuthSession session;
    qint64 seq = 0;
};

} // namespace

class TestAttachDocument : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void attachAndRename();
    void refusals();

private:
    Result<QSqlDatabase> db() const { return m_database->connection(); }
    Actor makeActor(const QString &login, Role role, const QString &team);
    QUuid createCase(Actor &actor);
    CommandResult push(Actor &actor, const QUuid &caseId, CommandName name, const QJsonObject &args,
                       std::optional<qint64> seq = std::nullopt);
    QString upload(const Actor &actor, const QByteArray &bytes); // the SHA-256 as hex
    QJsonObject attachArgs(const QUuid &caseId, const QUuid &documentId, const QString &sha, qint64 size);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::optional<ServerDatabase> m_database;
    Actor m_clerk;
    Actor m_otherTeam;
    Actor m_mailroom;
};

void TestAttachDocument::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const Result<ServerDatabase> database = test::migratedDatabase(*m_pg);
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database = database.value();
    UserDirectory users(db().value());
    QVERIFY(users.addTeam(QStringLiteral("32.1"), QStringLiteral("Straßenverkehr"), QStringLiteral("32.10")));
    QVERIFY(users.addTeam(QStringLiteral("67.2"), QStringLiteral("Grünflächen"), QStringLiteral("67.20")));
    m_clerk = makeActor(QStringLiteral("a.clerk"), Role::Clerk, QStringLiteral("32.1"));
    m_otherTeam = makeActor(QStringLiteral("b.clerk"), Role::Clerk, QStringLiteral("67.2"));
    m_mailroom = makeActor(QStringLiteral("c.post"), Role::Mailroom, QString());
    QVERIFY(!m_clerk.session.user.id.isNull() && !m_otherTeam.session.user.id.isNull() &&
            !m_mailroom.session.user.id.isNull());
}

Actor TestAttachDocument::makeActor(const QString &login, Role role, const QString &team)
{
    const QStringList teams = team.isEmpty() ? QStringList() : QStringList{team};
    const Result<User> user =
        UserDirectory(db().value()).addUser({login, login, {role}, teams}, QStringLiteral("correct horse battery"));
    Actor actor;
    if (!user)
        return actor;
    actor.session.user = user.value();
    actor.session.teamCodes = teams;
    actor.session.clientId = createUuidV7();
    return actor;
}

CommandResult TestAttachDocument::push(Actor &actor, const QUuid &caseId, CommandName name, const QJsonObject &args,
                                       std::optional<qint64> seq)
{
    const Command command{createUuidV7(), actor.session.clientId,         seq ? *seq : ++actor.seq, caseId, name,
                          args,           QDateTime::currentDateTimeUtc()};
    return processCommand(db().value(), actor.session, command);
}

QUuid TestAttachDocument::createCase(Actor &actor)
{
    const Case theCase = parkingApplication(actor.session.user.teamIds.value(0), QStringLiteral("Bewohnerparkausweis"));
    const CommandResult result =
        push(actor, theCase.id, CommandName::CreateCase, {{QStringLiteral("case"), theCase.toJson()}});
    return result.outcome == CommandResult::Outcome::Applied ? theCase.id : QUuid();
}

QString TestAttachDocument::upload(const Actor &actor, const QByteArray &bytes)
{
    const QByteArray sha = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    const Result<BlobAppend> appended =
        BlobStore(db().value()).append(sha, actor.session.user.id, 0, bytes.size(), bytes);
    return appended && appended->status.complete ? QString::fromLatin1(sha.toHex()) : QString();
}

QJsonObject TestAttachDocument::attachArgs(const QUuid &caseId, const QUuid &documentId, const QString &sha,
                                           qint64 size)
{
    DocumentRef document;
    document.id = documentId;
    document.caseId = caseId;
    document.sha256 = sha;
    document.size = size;
    document.name = QStringLiteral("Meldebescheinigung.pdf");
    document.kind = DocumentKind::Evidence;
    return {{QStringLiteral("document"), document.toJson()}};
}

static QString code(const CommandResult &result)
{
    return result.outcome == CommandResult::Outcome::Applied
               ? QStringLiteral("applied")
               : result.detailJson().value(QLatin1String("code")).toString();
}

void TestAttachDocument::attachAndRename()
{
    const QUuid caseId = createCase(m_clerk);
    QVERIFY(!caseId.isNull());
    const QByteArray bytes = "%PDF-1.7 Meldebescheinigung " + createUuidV7().toByteArray();
    const QString sha = upload(m_clerk, bytes);
    QVERIFY(!sha.isEmpty());
    const QUuid documentId = createUuidV7();
    const qint64 seq = m_clerk.seq + 1;
    const CommandResult attached =
        push(m_clerk, caseId, CommandName::AttachDocument, attachArgs(caseId, documentId, sha, bytes.size()));
    QCOMPARE(code(attached), QStringLiteral("applied"));
    QCOMPARE(attached.caseVersion, 2);
    QSqlQuery query(db().value());
    QVERIFY(query.exec(
        QStringLiteral("SELECT case_id::text, encode(sha256, 'hex'), size, name, kind FROM documents WHERE id = '%1'")
            .arg(uuidToString(documentId))));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), uuidToString(caseId));
    QCOMPARE(query.value(1).toString(), sha);
    QCOMPARE(query.value(2).toLongLong(), bytes.size());
    QCOMPARE(query.value(4).toString(), QStringLiteral("evidence"));

    // A replay is answered from the stored result, not applied again.
    const CommandResult replay =
        push(m_clerk, caseId, CommandName::AttachDocument, attachArgs(caseId, documentId, sha, bytes.size()), seq);
    QCOMPARE(code(replay), QStringLiteral("applied"));
    QCOMPARE(replay.caseVersion, 2);
    // The same document id in a new command is taken.
    QCOMPARE(
        code(push(m_clerk, caseId, CommandName::AttachDocument, attachArgs(caseId, documentId, sha, bytes.size()))),
        QStringLiteral("document_exists"));

    const CommandResult renamed = push(m_clerk, caseId, CommandName::UpdateDocumentMeta,
                                       {{QStringLiteral("documentId"), uuidToString(documentId)},
                                        {QStringLiteral("name"), QStringLiteral("Meldebescheinigung Mustermann.pdf")},
                                        {QStringLiteral("kind"), QStringLiteral("application")}});
    QCOMPARE(code(renamed), QStringLiteral("applied"));
    QCOMPARE(renamed.caseVersion, 3);
    QVERIFY(
        query.exec(QStringLiteral("SELECT name, kind FROM documents WHERE id = '%1'").arg(uuidToString(documentId))));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("Meldebescheinigung Mustermann.pdf"));
    QCOMPARE(query.value(1).toString(), QStringLiteral("application"));
    QCOMPARE(code(push(m_clerk, caseId, CommandName::UpdateDocumentMeta,
                       {{QStringLiteral("documentId"), uuidToString(createUuidV7())},
                        {QStringLiteral("name"), QStringLiteral("x.pdf")}})),
             QStringLiteral("document_not_found"));

    // The mailroom files a scan it uploaded into the case, but may not rename documents it cannot read.
    const QByteArray scan = "scan " + createUuidV7().toByteArray();
    const QString scanSha = upload(m_mailroom, scan);
    QCOMPARE(code(push(m_mailroom, caseId, CommandName::AttachDocument,
                       attachArgs(caseId, createUuidV7(), scanSha, scan.size()))),
             QStringLiteral("applied"));
    QCOMPARE(code(push(m_mailroom, caseId, CommandName::UpdateDocumentMeta,
                       {{QStringLiteral("documentId"), uuidToString(documentId)},
                        {QStringLiteral("name"), QStringLiteral("x.pdf")}})),
             QStringLiteral("forbidden"));
}

void TestAttachDocument::refusals()
{
    const QUuid caseId = createCase(m_clerk);
    const QUuid otherCaseId = createCase(m_otherTeam);
    QVERIFY(!caseId.isNull() && !otherCaseId.isNull());
    // Never uploaded.
    const QByteArray never = "never uploaded " + createUuidV7().toByteArray();
    const QString neverSha = QString::fromLatin1(QCryptographicHash::hash(never, QCryptographicHash::Sha256).toHex());
    const CommandResult missing =
        push(m_clerk, caseId, CommandName::AttachDocument, attachArgs(caseId, createUuidV7(), neverSha, never.size()));
    QCOMPARE(code(missing), QStringLiteral("blob_missing"));
    // Another team's document: complete on the server, attached to their case, not visible to this clerk.
    const QByteArray secret = "other team's document " + createUuidV7().toByteArray();
    const QString secretSha = upload(m_otherTeam, secret);
    QCOMPARE(code(push(m_otherTeam, otherCaseId, CommandName::AttachDocument,
                       attachArgs(otherCaseId, createUuidV7(), secretSha, secret.size()))),
             QStringLiteral("applied"));
    const CommandResult notVisible = push(m_clerk, caseId, CommandName::AttachDocument,
                                          attachArgs(caseId, createUuidV7(), secretSha, secret.size()));
    QCOMPARE(code(notVisible), QStringLiteral("blob_missing"));
    QCOMPARE(notVisible.detailJson().value(QLatin1String("message")),
             missing.detailJson().value(QLatin1String("message")));
    // A size that is not the content's.
    QCOMPARE(code(push(m_otherTeam, otherCaseId, CommandName::AttachDocument,
                       attachArgs(otherCaseId, createUuidV7(), secretSha, secret.size() + 1))),
             QStringLiteral("invalid_args"));
    QSqlQuery query(db().value());
    QVERIFY(
        query.exec(QStringLiteral("SELECT count(*) FROM documents WHERE case_id = '%1'").arg(uuidToString(caseId))));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestAttachDocument)
#include "tst_attachdocument.moc"
