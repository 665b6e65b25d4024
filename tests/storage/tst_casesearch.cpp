// CaseSearch on a real encrypted cache: German normalisation, prefixes, plates and Aktenzeichen with and
// without separators, notes and document text, field-weighted ranking, snippets, hostile queries and the
// bounded candidate set. Cases go in through CaseRepository, as in the application.
#include "core/Uuid.h"
#include "storage/CaseRepository.h"
#include "storage/CaseSearch.h"

#include <QTest>

#include <memory>

#include "TemporaryCache.h"

using namespace casedesk;
using namespace casedesk::storage;

namespace {

struct Applicant {
    const char *givenName;
    const char *familyName;
    const char *street;
};

Case makeCase(int number, const QString &title, const Applicant &applicant, const QJsonObject &formData = {})
{
    Case c;
    c.id = createUuidV7();
    c.aktenzeichen = Aktenzeichen(QStringLiteral("32.10"), number, 2026);
    c.caseType = QStringLiteral("bewohnerparken");
    c.title = title;
    c.applicant.givenName = QString::fromUtf8(applicant.givenName);
    c.applicant.familyName = QString::fromUtf8(applicant.familyName);
    c.applicant.address.street = QString::fromUtf8(applicant.street);
    c.applicant.address.houseNumber = QString::number(number % 97 + 1);
    c.applicant.address.postcode = QStringLiteral("70173");
    c.applicant.address.city = QStringLiteral("Stuttgart");
    c.teamId = QUuid(QStringLiteral("{0190a3c2-0000-7000-8000-000000000001}"));
    c.receivedDate = QDate(2026, 2, 20);
    c.statutoryDeadline = QDate(2026, 3, 20);
    c.statusText = QStringLiteral("Prüfung");
    c.formData = formData;
    c.version = 1;
    c.createdAt = QDateTime(QDate(2026, 2, 20), QTime(8, 0), Qt::UTC);
    c.updatedAt = c.createdAt;
    return c;
}

Note makeNote(const QUuid &caseId, const QString &text)
{
    Note note;
    note.id = createUuidV7();
    note.caseId = caseId;
    note.authorId = QUuid(QStringLiteral("{0190a3c2-0000-7000-8000-0000000000aa}"));
    note.createdAt = QDateTime(QDate(2026, 2, 21), QTime(9, 30), Qt::UTC);
    note.text = text;
    return note;
}

DocumentRef makeDocument(const QUuid &caseId, const QString &name, const QString &text)
{
    DocumentRef document;
    document.id = createUuidV7();
    document.caseId = caseId;
    document.sha256 = QString(64, u'a');
    document.size = 1234;
    document.name = name;
    document.mimeType = QStringLiteral("application/pdf");
    document.kind = DocumentKind::Evidence;
    document.addedAt = QDateTime(QDate(2026, 2, 21), QTime(10, 0), Qt::UTC);
    document.text = text;
    return document;
}

// QVERIFY2 evaluates its message even when the check passes: only ask a failed Result for its error.
template <typename T> QByteArray errorText(const Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

QJsonObject plateForm(const QString &plate)
{
    return QJsonObject{{QStringLiteral("kennzeichen"), plate}, {QStringLiteral("fahrzeugart"), QStringLiteral("PKW")}};
}

} // namespace

class TestCaseSearch : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::TemporaryCache> m_cache;
    QHash<QUuid, QString> m_keyOf; // case id -> the name the tests use for it

    QList<SearchHit> search(const QString &text, int limit = 50)
    {
        auto hits = CaseSearch(m_cache->db()).search(text, limit);
        if (!hits) {
            qWarning() << "search failed:" << hits.error().toString();
            return {};
        }
        return *hits;
    }

    QStringList keys(const QList<SearchHit> &hits) const
    {
        QStringList result;
        for (const SearchHit &hit : hits)
            result.append(m_keyOf.value(hit.row.caseId, QStringLiteral("?")));
        return result;
    }

    const SearchHit *hitFor(const QList<SearchHit> &hits, const QString &key) const
    {
        for (const SearchHit &hit : hits) {
            if (m_keyOf.value(hit.row.caseId) == key)
                return &hit;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        m_cache = std::make_unique<test::TemporaryCache>();
        QVERIFY2(m_cache->isOpen(), qPrintable(m_cache->error()));

        // Inserted in this order: later cases get larger row ids, so they are "more recent".
        QList<std::pair<QString, Case>> cases = {
            {QStringLiteral("anna"),
             makeCase(123, QStringLiteral("Bewohnerparkausweis Zone W"), {"Anna", "Müller", "Königstraße"},
                      plateForm(QStringLiteral("S-AB 1234")))},
            {QStringLiteral("peter"),
             makeCase(456, QStringLiteral("Bewohnerparkausweis Zone O"), {"Peter", "Mueller", "Olgastraße"},
                      plateForm(QStringLiteral("S XY 987")))},
            {QStringLiteral("karl"),
             makeCase(789, QStringLiteral("Ausnahmegenehmigung Umweltzone"), {"Karl", "Muller", "Marienstrasse"},
                      plateForm(QStringLiteral("LB-Q 55")))},
            {QStringLiteral("eva"),
             makeCase(1001, QStringLiteral("Baumfällgenehmigung Hinterhof"), {"Eva", "Schröder", "Tübinger Straße"},
                      // The reference to an uploaded document, as forms store it.
                      {{QStringLiteral("gutachten"), QStringLiteral("0190a3c2-0000-7000-8000-0123456789ab")}})},
            // Ranking: the applicant named Wacholder must come before the newer case that only mentions it.
            {QStringLiteral("wacholder-applicant"),
             makeCase(2001, QStringLiteral("Bürgerhaushalt Vorschlag"), {"Jens", "Wacholder", "Neckarstraße"})},
            {QStringLiteral("wacholder-note"),
             makeCase(2002, QStringLiteral("Bürgerhaushalt Vorschlag"), {"Lena", "Fink", "Neckarstraße"})},
            {QStringLiteral("script"), makeCase(3001, QStringLiteral("<script>alert(1)</script> Eichhörnchen Kobel"),
                                                {"Tom", "Baum", "Lange Straße"})},
            {QStringLiteral("long"),
             makeCase(4001, QStringLiteral("Baumgutachten Stadtgarten"), {"Ida", "Lindner", "Gartenstraße"})},
        };
        QList<Case> stored;
        for (const auto &[key, c] : cases) {
            m_keyOf.insert(c.id, key);
            stored.append(c);
        }
        const QUuid eva = cases[3].second.id;
        const QList<Note> notes = {
            makeNote(eva, QStringLiteral("Rückfrage beim Gartenamt wegen der Zypresse im Hinterhof.")),
            makeNote(cases[5].second.id, QStringLiteral("Telefonat: Nachbar Wacholder unterstützt den Vorschlag.")),
        };
        // A scanned report of some 600 words: a snippet reads the text only up to its match.
        QStringList report(600, QStringLiteral("Wurzelwerk"));
        // Near the end of the 64 tokens read first (the name "Bericht.pdf" takes two): an Esche whose snippet
        // goes beyond them, an Eibe whose snippet ends at a plate that is only whole in the next round.
        report[53] = QStringLiteral("Eibe");
        report[56] = QStringLiteral("Esche");
        report[60] = QStringLiteral("S-KL 4711");
        report[300] = QStringLiteral("Kennzeichen S-QR 815");
        report[500] = QStringLiteral("Rand der Kastanie am Zaun");
        report.last() = QStringLiteral("Schlusswort.");
        const QList<DocumentRef> documents = {
            makeDocument(eva, QStringLiteral("Gutachten.pdf"),
                         QStringLiteral("Sachverständigengutachten: die Blutbuche ist standsicher.")),
            makeDocument(cases[7].second.id, QStringLiteral("Bericht.pdf"), report.join(u' ')),
        };
        auto done = CaseRepository(m_cache->db()).storeConfirmed(stored, notes, documents);
        QVERIFY2(done.ok(), qPrintable(done.error().toString()));
    }

    void findsCases_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected"); // in any order

        const QStringList muellers = {QStringLiteral("anna"), QStringLiteral("peter"), QStringLiteral("karl")};
        QTest::newRow("Müller") << QStringLiteral("Müller") << muellers;
        QTest::newRow("Mueller") << QStringLiteral("Mueller") << muellers;
        QTest::newRow("Muller") << QStringLiteral("Muller") << muellers;
        QTest::newRow("MÜLLER") << QStringLiteral("MÜLLER") << muellers;
        QTest::newRow("given and family name") << QStringLiteral("Anna Mueller") << QStringList{QStringLiteral("anna")};
        QTest::newRow("Straße stored, Strasse asked")
            << QStringLiteral("Olgastrasse") << QStringList{QStringLiteral("peter")};
        QTest::newRow("Strasse stored, Straße asked")
            << QStringLiteral("Marienstraße") << QStringList{QStringLiteral("karl")};
        QTest::newRow("Schröder as Schroeder") << QStringLiteral("Schroeder") << QStringList{QStringLiteral("eva")};
        QTest::newRow("prefix König*") << QStringLiteral("König*") << QStringList{QStringLiteral("anna")};
        QTest::newRow("prefix koenigs*") << QStringLiteral("koenigs*") << QStringList{QStringLiteral("anna")};
        QTest::newRow("prefix in a title") << QStringLiteral("Baumfäll*") << QStringList{QStringLiteral("eva")};
        QTest::newRow("plate as stored") << QStringLiteral("S-AB 1234") << QStringList{QStringLiteral("anna")};
        QTest::newRow("plate with spaces") << QStringLiteral("S AB 1234") << QStringList{QStringLiteral("anna")};
        QTest::newRow("plate joined") << QStringLiteral("SAB1234") << QStringList{QStringLiteral("anna")};
        QTest::newRow("plate lower case") << QStringLiteral("sab1234") << QStringList{QStringLiteral("anna")};
        QTest::newRow("plate half joined") << QStringLiteral("S-AB1234") << QStringList{QStringLiteral("anna")};
        QTest::newRow("plate other split") << QStringLiteral("SAB 1234") << QStringList{QStringLiteral("anna")};
        QTest::newRow("plate stored with spaces") << QStringLiteral("SXY987") << QStringList{QStringLiteral("peter")};
        QTest::newRow("plate stored with hyphen") << QStringLiteral("LBQ 55") << QStringList{QStringLiteral("karl")};
        QTest::newRow("Aktenzeichen") << QStringLiteral("32.10-000123/2026") << QStringList{QStringLiteral("anna")};
        QTest::newRow("Aktenzeichen digits and slash")
            << QStringLiteral("3210000123/2026") << QStringList{QStringLiteral("anna")};
        QTest::newRow("Aktenzeichen digits only")
            << QStringLiteral("32100001232026") << QStringList{QStringLiteral("anna")};
        QTest::newRow("running number") << QStringLiteral("000123") << QStringList{QStringLiteral("anna")};
        QTest::newRow("running number without zeros") << QStringLiteral("123") << QStringList{QStringLiteral("anna")};
        QTest::newRow("note text") << QStringLiteral("Zypresse") << QStringList{QStringLiteral("eva")};
        QTest::newRow("note text, umlaut") << QStringLiteral("Rueckfrage") << QStringList{QStringLiteral("eva")};
        QTest::newRow("document text") << QStringLiteral("Blutbuche") << QStringList{QStringLiteral("eva")};
        QTest::newRow("document name") << QStringLiteral("Gutachten") << QStringList{QStringLiteral("eva")};
        QTest::newRow("every word must match") << QStringLiteral("Müller Zypresse") << QStringList{};
        QTest::newRow("nothing") << QStringLiteral("Quastenflosser") << QStringList{};
        // Anna's house number (123 % 97 + 1) and postcode are two values, not one code.
        QTest::newRow("values are not joined") << QStringLiteral("2770173") << QStringList{};
        QTest::newRow("house number and postcode") << QStringLiteral("27 70173") << QStringList{QStringLiteral("anna")};
        QTest::newRow("upload reference is no word") << QStringLiteral("0123456789ab") << QStringList{};
    }

    void findsCases()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QStringList found = keys(search(query));
        found.sort();
        expected.sort();
        QCOMPARE(found, expected);
    }

    void applicantRanksBeforeNotes()
    {
        const QList<SearchHit> hits = search(QStringLiteral("Wacholder"));
        QCOMPARE(keys(hits), (QStringList{QStringLiteral("wacholder-applicant"), QStringLiteral("wacholder-note")}));
        QVERIFY(hits[0].score > hits[1].score);
    }

    void snippets_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QStringList>("contains");
        QTest::addColumn<QStringList>("lacks");
        QTest::newRow("umlaut highlighted for a transliterated query")
            << QStringLiteral("mueller") << QStringLiteral("anna") << QStringList{QStringLiteral("<b>Müller</b>")}
            << QStringList{};
        QTest::newRow("original case kept") << QStringLiteral("MULLER") << QStringLiteral("peter")
                                            << QStringList{QStringLiteral("<b>Mueller</b>")} << QStringList{};
        QTest::newRow("prefix") << QStringLiteral("könig*") << QStringLiteral("anna")
                                << QStringList{QStringLiteral("<b>Königstraße</b>")} << QStringList{};
        QTest::newRow("from the notes") << QStringLiteral("zypresse") << QStringLiteral("eva")
                                        << QStringList{QStringLiteral("<b>Zypresse</b>"), QStringLiteral("Gartenamt")}
                                        << QStringList{};
        QTest::newRow("plate") << QStringLiteral("sab1234") << QStringLiteral("anna")
                               << QStringList{QStringLiteral("<b>1234</b>"), QStringLiteral("<b>AB</b>")}
                               << QStringList{};
        QTest::newRow("case text is escaped")
            << QStringLiteral("Eichhörnchen") << QStringLiteral("script")
            << QStringList{QStringLiteral("&lt;script&gt;"), QStringLiteral("<b>Eichhörnchen</b>")}
            << QStringList{QStringLiteral("<script>"), QStringLiteral("</script>")};
        QTest::newRow("deep in a long text")
            << QStringLiteral("Kastanie") << QStringLiteral("long")
            << QStringList{QStringLiteral("… Wurzelwerk Wurzelwerk Rand der <b>Kastanie</b> am Zaun Wurzelwerk"),
                           QStringLiteral("Wurzelwerk …")}
            << QStringList{};
        QTest::newRow("joined code deep in a long text")
            << QStringLiteral("SQR815") << QStringLiteral("long")
            << QStringList{QStringLiteral("Kennzeichen <b>S</b>-<b>QR</b> <b>815</b> Wurzelwerk")} << QStringList{};
        QTest::newRow("words after the match beyond the first tokens read")
            << QStringLiteral("Esche") << QStringLiteral("long")
            << QStringList{QStringLiteral("Wurzelwerk <b>Esche</b> Wurzelwerk"), QStringLiteral("4711 Wurzelwerk …")}
            << QStringList{};
        QTest::newRow("a plate across the end of the first tokens read")
            << QStringLiteral("Eibe SKL4711") << QStringLiteral("long")
            << QStringList{QStringLiteral("<b>Eibe</b>"), QStringLiteral("Wurzelwerk <b>S</b> …")} << QStringList{};
        QTest::newRow("at the end of a long text")
            << QStringLiteral("Schlusswort") << QStringLiteral("long")
            << QStringList{QStringLiteral("Wurzelwerk <b>Schlusswort</b>.")} << QStringList{QStringLiteral(" …")};
    }

    void snippets()
    {
        QFETCH(QString, query);
        QFETCH(QString, key);
        QFETCH(QStringList, contains);
        QFETCH(QStringList, lacks);
        const QList<SearchHit> hits = search(query);
        const SearchHit *hit = hitFor(hits, key);
        QVERIFY2(hit, qPrintable(keys(hits).join(u',')));
        for (const QString &part : contains)
            QVERIFY2(hit->snippet.contains(part), qPrintable(hit->snippet));
        for (const QString &part : lacks)
            QVERIFY2(!hit->snippet.contains(part), qPrintable(hit->snippet));
    }

    void hostileQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("findsAnna"); // the query still holds a word that finds her
        const auto row = [](const char *name, const QString &query, bool findsAnna) {
            QTest::newRow(name) << query << findsAnna;
        };
        row("empty", QString(), false);
        row("blank", QStringLiteral("   \t "), false);
        row("lone quote", QStringLiteral("\""), false);
        row("unbalanced quote", QStringLiteral("\"Müller"), true);
        row("balanced quotes", QStringLiteral("\"Anna Müller\""), true);
        row("three quotes", QStringLiteral("\"\"\"Müller"), true);
        row("parentheses", QStringLiteral("(Müller"), true);
        row("unbalanced parentheses", QStringLiteral("((Müller)"), true);
        row("NEAR", QStringLiteral("Müller NEAR Anna"), false); // "near" is a word that must match too
        row("NEAR/2", QStringLiteral("NEAR/2"), false);
        row("AND", QStringLiteral("AND"), false);
        row("OR", QStringLiteral("OR OR OR"), false);
        row("NOT", QStringLiteral("NOT Müller"), false);
        row("minus", QStringLiteral("-Müller"), true);
        row("colon", QStringLiteral("applicant:Müller"), false);
        row("column prefix", QStringLiteral(":Müller"), true);
        row("lone star", QStringLiteral("*"), false);
        row("stars", QStringLiteral("**Müller**"), true);
        row("star before", QStringLiteral("*Müller"), true);
        row("caret", QStringLiteral("^Müller"), true);
        row("sql quote", QStringLiteral("Müller'"), true);
        row("sql injection", QStringLiteral("'; DROP TABLE case_view; --"), false);
        row("sql comment", QStringLiteral("Müller /* */ --"), true);
        row("semicolon", QStringLiteral("Müller;"), true);
        row("backslash", QStringLiteral("Müller\\"), true);
        row("percent and underscore", QStringLiteral("%_%"), false);
        row("control characters", QStringLiteral("\x01Müller\x1b[0m"), false); // "0m" is a word
        row("NUL", QString(QChar(0)) + QStringLiteral("Müller"), true);
        row("lone high surrogate", QString(QChar(0xD800)) + QStringLiteral("Müller"), true);
        row("lone low surrogate", QStringLiteral("Müller") + QString(QChar(0xDC00)), true);
        row("emoji", QStringLiteral("😀 Müller"), true);
        row("10000 characters", QString(10000, u'ü'), false);
        row("10000 quotes", QString(10000, u'"'), false);
        row("10000 words", QStringLiteral("Müller ").repeated(1430), true);
        row("long code", QStringLiteral("1.").repeated(5000), false);
        row("many short codes", QStringLiteral("a1 ").repeated(3000), false);
        row("matchinfo", QStringLiteral("matchinfo(case_fts)"), false);
        row("rtl override", QStringLiteral("\u202EMüller"), true);
        row("html", QStringLiteral("<b>Müller</b>"), false); // "b" is a word that must match too
    }

    void hostileQueries()
    {
        QFETCH(QString, query);
        QFETCH(bool, findsAnna);
        auto hits = CaseSearch(m_cache->db()).search(query, 20);
        QVERIFY2(hits.ok(), errorText(hits).constData());
        if (findsAnna)
            QVERIFY2(keys(*hits).contains(QStringLiteral("anna")), qPrintable(keys(*hits).join(u',')));
    }

    void limitIsHonoured()
    {
        QCOMPARE(search(QStringLiteral("Müller"), 2).size(), 2);
        QCOMPARE(search(QStringLiteral("Müller"), 0).size(), 0);
    }

    void candidateSetIsBounded()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        const int total = CaseSearch::CandidateLimit + 100;
        QList<Case> cases;
        for (int i = 0; i < total; ++i)
            cases.append(makeCase(i + 1, QStringLiteral("Sammelantrag Ahornallee"), {"Ida", "Ahorn", "Ahornweg"}));
        auto done = CaseRepository(cache.db()).storeConfirmed(cases);
        QVERIFY2(done.ok(), qPrintable(done.error().toString()));

        auto hits = CaseSearch(cache.db()).search(QStringLiteral("Ahorn"), total);
        QVERIFY2(hits.ok(), errorText(hits).constData());
        QCOMPARE(hits->size(), qsizetype(CaseSearch::CandidateLimit));
        // Stored in order, so the 100 oldest are the first 100 of the list: none of them may be a hit.
        QSet<QUuid> oldest;
        for (int i = 0; i < 100; ++i)
            oldest.insert(cases[i].id);
        for (const SearchHit &hit : *hits)
            QVERIFY2(!oldest.contains(hit.row.caseId), qPrintable(hit.row.aktenzeichen));

        // Equal scores: the most recent first.
        auto top = CaseSearch(cache.db()).search(QStringLiteral("Ahorn"), 3);
        QVERIFY2(top.ok(), errorText(top).constData());
        QCOMPARE(top->size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(top->at(i).row.caseId, cases[total - 1 - i].id);
    }
};

QTEST_GUILESS_MAIN(TestCaseSearch)
#include "tst_casesearch.moc"
