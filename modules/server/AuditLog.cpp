#include "server/AuditLog.h"

#include "core/Uuid.h"
#include "server/CaseStore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>

namespace casedesk::server {

namespace {

// Times enter the hash as text with milliseconds in UTC, the same text that SQL gives back for them.
QString timeText(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

const char sqlTimeText[] = "to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

QString sqlTime(const char *column)
{
    return QString::fromLatin1(sqlTimeText).arg(QLatin1String(column));
}

} // namespace

QString AuditProblem::kindToString(Kind kind)
{
    switch (kind) {
    case Kind::Edited:
        return QStringLiteral("edited");
    case Kind::BrokenLink:
        return QStringLiteral("broken link");
    case Kind::Truncated:
        return QStringLiteral("truncated");
    }
    return QStringLiteral("edited");
}

AuditLog::AuditLog(QSqlDatabase db) : m_db(std::move(db)) {}

QByteArray AuditLog::payloadHash(const Command &command)
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    return QCryptographicHash::hash(QJsonDocument(command.toJson()).toJson(QJsonDocument::Compact),
                                    QCryptographicHash::Sha256);
}

namespace {

// What a row's hash covers after the previous row's hash and the payload hash, each part after a '|'.
QByteArray hashedTail(const QUuid &caseId, const QUuid &actorId, const QString &at)
{
    return '|' + uuidToString(caseId).toLatin1() + '|' + uuidToString(actorId).toLatin1() + '|' + at.toLatin1();
}

} // namespace

QByteArray AuditLog::rowHash(const QByteArray &previousHash, const QByteArray &payloadHash, const QUuid &caseId,
                             const QUuid &actorId, const QString &at)
{
    return QCryptographicHash::hash(previousHash + '|' + payloadHash + hashedTail(caseId, actorId, at),
                                    QCryptographicHash::Sha256);
}

QString AuditLog::rowSql()
{
    // It reads the chain's head and computes the row's hash itself, the way rowHash() does: one round trip. A null
    // command or actor (the server's own events) is bound as NULL. The head is a joined row, read once (as a scalar
    // subquery used twice, PostgreSQL read it twice).
    return QStringLiteral(
        "INSERT INTO audit_log (case_id, command_id, actor_id, at, payload_hash, previous_hash, row_hash)"
        " SELECT CAST(:case AS uuid), CAST(:auditCommand AS uuid), CAST(:actor AS uuid), CAST(:auditAt AS"
        " timestamptz), :payload, head.row_hash, sha256(coalesce(head.row_hash, '') || '\\x7c'::bytea || :payload"
        " || :tail) FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT row_hash FROM audit_log"
        " WHERE case_id = CAST(:case AS uuid) ORDER BY id DESC LIMIT 1) head ON true");
}

QList<std::pair<QString, QVariant>> AuditLog::commandRowValues(const Command &command, const QUuid &actorId,
                                                               const QDateTime &at)
{
    return rowValues(command.caseId, command.id, actorId, payloadHash(command), at);
}

QList<std::pair<QString, QVariant>> AuditLog::rowValues(const QUuid &caseId, const QUuid &commandId,
                                                        const QUuid &actorId, const QByteArray &payload,
                                                        const QDateTime &at)
{
    const QString atText = timeText(at);
    return {{QStringLiteral(":case"), uuidToString(caseId)},
            {QStringLiteral(":auditCommand"), uuidToString(commandId)},
            {QStringLiteral(":actor"), uuidToString(actorId)},
            {QStringLiteral(":auditAt"), atText},
            {QStringLiteral(":payload"), payload},
            {QStringLiteral(":tail"), hashedTail(caseId, actorId, atText)}};
}

Result<void> AuditLog::append(const Command &command, const QUuid &actorId, const QDateTime &at)
{
    return appendRow(command.caseId, command.id, actorId, payloadHash(command), at);
}

Result<void> AuditLog::appendServerEvent(const QUuid &caseId, const QJsonObject &event, const QDateTime &at)
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    return appendRow(
        caseId, QUuid(), QUuid(),
        QCryptographicHash::hash(QJsonDocument(event).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256), at);
}

Result<void> AuditLog::appendRow(const QUuid &caseId, const QUuid &commandId, const QUuid &actorId,
                                 const QByteArray &payload, const QDateTime &at)
{
    // Rows of commands without a case row (setDeputy) have no row lock to rely on. Through uuid and back, so every
    // spelling of an id is one lock.
    static const QString takeLock =
        QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(CAST(CAST(:case AS uuid) AS text), 4155))");
    if (const Result<QSqlQuery *> locked =
            CaseStore::run(m_db, takeLock, {{QStringLiteral(":case"), uuidToString(caseId)}});
        !locked)
        return locked.error();
    // A statement of its own after the lock: under READ COMMITTED it sees the row of the lock's previous holder.
    if (const Result<QSqlQuery *> inserted =
            CaseStore::run(m_db, rowSql(), rowValues(caseId, commandId, actorId, payload, at));
        !inserted)
        return inserted.error();
    return {};
}

Result<AuditReport> AuditLog::verify() const
{
    AuditReport report;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT a.id, a.case_id::text, a.command_id::text, a.actor_id::text, %1,"
                                   " a.payload_hash, a.previous_hash, a.row_hash, c.id::text, c.client_id::text,"
                                   " c.client_seq, c.case_id::text, c.name, c.args::text, %2"
                                   " FROM audit_log a LEFT JOIN commands c ON c.id = a.command_id"
                                   " ORDER BY a.case_id, a.id")
                        .arg(sqlTime("a.at"), sqlTime("c.made_at"))))
        return CaseStore::sqlError(query.lastError());
    QUuid chain;
    QByteArray previous;
    while (query.next()) {
        ++report.rowsChecked;
        const qint64 rowId = query.value(0).toLongLong();
        const QUuid caseId = uuidFromString(query.value(1).toString());
        const QString commandId = query.value(2).toString();
        const QByteArray payload = query.value(5).toByteArray();
        const QByteArray storedPrevious = query.value(6).toByteArray();
        const QByteArray row = query.value(7).toByteArray();
        if (caseId != chain) {
            chain = caseId;
            previous.clear();
        }
        const auto problem = [&](AuditProblem::Kind kind, const QString &description) {
            report.problems.append({kind, caseId, rowId, description});
        };
        if (storedPrevious != previous)
            problem(
                AuditProblem::Kind::BrokenLink,
                QStringLiteral("row %1 does not follow the row before it: a row was deleted or inserted").arg(rowId));
        if (rowHash(storedPrevious, payload, caseId, uuidFromString(query.value(3).toString()),
                    query.value(4).toString()) != row)
            problem(AuditProblem::Kind::Edited, QStringLiteral("row %1 does not match its hash").arg(rowId));
        if (!commandId.isEmpty()) {
            Command command;
            command.id = uuidFromString(query.value(8).toString());
            command.clientId = uuidFromString(query.value(9).toString());
            command.clientSeq = query.value(10).toLongLong();
            command.caseId = uuidFromString(query.value(11).toString());
            const bool known = commandNameFromString(query.value(12).toString(), &command.name);
            command.args = QJsonDocument::fromJson(query.value(13).toString().toUtf8()).object();
            command.madeAt = QDateTime::fromString(query.value(14).toString(), Qt::ISODateWithMs);
            if (command.id.isNull() || !known || payloadHash(command) != payload)
                problem(AuditProblem::Kind::Edited,
                        QStringLiteral("row %1 does not match its command %2").arg(rowId).arg(commandId));
        }
        previous = row;
    }

    // A cut tail leaves a consistent chain behind: compare it with what the case and the commands remember.
    if (!query.exec(QStringLiteral("SELECT c.id::text, c.version, count(a.id) FROM cases c"
                                   " LEFT JOIN audit_log a ON a.case_id = c.id GROUP BY c.id, c.version"
                                   " HAVING count(a.id) < c.version ORDER BY c.id")))
        return CaseStore::sqlError(query.lastError());
    while (query.next()) {
        report.problems.append({AuditProblem::Kind::Truncated, uuidFromString(query.value(0).toString()), 0,
                                QStringLiteral("the case has version %1 but only %2 audit rows")
                                    .arg(query.value(1).toLongLong())
                                    .arg(query.value(2).toLongLong())});
    }
    if (!query.exec(QStringLiteral("SELECT cm.case_id::text, cm.id::text FROM commands cm WHERE cm.result = 'applied'"
                                   " AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.command_id = cm.id)"
                                   " ORDER BY cm.case_id, cm.id")))
        return CaseStore::sqlError(query.lastError());
    while (query.next()) {
        report.problems.append(
            {AuditProblem::Kind::Truncated, uuidFromString(query.value(0).toString()), 0,
             QStringLiteral("the applied command %1 has no audit row").arg(query.value(1).toString())});
    }
    return report;
}

} // namespace casedesk::server
