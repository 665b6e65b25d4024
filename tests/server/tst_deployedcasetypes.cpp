// The case types the server runs cases on, as deployed (DeployedCaseTypes) against a real PostgreSQL: a fresh
// database runs on the bundled ones that migrate deployed, a new deployment reaches the next new case, and a
// case keeps the process model and form version it was opened with.
#include "core/Case.h"
#include "core/Uuid.h"
#include "forms/FormDefinition.h"
#include "mock/TestSupport.h"
#include "server/CommandProcessor.h"
#include "server/DeployedCaseTypes.h"
#include "server/ModelRepository.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

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

const QString parking = QStringLiteral("bewohnerparken");

QByteArray readResource(const QString &relative)
{
    QFile file(resourcePath(relative));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDeployedCaseTypes : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void freshDatabaseRunsOnTheBundledCaseTypes();
    void newDeploymentReachesNewCasesOnly();
    void unchangedDeploymentsAreReadOnce();

private:
    Result<QSqlDatabase> db() const { return m_database->connection(); }
    CommandResult push(const QUuid &caseId, CommandName name, const QJsonObject &args);
    QUuid createCase();
    Case storedCase(const QUuid &id);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::optional<ServerDatabase> m_database;
    AuthSession m_clerk;
    qint64 m_seq = 0;
};

void TestDeployedCaseTypes::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const Result<ServerDatabase> database = test::migratedDatabase(*m_pg);
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database = database.value();
    UserDirectory users(db().value());
    QVERIFY(users.addTeam(QStringLiteral("32.1"), QStringLiteral("Straßenverkehr"), QStringLiteral("32.10")));
    const Result<User> clerk =
        users.addUser({QStringLiteral("a.clerk"), QStringLiteral("A. Clerk"), {Role::Clerk}, {QStringLiteral("32.1")}},
                      QStringLiteral("correct horse battery"));
    QVERIFY(clerk);
    m_clerk.user = clerk.value();
    m_clerk.teamCodes = {QStringLiteral("32.1")};
    m_clerk.clientId = createUuidV7();
}

CommandResult TestDeployedCaseTypes::push(const QUuid &caseId, CommandName name, const QJsonObject &args)
{
    const Command command{
        createUuidV7(), m_clerk.clientId, ++m_seq, caseId, name, args, QDateTime::currentDateTimeUtc()};
    return processCommand(db().value(), m_clerk, command);
}

QUuid TestDeployedCaseTypes::createCase()
{
    const Case theCase = parkingApplication(m_clerk.user.teamIds.value(0), QStringLiteral("Bewohnerparkausweis"));
    const CommandResult result =
        push(theCase.id, CommandName::CreateCase, {{QStringLiteral("case"), theCase.toJson()}});
    return result.outcome == CommandResult::Outcome::Applied ? theCase.id : QUuid();
}

Case TestDeployedCaseTypes::storedCase(const QUuid &id)
{
    QSqlQuery query(db().value());
    query.prepare(QStringLiteral("SELECT data::text FROM cases WHERE id = CAST(:id AS uuid)"));
    query.bindValue(QStringLiteral(":id"), uuidToString(id));
    if (!query.exec() || !query.next())
        return {};
    Result<Case> read = Case::fromJson(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
    return read ? read.value() : Case{};
}

void TestDeployedCaseTypes::freshDatabaseRunsOnTheBundledCaseTypes()
{
    const auto catalogue = DeployedCaseTypes::current(db().value());
    QVERIFY2(catalogue, qPrintable(catalogue ? QString() : catalogue.error().toString()));
    QCOMPARE(catalogue.value()->latestOfEach().size(), 4);
    const demo::CaseTypeContent *content = catalogue.value()->latest(parking);
    QVERIFY(content);
    QCOMPARE(content->processVersion, 1);

    const QUuid id = createCase();
    QVERIFY(!id.isNull());
    const Case opened = storedCase(id);
    QCOMPARE(opened.processVersion, 1);
    QCOMPARE(opened.formVersion, content->form.version());
    QCOMPARE(opened.statusText, QStringLiteral("Antrag erfassen"));
}

void TestDeployedCaseTypes::newDeploymentReachesNewCasesOnly()
{
    const QUuid older = createCase();
    QVERIFY(!older.isNull());

    // Version 2 of the process names its first two tasks differently; a form version 2 adds nothing but its number.
    QByteArray bpmn = readResource(QStringLiteral("processes/bewohnerparken.bpmn"));
    bpmn.replace("name=\"Antrag erfassen\"", "name=\"Antrag aufnehmen\"");
    bpmn.replace("name=\"Vollständigkeit prüfen\"", "name=\"Unterlagen sichten\"");
    ModelRepository repository(db().value());
    const Result<Deployment> process = repository.deployProcess(parking, bpmn, 0, QStringLiteral("test"));
    QVERIFY2(process, qPrintable(process ? QString() : process.error().toString()));
    QCOMPARE(process->version, 2);
    QJsonObject formJson = QJsonDocument::fromJson(readResource(QStringLiteral("forms/bewohnerparken.json"))).object();
    formJson.insert(QStringLiteral("version"), 2);
    const Result<forms::FormDefinition> form = forms::FormDefinition::fromJson(formJson);
    QVERIFY(form);
    QVERIFY(repository.deployForm(form.value(), QStringLiteral("test")));

    const QUuid newer = createCase();
    QVERIFY(!newer.isNull());
    QCOMPARE(storedCase(newer).processVersion, 2);
    QCOMPARE(storedCase(newer).formVersion, 2);
    QCOMPARE(storedCase(newer).statusText, QStringLiteral("Antrag aufnehmen"));
    QCOMPARE(storedCase(older).processVersion, 1);
    QCOMPARE(storedCase(older).statusText, QStringLiteral("Antrag erfassen"));

    // Each case moves on through its own version of the process.
    for (const QUuid &id : {older, newer}) {
        const CommandResult done =
            push(id, CommandName::CompleteTask, {{QStringLiteral("taskId"), QStringLiteral("Task_Intake")}});
        QVERIFY2(done.outcome == CommandResult::Outcome::Applied, qPrintable(done.message));
    }
    QCOMPARE(storedCase(older).statusText, QStringLiteral("Vollständigkeit prüfen"));
    QCOMPARE(storedCase(newer).statusText, QStringLiteral("Unterlagen sichten"));
    QCOMPARE(storedCase(older).processVersion, 1);
}

void TestDeployedCaseTypes::unchangedDeploymentsAreReadOnce()
{
    const auto first = DeployedCaseTypes::current(db().value());
    const auto second = DeployedCaseTypes::current(db().value());
    QVERIFY(first && second);
    QCOMPARE(first.value().get(), second.value().get());
    QCOMPARE(first.value()->latest(parking)->processVersion, 2);

    // A deployment through another connection (another server process) is seen at the next look.
    QByteArray bpmn = readResource(QStringLiteral("processes/bewohnerparken.bpmn"));
    bpmn.replace("name=\"Antrag erfassen\"", "name=\"Antrag anlegen\"");
    bool deployed = false;
    const std::unique_ptr<QThread> other(QThread::create([&] { // a connection of its own
        if (const Result<QSqlDatabase> otherDb = m_database->connection(); otherDb)
            deployed = ModelRepository(otherDb.value()).deployProcess(parking, bpmn, 0, QStringLiteral("test")).ok();
        m_database->closeConnection();
    }));
    other->start();
    QVERIFY(other->wait(60000));
    QVERIFY(deployed);
    const auto third = DeployedCaseTypes::current(db().value());
    QVERIFY(third);
    QVERIFY(third.value().get() != first.value().get());
    QCOMPARE(third.value()->latest(parking)->processVersion, 3);
}

QTEST_GUILESS_MAIN(TestDeployedCaseTypes)
#include "tst_deployedcasetypes.moc"
