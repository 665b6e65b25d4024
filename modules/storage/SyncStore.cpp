#include "storage/SyncStore.h"

#include "core/JsonFields.h"
#include "core/Uuid.h"
#include "storage/CacheDatabase.h"
#include "storage/CaseRepository.h"
#include "storage/CaseViewWriter.h"
#include "storage/FailPoint.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"
#include "storage/StorageLog.h"
#include "storage/StoredJson.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <limits>

namespace casedesk::storage {

namespace {

// The Outbox stamps commands with the same setting (Outbox.cpp).
const QString CursorKey = QStringLiteral("sync_cursor");
// "1" from the page that started a reset until the page that ends its feed.
const QString ResetKey = QStringLiteral("sync_reset_running");

bool outcomeFromString(const QString &text, CommandOutcome::Kind *kind)
{
    static constexpr json::EnumKey<CommandOutcome::Kind> keys[] = {
        {CommandOutcome::Kind::Applied, "applied"},
        {CommandOutcome::Kind::Rejected, "rejected"},
        {CommandOutcome::Kind::Conflict, "conflict"},
    };
    return json::enumFromString(keys, text, kind);
}

// A part of a page we cannot read: the whole page is refused, so that it is pulled again rather than half stored.
Error unreadable(const Error &cause)
{
    return makeError(ErrorCode::Invalid,
                     QCoreApplication::translate("Storage", "The server sent changes that this version of CaseDesk "
                                                            "cannot read. Nothing of them was stored. If this "
                                                            "persists, report it to your IT support."),
                     cause.toString());
}

template <typename T> Result<QList<T>> parseList(const QJsonArray &array)
{
    QList<T> items;
    items.reserve(array.size());
    for (const QJsonValue &value : array) {
        if (!value.isObject())
            return makeError(ErrorCode::Invalid, QString(), QStringLiteral("an entry that is not an object"));
        Result<T> item = T::fromJson(value.toObject());
        if (!item)
            return item.error();
        items.append(std::move(item).value());
    }
    return items;
}

Result<PulledPage::Entry> parseEntry(const QJsonValue &value)
{
    json::Reader reader(value.toObject());
    PulledPage::Entry entry;
    entry.confirmed = reader.requiredNested<Case>(QLatin1String("case"));
    const qint64 version = reader.requiredInteger(QLatin1String("version"), 1, std::numeric_limits<qint64>::max());
    const QJsonArray notes = reader.optionalArray(QLatin1String("notes"));
    const QJsonArray documents = reader.optionalArray(QLatin1String("documents"));
    if (!reader.ok())
        return reader.error();
    // The server's version column is the authority; the stored JSON may lag behind it.
    entry.confirmed.version = version;
    auto parsedNotes = parseList<Note>(notes);
    if (!parsedNotes)
        return parsedNotes.error();
    auto parsedDocuments = parseList<DocumentRef>(documents);
    if (!parsedDocuments)
        return parsedDocuments.error();
    entry.notes = std::move(parsedNotes).value();
    entry.documents = std::move(parsedDocuments).value();
    const QUuid caseId = entry.confirmed.id;
    const auto foreign = [&](const auto &item) { return item.caseId != caseId; };
    // What comes with a case belongs to it: a page cannot slip a Vermerk into another case.
    if (std::any_of(entry.notes.cbegin(), entry.notes.cend(), foreign) ||
        std::any_of(entry.documents.cbegin(), entry.documents.cend(), foreign))
        return makeError(
            ErrorCode::Invalid, QString(),
            QStringLiteral("a Vermerk or document of case %1 names another case").arg(uuidToString(caseId)));
    return entry;
}

} // namespace

Result<CommandOutcome> CommandOutcome::fromJson(const QJsonObject &json)
{
    json::Reader reader(json);
    CommandOutcome outcome;
    outcome.commandId = reader.requiredUuid(QLatin1String("commandId"));
    outcome.clientSeq = reader.requiredInteger(QLatin1String("clientSeq"), 1, std::numeric_limits<qint64>::max());
    outcome.kind = reader.requiredEnum(QLatin1String("result"), &outcomeFromString);
    // A pull page nests the rest in "detail", a push reply does not.
    const QJsonObject detail =
        json.contains(QLatin1String("detail")) ? reader.requiredObject(QLatin1String("detail")) : json;
    if (!reader.ok())
        return reader.error();
    json::Reader details(detail);
    outcome.caseVersion =
        details.optionalInteger(QLatin1String("caseVersion"), 0, std::numeric_limits<qint64>::max(), 0);
    outcome.code = details.optionalString(QLatin1String("code"));
    outcome.message = details.optionalString(QLatin1String("message"));
    outcome.conflicts = details.optionalObject(QLatin1String("conflicts"));
    if (!details.ok())
        return details.error();
    return outcome;
}

Result<PulledPage> PulledPage::fromJson(const QJsonObject &json)
{
    json::Reader reader(json);
    PulledPage page;
    const QJsonArray cases = reader.optionalArray(QLatin1String("cases"));
    page.removed = reader.optionalUuidList(QLatin1String("removed"));
    page.cursor = reader.requiredString(QLatin1String("cursor"));
    page.more = reader.optionalBool(QLatin1String("more"), false);
    page.reset = reader.optionalBool(QLatin1String("reset"), false);
    const QJsonArray results = reader.optionalArray(QLatin1String("results"));
    page.resultsMore = reader.optionalBool(QLatin1String("resultsMore"), false);
    page.resultsHeld = reader.optionalBool(QLatin1String("resultsHeld"), false);
    if (!reader.ok())
        return unreadable(reader.error());
    page.cases.reserve(cases.size());
    for (const QJsonValue &value : cases) {
        Result<Entry> entry = parseEntry(value);
        if (!entry)
            return unreadable(entry.error());
        page.cases.append(std::move(entry).value());
    }
    for (const QJsonValue &value : results) {
        Result<CommandOutcome> outcome = CommandOutcome::fromJson(value.toObject());
        if (!outcome)
            return unreadable(outcome.error());
        page.results.append(std::move(outcome).value());
    }
    return page;
}

SyncStore::SyncStore(CacheDatabase &db) : m_db(db) {}

QString SyncStore::cursorKey()
{
    return CursorKey;
}

Result<QUuid> SyncStore::clientId()
{
    return Outbox(m_db).clientId();
}

Result<QString> SyncStore::cursor()
{
    ReferenceRepository settings(m_db);
    auto resetRunning = settings.setting(ResetKey);
    if (!resetRunning)
        return resetRunning.error();
    // Which cases the interrupted reset had delivered went with the last run: start the feed over.
    if (*resetRunning == QLatin1String("1") && !m_stale)
        return QString();
    return settings.setting(CursorKey);
}

Result<qint64> SyncStore::resultsAfter()
{
    auto first = m_db.sqlite().queryInt64(QStringLiteral("SELECT MIN(seq) FROM outbox WHERE state = 'pending'"));
    if (!first)
        return first.error();
    return *first > 0 ? *first - 1 : -1;
}

Result<QList<Command>> SyncStore::pendingCommands(qint64 afterSeq, int limit)
{
    auto stmt = m_db.sqlite().prepare(
        QStringLiteral("SELECT json FROM outbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?"));
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, afterSeq).bind(2, limit);
    return StoredJson::parseAll<Command>(**stmt);
}

Result<qint64> SyncStore::pendingCount()
{
    return Outbox(m_db).pendingCount();
}

Result<void> SyncStore::applyPage(const PulledPage &page)
{
    SqliteDatabase &db = m_db.sqlite();
    ReferenceRepository settings(m_db);
    auto resetRunning = settings.setting(ResetKey);
    if (!resetRunning)
        return resetRunning.error();
    // A repository destroyed before finishBulkLoad() rolls everything below back.
    CaseRepository repository(m_db);
    if (auto began = repository.beginBulkLoad(); !began)
        return began;

    std::optional<QSet<QUuid>> stale = m_stale;
    if (page.reset || (*resetRunning == QLatin1String("1") && !stale)) {
        stale.emplace();
        auto all = db.prepare(QStringLiteral("SELECT id FROM case_confirmed"));
        if (!all)
            return all.error();
        auto read = (*all)->forEachRow([&](const SqliteStatement &row) {
            stale->insert(uuidFromString(row.text(0)));
            return Result<void>();
        });
        if (!read)
            return read;
        if (auto marked = settings.setSetting(ResetKey, QStringLiteral("1")); !marked)
            return marked;
        qCInfo(lcStorage) << "sync reset:" << stale->size() << "confirmed cases wait for the new feed";
    }

    // Results first, so that the visible states derived below replay only what is still pending.
    QSet<QUuid> touched;
    auto find = db.prepare(QStringLiteral("SELECT case_id FROM outbox WHERE seq = ? AND command_id = ?"));
    if (!find)
        return find.error();
    auto remove = db.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?"));
    if (!remove)
        return remove.error();
    auto mark = db.prepare(QStringLiteral("UPDATE outbox SET state = ?, reason = ?, server_values = ? WHERE seq = ?"));
    if (!mark)
        return mark.error();
    for (const CommandOutcome &outcome : page.results) {
        (*find)->bind(1, outcome.clientSeq).bind(2, uuidToString(outcome.commandId));
        auto row = (*find)->step();
        if (!row)
            return row.error();
        const QUuid caseId = *row ? uuidFromString((*find)->text(0)) : QUuid();
        (*find)->reset();
        if (caseId.isNull())
            continue; // resolved here before (a result comes again while later commands are pending)
        touched.insert(caseId);
        Result<void> done;
        if (outcome.kind == CommandOutcome::Kind::Applied) {
            done = (*remove)->bind(1, outcome.clientSeq).run();
        } else {
            const QString state = outcome.kind == CommandOutcome::Kind::Conflict ? QStringLiteral("conflict")
                                                                                 : QStringLiteral("rejected");
            done = (*mark)
                       ->bind(1, state)
                       .bind(2, outcome.code.isEmpty() ? state : outcome.code) // worded by the UI, in its language
                       .bind(3, StoredJson::text(outcome.conflicts))
                       .bind(4, outcome.clientSeq)
                       .run();
        }
        if (!done)
            return done;
    }
    if (auto failed = FailPoint::hit("page results written"); !failed)
        return failed;

    QList<Case> cases;
    QList<Note> notes;
    QList<DocumentRef> documents;
    cases.reserve(page.cases.size());
    for (const PulledPage::Entry &entry : page.cases) {
        cases.append(entry.confirmed);
        notes.append(entry.notes);
        documents.append(entry.documents);
        touched.remove(entry.confirmed.id); // storeConfirmed derives their visible state
        if (stale)
            stale->remove(entry.confirmed.id);
    }
    if (auto stored = repository.storeConfirmed(cases, notes, documents); !stored)
        return stored;
    if (auto failed = FailPoint::hit("page cases written"); !failed)
        return failed;

    QList<QUuid> dropped = page.removed;
    if (stale && !page.more) {
        dropped.append(stale->values());
        if (auto ended = settings.setSetting(ResetKey, QString()); !ended)
            return ended;
        qCInfo(lcStorage) << "sync reset done:" << stale->size() << "cases left the scope";
    }
    for (const QString &sql : {QStringLiteral("DELETE FROM case_confirmed WHERE id = ?"),
                               QStringLiteral("DELETE FROM note_confirmed WHERE case_id = ?"),
                               QStringLiteral("DELETE FROM document_confirmed WHERE case_id = ?")}) {
        auto drop = db.prepare(sql);
        if (!drop)
            return drop.error();
        for (const QUuid &caseId : std::as_const(dropped)) {
            if (auto done = (*drop)->bind(1, uuidToString(caseId)).run(); !done)
                return done;
        }
    }
    for (const QUuid &caseId : std::as_const(dropped)) {
        touched.insert(caseId);
        if (stale)
            stale->remove(caseId);
    }
    if (auto failed = FailPoint::hit("page removals written"); !failed)
        return failed;

    CaseViewWriter writer(db);
    for (const QUuid &caseId : std::as_const(touched)) {
        if (auto refreshed = writer.refresh(caseId); !refreshed)
            return refreshed;
    }
    if (auto failed = FailPoint::hit("page visible cases written"); !failed)
        return failed;
    if (auto stored = settings.setSetting(CursorKey, page.cursor); !stored)
        return stored;
    if (auto failed = FailPoint::hit("page cursor written"); !failed)
        return failed;
    const auto end = page.more ? CaseRepository::LoadEnd::MoreToCome : CaseRepository::LoadEnd::Complete;
    if (auto committed = repository.finishBulkLoad(end); !committed)
        return committed;
    m_stale = page.more ? stale : std::nullopt;
    return {};
}

Result<void> SyncStore::pullBrokenOff()
{
    return CaseRepository(m_db).ensureInboxIndexes();
}

} // namespace casedesk::storage
