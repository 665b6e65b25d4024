#include "PullTestBase.h"

#include "core/Case.h"
#include "server/UserDirectory.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

#include "TestUsers.h"

namespace casedesk::test {

using server::ServerDatabase;
using server::UserDirectory;

QStringList titles(const QJsonObject &page)
{
    QStringList result;
    for (const QJsonValue &entry : page.value(QStringLiteral("cases")).toArray())
        result.append(entry[QStringLiteral("case")][QStringLiteral("title")].toString());
    return result;
}

QSqlDatabase PullTestBase::db() const
{
    return m_database->connection().value();
}

QString PullTestBase::exec(QSqlDatabase connection, const QString &sql, const QVariantMap &values)
{
    QSqlQuery query(connection);
    query.prepare(sql);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key(), it.value());
    if (!query.exec())
        return query.lastError().text();
    return query.next() ? query.value(0).toString() : QString();
}

QUuid PullTestBase::teamId(const QString &code)
{
    return uuidFromString(
        exec(db(), QStringLiteral("SELECT id::text FROM teams WHERE code = :code"), {{QStringLiteral(":code"), code}}));
}

QUuid PullTestBase::userId(const QString &login)
{
    return uuidFromString(exec(db(), QStringLiteral("SELECT id::text FROM users WHERE login = :login"),
                               {{QStringLiteral(":login"), login}}));
}

QUuid PullTestBase::addCase(const QString &title, const QString &teamCode, const QString &assignee)
{
    Case theCase;
    theCase.id = createUuidV7();
    theCase.caseType = QStringLiteral("bewohnerparken");
    theCase.title = title;
    theCase.teamId = teamId(teamCode);
    theCase.assigneeId = assignee.isEmpty() ? QUuid() : userId(assignee);
    theCase.version = 1;
    QSqlDatabase connection = db();
    if (!connection.transaction())
        return {};
    const QString inserted = exec(
        connection,
        QStringLiteral("INSERT INTO cases (id, case_type, team_id, assignee_id, version, data) VALUES (CAST(:id AS "
                       "uuid), :type, CAST(:team AS uuid), CAST(NULLIF(:assignee, '') AS uuid), 1, CAST(:data AS "
                       "jsonb))"),
        {{QStringLiteral(":id"), uuidToString(theCase.id)},
         {QStringLiteral(":type"), theCase.caseType},
         {QStringLiteral(":team"), uuidToString(theCase.teamId)},
         {QStringLiteral(":assignee"), uuidToString(theCase.assigneeId)},
         {QStringLiteral(":data"), QString::fromUtf8(json(theCase.toJson()))}});
    const QString changed = exec(connection,
                                 QStringLiteral("INSERT INTO changes (case_id, case_version) VALUES (CAST(:id AS "
                                                "uuid), 1)"),
                                 {{QStringLiteral(":id"), uuidToString(theCase.id)}});
    if (!inserted.isEmpty() || !changed.isEmpty() || !connection.commit()) {
        qWarning() << inserted << changed;
        connection.rollback();
        return {};
    }
    m_cases.insert(title, theCase.id);
    return theCase.id;
}

QString PullTestBase::touch(QSqlDatabase connection, const QUuid &caseId)
{
    const QString updated = exec(connection,
                                 QStringLiteral("UPDATE cases SET version = version + 1, data = jsonb_set(data, "
                                                "'{version}', to_jsonb(version + 1)) WHERE id = CAST(:id AS uuid)"),
                                 {{QStringLiteral(":id"), uuidToString(caseId)}});
    if (!updated.isEmpty())
        return updated;
    return exec(connection,
                QStringLiteral("INSERT INTO changes (case_id, case_version) SELECT id, version FROM cases WHERE id = "
                               "CAST(:id AS uuid)"),
                {{QStringLiteral(":id"), uuidToString(caseId)}});
}

bool PullTestBase::feedSettled()
{
    return exec(db(), QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM changes WHERE xid >= "
                                     "pg_snapshot_xmin(pg_current_snapshot()))")) == QLatin1String("true");
}

Caller PullTestBase::login(const QString &login)
{
    Caller caller;
    caller.clientId = createUuidV7();
    const HttpReply reply = m_http.post(m_a->url(QStringLiteral("/api/v1/auth/login")),
                                        json({{QStringLiteral("login"), login},
                                              {QStringLiteral("password"), TestUsers::password()},
                                              {QStringLiteral("clientId"), uuidToString(caller.clientId)}}));
    if (reply.status != 200)
        qWarning() << "login of" << login << "failed:" << reply.status << reply.body;
    caller.accessToken = reply.json.value(QStringLiteral("accessToken")).toString();
    caller.userId = uuidFromString(reply.json.value(QStringLiteral("userId")).toString());
    return caller;
}

HttpReply PullTestBase::pull(const Caller &caller, const QString &cursor, const QString &extra, ServerProcess *server)
{
    QUrl url = (server ? server : m_a.get())->url(QStringLiteral("/api/v1/sync/pull"));
    QUrlQuery query(extra);
    if (!cursor.isNull())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    url.setQuery(query);
    return m_http.get(url, HttpClient::bearer(caller.accessToken));
}

QStringList PullTestBase::pullAll(const Caller &caller, const QString &cursor, QJsonObject *last)
{
    QStringList all;
    QString next = cursor;
    for (int page = 0; page < 100; ++page) {
        const HttpReply reply = pull(caller, next, QStringLiteral("limit=1000"));
        if (reply.status != 200) {
            qWarning() << "pull failed:" << reply.status << reply.body;
            return {};
        }
        all += titles(reply.json);
        next = reply.json.value(QStringLiteral("cursor")).toString();
        if (last)
            *last = reply.json;
        if (!reply.json.value(QStringLiteral("more")).toBool())
            break;
    }
    return all;
}

QString PullTestBase::headCursor(const Caller &caller)
{
    QJsonObject last;
    pullAll(caller, QString(), &last);
    return last.value(QStringLiteral("cursor")).toString();
}

void PullTestBase::setUpServers()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const QString problem = TestUsers(m_pg->connectionString()).setUp({QStringLiteral("anna")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_database = ServerDatabase::fromConnectionString(m_pg->connectionString()).value();
    m_second = ServerDatabase::fromConnectionString(m_pg->connectionString()).value();
    QVERIFY(m_database->connection());
    QVERIFY(m_second->connection());

    UserDirectory directory(db());
    QVERIFY(directory.addTeam(QStringLiteral("32.2"), QStringLiteral("Verkehr"), QStringLiteral("32.20")));
    QVERIFY(directory.addTeam(QStringLiteral("32.3"), QStringLiteral("Umwelt"), QStringLiteral("32.30")));
    const struct {
        const char *login;
        Role role;
        const char *team;
    } users[] = {
        {"bert", Role::Clerk, "32.2"},     {"carla", Role::Clerk, "32.2"},   {"emil", Role::Clerk, "32.2"},
        {"dora", Role::Clerk, "32.3"},     {"frida", Role::Auditor, "32.1"}, {"gustav", Role::Mailroom, "32.1"},
        {"hanna", Role::TeamLead, "32.1"},
    };
    for (const auto &user : users) {
        const Result<User> added = directory.addUser(
            {QLatin1String(user.login), QLatin1String(user.login), {user.role}, {QLatin1String(user.team)}},
            TestUsers::password());
        QVERIFY2(added, qPrintable(added.error().toString()));
    }
    // carla stands in for dora (running, open-ended), emil did until yesterday.
    const QString deputyships = exec(
        db(), QStringLiteral("INSERT INTO deputyships (id, absent_user_id, deputy_id, first_day, last_day, created_by)"
                             " SELECT gen_random_uuid(), d.id, x.id, f, l, d.id FROM users d, users x,"
                             " (VALUES ('carla', NULL::date, NULL::date),"
                             "  ('emil', current_date - 10, current_date - 1)) AS v(deputy, f, l)"
                             " WHERE d.login = 'dora' AND x.login = v.deputy"));
    QVERIFY2(deputyships.isEmpty(), qPrintable(deputyships));

    QVERIFY(!addCase(QStringLiteral("team1-open"), QStringLiteral("32.1")).isNull());
    QVERIFY(!addCase(QStringLiteral("team1-anna"), QStringLiteral("32.1"), QStringLiteral("anna")).isNull());
    QVERIFY(!addCase(QStringLiteral("team2-open"), QStringLiteral("32.2")).isNull());
    QVERIFY(!addCase(QStringLiteral("team3-bert"), QStringLiteral("32.3"), QStringLiteral("bert")).isNull());
    QVERIFY(!addCase(QStringLiteral("team3-dora"), QStringLiteral("32.3"), QStringLiteral("dora")).isNull());
    QVERIFY(!addCase(QStringLiteral("team3-consulted"), QStringLiteral("32.3")).isNull());
    QVERIFY(!addCase(QStringLiteral("team3-consultation-ended"), QStringLiteral("32.3")).isNull());
    QVERIFY(!addCase(QStringLiteral("team3-open"), QStringLiteral("32.3")).isNull());
    const QString consultations =
        exec(db(),
             QStringLiteral("INSERT INTO consultations (id, case_id, team_id, requested_by, ended_at)"
                            " SELECT gen_random_uuid(), CAST(v.c AS uuid), t.id, u.id, v.ended FROM teams t, users u,"
                            " (VALUES (:open, NULL::timestamptz), (:ended, now())) AS v(c, ended)"
                            " WHERE t.code = '32.2' AND u.login = 'dora'"),
             {{QStringLiteral(":open"), uuidToString(m_cases.value(QStringLiteral("team3-consulted")))},
              {QStringLiteral(":ended"), uuidToString(m_cases.value(QStringLiteral("team3-consultation-ended")))}});
    QVERIFY2(consultations.isEmpty(), qPrintable(consultations));

    QString started;
    QVERIFY2(startServerPair(m_pg->connectionString(), &m_a, &m_b, &started), qPrintable(started));
}

void PullTestBase::tearDownServers()
{
    QVERIFY(stopServerPair(&m_a, &m_b)); // a clean stop on SIGTERM: exit code 0
    if (m_database)
        m_database->closeConnection();
    if (m_second)
        m_second->closeConnection();
    m_pg.reset();
}

} // namespace casedesk::test
