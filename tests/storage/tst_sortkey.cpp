// SortKey: the stored keys that make SQLite's binary collation sort in German order.
#include "core/Uuid.h"
#include "storage/SortKey.h"

#include <QTest>

using namespace casedesk;
using namespace casedesk::storage;

class TestSortKey : public QObject {
    Q_OBJECT

private slots:
    void german_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("key");
        QTest::newRow("umlauts") << QStringLiteral("Äpfel Öl Über") << QStringLiteral("apfel ol uber");
        QTest::newRow("sharp s") << QStringLiteral("Straße") << QStringLiteral("strasse");
        QTest::newRow("capital sharp s") << QStringLiteral("STRAẞE") << QStringLiteral("strasse");
        QTest::newRow("other diacritics") << QStringLiteral("Éclair Çelik Ayşe") << QStringLiteral("eclair celik ayse");
        QTest::newRow("ae stays") << QStringLiteral("Mueller") << QStringLiteral("mueller");
        QTest::newRow("empty") << QString() << QString();
    }

    void german()
    {
        QFETCH(QString, text);
        QFETCH(QString, key);
        QCOMPARE(SortKey::german(text), key);
    }

    void germanOrder()
    {
        // Binary comparison of the keys puts Äpfel beside Apfel, never after Zebra.
        QVERIFY(SortKey::german(QStringLiteral("Äpfel")) < SortKey::german(QStringLiteral("Birne")));
        QVERIFY(SortKey::german(QStringLiteral("Zebra")) > SortKey::german(QStringLiteral("Äpfel")));
        QVERIFY(SortKey::german(QStringLiteral("Müller, Anna")) < SortKey::german(QStringLiteral("Müllerin, Anna")));
    }

    void datesSortMissingLast()
    {
        QVERIFY(SortKey::date(QDate(2026, 3, 1)) < SortKey::date(QDate(2026, 3, 2)));
        QVERIFY(SortKey::date(QDate(2999, 12, 31)) < SortKey::date(QDate()));
    }

    void aktenzeichen()
    {
        auto key = [](const QString &filePlanCode, int number, int year) {
            Case c;
            c.id = createUuidV7();
            c.aktenzeichen = Aktenzeichen(filePlanCode, number, year);
            return SortKey::aktenzeichen(c);
        };
        // Numerically per group of the file plan code, then year, then running number.
        QVERIFY(key(QStringLiteral("32.9"), 1, 2026) < key(QStringLiteral("32.10"), 1, 2026));
        QVERIFY(key(QStringLiteral("32"), 5, 2026) < key(QStringLiteral("32.1"), 1, 2020));
        QVERIFY(key(QStringLiteral("32.10"), 900, 2025) < key(QStringLiteral("32.10"), 1, 2026));
        QVERIFY(key(QStringLiteral("32.10"), 9, 2026) < key(QStringLiteral("32.10"), 10, 2026));
        Case provisional;
        provisional.id = createUuidV7();
        QVERIFY(key(QStringLiteral("99.99.99.99"), 999999, 2999) < SortKey::aktenzeichen(provisional));
    }

    void assignee()
    {
        QVERIFY(SortKey::assignee(true, QStringLiteral("Zander, Eva")) < SortKey::assignee(false, QString()));
        QVERIFY(SortKey::assignee(true, QStringLiteral("Ärmel, Ute")) <
                SortKey::assignee(true, QStringLiteral("Bauer, Kai")));
    }
};

QTEST_GUILESS_MAIN(TestSortKey)
#include "tst_sortkey.moc"
