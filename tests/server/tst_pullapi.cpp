// Pull and the long-poll live channel against real casedesk-server processes on one PostgreSQL database.
// Cases, notes, changes, deputyships and consultations are written here with SQL, each change in a transaction
// the way a command writes it, so the tests stand on their own: the scope of every kind of user, paging and
// order, the hole guard with transactions held open, resets, malformed cursors, command results, and waits
// woken by NOTIFY in another process. Documents come the way a client adds them (upload, attachDocument,
// updateDocumentMeta) and travel with their case, to its scope only.
#include "core/Case.h"
#include "core/Command.h"
#include "core/DocumentRef.h"
#include "core/Note.h"
#include "core/Uuid.h"
#include "server/ServerDatabase.h"
#include "server/SyncCursor.h"
#include "server/UserDirectory.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

#include "HttpClient.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"
#include "TestUsers.h"

using namespace casedesk;
using namespace casedesk::server;
using namespace casedesk::test;

namespace {

constexpr int settleTimeoutMs = 20000; // parallel tests' transactions on the cluster may hold the feed back

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The titles of a pull's cases: each test case's title is its label.
QStringList titles(const QJsonObject &page)
{
    QStringList result;
    for (const QJsonValue &entry : page.value(QStringLiteral("cases")).toArray())
        result.append(entry[QStringLiteral("case")][QStringLiteral("title")].toString());
    return result;
}

struct Caller {
    QString accessToken;
    QUuid clientId;
    QUuid userId;
};

} // namespace

class TestPullApi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void scope_data();
    void scope();
    void casesCarryVersionAndNotes();
    void casesCarryTheirDocuments();
    void pagingInCommitOrder();
    void holeGuard_data();
    void holeGuard();
    void scopeChangeResets();
    void casesLeavingTheScope();
    void badCursorResets_data();
    void badCursorResets();
    void badParameters_data();
    void badParameters();
    void commandResults();
    void unauthenticated_data();
    void unauthenticated();
    void waitTimesOutWhenQuiet();
    void waitAnswersAtOnceWhenBehind();
    void notifyWakesWaitersOfEveryProcess();

private:
    QSqlDatabase db() const;
    QString exec(QSqlDatabase db, const QString &sql, const QVariantMap &values = {});
    QUuid teamId(const QString &code);
    QUuid userId(const QString &login);
    // A case and its first change in one transaction, as createCase writes them.
    QUuid addCase(const QString &title, const QString &teamCode, const QString &assignee = {});
    // A new version of the case and its change row, in the transaction of `connection` (none: its own).
    QString touch(QSqlDatabase connection, const QUuid &caseId);
    bool feedSettled();
    Caller login(const QString &login);
    HttpReply pull(const Caller &caller, const QString &cursor = {}, const QString &extra = {},
                   ServerProcess *server = nullptr);
    // Pulls from `cursor` until "more" is false; all titles, the last page.
    QStringList pullAll(const Caller &caller, const QString &cursor, QJsonObject *last = nullptr);
    QString headCursor(const Caller &caller);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::optional<ServerDatabase> m_database;
    std::optional<ServerDatabase> m_second; // another connection for transactions held open
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    HttpClient m_http;
    QHash<QString, QUuid> m_cases; // by title
};

QSqlDatabase TestPullApi::db() const
{
    return m_database->connection().value();
}

QString TestPullApi::exec(QSqlDatabase connection, const QString &sql, const QVariantMap &values)
{
    QSqlQuery query(connection);
    query.prepare(sql);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key(), it.value());
    if (!query.exec())
        return query.lastError().text();
    return query.next() ? query.value(0).toString() : QString();
}

QUuid TestPullApi::teamId(const QString &code)
{
    return uuidFromString(
        exec(db(), QStringLiteral("SELECT id::text FROM teams WHERE code = :code"), {{QStringLiteral(":code"), code}}));
}

QUuid TestPullApi::userId(const QString &login)
{
    return uuidFromString(exec(db(), QStringLiteral("SELECT id::text FROM users WHERE login = :login"),
                               {{QStringLiteral(":login"), login}}));
}

QUuid TestPullApi::addCase(const QString &title, const QString &teamCode, const QString &assignee)
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

QString TestPullApi::touch(QSqlDatabase connection, const QUuid &caseId)
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

bool TestPullApi::feedSettled()
{
    return exec(db(), QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM changes WHERE xid >= "
                                     "pg_snapshot_xmin(pg_current_snapshot()))")) == QLatin1String("true");
}

Caller TestPullApi::login(const QString &login)
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

HttpReply TestPullApi::pull(const Caller &caller, const QString &cursor, const QString &extra, ServerProcess *server)
{
    QUrl url = (server ? server : m_a.get())->url(QStringLiteral("/api/v1/sync/pull"));
    QUrlQuery query(extra);
    if (!cursor.isNull())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    url.setQuery(query);
    return m_http.get(url, HttpClient::bearer(caller.accessToken));
}

QStringList TestPullApi::pullAll(const Caller &caller, const QString &cursor, QJsonObject *last)
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

QString TestPullApi::headCursor(const Caller &caller)
{
    QJsonObject last;
    pullAll(caller, QString(), &last);
    return last.value(QStringLiteral("cursor")).toString();
}

void TestPullApi::initTestCase()
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

void TestPullApi::cleanupTestCase()
{
    QVERIFY(stopServerPair(&m_a, &m_b)); // a clean stop on SIGTERM: exit code 0
    if (m_database)
        m_database->closeConnection();
    if (m_second)
        m_second->closeConnection();
    m_pg.reset();
}

void TestPullApi::scope_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QStringList>("visible");
    const QStringList team1{QStringLiteral("team1-open"), QStringLiteral("team1-anna")};
    QTest::newRow("clerk: own team") << QStringLiteral("anna") << team1;
    QTest::newRow("team lead: own team") << QStringLiteral("hanna") << team1;
    QTest::newRow("clerk: own team, assigned from another, open consultation")
        << QStringLiteral("bert")
        << QStringList{QStringLiteral("team2-open"), QStringLiteral("team3-bert"), QStringLiteral("team3-consulted")};
    QTest::newRow("deputy while the deputyship runs")
        << QStringLiteral("carla")
        << QStringList{QStringLiteral("team2-open"), QStringLiteral("team3-dora"), QStringLiteral("team3-consulted")};
    QTest::newRow("deputyship expired") << QStringLiteral("emil")
                                        << QStringList{QStringLiteral("team2-open"), QStringLiteral("team3-consulted")};
    QTest::newRow("consulted team's own cases")
        << QStringLiteral("dora")
        << QStringList{QStringLiteral("team3-bert"), QStringLiteral("team3-dora"), QStringLiteral("team3-consulted"),
                       QStringLiteral("team3-consultation-ended"), QStringLiteral("team3-open")};
    QTest::newRow("auditor: own team, read only") << QStringLiteral("frida") << team1;
    QTest::newRow("mailroom: no contents") << QStringLiteral("gustav") << QStringList();
}

void TestPullApi::scope()
{
    QFETCH(QString, login);
    QFETCH(QStringList, visible);
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const Caller caller = this->login(login);
    QVERIFY(!caller.accessToken.isEmpty());
    QJsonObject last;
    QStringList seen = pullAll(caller, QString(), &last);
    QCOMPARE(last.value(QStringLiteral("reset")).toBool(), false);
    // Other tests add cases later on; this one's are those made in initTestCase.
    seen.removeIf([this](const QString &title) { return !title.startsWith(QLatin1String("team")); });
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()), QSet<QString>(visible.cbegin(), visible.cend()));
    QCOMPARE(seen.size(), visible.size()); // each case once
}

void TestPullApi::casesCarryVersionAndNotes()
{
    const Caller anna = login(QStringLiteral("anna"));
    const QString cursor = headCursor(anna);
    const QUuid caseId = addCase(QStringLiteral("notes"), QStringLiteral("32.1"));
    QSqlDatabase connection = db();
    QVERIFY(connection.transaction());
    QList<Note> notes;
    for (const QString &text : {QStringLiteral("Antrag vollständig."), QStringLiteral("Bescheid entworfen.")}) {
        Note note{createUuidV7(), caseId, anna.userId, QDateTime::currentDateTimeUtc(), text};
        notes.append(note);
        QCOMPARE(exec(connection,
                      QStringLiteral("INSERT INTO notes (id, case_id, author_id, data, created_at) VALUES (CAST(:id "
                                     "AS uuid), CAST(:c AS uuid), CAST(:a AS uuid), CAST(:data AS jsonb), "
                                     "clock_timestamp())"),
                      {{QStringLiteral(":id"), uuidToString(note.id)},
                       {QStringLiteral(":c"), uuidToString(caseId)},
                       {QStringLiteral(":a"), uuidToString(anna.userId)},
                       {QStringLiteral(":data"), QString::fromUtf8(json(note.toJson()))}}),
                 QString());
    }
    QCOMPARE(touch(connection, caseId), QString());
    QVERIFY(connection.commit());

    QJsonArray cases;
    QTRY_VERIFY_WITH_TIMEOUT((cases = pull(anna, cursor).json.value(QStringLiteral("cases")).toArray()).size() == 1,
                             settleTimeoutMs);
    const QJsonObject entry = cases.at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("version")).toInteger(), 2); // two changes, delivered once as the latest
    const Result<Case> delivered = Case::fromJson(entry.value(QStringLiteral("case")).toObject());
    QVERIFY2(delivered, qPrintable(delivered.error().toString()));
    QCOMPARE(delivered->id, caseId);
    QCOMPARE(delivered->version, 2);
    const QJsonArray deliveredNotes = entry.value(QStringLiteral("notes")).toArray();
    QCOMPARE(deliveredNotes.size(), notes.size());
    for (qsizetype i = 0; i < notes.size(); ++i) {
        const Result<Note> note = Note::fromJson(deliveredNotes.at(i).toObject());
        QVERIFY(note);
        QCOMPARE(note->id, notes.at(i).id);
        QCOMPARE(note->text, notes.at(i).text);
    }
}

void TestPullApi::casesCarryTheirDocuments()
{
    const Caller anna = login(QStringLiteral("anna"));
    const QString cursor = headCursor(anna);
    const QByteArray bytes = "%PDF-1.7 Meldebescheinigung " + createUuidV7().toByteArray();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const HttpReply uploaded = m_http.send(QByteArrayLiteral("PUT"), m_a->url(QStringLiteral("/api/v1/blobs/") + sha),
                                           bytes, HttpClient::bearer(anna.accessToken));
    QVERIFY2(uploaded.status == 200, uploaded.body.constData());

    Case theCase;
    theCase.id = createUuidV7();
    theCase.caseType = QStringLiteral("bewohnerparken");
    theCase.title = QStringLiteral("documents");
    theCase.teamId = teamId(QStringLiteral("32.1"));
    theCase.applicant.givenName = QStringLiteral("Erika");
    theCase.applicant.familyName = QStringLiteral("Mustermann");
    DocumentRef document;
    document.id = createUuidV7();
    document.caseId = theCase.id;
    document.sha256 = sha;
    document.size = bytes.size();
    document.name = QStringLiteral("scan.pdf");
    document.mimeType = QStringLiteral("application/pdf");
    document.kind = DocumentKind::Scan;
    document.text = QStringLiteral("Meldebescheinigung");
    const QList<std::pair<CommandName, QJsonObject>> steps{
        {CommandName::CreateCase, {{QStringLiteral("case"), theCase.toJson()}}},
        {CommandName::AttachDocument, {{QStringLiteral("document"), document.toJson()}}},
        {CommandName::UpdateDocumentMeta,
         {{QStringLiteral("documentId"), uuidToString(document.id)},
          {QStringLiteral("name"), QStringLiteral("Meldebescheinigung.pdf")},
          {QStringLiteral("kind"), QStringLiteral("evidence")}}},
    };
    QJsonArray commands;
    qint64 seq = 0;
    for (const auto &[name, args] : steps)
        commands.append(
            Command{createUuidV7(), anna.clientId, ++seq, theCase.id, name, args, QDateTime::currentDateTimeUtc()}
                .toJson());
    const HttpReply pushed = m_http.post(
        m_b->url(QStringLiteral("/api/v1/sync/push")),
        json({{QStringLiteral("clientId"), uuidToString(anna.clientId)}, {QStringLiteral("commands"), commands}}),
        HttpClient::bearer(anna.accessToken));
    QVERIFY2(pushed.status == 200, pushed.body.constData());
    for (const QJsonValue &result : pushed.json.value(QStringLiteral("results")).toArray())
        QVERIFY2(result[QStringLiteral("result")].toString() == QLatin1String("applied"), pushed.body.constData());

    QJsonArray cases;
    QTRY_VERIFY_WITH_TIMEOUT((cases = pull(anna, cursor).json.value(QStringLiteral("cases")).toArray()).size() == 1,
                             settleTimeoutMs);
    const QJsonObject entry = cases.at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("version")).toInteger(), 3);
    const QJsonArray documents = entry.value(QStringLiteral("documents")).toArray();
    QCOMPARE(documents.size(), 1);
    const Result<DocumentRef> delivered = DocumentRef::fromJson(documents.at(0).toObject());
    QVERIFY2(delivered, qPrintable(delivered.error().toString()));
    QCOMPARE(delivered->id, document.id);
    QCOMPARE(delivered->caseId, theCase.id);
    QCOMPARE(delivered->sha256, sha);
    QCOMPARE(delivered->size, bytes.size());
    QCOMPARE(delivered->name, QStringLiteral("Meldebescheinigung.pdf")); // as renamed
    QCOMPARE(delivered->kind, DocumentKind::Evidence);
    QCOMPARE(delivered->mimeType, document.mimeType);
    QCOMPARE(delivered->text, document.text);
    QVERIFY(delivered->addedAt.isValid());
    QVERIFY(qAbs(delivered->addedAt.secsTo(QDateTime::currentDateTimeUtc())) < 600); // the server's clock

    // Another team's clerk learns nothing of it: neither the case nor its document.
    const HttpReply other = pull(login(QStringLiteral("dora")), QString(), QStringLiteral("limit=1000"));
    QCOMPARE(other.status, 200);
    QVERIFY(!other.body.contains(uuidToString(document.id).toLatin1()));
    QVERIFY(!other.body.contains(sha.toLatin1()));
}

void TestPullApi::pagingInCommitOrder()
{
    const Caller anna = login(QStringLiteral("anna"));
    QString cursor = headCursor(anna);
    // Five cases of anna's team with another team's change between each: pages of two changes, in commit order,
    // and the other team's changes nowhere.
    QStringList made;
    for (int i = 1; i <= 5; ++i) {
        made.append(QStringLiteral("page-%1").arg(i));
        QVERIFY(!addCase(made.last(), QStringLiteral("32.1")).isNull());
        QVERIFY(!addCase(QStringLiteral("elsewhere-%1").arg(i), QStringLiteral("32.2")).isNull());
    }
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    QStringList delivered;
    QList<bool> more;
    for (int page = 0; page < 10; ++page) {
        const HttpReply reply = pull(anna, cursor, QStringLiteral("limit=2"));
        QCOMPARE(reply.status, 200);
        const QStringList cases = titles(reply.json);
        QVERIFY(cases.size() <= 2);
        delivered += cases;
        more.append(reply.json.value(QStringLiteral("more")).toBool());
        cursor = reply.json.value(QStringLiteral("cursor")).toString();
        if (!more.last())
            break;
    }
    QCOMPARE(delivered, made);
    QCOMPARE(more, (QList<bool>{true, true, false}));
    // At the end: nothing more, the same cursor again.
    const HttpReply after = pull(anna, cursor);
    QCOMPARE(titles(after.json), QStringList());
    QCOMPARE(after.json.value(QStringLiteral("more")).toBool(), false);
    QCOMPARE(after.json.value(QStringLiteral("cursor")).toString(), cursor);
}

void TestPullApi::holeGuard_data()
{
    QTest::addColumn<bool>("laterTransactionBeganFirst");
    // The held transaction takes its seq first; the other one commits a later seq. In the second row the
    // committing transaction got its transaction id before the held one (it wrote something first, as a command
    // updates its case before the change row), which a guard on the seq order alone would get wrong.
    QTest::newRow("held transaction began first") << false;
    QTest::newRow("committing transaction began first") << true;
}

void TestPullApi::holeGuard()
{
    QFETCH(bool, laterTransactionBeganFirst);
    const Caller anna = login(QStringLiteral("anna"));
    const QUuid held = addCase(QStringLiteral("held"), QStringLiteral("32.1"));
    const QUuid committed = addCase(QStringLiteral("committed"), QStringLiteral("32.1"));
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const QString cursor = headCursor(anna);

    QSqlDatabase first = db();
    QSqlDatabase second = m_second->connection().value();
    QVERIFY(second.transaction());
    if (laterTransactionBeganFirst)
        QVERIFY(!exec(second, QStringLiteral("SELECT pg_current_xact_id()::text")).isEmpty());
    QVERIFY(first.transaction());
    QCOMPARE(touch(first, held), QString());
    QCOMPARE(touch(second, committed), QString());
    QVERIFY(second.commit());
    const qint64 heldSeq = exec(first, QStringLiteral("SELECT max(seq) FROM changes WHERE case_id = CAST(:id AS uuid)"),
                                {{QStringLiteral(":id"), uuidToString(held)}})
                               .toLongLong();
    const qint64 committedSeq =
        exec(db(), QStringLiteral("SELECT max(seq) FROM changes WHERE case_id = CAST(:id AS uuid)"),
             {{QStringLiteral(":id"), uuidToString(committed)}})
            .toLongLong();
    QVERIFY(heldSeq < committedSeq); // the hole: the smaller seq commits last

    // While the held transaction runs, pull never moves its cursor past the held seq.
    const HttpReply during = pull(anna, cursor);
    QCOMPARE(during.status, 200);
    QVERIFY(!titles(during.json).contains(QStringLiteral("held")));
    if (!laterTransactionBeganFirst)
        QCOMPARE(titles(during.json), QStringList()); // stops before the first change that is not safe
    const QString duringCursor = during.json.value(QStringLiteral("cursor")).toString();

    QVERIFY(first.commit());
    // Both arrive from the cursor before the commit, and the held one from the cursor handed out meanwhile.
    QStringList all;
    QTRY_VERIFY_WITH_TIMEOUT((all = titles(pull(anna, cursor).json)).size() == 2, settleTimeoutMs);
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()),
             (QSet<QString>{QStringLiteral("held"), QStringLiteral("committed")}));
    QStringList afterHole;
    QTRY_VERIFY_WITH_TIMEOUT((afterHole = titles(pull(anna, duringCursor).json)).contains(QStringLiteral("held")),
                             settleTimeoutMs);
    m_cases.remove(QStringLiteral("held"));
    m_cases.remove(QStringLiteral("committed"));
    // Rename them so the next row's cases are told apart.
    QCOMPARE(exec(db(),
                  QStringLiteral("UPDATE cases SET data = jsonb_set(data, '{title}', '\"old\"') WHERE id IN "
                                 "(CAST(:a AS uuid), CAST(:b AS uuid))"),
                  {{QStringLiteral(":a"), uuidToString(held)}, {QStringLiteral(":b"), uuidToString(committed)}}),
             QString());
}

void TestPullApi::scopeChangeResets()
{
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const Caller carla = login(QStringLiteral("carla"));
    // A server's own short write transaction (a timer pass) holds later changes back from one pull until
    // the next: the head is where pulling again no longer moves the cursor.
    QString cursor;
    QTRY_VERIFY_WITH_TIMEOUT(
        (cursor = headCursor(carla), pull(carla, cursor).json.value(QStringLiteral("cursor")).toString() == cursor),
        settleTimeoutMs);

    // The deputyship for dora ends: her case leaves carla's scope, and pull starts over without it.
    QCOMPARE(exec(db(),
                  QStringLiteral("UPDATE deputyships SET last_day = current_date - 1 WHERE deputy_id = "
                                 "CAST(:id AS uuid)"),
                  {{QStringLiteral(":id"), uuidToString(carla.userId)}}),
             QString());
    const HttpReply reset = pull(carla, cursor, QStringLiteral("limit=1000"));
    QCOMPARE(reset.status, 200);
    QCOMPARE(reset.json.value(QStringLiteral("reset")).toBool(), true);
    QStringList after = titles(reset.json);
    after.removeIf([](const QString &title) { return !title.startsWith(QLatin1String("team")); });
    QCOMPARE(QSet<QString>(after.cbegin(), after.cend()),
             (QSet<QString>{QStringLiteral("team2-open"), QStringLiteral("team3-consulted")}));
    // The new cursor carries the new scope: no reset again.
    const HttpReply next = pull(carla, reset.json.value(QStringLiteral("cursor")).toString());
    QCOMPARE(next.json.value(QStringLiteral("reset")).toBool(), false);

    // A consultation of carla's team ends: the same again.
    const QString before = next.json.value(QStringLiteral("cursor")).toString();
    QCOMPARE(exec(db(), QStringLiteral("UPDATE consultations SET ended_at = now() WHERE case_id = CAST(:id AS uuid)"),
                  {{QStringLiteral(":id"), uuidToString(m_cases.value(QStringLiteral("team3-consulted")))}}),
             QString());
    const HttpReply ended = pull(carla, before, QStringLiteral("limit=1000"));
    QCOMPARE(ended.json.value(QStringLiteral("reset")).toBool(), true);
    QVERIFY(!titles(ended.json).contains(QStringLiteral("team3-consulted")));
    QVERIFY(titles(ended.json).contains(QStringLiteral("team2-open")));
    // Restore both for the other tests.
    QCOMPARE(exec(db(), QStringLiteral("UPDATE consultations SET ended_at = NULL WHERE case_id = CAST(:id AS uuid)"),
                  {{QStringLiteral(":id"), uuidToString(m_cases.value(QStringLiteral("team3-consulted")))}}),
             QString());
    QCOMPARE(exec(db(), QStringLiteral("UPDATE deputyships SET last_day = NULL WHERE deputy_id = CAST(:id AS uuid)"),
                  {{QStringLiteral(":id"), uuidToString(carla.userId)}}),
             QString());
}

void TestPullApi::casesLeavingTheScope()
{
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const Caller anna = login(QStringLiteral("anna"));
    const Caller bert = login(QStringLiteral("bert"));
    const QUuid moved = addCase(QStringLiteral("moves-away"), QStringLiteral("32.1"));
    const QUuid reassigned = addCase(QStringLiteral("assigned-away"), QStringLiteral("32.3"), QStringLiteral("anna"));
    const QUuid elsewhere = addCase(QStringLiteral("moves-between-others"), QStringLiteral("32.3"));
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const QString annaCursor = headCursor(anna);
    const QString bertCursor = headCursor(bert);

    // As commands write them: the case's new team or assignee and version, then its change.
    const auto change = [this](const QUuid &caseId, const QString &column, const QUuid &value) {
        QSqlDatabase connection = db();
        if (!connection.transaction())
            return connection.lastError().text();
        QString error =
            exec(connection,
                 QStringLiteral("UPDATE cases SET %1 = CAST(:value AS uuid) WHERE id = CAST(:id AS uuid)").arg(column),
                 {{QStringLiteral(":value"), uuidToString(value)}, {QStringLiteral(":id"), uuidToString(caseId)}});
        if (error.isEmpty())
            error = touch(connection, caseId);
        if (!error.isEmpty() || !connection.commit()) {
            connection.rollback();
            return error.isEmpty() ? connection.lastError().text() : error;
        }
        return QString();
    };
    QCOMPARE(change(moved, QStringLiteral("team_id"), teamId(QStringLiteral("32.2"))), QString());
    QCOMPARE(change(reassigned, QStringLiteral("assignee_id"), userId(QStringLiteral("dora"))), QString());
    QCOMPARE(change(elsewhere, QStringLiteral("team_id"), teamId(QStringLiteral("32.2"))), QString());
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);

    // anna is told to drop the two she could read, and nothing about the third.
    const HttpReply annaPull = pull(anna, annaCursor);
    QCOMPARE(annaPull.status, 200);
    QCOMPARE(titles(annaPull.json), QStringList());
    QStringList removed;
    for (const QJsonValue &id : annaPull.json.value(QStringLiteral("removed")).toArray())
        removed.append(id.toString());
    removed.sort();
    QStringList expected{uuidToString(moved), uuidToString(reassigned)};
    expected.sort();
    QCOMPARE(removed, expected);
    // A wait wakes for it too.
    QUrl url = m_a->url(QStringLiteral("/api/v1/sync/wait"));
    url.setQuery(QStringLiteral("timeout=60&cursor=") + annaCursor);
    QCOMPARE(m_http.get(url, HttpClient::bearer(anna.accessToken)).json.value(QStringLiteral("cursorMoved")).toBool(),
             true);

    // bert's team gained two cases; he is told of no removal.
    const HttpReply bertPull = pull(bert, bertCursor);
    QStringList gained = titles(bertPull.json);
    gained.sort();
    QCOMPARE(gained, (QStringList{QStringLiteral("moves-away"), QStringLiteral("moves-between-others")}));
    QCOMPARE(bertPull.json.value(QStringLiteral("removed")).toArray(), QJsonArray());
}

void TestPullApi::badCursorResets_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("garbage") << QStringLiteral("garbage");
    QTest::newRow("not base64") << QStringLiteral("not base64");
    QTest::newRow("cut") << QStringLiteral("cut");
    QTest::newRow("seq beyond the feed") << QStringLiteral("beyond");
    QTest::newRow("xid of another database") << QStringLiteral("xid");
    QTest::newRow("another user's scope") << QStringLiteral("scope");
}

void TestPullApi::badCursorResets()
{
    QFETCH(QString, kind);
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const Caller anna = login(QStringLiteral("anna"));
    const QString good = headCursor(anna);
    std::optional<SyncCursor> parsed = SyncCursor::fromText(good);
    QVERIFY(parsed);
    QVERIFY(parsed->seq > 0);
    QString bad;
    if (kind == QLatin1String("garbage"))
        bad = QStringLiteral("AAAA");
    else if (kind == QLatin1String("not base64"))
        bad = QStringLiteral("%%%***");
    else if (kind == QLatin1String("cut"))
        bad = good.left(good.size() - 3);
    else if (kind == QLatin1String("beyond")) {
        parsed->seq += 1000000;
        bad = parsed->toText();
    } else if (kind == QLatin1String("xid")) {
        parsed->xid += 1;
        bad = parsed->toText();
    } else {
        bad = headCursor(login(QStringLiteral("bert")));
    }
    const HttpReply reply = pull(anna, bad, QStringLiteral("limit=1000"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("reset")).toBool(), true);
    QVERIFY(titles(reply.json).contains(QStringLiteral("team1-open"))); // from the beginning
    QVERIFY(!titles(reply.json).contains(QStringLiteral("team2-open")));
}

void TestPullApi::badParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("limit 0") << QStringLiteral("limit=0");
    QTest::newRow("limit 1001") << QStringLiteral("limit=1001");
    QTest::newRow("limit text") << QStringLiteral("limit=many");
    QTest::newRow("resultsAfter negative") << QStringLiteral("resultsAfter=-1");
}

void TestPullApi::badParameters()
{
    QFETCH(QString, query);
    const HttpReply reply = pull(login(QStringLiteral("anna")), QString(), query);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), QStringLiteral("invalid_field"));
}

void TestPullApi::commandResults()
{
    const Caller anna = login(QStringLiteral("anna"));
    const Caller otherClient = login(QStringLiteral("anna"));
    const QUuid caseId = m_cases.value(QStringLiteral("team1-anna"));
    for (const Caller *caller : {&anna, &otherClient}) {
        for (int seq = 1; seq <= 3; ++seq) {
            const QString error = exec(
                db(),
                QStringLiteral("INSERT INTO commands (id, client_id, client_seq, user_id, case_id, name, args, made_at,"
                               " result, result_detail) VALUES (CAST(:id AS uuid), CAST(:client AS uuid), :seq,"
                               " CAST(:user AS uuid), CAST(:case AS uuid), 'setFields', '{}', now(), :result,"
                               " CAST(:detail AS jsonb))"),
                {{QStringLiteral(":id"), uuidToString(createUuidV7())},
                 {QStringLiteral(":client"), uuidToString(caller->clientId)},
                 {QStringLiteral(":seq"), seq},
                 {QStringLiteral(":user"), uuidToString(caller->userId)},
                 {QStringLiteral(":case"), uuidToString(caseId)},
                 {QStringLiteral(":result"), seq == 2 ? QStringLiteral("conflict") : QStringLiteral("applied")},
                 {QStringLiteral(":detail"), QStringLiteral("{\"seq\": %1}").arg(seq)}});
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }
    const HttpReply without = pull(anna);
    QVERIFY(!without.json.contains(QStringLiteral("results")));

    const HttpReply reply = pull(anna, QString(), QStringLiteral("resultsAfter=1&limit=1"));
    QCOMPARE(reply.status, 200);
    QJsonArray results = reply.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 1);
    QCOMPARE(reply.json.value(QStringLiteral("resultsMore")).toBool(), true);
    QCOMPARE(results.at(0)[QStringLiteral("clientSeq")].toInt(), 2);
    QCOMPARE(results.at(0)[QStringLiteral("result")].toString(), QStringLiteral("conflict"));
    QCOMPARE(results.at(0)[QStringLiteral("detail")][QStringLiteral("seq")].toInt(), 2);
    QCOMPARE(results.at(0)[QStringLiteral("caseId")].toString(), uuidToString(caseId));

    results = pull(anna, QString(), QStringLiteral("resultsAfter=2")).json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 1); // only this client's: the other installation's seq 3 is not here
    QCOMPARE(results.at(0)[QStringLiteral("clientSeq")].toInt(), 3);
    QCOMPARE(results.at(0)[QStringLiteral("result")].toString(), QStringLiteral("applied"));
}

void TestPullApi::unauthenticated_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("pull") << QStringLiteral("/api/v1/sync/pull");
    QTest::newRow("wait") << QStringLiteral("/api/v1/sync/wait?cursor=x");
}

void TestPullApi::unauthenticated()
{
    QFETCH(QString, path);
    QUrl url = m_a->url(path.section(u'?', 0, 0));
    url.setQuery(path.section(u'?', 1));
    QCOMPARE(m_http.get(url).status, 401);
    QCOMPARE(m_http.get(url, HttpClient::bearer(QStringLiteral("not-a-token"))).status, 401);
}

void TestPullApi::waitTimesOutWhenQuiet()
{
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const Caller gustav = login(QStringLiteral("gustav")); // the mailroom: no other test's case wakes it
    const QString cursor = headCursor(gustav);
    QUrl url = m_a->url(QStringLiteral("/api/v1/sync/wait"));
    url.setQuery(QStringLiteral("timeout=1&cursor=") + cursor);
    QElapsedTimer timer;
    timer.start();
    const HttpReply reply = m_http.get(url, HttpClient::bearer(gustav.accessToken));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("cursorMoved")).toBool(), false);
    QVERIFY(timer.elapsed() >= 900);
}

void TestPullApi::waitAnswersAtOnceWhenBehind()
{
    const Caller anna = login(QStringLiteral("anna"));
    QUrl url = m_b->url(QStringLiteral("/api/v1/sync/wait"));
    // From the beginning anna has cases; so does a malformed cursor (pull starts over).
    for (const QString &cursor : {SyncCursor{0, 0, "x"}.toText(), QStringLiteral("garbage")}) {
        url.setQuery(QStringLiteral("timeout=60&cursor=") + cursor);
        QElapsedTimer timer;
        timer.start();
        const HttpReply reply = m_http.get(url, HttpClient::bearer(anna.accessToken));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QStringLiteral("cursorMoved")).toBool(), true);
        QVERIFY(timer.elapsed() < 30000);
    }
}

void TestPullApi::notifyWakesWaitersOfEveryProcess()
{
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    const Caller hanna = login(QStringLiteral("hanna"));
    const QString cursor = headCursor(hanna);
    QNetworkAccessManager manager;
    QList<QNetworkReply *> replies;
    for (ServerProcess *server : {m_a.get(), m_b.get()}) {
        QUrl url = server->url(QStringLiteral("/api/v1/sync/wait"));
        url.setQuery(QStringLiteral("timeout=60&cursor=") + cursor);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + hanna.accessToken.toLatin1());
        request.setTransferTimeout(90000);
        replies.append(manager.get(request));
    }
    // Each server answers its own pull in between: the waits are in (no timing guarantee needed: an early
    // change only answers sooner).
    QCOMPARE(pull(hanna, cursor, {}, m_a.get()).status, 200);
    QCOMPARE(pull(hanna, cursor, {}, m_b.get()).status, 200);
    for (QNetworkReply *reply : replies)
        QVERIFY2(!reply->isFinished(), reply->readAll().constData());

    // A command's transaction: the case, its change and the notification commit together.
    QElapsedTimer timer;
    timer.start();
    QSqlDatabase connection = db();
    QVERIFY(connection.transaction());
    QCOMPARE(touch(connection, m_cases.value(QStringLiteral("team1-open"))), QString());
    exec(connection, QStringLiteral("SELECT pg_notify('casedesk_changes', (SELECT max(seq) FROM changes)::text)"));
    QVERIFY(connection.commit());
    for (QNetworkReply *reply : replies) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(settleTimeoutMs + 5000));
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(body.value(QStringLiteral("cursorMoved")).toBool(), true);
        reply->deleteLater();
    }
    QVERIFY(timer.elapsed() < 45000); // woken, not timed out after 60 s
    QTRY_VERIFY_WITH_TIMEOUT(titles(pull(hanna, cursor).json).contains(QStringLiteral("team1-open")), settleTimeoutMs);
}

QTEST_GUILESS_MAIN(TestPullApi)
#include "tst_pullapi.moc"
