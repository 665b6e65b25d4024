// The numbering of new cases in CaseStore against a real PostgreSQL: the Aktenzeichen the statement formats is the
// one Aktenzeichen::toString() makes, in the row and in the case's data (as clients read it) alike, for numbers
// of one to six digits; no case past six digits; a rolled back number is taken again (no gaps); createCase through
// the CommandProcessor numbers the team's cases one after the other.
#include "core/Aktenzeichen.h"
#include "core/Case.h"
#include "core/Clock.h"
#include "core/Uuid.h"
#include "server/CaseStore.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <optional>

#include "MigratedDatabase.h"
#include "ParkingApplication.h"
#include "PostgresTestDatabase.h"
#include "ProcessedCommand.h"

using namespace casedesk;
using namespace casedesk::server;
using namespace casedesk::test;

class TestCaseStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void numberedAsAktenzeichenFormats_data();
    void numberedAsAktenzeichenFormats();
    void noNumberPastSixDigits();
    void rolledBackNumberIsTakenAgain();
    void createCaseNumbersTheTeamsCases();

private:
    QSqlDatabase db() const { return m_database->connection().value(); }
    QVariant scalar(const QString &sql) const;
    void setLastNumber(int number); // of m_team's counter this year
    Case newCase() const;

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::optional<ServerDatabase> m_database;
    int m_teams = 0;
    Team m_team;
    int m_year = 0;
};

void TestCaseStore::initTestCase()
{
    m_pg = std::make_unique<PostgresTestDatabase>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
    const Result<ServerDatabase> database = test::migratedDatabase(*m_pg);
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database = database.value();
    m_year = Clock::current().today().year();
}

void TestCaseStore::init()
{
    // A team of its own for each test (and data row): its counter starts afresh, with another file plan code.
    ++m_teams;
    const Result<Team> team =
        UserDirectory(db()).addTeam(QStringLiteral("32.%1").arg(m_teams), QStringLiteral("Team %1").arg(m_teams),
                                    QStringLiteral("32.%1").arg(m_teams * 10));
    QVERIFY2(team, qPrintable(team ? QString() : team.error().toString()));
    m_team = team.value();
}

QVariant TestCaseStore::scalar(const QString &sql) const
{
    QSqlQuery query(db());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

void TestCaseStore::setLastNumber(int number)
{
    QSqlQuery query(db());
    query.prepare(QStringLiteral("INSERT INTO aktenzeichen_counters (file_plan_code, year, last_number)"
                                 " VALUES (:code, :year, :number)"));
    query.bindValue(QStringLiteral(":code"), m_team.filePlanCode);
    query.bindValue(QStringLiteral(":year"), m_year);
    query.bindValue(QStringLiteral(":number"), number);
    QVERIFY(query.exec());
}

Case TestCaseStore::newCase() const
{
    Case theCase = parkingApplication(m_team.id, QStringLiteral("Bewohnerparkausweis"));
    theCase.version = 1;
    theCase.updatedAt = Clock::current().now();
    return theCase;
}

void TestCaseStore::numberedAsAktenzeichenFormats_data()
{
    QTest::addColumn<int>("lastNumber"); // 0: the team's first case of the year
    QTest::newRow("first") << 0;
    QTest::newRow("one digit") << 8;
    QTest::newRow("two digits") << 41;
    QTest::newRow("five digits") << 99998;
    QTest::newRow("six digits") << 123455;
    QTest::newRow("last") << 999998;
}

void TestCaseStore::numberedAsAktenzeichenFormats()
{
    QFETCH(int, lastNumber);
    if (lastNumber > 0)
        setLastNumber(lastNumber);
    Case theCase = newCase();
    QVERIFY(db().transaction());
    const Result<void> inserted = CaseStore(db()).insertNumberedCase(&theCase, m_year);
    QVERIFY2(inserted, qPrintable(inserted ? QString() : inserted.error().toString()));
    QVERIFY(db().commit());

    const Aktenzeichen expected(m_team.filePlanCode, lastNumber + 1, m_year);
    QVERIFY(expected.isValid());
    QCOMPARE(theCase.aktenzeichen.toString(), expected.toString());
    const QString where = QStringLiteral(" FROM cases WHERE id = '%1'").arg(uuidToString(theCase.id));
    QCOMPARE(scalar(QStringLiteral("SELECT aktenzeichen") + where).toString(), expected.toString());
    const Result<Case> stored = Case::fromJson(
        QJsonDocument::fromJson(scalar(QStringLiteral("SELECT data::text") + where).toByteArray()).object());
    QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().toString()));
    QCOMPARE(stored->aktenzeichen, expected);
    QCOMPARE(stored->title, theCase.title);
}

void TestCaseStore::noNumberPastSixDigits()
{
    setLastNumber(999999);
    Case theCase = newCase();
    QVERIFY(db().transaction());
    const Result<void> inserted = CaseStore(db()).insertNumberedCase(&theCase, m_year);
    QVERIFY(db().rollback());
    QVERIFY(!inserted);
    QVERIFY2(inserted.error().message.contains(QLatin1String("Aktenzeichen")), qPrintable(inserted.error().message));
    QVERIFY(theCase.aktenzeichen.isNull());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cases WHERE id = '%1'").arg(uuidToString(theCase.id))).toInt(),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT last_number FROM aktenzeichen_counters WHERE file_plan_code = '%1'")
                        .arg(m_team.filePlanCode))
                 .toInt(),
             999999);
}

void TestCaseStore::rolledBackNumberIsTakenAgain()
{
    Case dropped = newCase();
    QVERIFY(db().transaction());
    const Result<void> first = CaseStore(db()).insertNumberedCase(&dropped, m_year);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
    QVERIFY(db().rollback());
    Case kept = newCase();
    QVERIFY(db().transaction());
    QVERIFY(CaseStore(db()).insertNumberedCase(&kept, m_year));
    QVERIFY(db().commit());
    QCOMPARE(dropped.aktenzeichen.number(), 1);
    QCOMPARE(kept.aktenzeichen, dropped.aktenzeichen);
}

void TestCaseStore::createCaseNumbersTheTeamsCases()
{
    setLastNumber(41);
    const Result<User> clerk = UserDirectory(db()).addUser(
        {QStringLiteral("a.clerk"), QStringLiteral("A. Clerk"), {Role::Clerk}, {m_team.code}},
        QStringLiteral("correct horse battery"));
    QVERIFY(clerk);
    AuthSession session;
    session.user = clerk.value();
    session.teamCodes = {m_team.code};
    session.clientId = createUuidV7();
    QList<Case> cases{newCase(), newCase()};
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const Command command{createUuidV7(),
                              session.clientId,
                              i + 1,
                              cases.at(i).id,
                              CommandName::CreateCase,
                              {{QStringLiteral("case"), cases.at(i).toJson()}},
                              QDateTime::currentDateTimeUtc()};
        const CommandResult result = processCommand(db(), session, command);
        QVERIFY2(result.outcome == CommandResult::Outcome::Applied, qPrintable(result.message));
    }
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QString where = QStringLiteral(" FROM cases WHERE id = '%1'").arg(uuidToString(cases.at(i).id));
        const QString expected = Aktenzeichen(m_team.filePlanCode, 42 + int(i), m_year).toString();
        QCOMPARE(scalar(QStringLiteral("SELECT aktenzeichen") + where).toString(), expected);
        QCOMPARE(scalar(QStringLiteral("SELECT data->>'aktenzeichen'") + where).toString(), expected);
    }
}

QTEST_GUILESS_MAIN(TestCaseStore)
#include "tst_casestore.moc"
