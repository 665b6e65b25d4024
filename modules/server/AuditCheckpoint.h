// The global checkpoints of the audit log (issue 5: "a global checkpoint hash recorded periodically (and in the
// server log)"). AuditLog chains rows per case, so deleting every row of one case, or the newest rows of all
// cases, leaves chains that still verify. A checkpoint (table audit_checkpoints, append-only, migration 10)
// seals every audit row up to an id:
//   hash = SHA-256(previous checkpoint's hash | id|row_hash of each audit row after the previous checkpoint's
//                  last id up to last_audit_id, in id order | last_audit_id | row_count | at)
// so writing one hashes only the rows since the last one, and verify() recomputes every checkpoint from the
// rows: a row removed, inserted or rewritten under an earlier checkpoint breaks it, naming the checkpoint. The
// hash also goes to the server log, where it outlives a superuser who rewrites the table (compare the last one
// that `audit verify` prints with the log).
//
// Rows take their ids from a sequence inside their transaction, so a row with a smaller id may commit after a
// larger one. A checkpoint therefore covers only up to the largest id that no running transaction can still
// add below: it takes a SHARE lock on audit_log for an instant, which waits for the transactions writing audit
// rows right now (commands take milliseconds) and then sees all of their rows.
//
// Once across processes: every `serve` process calls writeIfDue() each interval; checkpoints are serialised by
// an advisory lock, and one is written only if none exists yet in the current interval (slots of the
// database's clock, which all processes share), so there is one per interval however many processes run.
#pragma once

#include "core/Result.h"
#include "server/ServerDatabase.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QTimer>

#include <chrono>
#include <optional>

namespace casedesk::server {

struct Checkpoint {
    qint64 id = 0;
    QString at;             // UTC with milliseconds, as hashed ("2025-03-01T10:00:00.000Z")
    qint64 lastAuditId = 0; // the highest audit row id covered; 0 for an empty log
    qint64 rowCount = 0;    // audit rows up to lastAuditId
    QByteArray hash;
};

struct CheckpointProblem {
    qint64 checkpointId = 0;
    QString at;
    QString description; // names what no longer matches
};

struct CheckpointReport {
    qint64 checkpointsChecked = 0;
    qint64 rowsAfterLast = 0; // audit rows newer than the last checkpoint: only the per-case chains cover them
    std::optional<Checkpoint> last;
    QList<CheckpointProblem> problems; // empty when every checkpoint matches the rows
};

class AuditCheckpoint : public QObject {
    Q_OBJECT

public:
    static constexpr std::chrono::seconds DefaultInterval{300};

    explicit AuditCheckpoint(ServerDatabase database, QObject *parent = nullptr);

    // Runs writeIfDue(interval) now and then every `interval` on this object's thread.
    void start(std::chrono::seconds interval = DefaultInterval);

    // Writes a checkpoint unless one was written (by any process) in the current slot of `interval`; nullopt
    // when there was one already.
    Result<std::optional<Checkpoint>> writeIfDue(std::chrono::seconds interval);
    // Writes a checkpoint now (`casedesk-server audit checkpoint`).
    Result<Checkpoint> write();

    // Recomputes every checkpoint from the audit rows and checks that each follows the one before it.
    static Result<CheckpointReport> verify(QSqlDatabase db);

private:
    Result<std::optional<Checkpoint>> writeIn(QSqlDatabase db, std::optional<std::chrono::seconds> slot);
    void run();

    ServerDatabase m_database;
    QTimer m_timer;
    std::chrono::seconds m_interval = DefaultInterval;
};

} // namespace casedesk::server
