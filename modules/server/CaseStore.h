// The tables a pushed command reads and writes, inside the caller's transaction: client sequences and stored
// results, cases (locked for the command), notes, consultations, deputyships, the users the permission policy
// asks about, Aktenzeichen counters, documents and the change feed. Every failure is a Database error, except
// PostgreSQL's serialization failure, deadlock and unique violation (a concurrent insert of the same id), which
// come as Conflict: the caller rolls back and runs the command again.
#pragma once

#include "core/Aktenzeichen.h"
#include "core/Case.h"
#include "core/Command.h"
#include "core/Deputyship.h"
#include "core/DocumentRef.h"
#include "core/Note.h"
#include "core/User.h"
#include "server/CommandResult.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <initializer_list>
#include <optional>
#include <utility>

namespace casedesk::server {

struct ClientSequence {
    QUuid userId; // the user the installation belongs to
    qint64 lastApplied = 0;
};

class CaseStore {
public:
    explicit CaseStore(QSqlDatabase db);

    QSqlDatabase database() const { return m_db; } // for other stores in the same transaction

    // Conflict for a serialization failure, deadlock or unique violation (retry), Database otherwise.
    static Error sqlError(const QSqlError &error);

    // Runs the connection's kept statement `sql` (ServerDatabase::preparedQuery) with `values` bound to its
    // placeholders by name; failures as sqlError().
    static Result<QSqlQuery *> run(const QSqlDatabase &db, const QString &sql,
                                   const QList<std::pair<QString, QVariant>> &values);

    // Advances the client's last applied sequence to `clientSeq` when it is the next one and the installation is
    // `userId`'s; the row stays locked until the transaction ends. Not advanced when not (a new client, a replay,
    // a gap, another user's installation): lockClientSequence() tells which. When advanced, the command's case is
    // locked too, as lockCase() does. One statement for the usual case, because every command that is applied or
    // rejected advances the sequence and every other outcome rolls back.
    struct SequenceAndCase {
        bool advanced = false;
        Result<std::optional<Case>> locked = std::optional<Case>(); // none when not advanced
    };
    Result<SequenceAndCase> advanceSequenceLockingCase(const QUuid &clientId, const QUuid &userId, qint64 clientSeq,
                                                       const QUuid &caseId);
    // The client's row, created for `userId` on first use, locked until the transaction ends.
    Result<ClientSequence> lockClientSequence(const QUuid &clientId, const QUuid &userId);
    Result<void> setLastApplied(const QUuid &clientId, qint64 clientSeq);
    Result<std::optional<CommandResult>> storedResult(const QUuid &clientId, qint64 clientSeq);
    // The case as a command left it, for storeCommand(): a new case (createCase) to be numbered and inserted as
    // insertNumberedCase() does, or a locked case whose row is updated.
    struct ChangedCase {
        const Case *theCase = nullptr;
        enum class Row { ToInsert, ToUpdate } row = Row::ToUpdate;
        QDateTime at; // when the server applied the command
        int year = 0; // of a new case's Aktenzeichen
    };
    // `name` as it came over the wire (an unknown command is stored with its own name). False, when a command with
    // this id exists already: then the caller rolls back. With a changed case, the same statement inserts or
    // updates its row, writes the command's row of the change feed (with the case's team and assignee) as
    // addChange() would but unannounced, and the command's row of the case's audit chain (AuditLog::rowSql()).
    Result<bool> storeCommand(const Command &command, const QString &name, const QUuid &userId,
                              const CommandResult &result, std::optional<ChangedCase> changed);
    // A command a citizen portal caused (intake): stored with the portal instead of a user.
    Result<void> storePortalCommand(const Command &command, const QUuid &portalId, const CommandResult &result);

    // The case locked for update; nullopt when there is none. Corrupt when its stored JSON is unreadable.
    Result<std::optional<Case>> lockCase(const QUuid &caseId);
    // Whether `userId` pushed a createCase for this case that was rejected (its later commands are, too).
    Result<bool> creationRejected(const QUuid &caseId, const QUuid &userId);
    // Inserts the new case with the team's next Aktenzeichen of `year`, set into `theCase` too. Numbers are taken
    // under the counter row's lock, so they have no gaps and no duplicates across server processes. The team must
    // exist (teamExists()).
    Result<void> insertNumberedCase(Case *theCase, int year);
    Result<void> updateCase(const Case &theCase);
    // A row of the change feed, announced to LISTEN casedesk_changes when the transaction commits. A null
    // commandId: a change the server made itself (a timer fired).
    Result<qint64> addChange(const QUuid &caseId, qint64 caseVersion, const QUuid &commandId);
    // Tells LISTEN casedesk_changes that changes were committed (outside their transactions: PostgreSQL holds a
    // global lock from a notifying transaction's commit until it is durable, which would serialise the commits of
    // all pushes; so a push announces once, after its commands).
    static Result<void> announceChanges(const QSqlDatabase &db);

    Result<bool> teamExists(const QUuid &teamId);
    Result<std::optional<User>> user(const QUuid &userId);
    Result<QList<Deputyship>> deputyshipsOf(const QUuid &deputyId); // where the user stands in

    // False, with nothing written, when a note with this id exists already.
    Result<bool> insertNote(const Note &note);
    Result<bool> documentExists(const QUuid &documentId);
    // `document.sha256` must name a stored blob; name, kind and the rest are kept as given.
    Result<void> insertDocument(const DocumentRef &document, const QUuid &addedBy);
    // Renames and/or re-kinds a document of the case; false when the case has no such document.
    Result<bool> updateDocumentMeta(const QUuid &documentId, const QUuid &caseId, const std::optional<QString> &name,
                                    const std::optional<DocumentKind> &kind);
    Result<void> insertConsultation(const QUuid &id, const QUuid &caseId, const QUuid &teamId,
                                    const QUuid &requestedBy);
    // Ends the team's open consultation of the case, by the command `commandId` (its change wakes the team).
    Result<void> endConsultation(const QUuid &caseId, const QUuid &teamId, const QUuid &commandId);
    Result<void> insertDeputyship(const QUuid &id, const Deputyship &deputyship, const QUuid &createdBy);
    // Ends the absent user's deputyships from `today` on: running ones end yesterday, future ones go.
    Result<void> endDeputyships(const QUuid &absentUserId, const QDate &today);

private:
    Result<bool> insertCommand(const Command &command, const QString &name, const QUuid &userId, const QUuid &portalId,
                               const CommandResult &result, std::optional<ChangedCase> changed);

    QSqlDatabase m_db;
};

} // namespace casedesk::server
