#include "storage/CacheSchema.h"

#include "storage/SearchIndexer.h"
#include "storage/SqliteDatabase.h"

namespace casedesk::storage {

namespace {

// Version 1. The confirmed server state (*_confirmed, verbatim JSON) and the outbox of the user's commands
// are kept apart; case_view holds what the user sees (confirmed + pending commands replayed), with NOT NULL
// sort keys so that every inbox sort is an index range scan and keyset paging needs no NULL handling.
const char *const SchemaV1 = R"sql(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id           TEXT PRIMARY KEY,
    login        TEXT NOT NULL,
    display_name TEXT NOT NULL,
    name_key     TEXT NOT NULL,  -- German sort key of display_name
    active       INTEGER NOT NULL,
    json         TEXT NOT NULL
);
CREATE INDEX users_by_name ON users (name_key, id);

CREATE TABLE teams (
    id   TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX teams_by_code ON teams (code, id);

-- The server's state, verbatim; never holds a pending local value.
CREATE TABLE case_confirmed (
    id      TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    json    TEXT NOT NULL
);

CREATE TABLE note_confirmed (
    id         TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    json       TEXT NOT NULL
);
CREATE INDEX note_confirmed_by_case ON note_confirmed (case_id, created_at);

CREATE TABLE document_confirmed (
    id       TEXT PRIMARY KEY,
    case_id  TEXT NOT NULL,
    added_at TEXT NOT NULL,
    json     TEXT NOT NULL
);
CREATE INDEX document_confirmed_by_case ON document_confirmed (case_id, added_at);

-- Commands not yet confirmed by the server. seq is the clientSeq; rejected and conflicting commands stay
-- until the user resolves them (DESIGN.md, decision 3).
CREATE TABLE outbox (
    seq           INTEGER PRIMARY KEY,
    command_id    TEXT NOT NULL UNIQUE,
    case_id       TEXT NOT NULL,
    name          TEXT NOT NULL,
    actor_id      TEXT NOT NULL,  -- the user who made it (claim assigns to them on replay)
    json          TEXT NOT NULL,  -- the whole command
    state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected', 'conflict')),
    reason        TEXT NOT NULL DEFAULT '',
    server_values TEXT NOT NULL DEFAULT '{}',
    created_at    TEXT NOT NULL
);
CREATE INDEX outbox_by_case ON outbox (case_id, seq);

-- What the user sees. row_id is stable per case (the search index uses it as docid).
CREATE TABLE case_view (
    row_id           INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    team_id          TEXT NOT NULL,  -- '' when none
    assignee_id      TEXT NOT NULL,  -- '' when unassigned
    case_type        TEXT NOT NULL,
    closed           INTEGER NOT NULL,
    has_pending      INTEGER NOT NULL,
    priority         INTEGER NOT NULL,
    aktenzeichen     TEXT NOT NULL,  -- display form, provisional label for unsynced cases
    title            TEXT NOT NULL,
    applicant        TEXT NOT NULL,
    status_text      TEXT NOT NULL,
    assignee_name    TEXT NOT NULL,
    received         TEXT,
    deadline         TEXT,
    follow_up        TEXT,
    deadline_key     TEXT NOT NULL,
    received_key     TEXT NOT NULL,
    aktenzeichen_key TEXT NOT NULL,
    applicant_key    TEXT NOT NULL,
    status_key       TEXT NOT NULL,
    assignee_key     TEXT NOT NULL,
    -- The visible Case when pending commands change it (has_pending); NULL otherwise, the visible state being
    -- case_confirmed.json then (a bulk load writes each case's JSON once).
    json             TEXT,
    CHECK ((json IS NULL) = (has_pending = 0))
);
)sql";

Result<void> migrateToV1(SqliteDatabase &db)
{
    if (auto created = db.exec(QString::fromUtf8(SchemaV1)); !created)
        return created;
    for (const CaseViewIndex &index : caseViewIndexes()) {
        if (auto created = db.exec(index.sql); !created)
            return created;
    }
    return db.exec(SearchIndexer::createSql());
}

// Version 2: the search index keeps no copy of its text (SearchIndexer::externalContentSql).
Result<void> migrateToV2(SqliteDatabase &db)
{
    return db.exec(SearchIndexer::externalContentSql());
}

} // namespace

const QList<CaseViewIndex> &caseViewIndexes()
{
    // One index per built-in view and default sort (row_id is implicitly the last column of each).
    // Any other sort over many rows walks one of the sort indexes instead of sorting the whole table.
    static const QList<CaseViewIndex> indexes = [] {
        const QList<std::pair<const char *, const char *>> definitions = {
            {"case_view_mine", "assignee_id, closed, deadline_key"},
            {"case_view_team", "team_id, closed, deadline_key"},
            {"case_view_unassigned", "team_id, closed, assignee_id, received_key"},
            {"case_view_due", "closed, deadline_key"},
            {"case_view_received", "received_key"},
            {"case_view_deadline", "deadline_key"},
            {"case_view_aktenzeichen", "aktenzeichen_key"},
            {"case_view_applicant", "applicant_key"},
            {"case_view_status", "status_key"},
            {"case_view_assignee", "assignee_key"},
        };
        QList<CaseViewIndex> list;
        for (const auto &[name, columns] : definitions) {
            list.append({QLatin1String(name), QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON case_view (%2)")
                                                  .arg(QLatin1String(name), QLatin1String(columns))});
        }
        return list;
    }();
    return indexes;
}

Result<bool> caseViewIndexesPresent(SqliteDatabase &db)
{
    QStringList names;
    for (const CaseViewIndex &index : caseViewIndexes())
        names.append(u'\'' + index.name + u'\'');
    auto present =
        db.queryInt64(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN (%1)")
                          .arg(names.join(u',')));
    if (!present)
        return present.error();
    return *present == caseViewIndexes().size();
}

Result<bool> ensureCaseViewIndexes(SqliteDatabase &db)
{
    auto present = caseViewIndexesPresent(db);
    if (!present || *present)
        return present ? Result<bool>(false) : present;
    for (const CaseViewIndex &index : caseViewIndexes()) {
        if (auto created = db.exec(index.sql); !created)
            return created.error();
    }
    return true;
}

const QList<Migration> &cacheMigrations()
{
    static const QList<Migration> migrations{
        {1, QStringLiteral("confirmed state, outbox, visible cases, search index, reference data"), migrateToV1},
        {2, QStringLiteral("search index without a copy of its text"), migrateToV2},
    };
    return migrations;
}

} // namespace casedesk::storage
