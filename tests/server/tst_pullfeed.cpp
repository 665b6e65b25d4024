// What pull delivers and in which order, against real casedesk-server processes on one PostgreSQL database
// (PullTestBase): cases with their version, notes and documents (documents come the way a client adds them:
// upload, attachDocument, updateDocumentMeta, and travel with their case, to its scope only), paging in
// commit order, the hole guard with transactions held open, malformed cursors and parameters, command results.
#include "core/Case.h"
#include "core/Command.h"
#include "core/DocumentRef.h"
#include "core/Note.h"
#include "core/Uuid.h"
#include "server/SyncCursor.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>
#include <QSqlDatabase>
#include <QTest>

#include "PullTestBase.h"

using namespace casedesk;
using namespace casedesk::server;
using namespace casedesk::test;

namespace {

// What a pull delivered, for a failed wait: none (the feed held back) or which cases at which versions.
QString pulledCases(const QJsonArray &cases)
{
    QStringList entries;
    for (const QJsonValue &entry : cases)
        entries.append(
            entry.toObject().value(QStringLiteral("case")).toObject().value(QStringLiteral("id")).toString() + u'@' +
            QString::number(entry.toObject().value(QStringLiteral("version")).toInteger()));
    return QStringLiteral("pulled %1 cases: %2").arg(cases.size()).arg(entries.join(u' '));
}

} // namespace

class TestPullFeed : public PullTestBase {
    Q_OBJECT

private slots:
    void initTestCase() { setUpServers(); }
    void cleanupTestCase() { tearDownServers(); }
    void casesCarryVersionAndNotes();
    void casesCarryTheirDocuments();
    void pagingInCommitOrder();
    void holeGuard_data();
    void holeGuard();
    void badCursorResets_data();
    void badCursorResets();
    void badParameters_data();
    void badParameters();
    void commandResults();
    void resultWaitsForItsChange();
};

void TestPullFeed::casesCarryVersionAndNotes()
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
    QTRY_VERIFY2_WITH_TIMEOUT((cases = pull(anna, cursor).json.value(QStringLiteral("cases")).toArray()).size() == 1,
                              qPrintable(pulledCases(cases)), settleTimeoutMs);
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

void TestPullFeed::casesCarryTheirDocuments()
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
    QTRY_VERIFY2_WITH_TIMEOUT((cases = pull(anna, cursor).json.value(QStringLiteral("cases")).toArray()).size() == 1,
                              qPrintable(pulledCases(cases)), settleTimeoutMs);
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

void TestPullFeed::pagingInCommitOrder()
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

void TestPullFeed::holeGuard_data()
{
    QTest::addColumn<bool>("laterTransactionBeganFirst");
    // The held transaction takes its seq first; the other one commits a later seq. In the second row the
    // committing transaction got its transaction id before the held one (it wrote something first, as a command
    // updates its case before the change row), which a guard on the seq order alone would get wrong.
    QTest::newRow("held transaction began first") << false;
    QTest::newRow("committing transaction began first") << true;
}

void TestPullFeed::holeGuard()
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

void TestPullFeed::badCursorResets_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("garbage") << QStringLiteral("garbage");
    QTest::newRow("not base64") << QStringLiteral("not base64");
    QTest::newRow("cut") << QStringLiteral("cut");
    QTest::newRow("seq beyond the feed") << QStringLiteral("beyond");
    QTest::newRow("xid of another database") << QStringLiteral("xid");
    QTest::newRow("another user's scope") << QStringLiteral("scope");
}

void TestPullFeed::badCursorResets()
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

void TestPullFeed::badParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("limit 0") << QStringLiteral("limit=0");
    QTest::newRow("limit 1001") << QStringLiteral("limit=1001");
    QTest::newRow("limit text") << QStringLiteral("limit=many");
    QTest::newRow("resultsAfter negative") << QStringLiteral("resultsAfter=-1");
}

void TestPullFeed::badParameters()
{
    QFETCH(QString, query);
    const HttpReply reply = pull(login(QStringLiteral("anna")), QString(), query);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), QStringLiteral("invalid_field"));
}

void TestPullFeed::commandResults()
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

void TestPullFeed::resultWaitsForItsChange()
{
    const Caller anna = login(QStringLiteral("anna"));
    const QUuid caseId = m_cases.value(QStringLiteral("team1-anna"));
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    // An older transaction still runs while Anna's command commits with its change.
    QSqlDatabase older = m_second->connection().value();
    QVERIFY(older.transaction());
    QVERIFY(!exec(older, QStringLiteral("SELECT pg_current_xact_id()::text")).isEmpty());
    const QString commandId = uuidToString(createUuidV7());
    QSqlDatabase writer = db();
    QVERIFY(writer.transaction());
    QCOMPARE(
        exec(writer,
             QStringLiteral("INSERT INTO commands (id, client_id, client_seq, user_id, case_id, name, args, made_at,"
                            " result) VALUES (CAST(:id AS uuid), CAST(:client AS uuid), 1, CAST(:user AS uuid),"
                            " CAST(:case AS uuid), 'setFields', '{}', now(), 'applied')"),
             {{QStringLiteral(":id"), commandId},
              {QStringLiteral(":client"), uuidToString(anna.clientId)},
              {QStringLiteral(":user"), uuidToString(anna.userId)},
              {QStringLiteral(":case"), uuidToString(caseId)}}),
        QString());
    QCOMPARE(touch(writer, caseId), QString());
    QCOMPARE(exec(writer,
                  QStringLiteral("UPDATE changes SET command_id = CAST(:command AS uuid) WHERE case_id = CAST(:case AS "
                                 "uuid) AND seq = (SELECT max(seq) FROM changes WHERE case_id = CAST(:case AS uuid))"),
                  {{QStringLiteral(":command"), commandId}, {QStringLiteral(":case"), uuidToString(caseId)}}),
             QString());
    QVERIFY(writer.commit());
    const qint64 version = exec(db(), QStringLiteral("SELECT version FROM cases WHERE id = CAST(:id AS uuid)"),
                                {{QStringLiteral(":id"), uuidToString(caseId)}})
                               .toLongLong();

    // The change is held back behind the older transaction, and so is the result: it would end the pending
    // command before the change it made arrives.
    const HttpReply during = pull(anna, QString(), QStringLiteral("resultsAfter=0"));
    QCOMPARE(during.status, 200);
    QCOMPARE(during.json.value(QStringLiteral("results")).toArray().size(), 0);
    QCOMPARE(during.json.value(QStringLiteral("resultsHeld")).toBool(), true);

    QVERIFY(older.rollback());
    HttpReply after;
    QTRY_VERIFY_WITH_TIMEOUT((after = pull(anna, QString(), QStringLiteral("resultsAfter=0")))
                                     .json.value(QStringLiteral("results"))
                                     .toArray()
                                     .size() == 1,
                             settleTimeoutMs);
    QCOMPARE(after.json.value(QStringLiteral("resultsHeld")).toBool(), false);
    QCOMPARE(after.json.value(QStringLiteral("results")).toArray().at(0)[QStringLiteral("commandId")].toString(),
             commandId);
    // The same page brings the change.
    bool delivered = false;
    for (const QJsonValue &entry : after.json.value(QStringLiteral("cases")).toArray()) {
        const QJsonObject c = entry[QStringLiteral("case")].toObject();
        if (c.value(QStringLiteral("id")).toString() == uuidToString(caseId))
            delivered = entry[QStringLiteral("version")].toInteger() == version;
    }
    QVERIFY(delivered);
}

QTEST_GUILESS_MAIN(TestPullFeed)
#include "tst_pullfeed.moc"
