#include "storage/SearchIndexer.h"

#include "storage/CaseSearch.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"

#include <QCoreApplication>
#include <QSet>

#include <array>
#include <sqlite3.h>
#include <tuple>
#include <utility>

namespace casedesk::storage {

namespace {

const char *const columnNames[SearchIndexer::ColumnCount] = {"title", "applicant", "aktenzeichen",
                                                             "form",  "notes",     "documents"};

// The indexed columns, in SearchDocument's order, as the DDL and the statements name them.
const QStringList &columnList()
{
    static const QStringList columns = [] {
        QStringList list;
        for (const char *name : columnNames)
            list.append(QLatin1String(name));
        return list;
    }();
    return columns;
}

constexpr int MaxJoinedLetters = 3; // letter groups longer than this are words, not parts of a code

enum class TokenClass { Letters, Digits, Other };

TokenClass classOf(char32_t c)
{
    if (QChar::isNumber(c)) {
        return TokenClass::Digits;
    }
    if (QChar::isLetter(c)) {
        return TokenClass::Letters;
    }
    return TokenClass::Other;
}

// Characters of a word in the original text; marks too, so "e" + combining accent stays one word.
bool isWordChar(char32_t c)
{
    if (QChar::isLetterOrNumber(c)) {
        return true;
    }
    const auto category = QChar::category(c);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
           category == QChar::Mark_Enclosing;
}

// One separator between two words keeps them joinable: "S-AB 1234", "32.10-000123/2026".
bool isJoiningSeparator(QChar c)
{
    return c == u' ' || c == u'-' || c == u'.' || c == u'/';
}

// The code point at `pos` and where the next one starts; a lone surrogate reads as U+FFFD.
std::pair<char32_t, qsizetype> codePointAt(const QString &text, qsizetype pos)
{
    const QChar c = text.at(pos);
    if (c.isHighSurrogate() && pos + 1 < text.size() && text.at(pos + 1).isLowSurrogate()) {
        return {QChar::surrogateToUcs4(c, text.at(pos + 1)), pos + 2};
    }
    return {c.isSurrogate() ? char32_t(QChar::ReplacementCharacter) : char32_t(c.unicode()), pos + 1};
}

// Appends the letter and digit runs of one normalised word.
void appendPieces(QList<SearchToken> &tokens, const QString &normalised, qsizetype begin, qsizetype end,
                  bool joinsPrevious)
{
    qsizetype pieceStart = 0;
    TokenClass pieceClass = TokenClass::Other;
    bool joins = joinsPrevious;
    const auto flush = [&](qsizetype pieceEnd) {
        if (pieceClass != TokenClass::Other && pieceEnd > pieceStart) {
            tokens.append(SearchToken{normalised.mid(pieceStart, pieceEnd - pieceStart), begin, end, joins});
            joins = true; // the next piece of the same word follows directly
        }
    };
    qsizetype pos = 0;
    while (pos < normalised.size()) {
        const auto [c, next] = codePointAt(normalised, pos);
        const TokenClass cls = classOf(c);
        if (cls != pieceClass) {
            flush(pos);
            pieceClass = cls;
            pieceStart = pos;
        }
        pos = next;
    }
    flush(pos);
}

Error indexError(const SqliteDatabase &db)
{
    return db.error(ErrorCode::Database,
                    QCoreApplication::translate("Storage", "The search index could not be updated. Restart CaseDesk; "
                                                           "if this persists, please contact your IT support."));
}

} // namespace

QList<SearchToken> SearchIndexer::tokenize(const QString &text, qsizetype maxTokens)
{
    QList<SearchToken> tokens;
    qsizetype previousEnd = -1;
    qsizetype pos = 0;
    while (pos < text.size()) {
        auto [c, next] = codePointAt(text, pos);
        if (!isWordChar(c)) {
            pos = next;
            continue;
        }
        const qsizetype begin = pos;
        qsizetype end = next;
        while (end < text.size()) {
            std::tie(c, next) = codePointAt(text, end);
            if (!isWordChar(c)) {
                break;
            }
            end = next;
        }
        const bool joins = previousEnd >= 0 && begin - previousEnd == 1 && isJoiningSeparator(text.at(previousEnd));
        appendPieces(tokens, CaseSearch::normalize(QStringView(text).mid(begin, end - begin)), begin, end, joins);
        if (maxTokens >= 0 && tokens.size() >= maxTokens)
            break;
        previousEnd = end;
        pos = end;
    }
    return tokens;
}

QList<JoinedToken> SearchIndexer::joinedTokens(const QList<SearchToken> &tokens)
{
    const auto codeLike = [&](int i) { return isDigits(tokens[i].text) || tokens[i].text.size() <= MaxJoinedLetters; };
    QList<JoinedToken> joined;
    for (int first = 0; first < tokens.size(); ++first) {
        if (!codeLike(first)) {
            continue;
        }
        QString text = tokens[first].text;
        bool hasDigits = isDigits(tokens[first].text);
        for (int last = first + 1; last < tokens.size() && last - first < MaxJoinedTokens; ++last) {
            if (!tokens[last].joinsPrevious || !codeLike(last)) {
                break;
            }
            text += tokens[last].text;
            hasDigits = hasDigits || isDigits(tokens[last].text);
            if (hasDigits) {
                joined.append(JoinedToken{text, first, last});
            }
        }
    }
    return joined;
}

bool SearchIndexer::isDigits(const QString &token)
{
    return !token.isEmpty() && QChar::isNumber(codePointAt(token, 0).first);
}

QString SearchIndexer::withoutLeadingZeros(const QString &token)
{
    if (token.size() < 2 || !token.startsWith(u'0') || !isDigits(token)) {
        return {};
    }
    qsizetype zeros = 0;
    while (zeros < token.size() - 1 && token.at(zeros) == u'0') {
        ++zeros;
    }
    return token.mid(zeros);
}

QStringList SearchIndexer::indexedWords(const QString &text)
{
    const QList<SearchToken> tokens = tokenize(text);
    QStringList words;
    words.reserve(tokens.size() * 2);
    for (const SearchToken &token : tokens) {
        words.append(token.text);
        QString stripped = withoutLeadingZeros(token.text);
        if (!stripped.isEmpty()) {
            words.append(std::move(stripped));
        }
    }
    for (JoinedToken &join : joinedTokens(tokens)) {
        words.append(std::move(join.text));
    }
    return words;
}

QString SearchIndexer::createSql()
{
    const QStringList &columns = columnList();
    // remove_diacritics only backs up normalize(), which already folded everything (ß too, which it cannot).
    return QLatin1String("CREATE VIRTUAL TABLE ") + tableName() + QLatin1String(" USING fts4(") +
           columns.join(QLatin1String(", ")) + QLatin1String(", tokenize=unicode61 \"remove_diacritics=1\");\n") +
           QLatin1String("CREATE TABLE ") + originalTableName() + QLatin1String("(docid INTEGER PRIMARY KEY, ") +
           columns.join(QLatin1String(" TEXT, ")) + QLatin1String(" TEXT);");
}

QString SearchIndexer::externalContentSql()
{
    const QStringList &columns = columnList();
    QStringList computed;
    for (int i = 0; i < ColumnCount; ++i)
        computed.append(QStringLiteral("%1(%2, %3) AS %4")
                            .arg(indexedColumnFunction())
                            .arg(i)
                            .arg(columns.join(QLatin1String(", ")), columns.at(i)));
    const QString source = tableName() + QLatin1String("_source");
    // FTS4 looks a content row up by "rowid", which a view has only as a column of that name.
    return QLatin1String("DROP TABLE ") + tableName() + QLatin1String(";\nCREATE VIEW ") + source +
           QLatin1String(" AS SELECT docid AS rowid, ") + computed.join(QLatin1String(", ")) + QLatin1String(" FROM ") +
           originalTableName() + QLatin1String(";\nCREATE VIRTUAL TABLE ") + tableName() +
           QLatin1String(" USING fts4(content=\"") + source + QLatin1String("\", ") +
           columns.join(QLatin1String(", ")) + QLatin1String(", tokenize=unicode61 \"remove_diacritics=1\");\n") +
           QLatin1String("INSERT INTO ") + tableName() + u'(' + tableName() + QLatin1String(") VALUES('rebuild');");
}

namespace {

// FTS4 reads the view once per column of the entry it takes out (and, for a query's very common words, per
// candidate row): the row is computed once for all six, and the text compared as SQLite holds it (UTF-8).
void indexedColumn(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    thread_local std::array<QByteArray, SearchIndexer::ColumnCount> lastArguments;
    thread_local std::array<QByteArray, SearchIndexer::ColumnCount> lastIndexed;
    thread_local bool computed = false;
    const int column = argc == 1 + SearchIndexer::ColumnCount ? sqlite3_value_int(argv[0]) : -1;
    if (column < 0 || column >= SearchIndexer::ColumnCount) {
        sqlite3_result_error(context, "casedesk_indexed_column: bad arguments", -1);
        return;
    }
    std::array<QByteArrayView, SearchIndexer::ColumnCount> arguments;
    bool same = computed;
    for (int i = 0; i < SearchIndexer::ColumnCount; ++i) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[1 + i]));
        arguments[i] = QByteArrayView(text, text ? sqlite3_value_bytes(argv[1 + i]) : 0);
        same = same && arguments[i] == lastArguments[i];
    }
    if (!same) {
        const auto text = [&](int i) { return QString::fromUtf8(arguments[i]); };
        const SearchIndexer::Row row = SearchIndexer::row({text(0), text(1), text(2), text(3), text(4), text(5)});
        for (int i = 0; i < SearchIndexer::ColumnCount; ++i) {
            lastArguments[i] = arguments[i].toByteArray();
            lastIndexed[i] = row.indexed[i].toUtf8();
        }
        computed = true;
    }
    const QByteArray &indexed = lastIndexed[column];
    sqlite3_result_text(context, indexed.constData(), int(indexed.size()), SQLITE_TRANSIENT);
}

} // namespace

Result<void> SearchIndexer::registerFunctions(SqliteDatabase &db)
{
    const QByteArray name = QByteArray(indexedColumnFunction().data(), indexedColumnFunction().size());
    if (sqlite3_create_function_v2(db.handle(), name.constData(), 1 + ColumnCount, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                   nullptr, indexedColumn, nullptr, nullptr, nullptr) != SQLITE_OK)
        return indexError(db);
    return {};
}

Result<bool> SearchIndexer::needsWrite(SqliteDatabase &db, qint64 rowId, const SearchDocument &document, Entry entry)
{
    if (entry == Entry::New)
        return true;
    static const QString sql = QLatin1String("SELECT ") + columnList().join(QLatin1String(", ")) +
                               QLatin1String(" FROM ") + originalTableName() + QLatin1String(" WHERE docid = ?1");
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    SqliteStatement &select = **statement;
    select.bind(1, rowId);
    auto found = select.step();
    if (!found)
        return found.error();
    const QString *const fields[ColumnCount] = {&document.title,      &document.applicant, &document.aktenzeichen,
                                                &document.formValues, &document.notes,     &document.documents};
    bool same = *found;
    for (int i = 0; same && i < ColumnCount; ++i)
        same = select.text(i) == *fields[i];
    select.reset();
    return !same;
}

Result<void> SearchIndexer::update(SqliteDatabase &db, qint64 rowId, const SearchDocument &document, Entry entry)
{
    auto needed = needsWrite(db, rowId, document, entry);
    if (!needed)
        return needed.error();
    return *needed ? write(db, rowId, row(document), entry) : Result<void>();
}

SearchIndexer::Row SearchIndexer::row(const SearchDocument &document)
{
    Row row{{document.title, document.applicant, document.aktenzeichen, document.formValues, document.notes,
             document.documents},
            {}};
    // Document text mostly repeats the case (an application renders its form and applicant). The documents
    // field, last and weighing least, gets each word once and none the other fields have: every word of the
    // case is still found, and the index holds about a third less text to write and merge.
    QSet<QString> elsewhere;
    elsewhere.reserve(256);
    for (int i = 0; i < ColumnCount - 1; ++i) {
        const QStringList words = indexedWords(row.original[i]);
        for (const QString &word : words) {
            elsewhere.insert(word);
        }
        row.indexed[i] = words.join(u' ');
    }
    QStringList documentWords;
    for (QString &word : indexedWords(row.original[ColumnCount - 1])) {
        const qsizetype before = elsewhere.size();
        elsewhere.insert(word);
        if (elsewhere.size() != before) {
            documentWords.append(std::move(word));
        }
    }
    row.indexed[ColumnCount - 1] = documentWords.join(u' ');
    return row;
}

Result<void> SearchIndexer::write(SqliteDatabase &db, qint64 rowId, const Row &row, Entry entry)
{
    if (entry == Entry::Existing) {
        if (auto removed = remove(db, rowId); !removed) {
            return removed;
        }
    }
    static const auto insertSql = [](QLatin1String table) {
        QStringList placeholders{QStringLiteral("?1")};
        for (qsizetype i = 0; i < columnList().size(); ++i)
            placeholders.append(u'?' + QString::number(placeholders.size() + 1));
        return QLatin1String("INSERT INTO ") + table + QLatin1String("(docid, ") +
               columnList().join(QLatin1String(", ")) + QLatin1String(") VALUES(") +
               placeholders.join(QLatin1String(", ")) + u')';
    };
    static const QString indexSql = insertSql(tableName());
    static const QString originalSql = insertSql(originalTableName());
    for (const bool original : {false, true}) {
        auto statement = db.prepare(original ? originalSql : indexSql);
        if (!statement) {
            return statement.error();
        }
        SqliteStatement &insert = **statement;
        insert.bind(1, rowId);
        for (int i = 0; i < ColumnCount; ++i) {
            insert.bind(2 + i, original ? row.original[i] : row.indexed[i]);
        }
        if (auto done = insert.run(); !done) {
            return indexError(db);
        }
    }
    return {};
}

Result<void> SearchIndexer::remove(SqliteDatabase &db, qint64 rowId)
{
    static const QString indexSql = QLatin1String("DELETE FROM ") + tableName() + QLatin1String(" WHERE docid = ?1");
    static const QString originalSql =
        QLatin1String("DELETE FROM ") + originalTableName() + QLatin1String(" WHERE docid = ?1");
    for (const QString &sql : {indexSql, originalSql}) {
        auto statement = db.prepare(sql);
        if (!statement) {
            return statement.error();
        }
        if (auto done = (*statement)->bind(1, rowId).run(); !done) {
            return indexError(db);
        }
    }
    return {};
}

Result<QString> SearchIndexer::originalText(SqliteDatabase &db, qint64 rowId, int column)
{
    if (column < 0 || column >= ColumnCount) {
        return SqliteDatabase::misuseError(QStringLiteral("search column %1 out of range").arg(column));
    }
    // One column only: SQLite reads a row no further than the column asked for (document text comes last).
    auto statement = db.prepare(QLatin1String("SELECT ") + QLatin1String(columnNames[column]) +
                                QLatin1String(" FROM ") + originalTableName() + QLatin1String(" WHERE docid = ?1"));
    if (!statement) {
        return statement.error();
    }
    SqliteStatement &select = **statement;
    select.bind(1, rowId);
    auto row = select.step();
    const QString text = row.ok() && *row ? select.text(0) : QString();
    select.reset();
    if (!row) {
        return row.error();
    }
    return text;
}

} // namespace casedesk::storage
