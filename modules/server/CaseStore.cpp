#include "server/CaseStore.h"

#include "core/Uuid.h"
#include "server/SqlError.h"

#include <QJsonDocument>
#include <QSqlQuery>
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

} // namespace

CaseStore::CaseStore(QSqlDatabase db) : m_db(std::move(db)) {}

Error CaseStore::sqlError(const QSqlError &error)
{
    if (isRetryable(error))
        return makeError(ErrorCode::Conflict, QStringLiteral("transaction must be retried"), error.text());
    return databaseError(error);
}

Result<ClientSequence> CaseStore::lockClientSequence(const QUuid &clientId, const QUuid &userId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO client_sequences (client_id, user_id) VALUES (CAST(:client AS uuid),"
                                 " CAST(:user AS uuid)) ON CONFLICT (client_id) DO NOTHING"));
    query.bindValue(QStringLiteral(":client"), idText(clientId));
    query.bindValue(QStringLiteral(":user"), idText(userId));
    if (!query.exec())
        return sqlError(query.lastError());
    query.prepare(QStringLiteral("SELECT user_id::text, last_applied_seq FROM client_sequences"
                                 " WHERE client_id = CAST(:client AS uuid) FOR UPDATE"));
    query.bindValue(QStringLiteral(":client"), idText(clientId));
    if (!query.exec())
        return sqlError(query.lastError());
    if (!query.next())
        return makeError(ErrorCode::Database, QStringLiteral("client sequence row vanished"));
    return ClientSequence{uuidFromString(query.value(0).toString()), query.value(1).toLongLong()};
}

Result<void> CaseStore::setLastApplied(const QUuid &clientId, qint64 clientSeq)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE client_sequences SET last_applied_seq = :seq WHERE client_id = CAST(:client AS uuid)"));
    query.bindValue(QStringLiteral(":seq"), clientSeq);
    query.bindValue(QStringLiteral(":client"), idText(clientId));
    if (!query.exec())
        return sqlError(query.lastError());
    return {};
}

Result<std::optional<CommandResult>> CaseStore::storedResult(const QUuid &clientId, qint64 clientSeq)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id::text, result, result_detail::text FROM commands"
                                 " WHERE client_id = CAST(:client AS uuid) AND client_seq = :seq"));
    query.bindValue(QStringLiteral(":client"), idText(clientId));
    query.bindValue(QStringLiteral(":seq"), clientSeq);
    if (!query.exec())
        return sqlError(query.lastError());
    if (!query.next())
        return std::optional<CommandResult>();
    return std::optional<CommandResult>(CommandResult::fromStored(
        uuidFromString(query.value(0).toString()), clientSeq, query.value(1).toString(), jsonObject(query.value(2))));
}

Result<bool> CaseStore::commandExists(const QUuid &commandId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM commands WHERE id = CAST(:id AS uuid)"));
    query.bindValue(QStringLiteral(":id"), idText(commandId));
    if (!query.exec())
        return sqlError(query.lastError());
    return query.next();
}

Result<void> CaseStore::storeCommand(const Command &command, const QString &name, const QUuid &userId,
                                     const CommandResult &result)
{
    return insertCommand(command, name, userId, QUuid(), result);
}

Result<void> CaseStore::storePortalCommand(const Command &command, const QUuid &portalId, const CommandResult &result)
{
    return insertCommand(command, commandNameToString(command.name), QUuid(), portalId, result);
}

Result<void> CaseStore::insertCommand(const Command &command, const QString &name, const QUuid &userId,
                                      const QUuid &portalId, const CommandResult &result)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO commands (id, client_id, client_seq, user_id, portal_id, case_id, name, args, made_at, result,"
        " result_detail) VALUES (CAST(:id AS uuid), CAST(:client AS uuid), :seq, CAST(NULLIF(:user, '') AS uuid),"
        " CAST(NULLIF(:portal, '') AS uuid), CAST(:case AS uuid), :name, CAST(:args AS jsonb),"
        " CAST(:madeAt AS timestamptz), :result, CAST(:detail AS jsonb))"));
    query.bindValue(QStringLiteral(":id"), idText(command.id));
    query.bindValue(QStringLiteral(":client"), idText(command.clientId));
    query.bindValue(QStringLiteral(":seq"), command.clientSeq);
    query.bindValue(QStringLiteral(":user"), idText(userId));
    query.bindValue(QStringLiteral(":portal"), idText(portalId));
    query.bindValue(QStringLiteral(":case"), idText(command.caseId));
    query.bindValue(QStringLiteral(":name"), name);
    query.bindValue(QStringLiteral(":args"), jsonText(command.args));
    query.bindValue(QStringLiteral(":madeAt"), command.madeAt.toUTC().toString(Qt::ISODateWithMs));
    query.bindValue(QStringLiteral(":result"), CommandResult::outcomeToString(result.outcome));
    query.bindValue(QStringLiteral(":detail"), jsonText(result.detailJson()));
    if (!query.exec())
        return sqlError(query.lastError());
    return {};
}

Result<std::optional<StoredCase>> CaseStore::lockCase(const QUuid &caseId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT data::text, version FROM cases WHERE id = CAST(:id AS uuid) FOR UPDATE"));
    query.bindValue(QStringLiteral(":id"), idText(caseId));
    if (!query.exec())
        return sqlError(query.lastError());
    if (!query.next())
        return std::optional<StoredCase>();
    Result<Case> theCase = Case::fromJson(jsonObject(query.value(0)));
    if (!theCase)
        return makeError(ErrorCode::Corrupt, theCase.error().message,
                         QStringLiteral("case %1: %2").arg(idText(caseId), theCase.error().toString()));
    StoredCase stored{std::move(theCase).value(), {}};
    stored.theCase.version = query.value(1).toLongLong(); // the column is the authority
    query.prepare(QStringLiteral("SELECT team_id::text FROM consultations WHERE case_id = CAST(:id AS uuid)"
                                 " AND ended_at IS NULL"));
    query.bindValue(QStringLiteral(":id"), idText(caseId));
    if (!query.exec())
        return sqlError(query.lastError());
    while (query.next())
        stored.openConsultationTeamIds.append(uuidFromString(query.value(0).toString()));
    return std::optional<StoredCase>(std::move(stored));
}

Result<bool> CaseStore::creationRejected(const QUuid &caseId, const QUuid &userId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM commands WHERE case_id = CAST(:case AS uuid) AND name = 'createCase'"
                                 " AND result = 'rejected' AND user_id = CAST(:user AS uuid) LIMIT 1"));
    query.bindValue(QStringLiteral(":case"), idText(caseId));
    query.bindValue(QStringLiteral(":user"), idText(userId));
    if (!query.exec())
        return sqlError(query.lastError());
    return query.next();
}

Result<void> CaseStore::insertCase(const Case &theCase)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO cases (id, aktenzeichen, case_type, team_id, assignee_id, version, data, created_at, updated_at)"
        " VALUES (CAST(:id AS uuid), NULLIF(:az, ''), :type, CAST(:team AS uuid), CAST(NULLIF(:assignee, '') AS uuid),"
        " :version, CAST(:data AS jsonb), CAST(:at AS timestamptz), CAST(:at AS timestamptz))"));
    query.bindValue(QStringLiteral(":id"), idText(theCase.id));
    query.bindValue(QStringLiteral(":az"), theCase.aktenzeichen.toString());
    query.bindValue(QStringLiteral(":type"), theCase.caseType);
    query.bindValue(QStringLiteral(":team"), idText(theCase.teamId));
    query.bindValue(QStringLiteral(":assignee"), idText(theCase.assigneeId));
    query.bindValue(QStringLiteral(":version"), theCase.version);
    query.bindValue(QStringLiteral(":data"), jsonText(theCase.toJson()));
    query.bindValue(QStringLiteral(":at"), theCase.updatedAt.toUTC().toString(Qt::ISODateWithMs));
    if (!query.exec())
        return sqlError(query.lastError());
    return {};
}

Result<void> CaseStore::updateCase(const Case &theCase)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE cases SET assignee_id = CAST(NULLIF(:assignee, '') AS uuid), version = :version,"
        " data = CAST(:data AS jsonb), updated_at = CAST(:at AS timestamptz) WHERE id = CAST(:id AS uuid)"));
    query.bindValue(QStringLiteral(":assignee"), idText(theCase.assigneeId));
    query.bindValue(QStringLiteral(":version"), theCase.version);
    query.bindValue(QStringLiteral(":data"), jsonText(theCase.toJson()));
    query.bindValue(QStringLiteral(":at"), theCase.updatedAt.toUTC().toString(Qt::ISODateWithMs));
    query.bindValue(QStringLiteral(":id"), idText(theCase.id));
    if (!query.exec())
        return sqlError(query.lastError());
    return {};
}

Result<qint64> CaseStore::addChange(const QUuid &caseId, qint64 caseVersion, const QUuid &commandId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO changes (case_id, case_version, command_id) VALUES"
                                 " (CAST(:case AS uuid), :version, CAST(NULLIF(:command, '') AS uuid)) RETURNING seq"));
    query.bindValue(QStringLiteral(":case"), idText(caseId));
    query.bindValue(QStringLiteral(":version"), caseVersion);
    query.bindValue(QStringLiteral(":command"), idText(commandId));
    if (!query.exec() || !query.next())
        return sqlError(query.lastError());
    const qint64 seq = query.value(0).toLongLong();
    query.prepare(QStringLiteral("SELECT pg_notify('casedesk_changes', :seq)"));
    query.bindValue(QStringLiteral(":seq"), QString::number(seq));
    if (!query.exec())
        return sqlError(query.lastError());
    return seq;
}

Result<std::optional<Aktenzeichen>> CaseStore::nextAktenzeichen(const QUuid &teamId, int year)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT file_plan_code FROM teams WHERE id = CAST(:team AS uuid)"));
    query.bindValue(QStringLiteral(":team"), idText(teamId));
    if (!query.exec())
        return sqlError(query.lastError());
    if (!query.next())
        return std::optional<Aktenzeichen>();
    const QString filePlanCode = query.value(0).toString();
    query.prepare(QStringLiteral(
        "INSERT INTO aktenzeichen_counters (file_plan_code, year, last_number) VALUES (:code, :year, 1)"
        " ON CONFLICT (file_plan_code, year) DO UPDATE SET last_number = aktenzeichen_counters.last_number + 1"
        " RETURNING last_number"));
    query.bindValue(QStringLiteral(":code"), filePlanCode);
    query.bindValue(QStringLiteral(":year"), year);
    if (!query.exec() || !query.next())
        return sqlError(query.lastError());
    return std::optional<Aktenzeichen>(Aktenzeichen(filePlanCode, query.value(0).toInt(), year));
}

Result<bool> CaseStore::teamExists(const QUuid &teamId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM teams WHERE id = CAST(:team AS uuid)"));
    query.bindValue(QStringLiteral(":team"), idText(teamId));
    if (!query.exec())
        return sqlError(query.lastError());
    return query.next();
}

Result<std::optional<User>> CaseStore::user(const QUuid &userId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT login, display_name, array_to_string(roles, ','), NOT disabled,"
        " (SELECT string_agg(t.id::text, ',' ORDER BY t.code) FROM user_teams ut JOIN teams t ON t.id = ut.team_id"
        "  WHERE ut.user_id = u.id)"
        " FROM users u WHERE id = CAST(:id AS uuid)"));
    query.bindValue(QStringLiteral(":id"), idText(userId));
    if (!query.exec())
        return sqlError(query.lastError());
    if (!query.next())
        return std::optional<User>();
    User user;
    user.id = userId;
    user.login = query.value(0).toString();
    user.displayName = query.value(1).toString();
    for (const QString &key : query.value(2).toString().split(u',', Qt::SkipEmptyParts)) {
        Role role;
        if (roleFromString(key, &role))
            user.roles.append(role);
    }
    user.active = query.value(3).toBool();
    for (const QString &id : query.value(4).toString().split(u',', Qt::SkipEmptyParts))
        user.teamIds.append(uuidFromString(id));
    return std::optional<User>(user);
}

Result<QList<Deputyship>> CaseStore::deputyshipsOf(const QUuid &deputyId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT absent_user_id::text, first_day::text, last_day::text FROM deputyships"
                                 " WHERE deputy_id = CAST(:id AS uuid)"));
    query.bindValue(QStringLiteral(":id"), idText(deputyId));
    if (!query.exec())
        return sqlError(query.lastError());
    QList<Deputyship> deputyships;
    while (query.next()) {
        deputyships.append({uuidFromString(query.value(0).toString()), deputyId,
                            QDate::fromString(query.value(1).toString(), Qt::ISODate),
                            QDate::fromString(query.value(2).toString(), Qt::ISODate)});
    }
    return deputyships;
}

Result<bool> CaseStore::noteExists(const QUuid &noteId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM notes WHERE id = CAST(:id AS uuid)"));
    query.bindValue(QStringLiteral(":id"), idText(noteId));
    if (!query.exec())
        return sqlError(query.lastError());
    return query.next();
}

Result<void> CaseStore::insertNote(const Note &note)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO notes (id, case_id, author_id, data, created_at) VALUES"
                                 " (CAST(:id AS uuid), CAST(:case AS uuid), CAST(:author AS uuid),"
                                 " CAST(:data AS jsonb), CAST(:at AS timestamptz))"));
    query.bindValue(QStringLiteral(":id"), idText(note.id));
    query.bindValue(QStringLiteral(":case"), idText(note.caseId));
    query.bindValue(QStringLiteral(":author"), idText(note.authorId));
    query.bindValue(QStringLiteral(":data"), jsonText(note.toJson()));
    query.bindValue(QStringLiteral(":at"), note.createdAt.toUTC().toString(Qt::ISODateWithMs));
    if (!query.exec())
        return sqlError(query.lastError());
    return {};
}

Result<bool> CaseStore::documentExists(const QUuid &documentId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM documents WHERE id = CAST(:id AS uuid)"));
    query.bindValue(QStringLiteral(":id"), idText(documentId));
    if (!query.exec())
        return sqlError(query.lastError());
    return query.next();
}

Result<void> CaseStore::insertDocument(const DocumentRef &document, const QUuid &addedBy)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO documents (id, case_id, sha256, size, name, kind, meta, added_by, added_at) VALUES"
        " (CAST(:id AS uuid), CAST(:case AS uuid), decode(:sha, 'hex'), :size, :name, :kind, CAST(:meta AS jsonb),"
        " CAST(:by AS uuid), CAST(:at AS timestamptz))"));
    query.bindValue(QStringLiteral(":id"), idText(document.id));
    query.bindValue(QStringLiteral(":case"), idText(document.caseId));
    query.bindValue(QStringLiteral(":sha"), document.sha256);
    query.bindValue(QStringLiteral(":size"), document.size);
    query.bindValue(QStringLiteral(":name"), document.name);
    query.bindValue(QStringLiteral(":kind"), documentKindToString(document.kind));
    // What the columns do not hold, so the whole DocumentRef can be given back.
    QJsonObject meta;
    if (!document.mimeType.isEmpty())
        meta.insert(QLatin1String("mimeType"), document.mimeType);
    if (!document.text.isEmpty())
        meta.insert(QLatin1String("text"), document.text);
    query.bindValue(QStringLiteral(":meta"), jsonText(meta));
    query.bindValue(QStringLiteral(":by"), idText(addedBy));
    query.bindValue(QStringLiteral(":at"), document.addedAt.toUTC().toString(Qt::ISODateWithMs));
    if (!query.exec())
        return sqlError(query.lastError());
    return {};
}

Result<bool> CaseStore::updateDocumentMeta(const QUuid &documentId, const QUuid &caseId,
                                           const std::optional<QString> &name, const std::optional<DocumentKind> &kind)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE documents SET name = coalesce(:name, name), kind = coalesce(:kind, kind)"
                                 " WHERE id = CAST(:id AS uuid) AND case_id = CAST(:case AS uuid)"));
    const QVariant noText(QMetaType::fromType<QString>());
    query.bindValue(QStringLiteral(":name"), name ? QVariant(*name) : noText);
    query.bindValue(QStringLiteral(":kind"), kind ? QVariant(documentKindToString(*kind)) : noText);
    query.bindValue(QStringLiteral(":id"), idText(documentId));
    query.bindValue(QStringLiteral(":case"), idText(caseId));
    if (!query.exec())
        return sqlError(query.lastError());
    return query.numRowsAffected() > 0;
}

Result<void> CaseStore::insertConsultation(const QUuid &id, const QUuid &caseId, const QUuid &teamId,
                                           const QUuid &requestedBy)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO consultations (id, case_id, team_id, requested_by) VALUES"
                                 " (CAST(:id AS uuid), CAST(:case AS uuid), CAST(:team AS uuid), CAST(:by AS uuid))"));
    query.bindValue(QStringLiteral(":id"), idText(id));
    query.bindValue(QStringLiteral(":case"), idText(caseId));
    query.bindValue(QStringLiteral(":team"), idText(teamId));
    query.bindValue(QStringLiteral(":by"), idText(requestedBy));
    if (!query.exec())
        return sqlError(query.lastError());
    return {};
}

Result<void> CaseStore::insertDeputyship(const QUuid &id, const Deputyship &deputyship, const QUuid &createdBy)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("INSERT INTO deputyships (id, absent_user_id, deputy_id, first_day, last_day, created_by) VALUES"
                       " (CAST(:id AS uuid), CAST(:absent AS uuid), CAST(:deputy AS uuid), CAST(:first AS date),"
                       " CAST(:last AS date), CAST(:by AS uuid))"));
    query.bindValue(QStringLiteral(":id"), idText(id));
    query.bindValue(QStringLiteral(":absent"), idText(deputyship.userId));
    query.bindValue(QStringLiteral(":deputy"), idText(deputyship.deputyId));
    query.bindValue(QStringLiteral(":first"), dateValue(deputyship.from));
    query.bindValue(QStringLiteral(":last"), dateValue(deputyship.until));
    query.bindValue(QStringLiteral(":by"), idText(createdBy));
    if (!query.exec())
        return sqlError(query.lastError());
    return {};
}

Result<void> CaseStore::endDeputyships(const QUuid &absentUserId, const QDate &today)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM deputyships WHERE absent_user_id = CAST(:absent AS uuid)"
                                 " AND first_day >= CAST(:today AS date)"));
    query.bindValue(QStringLiteral(":absent"), idText(absentUserId));
    query.bindValue(QStringLiteral(":today"), dateValue(today));
    if (!query.exec())
        return sqlError(query.lastError());
    query.prepare(QStringLiteral("UPDATE deputyships SET last_day = CAST(:today AS date) - 1"
                                 " WHERE absent_user_id = CAST(:absent AS uuid)"
                                 " AND (last_day IS NULL OR last_day >= CAST(:today AS date))"));
    query.bindValue(QStringLiteral(":absent"), idText(absentUserId));
    query.bindValue(QStringLiteral(":today"), dateValue(today));
    if (!query.exec())
        return sqlError(query.lastError());
    return {};
}

} // namespace casedesk::server
