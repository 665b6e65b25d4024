// The permission matrix of the reads (issue 5; DESIGN.md "Access scopes", "Sync protocol"), against real
// casedesk-server processes: each role x each relation of the user to the case x each per-case read the server
// has: pull (GET /api/v1/sync/pull: the case with its notes and documents), the live channel's long poll
// (GET /api/v1/sync/wait: whether a change moves the caller's cursor) and blob download (GET and HEAD
// /api/v1/blobs/{sha256}). The expected outcome of every cell is written out below, never asked of the server's
// policy. Outside the scope nothing leaks: no id or hash in any pull page, no cursor movement, and blob answers
// identical to those for content that does not exist.
#include "core/Note.h"
#include "core/Uuid.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

#include <optional>

#include "MatrixFixture.h"

using namespace casedesk;
using namespace casedesk::test;

namespace {

constexpr int settleTimeoutMs = 20000; // other tests' transactions on the shared cluster may hold the feed back

// What a user can read of a case and its document.
const char *const READ = "read";         // the case with notes and documents in pull, its changes move the cursor,
                                         // its document's blob downloads
const char *const NONE = "none";         // nothing: not even that it exists
const char *const UPLOADER = "uploader"; // the blob only, because the user uploaded it (the mailroom's filing)

struct ReadLine {
    Relation relation;
    const char *outcome[5]; // clerk, teamLead, mailroom, administrator, auditor
};

using R = Relation;

// Clerks and team leads read their team's cases, the cases assigned to whom they deputise and the cases their
// team is consulted on; auditors read their team's cases only; the mailroom reads no case contents (only what
// it uploaded itself); the administrator by role alone reads no case.
// clang-format off
const ReadLine reads[] = {
    {R::OwnTeamUnassigned,    {READ, READ, NONE, NONE, READ}},
    {R::OwnTeamAssignedToMe,  {READ, READ, NONE, NONE, READ}},
    {R::OwnTeamAssignedOther, {READ, READ, NONE, NONE, READ}},
    {R::OtherTeam,            {NONE, NONE, NONE, NONE, NONE}},
    {R::Deputy,               {READ, READ, NONE, NONE, NONE}},
    {R::Consultation,         {READ, READ, NONE, NONE, NONE}},
    {R::MailroomFiling,       {NONE, NONE, UPLOADER, NONE, NONE}},
};
// clang-format on

} // namespace

class TestReadMatrix : public MatrixFixture {
    Q_OBJECT

private slots:
    void initTestCase() { setUpMatrix(); }
    void cleanupTestCase() { tearDownMatrix(); }
    void read_data();
    void read();

private:
    bool feedSettled();
    // Every page of the caller's pull from the start; the cursor of the last page.
    QList<QJsonObject> pullAll(const Client &client, QString *cursor);
    QUuid addNote(Client &client, const QUuid &caseId);
    HttpReply blob(const QByteArray &verb, const Client &client, const QString &sha256);
};

bool TestReadMatrix::feedSettled()
{
    return scalar(QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM changes WHERE xid >= "
                                 "pg_snapshot_xmin(pg_current_snapshot()))"))
        .toBool();
}

QList<QJsonObject> TestReadMatrix::pullAll(const Client &client, QString *cursor)
{
    QList<QJsonObject> pages;
    QUrlQuery query{{QStringLiteral("limit"), QStringLiteral("1000")}};
    do {
        QUrl url = m_b->url(QStringLiteral("/api/v1/sync/pull"));
        url.setQuery(query);
        const HttpReply reply = m_http.get(url, HttpClient::bearer(client.token));
        if (reply.status != 200) {
            qWarning() << "pull failed" << reply.status << reply.body;
            break;
        }
        pages.append(reply.json);
        *cursor = reply.json.value(QStringLiteral("cursor")).toString();
        query.removeAllQueryItems(QStringLiteral("cursor"));
        query.addQueryItem(QStringLiteral("cursor"), *cursor);
    } while (pages.last().value(QStringLiteral("more")).toBool());
    return pages;
}

QUuid TestReadMatrix::addNote(Client &client, const QUuid &caseId)
{
    const Note note{createUuidV7(), caseId, client.userId, QDateTime::currentDateTimeUtc(), QStringLiteral("Vermerk")};
    const QJsonObject result =
        pushOne(client, command(client, caseId, CommandName::AddNote, {{QStringLiteral("note"), note.toJson()}}));
    if (result.value(QStringLiteral("result")).toString() != QLatin1String("applied"))
        qWarning() << "addNote not applied" << result;
    return note.id;
}

HttpReply TestReadMatrix::blob(const QByteArray &verb, const Client &client, const QString &sha256)
{
    return m_http.send(verb, m_b->url(QStringLiteral("/api/v1/blobs/") + sha256), {}, HttpClient::bearer(client.token));
}

void TestReadMatrix::read_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<Relation>("relation");
    QTest::addColumn<QString>("expected");
    for (const ReadLine &line : reads) {
        for (qsizetype r = 0; r < matrixRoles().size(); ++r)
            QTest::addRow("%s/%s/read", qPrintable(roleToString(matrixRoles().at(r))),
                          qPrintable(relationKey(line.relation)))
                << matrixRoles().at(r) << line.relation << QString::fromLatin1(line.outcome[r]);
    }
}

void TestReadMatrix::read()
{
    QFETCH(Role, role);
    QFETCH(Relation, relation);
    QFETCH(QString, expected);
    const bool readsCase = expected == QLatin1String(READ);
    Client &me = subject(role);

    // A case of its own with a document of its own (no other case shares the content) and a Vermerk.
    const Blob content = upload(filer(relation), "%PDF-1.7 Bescheid " + createUuidV7().toByteArray());
    QUuid documentId;
    const QUuid caseId = caseFor(role, relation, &documentId, &content);
    const QUuid noteId = addNote(owner(relation), caseId);
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);

    // Pull: the case with its Vermerk and document, or no trace of it on any page.
    QString cursor;
    const QList<QJsonObject> pages = pullAll(me, &cursor);
    QVERIFY(!pages.isEmpty());
    std::optional<QJsonObject> entry;
    for (const QJsonObject &page : pages) {
        for (const QJsonValue &value : page.value(QStringLiteral("cases")).toArray()) {
            if (value[QStringLiteral("case")][QStringLiteral("id")].toString() == uuidToString(caseId))
                entry = value.toObject();
        }
        const QByteArray body = QJsonDocument(page).toJson(QJsonDocument::Compact);
        if (!readsCase) {
            for (const QString &trace :
                 {uuidToString(caseId), uuidToString(documentId), uuidToString(noteId), content.sha256})
                QVERIFY2(!body.contains(trace.toLatin1()), qPrintable(trace));
        }
    }
    QCOMPARE(entry.has_value(), readsCase);
    if (readsCase) {
        const QByteArray notes = QJsonDocument(entry->value(QStringLiteral("notes")).toArray()).toJson();
        const QByteArray documents = QJsonDocument(entry->value(QStringLiteral("documents")).toArray()).toJson();
        QVERIFY(notes.contains(uuidToString(noteId).toLatin1()));
        QVERIFY(documents.contains(uuidToString(documentId).toLatin1()));
        QVERIFY(documents.contains(content.sha256.toLatin1()));
    }

    // Blob download and HEAD: the content, or the very answer for content that does not exist.
    const bool readsBlob = readsCase || expected == QLatin1String(UPLOADER);
    const QString missing =
        QString::fromLatin1(QCryptographicHash::hash(createUuidV7().toByteArray(), QCryptographicHash::Sha256).toHex());
    const HttpReply got = blob(QByteArrayLiteral("GET"), me, content.sha256);
    const HttpReply head = blob(QByteArrayLiteral("HEAD"), me, content.sha256);
    if (readsBlob) {
        QCOMPARE(got.status, 200);
        QCOMPARE(got.body, content.bytes);
        QCOMPARE(head.status, 200);
    } else {
        const HttpReply gotMissing = blob(QByteArrayLiteral("GET"), me, missing);
        const HttpReply headMissing = blob(QByteArrayLiteral("HEAD"), me, missing);
        QCOMPARE(gotMissing.status, 404);
        QCOMPARE(got.status, gotMissing.status);
        QCOMPARE(got.body, gotMissing.body);
        QCOMPARE(got.header("Content-Type"), gotMissing.header("Content-Type"));
        QCOMPARE(head.status, headMissing.status);
        QCOMPARE(head.body, headMissing.body);
    }

    // The live channel: a new Vermerk moves the cursor of those who read the case, and only theirs.
    addNote(owner(relation), caseId);
    QTRY_VERIFY_WITH_TIMEOUT(feedSettled(), settleTimeoutMs);
    QUrl wait = m_a->url(QStringLiteral("/api/v1/sync/wait"));
    wait.setQuery(QUrlQuery{{QStringLiteral("cursor"), cursor}, {QStringLiteral("timeout"), QStringLiteral("0")}});
    const HttpReply moved = m_http.get(wait, HttpClient::bearer(me.token));
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.json.value(QStringLiteral("cursorMoved")).toBool(), readsCase);
}

QTEST_GUILESS_MAIN(TestReadMatrix)
#include "tst_readmatrix.moc"
