// Keeps the full-text index (FTS4; SQLCipher has no FTS5) in step with the visible case state. The
// repositories call it inside their transactions; CaseSearch reads what it wrote.
#pragma once

#include "core/Result.h"

#include <QString>

namespace casedesk::storage {

class SqliteDatabase;

// The searchable text of one case, as the user sees it (confirmed state with pending commands on top).
struct SearchDocument {
    QString title;
    QString applicant;    // name, organisation, address
    QString aktenzeichen; // display form
    QString formValues;   // all form values as text (licence plates among them)
    QString notes;        // Vermerke
    QString documents;    // document names and extracted text
};

class SearchIndexer {
public:
    // DDL of the index tables, run by the cache schema migration that introduces them.
    static QString createSql();

    // Replaces the index entry of the case with row id `rowId` (case_view.rowid).
    static Result<void> update(SqliteDatabase &db, qint64 rowId, const SearchDocument &document);
    static Result<void> remove(SqliteDatabase &db, qint64 rowId);
};

} // namespace casedesk::storage
