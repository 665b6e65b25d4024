// Abandoned uploads (BlobStore::removeAbandoned) against a real PostgreSQL. Age comes from moving a row's
// updated_at back with SQL and from the cutoff the caller passes, never from waiting: an unfinished upload without
// progress since the cutoff goes with its chunks, a fresh one stays; finished content that no document refers to
// goes with its uploads and bytes once its last finished upload is older than the cutoff; attached content stays
// however old; a second run finds nothing. Then a real `serve --upload-expiry 2` removes an upload three hours
// old at its start and keeps a fresh one.
#include "core/Case.h"
#include "core/Uuid.h"
#include "server/BlobStore.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <optional>

#include "MigratedDatabase.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"

using namespace casedesk;
using namespace casedesk::server;
using namespace casedesk::test;

namespace {

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

// Distinct content for each call.
QByteArray someBytes(const char *label)
{
    return QByteArray(label) + ' ' + createUuidV7().toByteArray() + QByteArray(2000, 'x');
}

} // namespace

class TestUploadCleanup : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void removesWhatWasAbandoned();
    void serveRemovesAtItsExpiry();

private:
    QSqlDatabase db() const { return m_database->connection().value(); }
    QString exec(const QString &sql, const QVariantMap &values = {}); // an empty string or the error
    qint64 count(const QString &sql, const QByteArray &sha);
    bool append(const QUuid &user, const QByteArray &bytes, qint64 length); // the first `length` bytes
    // Moves the user's upload of `bytes` `hours` into the past.
    QString age(const QUuid &user, const QByteArray &bytes, int hours);
    QString attach(const QByteArray &bytes); // to a new case of team 32.1

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::optional<ServerDatabase> m_database;
    QUuid m_anna;
    QUuid m_bert;
    QUuid m_team;
};

void TestUploadCleanup::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const Result<ServerDatabase> database = test::migratedDatabase(*m_pg);
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database = database.value();
    UserDirectory users(db());
    const Result<Team> team = users.addTeam(QStringLiteral("32.1"), QStringLiteral("Verkehr"), QStringLiteral("32.10"));
    QVERIFY(team);
    m_team = team->id;
    for (const auto &[login, id] : {std::pair{"anna", &m_anna}, std::pair{"bert", &m_bert}}) {
        const Result<User> user =
            users.addUser({QLatin1String(login), QLatin1String(login), {Role::Clerk}, {QStringLiteral("32.1")}},
                          QStringLiteral("correct horse battery"));
        QVERIFY(user);
        *id = user->id;
    }
}

void TestUploadCleanup::cleanupTestCase()
{
    if (m_database)
        m_database->closeConnection();
    m_pg.reset();
}

QString TestUploadCleanup::exec(const QString &sql, const QVariantMap &values)
{
    QSqlQuery query(db());
    query.prepare(sql);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key(), it.value());
    return query.exec() ? QString() : query.lastError().text();
}

qint64 TestUploadCleanup::count(const QString &sql, const QByteArray &sha)
{
    QSqlQuery query(db());
    query.prepare(sql);
    query.bindValue(QStringLiteral(":sha"), sha);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool TestUploadCleanup::append(const QUuid &user, const QByteArray &bytes, qint64 length)
{
    const Result<BlobAppend> appended =
        BlobStore(db()).append(sha256(bytes), user, 0, bytes.size(), bytes.left(length));
    return appended && appended->outcome == BlobAppend::Outcome::Stored;
}

QString TestUploadCleanup::age(const QUuid &user, const QByteArray &bytes, int hours)
{
    return exec(QStringLiteral("UPDATE blob_uploads SET updated_at = now() - make_interval(hours => :hours)"
                               " WHERE sha256 = :sha AND uploaded_by = CAST(:user AS uuid)"),
                {{QStringLiteral(":hours"), hours},
                 {QStringLiteral(":sha"), sha256(bytes)},
                 {QStringLiteral(":user"), uuidToString(user)}});
}

QString TestUploadCleanup::attach(const QByteArray &bytes)
{
    Case theCase;
    theCase.id = createUuidV7();
    theCase.caseType = QStringLiteral("bewohnerparken");
    theCase.title = QStringLiteral("Bewohnerparkausweis");
    theCase.teamId = m_team;
    theCase.version = 1;
    const QString inserted =
        exec(QStringLiteral("INSERT INTO cases (id, case_type, team_id, version, data) VALUES (CAST(:id AS uuid),"
                            " :type, CAST(:team AS uuid), 1, CAST(:data AS jsonb))"),
             {{QStringLiteral(":id"), uuidToString(theCase.id)},
              {QStringLiteral(":type"), theCase.caseType},
              {QStringLiteral(":team"), uuidToString(m_team)},
              {QStringLiteral(":data"), QString::fromUtf8(QJsonDocument(theCase.toJson()).toJson())}});
    if (!inserted.isEmpty())
        return inserted;
    return exec(QStringLiteral("INSERT INTO documents (id, case_id, sha256, size, name, kind, added_by) VALUES"
                               " (gen_random_uuid(), CAST(:case AS uuid), :sha, :size, 'scan.pdf', 'scan',"
                               " CAST(:user AS uuid))"),
                {{QStringLiteral(":case"), uuidToString(theCase.id)},
                 {QStringLiteral(":sha"), sha256(bytes)},
                 {QStringLiteral(":size"), bytes.size()},
                 {QStringLiteral(":user"), uuidToString(m_anna)}});
}

void TestUploadCleanup::removesWhatWasAbandoned()
{
    const QByteArray staleUnfinished = someBytes("stale unfinished");
    const QByteArray freshUnfinished = someBytes("fresh unfinished");
    const QByteArray unattached = someBytes("unattached");
    const QByteArray attached = someBytes("attached");
    const QByteArray shared = someBytes("shared"); // anna's upload is old, bert's fresh
    QVERIFY(append(m_anna, staleUnfinished, 1000));
    QVERIFY(append(m_bert, freshUnfinished, 1000));
    for (const QByteArray &bytes : {unattached, attached, shared})
        QVERIFY(append(m_anna, bytes, bytes.size()));
    QVERIFY(append(m_bert, shared, shared.size()));
    QCOMPARE(attach(attached), QString());
    for (const QByteArray &bytes : {staleUnfinished, unattached, attached, shared})
        QCOMPARE(age(m_anna, bytes, 25), QString());
    const QString uploadIds = QStringLiteral("SELECT string_agg(id::text, ',') FROM blob_uploads WHERE sha256 IN"
                                             " (:stale, :unattached)");
    QSqlQuery query(db());
    query.prepare(uploadIds);
    query.bindValue(QStringLiteral(":stale"), sha256(staleUnfinished));
    query.bindValue(QStringLiteral(":unattached"), sha256(unattached));
    QVERIFY(query.exec() && query.next());
    const QString removedUploads = query.value(0).toString();
    QCOMPARE(removedUploads.count(u','), 1);

    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-24 * 3600);
    const Result<BlobCleanup> removed = BlobStore(db()).removeAbandoned(cutoff);
    QVERIFY2(removed, qPrintable(removed.error().toString()));
    QCOMPARE(removed->uploads, 1);
    QCOMPARE(removed->blobs, 1);

    const QString uploads = QStringLiteral("SELECT count(*) FROM blob_uploads WHERE sha256 = :sha");
    const QString blobs = QStringLiteral("SELECT count(*) FROM blobs WHERE sha256 = :sha");
    QCOMPARE(count(uploads, sha256(staleUnfinished)), 0);
    QCOMPARE(count(uploads, sha256(freshUnfinished)), 1);
    QCOMPARE(count(uploads, sha256(unattached)), 0);
    QCOMPARE(count(blobs, sha256(unattached)), 0);
    // The bytes went with them.
    query.prepare(QStringLiteral(
        "SELECT count(*) FROM blob_chunks WHERE upload_id = ANY(CAST(string_to_array(:ids, ',') AS bigint[]))"));
    query.bindValue(QStringLiteral(":ids"), removedUploads);
    QVERIFY(query.exec() && query.next());
    QCOMPARE(query.value(0).toLongLong(), 0);
    QCOMPARE(count(uploads, sha256(attached)), 1);
    QCOMPARE(count(blobs, sha256(attached)), 1);
    QCOMPARE(count(uploads, sha256(shared)), 2);
    QCOMPARE(count(blobs, sha256(shared)), 1);
    const Result<QByteArray> read = BlobStore(db()).read(sha256(attached), 0, attached.size());
    QVERIFY(read);
    QCOMPARE(read.value(), attached);

    // Nothing more to do: the same run again removes nothing.
    const Result<BlobCleanup> again = BlobStore(db()).removeAbandoned(cutoff);
    QVERIFY(again);
    QCOMPARE(again->uploads + again->blobs, 0);

    // Once bert's upload of the shared content is old too, the content goes with both uploads.
    QCOMPARE(age(m_bert, shared, 25), QString());
    const Result<BlobCleanup> later = BlobStore(db()).removeAbandoned(cutoff);
    QVERIFY(later);
    QCOMPARE(later->blobs, 1);
    QCOMPARE(count(uploads, sha256(shared)), 0);
    QCOMPARE(count(blobs, sha256(shared)), 0);
    QCOMPARE(count(blobs, sha256(attached)), 1);

    // The content can be uploaded again afterwards.
    QVERIFY(append(m_anna, unattached, unattached.size()));
    QCOMPARE(count(blobs, sha256(unattached)), 1);
}

void TestUploadCleanup::serveRemovesAtItsExpiry()
{
    const QByteArray old = someBytes("three hours old");
    const QByteArray fresh = someBytes("fresh");
    QVERIFY(append(m_anna, old, 100));
    QVERIFY(append(m_anna, fresh, 100));
    QCOMPARE(age(m_anna, old, 3), QString());
    ServerProcess server(m_pg->connectionString(), {QStringLiteral("--upload-expiry"), QStringLiteral("2")});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QString uploads = QStringLiteral("SELECT count(*) FROM blob_uploads WHERE sha256 = :sha");
    QTRY_COMPARE_WITH_TIMEOUT(count(uploads, sha256(old)), 0, 20000);
    QCOMPARE(count(uploads, sha256(fresh)), 1);
    QCOMPARE(server.stop(), 0);
    QVERIFY2(server.standardError().contains(QLatin1String("removed 1 abandoned uploads")),
             qPrintable(server.standardError()));
}

QTEST_GUILESS_MAIN(TestUploadCleanup)
#include "tst_uploadcleanup.moc"
