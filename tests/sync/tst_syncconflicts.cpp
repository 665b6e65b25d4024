// SyncEngine when the server refuses what a client did offline (issue 6, the fault tests beside tst_syncfaults):
// the permission is revoked while commands wait, two clients edit the same field offline, and the workflow was
// moved on by someone else. Nothing may be dropped silently: each refused command stays in the outbox with the
// server's reason (and value), the edits that do apply are not lost, and each test ends with the client's
// confirmed state compared with the server's cases in its scope (ConvergenceCheck).
#include "core/Clock.h"
#include "core/Note.h"
#include "core/Uuid.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

#include <memory>
#include <optional>

#include "ConvergenceCheck.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"
#include "SyncServerFixture.h"
#include "SyncTestClient.h"
#include "SyncTestData.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::storage;
using namespace casedesk::sync;
using namespace casedesk::test;

namespace {

constexpr int syncTimeoutMs = 60000;
const QString reasonField = QStringLiteral("secondVehicleReason");
const QString fromField = QStringLiteral("validFrom");

// The value the user wanted for `field`, as the outbox keeps it.
QJsonValue usersValue(const OutboxEntry &entry, const QString &field)
{
    return entry.command.args.value(QStringLiteral("fields"))
        .toObject()
        .value(field)
        .toObject()
        .value(QStringLiteral("new"));
}

} // namespace

class TestSyncConflicts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void permissionRevokedWithPendingCommands();
    void sameFieldEditedOfflineOnTwoClients();
    void workflowMovedOnBySomeoneElse();

private:
    std::unique_ptr<SyncTestClient> connect(const QString &login);
    bool settle(SyncTestClient &client);
    QString differences(SyncTestClient &client);
    QUuid createCase(SyncTestClient &client, const QString &title);
    // Points the client at a port where nothing listens and lets its engine find out.
    void goOffline(SyncTestClient &client);

    SyncServerFixture m_fixture;
    QUuid m_team; // 32.1: anna, bert, carl
};

void TestSyncConflicts::initTestCase()
{
    const QString problem = m_fixture.setUp({QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("carl")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_team = m_fixture.teamId(QStringLiteral("32.1"));
    QVERIFY(!m_team.isNull());
    const QString started = m_fixture.startServer();
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestSyncConflicts::cleanupTestCase()
{
    QCOMPARE(m_fixture.tearDown(), 0);
}

std::unique_ptr<SyncTestClient> TestSyncConflicts::connect(const QString &login)
{
    auto client = std::make_unique<SyncTestClient>();
    return client->logIn(m_fixture.server->url(QStringLiteral("/")), login, syncTimeoutMs) ? std::move(client)
                                                                                           : nullptr;
}

bool TestSyncConflicts::settle(SyncTestClient &client)
{
    QString problem;
    if (ConvergenceCheck::settle(client, syncTimeoutMs, &problem))
        return true;
    qWarning().noquote() << "sync did not complete:" << problem;
    return false;
}

QString TestSyncConflicts::differences(SyncTestClient &client)
{
    return ConvergenceCheck(m_fixture.db()).differences(client);
}

QUuid TestSyncConflicts::createCase(SyncTestClient &client, const QString &title)
{
    const Case c = parkingApplication(m_team, title);
    const Result<Command> created =
        client.submit(CommandName::CreateCase, c.id, {{QStringLiteral("case"), c.toJson()}});
    return created ? c.id : QUuid();
}

void TestSyncConflicts::goOffline(SyncTestClient &client)
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QUrl nowhere(QStringLiteral("http://127.0.0.1:%1/").arg(probe.serverPort()));
    probe.close();
    client.api->setServerUrl(nowhere);
    client.engine->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(client.engine->state(), SyncEngine::State::WaitingToRetry, syncTimeoutMs);
    QVERIFY(!client.engine->isOnline());
    client.api->setServerUrl(m_fixture.server->url(QStringLiteral("/")));
}

void TestSyncConflicts::permissionRevokedWithPendingCommands()
{
    auto carl = connect(QStringLiteral("carl"));
    auto bert = connect(QStringLiteral("bert"));
    QVERIFY(carl && bert);
    const QUuid caseId = createCase(*bert, QStringLiteral("Bewohnerparkausweis, Zuständigkeit gewechselt"));
    QVERIFY(settle(*bert));
    QVERIFY(settle(*carl));
    const qint64 version = carl->confirmed(caseId).value().version;

    // Carl works offline on the case ...
    const Result<Command> edit =
        carl->submit(CommandName::SetFields, caseId, fieldEdit(reasonField, QJsonValue::Null, QStringLiteral("Carl")));
    const Note note{createUuidV7(), caseId, carl->userId, QDateTime::currentDateTimeUtc(), QStringLiteral("Rückfrage")};
    const Result<Command> noted = carl->submit(CommandName::AddNote, caseId, {{QStringLiteral("note"), note.toJson()}});
    QVERIFY(edit && noted);
    QVERIFY(carl->visible(caseId));
    goOffline(*carl);
    // ... while the administrator moves him to another team.
    QSqlQuery move(m_fixture.db());
    const Result<Team> other = server::UserDirectory(m_fixture.db())
                                   .addTeam(QStringLiteral("32.2"), QStringLiteral("Verkehr"), QStringLiteral("32.20"));
    QVERIFY(other.ok());
    const QString carlsId = uuidToString(carl->userId);
    QVERIFY(move.exec(QStringLiteral("DELETE FROM user_teams WHERE user_id = '%1'").arg(carlsId)));
    QVERIFY(move.exec(QStringLiteral("INSERT INTO user_teams (user_id, team_id) VALUES ('%1', '%2')")
                          .arg(carlsId, uuidToString(other->id))));

    QVERIFY(settle(*carl));
    // Both commands are refused with a reason and kept for Carl to see; the case left his cache.
    const QList<OutboxEntry> entries = carl->outbox();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).command, *edit);
    QCOMPARE(entries.at(1).command, *noted);
    for (const OutboxEntry &entry : entries) {
        QCOMPARE(entry.state, OutboxEntry::State::Rejected);
        QVERIFY(!entry.reason.isEmpty());
    }
    QVERIFY(!carl->confirmed(caseId));
    QVERIFY(!carl->visible(caseId));
    QCOMPARE(m_fixture.scalar(QStringLiteral("SELECT version FROM cases WHERE id = '%1'").arg(uuidToString(caseId)))
                 .toLongLong(),
             version);
    QCOMPARE(m_fixture
                 .scalar(QStringLiteral("SELECT count(*) FROM commands WHERE user_id = '%1' AND result = 'rejected'")
                             .arg(carlsId))
                 .toInt(),
             2);
    QCOMPARE(differences(*carl), QString());
    QCOMPARE(differences(*bert), QString());
}

void TestSyncConflicts::sameFieldEditedOfflineOnTwoClients()
{
    auto anna = connect(QStringLiteral("anna"));
    auto bert = connect(QStringLiteral("bert"));
    QVERIFY(anna && bert);
    const QUuid caseId = createCase(*anna, QStringLiteral("Bewohnerparkausweis, zweimal offline bearbeitet"));
    QVERIFY(settle(*anna));
    QVERIFY(settle(*bert));

    // Both offline: the same field from the same old value on both; Bert also sets another field.
    const QString day = Clock::current().today().addDays(10).toString(Qt::ISODate);
    QVERIFY(
        anna->submit(CommandName::SetFields, caseId, fieldEdit(reasonField, QJsonValue::Null, QStringLiteral("Anna"))));
    const Result<Command> berts =
        bert->submit(CommandName::SetFields, caseId, fieldEdit(reasonField, QJsonValue::Null, QStringLiteral("Bert")));
    QVERIFY(berts);
    QVERIFY(bert->submit(CommandName::SetFields, caseId, fieldEdit(fromField, QJsonValue::Null, day)));
    goOffline(*anna);
    goOffline(*bert);

    // Anna is back first and wins; Bert's edit of the same field is a conflict, his other field merges.
    QVERIFY(settle(*anna));
    QVERIFY(settle(*bert));
    const QList<OutboxEntry> entries = bert->outbox();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).command, *berts);
    QCOMPARE(entries.at(0).state, OutboxEntry::State::Conflict);
    QVERIFY(!entries.at(0).reason.isEmpty());
    QCOMPARE(entries.at(0).serverValues.value(reasonField).toObject().value(QStringLiteral("server")).toString(),
             QStringLiteral("Anna"));
    QCOMPARE(usersValue(entries.at(0), reasonField).toString(), QStringLiteral("Bert"));
    const std::optional<Case> atBert = bert->visible(caseId);
    QCOMPARE(atBert->formData.value(reasonField).toString(), QStringLiteral("Anna"));
    QCOMPARE(atBert->formData.value(fromField).toString(), day);
    QCOMPARE(differences(*bert), QString());

    // Bert keeps his value: applied again on top of Anna's, it goes through and reaches her.
    QVERIFY(Outbox(bert->cache.db()).reapply(berts->id, bert->userId));
    QVERIFY(settle(*bert));
    QVERIFY(settle(*anna));
    QCOMPARE(bert->outbox().size(), 0);
    QCOMPARE(anna->outbox().size(), 0);
    QCOMPARE(anna->confirmed(caseId)->formData.value(reasonField).toString(), QStringLiteral("Bert"));
    QCOMPARE(anna->confirmed(caseId)->formData.value(fromField).toString(), day);
    QCOMPARE(differences(*anna), QString());
    QCOMPARE(differences(*bert), QString());
}

void TestSyncConflicts::workflowMovedOnBySomeoneElse()
{
    auto anna = connect(QStringLiteral("anna"));
    auto bert = connect(QStringLiteral("bert"));
    QVERIFY(anna && bert);
    const QUuid caseId = createCase(*anna, QStringLiteral("Bewohnerparkausweis, Eingang zweimal erfasst"));
    QVERIFY(settle(*anna));
    QVERIFY(settle(*bert));
    const QJsonObject intake{{QStringLiteral("taskId"), QStringLiteral("Task_Intake")},
                             {QStringLiteral("note"), QStringLiteral("Eingang erfasst")}};

    // Bert completes the intake; Anna, not yet aware, completes it too and fills in a field.
    QVERIFY(bert->submit(CommandName::CompleteTask, caseId, intake));
    QVERIFY(settle(*bert));
    const Result<Command> annasTask = anna->submit(CommandName::CompleteTask, caseId, intake);
    QVERIFY(annasTask);
    QVERIFY(anna->submit(CommandName::SetFields, caseId,
                         fieldEdit(reasonField, QJsonValue::Null, QStringLiteral("Pflegedienst"))));
    QVERIFY(settle(*anna));

    // Her completion is a conflict naming the task that waits now; her edit is applied, not lost with it.
    const QList<OutboxEntry> entries = anna->outbox();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).command, *annasTask);
    QCOMPARE(entries.at(0).state, OutboxEntry::State::Conflict);
    QVERIFY(!entries.at(0).reason.isEmpty());
    QVERIFY(entries.at(0)
                .serverValues.value(QStringLiteral("task"))
                .toObject()
                .value(QStringLiteral("server"))
                .toArray()
                .contains(QStringLiteral("Task_CheckCompleteness")));
    const std::optional<Case> confirmed = anna->confirmed(caseId);
    QCOMPARE(confirmed->formData.value(reasonField).toString(), QStringLiteral("Pflegedienst"));
    QCOMPARE(anna->visible(caseId)->workflowState, confirmed->workflowState);
    // Bert's Vermerk came with the case, Anna's did not: her completion never happened.
    QCOMPARE(CaseRepository(anna->cache.db()).visibleNotes(caseId).value().size(), 1);
    QCOMPARE(differences(*anna), QString());
    QVERIFY(settle(*bert));
    QCOMPARE(differences(*bert), QString());
}

QTEST_GUILESS_MAIN(TestSyncConflicts)
#include "tst_syncconflicts.moc"
