#include "storage/Outbox.h"

#include "core/Clock.h"
#include "core/CommandReplay.h"
#include "core/Uuid.h"
#include "storage/CacheDatabase.h"
#include "storage/CaseViewWriter.h"
#include "storage/CommandCheck.h"
#include "storage/FailPoint.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"
#include "storage/StoredJson.h"

#include <QCoreApplication>

namespace casedesk::storage {

namespace {

// Settings that identify this installation's command stream (DESIGN.md, "Commands (v1)"). The last used
// sequence number is kept apart from the outbox, which empties as the server confirms commands.
const QString ClientIdKey = QStringLiteral("client_id");
const QString LastClientSeqKey = QStringLiteral("last_client_seq");

QString stateText(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Pending:
        return QStringLiteral("pending");
    case OutboxEntry::State::Rejected:
        return QStringLiteral("rejected");
    case OutboxEntry::State::Conflict:
        return QStringLiteral("conflict");
    }
    return QStringLiteral("pending");
}

Result<OutboxEntry::State> stateFromText(const QString &text)
{
    for (auto state : {OutboxEntry::State::Pending, OutboxEntry::State::Rejected, OutboxEntry::State::Conflict}) {
        if (stateText(state) == text)
            return state;
    }
    return makeError(ErrorCode::Corrupt,
                     QCoreApplication::translate("Storage", "The local case cache holds damaged data. You can move it "
                                                            "aside; CaseDesk then builds a new cache and fetches your "
                                                            "cases from the server again."),
                     QStringLiteral("outbox state '%1'").arg(text));
}

Result<QList<OutboxEntry>> readEntries(SqliteStatement &stmt)
{
    QList<OutboxEntry> entries;
    for (;;) {
        auto row = stmt.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        auto json = StoredJson::object(stmt.text(0));
        if (!json)
            return json.error();
        auto command = Command::fromJson(*json);
        if (!command)
            return command.error();
        auto state = stateFromText(stmt.text(1));
        if (!state)
            return state.error();
        auto serverValues = StoredJson::object(stmt.text(3));
        if (!serverValues)
            return serverValues.error();
        entries.append({std::move(command).value(), *state, stmt.text(2), *serverValues});
    }
    return entries;
}

} // namespace

Outbox::Outbox(CacheDatabase &db) : m_db(db) {}

Result<QUuid> Outbox::clientId()
{
    ReferenceRepository settings(m_db);
    auto stored = settings.setting(ClientIdKey);
    if (!stored)
        return stored.error();
    if (const QUuid id = uuidFromString(*stored); !id.isNull())
        return id;
    const QUuid id = createUuidV7();
    if (auto written = settings.setSetting(ClientIdKey, uuidToString(id)); !written)
        return written.error();
    return id;
}

Result<Command> Outbox::submit(CommandName name, const QUuid &caseId, const QJsonObject &args, const QUuid &actor)
{
    SqliteDatabase &db = m_db.sqlite();
    // Everything from reading the visible state to the commit happens under one write lock.
    SqliteTransaction transaction(db);
    if (!transaction.began())
        return transaction.began().error();
    auto command = append(name, caseId, args, actor);
    if (!command)
        return command.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return command;
}

Result<Command> Outbox::append(CommandName name, const QUuid &caseId, const QJsonObject &args, const QUuid &actor)
{
    if (caseId.isNull() || actor.isNull())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Storage", "The change names no case or no user. Please report "
                                                                "this problem to your IT support."));
    if (auto valid = validateCommandArgs(name, args); !valid)
        return valid.error();

    SqliteDatabase &db = m_db.sqlite();
    CaseViewWriter writer(db);
    auto visible = writer.visibleCase(caseId);
    if (!visible)
        return visible.error();
    if (name == CommandName::CreateCase && *visible)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Storage", "This case exists already. Reload it and try again."));
    if (name != CommandName::CreateCase && !*visible)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Storage", "This case is no longer in your cache. Refresh the "
                                                                "inbox; it may have been moved out of your scope."));

    auto clientId = this->clientId();
    if (!clientId)
        return clientId.error();
    ReferenceRepository settings(m_db);
    auto lastSeq = settings.setting(LastClientSeqKey);
    if (!lastSeq)
        return lastSeq.error();

    Command command;
    command.id = createUuidV7();
    command.clientId = *clientId;
    command.clientSeq = lastSeq->toLongLong() + 1; // "" (none yet) counts as 0
    command.caseId = caseId;
    command.name = name;
    command.args = args;
    command.madeAt = Clock::current().now();

    // The checks the server makes, so the user hears about a refusal or a conflict now rather than after sync.
    Case replayed = visible->value_or(Case{});
    if (auto checked = CommandCheck(db).check(command, actor, &replayed); !checked)
        return checked.error();
    if (replayed.id != caseId)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate(
                                                 "Storage", "The new case does not carry the id it was created "
                                                            "with. Please report this problem to your IT support."));

    auto insert = db.prepare(QStringLiteral("INSERT INTO outbox (seq, command_id, case_id, name, actor_id, json, "
                                            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    auto inserted = (*insert)
                        ->bind(1, command.clientSeq)
                        .bind(2, uuidToString(command.id))
                        .bind(3, uuidToString(caseId))
                        .bind(4, commandNameToString(name))
                        .bind(5, uuidToString(actor))
                        .bind(6, StoredJson::text(command.toJson()))
                        .bind(7, command.madeAt.toString(Qt::ISODateWithMs))
                        .run();
    if (!inserted)
        return inserted.error();
    if (auto failed = FailPoint::hit("outbox entry written"); !failed)
        return failed.error();
    if (auto stored = settings.setSetting(LastClientSeqKey, QString::number(command.clientSeq)); !stored)
        return stored.error();
    if (auto failed = FailPoint::hit("client sequence written"); !failed)
        return failed.error();
    if (auto refreshed = writer.refresh(caseId); !refreshed)
        return refreshed.error();
    if (auto failed = FailPoint::hit("visible case written"); !failed)
        return failed.error();
    return command;
}

Result<OutboxEntry> Outbox::takeResolvable(const QUuid &commandId)
{
    SqliteDatabase &db = m_db.sqlite();
    auto find =
        db.prepare(QStringLiteral("SELECT json, state, reason, server_values FROM outbox WHERE command_id = ?"));
    if (!find)
        return find.error();
    (*find)->bind(1, uuidToString(commandId));
    auto found = readEntries(**find);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Storage", "This change is no longer waiting for you: it was "
                                                                "resolved already. Refresh the list."));
    const OutboxEntry entry = found->constFirst();
    // A pending command may be on its way to the server, which may apply it: only the server's answer ends it.
    if (entry.state == OutboxEntry::State::Pending)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Storage", "This change is still being sent to the server. Wait "
                                                                "for its answer, then decide."));
    auto remove = db.prepare(QStringLiteral("DELETE FROM outbox WHERE command_id = ?"));
    if (!remove)
        return remove.error();
    if (auto removed = (*remove)->bind(1, uuidToString(commandId)).run(); !removed)
        return removed.error();
    return entry;
}

Result<void> Outbox::discard(const QUuid &commandId)
{
    SqliteDatabase &db = m_db.sqlite();
    SqliteTransaction transaction(db);
    if (!transaction.began())
        return transaction.began();
    auto entry = takeResolvable(commandId);
    if (!entry)
        return entry.error();
    CaseViewWriter writer(db);
    if (auto refreshed = writer.refresh(entry->command.caseId); !refreshed)
        return refreshed;
    return transaction.commit();
}

Result<Command> Outbox::reapply(const QUuid &commandId, const QUuid &actor)
{
    SqliteDatabase &db = m_db.sqlite();
    SqliteTransaction transaction(db);
    if (!transaction.began())
        return transaction.began().error();
    auto entry = takeResolvable(commandId);
    if (!entry)
        return entry.error();
    const Command &old = entry->command;
    auto visible = CaseViewWriter(db).visibleCase(old.caseId);
    if (!visible)
        return visible.error();
    // A case that left the cache (or a createCase of one that exists now) has nothing to re-apply to:
    // append() says so, and the entry stays as it was.
    const QJsonObject args = *visible ? rebasedArgs(old, **visible) : old.args;
    auto command = append(old.name, old.caseId, args, actor);
    if (!command)
        return command.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return command;
}

Result<QList<OutboxEntry>> Outbox::entries()
{
    auto stmt =
        m_db.sqlite().prepare(QStringLiteral("SELECT json, state, reason, server_values FROM outbox ORDER BY seq"));
    if (!stmt)
        return stmt.error();
    return readEntries(**stmt);
}

Result<QList<OutboxEntry>> Outbox::entriesFor(const QUuid &caseId)
{
    auto stmt = m_db.sqlite().prepare(
        QStringLiteral("SELECT json, state, reason, server_values FROM outbox WHERE case_id = ? ORDER BY seq"));
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, uuidToString(caseId));
    return readEntries(**stmt);
}

Result<qint64> Outbox::pendingCount()
{
    return m_db.sqlite().queryInt64(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"));
}

} // namespace casedesk::storage
