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
    QString reason;           // server's reason for a rejection or conflict
    QJsonObject serverValues; // for a conflict: the server's values per field
};

class Outbox {
public:
    explicit Outbox(CacheDatabase &db);

    // Stamps the command (id UUIDv7, clientId and next clientSeq of this installation, madeAt from the
    // Clock), checks it by replaying it on the visible state (Conflict/Invalid errors leave everything
    // unchanged), then writes the outbox entry, the new visible state and its search entry in one
    // transaction with synchronous=FULL. `actor` is the user making it.
    Result<Command> submit(CommandName name, const QUuid &caseId, const QJsonObject &args, const QUuid &actor);

    Result<QList<OutboxEntry>> entries(); // in clientSeq order
    Result<QList<OutboxEntry>> entriesFor(const QUuid &caseId);
    Result<qint64> pendingCount();

private:
    CacheDatabase &m_db;
};

} // namespace casedesk::storage
