#include "storage/CaseSearch.h"

#include "storage/CacheDatabase.h"
#include "storage/InboxRepository.h"
#include "storage/SearchIndexer.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

namespace casedesk::storage {

namespace {

// Bounds that keep any input cheap: a query longer than this says nothing more.
constexpr qsizetype MaxQueryLength = 1000;
constexpr int MaxQueryTokens = 16;
// "a*" would merge the doclists of every term starting with a: a shorter prefix is searched as a word.
constexpr int MinPrefixLength = 2;
constexpr int SnippetWords = 12;
constexpr int SnippetWordsBefore = 4;

// Field weights in SearchDocument's order: the file number and the applicant identify a case, the title
// describes it, form values, notes and document text only mention things.
constexpr std::array<double, SearchIndexer::ColumnCount> FieldWeights = {4.0, 8.0, 8.0, 3.0, 2.0, 1.0};

struct QueryTerm {
    QString text;
    bool prefix = false;
    bool operator==(const QueryTerm &) const = default;
};

// One per query token: the token itself or any joined form it is part of; every group must match.
using QueryGroup = QList<QueryTerm>;

bool termMatches(const QueryTerm &term, const QString &token)
{
    return term.prefix ? token.startsWith(term.text) : token == term.text;
}

// Query tokens joined by something other than a space ("32.10-000123", "AB1234") belong together.
bool tightlyJoined(const QString &text, const QList<SearchToken> &tokens, int i)
{
    return tokens[i].joinsPrevious && (tokens[i].begin == tokens[i - 1].begin || text.at(tokens[i].begin - 1) != u' ');
}

// Every query token becomes a group: the token itself OR any joined form it is part of, so "S-AB 1234" also
// finds "SAB1234". ORs cannot use FTS4's cheap evaluation of AND, and the parts of a code are often in every
// case ("32", "2026" of an Aktenzeichen; "s" of a Stuttgart plate), so two cuts keep such queries fast:
// - a tightly joined code with digits ("32.10-000123/2026", "AB1234") is searched as its joined form only;
//   the index holds the joined forms of every such code, however it was written;
// - a one- or two-letter token that is part of a joined form ("S", "AB" of a plate) is not searched alone.
QList<QueryGroup> parseQuery(const QString &text)
{
    const QString bounded = text.left(MaxQueryLength);
    QList<SearchToken> tokens = SearchIndexer::tokenize(bounded);
    if (tokens.size() > MaxQueryTokens) {
        tokens.resize(MaxQueryTokens);
    }
    QList<bool> prefix(tokens.size(), false);
    for (int i = 0; i < tokens.size(); ++i) {
        const bool lastOfWord = i + 1 == tokens.size() || tokens[i + 1].begin != tokens[i].begin;
        prefix[i] = lastOfWord && tokens[i].end < bounded.size() && bounded.at(tokens[i].end) == u'*' &&
                    tokens[i].text.size() >= MinPrefixLength;
    }
    const QList<JoinedToken> joined = SearchIndexer::joinedTokens(tokens);
    const auto joinedForm = [&](int first, int last) -> const JoinedToken * {
        const auto it = std::find_if(joined.begin(), joined.end(),
                                     [&](const JoinedToken &join) { return join.first == first && join.last == last; });
        return it == joined.end() ? nullptr : &*it;
    };

    QList<QueryGroup> groups;
    for (int first = 0; first < tokens.size();) {
        int last = first;
        while (last + 1 < tokens.size() && tightlyJoined(bounded, tokens, last + 1)) {
            ++last;
        }
        if (const JoinedToken *code = last > first ? joinedForm(first, last) : nullptr) {
            groups.append(QueryGroup{QueryTerm{code->text, prefix[last]}});
            first = last + 1;
            continue;
        }
        for (int i = first; i <= last; ++i) {
            QueryGroup group;
            const QString &token = tokens[i].text;
            for (const JoinedToken &join : joined) {
                const QueryTerm term{join.text, prefix[join.last]};
                if (join.first <= i && i <= join.last && !group.contains(term)) {
                    group.append(term);
                }
            }
            if (group.isEmpty() || SearchIndexer::isDigits(token) || token.size() > 2) {
                group.prepend(QueryTerm{token, prefix[i]});
            }
            groups.append(group);
        }
        first = last + 1;
    }
    return groups;
}

// Tokens hold only letters or digits, so quoting them cannot produce an operator or a syntax error.
QString renderMatch(const QList<QueryGroup> &groups)
{
    QStringList parts;
    for (const QueryGroup &group : groups) {
        QStringList alternatives;
        for (const QueryTerm &term : group) {
            alternatives.append(u'"' + term.text + (term.prefix ? QLatin1String("*\"") : QLatin1String("\"")));
        }
        // FTS4's standard syntax: OR binds tighter than the implicit AND between groups.
        parts.append(alternatives.join(QLatin1String(" OR ")));
    }
    return parts.join(u' ');
}

struct Candidate {
    qint64 rowId = 0;
    double score = 0;
    std::array<double, SearchIndexer::ColumnCount> fieldScores{};
};

// Scores one row from matchinfo 'pcy' (phrase count, column count, hits per phrase and column in this row).
// Phrases come in the order of renderMatch: group by group, alternative by alternative.
Candidate scoreRow(qint64 rowId, const QByteArray &matchinfo, const QList<QueryGroup> &groups)
{
    Candidate candidate{rowId, 0, {}};
    const auto count = matchinfo.size() / qsizetype(sizeof(quint32));
    QList<quint32> values(count);
    std::memcpy(values.data(), matchinfo.constData(), size_t(count) * sizeof(quint32));
    if (count < 2) {
        return candidate;
    }
    const qsizetype columns = values[1];
    qsizetype phrase = 0;
    for (const QueryGroup &group : groups) {
        for (int column = 0; column < SearchIndexer::ColumnCount; ++column) {
            quint32 hits = 0;
            for (qsizetype alternative = 0; alternative < group.size(); ++alternative) {
                const qsizetype index = 2 + (phrase + alternative) * columns + column;
                hits = std::max(hits, index < count ? values[index] : 0u);
            }
            if (hits > 0) {
                // Being in a field counts most; repeats add a little, capped so long document text cannot win.
                candidate.fieldScores[column] += FieldWeights[column] * (1.0 + 0.1 * std::min(hits - 1, 5u));
            }
        }
        phrase += group.size();
    }
    for (double fieldScore : candidate.fieldScores) {
        candidate.score += fieldScore;
    }
    return candidate;
}

// Tokens read at first for a snippet: the match is mostly near the start, and a document's text runs to
// thousands of words (reading all of them took half of a search's time). A round without the match reads
// four times as many.
constexpr qsizetype SnippetTokensFirst = 64;

// The snippet of highlight() from the first tokens of `original` (all of them when `whole`); nothing when
// these cannot tell it yet. A word is settled once no joined form can reach past the tokens read.
std::optional<QString> snippetFrom(const QString &original, const QList<SearchToken> &tokens, bool whole,
                                   const QList<QueryTerm> &terms)
{
    QList<bool> matched(tokens.size(), false);
    for (int i = 0; i < tokens.size(); ++i) {
        const QString stripped = SearchIndexer::withoutLeadingZeros(tokens[i].text);
        matched[i] = std::any_of(terms.begin(), terms.end(), [&](const QueryTerm &term) {
            return termMatches(term, tokens[i].text) || (!stripped.isEmpty() && termMatches(term, stripped));
        });
    }
    for (const JoinedToken &join : SearchIndexer::joinedTokens(tokens)) {
        if (std::any_of(terms.begin(), terms.end(),
                        [&](const QueryTerm &term) { return termMatches(term, join.text); })) {
            std::fill(matched.begin() + join.first, matched.begin() + join.last + 1, true);
        }
    }
    // Words of the original text (tokens of one word share its range), and whether any of their tokens matched.
    struct Word {
        qsizetype begin, end;
        bool matched;
    };
    QList<Word> words;
    const qsizetype settledTokens = whole ? tokens.size() : tokens.size() - (SearchIndexer::MaxJoinedTokens - 1);
    qsizetype settledWords = 0;
    for (int i = 0; i < tokens.size(); ++i) {
        if (!words.isEmpty() && words.last().begin == tokens[i].begin) {
            words.last().matched = words.last().matched || matched[i];
        } else {
            words.append(Word{tokens[i].begin, tokens[i].end, matched[i]});
        }
        if (i < settledTokens && (i + 1 == tokens.size() || tokens[i + 1].begin != tokens[i].begin))
            settledWords = words.size();
    }
    const auto settledEnd = words.begin() + settledWords;
    const auto first = std::find_if(words.begin(), settledEnd, [](const Word &word) { return word.matched; });
    if (first == settledEnd) {
        return whole ? std::optional<QString>(QString()) : std::nullopt;
    }
    const qsizetype wanted = qsizetype(first - words.begin()) + SnippetWords - SnippetWordsBefore;
    if (!whole && wanted > settledWords) {
        return std::nullopt;
    }
    const qsizetype stop = std::min(words.size(), wanted);
    const qsizetype start = std::max(qsizetype(0), stop - SnippetWords);
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    // Text before the first and after the last word (punctuation, "<" of a tag) belongs to the snippet when
    // it reaches the start or end of the field.
    QString html = start > 0 ? QStringLiteral("… ") : original.left(words[0].begin).trimmed().toHtmlEscaped();
    for (qsizetype w = start; w < stop; ++w) {
        if (w > start) {
            html += original.mid(words[w - 1].end, words[w].begin - words[w - 1].end)
                        .replace(whitespace, QStringLiteral(" "))
                        .toHtmlEscaped();
        }
        const QString word = original.mid(words[w].begin, words[w].end - words[w].begin).toHtmlEscaped();
        html += words[w].matched ? QLatin1String("<b>") + word + QLatin1String("</b>") : word;
    }
    html += stop < words.size() ? QStringLiteral(" …") : original.mid(words.last().end).trimmed().toHtmlEscaped();
    return html;
}

// An HTML snippet of about SnippetWords words around the first match in `original`, matches in <b>; empty
// when nothing in it matches.
QString highlight(const QString &original, const QList<QueryTerm> &terms)
{
    for (qsizetype budget = SnippetTokensFirst;; budget *= 4) {
        const QList<SearchToken> tokens = SearchIndexer::tokenize(original, budget);
        const bool whole = tokens.size() < budget; // a word that reached the budget may have been the last
        if (std::optional<QString> html = snippetFrom(original, tokens, whole, terms)) {
            return *html;
        }
    }
}

// The snippet from the best-scoring field that shows a match; the beginning of the title otherwise (a match
// the highlighter cannot place, which should not happen).
Result<QString> snippetFor(SqliteDatabase &db, const Candidate &candidate, const QList<QueryTerm> &terms)
{
    std::array<int, SearchIndexer::ColumnCount> order{};
    for (int i = 0; i < SearchIndexer::ColumnCount; ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return candidate.fieldScores[a] > candidate.fieldScores[b]; });
    for (int column : order) {
        if (candidate.fieldScores[column] <= 0) {
            break; // fields without a hit have nothing to highlight
        }
        auto original = SearchIndexer::originalText(db, candidate.rowId, column);
        if (!original) {
            return original.error();
        }
        if (QString html = highlight(*original, terms); !html.isEmpty()) {
            return html;
        }
    }
    auto title = SearchIndexer::originalText(db, candidate.rowId, 0);
    if (!title) {
        return title.error();
    }
    return title->simplified().section(u' ', 0, SnippetWords - 1).toHtmlEscaped();
}

// Lower case, ß as "ss", the compatibility decomposition (NFKD) and without the marks it splits off (ä -> a):
// the letters normalize() folds. A lone surrogate becomes U+FFFD, as toUcs4() reads it.
QString baseLetters(const QString &text)
{
    // ß has no decomposition: fold it before NFKD. Lower case first, so "ẞ" becomes "ß" too.
    const QString decomposed =
        text.toLower().replace(u'ß', QLatin1String("ss")).normalized(QString::NormalizationForm_KD);
    QString letters;
    letters.reserve(decomposed.size());
    for (qsizetype pos = 0; pos < decomposed.size(); ++pos) {
        const QChar c = decomposed.at(pos);
        char32_t code = c.unicode();
        if (c.isHighSurrogate() && pos + 1 < decomposed.size() && decomposed.at(pos + 1).isLowSurrogate()) {
            code = QChar::surrogateToUcs4(c, decomposed.at(pos + 1));
            ++pos;
        } else if (c.isSurrogate()) {
            code = QChar::ReplacementCharacter;
        }
        const auto category = QChar::category(code);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
            category == QChar::Mark_Enclosing)
            continue;
        letters.append(QString::fromUcs4(&code, 1));
    }
    return letters;
}

const std::array<QString, 256> &latin1BaseLetters()
{
    static const std::array<QString, 256> table = [] {
        std::array<QString, 256> letters;
        for (char16_t c = 0; c < 256; ++c)
            letters[c] = baseLetters(QString(QChar(c)));
        return letters;
    }();
    return table;
}

} // namespace

CaseSearch::CaseSearch(CacheDatabase &db) : m_db(db) {}

QString CaseSearch::normalize(QStringView text)
{
    QString folded;
    folded.reserve(text.size());
    bool afterVowel = false; // the last character kept was a, o or u, so an 'e' now completes ae, oe, ue
    // The transliterations ae, oe, ue -> a, o, u: "Mueller" and "Müller" both become "muller". Words that
    // merely contain these pairs fold too ("Feuer" -> "feur", "Michael" -> "michal"); queries fold the same
    // way, so this only adds the odd extra match, never loses one.
    const auto keep = [&](char32_t c) {
        if (c == U'e' && afterVowel) {
            afterVowel = false;
            return;
        }
        afterVowel = c == U'a' || c == U'o' || c == U'u';
        if (QChar::requiresSurrogates(c)) {
            folded.append(QChar(QChar::highSurrogate(c)));
            folded.append(QChar(QChar::lowSurrogate(c)));
        } else {
            folded.append(QChar(char16_t(c)));
        }
    };
    // Latin-1 text (nearly every German word) takes a table: base letters work character by character there
    // (no character of it combines with another), and the table holds what baseLetters() makes of each one.
    // Indexing runs this for every word.
    if (std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x100; })) {
        const std::array<QString, 256> &table = latin1BaseLetters();
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            if (u < 0x80) {
                keep(u >= u'A' && u <= u'Z' ? char32_t(u + (u'a' - u'A')) : char32_t(u));
                continue;
            }
            for (const QChar letter : table.at(u))
                keep(letter.unicode());
        }
        return folded;
    }
    const QString letters = baseLetters(text.toString());
    for (qsizetype pos = 0; pos < letters.size(); ++pos) {
        const QChar c = letters.at(pos);
        if (c.isHighSurrogate() && pos + 1 < letters.size() && letters.at(pos + 1).isLowSurrogate()) {
            keep(QChar::surrogateToUcs4(c, letters.at(pos + 1)));
            ++pos;
        } else {
            keep(c.unicode());
        }
    }
    return folded;
}

QString CaseSearch::matchExpression(const QString &text)
{
    return renderMatch(parseQuery(text));
}

Result<QList<SearchHit>> CaseSearch::search(const QString &text, int limit)
{
    const QList<QueryGroup> groups = parseQuery(text);
    if (groups.isEmpty() || limit <= 0) {
        return QList<SearchHit>{};
    }
    SqliteDatabase &db = m_db.sqlite();
    const auto failed = [&db] {
        return db.error(ErrorCode::Database,
                        QCoreApplication::translate("Storage", "The search failed. Try again; if this persists, "
                                                               "restart CaseDesk."));
    };

    // The candidate set: the most recent matches only. matchinfo costs time per row, so ranking every
    // match of a common word would take hundreds of milliseconds on a large cache.
    static const QString sql = QLatin1String("SELECT docid, matchinfo(") + SearchIndexer::tableName() +
                               QLatin1String(", 'pcy') FROM ") + SearchIndexer::tableName() + QLatin1String(" WHERE ") +
                               SearchIndexer::tableName() + QLatin1String(" MATCH ?1 ORDER BY docid DESC LIMIT ?2");
    auto prepared = db.prepare(sql);
    if (!prepared) {
        return prepared.error();
    }
    SqliteStatement &statement = **prepared;
    statement.bind(1, renderMatch(groups)).bind(2, CandidateLimit);
    QList<Candidate> candidates;
    while (true) {
        auto row = statement.step();
        if (!row) {
            Error error = failed(); // before reset(), which would clear SQLite's message
            statement.reset();
            return error;
        }
        if (!*row) {
            break;
        }
        candidates.append(scoreRow(statement.int64(0), statement.blob(1), groups));
    }
    statement.reset();

    // Stable: among equal scores the more recent case (larger docid) stays first.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) { return a.score > b.score; });
    if (candidates.size() > limit) {
        candidates.resize(limit);
    }
    QList<qint64> rowIds;
    for (const Candidate &candidate : candidates) {
        rowIds.append(candidate.rowId);
    }
    auto rows = InboxRepository(m_db).rowsByRowIds(rowIds);
    if (!rows) {
        return rows.error();
    }

    QList<QueryTerm> terms;
    for (const QueryGroup &group : groups) {
        terms.append(group);
    }
    QHash<qint64, const Candidate *> byRowId;
    for (const Candidate &candidate : candidates) {
        byRowId.insert(candidate.rowId, &candidate);
    }
    QList<SearchHit> hits;
    for (const InboxRow &row : *rows) {
        const Candidate *candidate = byRowId.value(row.key.rowId);
        if (!candidate) {
            continue;
        }
        auto snippet = snippetFor(db, *candidate, terms);
        if (!snippet) {
            return snippet.error();
        }
        hits.append(SearchHit{row, candidate->score, *snippet});
    }
    return hits;
}

} // namespace casedesk::storage
