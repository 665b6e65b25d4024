// CaseSearch::normalize, SearchIndexer's tokens and joined forms, and the MATCH expressions built from user
// text, hostile text included.
#include "storage/CaseSearch.h"
#include "storage/SearchIndexer.h"

#include <QRegularExpression>
#include <QTest>

using namespace casedesk::storage;

namespace {

// What every expression must look like: groups of quoted letter-or-digit tokens (optionally a prefix) joined
// by OR, the groups separated by one space. Nothing else can reach FTS4's query parser.
const QRegularExpression safeExpression(
    QStringLiteral(
        R"(^("[\p{L}\p{N}]+\*?"( OR "[\p{L}\p{N}]+\*?")*)?( "[\p{L}\p{N}]+\*?"( OR "[\p{L}\p{N}]+\*?")*)*$)"),
    QRegularExpression::UseUnicodePropertiesOption);

QStringList words(const char *spaceSeparated)
{
    return QString::fromUtf8(spaceSeparated).split(u' ', Qt::SkipEmptyParts);
}

} // namespace

class TestSearchNormalize : public QObject {
    Q_OBJECT

private slots:
    void normalize_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("umlaut") << QStringLiteral("Müller") << QStringLiteral("muller");
        QTest::newRow("transliterated") << QStringLiteral("Mueller") << QStringLiteral("muller");
        QTest::newRow("plain") << QStringLiteral("Muller") << QStringLiteral("muller");
        QTest::newRow("upper case umlaut") << QStringLiteral("MÜLLER") << QStringLiteral("muller");
        QTest::newRow("upper case transliterated") << QStringLiteral("MUELLER") << QStringLiteral("muller");
        QTest::newRow("a umlaut") << QStringLiteral("Ärger") << QStringLiteral("arger");
        QTest::newRow("ae") << QStringLiteral("Aerger") << QStringLiteral("arger");
        QTest::newRow("o umlaut") << QStringLiteral("Öl") << QStringLiteral("ol");
        QTest::newRow("oe") << QStringLiteral("Koenig") << QStringLiteral("konig");
        QTest::newRow("sharp s") << QStringLiteral("Straße") << QStringLiteral("strasse");
        QTest::newRow("ss") << QStringLiteral("STRASSE") << QStringLiteral("strasse");
        QTest::newRow("capital sharp s") << QStringLiteral("STRAẞE") << QStringLiteral("strasse");
        QTest::newRow("compound") << QStringLiteral("Königstraße") << QStringLiteral("konigstrasse");
        QTest::newRow("acute") << QStringLiteral("Café") << QStringLiteral("cafe");
        QTest::newRow("combining mark") << QStringLiteral("Cafe\u0301") << QStringLiteral("cafe");
        QTest::newRow("grave and circumflex") << QStringLiteral("Crème Brûlée") << QStringLiteral("creme brulee");
        QTest::newRow("ring") << QStringLiteral("Ångström") << QStringLiteral("angstrom");
        QTest::newRow("ligature") << QStringLiteral("ﬁnanz") << QStringLiteral("finanz");
        QTest::newRow("dotted capital I") << QStringLiteral("İzmir") << QStringLiteral("izmir");
        QTest::newRow("no decomposition") << QStringLiteral("Łódź") << QStringLiteral("łodz");
        // The folding of e after a, o, u also touches words that are no transliteration; queries fold alike.
        QTest::newRow("ue inside a word") << QStringLiteral("Feuer") << QStringLiteral("feur");
        QTest::newRow("ae inside a word") << QStringLiteral("Michael") << QStringLiteral("michal");
        QTest::newRow("only the pair folds") << QStringLiteral("Queen") << QStringLiteral("quen");
        QTest::newRow("digits and punctuation") << QStringLiteral("S-AB 1234") << QStringLiteral("s-ab 1234");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + QStringLiteral("ä")
                                        << QString(QChar(QChar::ReplacementCharacter)) + QStringLiteral("a");
    }

    void normalize()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(CaseSearch::normalize(text), expected);
    }

    void variantsNormaliseAlike_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("Müller/Mueller") << QStringLiteral("Müller") << QStringLiteral("Mueller");
        QTest::newRow("Müller/Muller") << QStringLiteral("Müller") << QStringLiteral("Muller");
        QTest::newRow("Straße/Strasse") << QStringLiteral("Straße") << QStringLiteral("Strasse");
        QTest::newRow("Jürgen Größe/Juergen Groesse")
            << QStringLiteral("Jürgen Größe") << QStringLiteral("Juergen Groesse");
        QTest::newRow("Bäcker/Baecker") << QStringLiteral("Bäcker") << QStringLiteral("BAECKER");
    }

    void variantsNormaliseAlike()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QCOMPARE(CaseSearch::normalize(a), CaseSearch::normalize(b));
    }

    // Words of Latin-1 characters take a table; the same word with one character beyond Latin-1 ("Ł", which
    // folds to itself and joins nothing) takes the general Unicode path. Both must agree, for every pair.
    void latin1WordsFoldAsInTheGeneralPath()
    {
        for (char16_t a = 1; a < 256; ++a) {
            for (char16_t b = 1; b < 256; ++b) {
                const QString word = QString(QChar(a)) + QChar(b) + QLatin1Char('k');
                const QString general = CaseSearch::normalize(word + QChar(u'Ł'));
                QCOMPARE(CaseSearch::normalize(word) + QChar(u'ł'), general);
            }
        }
    }

    void indexedWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("plate with hyphen and space")
            << QStringLiteral("S-AB 1234") << words("s ab 1234 sab1234 ab1234") << words("sab");
        QTest::newRow("plate with spaces") << QStringLiteral("S AB 1234") << words("s ab 1234 sab1234") << words("");
        QTest::newRow("plate written together") << QStringLiteral("SAB1234") << words("sab 1234 sab1234") << words("");
        QTest::newRow("plate with electric suffix")
            << QStringLiteral("S-EV 123E") << words("sev123e sev123 ev123e 123") << words("");
        QTest::newRow("Aktenzeichen") << QStringLiteral("32.10-000123/2026")
                                      << words("32 10 000123 123 2026 3210 3210000123 32100001232026 0001232026")
                                      << words("");
        QTest::newRow("label before a plate")
            << QStringLiteral("Kennzeichen: S-AB 1234") << words("kennzeichen sab1234") << words("kennzeichens");
        QTest::newRow("words are never joined")
            << QStringLiteral("Anna Müller-Lüdenscheidt") << words("anna muller ludenscheidt")
            << words("annamuller mullerludenscheidt");
        QTest::newRow("long letter groups end a code")
            << QStringLiteral("Euro 4 Diesel") << words("euro 4 diesel") << words("euro4 4diesel");
        QTest::newRow("two separators end a code") << QStringLiteral("AB - 12") << words("ab 12") << words("ab12");
        QTest::newRow("umlauts in a code") << QStringLiteral("LÖ-Ü 7") << words("lo u 7 lou7 u7") << words("");
        QTest::newRow("hostile") << QStringLiteral("\"); DROP TABLE case_fts; --") << words("drop table case fts")
                                 << words("");
        QTest::newRow("empty") << QString() << words("") << words("a");
    }

    void indexedWords()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);
        const QStringList indexed = SearchIndexer::indexedWords(text);
        for (const QString &word : present)
            QVERIFY2(indexed.contains(word), qPrintable(word + QStringLiteral(" missing in: ") + indexed.join(u' ')));
        for (const QString &word : absent)
            QVERIFY2(!indexed.contains(word),
                     qPrintable(word + QStringLiteral(" unexpected in: ") + indexed.join(u' ')));
        for (const QString &word : indexed)
            QVERIFY2(!word.contains(u'"') && !word.contains(u'*'), qPrintable(word));
    }

    void tokenRangesPointAtTheOriginalWords()
    {
        const QString text = QStringLiteral("Frau Jürgens, S-AB1234");
        const QList<SearchToken> tokens = SearchIndexer::tokenize(text);
        QStringList texts;
        QStringList originals;
        QList<bool> joins;
        for (const SearchToken &token : tokens) {
            texts.append(token.text);
            originals.append(text.mid(token.begin, token.end - token.begin));
            joins.append(token.joinsPrevious);
        }
        QCOMPARE(texts, words("frau jurgens s ab 1234"));
        QCOMPARE(originals, words("Frau Jürgens S AB1234 AB1234"));
        QCOMPARE(joins, (QList<bool>{false, true, false, true, true}));
    }

    void matchExpression_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one word") << QStringLiteral("Müller") << QStringLiteral(R"("muller")");
        QTest::newRow("transliterated") << QStringLiteral("MUELLER") << QStringLiteral(R"("muller")");
        QTest::newRow("two words") << QStringLiteral("Anna  Müller") << QStringLiteral(R"("anna" "muller")");
        QTest::newRow("prefix") << QStringLiteral("König*") << QStringLiteral(R"("konig*")");
        QTest::newRow("prefix and word") << QStringLiteral("baum* Weg") << QStringLiteral(R"("baum*" "weg")");
        QTest::newRow("one letter prefix is a word") << QStringLiteral("a*") << QStringLiteral(R"("a")");
        QTest::newRow("star inside") << QStringLiteral("ba*um") << QStringLiteral(R"("ba*" "um")");
        QTest::newRow("leading star") << QStringLiteral("*baum") << QStringLiteral(R"("baum")");
        QTest::newRow("operators are words")
            << QStringLiteral("foo OR bar AND NOT baz") << QStringLiteral(R"("foo" "or" "bar" "and" "not" "baz")");
        QTest::newRow("near") << QStringLiteral("NEAR(foo bar)") << QStringLiteral(R"("near" "foo" "bar")");
        QTest::newRow("near/3") << QStringLiteral("foo NEAR/3 quux") << QStringLiteral(R"("foo" "near" "3" "quux")");
        QTest::newRow("minus") << QStringLiteral("-foo") << QStringLiteral(R"("foo")");
        QTest::newRow("column filter") << QStringLiteral("title:foo") << QStringLiteral(R"("title" "foo")");
        QTest::newRow("unbalanced quote") << QStringLiteral("\"Müller") << QStringLiteral(R"("muller")");
        QTest::newRow("quoted phrase") << QStringLiteral("\"Anna Müller\"") << QStringLiteral(R"("anna" "muller")");
        QTest::newRow("injection") << QStringLiteral("'); DROP TABLE case_fts; --")
                                   << QStringLiteral(R"("drop" "table" "case" "fts")");
        // A one- or two-letter part of a code is searched only within the code's joined forms.
        QTest::newRow("plate") << QStringLiteral("S AB 1234")
                               << QStringLiteral(R"("sab1234" "sab1234" OR "ab1234" "1234" OR "sab1234" OR "ab1234")");
        QTest::newRow("plate with hyphen")
            << QStringLiteral("S-AB 1234")
            << QStringLiteral(R"("sab1234" "sab1234" OR "ab1234" "1234" OR "sab1234" OR "ab1234")");
        QTest::newRow("plate prefix") << QStringLiteral("AB 12*") << QStringLiteral(R"("ab12*" "12*" OR "ab12*")");
        QTest::newRow("word and number") << QStringLiteral("Tom 12")
                                         << QStringLiteral(R"("tom" OR "tom12" "12" OR "tom12")");
        // Tightly joined codes are searched as one joined token.
        QTest::newRow("Aktenzeichen") << QStringLiteral("32.10-000123/2026") << QStringLiteral(R"("32100001232026")");
        QTest::newRow("Aktenzeichen and name")
            << QStringLiteral("Müller 32.10-000123") << QStringLiteral(R"("muller" "3210000123")");
        QTest::newRow("plate in one word") << QStringLiteral("AB1234") << QStringLiteral(R"("ab1234")");
        QTest::newRow("code prefix") << QStringLiteral("32.10-0001*") << QStringLiteral(R"("32100001*")");
        QTest::newRow("long code") << QStringLiteral("1.2.3.4.5")
                                   << QStringLiteral(
                                          R"("1" OR "12" OR "123" OR "1234" "2" OR "12" OR "123" OR "1234" OR )"
                                          R"("23" OR "234" OR "2345" "3" OR "123" OR "1234" OR "23" OR )"
                                          R"("234" OR "2345" OR "34" OR "345" "4" OR "1234" OR "234" OR )"
                                          R"("2345" OR "34" OR "345" OR "45" "5" OR "2345" OR "345" OR "45")");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("blank") << QStringLiteral(" \t\n ") << QString();
        QTest::newRow("punctuation only") << QStringLiteral("*** ( ) \" : -") << QString();
        QTest::newRow("control characters") << QStringLiteral("\x01\x02"
                                                              "abc\x7f")
                                            << QStringLiteral(R"("abc")");
        QTest::newRow("lone surrogate") << QString(QChar(0xDC00)) + QStringLiteral("abc") << QStringLiteral(R"("abc")");
    }

    void matchExpression()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(CaseSearch::matchExpression(text), expected);
    }

    void hostileTextGivesASafeExpression_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("10000 characters") << QString(10000, u'x');
        QTest::newRow("10000 words") << QStringLiteral("ab ").repeated(5000);
        QTest::newRow("10000 digits and dots") << QStringLiteral("1.").repeated(5000);
        QTest::newRow("10000 quotes") << QString(10000, u'"');
        QTest::newRow("10000 stars") << QString(10000, u'*');
        QTest::newRow("nested parentheses") << QStringLiteral("((((((((((a))))))))))").repeated(100);
        QTest::newRow("NUL") << QString(QChar(0)) + QStringLiteral("abc") + QString(QChar(0));
        QTest::newRow("lone surrogates") << QString(QChar(0xD800)) + QString(QChar(0xDFFF)).repeated(2);
        QTest::newRow("emoji") << QStringLiteral("😀 Müller 😀");
        QTest::newRow("right-to-left") << QStringLiteral("\u202Eabc\u202C");
        QTest::newRow("mathematical letters") << QStringLiteral("𝐌𝐮𝐥𝐥𝐞𝐫");
        QTest::newRow("sql") << QStringLiteral("x' OR '1'='1");
        QTest::newRow("fts syntax") << QStringLiteral("\"a\"* NEAR/2 (b OR c) -d ^e title:f");
    }

    void hostileTextGivesASafeExpression()
    {
        QFETCH(QString, text);
        const QString expression = CaseSearch::matchExpression(text);
        QVERIFY2(safeExpression.match(expression).hasMatch(), qPrintable(expression.left(500)));
        // Bounded: a long text does not turn into a long query.
        QVERIFY2(expression.size() < 2000, qPrintable(QString::number(expression.size())));
    }
};

QTEST_GUILESS_MAIN(TestSearchNormalize)
#include "tst_searchnormalize.moc"
