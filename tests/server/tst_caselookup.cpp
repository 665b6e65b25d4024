// GET /api/v1/cases/lookup against real casedesk-server processes: the mailroom finds a case by Aktenzeichen or by
// the applicant's family name (narrowed by case type) and gets metadata only; nobody else may look; bad and hostile
// criteria get a clear 400 or simply no match; at most MaxMatches with "more".
#include "core/Case.h"
#include "core/Uuid.h"
#include "server/CaseLookupApi.h"

#include <QJsonArray>
#include <QTest>

#include "PushTestBase.h"

using namespace casedesk;
using namespace casedesk::test;

class TestCaseLookup : public PushTestBase {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { tearDownServers(); }
    void findsByAktenzeichen();
    void findsByFamilyNameAndType();
    void answersMetadataOnly();
    void onlyForTheMailroom_data();
    void onlyForTheMailroom();
    void badCriteria_data();
    void badCriteria();
    void hostileCriteriaMatchNothing_data();
    void hostileCriteriaMatchNothing();
    void manyMatchesAreCut();

private:
    // A case of `teamId` for the applicant, pushed by `client`; its id.
    QUuid openCase(Client &client, const QUuid &teamId, const QString &familyName);
    HttpReply lookup(const Client &client, const QList<std::pair<QString, QString>> &criteria);

    Client m_post; // the mailroom
    Client m_anna; // clerk of 32.1
    Client m_olga; // clerk of 67.2
    QUuid m_annaCase;
    QUuid m_olgaCase;
};

void TestCaseLookup::initTestCase()
{
    setUpServers();
    m_post = login(QStringLiteral("post"));
    m_anna = login(QStringLiteral("anna"));
    m_olga = login(QStringLiteral("olga"));
    m_annaCase = openCase(m_anna, m_team, QStringLiteral("Württemberger"));
    m_olgaCase = openCase(m_olga, m_otherTeam, QStringLiteral("Württemberger"));
    QVERIFY(!m_annaCase.isNull() && !m_olgaCase.isNull());
}

QUuid TestCaseLookup::openCase(Client &client, const QUuid &teamId, const QString &familyName)
{
    Case theCase;
    theCase.id = createUuidV7();
    theCase.caseType = caseType;
    theCase.title = QStringLiteral("Bewohnerparkausweis");
    theCase.applicant.givenName = QStringLiteral("Gottlieb");
    theCase.applicant.familyName = familyName;
    theCase.teamId = teamId;
    const QJsonObject result = pushOne(
        client, command(client, theCase.id, CommandName::CreateCase, {{QStringLiteral("case"), theCase.toJson()}}));
    if (result.value(QLatin1String("result")).toString() != QLatin1String("applied")) {
        qWarning() << "createCase:" << result;
        return {};
    }
    return theCase.id;
}

HttpReply TestCaseLookup::lookup(const Client &client, const QList<std::pair<QString, QString>> &criteria)
{
    QUrl url = m_b->url(QStringLiteral("/api/v1/cases/lookup"));
    QStringList query; // encoded by hand, so that "=", "&" and "%" in a value stay the value's
    for (const auto &[name, value] : criteria)
        query.append(name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(query.join(u'&'), QUrl::StrictMode);
    return m_http.get(url, HttpClient::bearer(client.token));
}

namespace {

QList<QUuid> idsOf(const HttpReply &reply)
{
    QList<QUuid> ids;
    for (const QJsonValue &match : reply.json.value(QLatin1String("cases")).toArray())
        ids.append(QUuid::fromString(match.toObject().value(QLatin1String("id")).toString()));
    return ids;
}

} // namespace

void TestCaseLookup::findsByAktenzeichen()
{
    // The server numbered the case; the mailroom has that number from the letter ("/" and "." in it).
    const QString aktenzeichen =
        scalar(QStringLiteral("SELECT aktenzeichen FROM cases WHERE id = '%1'").arg(uuidToString(m_olgaCase)))
            .toString();
    QVERIFY(aktenzeichen.contains(u'/'));
    const HttpReply found = lookup(m_post, {{QStringLiteral("aktenzeichen"), aktenzeichen}});
    QCOMPARE(found.status, 200);
    QCOMPARE(idsOf(found), QList<QUuid>{m_olgaCase});
    QCOMPARE(found.json.value(QLatin1String("more")).toBool(), false);
    const QJsonObject match = found.json.value(QLatin1String("cases")).toArray().at(0).toObject();
    QCOMPARE(match.value(QLatin1String("aktenzeichen")).toString(), aktenzeichen);
    QCOMPARE(match.value(QLatin1String("applicant")).toString(), QStringLiteral("Gottlieb Württemberger"));
    QCOMPARE(match.value(QLatin1String("teamId")).toString(), uuidToString(m_otherTeam));

    const HttpReply none = lookup(m_post, {{QStringLiteral("aktenzeichen"), QStringLiteral("32.10-999999/1999")}});
    QCOMPARE(none.status, 200);
    QVERIFY(idsOf(none).isEmpty());
}

void TestCaseLookup::findsByFamilyNameAndType()
{
    // Both teams' cases: the mailroom files across the city. Case does not matter.
    const HttpReply both = lookup(m_post, {{QStringLiteral("familyName"), QStringLiteral("WÜRTTEMBERGER")}});
    QCOMPARE(both.status, 200);
    const QList<QUuid> ids = idsOf(both);
    QCOMPARE(ids.size(), 2);
    QVERIFY(ids.contains(m_annaCase) && ids.contains(m_olgaCase));
    // Newest first.
    QCOMPARE(ids.first(), m_olgaCase);

    const HttpReply typed = lookup(m_post, {{QStringLiteral("familyName"), QStringLiteral("Württemberger")},
                                            {QStringLiteral("caseType"), caseType}});
    QCOMPARE(idsOf(typed).size(), 2);
    const HttpReply otherType = lookup(m_post, {{QStringLiteral("familyName"), QStringLiteral("Württemberger")},
                                                {QStringLiteral("caseType"), QStringLiteral("baumfaellung")}});
    QCOMPARE(otherType.status, 200);
    QVERIFY(idsOf(otherType).isEmpty());
}

void TestCaseLookup::answersMetadataOnly()
{
    const HttpReply found = lookup(m_post, {{QStringLiteral("familyName"), QStringLiteral("Württemberger")}});
    QCOMPARE(found.status, 200);
    const QStringList allowed{QStringLiteral("id"), QStringLiteral("aktenzeichen"), QStringLiteral("caseType"),
                              QStringLiteral("teamId"), QStringLiteral("applicant")};
    for (const QJsonValue &match : found.json.value(QLatin1String("cases")).toArray()) {
        for (const QString &key : match.toObject().keys())
            QVERIFY2(allowed.contains(key), qPrintable(key));
    }
    // Nothing of the contents anywhere in the answer.
    QVERIFY(!found.body.contains("Bewohnerparkausweis"));
    QVERIFY(!found.body.contains("formData"));
}

void TestCaseLookup::onlyForTheMailroom_data()
{
    QTest::addColumn<QString>("login");
    for (const char *login : {"anna", "olga", "lea", "audi", "admin"})
        QTest::newRow(login) << QString::fromLatin1(login);
}

void TestCaseLookup::onlyForTheMailroom()
{
    QFETCH(QString, login);
    Client user = login == QLatin1String("anna") ? m_anna : this->login(login);
    const HttpReply refused = lookup(user, {{QStringLiteral("familyName"), QStringLiteral("Württemberger")}});
    QCOMPARE(refused.status, 403);
    QVERIFY(!refused.body.contains(uuidToString(m_annaCase).toLatin1()));
    QVERIFY(!refused.body.contains(uuidToString(m_olgaCase).toLatin1()));

    QUrl url = m_b->url(QStringLiteral("/api/v1/cases/lookup"));
    url.setQuery(QStringLiteral("familyName=W%C3%BCrttemberger"));
    const HttpReply anonymous = m_http.get(url);
    QCOMPARE(anonymous.status, 401);
}

void TestCaseLookup::badCriteria_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("nothing to look for") << QStringLiteral("caseType") << caseType;
    QTest::newRow("blank family name") << QStringLiteral("familyName") << QStringLiteral("   ");
    QTest::newRow("oversized Aktenzeichen") << QStringLiteral("aktenzeichen") << QString(201, u'1');
    QTest::newRow("oversized family name") << QStringLiteral("familyName") << QString(300, u'ä');
}

void TestCaseLookup::badCriteria()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    const HttpReply refused = lookup(m_post, {{name, value}});
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("invalid_field"));
}

void TestCaseLookup::hostileCriteriaMatchNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("SQL in the name") << QStringLiteral("familyName") << QStringLiteral("x' OR '1'='1");
    QTest::newRow("SQL comment") << QStringLiteral("aktenzeichen") << QStringLiteral("1'; DROP TABLE cases; --");
    QTest::newRow("LIKE wildcard") << QStringLiteral("familyName") << QStringLiteral("%");
    QTest::newRow("NUL byte") << QStringLiteral("familyName")
                              << QStringLiteral("W") + QChar(0) + QStringLiteral("rttemberger");
    QTest::newRow("line break") << QStringLiteral("aktenzeichen") << QStringLiteral("32.10\n-1/2026");
}

void TestCaseLookup::hostileCriteriaMatchNothing()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    const HttpReply answer = lookup(m_post, {{name, value}});
    QVERIFY2(answer.status == 200 || answer.status == 400, answer.body.constData());
    QVERIFY(idsOf(answer).isEmpty());
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM cases")).toInt() >= 2); // still there
}

void TestCaseLookup::manyMatchesAreCut()
{
    for (int i = 0; i < server::CaseLookupApi::MaxMatches + 1; ++i)
        QVERIFY(!openCase(m_anna, m_team, QStringLiteral("Häberle")).isNull());
    const HttpReply cut = lookup(m_post, {{QStringLiteral("familyName"), QStringLiteral("häberle")}});
    QCOMPARE(cut.status, 200);
    QCOMPARE(idsOf(cut).size(), server::CaseLookupApi::MaxMatches);
    QCOMPARE(cut.json.value(QLatin1String("more")).toBool(), true);
}

QTEST_GUILESS_MAIN(TestCaseLookup)
#include "tst_caselookup.moc"
