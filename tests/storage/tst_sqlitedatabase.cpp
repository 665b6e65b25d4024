// The RAII wrapper over the SQLite C API: statements, bindings, reuse, transactions, errors, misuse.
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"

#include <QPoint>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace casedesk;
using namespace casedesk::storage;

namespace {

// QVERIFY2 evaluates its message even when the check passes: only ask a failed result for its error.
template <typename T> QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

} // namespace

class TestSqliteDatabase : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void openFailsWithIoError();
    void bindAndReadBack_data();
    void bindAndReadBack();
    void textThroughExecIsUtf8();
    void preparedStatementsAreReused();
    void reuseRestartsAndClearsBindings();
    void uncachedStatementsAreSeparate();
    void lastInsertRowIdAndChanges();
    void transactionCommits();
    void transactionRollsBackInDestructor();
    void nestedTransactionIsRefused();
    void commitTwiceIsAnError();
    void errorsCarrySqliteMessage_data();
    void errorsCarrySqliteMessage();
    void bindOutOfRangeFailsOnStep_data();
    void bindOutOfRangeFailsOnStep();
    void resetClearsABindError();
    void unsupportedVariantTypeFailsOnStep();
    void columnsOutOfRangeAreNull();
    void prepareRefusesMoreThanOneStatement_data();
    void prepareRefusesMoreThanOneStatement();
    void statementMayOutliveDatabase();

private:
    std::unique_ptr<SqliteDatabase> openDb(const QString &name = QStringLiteral("test.db"));
    QString typeOf(SqliteDatabase &db, qint64 id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteDatabase> m_db;
};

void TestSqliteDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = openDb();
    QVERIFY(m_db);
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE v(id INTEGER PRIMARY KEY, x)")));
}

void TestSqliteDatabase::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

std::unique_ptr<SqliteDatabase> TestSqliteDatabase::openDb(const QString &name)
{
    auto db = SqliteDatabase::open(m_dir->filePath(name));
    if (!db) {
        qWarning() << db.error().toString();
        return nullptr;
    }
    return std::move(db).value();
}

QString TestSqliteDatabase::typeOf(SqliteDatabase &db, qint64 id)
{
    auto stmt = db.prepare(QStringLiteral("SELECT typeof(x) FROM v WHERE id = ?"));
    if (!stmt)
        return {};
    (*stmt)->bind(1, id);
    auto row = (*stmt)->step();
    return row && *row ? (*stmt)->text(0) : QString();
}

void TestSqliteDatabase::openFailsWithIoError()
{
    auto db = SqliteDatabase::open(m_dir->filePath(QStringLiteral("missing-folder/test.db")));
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::Io);
    QVERIFY(!db.error().message.isEmpty());
    QVERIFY2(db.error().detail.contains(QStringLiteral("missing-folder")), qPrintable(db.error().detail));

    auto empty = SqliteDatabase::open(QString());
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::Invalid);
}

using Binder = std::function<void(SqliteStatement &)>;
using Checker = std::function<void(const SqliteStatement &)>;

void TestSqliteDatabase::bindAndReadBack_data()
{
    QTest::addColumn<Binder>("binder");
    QTest::addColumn<QString>("sqlType");
    QTest::addColumn<Checker>("checker");

    const QString umlauts = QStringLiteral("Müller-Lüdenscheidt, Straße 7, ÄÖÜ äöü ß ẞ, 😀 Œuvre");
    QTest::newRow("text with umlauts and emoji") << Binder([=](SqliteStatement &s) { s.bind(1, umlauts); })
                                                 << QStringLiteral("text") << Checker([=](const SqliteStatement &s) {
                                                        QCOMPARE(s.text(0), umlauts);
                                                        QCOMPARE(s.value(0), QVariant(umlauts));
                                                        QVERIFY(!s.isNull(0));
                                                    });
    QTest::newRow("empty text is not NULL") << Binder([](SqliteStatement &s) { s.bind(1, QString(QLatin1String(""))); })
                                            << QStringLiteral("text") << Checker([](const SqliteStatement &s) {
                                                   QVERIFY(!s.isNull(0));
                                                   QVERIFY(s.text(0).isEmpty());
                                                   QVERIFY(!s.text(0).isNull());
                                               });
    QTest::newRow("null QString binds NULL") << Binder([](SqliteStatement &s) { s.bind(1, QString()); })
                                             << QStringLiteral("null") << Checker([](const SqliteStatement &s) {
                                                    QVERIFY(s.isNull(0));
                                                    QVERIFY(s.text(0).isNull());
                                                    QVERIFY(!s.value(0).isValid());
                                                });
    QTest::newRow("bindNull") << Binder([](SqliteStatement &s) { s.bindNull(1); }) << QStringLiteral("null")
                              << Checker([](const SqliteStatement &s) {
                                     QVERIFY(s.isNull(0));
                                     QCOMPARE(s.int64(0), 0);
                                     QVERIFY(s.blob(0).isNull());
                                     QVERIFY(!s.date(0).isValid());
                                 });
    for (const qint64 n :
         {qint64(0), qint64(-1), qint64(42), std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()}) {
        QTest::addRow("int64 %lld", static_cast<long long>(n))
            << Binder([=](SqliteStatement &s) { s.bind(1, n); }) << QStringLiteral("integer")
            << Checker([=](const SqliteStatement &s) {
                   QCOMPARE(s.int64(0), n);
                   QCOMPARE(s.value(0), QVariant(n));
               });
    }
    QTest::newRow("int") << Binder([](SqliteStatement &s) { s.bind(1, 7); }) << QStringLiteral("integer")
                         << Checker([](const SqliteStatement &s) { QCOMPARE(s.int64(0), 7); });
    QTest::newRow("double") << Binder([](SqliteStatement &s) { s.bind(1, -1234.5625); }) << QStringLiteral("real")
                            << Checker([](const SqliteStatement &s) {
                                   QCOMPARE(s.real(0), -1234.5625);
                                   QCOMPARE(s.value(0), QVariant(-1234.5625));
                               });
    const QByteArray bytes("\x00\x01\xff\x00zwei\x00", 9);
    QTest::newRow("blob with zero bytes") << Binder([=](SqliteStatement &s) { s.bind(1, bytes); })
                                          << QStringLiteral("blob") << Checker([=](const SqliteStatement &s) {
                                                 QCOMPARE(s.blob(0), bytes);
                                                 QCOMPARE(s.value(0), QVariant(bytes));
                                             });
    QTest::newRow("empty blob is not NULL") << Binder([](SqliteStatement &s) { s.bind(1, QByteArray("", 0)); })
                                            << QStringLiteral("blob") << Checker([](const SqliteStatement &s) {
                                                   QVERIFY(!s.isNull(0));
                                                   QVERIFY(s.blob(0).isEmpty());
                                                   QVERIFY(!s.blob(0).isNull());
                                               });
    QTest::newRow("null QByteArray binds NULL")
        << Binder([](SqliteStatement &s) { s.bind(1, QByteArray()); }) << QStringLiteral("null")
        << Checker([](const SqliteStatement &s) { QVERIFY(s.isNull(0)); });
    QTest::newRow("date") << Binder([](SqliteStatement &s) { s.bind(1, QDate(2026, 2, 28)); }) << QStringLiteral("text")
                          << Checker([](const SqliteStatement &s) {
                                 QCOMPARE(s.date(0), QDate(2026, 2, 28));
                                 QCOMPARE(s.text(0), QStringLiteral("2026-02-28"));
                             });
    QTest::newRow("invalid date binds NULL")
        << Binder([](SqliteStatement &s) { s.bind(1, QDate()); }) << QStringLiteral("null")
        << Checker([](const SqliteStatement &s) { QVERIFY(s.isNull(0)); });

    const auto variantRow = [](const char *name, const QVariant &in, const QString &type, const QVariant &out) {
        QTest::addRow("variant %s", name) << Binder([=](SqliteStatement &s) { s.bind(1, in); }) << type
                                          << Checker([=](const SqliteStatement &s) { QCOMPARE(s.value(0), out); });
    };
    variantRow("invalid", QVariant(), QStringLiteral("null"), QVariant());
    variantRow("null string", QVariant(QString()), QStringLiteral("null"), QVariant());
    variantRow("bool", QVariant(true), QStringLiteral("integer"), QVariant(qint64(1)));
    variantRow("int", QVariant(-5), QStringLiteral("integer"), QVariant(qint64(-5)));
    variantRow("uint", QVariant(4000000000u), QStringLiteral("integer"), QVariant(qint64(4000000000)));
    variantRow("longlong", QVariant(qint64(1) << 40), QStringLiteral("integer"), QVariant(qint64(1) << 40));
    variantRow("double", QVariant(0.25), QStringLiteral("real"), QVariant(0.25));
    variantRow("string", QVariant(QStringLiteral("Bürgerhaushalt")), QStringLiteral("text"),
               QVariant(QStringLiteral("Bürgerhaushalt")));
    variantRow("bytes", QVariant(QByteArray("ab\0c", 4)), QStringLiteral("blob"), QVariant(QByteArray("ab\0c", 4)));
    variantRow("date", QVariant(QDate(2025, 12, 31)), QStringLiteral("text"), QVariant(QStringLiteral("2025-12-31")));
}

void TestSqliteDatabase::bindAndReadBack()
{
    QFETCH(Binder, binder);
    QFETCH(QString, sqlType);
    QFETCH(Checker, checker);

    auto insert = m_db->prepare(QStringLiteral("INSERT INTO v(x) VALUES (?)"));
    QVERIFY(insert);
    binder(**insert);
    auto ran = (*insert)->run();
    QVERIFY2(ran, why(ran).constData());
    const qint64 id = m_db->lastInsertRowId();
    QCOMPARE(typeOf(*m_db, id), sqlType);

    auto select = m_db->prepare(QStringLiteral("SELECT x FROM v WHERE id = ?"));
    QVERIFY(select);
    (*select)->bind(1, id);
    auto row = (*select)->step();
    QVERIFY(row);
    QVERIFY(*row);
    checker(**select);
}

void TestSqliteDatabase::textThroughExecIsUtf8()
{
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO v(id, x) VALUES (1, 'Bürger Straße ẞ')")));
    auto select = m_db->prepare(QStringLiteral("SELECT x, length(x) FROM v WHERE x = 'Bürger Straße ẞ'"));
    QVERIFY(select);
    auto row = (*select)->step();
    QVERIFY(row && *row);
    QCOMPARE((*select)->text(0), QStringLiteral("Bürger Straße ẞ"));
    QCOMPARE((*select)->int64(1), 15); // characters, not bytes
}

void TestSqliteDatabase::preparedStatementsAreReused()
{
    const QString sql = QStringLiteral("SELECT count(*) FROM v");
    auto first = m_db->prepare(sql);
    auto second = m_db->prepare(sql);
    QVERIFY(first && second);
    QCOMPARE(*first, *second);
    auto other = m_db->prepare(QStringLiteral("SELECT count(*) FROM v WHERE x IS NULL"));
    QVERIFY(other);
    QVERIFY(*other != *first);
}

void TestSqliteDatabase::reuseRestartsAndClearsBindings()
{
    auto insert = m_db->prepare(QStringLiteral("INSERT INTO v(id, x) VALUES (?, ?)"));
    QVERIFY(insert);
    for (int i = 1; i <= 3; ++i) {
        auto again = m_db->prepare(QStringLiteral("INSERT INTO v(id, x) VALUES (?, ?)"));
        QVERIFY(again);
        QVERIFY((*again)->bind(1, i).bind(2, QStringLiteral("Zeile %1").arg(i)).run());
    }
    // A binding of the previous use must not leak into the next one.
    auto again = m_db->prepare(QStringLiteral("INSERT INTO v(id, x) VALUES (?, ?)"));
    QVERIFY(again);
    QVERIFY((*again)->bind(1, 4).run());
    QCOMPARE(typeOf(*m_db, 4), QStringLiteral("null"));

    // A statement left in the middle of its rows starts from the first row when prepared again.
    const QString sql = QStringLiteral("SELECT id FROM v ORDER BY id");
    auto select = m_db->prepare(sql);
    QVERIFY(select);
    QVERIFY((*select)->step().value());
    QVERIFY((*select)->step().value());
    QCOMPARE((*select)->int64(0), 2);
    select = m_db->prepare(sql);
    QVERIFY(select);
    QVERIFY((*select)->step().value());
    QCOMPARE((*select)->int64(0), 1);
    int rows = 1;
    while ((*select)->step().value())
        ++rows;
    QCOMPARE(rows, 4);
    QCOMPARE((*select)->step().value(), true); // after SQLITE_DONE the next step starts over
}

void TestSqliteDatabase::uncachedStatementsAreSeparate()
{
    const QString sql = QStringLiteral("SELECT 1");
    auto cached = m_db->prepare(sql);
    auto own = m_db->prepareUncached(sql);
    auto own2 = m_db->prepareUncached(sql);
    QVERIFY(cached && own && own2);
    QVERIFY(own->get() != *cached);
    QVERIFY(own->get() != own2->get());
    QVERIFY((*own)->step().value());
    QCOMPARE((*own)->int64(0), 1);
}

void TestSqliteDatabase::lastInsertRowIdAndChanges()
{
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO v(id, x) VALUES (10, 'a'), (11, 'b'), (12, 'c')")));
    QCOMPARE(m_db->lastInsertRowId(), 12);
    QVERIFY(m_db->exec(QStringLiteral("UPDATE v SET x = 'z' WHERE id >= 11")));
    QCOMPARE(m_db->changes(), 2);
}

void TestSqliteDatabase::transactionCommits()
{
    {
        SqliteTransaction transaction(*m_db);
        QVERIFY(transaction.began());
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO v(id, x) VALUES (1, 'eins')")));
        QVERIFY(transaction.commit());
    }
    auto other = openDb(); // a second connection sees committed data only
    QVERIFY(other);
    auto count = other->prepare(QStringLiteral("SELECT count(*) FROM v"));
    QVERIFY(count && (*count)->step().value());
    QCOMPARE((*count)->int64(0), 1);
}

void TestSqliteDatabase::transactionRollsBackInDestructor()
{
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO v(id, x) VALUES (1, 'bleibt')")));
    {
        SqliteTransaction transaction(*m_db);
        QVERIFY(transaction.began());
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO v(id, x) VALUES (2, 'weg')")));
        QVERIFY(m_db->exec(QStringLiteral("UPDATE v SET x = 'geändert' WHERE id = 1")));
    }
    auto select = m_db->prepare(QStringLiteral("SELECT group_concat(x) FROM v"));
    QVERIFY(select && (*select)->step().value());
    QCOMPARE((*select)->text(0), QStringLiteral("bleibt"));

    // The connection is usable for a new transaction afterwards.
    SqliteTransaction next(*m_db);
    QVERIFY(next.began());
    QVERIFY(next.commit());
}

void TestSqliteDatabase::nestedTransactionIsRefused()
{
    SqliteTransaction outer(*m_db);
    QVERIFY(outer.began());
    SqliteTransaction inner(*m_db);
    QVERIFY(!inner.began());
    QVERIFY(inner.began().error().detail.contains(QStringLiteral("within a transaction")));
    QVERIFY(!inner.commit());
    QVERIFY(outer.commit()); // the failed inner one neither committed nor rolled back the outer one
}

void TestSqliteDatabase::commitTwiceIsAnError()
{
    SqliteTransaction transaction(*m_db);
    QVERIFY(transaction.began());
    QVERIFY(transaction.commit());
    auto again = transaction.commit();
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Internal);
}

void TestSqliteDatabase::errorsCarrySqliteMessage_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("viaPrepare");
    QTest::addColumn<QString>("detail");

    QTest::newRow("syntax, exec") << QStringLiteral("SELEKT 1") << false << QStringLiteral("syntax error");
    QTest::newRow("syntax, prepare") << QStringLiteral("SELECT FROM WHERE") << true << QStringLiteral("syntax error");
    QTest::newRow("no such table") << QStringLiteral("SELECT * FROM nirgends") << true
                                   << QStringLiteral("no such table: nirgends");
    QTest::newRow("constraint") << QStringLiteral("INSERT INTO v(id) VALUES (1), (1)") << false
                                << QStringLiteral("UNIQUE constraint failed");
}

void TestSqliteDatabase::errorsCarrySqliteMessage()
{
    QFETCH(QString, sql);
    QFETCH(bool, viaPrepare);
    QFETCH(QString, detail);

    Error error;
    if (viaPrepare) {
        auto stmt = m_db->prepare(sql);
        QVERIFY(!stmt);
        error = stmt.error();
    } else {
        auto ran = m_db->exec(sql);
        QVERIFY(!ran);
        error = ran.error();
    }
    QCOMPARE(error.code, ErrorCode::Database);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!error.message.contains(detail)); // the user reads what to do, the log gets SQLite's words
    QVERIFY2(error.detail.contains(detail), qPrintable(error.detail));
    QVERIFY2(m_db->errorMessage().contains(detail), qPrintable(m_db->errorMessage()));
    QVERIFY(m_db->errorCode() != 0);
}

void TestSqliteDatabase::bindOutOfRangeFailsOnStep_data()
{
    QTest::addColumn<int>("index");
    QTest::newRow("zero") << 0;
    QTest::newRow("negative") << -1;
    QTest::newRow("past the end") << 3;
    QTest::newRow("far past the end") << 1000000;
}

void TestSqliteDatabase::bindOutOfRangeFailsOnStep()
{
    QFETCH(int, index);
    auto insert = m_db->prepare(QStringLiteral("INSERT INTO v(id, x) VALUES (?, ?)"));
    QVERIFY(insert);
    (*insert)->bind(1, 1).bind(index, QStringLiteral("daneben")).bind(2, QStringLiteral("x"));
    auto ran = (*insert)->run();
    QVERIFY(!ran);
    QCOMPARE(ran.error().code, ErrorCode::Internal);
    QVERIFY(!ran.error().message.isEmpty());
    QVERIFY2(ran.error().detail.contains(QString::number(index)), qPrintable(ran.error().detail));
    auto count = m_db->prepare(QStringLiteral("SELECT count(*) FROM v"));
    QVERIFY(count && (*count)->step().value());
    QCOMPARE((*count)->int64(0), 0); // nothing half-bound was written
}

void TestSqliteDatabase::resetClearsABindError()
{
    auto insert = m_db->prepareUncached(QStringLiteral("INSERT INTO v(id, x) VALUES (?, ?)"));
    QVERIFY(insert);
    (*insert)->bind(7, 1);
    QVERIFY(!(*insert)->step());
    (*insert)->reset();
    QVERIFY((*insert)->bind(1, 1).bind(2, 2).run());
    QCOMPARE(typeOf(*m_db, 1), QStringLiteral("integer"));
}

void TestSqliteDatabase::unsupportedVariantTypeFailsOnStep()
{
    auto insert = m_db->prepare(QStringLiteral("INSERT INTO v(x) VALUES (?)"));
    QVERIFY(insert);
    (*insert)->bind(1, QVariant(QPoint(1, 2)));
    auto ran = (*insert)->run();
    QVERIFY(!ran);
    QCOMPARE(ran.error().code, ErrorCode::Internal);

    (*insert)->reset();
    (*insert)->bind(1, QVariant(std::numeric_limits<quint64>::max())); // does not fit an SQLite integer
    QVERIFY(!(*insert)->run());
}

void TestSqliteDatabase::columnsOutOfRangeAreNull()
{
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO v(id, x) VALUES (1, 'a')")));
    auto select = m_db->prepare(QStringLiteral("SELECT id, x FROM v"));
    QVERIFY(select);
    // Before the first step there is no row: every accessor answers "nothing".
    QVERIFY((*select)->isNull(0));
    QVERIFY((*select)->text(1).isNull());
    QVERIFY((*select)->step().value());
    for (const int column : {-1, 2, 100}) {
        QVERIFY((*select)->isNull(column));
        QVERIFY((*select)->text(column).isNull());
        QCOMPARE((*select)->int64(column), 0);
        QCOMPARE((*select)->real(column), 0.0);
        QVERIFY((*select)->blob(column).isNull());
        QVERIFY(!(*select)->date(column).isValid());
        QVERIFY(!(*select)->value(column).isValid());
    }
    QCOMPARE((*select)->text(1), QStringLiteral("a"));
    QVERIFY(!(*select)->date(1).isValid()); // not an ISO date
    QCOMPARE((*select)->step().value(), false);
    QVERIFY((*select)->isNull(0)); // after the last row
}

void TestSqliteDatabase::prepareRefusesMoreThanOneStatement_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("two statements") << QStringLiteral("SELECT 1; DELETE FROM v");
    QTest::newRow("empty") << QString();
    QTest::newRow("only a comment") << QStringLiteral("-- nichts");
}

void TestSqliteDatabase::prepareRefusesMoreThanOneStatement()
{
    QFETCH(QString, sql);
    auto stmt = m_db->prepare(sql);
    QVERIFY(!stmt);
    QCOMPARE(stmt.error().code, ErrorCode::Internal);
    // A trailing semicolon and white space are one statement.
    QVERIFY(m_db->prepare(QStringLiteral("SELECT 1; \n")));
}

void TestSqliteDatabase::statementMayOutliveDatabase()
{
    auto stmt = m_db->prepareUncached(QStringLiteral("SELECT 1"));
    QVERIFY(stmt);
    QVERIFY((*stmt)->step().value());
    m_db.reset(); // the connection closes once the last statement is finalized
    std::move(stmt).value().reset();
}

QTEST_GUILESS_MAIN(TestSqliteDatabase)
#include "tst_sqlitedatabase.moc"
