#include "server/AuditCheckpoint.h"

#include "server/ServerLog.h"
#include "server/SqlError.h"

#include <QCryptographicHash>
#include <QSqlQuery>

#include <algorithm>

namespace casedesk::server {

namespace {

// pg_advisory_xact_lock key that serialises checkpoint writers across processes ("CDcp").
constexpr qint64 checkpointLockKey = 0x43446370;

// Times enter the hash as text with milliseconds in UTC, the same text that SQL gives back for them.
QString sqlTime(const char *expression)
{
    return QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
        .arg(QLatin1String(expression));
}

const char separator = '|';

void startHash(QCryptographicHash &hash, const QByteArray &previousHash)
{
    hash.addData(previousHash);
    hash.addData(QByteArrayView(&separator, 1));
}

// A row hash is 32 bytes, so the id in front of it and the separator after it keep rows apart.
void addRow(QCryptographicHash &hash, qint64 id, const QByteArray &rowHash)
{
    hash.addData(QByteArray::number(id));
    hash.addData(QByteArrayView(&separator, 1));
    hash.addData(rowHash);
    hash.addData(QByteArrayView(&separator, 1));
}

QByteArray finishHash(QCryptographicHash &hash, qint64 lastAuditId, qint64 rowCount, const QString &at)
{
    hash.addData(QByteArray::number(lastAuditId));
    hash.addData(QByteArrayView(&separator, 1));
    hash.addData(QByteArray::number(rowCount));
    hash.addData(QByteArrayView(&separator, 1));
    hash.addData(at.toLatin1());
    return hash.result();
}

} // namespace

AuditCheckpoint::AuditCheckpoint(ServerDatabase database, QObject *parent)
    : QObject(parent), m_database(std::move(database))
{
    // Precise, so that each interval's run falls into its own slot instead of drifting across slot borders.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &AuditCheckpoint::run);
}

void AuditCheckpoint::start(std::chrono::seconds interval)
{
    m_interval = interval;
    m_timer.start(interval);
    QTimer::singleShot(0, this, &AuditCheckpoint::run);
}

void AuditCheckpoint::run()
{
    if (const Result<std::optional<Checkpoint>> written = writeIfDue(m_interval); !written)
        qCWarning(lcServer).noquote() << "writing the audit checkpoint failed, trying again in the next interval:"
                                      << written.error().toString();
}

Result<std::optional<Checkpoint>> AuditCheckpoint::writeIfDue(std::chrono::seconds interval)
{
    const Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    return writeIn(connection.value(), std::max(interval, std::chrono::seconds(1)));
}

Result<Checkpoint> AuditCheckpoint::write()
{
    const Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    const Result<std::optional<Checkpoint>> written = writeIn(connection.value(), std::nullopt);
    if (!written)
        return written.error();
    return *written.value();
}

Result<std::optional<Checkpoint>> AuditCheckpoint::writeIn(QSqlDatabase db, std::optional<std::chrono::seconds> slot)
{
    using Written = Result<std::optional<Checkpoint>>;
    if (!db.transaction())
        return databaseError(db.lastError());
    QSqlQuery query(db);
    const auto fail = [&](const QSqlError &error) -> Written {
        db.rollback();
        return databaseError(error);
    };
    if (!query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(checkpointLockKey)))
        return fail(query.lastError());
    if (slot) {
        // Asked only under the lock: a checkpoint another process wrote while this one waited is seen here.
        if (!query.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM audit_checkpoints WHERE at >="
                                       " to_timestamp(floor(extract(epoch FROM now()) / %1) * %1))")
                            .arg(slot->count())) ||
            !query.next())
            return fail(query.lastError());
        if (query.value(0).toBool()) {
            db.rollback();
            return std::optional<Checkpoint>();
        }
    }
    if (!query.exec(QStringLiteral(
            "SELECT last_audit_id, row_count, checkpoint_hash FROM audit_checkpoints ORDER BY id DESC LIMIT 1")))
        return fail(query.lastError());
    qint64 previousLast = 0;
    qint64 previousCount = 0;
    QByteArray previousHash;
    if (query.next()) {
        previousLast = query.value(0).toLongLong();
        previousCount = query.value(1).toLongLong();
        previousHash = query.value(2).toByteArray();
    }

    // The SHARE lock waits for the transactions adding audit rows now and keeps new ones out while the end is
    // read; rolling back to the savepoint releases it at once, so commands wait only for that instant. The
    // timeout keeps a long writer (a large import) from stalling every command behind this lock.
    Checkpoint checkpoint;
    if (!query.exec(QStringLiteral("SAVEPOINT audit_end")) ||
        !query.exec(QStringLiteral("SET LOCAL lock_timeout = '5s'")) ||
        !query.exec(QStringLiteral("LOCK TABLE audit_log IN SHARE MODE")) ||
        !query.exec(QStringLiteral("SELECT coalesce(max(id), 0), %1 FROM audit_log").arg(sqlTime("now()"))) ||
        !query.next())
        return fail(query.lastError());
    // A log cut below the previous checkpoint stays that checkpoint's finding; this one adds no rows then.
    checkpoint.lastAuditId = std::max(previousLast, query.value(0).toLongLong());
    checkpoint.at = query.value(1).toString();
    if (!query.exec(QStringLiteral("ROLLBACK TO SAVEPOINT audit_end")))
        return fail(query.lastError());

    QCryptographicHash hash(QCryptographicHash::Sha256);
    startHash(hash, previousHash);
    QSqlQuery rows(db);
    rows.setForwardOnly(true); // the rows since the last checkpoint pass through once
    rows.prepare(QStringLiteral("SELECT id, row_hash FROM audit_log WHERE id > :after AND id <= :last ORDER BY id"));
    rows.bindValue(QStringLiteral(":after"), previousLast);
    rows.bindValue(QStringLiteral(":last"), checkpoint.lastAuditId);
    if (!rows.exec())
        return fail(rows.lastError());
    checkpoint.rowCount = previousCount;
    while (rows.next()) {
        addRow(hash, rows.value(0).toLongLong(), rows.value(1).toByteArray());
        ++checkpoint.rowCount;
    }
    rows.finish();
    checkpoint.hash = finishHash(hash, checkpoint.lastAuditId, checkpoint.rowCount, checkpoint.at);

    query.prepare(QStringLiteral(
        "INSERT INTO audit_checkpoints (at, last_audit_id, row_count, previous_hash, checkpoint_hash) VALUES"
        " (CAST(:at AS timestamptz), :last, :count, :previous, :hash) RETURNING id"));
    query.bindValue(QStringLiteral(":at"), checkpoint.at);
    query.bindValue(QStringLiteral(":last"), checkpoint.lastAuditId);
    query.bindValue(QStringLiteral(":count"), checkpoint.rowCount);
    query.bindValue(QStringLiteral(":previous"),
                    previousHash.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(previousHash));
    query.bindValue(QStringLiteral(":hash"), checkpoint.hash);
    if (!query.exec() || !query.next())
        return fail(query.lastError());
    checkpoint.id = query.value(0).toLongLong();
    query.finish();
    if (!db.commit())
        return fail(db.lastError());
    qCInfo(lcServer).noquote() << QStringLiteral("audit checkpoint %1 at %2: %3 audit rows up to id %4, hash %5")
                                      .arg(checkpoint.id)
                                      .arg(checkpoint.at)
                                      .arg(checkpoint.rowCount)
                                      .arg(checkpoint.lastAuditId)
                                      .arg(QString::fromLatin1(checkpoint.hash.toHex()));
    return std::optional<Checkpoint>(checkpoint);
}

Result<CheckpointReport> AuditCheckpoint::verify(QSqlDatabase db)
{
    struct Stored {
        Checkpoint checkpoint;
        QByteArray previousHash;
    };
    QList<Stored> checkpoints;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, %1, last_audit_id, row_count, previous_hash, checkpoint_hash"
                                   " FROM audit_checkpoints ORDER BY id")
                        .arg(sqlTime("at"))))
        return databaseError(query.lastError());
    while (query.next()) {
        checkpoints.append({{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toLongLong(),
                             query.value(3).toLongLong(), query.value(5).toByteArray()},
                            query.value(4).toByteArray()});
    }

    CheckpointReport report;
    if (!query.exec(QStringLiteral("SELECT id, row_hash FROM audit_log ORDER BY id")))
        return databaseError(query.lastError());
    bool haveRow = query.next();
    QByteArray expectedPrevious;
    qint64 previousLast = 0;
    qint64 previousCount = 0;
    for (const Stored &stored : checkpoints) {
        const Checkpoint &checkpoint = stored.checkpoint;
        ++report.checkpointsChecked;
        QCryptographicHash hash(QCryptographicHash::Sha256);
        startHash(hash, stored.previousHash);
        qint64 rows = 0;
        for (; haveRow && query.value(0).toLongLong() <= checkpoint.lastAuditId; haveRow = query.next()) {
            addRow(hash, query.value(0).toLongLong(), query.value(1).toByteArray());
            ++rows;
        }
        const auto problem = [&](const QString &description) {
            report.problems.append({checkpoint.id, checkpoint.at, description});
        };
        const qint64 sealed = checkpoint.rowCount - previousCount;
        if (stored.previousHash != expectedPrevious) {
            // Without its true predecessor the rows cannot be judged: the link is the finding.
            problem(QStringLiteral("checkpoint %1 does not follow the checkpoint before it: a checkpoint was "
                                   "deleted, inserted or edited")
                        .arg(checkpoint.id));
        } else if (rows < sealed) {
            problem(QStringLiteral("checkpoint %1 sealed %2 audit rows after id %3 up to id %4, but only %5 are "
                                   "there: rows were deleted (a case's whole chain or the log's tail)")
                        .arg(checkpoint.id)
                        .arg(sealed)
                        .arg(previousLast)
                        .arg(checkpoint.lastAuditId)
                        .arg(rows));
        } else if (rows > sealed) {
            problem(QStringLiteral("checkpoint %1 sealed %2 audit rows after id %3 up to id %4, but %5 are there: "
                                   "rows were inserted")
                        .arg(checkpoint.id)
                        .arg(sealed)
                        .arg(previousLast)
                        .arg(checkpoint.lastAuditId)
                        .arg(rows));
        } else if (finishHash(hash, checkpoint.lastAuditId, checkpoint.rowCount, checkpoint.at) != checkpoint.hash) {
            problem(QStringLiteral("checkpoint %1 does not match the audit rows after id %2 up to id %3: a row or "
                                   "the checkpoint was rewritten")
                        .arg(checkpoint.id)
                        .arg(previousLast)
                        .arg(checkpoint.lastAuditId));
        }
        // The stored hash, not a recomputed one: one damaged stretch does not condemn every later checkpoint.
        expectedPrevious = checkpoint.hash;
        previousLast = checkpoint.lastAuditId;
        previousCount = checkpoint.rowCount;
    }
    for (; haveRow; haveRow = query.next())
        ++report.rowsAfterLast;
    if (!checkpoints.isEmpty())
        report.last = checkpoints.constLast().checkpoint;
    return report;
}

} // namespace casedesk::server
