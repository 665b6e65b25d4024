// The outbox: the user's commands not yet confirmed by the server, kept apart from the confirmed state.
// A local edit and its outbox entry are written in one transaction (DESIGN.md, decision 3).
#pragma once

#include "core/Command.h"
#include "core/Result.h"

#include <QList>

namespace casedesk::storage {

class CacheDatabase;

struct OutboxEntry {
    enum class State { Pending, Rejected, Conflict };
    Command command;
    State state = State::Pending;
    QString reason;           // the server's reason code ("field_conflict", "forbidden", ...), worded by the UI
    QJsonObject serverValues; // for a conflict: the server's values per field

    bool operator==(const OutboxEntry &) const = default;
};

class Outbox {
public:
    explicit Outbox(CacheDatabase &db);

    // Stamps the command (id UUIDv7, clientId and next clientSeq of this installation, madeAt from the
    // Clock), checks it on the visible state as the server would (CommandCheck: permission policy, workflow
    // engine, form rules; a refusal or conflict leaves everything unchanged), then writes the outbox entry, the new
    // visible state and its search entry in one transaction with synchronous=FULL. `actor` is the user making it.
    Result<Command> submit(CommandName name, const QUuid &caseId, const QJsonObject &args, const QUuid &actor);

    // "Needs attention": a rejected or conflicting command is resolved by the user. discard() drops it;
    // reapply() makes the change again as a new command on top of what is there now (each field's old value
    // and the expected assignee taken from the visible state) and drops the old one, in one transaction.
    // Pending commands are refused: the server may still apply them.
    Result<void> discard(const QUuid &commandId);
    Result<Command> reapply(const QUuid &commandId, const QUuid &actor);

    // This installation's clientId (DESIGN.md, "Commands"), made on first use and kept in the settings.
    Result<QUuid> clientId();

    Result<QList<OutboxEntry>> entries(); // in clientSeq order
    Result<QList<OutboxEntry>> entriesFor(const QUuid &caseId);
    Result<qint64> pendingCount();

private:
    // submit() within the caller's transaction.
    Result<Command> append(CommandName name, const QUuid &caseId, const QJsonObject &args, const QUuid &actor);
    // Reads and removes a rejected or conflicting entry (within the caller's transaction).
    Result<OutboxEntry> takeResolvable(const QUuid &commandId);

    CacheDatabase &m_db;
};

} // namespace casedesk::storage
