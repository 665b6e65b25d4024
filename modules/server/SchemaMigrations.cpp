#include "server/SchemaMigrations.h"

#include "demo/BundledContent.h"
#include "server/ModelRepository.h"
#include "server/ServerLog.h"
#include "server/SqlError.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace casedesk::server {

namespace {

// pg_advisory_xact_lock key that serialises migrations across processes ("CDmg").
constexpr qint64 migrationLockKey = 0x43446d67;

QString sqlText(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

// The process models and forms bundled with CaseDesk as the first deployed version of their case types, unless
// an administrator deployed that case type before. A later change to a bundled file needs a migration (or a
// "process deploy") of its own: this one stays as released.
QStringList bundledDeployments()
{
    const Result<demo::BundledContent> &bundled = demo::BundledContent::instance();
    if (!bundled) // a broken build: the statement fails the migration with the reason
        return {QStringLiteral("SELECT casedesk_bundled_content_missing()")};
    QStringList statements;
    const QString by = sqlText(QStringLiteral("casedesk-server migrate"));
    for (const demo::CaseTypeContent &type : bundled->caseTypes()) {
        QFile file(QStringLiteral(":/processes/%1.bpmn").arg(type.caseType));
        const QByteArray bpmn = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        statements.append(QStringLiteral("INSERT INTO process_models (case_type, version, bpmn, sha256, deployed_by)"
                                         " SELECT %1, %2, %3, decode('%4', 'hex'), %5 WHERE NOT EXISTS"
                                         " (SELECT 1 FROM process_models WHERE case_type = %1)")
                              .arg(sqlText(type.caseType), QString::number(type.processVersion),
                                   sqlText(QString::fromUtf8(bpmn)), ModelRepository::sha256Hex(bpmn), by));
        const QByteArray form = ModelRepository::formContent(type.form);
        statements.append(QStringLiteral("INSERT INTO form_definitions (form_id, version, definition, sha256,"
                                         " deployed_by) VALUES (%1, %2, CAST(%3 AS jsonb), decode('%4', 'hex'), %5)"
                                         " ON CONFLICT DO NOTHING")
                              .arg(sqlText(type.form.id()), QString::number(type.form.version()),
                                   sqlText(QString::fromUtf8(form)), ModelRepository::sha256Hex(form), by));
    }
    return statements;
}

// Migrations are frozen once released: never edit one, add the next. Later migrations extend these tables for
// the sync protocol, access scopes, audit chain and intake (issue 5 and the sync issues).
QList<Migration> serverMigrations()
{
    return {
        {1,
         QStringLiteral("teams, users, sessions; cases, commands, changes, audit log"),
         {
             QStringLiteral("CREATE TABLE teams ("
                            " id uuid PRIMARY KEY,"
                            " code text NOT NULL UNIQUE," // organisational code, e.g. 32.1
                            " name text NOT NULL,"
                            " file_plan_code text NOT NULL," // of the team's Aktenzeichen, e.g. 32.10
                            " created_at timestamptz NOT NULL DEFAULT now())"),
             // Roles as core's JSON keys; a new role needs a migration that widens the check.
             QStringLiteral("CREATE TABLE users ("
                            " id uuid PRIMARY KEY,"
                            " login text NOT NULL UNIQUE,"
                            " display_name text NOT NULL,"
                            " roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ "
                            "   ARRAY['clerk', 'teamLead', 'mailroom', 'administrator', 'auditor']),"
                            " password_hash text NOT NULL," // Argon2id, libsodium's string form
                            " disabled boolean NOT NULL DEFAULT false,"
                            " created_at timestamptz NOT NULL DEFAULT now())"),
             QStringLiteral("CREATE TABLE user_teams ("
                            " user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,"
                            " team_id uuid NOT NULL REFERENCES teams,"
                            " PRIMARY KEY (user_id, team_id))"),
             QStringLiteral("CREATE INDEX user_teams_team ON user_teams (team_id)"),
             // One login of one client installation. Deleting it (user disabled, refresh token reused) ends it.
             QStringLiteral("CREATE TABLE sessions ("
                            " id uuid PRIMARY KEY,"
                            " user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,"
                            " client_id uuid NOT NULL,"
                            " created_at timestamptz NOT NULL DEFAULT now(),"
                            " expires_at timestamptz NOT NULL)"),
             QStringLiteral("CREATE INDEX sessions_user ON sessions (user_id)"),
             // Only the SHA-256 of a refresh token is stored. A rotated token keeps its row with replaced_at set,
             // so presenting it again is recognised as reuse.
             QStringLiteral("CREATE TABLE refresh_tokens ("
                            " token_hash bytea PRIMARY KEY,"
                            " session_id uuid NOT NULL REFERENCES sessions ON DELETE CASCADE,"
                            " issued_at timestamptz NOT NULL DEFAULT now(),"
                            " replaced_at timestamptz)"),
             QStringLiteral("CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id)"),
             // The authoritative cases: the columns the access scopes filter on, the rest as core's Case JSON.
             QStringLiteral("CREATE TABLE cases ("
                            " id uuid PRIMARY KEY,"
                            " aktenzeichen text UNIQUE,"
                            " case_type text NOT NULL,"
                            " team_id uuid NOT NULL REFERENCES teams,"
                            " assignee_id uuid REFERENCES users,"
                            " version bigint NOT NULL,"
                            " data jsonb NOT NULL,"
                            " created_at timestamptz NOT NULL DEFAULT now(),"
                            " updated_at timestamptz NOT NULL DEFAULT now())"),
             QStringLiteral("CREATE INDEX cases_team ON cases (team_id)"),
             QStringLiteral("CREATE INDEX cases_assignee ON cases (assignee_id)"),
             // The last clientSeq applied per client installation, written with each command's effects.
             QStringLiteral("CREATE TABLE client_sequences ("
                            " client_id uuid PRIMARY KEY,"
                            " user_id uuid NOT NULL REFERENCES users,"
                            " last_applied_seq bigint NOT NULL DEFAULT 0)"),
             // Every command received with its stored result, so a replay is answered, never applied twice.
             QStringLiteral("CREATE TABLE commands ("
                            " id uuid PRIMARY KEY,"
                            " client_id uuid NOT NULL,"
                            " client_seq bigint NOT NULL,"
                            " user_id uuid NOT NULL REFERENCES users,"
                            " case_id uuid NOT NULL,"
                            " name text NOT NULL,"
                            " args jsonb NOT NULL,"
                            " made_at timestamptz NOT NULL," // the client's clock: shown, never used for order
                            " processed_at timestamptz NOT NULL DEFAULT now(),"
                            " result text NOT NULL CHECK (result IN ('applied', 'rejected', 'conflict')),"
                            " result_detail jsonb NOT NULL DEFAULT '{}',"
                            " UNIQUE (client_id, client_seq))"),
             // The change feed that pull reads from a cursor.
             QStringLiteral("CREATE TABLE changes ("
                            " seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                            " case_id uuid NOT NULL REFERENCES cases,"
                            " case_version bigint NOT NULL,"
                            " command_id uuid REFERENCES commands,"
                            " committed_at timestamptz NOT NULL DEFAULT now())"),
             QStringLiteral("CREATE INDEX changes_case ON changes (case_id, seq)"),
             // Append-only audit log, hash-chained per case.
             QStringLiteral("CREATE TABLE audit_log ("
                            " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                            " case_id uuid NOT NULL,"
                            " command_id uuid,"
                            " actor_id uuid REFERENCES users,"
                            " at timestamptz NOT NULL DEFAULT now(),"
                            " payload_hash bytea NOT NULL,"
                            " previous_hash bytea," // row_hash of the case's previous row; null for its first
                            " row_hash bytea NOT NULL)"),
             QStringLiteral("CREATE INDEX audit_log_case ON audit_log (case_id, id)"),
         }},
        {2,
         QStringLiteral("access tokens, login throttling"),
         {
             // Only the SHA-256 of an access token is stored, so any server process accepts any token. Ending the
             // session (logout, user disabled, refresh token reused) ends its access tokens with it.
             QStringLiteral("CREATE TABLE access_tokens ("
                            " token_hash bytea PRIMARY KEY,"
                            " session_id uuid NOT NULL REFERENCES sessions ON DELETE CASCADE,"
                            " expires_at timestamptz NOT NULL)"),
             QStringLiteral("CREATE INDEX access_tokens_session ON access_tokens (session_id)"),
             QStringLiteral("CREATE INDEX sessions_expires ON sessions (expires_at)"),
             // Failed logins per account ("account:LOGIN") and per client address ("address:ADDR"), shared by all
             // server processes; a key is blocked until blocked_until once it has failed too often.
             QStringLiteral("CREATE TABLE login_throttle ("
                            " key text PRIMARY KEY,"
                            " failures integer NOT NULL,"
                            " last_failure_at timestamptz NOT NULL,"
                            " blocked_until timestamptz)"),
             QStringLiteral("CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_at)"),
         }},
        {3,
         QStringLiteral(
             "deputyships, consultations, notes, Aktenzeichen counters, commit-order guard of the change feed"),
         {
             // Who stands in for whom (setDeputy); a day range in Europe/Berlin, both ends inclusive, open when null.
             QStringLiteral("CREATE TABLE deputyships ("
                            " id uuid PRIMARY KEY,"
                            " absent_user_id uuid NOT NULL REFERENCES users,"
                            " deputy_id uuid NOT NULL REFERENCES users,"
                            " first_day date,"
                            " last_day date,"
                            " created_by uuid NOT NULL REFERENCES users,"
                            " created_at timestamptz NOT NULL DEFAULT now(),"
                            " CHECK (absent_user_id <> deputy_id),"
                            " CHECK (first_day IS NULL OR last_day IS NULL OR first_day <= last_day))"),
             QStringLiteral("CREATE INDEX deputyships_deputy ON deputyships (deputy_id)"),
             QStringLiteral("CREATE INDEX deputyships_absent ON deputyships (absent_user_id)"),
             // A case shared with another team (Beteiligung) until ended_at.
             QStringLiteral("CREATE TABLE consultations ("
                            " id uuid PRIMARY KEY,"
                            " case_id uuid NOT NULL REFERENCES cases,"
                            " team_id uuid NOT NULL REFERENCES teams,"
                            " requested_by uuid NOT NULL REFERENCES users,"
                            " requested_at timestamptz NOT NULL DEFAULT now(),"
                            " ended_at timestamptz)"),
             QStringLiteral("CREATE INDEX consultations_case ON consultations (case_id)"),
             QStringLiteral("CREATE INDEX consultations_open_team ON consultations (team_id) WHERE ended_at IS NULL"),
             // Notes (Vermerke) are kept beside the case, as core's Note JSON.
             QStringLiteral("CREATE TABLE notes ("
                            " id uuid PRIMARY KEY,"
                            " case_id uuid NOT NULL REFERENCES cases,"
                            " author_id uuid NOT NULL REFERENCES users,"
                            " data jsonb NOT NULL,"
                            " created_at timestamptz NOT NULL DEFAULT now())"),
             QStringLiteral("CREATE INDEX notes_case ON notes (case_id)"),
             // The running number of each file plan code and year, taken under the row's lock (no gaps from
             // rolled-back sequences, no duplicates across server processes).
             QStringLiteral("CREATE TABLE aktenzeichen_counters ("
                            " file_plan_code text NOT NULL,"
                            " year integer NOT NULL,"
                            " last_number integer NOT NULL,"
                            " PRIMARY KEY (file_plan_code, year))"),
             // The transaction that wrote a change: pull delivers a change only when every transaction that could
             // still commit a smaller seq has ended (xid below the snapshot's xmin), so none is skipped.
             QStringLiteral("ALTER TABLE changes ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id()"),
         }},
        {4,
         QStringLiteral("command processing: lookups by case and command, append-only audit log"),
         {
             // A missing case's rejected createCase (its later commands are rejected too), audit verify.
             QStringLiteral("CREATE INDEX commands_case ON commands (case_id)"),
             QStringLiteral("CREATE INDEX audit_log_command ON audit_log (command_id)"),
             // The audit log only grows: changing it needs a superuser who switches triggers off, and even then
             // `casedesk-server audit verify` finds the change.
             QStringLiteral("CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS"
                            " $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$"),
             QStringLiteral("CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log"
                            " FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"),
             QStringLiteral("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log"
                            " FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"),
         }},
        {5,
         QStringLiteral("commit order of the change feed, access facts of each change"),
         {
             // Pull reads the feed in (xid, seq) order below the snapshot's xmin (ChangeFeed); this index serves
             // the page, its end and the live channel's look for changes still held back.
             QStringLiteral("CREATE INDEX changes_commit_order ON changes (xid, seq)"),
             // The case's team and assignee as of each change, so pull can tell a caller that a case it could
             // read has left its scope (moved to another team, reassigned). Kept by triggers, so every writer of
             // changes gets them right whether it updates the case before or after inserting the change.
             QStringLiteral("ALTER TABLE changes ADD COLUMN team_id uuid, ADD COLUMN assignee_id uuid"),
             QStringLiteral("CREATE FUNCTION changes_access_facts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                            " SELECT team_id, assignee_id INTO NEW.team_id, NEW.assignee_id FROM cases"
                            " WHERE id = NEW.case_id; RETURN NEW; END $$"),
             QStringLiteral("CREATE TRIGGER changes_access_facts BEFORE INSERT ON changes"
                            " FOR EACH ROW EXECUTE FUNCTION changes_access_facts()"),
             QStringLiteral("CREATE FUNCTION cases_access_facts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                            " UPDATE changes SET team_id = NEW.team_id, assignee_id = NEW.assignee_id"
                            " WHERE case_id = NEW.id AND case_version = NEW.version; RETURN NULL; END $$"),
             // A change row inserted before its case's update gets the facts when the version arrives.
             QStringLiteral("CREATE TRIGGER cases_access_facts AFTER UPDATE OF team_id, assignee_id ON cases"
                            " FOR EACH ROW WHEN (OLD.version <> NEW.version AND (OLD.team_id IS DISTINCT FROM"
                            " NEW.team_id OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id))"
                            " EXECUTE FUNCTION cases_access_facts()"),
         }},
        {6,
         QStringLiteral("blobs (resumable uploads, verified content), documents of cases"),
         {
             // One user's upload of one content, resumable at `received`. Per user, so that a user who cannot
             // see a blob learns nothing about it (not even that someone else is uploading the same bytes).
             QStringLiteral("CREATE TABLE blob_uploads ("
                            " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                            " sha256 bytea NOT NULL CHECK (length(sha256) = 32),"
                            " uploaded_by uuid NOT NULL REFERENCES users,"
                            " size bigint NOT NULL CHECK (size >= 0),"
                            " received bigint NOT NULL DEFAULT 0 CHECK (received BETWEEN 0 AND size),"
                            " complete boolean NOT NULL DEFAULT false,"
                            " created_at timestamptz NOT NULL DEFAULT now(),"
                            " updated_at timestamptz NOT NULL DEFAULT now(),"
                            " UNIQUE (sha256, uploaded_by))"),
             // The bytes in pieces of at most 1 MiB (BlobStore::ChunkSize), keyed by their offset in the blob.
             QStringLiteral("CREATE TABLE blob_chunks ("
                            " upload_id bigint NOT NULL REFERENCES blob_uploads ON DELETE CASCADE,"
                            " \"offset\" bigint NOT NULL CHECK (\"offset\" >= 0),"
                            " data bytea NOT NULL,"
                            " PRIMARY KEY (upload_id, \"offset\"))"),
             // Uncompressed out-of-line storage: documents are mostly compressed already, and substring() of
             // a ranged download then reads only the pages it needs.
             QStringLiteral("ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL"),
             // Verified content: the first complete upload whose SHA-256 matched; its chunks hold the bytes.
             QStringLiteral("CREATE TABLE blobs ("
                            " sha256 bytea PRIMARY KEY CHECK (length(sha256) = 32),"
                            " size bigint NOT NULL CHECK (size >= 0),"
                            " upload_id bigint NOT NULL REFERENCES blob_uploads,"
                            " created_at timestamptz NOT NULL DEFAULT now())"),
             // Documents attached to cases (attachDocument); a blob is readable by whoever may read such a case.
             QStringLiteral("CREATE TABLE documents ("
                            " id uuid PRIMARY KEY,"
                            " case_id uuid NOT NULL REFERENCES cases,"
                            " sha256 bytea NOT NULL REFERENCES blobs,"
                            " size bigint NOT NULL CHECK (size >= 0),"
                            " name text NOT NULL,"
                            " kind text NOT NULL,"
                            " meta jsonb NOT NULL DEFAULT '{}',"
                            " added_by uuid NOT NULL REFERENCES users,"
                            " added_at timestamptz NOT NULL DEFAULT now())"),
             QStringLiteral("CREATE INDEX documents_case ON documents (case_id)"),
             QStringLiteral("CREATE INDEX documents_sha256 ON documents (sha256)"),
         }},
        {7,
         QStringLiteral("deployed process models and form definitions"),
         {
             // Versions are immutable: cases keep the version they started with (ModelRepository). The
             // SHA-256 of the content tells a repeated deployment (no-op) from a conflicting one (refused).
             QStringLiteral("CREATE TABLE process_models ("
                            " case_type text NOT NULL,"
                            " version integer NOT NULL CHECK (version > 0),"
                            " bpmn text NOT NULL,"
                            " sha256 bytea NOT NULL CHECK (length(sha256) = 32),"
                            " deployed_by text NOT NULL,"
                            " deployed_at timestamptz NOT NULL DEFAULT now(),"
                            " PRIMARY KEY (case_type, version))"),
             // A form's id is its case type's.
             QStringLiteral("CREATE TABLE form_definitions ("
                            " form_id text NOT NULL,"
                            " version integer NOT NULL CHECK (version > 0),"
                            " definition jsonb NOT NULL,"
                            " sha256 bytea NOT NULL CHECK (length(sha256) = 32),"
                            " deployed_by text NOT NULL,"
                            " deployed_at timestamptz NOT NULL DEFAULT now(),"
                            " PRIMARY KEY (form_id, version))"),
         }},
        {8,
         QStringLiteral("intake: portal credentials, submissions, routing of case types to teams"),
         {
             // A citizen portal's credential: only the SHA-256 of its secret (AuthToken) is stored.
             QStringLiteral("CREATE TABLE portal_credentials ("
                            " id uuid PRIMARY KEY,"
                            " name text NOT NULL UNIQUE,"
                            " secret_hash bytea NOT NULL UNIQUE CHECK (length(secret_hash) = 32),"
                            " disabled boolean NOT NULL DEFAULT false,"
                            " created_at timestamptz NOT NULL DEFAULT now())"),
             // The team whose unassigned queue receives a case type's intake (casedesk-server portal route).
             QStringLiteral("CREATE TABLE case_type_routes ("
                            " case_type text PRIMARY KEY,"
                            " team_id uuid NOT NULL REFERENCES teams,"
                            " updated_at timestamptz NOT NULL DEFAULT now())"),
             // One row per accepted submission: the same submission id twice gives the same case. `seq` is the
             // clientSeq of the intake's createCase command (the portal's id is its clientId).
             QStringLiteral("CREATE TABLE intake_submissions ("
                            " portal_id uuid NOT NULL REFERENCES portal_credentials,"
                            " submission_id text NOT NULL,"
                            " case_id uuid NOT NULL REFERENCES cases,"
                            " seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,"
                            " received_at timestamptz NOT NULL DEFAULT now(),"
                            " PRIMARY KEY (portal_id, submission_id))"),
             // Commands, uploads and documents of a portal have no user: exactly one of the two actors is set.
             QStringLiteral("ALTER TABLE commands ALTER COLUMN user_id DROP NOT NULL,"
                            " ADD COLUMN portal_id uuid REFERENCES portal_credentials,"
                            " ADD CONSTRAINT commands_one_actor CHECK ((user_id IS NULL) <> (portal_id IS NULL))"),
             QStringLiteral("ALTER TABLE blob_uploads ALTER COLUMN uploaded_by DROP NOT NULL,"
                            " ADD COLUMN uploaded_by_portal uuid REFERENCES portal_credentials,"
                            " ADD CONSTRAINT blob_uploads_one_actor"
                            " CHECK ((uploaded_by IS NULL) <> (uploaded_by_portal IS NULL))"),
             QStringLiteral(
                 "ALTER TABLE documents ALTER COLUMN added_by DROP NOT NULL,"
                 " ADD COLUMN added_by_portal uuid REFERENCES portal_credentials,"
                 " ADD CONSTRAINT documents_one_actor CHECK ((added_by IS NULL) <> (added_by_portal IS NULL))"),
         }},
        {9,
         QStringLiteral("the next due workflow timer of each case"),
         {
             // The earliest due time of the case's workflow timers (TimerService finds due cases by its index).
             // Kept by a trigger from the stored workflow state, so every writer of cases keeps it right.
             QStringLiteral("ALTER TABLE cases ADD COLUMN next_timer_at timestamptz"),
             QStringLiteral("CREATE FUNCTION cases_next_timer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                            " NEW.next_timer_at := (SELECT min(CAST(t->>'due' AS timestamptz)) FROM"
                            " jsonb_array_elements(coalesce(NEW.data->'workflowState'->'timers', '[]')) t);"
                            " RETURN NEW; END $$"),
             QStringLiteral("CREATE TRIGGER cases_next_timer BEFORE INSERT OR UPDATE OF data ON cases"
                            " FOR EACH ROW EXECUTE FUNCTION cases_next_timer()"),
             QStringLiteral("UPDATE cases SET data = data"),
             QStringLiteral("CREATE INDEX cases_next_timer ON cases (next_timer_at) WHERE next_timer_at IS NOT NULL"),
         }},
        {10,
         QStringLiteral("global checkpoints of the audit log"),
         {
             // Each checkpoint seals the audit rows up to last_audit_id, chained to the one before it
             // (AuditCheckpoint has the hash). Append-only like the audit log.
             QStringLiteral("CREATE TABLE audit_checkpoints ("
                            " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                            " at timestamptz NOT NULL,"
                            " last_audit_id bigint NOT NULL CHECK (last_audit_id >= 0),"
                            " row_count bigint NOT NULL CHECK (row_count >= 0),"
                            " previous_hash bytea CHECK (length(previous_hash) = 32)," // null for the first
                            " checkpoint_hash bytea NOT NULL CHECK (length(checkpoint_hash) = 32))"),
             // Whether the current interval has its checkpoint already.
             QStringLiteral("CREATE INDEX audit_checkpoints_at ON audit_checkpoints (at)"),
             QStringLiteral("CREATE FUNCTION audit_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS"
                            " $$ BEGIN RAISE EXCEPTION 'the audit checkpoints are append-only'; END $$"),
             QStringLiteral("CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints"
                            " FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_append_only()"),
             QStringLiteral("CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints"
                            " FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_append_only()"),
         }},
        {11,
         QStringLiteral("the mailroom's case lookup by applicant"),
         {
             // CaseLookupApi: an applicant's family name, case-insensitive (Aktenzeichen has its unique index).
             QStringLiteral("CREATE INDEX cases_applicant_family_name ON cases"
                            " (lower(data->'applicant'->>'familyName'))"),
         }},
        {12,
         QStringLiteral("the command that ended a consultation"),
         {
             // The live channel wakes the consulted team with the change that ended its consultation.
             QStringLiteral("ALTER TABLE consultations ADD COLUMN ended_by_command uuid"),
         }},
        {13,
         QStringLiteral("the consulting teams in each case's data"),
         {
             // Offline clients check who may read a case from its data (core's Case::consultingTeamIds).
             QStringLiteral("UPDATE cases c SET data = jsonb_set(c.data, '{consultingTeams}', k.teams)"
                            " FROM (SELECT case_id, jsonb_agg(team_id::text ORDER BY requested_at, id) AS teams"
                            " FROM consultations WHERE ended_at IS NULL GROUP BY case_id) k WHERE c.id = k.case_id"),
         }},
        {14, QStringLiteral("the case types bundled with CaseDesk as deployed versions"), bundledDeployments()},
        {15,
         QStringLiteral("the per-row triggers of cases and changes only where they have work"),
         {
             // Command processing names the team and assignee of its change rows itself (CaseStore::storeCommand);
             // the look-up stays for writers that do not.
             QStringLiteral("DROP TRIGGER changes_access_facts ON changes"),
             QStringLiteral("CREATE TRIGGER changes_access_facts BEFORE INSERT ON changes FOR EACH ROW"
                            " WHEN (NEW.team_id IS NULL) EXECUTE FUNCTION changes_access_facts()"),
             // Most commands leave the workflow state, and with it the timers, as they are.
             QStringLiteral("DROP TRIGGER cases_next_timer ON cases"),
             QStringLiteral("CREATE TRIGGER cases_next_timer BEFORE INSERT ON cases FOR EACH ROW"
                            " EXECUTE FUNCTION cases_next_timer()"),
             QStringLiteral("CREATE TRIGGER cases_next_timer_update BEFORE UPDATE OF data ON cases FOR EACH ROW"
                            " WHEN (OLD.data->'workflowState' IS DISTINCT FROM NEW.data->'workflowState')"
                            " EXECUTE FUNCTION cases_next_timer()"),
         }},
    };
}

Error newerSchemaError(int current, int latest)
{
    return makeError(ErrorCode::NewerSchema,
                     QCoreApplication::translate("Server", "The database has schema version %1, but this server "
                                                           "knows only up to version %2. Update casedesk-server.")
                         .arg(current)
                         .arg(latest));
}

} // namespace

SchemaMigrations::SchemaMigrations() : SchemaMigrations(serverMigrations()) {}

SchemaMigrations::SchemaMigrations(QList<Migration> migrations) : m_migrations(std::move(migrations))
{
    Q_ASSERT(std::is_sorted(m_migrations.cbegin(), m_migrations.cend(),
                            [](const Migration &a, const Migration &b) { return a.version < b.version; }));
}

int SchemaMigrations::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
}

Result<int> SchemaMigrations::currentVersion(QSqlDatabase db) const
{
    QSqlQuery query(db);
    // to_regclass: no error (and no aborted transaction) when the table does not exist yet.
    if (!query.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")) || !query.next())
        return databaseError(query.lastError());
    if (!query.value(0).toBool())
        return 0;
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version")) || !query.next())
        return databaseError(query.lastError());
    return query.value(0).toInt();
}

Result<int> SchemaMigrations::migrate(QSqlDatabase db) const
{
    const Result<int> current = currentVersion(db);
    if (!current)
        return current.error();
    if (current.value() > latestVersion())
        return newerSchemaError(current.value(), latestVersion());
    int applied = 0;
    for (const Migration &migration : m_migrations) {
        if (migration.version <= current.value())
            continue;
        bool didApply = false;
        if (Result<void> result = apply(db, migration, &didApply); !result)
            return result.error();
        applied += didApply ? 1 : 0;
    }
    return applied;
}

Result<void> SchemaMigrations::apply(QSqlDatabase db, const Migration &migration, bool *applied) const
{
    if (!db.transaction())
        return databaseError(db.lastError());
    QSqlQuery query(db);
    const auto fail = [&](const QSqlError &error) -> Result<void> {
        db.rollback();
        return databaseError(error);
    };
    if (!query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(migrationLockKey)))
        return fail(query.lastError());
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                   " version integer PRIMARY KEY,"
                                   " description text NOT NULL,"
                                   " applied_at timestamptz NOT NULL DEFAULT now())")))
        return fail(query.lastError());
    // Another process may have migrated while this one waited for the lock.
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version")) || !query.next())
        return fail(query.lastError());
    const int current = query.value(0).toInt();
    if (current > latestVersion()) {
        db.rollback();
        return newerSchemaError(current, latestVersion());
    }
    if (current >= migration.version) {
        db.rollback();
        *applied = false;
        return {};
    }
    for (const QString &statement : migration.statements) {
        if (!query.exec(statement)) {
            const QSqlError error = query.lastError();
            db.rollback();
            qCWarning(lcServer) << "migration" << migration.version << "failed:" << error.text();
            return makeError(
                ErrorCode::Database,
                QCoreApplication::translate("Server", "Schema migration %1 (%2) failed; the database "
                                                      "stays at version %3. The server log has the "
                                                      "details.")
                    .arg(QString::number(migration.version), migration.description, QString::number(current)),
                error.text());
        }
    }
    query.prepare(QStringLiteral("INSERT INTO schema_version (version, description) VALUES (:version, :description)"));
    query.bindValue(QStringLiteral(":version"), migration.version);
    query.bindValue(QStringLiteral(":description"), migration.description);
    if (!query.exec())
        return fail(query.lastError());
    if (!db.commit())
        return fail(db.lastError());
    qCInfo(lcServer) << "applied schema migration" << migration.version << migration.description;
    *applied = true;
    return {};
}

Result<void> SchemaMigrations::checkCurrent(QSqlDatabase db) const
{
    const Result<int> current = currentVersion(db);
    if (!current)
        return current.error();
    if (current.value() > latestVersion())
        return newerSchemaError(current.value(), latestVersion());
    if (current.value() < latestVersion())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Server", "The database has schema version %1; this server "
                                                               "needs version %2. Run \"casedesk-server migrate\" "
                                                               "first.")
                             .arg(current.value())
                             .arg(latestVersion()));
    return {};
}

} // namespace casedesk::server
