// GET /api/v1/reference against real casedesk-server processes: what an offline client needs (deployed process
// models and form definitions, users, teams, running deputyships, code lists, holidays), never a secret, and
// an ETag that answers 304 while nothing changed and changes with a deployment or a new user.
#include "core/Clock.h"
#include "core/DeadlineCalendar.h"
#include "core/Deputyship.h"
#include "core/JsonFields.h"
#include "core/Team.h"
#include "core/User.h"
#include "core/Uuid.h"
#include "forms/CodeList.h"
#include "forms/FormDefinition.h"
#include "mock/TestSupport.h"
#include "server/ServerDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

#include "HttpClient.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::test;

namespace {

const QString referencePath = QStringLiteral("/api/v1/reference");
const QStringList bundledTypes{QStringLiteral("baumfaellung"), QStringLiteral("bewohnerparken"),
                               QStringLiteral("buergerhaushalt"), QStringLiteral("umweltzone")};

QByteArray readResource(const QString &relative)
{
    QFile file(resourcePath(relative));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestReferenceApi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void needsAnAccessToken();
    void processModelsAndForms();
    void usersAndTeams();
    void runningDeputyships();
    void codeListsAndHolidays();
    void holdsNoSecrets();
    void sameTagOnEveryServerProcess();
    void notModified_data();
    void notModified();
    void tagChangesWithADeployment();
    void tagChangesWithANewUser();

private:
    CommandRun serverCommand(const QStringList &arguments);
    QString login(const QString &user);
    HttpReply reference(const HttpHeaders &extra = {});
    QString scalar(const QString &sql);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::optional<server::ServerDatabase> m_database;
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    HttpClient m_http;
    QString m_token;
    QString m_refreshToken;
    QDate m_today;
};

void TestReferenceApi::initTestCase()
{
    m_today = Clock::current().today();
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const QString problem = TestUsers(m_pg->connectionString())
                                .setUp({QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("carla")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const Result<server::ServerDatabase> database =
        server::ServerDatabase::fromConnectionString(m_pg->connectionString());
    QVERIFY(database);
    m_database = database.value();

    for (const QString &kind : {QStringLiteral("process"), QStringLiteral("form")}) {
        const CommandRun deployed = serverCommand({kind, QStringLiteral("deploy"), QStringLiteral("--bundled")});
        QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.err));
    }
    // bert stands in for anna from yesterday on; carla stood in for anna until ten days ago (not delivered).
    const QString insert = QStringLiteral(
        "INSERT INTO deputyships (id, absent_user_id, deputy_id, first_day, last_day, created_by)"
        " SELECT '%1', a.id, d.id, %2, %3, a.id FROM users a, users d WHERE a.login = 'anna' AND d.login = '%4'"
        " RETURNING 1");
    QCOMPARE(scalar(insert.arg(uuidToString(createUuidV7()),
                               QStringLiteral("'%1'").arg(json::dateToString(m_today.addDays(-1))),
                               QStringLiteral("NULL"), QStringLiteral("bert"))),
             QStringLiteral("1"));
    QCOMPARE(scalar(insert.arg(
                 uuidToString(createUuidV7()), QStringLiteral("'%1'").arg(json::dateToString(m_today.addDays(-30))),
                 QStringLiteral("'%1'").arg(json::dateToString(m_today.addDays(-10))), QStringLiteral("carla"))),
             QStringLiteral("1"));

    QString started;
    QVERIFY2(startServerPair(m_pg->connectionString(), &m_a, &m_b, &started), qPrintable(started));
    m_token = login(QStringLiteral("carla"));
    QVERIFY(!m_token.isEmpty());
}

void TestReferenceApi::cleanupTestCase()
{
    QVERIFY(stopServerPair(&m_a, &m_b)); // a clean stop on SIGTERM: exit code 0
    if (m_database)
        m_database->closeConnection();
    m_pg.reset();
}

CommandRun TestReferenceApi::serverCommand(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CASEDESK_CONFIG"), QStringLiteral("/nonexistent/casedesk-server.conf"));
    environment.insert(QStringLiteral("CASEDESK_DB"), m_pg->connectionString());
    return runServerCommand(arguments, {}, environment);
}

QString TestReferenceApi::login(const QString &user)
{
    const QJsonObject body{{QStringLiteral("login"), user},
                           {QStringLiteral("password"), TestUsers::password()},
                           {QStringLiteral("clientId"), uuidToString(createUuidV7())}};
    const HttpReply reply =
        m_http.post(m_a->url(QStringLiteral("/api/v1/auth/login")), QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_refreshToken = reply.json.value(QStringLiteral("refreshToken")).toString();
    return reply.json.value(QStringLiteral("accessToken")).toString();
}

HttpReply TestReferenceApi::reference(const HttpHeaders &extra)
{
    return m_http.get(m_a->url(referencePath), HttpClient::bearer(m_token) + extra);
}

QString TestReferenceApi::scalar(const QString &sql)
{
    const Result<QSqlDatabase> db = m_database->connection();
    if (!db)
        return db.error().toString();
    QSqlQuery query(db.value());
    if (!query.exec(sql) || !query.next())
        return QStringLiteral("failed: ") + query.lastError().text();
    return query.value(0).toString();
}

void TestReferenceApi::needsAnAccessToken()
{
    const HttpReply reply = m_http.get(m_a->url(referencePath));
    QCOMPARE(reply.status, 401);
    QVERIFY(!reply.body.contains("processModels"));
    QCOMPARE(m_http.get(m_a->url(referencePath), HttpClient::bearer(QStringLiteral("not-a-token"))).status, 401);
}

void TestReferenceApi::processModelsAndForms()
{
    const HttpReply reply = reference();
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));

    const QJsonArray models = reply.json.value(QStringLiteral("processModels")).toArray();
    QCOMPARE(models.size(), bundledTypes.size());
    for (qsizetype i = 0; i < models.size(); ++i) {
        const QJsonObject model = models.at(i).toObject();
        QCOMPARE(model.value(QStringLiteral("caseType")).toString(), bundledTypes.at(i));
        QCOMPARE(model.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(model.value(QStringLiteral("bpmn")).toString(),
                 QString::fromUtf8(readResource(QStringLiteral("processes/%1.bpmn").arg(bundledTypes.at(i)))));
    }

    const QJsonArray forms = reply.json.value(QStringLiteral("forms")).toArray();
    QCOMPARE(forms.size(), bundledTypes.size());
    for (qsizetype i = 0; i < forms.size(); ++i) {
        const QJsonObject form = forms.at(i).toObject();
        const Result<forms::FormDefinition> expected =
            forms::FormDefinition::fromJsonBytes(readResource(QStringLiteral("forms/%1.json").arg(bundledTypes.at(i))));
        QVERIFY(expected);
        QCOMPARE(form.value(QStringLiteral("id")).toString(), bundledTypes.at(i));
        QCOMPARE(form.value(QStringLiteral("version")).toInt(), expected->version());
        // What the client gets reads back as the same definition.
        const Result<forms::FormDefinition> delivered =
            forms::FormDefinition::fromJson(form.value(QStringLiteral("definition")).toObject());
        QVERIFY2(delivered, qPrintable(delivered ? QString() : delivered.error().toString()));
        QCOMPARE(delivered->json(), expected->json());
    }
}

void TestReferenceApi::usersAndTeams()
{
    const HttpReply reply = reference();
    QCOMPARE(reply.status, 200);
    const QJsonArray teams = reply.json.value(QStringLiteral("teams")).toArray();
    QCOMPARE(teams.size(), 1);
    const Result<Team> team = Team::fromJson(teams.first().toObject());
    QVERIFY(team);
    QCOMPARE(team->code, QStringLiteral("32.1"));
    QCOMPARE(uuidToString(team->id), scalar(QStringLiteral("SELECT id FROM teams WHERE code = '32.1'")));

    QStringList logins;
    for (const QJsonValue &value : reply.json.value(QStringLiteral("users")).toArray()) {
        const Result<User> user = User::fromJson(value.toObject());
        QVERIFY2(user, qPrintable(user ? QString() : user.error().toString()));
        logins.append(user->login);
        QCOMPARE(uuidToString(user->id),
                 scalar(QStringLiteral("SELECT id FROM users WHERE login = '%1'").arg(user->login)));
        QCOMPARE(user->teamIds, QList<QUuid>{team->id});
        QVERIFY(user->hasRole(Role::Clerk));
        QVERIFY(user->active);
    }
    QCOMPARE(logins, (QStringList{QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("carla")}));
}

void TestReferenceApi::runningDeputyships()
{
    const HttpReply reply = reference();
    QCOMPARE(reply.status, 200);
    const QJsonArray deputyships = reply.json.value(QStringLiteral("deputyships")).toArray();
    QCOMPARE(deputyships.size(), 1); // carla's ended ten days ago
    const Result<Deputyship> deputyship = Deputyship::fromJson(deputyships.first().toObject());
    QVERIFY2(deputyship, qPrintable(deputyship ? QString() : deputyship.error().toString()));
    QCOMPARE(uuidToString(deputyship->userId), scalar(QStringLiteral("SELECT id FROM users WHERE login = 'anna'")));
    QCOMPARE(uuidToString(deputyship->deputyId), scalar(QStringLiteral("SELECT id FROM users WHERE login = 'bert'")));
    QCOMPARE(deputyship->from, m_today.addDays(-1));
    QVERIFY(deputyship->until.isNull());
    QVERIFY(deputyship->runsOn(m_today));
}

void TestReferenceApi::codeListsAndHolidays()
{
    const HttpReply reply = reference();
    QCOMPARE(reply.status, 200);
    const QJsonArray districts =
        reply.json.value(QStringLiteral("codeLists")).toObject().value(QStringLiteral("stuttgartDistricts")).toArray();
    const QList<forms::CodeListEntry> &expected = forms::CodeList::stuttgartDistricts().entries();
    QCOMPARE(districts.size(), expected.size());
    QCOMPARE(districts.first().toObject().value(QStringLiteral("code")).toString(), expected.first().code);
    QCOMPARE(
        districts.first().toObject().value(QStringLiteral("label")).toObject().value(QStringLiteral("de")).toString(),
        expected.first().label.de);

    const QJsonObject holidays = reply.json.value(QStringLiteral("holidays")).toObject();
    QCOMPARE(holidays.keys(), (QStringList{QString::number(m_today.year()), QString::number(m_today.year() + 1)}));
    for (int year : {m_today.year(), m_today.year() + 1}) {
        QStringList expectedDates;
        for (const QDate &date : DeadlineCalendar::holidays(year))
            expectedDates.append(date.toString(Qt::ISODate));
        QStringList dates;
        for (const QJsonValue &value : holidays.value(QString::number(year)).toArray())
            dates.append(value.toString());
        QCOMPARE(dates, expectedDates);
        QVERIFY(dates.contains(QStringLiteral("%1-12-26").arg(year))); // 2. Weihnachtstag
    }
}

void TestReferenceApi::holdsNoSecrets()
{
    const HttpReply reply = reference();
    QCOMPARE(reply.status, 200);
    const QByteArray body = reply.body.toLower();
    QVERIFY(!body.contains("argon2"));
    QVERIFY(!body.contains("password"));
    QVERIFY(!body.contains("session"));
    QVERIFY(!body.contains(m_token.toLower().toLatin1()));
    QVERIFY(!body.contains(m_refreshToken.toLower().toLatin1()));
    const QString hash = scalar(QStringLiteral("SELECT password_hash FROM users WHERE login = 'anna'"));
    QVERIFY(hash.startsWith(QLatin1String("$argon2id$")));
    QVERIFY(!reply.body.contains(hash.toLatin1()));
    // Kept out of shared caches: it names people.
    QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
}

void TestReferenceApi::sameTagOnEveryServerProcess()
{
    const HttpReply fromA = reference();
    const HttpReply fromB = m_http.get(m_b->url(referencePath), HttpClient::bearer(m_token));
    QCOMPARE(fromA.status, 200);
    QCOMPARE(fromB.status, 200);
    QVERIFY(fromA.header("ETag").startsWith('"'));
    QCOMPARE(fromB.header("ETag"), fromA.header("ETag"));
    QCOMPARE(fromB.body, fromA.body);
}

void TestReferenceApi::notModified_data()
{
    QTest::addColumn<QString>("ifNoneMatch"); // TAG stands for the current tag, UNQUOTED for it without quotes
    QTest::addColumn<int>("status");

    QTest::newRow("current tag") << "TAG" << 304;
    QTest::newRow("weak form of it") << "W/TAG" << 304;
    QTest::newRow("among others") << "\"old\", TAG" << 304;
    QTest::newRow("any") << "*" << 304;
    QTest::newRow("another tag") << "\"0123\"" << 200;
    QTest::newRow("the tag unquoted") << "UNQUOTED" << 200;
}

void TestReferenceApi::notModified()
{
    QFETCH(QString, ifNoneMatch);
    QFETCH(int, status);

    const QByteArray tag = reference().header("ETag");
    QVERIFY(!tag.isEmpty());
    QString value = ifNoneMatch;
    value.replace(QLatin1String("TAG"), QString::fromLatin1(tag));
    value.replace(QLatin1String("UNQUOTED"), QString::fromLatin1(tag.mid(1, tag.size() - 2)));
    const HttpReply reply = reference({{QByteArrayLiteral("If-None-Match"), value.toLatin1()}});
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.header("ETag"), tag);
    if (status == 304)
        QVERIFY(reply.body.isEmpty());
    else
        QVERIFY(reply.json.contains(QStringLiteral("processModels")));
}

void TestReferenceApi::tagChangesWithADeployment()
{
    const QByteArray before = reference().header("ETag");
    const QByteArray changed =
        readResource(QStringLiteral("processes/umweltzone.bpmn"))
            .replace("name=\"Ausnahmegenehmigung Umweltzone\"", "name=\"Ausnahmegenehmigung Umweltzone (2)\"");
    QVERIFY(changed != readResource(QStringLiteral("processes/umweltzone.bpmn")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("umweltzone.bpmn")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(changed);
    file.close();
    const CommandRun deployed = serverCommand({QStringLiteral("process"), QStringLiteral("deploy"), file.fileName(),
                                               QStringLiteral("--case-type"), QStringLiteral("umweltzone")});
    QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.out + deployed.err));

    const HttpReply reply = reference({{QByteArrayLiteral("If-None-Match"), before}});
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("ETag") != before);
    const QJsonArray models = reply.json.value(QStringLiteral("processModels")).toArray();
    QCOMPARE(models.size(), bundledTypes.size() + 1);
    const QJsonObject last = models.last().toObject();
    QCOMPARE(last.value(QStringLiteral("caseType")).toString(), QStringLiteral("umweltzone"));
    QCOMPARE(last.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(last.value(QStringLiteral("bpmn")).toString(), QString::fromUtf8(changed));

    // Deploying the same content again changes nothing, so the tag stays.
    const QByteArray after = reply.header("ETag");
    QCOMPARE(serverCommand({QStringLiteral("form"), QStringLiteral("deploy"), QStringLiteral("--bundled")}).exitCode,
             0);
    QCOMPARE(reference({{QByteArrayLiteral("If-None-Match"), after}}).status, 304);
}

void TestReferenceApi::tagChangesWithANewUser()
{
    const QByteArray before = reference().header("ETag");
    QVERIFY(TestUsers(m_pg->connectionString()).add(QStringLiteral("dora")).isEmpty());
    const HttpReply reply = reference({{QByteArrayLiteral("If-None-Match"), before}});
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("ETag") != before);
    QVERIFY(reply.body.contains("\"login\":\"dora\""));

    // Disabling a user changes it too: clients show the account as disabled.
    const QByteArray withDora = reply.header("ETag");
    QVERIFY(TestUsers(m_pg->connectionString()).disable(QStringLiteral("dora")).isEmpty());
    QCOMPARE(reference({{QByteArrayLiteral("If-None-Match"), withDora}}).status, 200);
}

QTEST_GUILESS_MAIN(TestReferenceApi)
#include "tst_referenceapi.moc"
