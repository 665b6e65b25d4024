// `casedesk-server process deploy|list` and `form deploy|list` of the built binary against a real PostgreSQL
// database named by CASEDESK_DB: only checked content is stored, deployed versions never change (the same
// content again is a no-op, other content is refused), migrate deploys the bundled case types, and --bundled
// deploys them into a database that lacks them. The functions run in order and build on each other.
#include "forms/FormDefinition.h"
#include "mock/TestSupport.h"
#include "server/ServerDatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

#include "PostgresTestDatabase.h"

using namespace casedesk;
using namespace casedesk::server;

namespace {

const QStringList bundledTypes{QStringLiteral("baumfaellung"), QStringLiteral("bewohnerparken"),
                               QStringLiteral("buergerhaushalt"), QStringLiteral("umweltzone")};

QByteArray readResource(const QString &relative)
{
    QFile file(test::resourcePath(relative));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDeployCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void migrateDeploysTheBundledCaseTypes();
    void help_data();
    void help();
    void usageErrors_data();
    void usageErrors();
    void listsNothingAtFirst();
    void deployProcess();
    void refusesInvalidProcess_data();
    void refusesInvalidProcess();
    void sameProcessAgainChangesNothing();
    void otherContentUnderDeployedVersionIsRefused();
    void newContentGetsNextVersion();
    void deployForm();
    void refusesInvalidForm_data();
    void refusesInvalidForm();
    void reformattedFormChangesNothing();
    void otherFormContentUnderDeployedVersionIsRefused();
    void deployBundled();
    void listShowsVersions();

private:
    test::CommandRun run(const QStringList &arguments);
    QString writeFile(const QString &name, const QByteArray &bytes);
    // Rows of `sql` (one text column), in order.
    QStringList rows(const QString &sql);

    std::unique_ptr<test::PostgresTestDatabase> m_pg;
    QTemporaryDir m_dir;
    std::optional<ServerDatabase> m_database; // the test's own look at what was stored
};

void TestDeployCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pg = std::make_unique<test::PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const Result<ServerDatabase> database = ServerDatabase::fromConnectionString(m_pg->connectionString());
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database = database.value();
    const test::CommandRun migrated = run({QStringLiteral("migrate")});
    QVERIFY2(migrated.exitCode == 0, qPrintable(migrated.err));
}

void TestDeployCommand::cleanupTestCase()
{
    if (m_database)
        m_database->closeConnection();
    m_pg.reset();
}

test::CommandRun TestDeployCommand::run(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CASEDESK_CONFIG"), QStringLiteral("/nonexistent/casedesk-server.conf"));
    environment.insert(QStringLiteral("CASEDESK_DB"), m_pg->connectionString());
    return test::runServerCommand(arguments, {}, environment);
}

QString TestDeployCommand::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QStringList TestDeployCommand::rows(const QString &sql)
{
    const Result<QSqlDatabase> db = m_database->connection();
    if (!db)
        return {QStringLiteral("no connection: ") + db.error().toString()};
    QSqlQuery query(db.value());
    if (!query.exec(sql))
        return {QStringLiteral("query failed: ") + query.lastError().text()};
    QStringList result;
    while (query.next())
        result.append(query.value(0).toString());
    return result;
}

void TestDeployCommand::migrateDeploysTheBundledCaseTypes()
{
    for (const QString &type : bundledTypes) {
        const QByteArray bpmn = readResource(QStringLiteral("processes/%1.bpmn").arg(type));
        QCOMPARE(rows(QStringLiteral("SELECT version || ' ' || encode(sha256, 'hex') || ' ' || deployed_by"
                                     " FROM process_models WHERE case_type = '%1'")
                          .arg(type)),
                 QStringList{QStringLiteral("1 %1 casedesk-server migrate")
                                 .arg(QString::fromLatin1(
                                     QCryptographicHash::hash(bpmn, QCryptographicHash::Sha256).toHex()))});
        QCOMPARE(rows(QStringLiteral("SELECT bpmn FROM process_models WHERE case_type = '%1'").arg(type)),
                 QStringList{QString::fromUtf8(bpmn)});
        const Result<forms::FormDefinition> form =
            forms::FormDefinition::fromJsonBytes(readResource(QStringLiteral("forms/%1.json").arg(type)));
        QVERIFY(form);
        QCOMPARE(rows(QStringLiteral("SELECT version FROM form_definitions WHERE form_id = '%1'").arg(type)),
                 QStringList{QString::number(form->version())});
    }
    // What migrate deployed is what "deploy --bundled" would deploy.
    const test::CommandRun processes =
        run({QStringLiteral("process"), QStringLiteral("deploy"), QStringLiteral("--bundled")});
    QVERIFY2(processes.exitCode == 0, qPrintable(processes.err));
    QCOMPARE(processes.out.count(QLatin1String("nothing changed")), bundledTypes.size());
    const test::CommandRun forms = run({QStringLiteral("form"), QStringLiteral("deploy"), QStringLiteral("--bundled")});
    QVERIFY2(forms.exitCode == 0, qPrintable(forms.err));
    QCOMPARE(forms.out.count(QLatin1String("nothing changed")), bundledTypes.size());

    // The functions below start from a database without deployments (one an administrator set up by hand
    // before migration 14 took the bundled ones): deployed rows are never removed otherwise.
    QCOMPARE(rows(QStringLiteral("WITH p AS (DELETE FROM process_models RETURNING 1),"
                                 " f AS (DELETE FROM form_definitions RETURNING 1)"
                                 " SELECT (SELECT count(*) FROM p) + (SELECT count(*) FROM f)")),
             QStringList{QString::number(2 * bundledTypes.size())});
}

void TestDeployCommand::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::newRow("process") << QStringList{QStringLiteral("process"), QStringLiteral("--help")}
                             << "casedesk-server process deploy FILE --case-type TYPE";
    QTest::newRow("process deploy") << QStringList{QStringLiteral("process"), QStringLiteral("deploy"),
                                                   QStringLiteral("--help")}
                                    << "--bundled";
    QTest::newRow("process list") << QStringList{QStringLiteral("process"), QStringLiteral("list"),
                                                 QStringLiteral("-h")}
                                  << "casedesk-server process list";
    QTest::newRow("form") << QStringList{QStringLiteral("form"), QStringLiteral("--help")}
                          << "casedesk-server form deploy FILE";
    QTest::newRow("form deploy") << QStringList{QStringLiteral("form"), QStringLiteral("deploy"),
                                                QStringLiteral("--help")}
                                 << "form deploy --bundled";
    QTest::newRow("form list") << QStringList{QStringLiteral("form"), QStringLiteral("list"), QStringLiteral("--help")}
                               << "casedesk-server form list";
}

void TestDeployCommand::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);

    const test::CommandRun result = run(arguments);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(expected), qPrintable(result.out));
}

void TestDeployCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");

    const QString file = test::resourcePath(QStringLiteral("processes/baumfaellung.bpmn"));
    QTest::newRow("process deploy without case type")
        << QStringList{QStringLiteral("process"), QStringLiteral("deploy"), file};
    QTest::newRow("process deploy without file")
        << QStringList{QStringLiteral("process"), QStringLiteral("deploy"), QStringLiteral("--case-type"),
                       QStringLiteral("baumfaellung")};
    QTest::newRow("bad case type") << QStringList{QStringLiteral("process"), QStringLiteral("deploy"), file,
                                                  QStringLiteral("--case-type"), QStringLiteral("Baum Fällung")};
    QTest::newRow("version 0") << QStringList{QStringLiteral("process"),
                                              QStringLiteral("deploy"),
                                              file,
                                              QStringLiteral("--case-type"),
                                              QStringLiteral("baumfaellung"),
                                              QStringLiteral("--version"),
                                              QStringLiteral("0")};
    QTest::newRow("bundled with a file") << QStringList{QStringLiteral("process"), QStringLiteral("deploy"),
                                                        QStringLiteral("--bundled"), file};
    QTest::newRow("process list with argument")
        << QStringList{QStringLiteral("process"), QStringLiteral("list"), QStringLiteral("all")};
    QTest::newRow("form deploy without file") << QStringList{QStringLiteral("form"), QStringLiteral("deploy")};
    QTest::newRow("form deploy unknown option")
        << QStringList{QStringLiteral("form"), QStringLiteral("deploy"), QStringLiteral("--force")};
    QTest::newRow("form list with argument")
        << QStringList{QStringLiteral("form"), QStringLiteral("list"), QStringLiteral("all")};
}

void TestDeployCommand::usageErrors()
{
    QFETCH(QStringList, arguments);

    const test::CommandRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QLatin1String("usage:")), qPrintable(result.err));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM process_models")), QStringList{QStringLiteral("0")});
}

void TestDeployCommand::listsNothingAtFirst()
{
    const test::CommandRun processes = run({QStringLiteral("process"), QStringLiteral("list")});
    QCOMPARE(processes.exitCode, 0);
    QVERIFY2(processes.out.contains(QLatin1String("no process models deployed")), qPrintable(processes.out));
    const test::CommandRun forms = run({QStringLiteral("form"), QStringLiteral("list")});
    QCOMPARE(forms.exitCode, 0);
    QVERIFY2(forms.out.contains(QLatin1String("no form definitions deployed")), qPrintable(forms.out));
}

void TestDeployCommand::deployProcess()
{
    const test::CommandRun result = run({QStringLiteral("process"), QStringLiteral("deploy"),
                                         test::resourcePath(QStringLiteral("processes/baumfaellung.bpmn")),
                                         QStringLiteral("--case-type"), QStringLiteral("baumfaellung")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(QLatin1String("process model baumfaellung version 1: deployed")),
             qPrintable(result.out));
    // The check's summary is printed as with `process check`.
    QVERIFY2(result.out.contains(QLatin1String("process Process_Baumfaellung")), qPrintable(result.out));

    const QByteArray bpmn = readResource(QStringLiteral("processes/baumfaellung.bpmn"));
    QCOMPARE(rows(QStringLiteral("SELECT case_type || ' ' || version FROM process_models")),
             QStringList{QStringLiteral("baumfaellung 1")});
    QCOMPARE(rows(QStringLiteral("SELECT bpmn FROM process_models")), QStringList{QString::fromUtf8(bpmn)});
    QCOMPARE(rows(QStringLiteral("SELECT encode(sha256, 'hex') FROM process_models")),
             QStringList{QString::fromLatin1(QCryptographicHash::hash(bpmn, QCryptographicHash::Sha256).toHex())});
    QCOMPARE(rows(QStringLiteral("SELECT deployed_by <> '' FROM process_models")), QStringList{QStringLiteral("true")});
}

void TestDeployCommand::refusesInvalidProcess_data()
{
    QTest::addColumn<QByteArray>("bpmn");
    QTest::addColumn<QString>("expected"); // in standard output, from the check

    const QByteArray valid = readResource(QStringLiteral("processes/bewohnerparken.bpmn"));
    QVERIFY(valid.contains("targetRef=\""));
    QByteArray dangling = valid;
    const qsizetype target = dangling.indexOf("targetRef=\"") + qsizetype(qstrlen("targetRef=\""));
    dangling.insert(target, "Nowhere_");

    QTest::newRow("not XML") << QByteArray("this is not a process model") << "error";
    QTest::newRow("cut off") << valid.left(valid.size() / 2) << "error";
    QTest::newRow("flow to nowhere") << dangling << "Nowhere_";
}

void TestDeployCommand::refusesInvalidProcess()
{
    QFETCH(QByteArray, bpmn);
    QFETCH(QString, expected);

    const QString path = writeFile(QStringLiteral("invalid.bpmn"), bpmn);
    const test::CommandRun result = run({QStringLiteral("process"), QStringLiteral("deploy"), path,
                                         QStringLiteral("--case-type"), QStringLiteral("bewohnerparken")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(expected), qPrintable(result.out));
    QVERIFY2(result.err.contains(QLatin1String("was not deployed")), qPrintable(result.err));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM process_models WHERE case_type = 'bewohnerparken'")),
             QStringList{QStringLiteral("0")});
}

void TestDeployCommand::sameProcessAgainChangesNothing()
{
    const QStringList before = rows(QStringLiteral("SELECT deployed_at::text FROM process_models"));
    for (const QStringList &extra : {QStringList{}, QStringList{QStringLiteral("--version"), QStringLiteral("1")}}) {
        const test::CommandRun result =
            run(QStringList{QStringLiteral("process"), QStringLiteral("deploy"),
                            test::resourcePath(QStringLiteral("processes/baumfaellung.bpmn")),
                            QStringLiteral("--case-type"), QStringLiteral("baumfaellung")} +
                extra);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains(QLatin1String("version 1: deployed already with this content")),
                 qPrintable(result.out));
    }
    QCOMPARE(rows(QStringLiteral("SELECT deployed_at::text FROM process_models")), before);
}

void TestDeployCommand::otherContentUnderDeployedVersionIsRefused()
{
    const QByteArray storedBefore =
        rows(QStringLiteral("SELECT encode(sha256, 'hex') FROM process_models")).join(u',').toLatin1();
    // A valid model, but not the one deployed as version 1.
    const test::CommandRun result =
        run({QStringLiteral("process"), QStringLiteral("deploy"),
             test::resourcePath(QStringLiteral("processes/umweltzone.bpmn")), QStringLiteral("--case-type"),
             QStringLiteral("baumfaellung"), QStringLiteral("--version"), QStringLiteral("1")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("version 1 is deployed already with other content")),
             qPrintable(result.err));
    QCOMPARE(rows(QStringLiteral("SELECT encode(sha256, 'hex') FROM process_models")).join(u',').toLatin1(),
             storedBefore);
}

void TestDeployCommand::newContentGetsNextVersion()
{
    const QByteArray changed = readResource(QStringLiteral("processes/baumfaellung.bpmn"))
                                   .replace("name=\"Baumfällgenehmigung\"", "name=\"Baumfällgenehmigung 2\"");
    const QString path = writeFile(QStringLiteral("baumfaellung-2.bpmn"), changed);
    const test::CommandRun result = run({QStringLiteral("process"), QStringLiteral("deploy"), path,
                                         QStringLiteral("--case-type"), QStringLiteral("baumfaellung")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(QLatin1String("process model baumfaellung version 2: deployed")),
             qPrintable(result.out));
    QCOMPARE(rows(QStringLiteral("SELECT bpmn FROM process_models WHERE version = 2")),
             QStringList{QString::fromUtf8(changed)});

    // An explicit version must be above the latest, so the latest version is always the highest.
    const test::CommandRun lower =
        run({QStringLiteral("process"), QStringLiteral("deploy"),
             test::resourcePath(QStringLiteral("processes/umweltzone.bpmn")), QStringLiteral("--case-type"),
             QStringLiteral("baumfaellung"), QStringLiteral("--version"), QStringLiteral("2")});
    QCOMPARE(lower.exitCode, 1);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM process_models")), QStringList{QStringLiteral("2")});
}

void TestDeployCommand::deployForm()
{
    const test::CommandRun result = run({QStringLiteral("form"), QStringLiteral("deploy"),
                                         test::resourcePath(QStringLiteral("forms/umweltzone.json"))});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(QLatin1String("form definition umweltzone version 1: deployed")),
             qPrintable(result.out));
    const Result<forms::FormDefinition> expected =
        forms::FormDefinition::fromJsonBytes(readResource(QStringLiteral("forms/umweltzone.json")));
    QVERIFY(expected);
    const QStringList stored = rows(QStringLiteral("SELECT definition::text FROM form_definitions"));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(QJsonDocument::fromJson(stored.constFirst().toUtf8()).object(), expected->json());
    QCOMPARE(rows(QStringLiteral("SELECT form_id || ' ' || version FROM form_definitions")),
             QStringList{QStringLiteral("umweltzone 1")});
}

void TestDeployCommand::refusesInvalidForm_data()
{
    QTest::addColumn<QByteArray>("json");

    QJsonObject valid = QJsonDocument::fromJson(readResource(QStringLiteral("forms/bewohnerparken.json"))).object();
    QVERIFY(!valid.isEmpty());
    QJsonObject withoutVersion = valid;
    withoutVersion.remove(QStringLiteral("version"));
    QJsonObject unknownKey = valid;
    unknownKey.insert(QStringLiteral("fieldz"), QJsonArray());

    QTest::newRow("not JSON") << QByteArray("{\"id\": ");
    QTest::newRow("without version") << QJsonDocument(withoutVersion).toJson();
    QTest::newRow("unknown key") << QJsonDocument(unknownKey).toJson();
}

void TestDeployCommand::refusesInvalidForm()
{
    QFETCH(QByteArray, json);

    // A valid definition first on the command line: one broken file deploys none.
    const QString path = writeFile(QStringLiteral("invalid.json"), json);
    const test::CommandRun result = run({QStringLiteral("form"), QStringLiteral("deploy"),
                                         test::resourcePath(QStringLiteral("forms/buergerhaushalt.json")), path});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("nothing was deployed")), qPrintable(result.err));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM form_definitions")), QStringList{QStringLiteral("1")});
}

void TestDeployCommand::reformattedFormChangesNothing()
{
    const QJsonObject object = QJsonDocument::fromJson(readResource(QStringLiteral("forms/umweltzone.json"))).object();
    const QString path =
        writeFile(QStringLiteral("umweltzone-compact.json"), QJsonDocument(object).toJson(QJsonDocument::Compact));
    const QStringList before = rows(QStringLiteral("SELECT deployed_at::text FROM form_definitions"));
    const test::CommandRun result = run({QStringLiteral("form"), QStringLiteral("deploy"), path});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(QLatin1String("version 1: deployed already with this content")),
             qPrintable(result.out));
    QCOMPARE(rows(QStringLiteral("SELECT deployed_at::text FROM form_definitions")), before);
}

void TestDeployCommand::otherFormContentUnderDeployedVersionIsRefused()
{
    QJsonObject object = QJsonDocument::fromJson(readResource(QStringLiteral("forms/umweltzone.json"))).object();
    object.insert(QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Changed")},
                                                       {QStringLiteral("de"), QStringLiteral("Geändert")}});
    const QString changed = writeFile(QStringLiteral("umweltzone-changed.json"), QJsonDocument(object).toJson());
    const QStringList before = rows(QStringLiteral("SELECT definition::text FROM form_definitions"));

    const test::CommandRun refused = run({QStringLiteral("form"), QStringLiteral("deploy"), changed});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QLatin1String("version 1 is deployed already with other content")),
             qPrintable(refused.err));
    QCOMPARE(rows(QStringLiteral("SELECT definition::text FROM form_definitions")), before);

    // The same change as a new version is fine.
    object.insert(QStringLiteral("version"), 2);
    const QString next = writeFile(QStringLiteral("umweltzone-2.json"), QJsonDocument(object).toJson());
    const test::CommandRun deployed = run({QStringLiteral("form"), QStringLiteral("deploy"), next});
    QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.err));
    QVERIFY2(deployed.out.contains(QLatin1String("form definition umweltzone version 2: deployed")),
             qPrintable(deployed.out));
}

void TestDeployCommand::deployBundled()
{
    const test::CommandRun processes =
        run({QStringLiteral("process"), QStringLiteral("deploy"), QStringLiteral("--bundled")});
    QVERIFY2(processes.exitCode == 0, qPrintable(processes.err));
    const test::CommandRun forms = run({QStringLiteral("form"), QStringLiteral("deploy"), QStringLiteral("--bundled")});
    QVERIFY2(forms.exitCode == 0, qPrintable(forms.err));

    // baumfaellung's latest version (2) differs from the bundled model, so the bundled one becomes version 3;
    // umweltzone's form version 1 is the bundled content already.
    QCOMPARE(rows(QStringLiteral("SELECT case_type || ' ' || version FROM process_models ORDER BY 1")),
             (QStringList{QStringLiteral("baumfaellung 1"), QStringLiteral("baumfaellung 2"),
                          QStringLiteral("baumfaellung 3"), QStringLiteral("bewohnerparken 1"),
                          QStringLiteral("buergerhaushalt 1"), QStringLiteral("umweltzone 1")}));
    QCOMPARE(rows(QStringLiteral("SELECT form_id || ' ' || version FROM form_definitions ORDER BY 1")),
             (QStringList{QStringLiteral("baumfaellung 1"), QStringLiteral("bewohnerparken 1"),
                          QStringLiteral("buergerhaushalt 1"), QStringLiteral("umweltzone 1"),
                          QStringLiteral("umweltzone 2")}));
    for (const QString &type : bundledTypes) {
        QCOMPARE(rows(QStringLiteral("SELECT bpmn FROM process_models WHERE case_type = '%1' ORDER BY version DESC"
                                     " LIMIT 1")
                          .arg(type)),
                 QStringList{QString::fromUtf8(readResource(QStringLiteral("processes/%1.bpmn").arg(type)))});
    }

    // Twice is harmless: a fresh server's setup can simply be run again.
    const test::CommandRun again =
        run({QStringLiteral("process"), QStringLiteral("deploy"), QStringLiteral("--bundled")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(again.out.count(QLatin1String("nothing changed")), bundledTypes.size());
    const test::CommandRun formsAgain =
        run({QStringLiteral("form"), QStringLiteral("deploy"), QStringLiteral("--bundled")});
    QVERIFY2(formsAgain.exitCode == 0, qPrintable(formsAgain.err));
    QCOMPARE(formsAgain.out.count(QLatin1String("nothing changed")), bundledTypes.size());
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM process_models")), QStringList{QStringLiteral("6")});
}

void TestDeployCommand::listShowsVersions()
{
    const test::CommandRun processes = run({QStringLiteral("process"), QStringLiteral("list")});
    QCOMPARE(processes.exitCode, 0);
    const QStringList processLines = processes.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(processLines.size(), 6);
    QVERIFY2(processLines.at(2).startsWith(QLatin1String("baumfaellung  version 3  sha256 ")),
             qPrintable(processes.out));
    const QString bundledSha = QString::fromLatin1(
        QCryptographicHash::hash(readResource(QStringLiteral("processes/umweltzone.bpmn")), QCryptographicHash::Sha256)
            .toHex()
            .left(12));
    QVERIFY2(processLines.at(5).startsWith(QStringLiteral("umweltzone  version 1  sha256 ") + bundledSha),
             qPrintable(processes.out));

    const test::CommandRun forms = run({QStringLiteral("form"), QStringLiteral("list")});
    QCOMPARE(forms.exitCode, 0);
    const QStringList formLines = forms.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(formLines.size(), 5);
    QVERIFY2(formLines.at(4).startsWith(QLatin1String("umweltzone  version 2  sha256 ")), qPrintable(forms.out));
}

QTEST_GUILESS_MAIN(TestDeployCommand)
#include "tst_deploycommand.moc"
