// Keeps the full-text index (FTS4; SQLCipher has no FTS5) in step with the visible case state. The
// repositories call it inside their transactions; CaseSearch reads what it wrote.
#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace casedesk::storage {

class SqliteDatabase;

// The searchable text of one case, as the user sees it (confirmed state with pending commands on top).
struct SearchDocument {
    QString title;
    QString applicant;    // name, organisation, address
    QString aktenzeichen; // display form
    QString formValues;   // all form values as text (licence plates among them), upload references left out
    QString notes;        // Vermerke
    QString documents;    // document names and extracted text
};

// One searchable piece of text: a run of letters or a run of digits of the normalised text ("S-AB1234" gives
// "s", "ab", "1234"), with the range of the original word it came from (for highlighting).
struct SearchToken {
    QString text;
    qsizetype begin = 0; // original word: [begin, end) in the source text
    qsizetype end = 0;
    // Written right after the previous token: in the same word, or one separator (space - . /) apart.
    bool joinsPrevious = false;
};

// A joined form of adjacent code-like tokens ("s ab 1234" gives "sab", "ab1234", "sab1234"), so licence plates
// and Aktenzeichen are found with or without their separators. Tokens [first, last] of the token list.
struct JoinedToken {
    QString text;
    int first = 0;
    int last = 0;
};

class SearchIndexer {
public:
    static constexpr int ColumnCount = 6;     // indexed columns, in the order of SearchDocument's fields
    static constexpr int MaxJoinedTokens = 4; // tokens per joined form: enough for "32.10-000123/2026", "S-AB 1234E"

    // Splits text into normalised tokens (CaseSearch::normalize per original word). Used for indexing,
    // for queries and for highlighting alike, so all three agree. With `maxTokens` at 0 or more it stops
    // after the word that reaches that many: a snippet needs only the text up to its match.
    static QList<SearchToken> tokenize(const QString &text, qsizetype maxTokens = -1);

    // Joined forms of every run of 2 to 4 adjacent tokens that contains digits and otherwise only short
    // letter groups (plates, Aktenzeichen, dates). Ordinary words are never joined.
    static QList<JoinedToken> joinedTokens(const QList<SearchToken> &tokens);

    // Whether a token is a digit run (tokens are either letters or digits).
    static bool isDigits(const QString &token);

    // A digit token without its leading zeros ("000123" -> "123"); empty when there are none to strip.
    static QString withoutLeadingZeros(const QString &token);

    // What goes into the index for one field, word by word: tokens, numbers without leading zeros, joined forms.
    static QStringList indexedWords(const QString &text);

    // DDL of the index tables, run by the cache schema migration that introduces them (version 1).
    static QString createSql();
    // Version 2: the FTS4 table keeps no copy of what it indexed (a third of the index's size). Its content
    // is a view that computes the indexed text from the original text with indexedColumnFunction(), which
    // FTS4 reads only to take an entry out; a 'rebuild' fills the new table.
    static QString externalContentSql();
    // Registers indexedColumnFunction() on the connection; every connection that writes the index needs it.
    static Result<void> registerFunctions(SqliteDatabase &db);
    // indexedColumnFunction()(column, title, applicant, aktenzeichen, form, notes, documents): the indexed
    // text of one column as row() makes it, so an entry is taken out with exactly the words it went in with.
    // A change to what row() makes therefore needs a cache migration that rebuilds the index ('rebuild'):
    // entries written before would otherwise be taken out with other words (integrity-check finds that).
    static QLatin1String indexedColumnFunction() { return QLatin1String("casedesk_indexed_column"); }

    // The FTS4 table: ColumnCount indexed columns holding normalised text, docid = case_view.rowid. The
    // original text for snippets lives in a plain table keyed by the same docid: a rowid lookup there costs a
    // third of one through the FTS table (measured on 100,000 cases). Since version 2 it is also the source
    // of the FTS table's content (externalContentSql).
    static QLatin1String tableName() { return QLatin1String("case_fts"); }
    static QLatin1String originalTableName() { return QLatin1String("case_fts_original"); }

    // The original text of one field (0 .. ColumnCount-1, SearchDocument's order) of one case, for snippets;
    // empty when absent.
    static Result<QString> originalText(SqliteDatabase &db, qint64 rowId, int column);

    // Whether the case_view row was just inserted: every row removal also removes its index entry, so a new
    // row id has none to replace (saves two DELETEs per case in a bulk load).
    enum class Entry { New, Existing };

    // What one case puts into the index tables: each field as shown (for snippets) and as indexed. Built
    // apart from the writing, without the database, so a bulk load can build them on other threads.
    struct Row {
        QString original[ColumnCount];
        QString indexed[ColumnCount];
    };
    static Row row(const SearchDocument &document);

    // Whether writing `document` changes the index: always for a New entry, for an Existing one only when its
    // stored text differs. Most changes to a case (an assignment, a task, a Vermerk confirmed that was shown
    // while pending) leave its text alone, and rewriting an FTS4 entry means tokenising the old one to take it
    // out: comparing is a lookup.
    static Result<bool> needsWrite(SqliteDatabase &db, qint64 rowId, const SearchDocument &document, Entry entry);

    // Replaces the index entry of the case with row id `rowId` (case_view.rowid), unless needsWrite() says the
    // entry holds the document already.
    static Result<void> update(SqliteDatabase &db, qint64 rowId, const SearchDocument &document,
                               Entry entry = Entry::Existing);
    static Result<void> write(SqliteDatabase &db, qint64 rowId, const Row &row, Entry entry);
    static Result<void> remove(SqliteDatabase &db, qint64 rowId);
};

} // namespace casedesk::storage
