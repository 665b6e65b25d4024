// POST /api/v1/intake against two real casedesk-server processes on one PostgreSQL database: portal
// credentials made by the built binary (portal add / disable / route), a valid application that lands
// unassigned in the routed team's queue with Aktenzeichen and statutory deadline (seen through pull), invalid
// form data (422 with the field problems, nothing stored), repeated submission ids (also two at once on two
// processes), wrong credentials in both directions, attachments (content, missing blob, hash mismatch),
// oversized bodies, and an intact audit log afterwards.
#include "casework/CommandRules.h"
#include "core/Clock.h"
#include "core/Uuid.h"
#include "demo/BundledContent.h"
#include "demo/DemoGenerator.h"
#include "mock/TestSupport.h"
#include "server/ServerDatabase.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

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

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestIntakeApi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void validSubmissionReachesTheTeam();
    void attachmentStoredBeforeNeedsNoContent();
    void invalidFormIsRefusedWithProblems_data();
    void invalidFormIsRefusedWithProblems();
    void repeatedSubmissionGivesTheSameCase();
    void concurrentDuplicatesOnTwoProcesses();
    void badAttachments_data();
    void badAttachments();
    void wrongCredentials_data();
    void wrongCredentials();
    void portalSecretOnUserEndpoint();
    void oversizedBody();
    void auditLogStaysIntact();

private:
    QSqlDatabase db() const;
    QString scalar(const QString &sql);
    CommandRun server(const QStringList &arguments);
    QString addPortal(const QString &name);
    // A submission of a bewohnerparken case whose form data the definition accepts in full.
    QJsonObject submission(const QString &submissionId) const;
    HttpReply intake(const QJsonObject &body, const QString &secret, ServerProcess *process = nullptr);
    QString accessToken(const QString &login);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::optional<ServerDatabase> m_database;
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    HttpClient m_http;
    QString m_secret;         // the enabled portal's
    QString m_disabledSecret; // a disabled portal's
    Case m_template;          // the application every submission sends
    QByteArray m_scan;        // an attachment that validSubmissionReachesTheTeam stores
};

QSqlDatabase TestIntakeApi::db() const
{
    return m_database->connection().value();
}

QString TestIntakeApi::scalar(const QString &sql)
{
    QSqlQuery query(db());
    if (!query.exec(sql))
        return query.lastError().text();
    return query.next() ? query.value(0).toString() : QString();
}

CommandRun TestIntakeApi::server(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CASEDESK_CONFIG"), QStringLiteral("/nonexistent/casedesk-server.conf"));
    environment.insert(QStringLiteral("CASEDESK_DB"), m_pg->connectionString());
    return runServerCommand(arguments, {}, environment);
}

QString TestIntakeApi::addPortal(const QString &name)
{
    const CommandRun run = server({QStringLiteral("portal"), QStringLiteral("add"), name});
    if (run.exitCode != 0)
        qWarning() << "portal add failed:" << run.err;
    return run.out.trimmed().section(u'\n', -1); // the secret is the last line
}

QJsonObject TestIntakeApi::submission(const QString &submissionId) const
{
    return {{QStringLiteral("submissionId"), submissionId},
            {QStringLiteral("caseType"), m_template.caseType},
            {QStringLiteral("applicant"), m_template.applicant.toJson()},
            {QStringLiteral("formData"), m_template.formData}};
}

HttpReply TestIntakeApi::intake(const QJsonObject &body, const QString &secret, ServerProcess *process)
{
    return m_http.post((process ? process : m_a.get())->url(QStringLiteral("/api/v1/intake")), json(body),
                       secret.isEmpty() ? HttpHeaders{} : HttpClient::bearer(secret));
}

QString TestIntakeApi::accessToken(const QString &login)
{
    const HttpReply reply = m_http.post(m_a->url(QStringLiteral("/api/v1/auth/login")),
                                        json({{QStringLiteral("login"), login},
                                              {QStringLiteral("password"), TestUsers::password()},
                                              {QStringLiteral("clientId"), uuidToString(createUuidV7())}}));
    return reply.json.value(QStringLiteral("accessToken")).toString();
}

void TestIntakeApi::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const QString problem = TestUsers(m_pg->connectionString()).setUp({QStringLiteral("anna")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_database = ServerDatabase::fromConnectionString(m_pg->connectionString()).value();
    QVERIFY(m_database->connection());

    m_secret = addPortal(QStringLiteral("service-bw"));
    QCOMPARE(m_secret.size(), 43);
    m_disabledSecret = addPortal(QStringLiteral("old-portal"));
    QCOMPARE(server({QStringLiteral("portal"), QStringLiteral("disable"), QStringLiteral("old-portal")}).exitCode, 0);
    const CommandRun routed = server(
        {QStringLiteral("portal"), QStringLiteral("route"), QStringLiteral("bewohnerparken"), QStringLiteral("32.1")});
    QVERIFY2(routed.exitCode == 0, qPrintable(routed.err));
    QVERIFY(server({QStringLiteral("portal"), QStringLiteral("routes")}).out.contains(QLatin1String("32.1")));
    const CommandRun list = server({QStringLiteral("portal"), QStringLiteral("list")});
    QVERIFY(list.out.contains(QLatin1String("old-portal  disabled")));
    QVERIFY(!list.out.contains(m_secret)); // shown once only

    // A generated application that is complete: the intake demands every required value.
    const demo::CaseTypeContent *type = demo::BundledContent::instance()->find(QStringLiteral("bewohnerparken"));
    QVERIFY(type);
    const demo::DemoGenerator generator(testSeed(), Clock::current().today());
    for (qint64 i = 0; i < 2000 && m_template.id.isNull(); ++i) {
        const Case candidate = generator.makeCase(i);
        if (candidate.caseType == type->caseType &&
            casework::CommandRules::problems(type->form, candidate.formData, Clock::current().today(),
                                             casework::CommandRules::RequiredValues::Demanded)
                .isEmpty())
            m_template = candidate;
    }
    QVERIFY2(!m_template.id.isNull(), "no complete bewohnerparken application among the generated cases");

    QString failure;
    QVERIFY2(startServerPair(m_pg->connectionString(), &m_a, &m_b, &failure), qPrintable(failure));
}

void TestIntakeApi::cleanupTestCase()
{
    QVERIFY(stopServerPair(&m_a, &m_b));
    m_database.reset();
    m_pg.reset();
}

void TestIntakeApi::validSubmissionReachesTheTeam()
{
    m_scan = QByteArrayLiteral("%PDF-1.4 Antrag ") + QByteArray::number(testSeed());
    const QByteArray &scan = m_scan;
    QJsonObject body = submission(QStringLiteral("valid-1"));
    body.insert(QStringLiteral("attachments"),
                QJsonArray{QJsonObject{{QStringLiteral("sha256"), sha256Hex(scan)},
                                       {QStringLiteral("name"), QStringLiteral("antrag.pdf")},
                                       {QStringLiteral("kind"), QStringLiteral("application")},
                                       {QStringLiteral("mimeType"), QStringLiteral("application/pdf")},
                                       {QStringLiteral("content"), QString::fromLatin1(scan.toBase64())}}});
    const HttpReply reply = intake(body, m_secret);
    QCOMPARE(reply.status, 201);
    const QUuid caseId = uuidFromString(reply.json.value(QStringLiteral("caseId")).toString());
    QVERIFY(!caseId.isNull());
    const QString aktenzeichen = reply.json.value(QStringLiteral("aktenzeichen")).toString();
    QVERIFY2(aktenzeichen.startsWith(QLatin1String("32.10-")), qPrintable(aktenzeichen));
    const QDate deadline =
        QDate::fromString(reply.json.value(QStringLiteral("statutoryDeadline")).toString(), Qt::ISODate);
    QVERIFY(deadline > Clock::current().today());

    // The team's clerk pulls it: unassigned, in team 32.1, with the same Aktenzeichen and deadline.
    QUrl url = m_b->url(QStringLiteral("/api/v1/sync/pull"));
    url.setQuery(QStringLiteral("limit=1000"));
    const HttpReply pulled = m_http.get(url, HttpClient::bearer(accessToken(QStringLiteral("anna"))));
    QCOMPARE(pulled.status, 200);
    std::optional<Case> delivered;
    for (const QJsonValue &entry : pulled.json.value(QStringLiteral("cases")).toArray()) {
        Result<Case> parsed = Case::fromJson(entry[QStringLiteral("case")].toObject());
        if (parsed && parsed->id == caseId)
            delivered = parsed.value();
    }
    QVERIFY2(delivered, pulled.body.constData());
    QVERIFY(delivered->assigneeId.isNull());
    QCOMPARE(uuidToString(delivered->teamId), scalar(QStringLiteral("SELECT id::text FROM teams WHERE code = '32.1'")));
    QCOMPARE(delivered->aktenzeichen.toString(), aktenzeichen);
    QCOMPARE(delivered->statutoryDeadline, deadline);
    QCOMPARE(delivered->applicant, m_template.applicant);
    QCOMPARE(delivered->version, 1);

    // The attachment is a verified blob and a document of the case, added by the portal.
    QCOMPARE(scalar(QStringLiteral("SELECT d.name || '|' || p.name || '|' || b.size FROM documents d"
                                   " JOIN portal_credentials p ON p.id = d.added_by_portal"
                                   " JOIN blobs b ON b.sha256 = d.sha256 WHERE d.case_id = '%1'")
                        .arg(uuidToString(caseId))),
             QStringLiteral("antrag.pdf|service-bw|%1").arg(scan.size()));
}

void TestIntakeApi::attachmentStoredBeforeNeedsNoContent()
{
    QJsonObject body = submission(QStringLiteral("same-scan"));
    body.insert(QStringLiteral("attachments"),
                QJsonArray{QJsonObject{{QStringLiteral("sha256"), sha256Hex(m_scan)},
                                       {QStringLiteral("name"), QStringLiteral("kopie.pdf")},
                                       {QStringLiteral("kind"), QStringLiteral("evidence")}}});
    const HttpReply reply = intake(body, m_secret, m_b.get());
    QCOMPARE(reply.status, 201);
    QCOMPARE(scalar(QStringLiteral("SELECT d.name || '|' || d.size FROM documents d WHERE d.case_id = '%1'")
                        .arg(reply.json.value(QStringLiteral("caseId")).toString())),
             QStringLiteral("kopie.pdf|%1").arg(m_scan.size()));
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM blobs WHERE sha256 = decode('%1', 'hex')").arg(sha256Hex(m_scan))),
        QStringLiteral("1"));
}

void TestIntakeApi::invalidFormIsRefusedWithProblems_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value"); // undefined: the field is left out
    QTest::addColumn<QString>("code");

    QTest::newRow("unknown field") << QStringLiteral("noSuchField") << QJsonValue(QStringLiteral("x"))
                                   << QStringLiteral("unknownField");
    QTest::newRow("wrong type") << QString() << QJsonValue(QJsonArray{1, 2}) << QStringLiteral("wrongType");
    QTest::newRow("required missing") << QString() << QJsonValue(QJsonValue::Undefined) << QStringLiteral("required");
}

void TestIntakeApi::invalidFormIsRefusedWithProblems()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    QJsonObject body = submission(QStringLiteral("invalid-%1").arg(QLatin1String(QTest::currentDataTag())));
    QJsonObject data = m_template.formData;
    if (field.isEmpty()) {
        // A text field of the application that the definition requires.
        const demo::CaseTypeContent *type = demo::BundledContent::instance()->find(m_template.caseType);
        QJsonObject emptied = data;
        for (const QString &key : data.keys()) {
            if (!data.value(key).isString()) // an array is then surely of the wrong type
                continue;
            emptied.remove(key);
            const auto problems = casework::CommandRules::problems(type->form, emptied, Clock::current().today(),
                                                                   casework::CommandRules::RequiredValues::Demanded);
            if (std::any_of(problems.cbegin(), problems.cend(), [&key](const forms::FormProblem &problem) {
                    return problem.path == key && problem.codeString() == QLatin1String("required");
                })) {
                field = key;
                break;
            }
            emptied.insert(key, data.value(key));
        }
        QVERIFY(!field.isEmpty());
    }
    if (value.isUndefined())
        data.remove(field);
    else
        data.insert(field, value);
    body.insert(QStringLiteral("formData"), data);
    const QString casesBefore = scalar(QStringLiteral("SELECT count(*) FROM cases"));

    const HttpReply reply = intake(body, m_secret);
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.errorCode(), QStringLiteral("invalid_form"));
    const QJsonArray problems = reply.json[QStringLiteral("error")][QStringLiteral("problems")].toArray();
    QVERIFY(std::any_of(problems.cbegin(), problems.cend(), [&](const QJsonValue &problem) {
        return problem[QStringLiteral("path")].toString() == field &&
               problem[QStringLiteral("code")].toString() == code &&
               !problem[QStringLiteral("message")].toString().isEmpty();
    }));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cases")), casesBefore);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM intake_submissions WHERE submission_id = '%1'")
                        .arg(body.value(QStringLiteral("submissionId")).toString())),
             QStringLiteral("0"));
}

void TestIntakeApi::repeatedSubmissionGivesTheSameCase()
{
    const HttpReply first = intake(submission(QStringLiteral("twice")), m_secret);
    QCOMPARE(first.status, 201);
    // Another process, and different content: the submission id decides.
    QJsonObject changed = submission(QStringLiteral("twice"));
    changed.insert(QStringLiteral("title"), QStringLiteral("Changed"));
    const HttpReply second = intake(changed, m_secret, m_b.get());
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json, first.json);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cases WHERE id = '%1'")
                        .arg(first.json.value(QStringLiteral("caseId")).toString())),
             QStringLiteral("1"));
}

void TestIntakeApi::concurrentDuplicatesOnTwoProcesses()
{
    const int rounds = 5;
    for (int round = 0; round < rounds; ++round) {
        const QString id = QStringLiteral("race-%1").arg(round);
        QNetworkAccessManager manager;
        QList<QNetworkReply *> replies;
        for (ServerProcess *process : {m_a.get(), m_b.get()}) {
            QNetworkRequest request(process->url(QStringLiteral("/api/v1/intake")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + m_secret.toLatin1());
            replies.append(manager.post(request, json(submission(id))));
        }
        QTRY_VERIFY_WITH_TIMEOUT(replies[0]->isFinished() && replies[1]->isFinished(), 30000);
        QList<int> statuses;
        QSet<QString> caseIds;
        for (QNetworkReply *reply : replies) {
            statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
            caseIds.insert(
                QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("caseId")).toString());
            reply->deleteLater();
        }
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{200, 201}));
        QCOMPARE(caseIds.size(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM intake_submissions WHERE submission_id = '%1'").arg(id)),
                 QStringLiteral("1"));
    }
}

void TestIntakeApi::badAttachments_data()
{
    QTest::addColumn<QJsonObject>("attachment");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QByteArray never = QByteArrayLiteral("never uploaded ") + QByteArray::number(testSeed());
    const QJsonObject base{{QStringLiteral("name"), QStringLiteral("nachweis.pdf")},
                           {QStringLiteral("kind"), QStringLiteral("evidence")},
                           {QStringLiteral("sha256"), sha256Hex(never)}};
    QTest::newRow("blob missing") << base << 422 << QStringLiteral("missing_attachment");
    QJsonObject mismatch = base;
    mismatch.insert(QStringLiteral("content"), QString::fromLatin1(QByteArrayLiteral("other bytes").toBase64()));
    QTest::newRow("hash mismatch") << mismatch << 422 << QStringLiteral("attachment_hash_mismatch");
    QJsonObject notBase64 = base;
    notBase64.insert(QStringLiteral("content"), QStringLiteral("%%%"));
    QTest::newRow("not base64") << notBase64 << 400 << QStringLiteral("invalid_field");
    QJsonObject badKind = base;
    badKind.insert(QStringLiteral("kind"), QStringLiteral("selfie"));
    QTest::newRow("unknown kind") << badKind << 400 << QStringLiteral("invalid_field");
}

void TestIntakeApi::badAttachments()
{
    QFETCH(QJsonObject, attachment);
    QFETCH(int, status);
    QFETCH(QString, code);
    QJsonObject body = submission(QStringLiteral("attachment-%1").arg(QLatin1String(QTest::currentDataTag())));
    body.insert(QStringLiteral("attachments"), QJsonArray{attachment});
    const QString casesBefore = scalar(QStringLiteral("SELECT count(*) FROM cases"));
    const HttpReply reply = intake(body, m_secret);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cases")), casesBefore);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM blobs WHERE sha256 = decode('%1', 'hex')")
                        .arg(attachment.value(QStringLiteral("sha256")).toString())),
             QStringLiteral("0"));
}

void TestIntakeApi::wrongCredentials_data()
{
    QTest::addColumn<QString>("credential"); // "user", "disabled", or the secret itself
    QTest::addColumn<QString>("code");
    QTest::newRow("none") << QString() << QStringLiteral("missing_token");
    QTest::newRow("garbage") << QStringLiteral("not-a-secret") << QStringLiteral("invalid_portal_credential");
    QTest::newRow("unknown secret") << QString::fromLatin1(QByteArray(43, 'A'))
                                    << QStringLiteral("invalid_portal_credential");
    QTest::newRow("disabled portal") << QStringLiteral("disabled") << QStringLiteral("invalid_portal_credential");
    QTest::newRow("user access token") << QStringLiteral("user") << QStringLiteral("invalid_portal_credential");
}

void TestIntakeApi::wrongCredentials()
{
    QFETCH(QString, credential);
    QFETCH(QString, code);
    if (credential == QLatin1String("disabled"))
        credential = m_disabledSecret;
    else if (credential == QLatin1String("user"))
        credential = accessToken(QStringLiteral("anna"));
    QVERIFY(credential.isEmpty() || credential.size() > 5);
    const QString casesBefore = scalar(QStringLiteral("SELECT count(*) FROM cases"));
    const HttpReply reply =
        intake(submission(QStringLiteral("credential-%1").arg(QLatin1String(QTest::currentDataTag()))), credential);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.errorCode(), code);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cases")), casesBefore);
}

void TestIntakeApi::portalSecretOnUserEndpoint()
{
    for (const char *path : {"/api/v1/sync/pull", "/api/v1/reference"}) {
        const HttpReply reply = m_http.get(m_a->url(QLatin1String(path)), HttpClient::bearer(m_secret));
        QCOMPARE(reply.status, 401);
    }
}

void TestIntakeApi::oversizedBody()
{
    QJsonObject body = submission(QStringLiteral("huge"));
    body.insert(QStringLiteral("title"), QString(33 * 1024 * 1024, u'x'));
    const HttpReply reply = intake(body, m_secret);
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.errorCode(), QStringLiteral("body_too_large"));
}

void TestIntakeApi::auditLogStaysIntact()
{
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM commands WHERE portal_id IS NOT NULL")).toInt() > 0);
    const CommandRun verified = server({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
    QVERIFY(verified.out.contains(QLatin1String("intact")));
}

QTEST_GUILESS_MAIN(TestIntakeApi)
#include "tst_intakeapi.moc"
