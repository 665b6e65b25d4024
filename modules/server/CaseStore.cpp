#include "server/CaseStore.h"

#include "core/Uuid.h"
#include "server/AuditLog.h"
#include "server/ServerDatabase.h"
#include "server/SqlError.h"

#include <QJsonDocument>
#include <QVariant>

namespace casedesk::server {

namespace {

// PostgreSQL's SQLSTATEs for "run the transaction again": serialization_failure, deadlock_detected, and a unique
// violation, which means a concurrent transaction wrote the same id first (two pushes creating one case or
// note): run again, the command sees that row and is answered accordingly.
bool isRetryable(const QSqlError &error)
{
    return error.nativeErrorCode() == QLatin1String("40001") || error.nativeErrorCode() == QLatin1String("40P01") ||
           isUniqueViolation(error);
}

// A null id as SQL NULL (NULLIF(:x, '')::uuid in the statements).
QString idText(const QUuid &id)
{
    return uuidToString(id);
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QVariant dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

// A locked case from its row's columns 1 (data as text, null for none) and 2 (version). The data carries the open
// consultations too (Case::consultingTeamIds, kept with the consultations rows in the same transactions), so the
// lock's one statement gives everything the permission policy needs.
Result<std::optional<Case>> caseOfRow(const QUuid &caseId, const QSqlQuery &row)
{
    if (row.isNull(1))
        return std::optional<Case>();
    Result<Case> theCase = Case::fromJson(jsonObject(row.value(1)));
    if (!theCase)
        return makeError(ErrorCode::Corrupt, theCase.error().message,
                         QStringLiteral("case %1: %2").arg(idText(caseId), theCase.error().toString()));
    std::optional<Case> locked(std::move(theCase).value());
    locked->version = row.value(2).toLongLong(); // the column is the authority
    return locked;
}

// A case's row as the case is now: placeholders :assignee, :version, :data, :at and :case (its id).
QString updateCaseSql()
{
    return QStringLiteral("UPDATE cases SET assignee_id = CAST(NULLIF(:assignee, '') AS uuid), version = :version,"
                          " data = CAST(:data AS jsonb), updated_at = CAST(:at AS timestamptz)"
                          " WHERE id = CAST(:case AS uuid)");
}

// The WITH items that number and insert a new case (placeholders :year, :team, :case, :type, :assignee, :version,
// :data, :at); `inserted` yields its Aktenzeichen. The counter row stays locked to the end of the transaction, so
// numbers have no gaps and no duplicates across server processes; taking it in the transaction's last statement
// keeps concurrent openings of the team from waiting long. Formatted as Aktenzeichen::toString() does
// (tst_casestore compares them); past the six digits of the format, no case is inserted.
QString numberedCaseSql()
{
    return QStringLiteral(
        "numbered AS (INSERT INTO aktenzeichen_counters (file_plan_code, year, last_number)"
        " SELECT file_plan_code, :year, 1 FROM teams WHERE id = CAST(:team AS uuid)"
        " ON CONFLICT (file_plan_code, year) DO UPDATE SET last_number = aktenzeichen_counters.last_number + 1"
        " RETURNING file_plan_code || '-' || lpad(last_number::text, 6, '0') || '/' || year AS aktenzeichen,"
        " last_number), inserted AS (INSERT INTO cases (id, aktenzeichen, case_type, team_id, assignee_id, version,"
        " data, created_at, updated_at) SELECT CAST(:case AS uuid), n.aktenzeichen, :type, CAST(:team AS uuid),"
        " CAST(NULLIF(:assignee, '') AS uuid), :version, jsonb_set(CAST(:data AS jsonb), '{aktenzeichen}',"
        " to_jsonb(n.aktenzeichen)), CAST(:at AS timestamptz), CAST(:at AS timestamptz) FROM numbered n"
        " WHERE n.last_number <= 999999 RETURNING aktenzeichen)");
}

QList<std::pair<QString, QVariant>> numberedCaseValues(const Case &theCase, int year)
{
    return {{QStringLiteral(":year"), year},
            {QStringLiteral(":team"), idText(theCase.teamId)},
            {QStringLiteral(":case"), idText(theCase.id)},
            {QStringLiteral(":type"), theCase.caseType},
            {QStringLiteral(":assignee"), idText(theCase.assigneeId)},
            {QStringLiteral(":version"), theCase.version},
            {QStringLiteral(":data"), jsonText(theCase.toJson())},
            {QStringLiteral(":at"), theCase.updatedAt.toUTC().toString(Qt::ISODateWithMs)}};
}

Error numbersUsedUp(const Case &theCase, int year)
{
    return makeError(
        ErrorCode::Database, QStringLiteral("no Aktenzeichen left for the case's team"),
        QStringLiteral("team %1 has no number left in %2, or does not exist").arg(idText(theCase.teamId)).arg(year));
}

} // namespace

CaseStore::CaseStore(QSqlDatabase db) : m_db(std::move(db)) {}

Error CaseStore::sqlError(const QSqlError &error)
{
    if (isRetryable(error))
        return makeError(ErrorCode::Conflict, QStringLiteral("transaction must be retried"), error.text());
    return databaseError(error);
}

Result<QSqlQuery *> CaseStore::run(const QSqlDatabase &db, const QString &sql,
                                   const QList<std::pair<QString, QVariant>> &values)
{
    const Result<QSqlQuery *> prepared = ServerDatabase::preparedQuery(db, sql);
    if (!prepared)
        return prepared;
    QSqlQuery *query = prepared.value();
    for (const auto &[placeholder, value] : values)
        query->bindValue(placeholder, value);
    if (!query->exec())
        return sqlError(query->lastError());
    return query;
}

Result<CaseStore::SequenceAndCase> CaseStore::advanceSequenceLockingCase(const QUuid &clientId, const QUuid &userId,
                                                                         qint64 clientSeq, const QUuid &caseId)
{
    // The case is locked in a subquery of its own after the update, and only when the sequence advanced.
    Result<QSqlQuery *> query =
        run(m_db,
            QStringLiteral("WITH advanced AS (UPDATE client_sequences SET last_applied_seq = CAST(:seq AS bigint)"
                           " WHERE client_id = CAST(:client AS uuid) AND user_id = CAST(:user AS uuid)"
                           " AND last_applied_seq = CAST(:seq AS bigint) - 1 RETURNING 1)"
                           " SELECT a.n, c.data::text, c.version FROM (SELECT count(*) AS n FROM advanced) a"
                           " LEFT JOIN LATERAL (SELECT data, version FROM cases WHERE id = CAST(:case AS uuid)"
                           " AND a.n = 1 FOR UPDATE) c ON true"),
            {{QStringLiteral(":seq"), clientSeq},
             {QStringLiteral(":client"), idText(clientId)},
             {QStringLiteral(":user"), idText(userId)},
             {QStringLiteral(":case"), idText(caseId)}});
    if (!query)
        return query.error();
    if (!(*query)->next())
        return makeError(ErrorCode::Database, QStringLiteral("the sequence's row count was not returned"));
    SequenceAndCase found;
    found.advanced = (*query)->value(0).toInt() == 1;
    if (found.advanced)
        found.locked = caseOfRow(caseId, **query);
    return found;
}

Result<ClientSequence> CaseStore::lockClientSequence(const QUuid &clientId, const QUuid &userId)
{
    if (const Result<QSqlQuery *> inserted =
            run(m_db,
                QStringLiteral("INSERT INTO client_sequences (client_id, user_id) VALUES (CAST(:client AS uuid),"
                               " CAST(:user AS uuid)) ON CONFLICT (client_id) DO NOTHING"),
                {{QStringLiteral(":client"), idText(clientId)}, {QStringLiteral(":user"), idText(userId)}});
        !inserted)
        return inserted.error();
    Result<QSqlQuery *> query = run(m_db,
                                    QStringLiteral("SELECT user_id::text, last_applied_seq FROM client_sequences"
                                                   " WHERE client_id = CAST(:client AS uuid) FOR UPDATE"),
                                    {{QStringLiteral(":client"), idText(clientId)}});
    if (!query)
        return query.error();
    if (!(*query)->next())
        return makeError(ErrorCode::Database, QStringLiteral("client sequence row vanished"));
    return ClientSequence{uuidFromString((*query)->value(0).toString()), (*query)->value(1).toLongLong()};
}

Result<void> CaseStore::setLastApplied(const QUuid &clientId, qint64 clientSeq)
{
    if (const Result<QSqlQuery *> query =
            run(m_db,
                QStringLiteral("UPDATE client_sequences SET last_applied_seq = :seq"
                               " WHERE client_id = CAST(:client AS uuid)"),
                {{QStringLiteral(":seq"), clientSeq}, {QStringLiteral(":client"), idText(clientId)}});
        !query)
        return query.error();
    return {};
}

Result<std::optional<CommandResult>> CaseStore::storedResult(const QUuid &clientId, qint64 clientSeq)
{
    Result<QSqlQuery *> query =
        run(m_db,
            QStringLiteral("SELECT id::text, result, result_detail::text FROM commands"
                           " WHERE client_id = CAST(:client AS uuid) AND client_seq = :seq"),
            {{QStringLiteral(":client"), idText(clientId)}, {QStringLiteral(":seq"), clientSeq}});
    if (!query)
        return query.error();
    if (!(*query)->next())
        return std::optional<CommandResult>();
    return std::optional<CommandResult>(CommandResult::fromStored(uuidFromString((*query)->value(0).toString()),
                                                                  clientSeq, (*query)->value(1).toString(),
                                                                  jsonObject((*query)->value(2))));
}

Result<bool> CaseStore::storeCommand(const Command &command, const QString &name, const QUuid &userId,
                                     const CommandResult &result, std::optional<ChangedCase> changed)
{
    return insertCommand(command, name, userId, QUuid(), result, changed);
}

Result<void> CaseStore::storePortalCommand(const Command &command, const QUuid &portalId, const CommandResult &result)
{
    const Result<bool> inserted =
        insertCommand(command, commandNameToString(command.name), QUuid(), portalId, result, std::nullopt);
    if (!inserted)
        return inserted.error();
    // Intake makes its command ids itself: a taken one is a racing duplicate, run again.
    if (!inserted.value())
        return makeError(ErrorCode::Conflict, QStringLiteral("transaction must be retried"),
                         QStringLiteral("command id %1 exists already").arg(idText(command.id)));
    return {};
}

Result<bool> CaseStore::insertCommand(const Command &command, const QString &name, const QUuid &userId,
                                      const QUuid &portalId, const CommandResult &result,
                                      std::optional<ChangedCase> changed)
{
    // ON CONFLICT instead of a look-up first: a taken id costs nothing extra, and a concurrent insert of the
    // same id is waited for and then seen.
    static const QString insert = QStringLiteral(
        "INSERT INTO commands (id, client_id, client_seq, user_id, portal_id, case_id, name, args, made_at, result,"
        " result_detail) VALUES (CAST(:id AS uuid), CAST(:client AS uuid), :seq, CAST(NULLIF(:user, '') AS uuid),"
        " CAST(NULLIF(:portal, '') AS uuid), CAST(:case AS uuid), :name, CAST(:args AS jsonb),"
        " CAST(:madeAt AS timestamptz), :result, CAST(:detail AS jsonb)) ON CONFLICT (id) DO NOTHING");
    // With the case's row, the change row and the audit row in the same statement: four round trips less per
    // applied command. The change follows only a command row that was inserted; the count of those tells the
    // caller. The change row names the case's team and assignee itself, so the trigger that looks them up for
    // other writers has nothing to do. The case was locked by an earlier statement (or is new, inserted here),
    // so the audit row sees its chain's head. No NOTIFY here: see announceChanges().
    static const QString commandAndChange =
        QStringLiteral("command AS (") + insert +
        QStringLiteral(" RETURNING id, case_id), change AS (INSERT INTO changes (case_id, case_version, command_id,"
                       " team_id, assignee_id) SELECT case_id, :version, id, CAST(:team AS uuid),"
                       " CAST(NULLIF(:assignee, '') AS uuid) FROM command), audit AS (") +
        AuditLog::rowSql() + QStringLiteral(") SELECT count(*)");
    // A data-modifying WITH runs whether or not the statement reads its result.
    static const QString updateCaseWithChange = QStringLiteral("WITH saved AS (") + updateCaseSql() +
                                                QStringLiteral("), ") + commandAndChange +
                                                QStringLiteral(" FROM command");
    static const QString insertCaseWithChange = QStringLiteral("WITH ") + numberedCaseSql() + QStringLiteral(", ") +
                                                commandAndChange +
                                                QStringLiteral(", (SELECT count(*) FROM inserted) FROM command");
    QList<std::pair<QString, QVariant>> values{
        {QStringLiteral(":id"), idText(command.id)},
        {QStringLiteral(":client"), idText(command.clientId)},
        {QStringLiteral(":seq"), command.clientSeq},
        {QStringLiteral(":user"), idText(userId)},
        {QStringLiteral(":portal"), idText(portalId)},
        {QStringLiteral(":case"), idText(command.caseId)},
        {QStringLiteral(":name"), name},
        {QStringLiteral(":args"), jsonText(command.args)},
        {QStringLiteral(":madeAt"), command.madeAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral(":result"), CommandResult::outcomeToString(result.outcome)},
        {QStringLiteral(":detail"), jsonText(result.detailJson())}};
    if (!changed) {
        const Result<QSqlQuery *> query = run(m_db, insert, values);
        if (!query)
            return query.error();
        return (*query)->numRowsAffected() == 1;
    }
    const Case &theCase = *changed->theCase;
    values.append({{QStringLiteral(":version"), theCase.version},
                   {QStringLiteral(":team"), idText(theCase.teamId)},
                   {QStringLiteral(":assignee"), idText(theCase.assigneeId)}});
    values.append(AuditLog::commandRowValues(command, userId, changed->at));
    const bool toInsert = changed->row == ChangedCase::Row::ToInsert;
    if (toInsert)
        values.append({{QStringLiteral(":year"), changed->year}, {QStringLiteral(":type"), theCase.caseType}});
    values.append({{QStringLiteral(":data"), jsonText(theCase.toJson())},
                   {QStringLiteral(":at"), theCase.updatedAt.toUTC().toString(Qt::ISODateWithMs)}});
    const Result<QSqlQuery *> query = run(m_db, toInsert ? insertCaseWithChange : updateCaseWithChange, values);
    if (!query)
        return query.error();
    if (!(*query)->next())
        return makeError(ErrorCode::Database, QStringLiteral("the command's row count was not returned"));
    if (toInsert && (*query)->value(1).toInt() != 1)
        return numbersUsedUp(theCase, changed->year);
    return (*query)->value(0).toInt() == 1;
}

Result<std::optional<Case>> CaseStore::lockCase(const QUuid &caseId)
{
    Result<QSqlQuery *> query =
        run(m_db, QStringLiteral("SELECT 1, data::text, version FROM cases WHERE id = CAST(:id AS uuid) FOR UPDATE"),
            {{QStringLiteral(":id"), idText(caseId)}});
    if (!query)
        return query.error();
    if (!(*query)->next())
        return std::optional<Case>();
    return caseOfRow(caseId, **query);
}

Result<bool> CaseStore::creationRejected(const QUuid &caseId, const QUuid &userId)
{
    Result<QSqlQuery *> query =
        run(m_db,
            QStringLiteral("SELECT 1 FROM commands WHERE case_id = CAST(:case AS uuid) AND name = 'createCase'"
                           " AND result = 'rejected' AND user_id = CAST(:user AS uuid) LIMIT 1"),
            {{QStringLiteral(":case"), idText(caseId)}, {QStringLiteral(":user"), idText(userId)}});
    if (!query)
        return query.error();
    return (*query)->next();
}

Result<void> CaseStore::insertNumberedCase(Case *theCase, int year)
{
    static const QString sql =
        QStringLiteral("WITH ") + numberedCaseSql() + QStringLiteral(" SELECT aktenzeichen FROM inserted");
    const Result<QSqlQuery *> query = run(m_db, sql, numberedCaseValues(*theCase, year));
    if (!query)
        return query.error();
    if (!(*query)->next())
        return numbersUsedUp(*theCase, year);
    Result<Aktenzeichen> aktenzeichen = Aktenzeichen::parse((*query)->value(0).toString());
    if (!aktenzeichen)
        return aktenzeichen.error();
    theCase->aktenzeichen = std::move(aktenzeichen).value();
    return {};
}

Result<void> CaseStore::updateCase(const Case &theCase)
{
    if (const Result<QSqlQuery *> query =
            run(m_db, updateCaseSql(),
                {{QStringLiteral(":assignee"), idText(theCase.assigneeId)},
                 {QStringLiteral(":version"), theCase.version},
                 {QStringLiteral(":data"), jsonText(theCase.toJson())},
                 {QStringLiteral(":at"), theCase.updatedAt.toUTC().toString(Qt::ISODateWithMs)},
                 {QStringLiteral(":case"), idText(theCase.id)}});
        !query)
        return query.error();
    return {};
}

Result<void> CaseStore::announceChanges(const QSqlDatabase &db)
{
    const Result<QSqlQuery *> query = run(db, QStringLiteral("SELECT pg_notify('casedesk_changes', '')"), {});
    if (!query)
        return query.error();
    return {};
}

Result<qint64> CaseStore::addChange(const QUuid &caseId, qint64 caseVersion, const QUuid &commandId)
{
    // The announcement rides on the insert: one round trip.
    Result<QSqlQuery *> query =
        run(m_db,
            QStringLiteral("WITH change AS (INSERT INTO changes (case_id, case_version, command_id) VALUES"
                           " (CAST(:case AS uuid), :version, CAST(NULLIF(:command, '') AS uuid)) RETURNING seq)"
                           " SELECT seq, pg_notify('casedesk_changes', seq::text) FROM change"),
            {{QStringLiteral(":case"), idText(caseId)},
             {QStringLiteral(":version"), caseVersion},
             {QStringLiteral(":command"), idText(commandId)}});
    if (!query)
        return query.error();
    if (!(*query)->next())
        return makeError(ErrorCode::Database, QStringLiteral("the change row was not returned"));
    return (*query)->value(0).toLongLong();
}

Result<bool> CaseStore::teamExists(const QUuid &teamId)
{
    Result<QSqlQuery *> query = run(m_db, QStringLiteral("SELECT 1 FROM teams WHERE id = CAST(:team AS uuid)"),
                                    {{QStringLiteral(":team"), idText(teamId)}});
    if (!query)
        return query.error();
    return (*query)->next();
}

Result<std::optional<User>> CaseStore::user(const QUuid &userId)
{
    Result<QSqlQuery *> query =
        run(m_db,
            QStringLiteral("SELECT login, display_name, array_to_string(roles, ','), NOT disabled,"
                           " (SELECT string_agg(t.id::text, ',' ORDER BY t.code) FROM user_teams ut JOIN teams t"
                           "  ON t.id = ut.team_id WHERE ut.user_id = u.id)"
                           " FROM users u WHERE id = CAST(:id AS uuid)"),
            {{QStringLiteral(":id"), idText(userId)}});
    if (!query)
        return query.error();
    if (!(*query)->next())
        return std::optional<User>();
    User user;
    user.id = userId;
    user.login = (*query)->value(0).toString();
    user.displayName = (*query)->value(1).toString();
    for (const QString &key : (*query)->value(2).toString().split(u',', Qt::SkipEmptyParts)) {
        Role role;
        if (roleFromString(key, &role))
            user.roles.append(role);
    }
    user.active = (*query)->value(3).toBool();
    for (const QString &id : (*query)->value(4).toString().split(u',', Qt::SkipEmptyParts))
        user.teamIds.append(uuidFromString(id));
    return std::optional<User>(user);
}

Result<QList<Deputyship>> CaseStore::deputyshipsOf(const QUuid &deputyId)
{
    Result<QSqlQuery *> query =
        run(m_db,
            QStringLiteral("SELECT absent_user_id::text, first_day::text, last_day::text FROM deputyships"
                           " WHERE deputy_id = CAST(:id AS uuid)"),
            {{QStringLiteral(":id"), idText(deputyId)}});
    if (!query)
        return query.error();
    QList<Deputyship> deputyships;
    while ((*query)->next()) {
        deputyships.append({uuidFromString((*query)->value(0).toString()), deputyId,
                            QDate::fromString((*query)->value(1).toString(), Qt::ISODate),
                            QDate::fromString((*query)->value(2).toString(), Qt::ISODate)});
    }
    return deputyships;
}

Result<bool> CaseStore::insertNote(const Note &note)
{
    const Result<QSqlQuery *> query =
        run(m_db,
            QStringLiteral("INSERT INTO notes (id, case_id, author_id, data, created_at) VALUES"
                           " (CAST(:id AS uuid), CAST(:case AS uuid), CAST(:author AS uuid),"
                           " CAST(:data AS jsonb), CAST(:at AS timestamptz)) ON CONFLICT (id) DO NOTHING"),
            {{QStringLiteral(":id"), idText(note.id)},
             {QStringLiteral(":case"), idText(note.caseId)},
             {QStringLiteral(":author"), idText(note.authorId)},
             {QStringLiteral(":data"), jsonText(note.toJson())},
             {QStringLiteral(":at"), note.createdAt.toUTC().toString(Qt::ISODateWithMs)}});
    if (!query)
        return query.error();
    return (*query)->numRowsAffected() == 1;
}

Result<bool> CaseStore::documentExists(const QUuid &documentId)
{
    Result<QSqlQuery *> query = run(m_db, QStringLiteral("SELECT 1 FROM documents WHERE id = CAST(:id AS uuid)"),
                                    {{QStringLiteral(":id"), idText(documentId)}});
    if (!query)
        return query.error();
    return (*query)->next();
}

Result<void> CaseStore::insertDocument(const DocumentRef &document, const QUuid &addedBy)
{
    // What the columns do not hold, so the whole DocumentRef can be given back.
    QJsonObject meta;
    if (!document.mimeType.isEmpty())
        meta.insert(QLatin1String("mimeType"), document.mimeType);
    if (!document.text.isEmpty())
        meta.insert(QLatin1String("text"), document.text);
    if (const Result<QSqlQuery *> query = run(
            m_db,
            QStringLiteral("INSERT INTO documents (id, case_id, sha256, size, name, kind, meta, added_by, added_at)"
                           " VALUES (CAST(:id AS uuid), CAST(:case AS uuid), decode(:sha, 'hex'), :size, :name, :kind,"
                           " CAST(:meta AS jsonb), CAST(:by AS uuid), CAST(:at AS timestamptz))"),
            {{QStringLiteral(":id"), idText(document.id)},
             {QStringLiteral(":case"), idText(document.caseId)},
             {QStringLiteral(":sha"), document.sha256},
             {QStringLiteral(":size"), document.size},
             {QStringLiteral(":name"), document.name},
             {QStringLiteral(":kind"), documentKindToString(document.kind)},
             {QStringLiteral(":meta"), jsonText(meta)},
             {QStringLiteral(":by"), idText(addedBy)},
             {QStringLiteral(":at"), document.addedAt.toUTC().toString(Qt::ISODateWithMs)}});
        !query)
        return query.error();
    return {};
}

Result<bool> CaseStore::updateDocumentMeta(const QUuid &documentId, const QUuid &caseId,
                                           const std::optional<QString> &name, const std::optional<DocumentKind> &kind)
{
    const QVariant noText(QMetaType::fromType<QString>());
    const Result<QSqlQuery *> query =
        run(m_db,
            QStringLiteral("UPDATE documents SET name = coalesce(:name, name), kind = coalesce(:kind, kind)"
                           " WHERE id = CAST(:id AS uuid) AND case_id = CAST(:case AS uuid)"),
            {{QStringLiteral(":name"), name ? QVariant(*name) : noText},
             {QStringLiteral(":kind"), kind ? QVariant(documentKindToString(*kind)) : noText},
             {QStringLiteral(":id"), idText(documentId)},
             {QStringLiteral(":case"), idText(caseId)}});
    if (!query)
        return query.error();
    return (*query)->numRowsAffected() > 0;
}

Result<void> CaseStore::insertConsultation(const QUuid &id, const QUuid &caseId, const QUuid &teamId,
                                           const QUuid &requestedBy)
{
    if (const Result<QSqlQuery *> query =
            run(m_db,
                QStringLiteral("INSERT INTO consultations (id, case_id, team_id, requested_by) VALUES"
                               " (CAST(:id AS uuid), CAST(:case AS uuid), CAST(:team AS uuid), CAST(:by AS uuid))"),
                {{QStringLiteral(":id"), idText(id)},
                 {QStringLiteral(":case"), idText(caseId)},
                 {QStringLiteral(":team"), idText(teamId)},
                 {QStringLiteral(":by"), idText(requestedBy)}});
        !query)
        return query.error();
    return {};
}

Result<void> CaseStore::endConsultation(const QUuid &caseId, const QUuid &teamId, const QUuid &commandId)
{
    if (const Result<QSqlQuery *> query =
            run(m_db,
                QStringLiteral("UPDATE consultations SET ended_at = now(), ended_by_command = CAST(:command AS uuid)"
                               " WHERE case_id = CAST(:case AS uuid) AND team_id = CAST(:team AS uuid)"
                               " AND ended_at IS NULL"),
                {{QStringLiteral(":command"), idText(commandId)},
                 {QStringLiteral(":case"), idText(caseId)},
                 {QStringLiteral(":team"), idText(teamId)}});
        !query)
        return query.error();
    return {};
}

Result<void> CaseStore::insertDeputyship(const QUuid &id, const Deputyship &deputyship, const QUuid &createdBy)
{
    if (const Result<QSqlQuery *> query =
            run(m_db,
                QStringLiteral("INSERT INTO deputyships (id, absent_user_id, deputy_id, first_day, last_day,"
                               " created_by) VALUES (CAST(:id AS uuid), CAST(:absent AS uuid), CAST(:deputy AS uuid),"
                               " CAST(:first AS date), CAST(:last AS date), CAST(:by AS uuid))"),
                {{QStringLiteral(":id"), idText(id)},
                 {QStringLiteral(":absent"), idText(deputyship.userId)},
                 {QStringLiteral(":deputy"), idText(deputyship.deputyId)},
                 {QStringLiteral(":first"), dateValue(deputyship.from)},
                 {QStringLiteral(":last"), dateValue(deputyship.until)},
                 {QStringLiteral(":by"), idText(createdBy)}});
        !query)
        return query.error();
    return {};
}

Result<void> CaseStore::endDeputyships(const QUuid &absentUserId, const QDate &today)
{
    if (const Result<QSqlQuery *> query =
            run(m_db,
                QStringLiteral("DELETE FROM deputyships WHERE absent_user_id = CAST(:absent"
                               " AS uuid) AND first_day >= CAST(:today AS date)"),
                {{QStringLiteral(":absent"), idText(absentUserId)}, {QStringLiteral(":today"), dateValue(today)}});
        !query)
        return query.error();
    if (const Result<QSqlQuery *> query =
            run(m_db,
                QStringLiteral("UPDATE deputyships SET last_day = CAST(:today AS date) - 1"
                               " WHERE absent_user_id = CAST(:absent AS uuid)"
                               " AND (last_day IS NULL OR last_day >= CAST(:today AS date))"),
                {{QStringLiteral(":absent"), idText(absentUserId)}, {QStringLiteral(":today"), dateValue(today)}});
        !query)
        return query.error();
    return {};
}

} // namespace casedesk::server
