// PasswordHash: Argon2id hashes that verify the right password only, carry their own salt, and ask for a
// rehash when they were made with other limits.
#include "server/PasswordHash.h"

#include <QTest>

#include <sodium.h>

using namespace casedesk::server;

class TestPasswordHash : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void verify_data();
    void verify();
    void saltedHashesDiffer();
    void rejectsWhatIsNotAHash_data();
    void rejectsWhatIsNotAHash();
    void rehashWhenLimitsDiffer();
};

void TestPasswordHash::initTestCase()
{
    QVERIFY(sodium_init() >= 0);
}

void TestPasswordHash::verify_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("wrong");

    QTest::newRow("ascii") << "correct horse battery"
                           << "correct horse batterY";
    QTest::newRow("umlauts") << "Größenwahn-Äpfel-2026"
                             << "Grossenwahn-Apfel-2026";
    QTest::newRow("trailing blank matters") << "Kennwort mit Leerzeichen "
                                            << "Kennwort mit Leerzeichen";
    QTest::newRow("long") << QString(1024, u'x') << QString(1023, u'x');
    QTest::newRow("prefix is not enough") << "abcdefghijkl"
                                          << "abcdefghijk";
}

void TestPasswordHash::verify()
{
    QFETCH(QString, password);
    QFETCH(QString, wrong);

    const casedesk::Result<QString> hash = PasswordHash::hash(password);
    QVERIFY2(hash.ok(), qPrintable(hash.error().toString()));
    QVERIFY2(hash->startsWith(QLatin1String("$argon2id$")), qPrintable(hash.value()));
    QVERIFY(!hash->contains(password));
    QVERIFY(PasswordHash::verify(hash.value(), password));
    QVERIFY(!PasswordHash::verify(hash.value(), wrong));
    QVERIFY(!PasswordHash::needsRehash(hash.value()));
}

void TestPasswordHash::saltedHashesDiffer()
{
    const QString password = QStringLiteral("gleiches Passwort");
    const casedesk::Result<QString> first = PasswordHash::hash(password);
    const casedesk::Result<QString> second = PasswordHash::hash(password);
    QVERIFY(first.ok() && second.ok());
    QVERIFY(first.value() != second.value());
    QVERIFY(PasswordHash::verify(first.value(), password));
    QVERIFY(PasswordHash::verify(second.value(), password));
}

void TestPasswordHash::rejectsWhatIsNotAHash_data()
{
    QTest::addColumn<QString>("stored");

    QTest::newRow("empty") << QString();
    QTest::newRow("plain text") << "secret password";
    QTest::newRow("truncated") << "$argon2id$v=19$m=65536,t=2,p=1$";
    QTest::newRow("over long") << QString(1000, u'$');
}

void TestPasswordHash::rejectsWhatIsNotAHash()
{
    QFETCH(QString, stored);
    QVERIFY(!PasswordHash::verify(stored, stored));
    QVERIFY(!PasswordHash::verify(stored, QStringLiteral("secret password")));
    QVERIFY(PasswordHash::needsRehash(stored));
}

void TestPasswordHash::rehashWhenLimitsDiffer()
{
    // A hash as an older server with weaker limits would have stored it.
    const QByteArray password("altes Kennwort 1");
    char weak[crypto_pwhash_STRBYTES];
    QCOMPARE(crypto_pwhash_str(weak, password.constData(), static_cast<unsigned long long>(password.size()),
                               crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN),
             0);
    const QString stored = QString::fromLatin1(weak);
    QVERIFY(PasswordHash::verify(stored, QString::fromUtf8(password)));
    QVERIFY(PasswordHash::needsRehash(stored));

    const casedesk::Result<QString> rehashed = PasswordHash::hash(QString::fromUtf8(password));
    QVERIFY(rehashed.ok());
    QVERIFY(!PasswordHash::needsRehash(rehashed.value()));
    QVERIFY(PasswordHash::verify(rehashed.value(), QString::fromUtf8(password)));
}

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
