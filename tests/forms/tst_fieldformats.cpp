// Single values: exact decimals, date limits, IBAN check digits, Kfz-Kennzeichen, postcodes, e-mail, display.
#include "forms/DateBound.h"
#include "forms/Decimal.h"
#include "forms/FieldFormats.h"
#include "forms/FormField.h"

#include <QTest>

using namespace casedesk::forms;

class TestFieldFormats : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }
    void decimalCompare_data();
    void decimalCompare();
    void decimalParse_data();
    void decimalParse();
    void normalizeText_data();
    void normalizeText();
    void dateBound_data();
    void dateBound();
    void iban_data();
    void iban();
    void kennzeichen_data();
    void kennzeichen();
    void documentId_data();
    void documentId();
    void email_data();
    void email();
    void display();
};

void TestFieldFormats::decimalCompare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");
    QTest::newRow("equal scales") << QStringLiteral("1.5") << QStringLiteral("1.50") << 0;
    QTest::newRow("leading zeros") << QStringLiteral("007") << QStringLiteral("7.0") << 0;
    QTest::newRow("negative zero") << QStringLiteral("-0.00") << QStringLiteral("0") << 0;
    QTest::newRow("binary trap") << QStringLiteral("0.3") << QStringLiteral("0.30000000000000004") << -1;
    QTest::newRow("tiny above") << QStringLiteral("2.7500000000000000001") << QStringLiteral("2.75") << 1;
    QTest::newRow("longer integer") << QStringLiteral("10") << QStringLiteral("9.99") << 1;
    QTest::newRow("negatives") << QStringLiteral("-10") << QStringLiteral("-9.99") << -1;
    QTest::newRow("sign") << QStringLiteral("-0.01") << QStringLiteral("0") << -1;
    QTest::newRow("beyond double") << QStringLiteral("123456789012345678901234567890")
                                   << QStringLiteral("123456789012345678901234567889") << 1;
}

void TestFieldFormats::decimalCompare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    const std::optional<Decimal> x = Decimal::parse(a);
    const std::optional<Decimal> y = Decimal::parse(b);
    QVERIFY(x && y);
    QCOMPARE(x->compare(*y), expected);
    QCOMPARE(y->compare(*x), -expected);
}

void TestFieldFormats::decimalParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical"); // empty: refused
    QTest::newRow("plain") << QStringLiteral("12") << QStringLiteral("12");
    QTest::newRow("comma") << QStringLiteral("0,5") << QStringLiteral("0.5");
    QTest::newRow("plus") << QStringLiteral("+3.10") << QStringLiteral("3.10");
    QTest::newRow("canonical negative") << QStringLiteral("-12.50") << QStringLiteral("-12.50");
    QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("0");
    QTest::newRow("zero fraction") << QStringLiteral("0.05") << QStringLiteral("0.05");
    QTest::newRow("negative zero") << QStringLiteral("-0.00") << QStringLiteral("0.00");
    QTest::newRow("leading zeros") << QStringLiteral("-0012.0") << QStringLiteral("-12.0");
    QTest::newRow("no digits after point") << QStringLiteral("1.") << QString();
    QTest::newRow("no integer part") << QStringLiteral(".5") << QString();
    QTest::newRow("exponent") << QStringLiteral("1e5") << QString();
    QTest::newRow("grouping") << QStringLiteral("1.000,5") << QString();
    QTest::newRow("space") << QStringLiteral("1 000") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("too many digits") << QString(31, u'9') << QString();
}

void TestFieldFormats::decimalParse()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const std::optional<Decimal> value = Decimal::parse(text);
    QCOMPARE(value.has_value(), !canonical.isEmpty());
    if (value)
        QCOMPARE(value->toString(), canonical);
    QCOMPARE(Decimal::isCanonical(text), canonical == text && !text.isEmpty());
}

void TestFieldFormats::normalizeText_data()
{
    // Values that need no change come back as they are; the others as before the shortcuts for those existed.
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("text") << FieldType::Text << QStringLiteral("Königstraße") << QStringLiteral("Königstraße");
    QTest::newRow("text trimmed") << FieldType::Text << QStringLiteral(" \tKönigstraße\n")
                                  << QStringLiteral("Königstraße");
    QTest::newRow("text no-break space") << FieldType::Text << QStringLiteral("\u00a0a\u00a0") << QStringLiteral("a");
    QTest::newRow("phone") << FieldType::Phone << QStringLiteral("0711 216-0") << QStringLiteral("0711 216-0");
    QTest::newRow("phone spaces") << FieldType::Phone << QStringLiteral(" 0711  216-0") << QStringLiteral("0711 216-0");
    QTest::newRow("phone tab") << FieldType::Phone << QStringLiteral("0711\t216-0") << QStringLiteral("0711 216-0");
    QTest::newRow("decimal") << FieldType::Decimal << QStringLiteral("12.50") << QStringLiteral("12.50");
    QTest::newRow("decimal comma") << FieldType::Decimal << QStringLiteral(" 0012,5") << QStringLiteral("12.5");
    QTest::newRow("decimal negative zero") << FieldType::Decimal << QStringLiteral("-0") << QStringLiteral("0");
    QTest::newRow("decimal invalid") << FieldType::Decimal << QStringLiteral("12.") << QStringLiteral("12.");
    QTest::newRow("kennzeichen") << FieldType::KfzKennzeichen << QStringLiteral("S-AB 12") << QStringLiteral("S-AB 12");
    QTest::newRow("kennzeichen umlaut") << FieldType::KfzKennzeichen << QStringLiteral("tü ab 12e")
                                        << QStringLiteral("TÜ-AB 12E");
    QTest::newRow("kennzeichen no-break space")
        << FieldType::KfzKennzeichen << QStringLiteral("s\u00a0ab 12") << QStringLiteral("S-AB 12");
    QTest::newRow("kennzeichen invalid") << FieldType::KfzKennzeichen << QStringLiteral("s-abc 1")
                                         << QStringLiteral("S-ABC 1");
    QTest::newRow("kennzeichen sharp s") << FieldType::KfzKennzeichen << QStringLiteral("s-aß 1")
                                         << QStringLiteral("S-ASS 1");
}

void TestFieldFormats::normalizeText()
{
    QFETCH(FieldType, type);
    QFETCH(QString, text);
    QFETCH(QString, normalized);
    QCOMPARE(FieldFormats::normalizeText(type, text), normalized);
}

void TestFieldFormats::dateBound_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("expected"); // for today = 2024-02-29; invalid: refused
    QTest::newRow("fixed") << QStringLiteral("2026-03-02") << QDate(2026, 3, 2);
    QTest::newRow("today") << QStringLiteral("today") << QDate(2024, 2, 29);
    QTest::newRow("today+0d") << QStringLiteral("today+0d") << QDate(2024, 2, 29);
    QTest::newRow("days") << QStringLiteral("today+14d") << QDate(2024, 3, 14);
    QTest::newRow("weeks") << QStringLiteral("today-2w") << QDate(2024, 2, 15);
    QTest::newRow("months") << QStringLiteral("+1m") << QDate(2024, 3, 29);
    QTest::newRow("leap year minus 18 years") << QStringLiteral("-18y") << QDate(2006, 2, 28);
    QTest::newRow("unknown unit") << QStringLiteral("today+1h") << QDate();
    QTest::newRow("words") << QStringLiteral("yesterday") << QDate();
    QTest::newRow("impossible date") << QStringLiteral("2026-02-30") << QDate();
    QTest::newRow("empty") << QString() << QDate();
}

void TestFieldFormats::dateBound()
{
    QFETCH(QString, text);
    QFETCH(QDate, expected);
    const std::optional<DateBound> bound = DateBound::parse(text);
    QCOMPARE(bound.has_value(), expected.isValid());
    if (!bound)
        return;
    QCOMPARE(bound->resolve(QDate(2024, 2, 29)), expected);
    const std::optional<DateBound> again = DateBound::parse(bound->toString());
    QVERIFY(again);
    QCOMPARE(again->resolve(QDate(2024, 2, 29)), expected);
    if (bound->isRelative())
        QVERIFY(!bound->resolve(QDate()).isValid());
}

void TestFieldFormats::iban_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("wellFormed");
    QTest::addColumn<bool>("checksum");
    QTest::newRow("DE") << QStringLiteral("DE89 3704 0044 0532 0130 00") << true << true;
    QTest::newRow("GB") << QStringLiteral("GB82 WEST 1234 5698 7654 32") << true << true;
    QTest::newRow("FR with letters") << QStringLiteral("FR14 2004 1010 0505 0001 3M02 606") << true << true;
    QTest::newRow("NL") << QStringLiteral("nl91abna0417164300") << true << true;
    QTest::newRow("CH") << QStringLiteral("CH93 0076 2011 6238 5295 7") << true << true;
    QTest::newRow("DE one digit off") << QStringLiteral("DE89 3704 0044 0532 0130 10") << true << false;
    QTest::newRow("DE check digits off") << QStringLiteral("DE88 3704 0044 0532 0130 00") << true << false;
    QTest::newRow("DE too long") << QStringLiteral("DE89 3704 0044 0532 0130 000") << false << false;
    QTest::newRow("no country") << QStringLiteral("8937 0400 4405 3201 3000") << false << false;
    QTest::newRow("umlaut") << QStringLiteral("DE89 3704 0044 0532 0130 0Ä") << false << false;
}

void TestFieldFormats::iban()
{
    QFETCH(QString, text);
    QFETCH(bool, wellFormed);
    QFETCH(bool, checksum);
    const QString compact = FieldFormats::compactIban(text);
    QVERIFY(!compact.contains(u' '));
    QCOMPARE(FieldFormats::isIbanWellFormed(compact), wellFormed);
    if (wellFormed) {
        QCOMPARE(FieldFormats::isIbanChecksumValid(compact), checksum);
        const QString grouped = FieldFormats::groupIban(compact);
        QCOMPARE(FieldFormats::compactIban(grouped), compact);
        QCOMPARE(grouped.size(), compact.size() + (compact.size() - 1) / 4);
    }
}

void TestFieldFormats::kennzeichen_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical"); // empty: refused
    QTest::newRow("canonical") << QStringLiteral("S-AB 1234") << QStringLiteral("S-AB 1234");
    QTest::newRow("spaces") << QStringLiteral("  s  ab 12 ") << QStringLiteral("S-AB 12");
    QTest::newRow("dashes") << QStringLiteral("LB-X-1") << QStringLiteral("LB-X 1");
    QTest::newRow("no space before digits") << QStringLiteral("ES-Q99") << QStringLiteral("ES-Q 99");
    QTest::newRow("electric") << QStringLiteral("S-E 1234 e") << QStringLiteral("S-E 1234E");
    QTest::newRow("historic") << QStringLiteral("BB-H 12H") << QStringLiteral("BB-H 12H");
    QTest::newRow("eight characters") << QStringLiteral("WND-AB 123") << QStringLiteral("WND-AB 123");
    QTest::newRow("umlaut district") << QStringLiteral("tö-a 5") << QStringLiteral("TÖ-A 5");
    QTest::newRow("nine characters") << QStringLiteral("WND-AB 1234") << QString();
    QTest::newRow("no separator") << QStringLiteral("SAB1234") << QString();
    QTest::newRow("leading zero") << QStringLiteral("S-AB 01") << QString();
    QTest::newRow("no digits") << QStringLiteral("S-AB") << QString();
    QTest::newRow("digit letters") << QStringLiteral("S-A1 12") << QString();
    QTest::newRow("two suffixes") << QStringLiteral("S-AB 12EH") << QString();
    QTest::newRow("five digits") << QStringLiteral("S-AB 12345") << QString();
    QTest::newRow("four-letter district") << QStringLiteral("ABCD-X 1") << QString();
    QTest::newRow("three letters") << QStringLiteral("S-ABC 1") << QString();
    QTest::newRow("umlaut in letters") << QStringLiteral("S-Ä 1") << QString();
    QTest::newRow("trailing word") << QStringLiteral("S-AB 12 X") << QString();
    QTest::newRow("only separators") << QStringLiteral(" - ") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("long input") << QString(500, u'A') << QString();
}

void TestFieldFormats::documentId_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("lower case") << QStringLiteral("0190d3c2-7a4e-7b1c-9f00-2a6b1e3c4d5f") << true;
    QTest::newRow("upper case") << QStringLiteral("0190D3C2-7A4E-7B1C-9F00-2A6B1E3C4D5F") << true;
    QTest::newRow("braces") << QStringLiteral("{0190d3c2-7a4e-7b1c-9f00-2a6b1e3c4d5f}") << false;
    QTest::newRow("no hyphens") << QStringLiteral("0190d3c27a4e7b1c9f002a6b1e3c4d5f0000") << false;
    QTest::newRow("hyphen moved") << QStringLiteral("0190d3c27-a4e-7b1c-9f00-2a6b1e3c4d5f") << false;
    QTest::newRow("not hex") << QStringLiteral("0190d3c2-7a4e-7b1c-9f00-2a6b1e3c4d5g") << false;
    QTest::newRow("nil") << QStringLiteral("00000000-0000-0000-0000-000000000000") << false;
    QTest::newRow("short") << QStringLiteral("0190d3c2-7a4e-7b1c-9f00-2a6b1e3c4d5") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestFieldFormats::email_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("anna.muster@stuttgart.de") << true;
    QTest::newRow("subdomain") << QStringLiteral("amt32@verkehr.stuttgart.de") << true;
    QTest::newRow("specials") << QStringLiteral("a+b_c!x#y$%&'*/=?^`{|}~-z@example.org") << true;
    QTest::newRow("hyphen inside label") << QStringLiteral("x@bad-cannstatt.de") << true;
    QTest::newRow("long label") << QStringLiteral("x@%1.de").arg(QString(63, u'a')) << true;
    QTest::newRow("label too long") << QStringLiteral("x@%1.de").arg(QString(64, u'a')) << false;
    QTest::newRow("local part 64") << QString(64, u'a') + QStringLiteral("@example.de") << true;
    QTest::newRow("local part 65") << QString(65, u'a') + QStringLiteral("@example.de") << false;
    QTest::newRow("too long") << QStringLiteral("a@%1.de").arg(QString(250, u'b')) << false;
    QTest::newRow("no at") << QStringLiteral("anna.example.de") << false;
    QTest::newRow("nothing before at") << QStringLiteral("@example.de") << false;
    QTest::newRow("two ats") << QStringLiteral("a@b@example.de") << false;
    QTest::newRow("dot first") << QStringLiteral(".anna@example.de") << false;
    QTest::newRow("dot before at") << QStringLiteral("anna.@example.de") << false;
    QTest::newRow("two dots") << QStringLiteral("an..na@example.de") << false;
    QTest::newRow("space") << QStringLiteral("an na@example.de") << false;
    QTest::newRow("umlaut") << QStringLiteral("jürgen@example.de") << false;
    QTest::newRow("single label") << QStringLiteral("anna@localhost") << false;
    QTest::newRow("empty label") << QStringLiteral("anna@example..de") << false;
    QTest::newRow("trailing dot") << QStringLiteral("anna@example.de.") << false;
    QTest::newRow("hyphen first") << QStringLiteral("anna@-example.de") << false;
    QTest::newRow("hyphen last") << QStringLiteral("anna@example-.de") << false;
    QTest::newRow("digit tld") << QStringLiteral("anna@example.d3") << false;
    QTest::newRow("one-letter tld") << QStringLiteral("anna@example.d") << false;
    QTest::newRow("underscore in host") << QStringLiteral("anna@ex_ample.de") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestFieldFormats::email()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(FieldFormats::isValidEmail(text), valid);
}

void TestFieldFormats::documentId()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(FieldFormats::isDocumentId(text), valid);
}

void TestFieldFormats::kennzeichen()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const std::optional<QString> result = FieldFormats::canonicalKennzeichen(text);
    QCOMPARE(result.value_or(QString()), canonical);
    if (result)
        QCOMPARE(FieldFormats::canonicalKennzeichen(*result).value_or(QString()), canonical); // stable
}

void TestFieldFormats::display()
{
    FormField money;
    money.type = FieldType::Money;
    FormField height;
    height.type = FieldType::Decimal;
    height.unit = QStringLiteral("m");
    FormField date;
    date.type = FieldType::Date;
    FormField iban;
    iban.type = FieldType::Iban;
    FormField district;
    district.type = FieldType::District;
    district.codeList = std::shared_ptr<const CodeList>(&CodeList::stuttgartDistricts(), [](const CodeList *) {});

    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(FieldFormats::displayText(money, 123450), QStringLiteral("1.234,50 €"));
    QCOMPARE(FieldFormats::displayText(money, -5), QStringLiteral("-0,05 €"));
    QCOMPARE(FieldFormats::displayText(height, QStringLiteral("12.5")), QStringLiteral("12,5 m"));
    QCOMPARE(FieldFormats::displayText(date, QStringLiteral("2026-03-02")), QStringLiteral("02.03.2026"));
    QCOMPARE(FieldFormats::displayText(iban, QStringLiteral("de89370400440532013000")),
             QStringLiteral("DE89 3704 0044 0532 0130 00"));
    QCOMPARE(FieldFormats::displayText(district, QStringLiteral("04")), QStringLiteral("Süd"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(FieldFormats::displayText(money, 123450), QStringLiteral("€1,234.50"));
    QCOMPARE(FieldFormats::displayText(date, QStringLiteral("2026-03-02")), QStringLiteral("2026-03-02"));
    QCOMPARE(FieldFormats::displayText(district, QStringLiteral("04")), QStringLiteral("Süd (South)"));
    QCOMPARE(FieldFormats::displayText(district, QStringLiteral("99")), QStringLiteral("99"));
}

QTEST_GUILESS_MAIN(TestFieldFormats)
#include "tst_fieldformats.moc"
