// Full-text search over the cache (FTS4) with German normalisation and field-weighted ranking.
#pragma once

#include "core/Result.h"
#include "storage/InboxQuery.h"

namespace casedesk::storage {

class CacheDatabase;

struct SearchHit {
    InboxRow row;
    double score = 0;
    QString snippet; // HTML: escaped text with matches in <b>...</b>
};

class CaseSearch {
public:
    static constexpr int CandidateLimit = 3000; // ranking works on the most recent matches only

    explicit CaseSearch(CacheDatabase &db);

    // Any text is accepted: operators and quotes that do not form a valid query are searched as plain
    // words, never an SQL error. "König*" is a prefix search. Best hits first.
    Result<QList<SearchHit>> search(const QString &text, int limit);

    // The normalisation applied to indexed text and queries alike: lower case, ä/ae->a, ö/oe->o,
    // ü/ue->u, ß->ss, other diacritics removed.
    static QString normalize(QStringView text);

    // The FTS4 MATCH expression for user text: every word a quoted token (all must match), "word*" a prefix,
    // each token OR'ed with the joined forms it belongs to ("S-AB 1234" also finds "sab1234"). Empty when
    // the text holds nothing searchable.
    static QString matchExpression(const QString &text);

private:
    CacheDatabase &m_db;
};

} // namespace casedesk::storage
