// UserDirectory on real PostgreSQL: teams and users added, listed and refused; disabling ends sessions.
#include "core/Uuid.h"
#include "server/PasswordHash.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

#include "MigratedDatabase.h"
#include "PostgresTestDatabase.h"

using namespace casedesk;
using namespace casedesk::server;

namespace {
const QString goodPassword = QStringLiteral("Stuttgart-Feuerbach-2026");
} // namespace

class TestUserDirectory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void addAndListTeams();
    void refusesBadTeams_data();
    void refusesBadTeams();
    void addAndListUsers();
    void passwordStoredAsHash();
    void refusesBadUsers_data();
    void refusesBadUsers();
    void refusesDuplicateLogin();
    void refusesUnknownTeam();
    void disablingEndsSessions();
    void disablingUnknownUser();

private:
    QSqlDatabase db();
    int count(const QString &sql);
    void addSession(const QUuid &userId, const QByteArray &tokenHash);

    std::unique_ptr<test::PostgresTestDatabase> m_pg;
    std::unique_ptr<ServerDatabase> m_database;
    std::unique_ptr<UserDirectory> m_directory;
    Team m_team; // 32.1, made in init()
};

void TestUserDirectory::initTestCase()
{
    m_pg = std::make_unique<test::PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const Result<ServerDatabase> database = test::migratedDatabase(*m_pg);
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database = std::make_unique<ServerDatabase>(database.value());
    m_directory = std::make_unique<UserDirectory>(db());
}

void TestUserDirectory::init()
{
    // One database for the whole test case (a fresh one per function would be slow): start each empty. DELETE,
    // not TRUNCATE ... CASCADE: that would reach the audit log, which refuses to be truncated.
    QSqlQuery query(db());
    for (const char *table : {"user_teams", "users", "teams"})
        QVERIFY2(query.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table))),
                 qPrintable(query.lastError().text()));
    const Result<Team> team =
        m_directory->addTeam(QStringLiteral("32.1"), QStringLiteral("Straßenverkehr"), QStringLiteral("32.10"));
    QVERIFY2(team.ok(), qPrintable(team.error().toString()));
    m_team = team.value();
}

void TestUserDirectory::cleanupTestCase()
{
    m_directory.reset();
    if (m_database)
        m_database->closeConnection();
    m_database.reset();
    m_pg.reset();
}

QSqlDatabase TestUserDirectory::db()
{
    const Result<QSqlDatabase> connection = m_database->connection();
    if (!connection)
        qFatal("%s", qPrintable(connection.error().toString()));
    return connection.value();
}

int TestUserDirectory::count(const QString &sql)
{
    QSqlQuery query(db());
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}

void TestUserDirectory::addSession(const QUuid &userId, const QByteArray &tokenHash)
{
    const QString sessionId = uuidToString(createUuidV7());
    QSqlQuery query(db());
    query.prepare(QStringLiteral("INSERT INTO sessions (id, user_id, client_id, expires_at) VALUES (CAST(:id AS uuid),"
                                 " CAST(:user AS uuid), CAST(:client AS uuid), now() + interval '30 days')"));
    query.bindValue(QStringLiteral(":id"), sessionId);
    query.bindValue(QStringLiteral(":user"), uuidToString(userId));
    query.bindValue(QStringLiteral(":client"), uuidToString(createUuidV7()));
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    query.prepare(
        QStringLiteral("INSERT INTO refresh_tokens (token_hash, session_id) VALUES (:hash, CAST(:id AS uuid))"));
    query.bindValue(QStringLiteral(":hash"), tokenHash);
    query.bindValue(QStringLiteral(":id"), sessionId);
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
}

void TestUserDirectory::addAndListTeams()
{
    const Result<Team> second =
        m_directory->addTeam(QStringLiteral("10.2"), QStringLiteral(" Bürgerbüro "), QStringLiteral("10.20.1"));
    QVERIFY2(second.ok(), qPrintable(second.error().toString()));
    QCOMPARE(uuidV7Milliseconds(second->id) > 0, true);
    QCOMPARE(second->name, QStringLiteral("Bürgerbüro"));

    const Result<QList<Team>> teams = m_directory->teams();
    QVERIFY(teams.ok());
    QCOMPARE(teams.value(), (QList<Team>{second.value(), m_team}));

    const Result<Team> duplicate =
        m_directory->addTeam(QStringLiteral("32.1"), QStringLiteral("Doppelt"), QStringLiteral("32.11"));
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().code, ErrorCode::Conflict);
    QCOMPARE(m_directory->teams()->size(), 2);
}

void TestUserDirectory::refusesBadTeams_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("filePlan");

    QTest::newRow("empty code") << ""
                                << "Team"
                                << "32.10";
    QTest::newRow("code with letters") << "32.a"
                                       << "Team"
                                       << "32.10";
    QTest::newRow("empty name") << "40.1"
                                << "  "
                                << "40.10";
    QTest::newRow("name too long") << "40.1" << QString(201, u'n') << "40.10";
    QTest::newRow("bad file plan") << "40.1"
                                   << "Team"
                                   << "40-10";
    QTest::newRow("empty file plan") << "40.1"
                                     << "Team"
                                     << "";
}

void TestUserDirectory::refusesBadTeams()
{
    QFETCH(QString, code);
    QFETCH(QString, name);
    QFETCH(QString, filePlan);

    const Result<Team> team = m_directory->addTeam(code, name, filePlan);
    QVERIFY(!team.ok());
    QCOMPARE(team.error().code, ErrorCode::Invalid);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM teams")), 1);
}

void TestUserDirectory::addAndListUsers()
{
    const Result<Team> other =
        m_directory->addTeam(QStringLiteral("10.2"), QStringLiteral("Bürgerbüro"), QStringLiteral("10.20"));
    QVERIFY(other.ok());
    const Result<User> mueller = m_directory->addUser({QStringLiteral("a.mueller"),
                                                       QStringLiteral("Anna Müller"),
                                                       {Role::Clerk, Role::TeamLead},
                                                       {QStringLiteral("32.1"), QStringLiteral("10.2")}},
                                                      goodPassword);
    QVERIFY2(mueller.ok(), qPrintable(mueller.error().toString()));
    const Result<User> admin = m_directory->addUser(
        {QStringLiteral("admin"), QStringLiteral("Verwaltung IT"), {Role::Administrator}, {}}, goodPassword);
    QVERIFY2(admin.ok(), qPrintable(admin.error().toString()));

    QVERIFY(uuidV7Milliseconds(mueller->id) > 0);
    QCOMPARE(mueller->roles, (QList<Role>{Role::Clerk, Role::TeamLead}));
    // Teams in the order of their codes: 10.2 before 32.1.
    QCOMPARE(mueller->teamIds, (QList<QUuid>{other->id, m_team.id}));
    QVERIFY(mueller->active);

    const Result<QList<User>> users = m_directory->users();
    QVERIFY(users.ok());
    // By login: '.' sorts before letters.
    QCOMPARE(users.value(), (QList<User>{mueller.value(), admin.value()}));
    QCOMPARE(users->constLast().teamIds, QList<QUuid>());
}

void TestUserDirectory::passwordStoredAsHash()
{
    QVERIFY(
        m_directory
            ->addUser({QStringLiteral("b.schmid"), QStringLiteral("Berta Schmid"), {Role::Mailroom}, {}}, goodPassword)
            .ok());
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("SELECT password_hash FROM users WHERE login = 'b.schmid'")) && query.next());
    const QString stored = query.value(0).toString();
    QVERIFY(!stored.contains(goodPassword));
    QVERIFY(PasswordHash::verify(stored, goodPassword));
    QVERIFY(!PasswordHash::verify(stored, goodPassword + u'!'));
}

void TestUserDirectory::refusesBadUsers_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<Role>>("roles");
    QTest::addColumn<QString>("password");

    const QList<Role> clerk{Role::Clerk};
    QTest::newRow("upper case login") << "A.Mueller"
                                      << "Anna" << clerk << goodPassword;
    QTest::newRow("empty login") << ""
                                 << "Anna" << clerk << goodPassword;
    QTest::newRow("blank in login") << "a mueller"
                                    << "Anna" << clerk << goodPassword;
    QTest::newRow("login starts with dot") << ".mueller"
                                           << "Anna" << clerk << goodPassword;
    QTest::newRow("login too long") << QString(65, u'a') << "Anna" << clerk << goodPassword;
    QTest::newRow("empty name") << "a.mueller"
                                << " " << clerk << goodPassword;
    QTest::newRow("no role") << "a.mueller"
                             << "Anna" << QList<Role>() << goodPassword;
    QTest::newRow("password one short") << "a.mueller"
                                        << "Anna" << clerk << QString(UserDirectory::MinimumPasswordLength - 1, u'p');
    QTest::newRow("password too long") << "a.mueller"
                                       << "Anna" << clerk << QString(UserDirectory::MaximumPasswordLength + 1, u'p');
}

void TestUserDirectory::refusesBadUsers()
{
    QFETCH(QString, login);
    QFETCH(QString, name);
    QFETCH(QList<Role>, roles);
    QFETCH(QString, password);

    const Result<User> user = m_directory->addUser({login, name, roles, {QStringLiteral("32.1")}}, password);
    QVERIFY(!user.ok());
    QCOMPARE(user.error().code, ErrorCode::Invalid);
    QVERIFY(!user.error().message.isEmpty());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users")), 0);
}

void TestUserDirectory::refusesDuplicateLogin()
{
    const NewUser user{QStringLiteral("a.mueller"), QStringLiteral("Anna Müller"), {Role::Clerk}, {}};
    QVERIFY(m_directory->addUser(user, goodPassword).ok());
    const Result<User> again = m_directory->addUser(
        {QStringLiteral("a.mueller"), QStringLiteral("Andreas Müller"), {Role::Clerk}, {QStringLiteral("32.1")}},
        goodPassword);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QVERIFY2(again.error().message.contains(QLatin1String("a.mueller")), qPrintable(again.error().message));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM user_teams")), 0);
    QCOMPARE(m_directory->users()->constFirst().displayName, QStringLiteral("Anna Müller"));
}

void TestUserDirectory::refusesUnknownTeam()
{
    const Result<User> user = m_directory->addUser({QStringLiteral("a.mueller"),
                                                    QStringLiteral("Anna"),
                                                    {Role::Clerk},
                                                    {QStringLiteral("32.1"), QStringLiteral("99.9")}},
                                                   goodPassword);
    QVERIFY(!user.ok());
    QCOMPARE(user.error().code, ErrorCode::NotFound);
    QVERIFY2(user.error().message.contains(QLatin1String("99.9")), qPrintable(user.error().message));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM user_teams")), 0);
}

void TestUserDirectory::disablingEndsSessions()
{
    const Result<User> anna = m_directory->addUser(
        {QStringLiteral("a.mueller"), QStringLiteral("Anna"), {Role::Clerk}, {QStringLiteral("32.1")}}, goodPassword);
    const Result<User> bernd = m_directory->addUser(
        {QStringLiteral("b.bauer"), QStringLiteral("Bernd"), {Role::Clerk}, {QStringLiteral("32.1")}}, goodPassword);
    QVERIFY(anna.ok() && bernd.ok());
    addSession(anna->id, QByteArray(32, 'a'));
    addSession(anna->id, QByteArray(32, 'b'));
    addSession(bernd->id, QByteArray(32, 'c'));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM refresh_tokens")), 3);

    const Result<User> disabled = m_directory->disableUser(QStringLiteral("a.mueller"));
    QVERIFY2(disabled.ok(), qPrintable(disabled.error().toString()));
    QVERIFY(!disabled->active);
    QCOMPARE(disabled->id, anna->id);

    const QString annaId = uuidToString(anna->id);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sessions WHERE user_id = '%1'").arg(annaId)), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id"
                                  " WHERE s.user_id = '%1'")
                       .arg(annaId)),
             0);
    // Only Anna's: Bernd keeps his session and token.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sessions")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM refresh_tokens")), 1);

    const Result<QList<User>> users = m_directory->users();
    QVERIFY(users.ok());
    QCOMPARE(users->size(), 2);
    QCOMPARE(users->at(0).login, QStringLiteral("a.mueller"));
    QVERIFY(!users->at(0).active);
    QVERIFY(users->at(1).active);
}

void TestUserDirectory::disablingUnknownUser()
{
    const Result<User> disabled = m_directory->disableUser(QStringLiteral("niemand"));
    QVERIFY(!disabled.ok());
    QCOMPARE(disabled.error().code, ErrorCode::NotFound);
    QVERIFY2(disabled.error().message.contains(QLatin1String("niemand")), qPrintable(disabled.error().message));
}

QTEST_GUILESS_MAIN(TestUserDirectory)
#include "tst_userdirectory.moc"
