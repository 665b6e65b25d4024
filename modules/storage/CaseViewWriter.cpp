#include "storage/CaseViewWriter.h"

#include "core/Uuid.h"
#include "storage/ColumnValue.h"
#include "storage/SearchIndexer.h"
#include "storage/SortKey.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"
#include "storage/StorageWorkers.h"
#include "storage/StoredJson.h"

#include <QFuture>
#include <QJsonArray>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>
#include <vector>

namespace casedesk::storage {

namespace {

// The columns written for a visible case, in binding order (id last, so UPDATE binds row_id after it).
const QStringList &viewColumns()
{
    static const QStringList columns{
        QStringLiteral("team_id"),
        QStringLiteral("assignee_id"),
        QStringLiteral("case_type"),
        QStringLiteral("closed"),
        QStringLiteral("has_pending"),
        QStringLiteral("priority"),
        QStringLiteral("aktenzeichen"),
        QStringLiteral("title"),
        QStringLiteral("applicant"),
        QStringLiteral("status_text"),
        QStringLiteral("assignee_name"),
        QStringLiteral("received"),
        QStringLiteral("deadline"),
        QStringLiteral("follow_up"),
        QStringLiteral("deadline_key"),
        QStringLiteral("received_key"),
        QStringLiteral("aktenzeichen_key"),
        QStringLiteral("applicant_key"),
        QStringLiteral("status_key"),
        QStringLiteral("assignee_key"),
        QStringLiteral("json"),
        QStringLiteral("id"),
    };
    return columns;
}

QString insertSql()
{
    const QStringList &columns = viewColumns();
    QStringList placeholders;
    for (qsizetype i = 1; i <= columns.size(); ++i)
        placeholders << QStringLiteral("?%1").arg(i);
    return QStringLiteral("INSERT INTO case_view (%1) VALUES (%2)").arg(columns.join(u','), placeholders.join(u','));
}

QString updateSql()
{
    const QStringList &columns = viewColumns();
    QStringList assignments;
    for (qsizetype i = 0; i < columns.size(); ++i)
        assignments << QStringLiteral("%1 = ?%2").arg(columns.at(i)).arg(i + 1);
    return QStringLiteral("UPDATE case_view SET %1 WHERE row_id = ?%2")
        .arg(assignments.join(u','))
        .arg(columns.size() + 1);
}

// Parts go on lines of their own: a line break is no joining separator, so the index gets no joined forms
// across two values ("114" + "70176", a weight + a plate), only within one.
void appendText(QString *out, const QString &text)
{
    if (text.isEmpty())
        return;
    if (!out->isEmpty())
        out->append(QLatin1Char('\n'));
    out->append(text);
}

// A uuid form value references an upload, whose name and text are indexed with the documents; its hex
// pieces are no words and would add dozens of joined forms per case.
bool isReference(const QString &text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

// Form values as plain words for the search index (licence plates, names and numbers among them).
void flattenValue(const QJsonValue &value, QString *out)
{
    switch (value.type()) {
    case QJsonValue::String:
        if (const QString text = value.toString(); !isReference(text))
            appendText(out, text);
        break;
    case QJsonValue::Double:
        appendText(out, QString::number(value.toDouble(), 'g', 15));
        break;
    case QJsonValue::Array:
        for (const QJsonValue &item : value.toArray())
            flattenValue(item, out);
        break;
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            flattenValue(it.value(), out);
        break;
    }
    default: // null, booleans, undefined carry no words
        break;
    }
}

SearchDocument searchDocument(const Case &c, const QList<Note> &notes, const QList<DocumentRef> &documents)
{
    SearchDocument document;
    document.title = c.title;
    const Party &applicant = c.applicant;
    const PostalAddress &address = applicant.address;
    for (const QString &part : {applicant.displayName(), applicant.organisation, address.street, address.houseNumber,
                                address.postcode, address.city, address.district})
        appendText(&document.applicant, part);
    document.aktenzeichen = c.displayAktenzeichen();
    flattenValue(c.formData, &document.formValues);
    for (const Note &note : notes)
        appendText(&document.notes, note.text);
    for (const DocumentRef &ref : documents) {
        appendText(&document.documents, ref.name);
        appendText(&document.documents, ref.text);
    }
    return document;
}

// The order note_confirmed and document_confirmed are read in (ORDER BY time, id: the stored texts).
// The keys are made once per item: made per comparison, they cost as much as writing the case's row.
template <typename T> void sortAsStored(QList<T> *items, QDateTime T::*time)
{
    if (items->size() < 2)
        return;
    std::vector<std::pair<QString, QString>> keys;
    keys.reserve(size_t(items->size()));
    for (const T &item : std::as_const(*items))
        keys.emplace_back((item.*time).toString(Qt::ISODateWithMs), uuidToString(item.id));
    std::vector<qsizetype> order(keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&keys](qsizetype a, qsizetype b) { return keys[size_t(a)] < keys[size_t(b)]; });
    QList<T> sorted;
    sorted.reserve(items->size());
    for (const qsizetype i : order)
        sorted.append(std::move((*items)[i]));
    *items = std::move(sorted);
}

// Vermerke are shown oldest first; among equal times in stored order.
void sortByCreation(QList<Note> *notes)
{
    std::stable_sort(notes->begin(), notes->end(),
                     [](const Note &a, const Note &b) { return a.createdAt < b.createdAt; });
}

// A row just inserted into case_view has no index entry yet (every row removal removes its entry too).
SearchIndexer::Entry entryKind(bool inserted)
{
    return inserted ? SearchIndexer::Entry::New : SearchIndexer::Entry::Existing;
}

Result<Case> caseFromStored(const QString &text)
{
    auto json = StoredJson::object(text);
    if (!json)
        return json.error();
    return Case::fromJson(*json);
}

// Value types stored as JSON in the first column of a query about one case, in the query's order.
template <typename T> Result<QList<T>> readStoredForCase(SqliteDatabase &db, const QString &sql, const QUuid &caseId)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, uuidToString(caseId));
    return StoredJson::parseAll<T>(**stmt);
}

} // namespace

CaseViewWriter::CaseViewWriter(SqliteDatabase &db) : m_db(db), m_check(db) {}

Result<std::optional<Case>> CaseViewWriter::confirmedCase(const QUuid &caseId)
{
    return storedCase(QStringLiteral("SELECT json FROM case_confirmed WHERE id = ?"), caseId);
}

Result<std::optional<Case>> CaseViewWriter::visibleCase(const QUuid &caseId)
{
    return storedCase(QStringLiteral("SELECT coalesce(v.json, c.json) FROM case_view v "
                                     "LEFT JOIN case_confirmed c ON c.id = v.id WHERE v.id = ?"),
                      caseId);
}

Result<std::optional<Case>> CaseViewWriter::storedCase(const QString &sql, const QUuid &caseId)
{
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, uuidToString(caseId));
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Case>();
    auto parsed = caseFromStored((*stmt)->text(0));
    (*stmt)->reset();
    if (!parsed)
        return parsed.error();
    return std::optional<Case>(std::move(parsed).value());
}

Result<QList<CaseViewWriter::PendingCommand>> CaseViewWriter::pendingCommands(const QUuid &caseId)
{
    auto stmt = m_db.prepare(
        QStringLiteral("SELECT json, actor_id FROM outbox WHERE case_id = ? AND state = 'pending' ORDER BY seq"));
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, uuidToString(caseId));
    QList<PendingCommand> pending;
    auto read = (*stmt)->forEachRow([&](const SqliteStatement &row) -> Result<void> {
        auto command = StoredJson::parse<Command>(row.text(0));
        if (!command)
            return command.error();
        pending.append({std::move(command).value(), uuidFromString(row.text(1))});
        return {};
    });
    if (!read)
        return read.error();
    return pending;
}

Result<QList<Note>> CaseViewWriter::visibleNotes(const QUuid &caseId)
{
    auto pending = pendingCommands(caseId);
    if (!pending)
        return pending.error();
    return visibleNotes(caseId, *pending);
}

Result<QList<Note>> CaseViewWriter::visibleNotes(const QUuid &caseId, const QList<PendingCommand> &pending)
{
    auto confirmed = readStoredForCase<Note>(
        m_db, QStringLiteral("SELECT json FROM note_confirmed WHERE case_id = ? ORDER BY created_at, id"), caseId);
    if (!confirmed)
        return confirmed.error();
    return withPending(std::move(confirmed).value(), pending, CommandName::AddNote, QLatin1String("note"),
                       &Note::createdAt);
}

Result<QList<DocumentRef>> CaseViewWriter::visibleDocuments(const QUuid &caseId)
{
    auto pending = pendingCommands(caseId);
    if (!pending)
        return pending.error();
    return visibleDocuments(caseId, *pending);
}

Result<QList<DocumentRef>> CaseViewWriter::visibleDocuments(const QUuid &caseId, const QList<PendingCommand> &pending)
{
    auto confirmed = confirmedDocuments(caseId);
    if (!confirmed)
        return confirmed.error();
    return withPending(std::move(confirmed).value(), pending, CommandName::AttachDocument, QLatin1String("document"),
                       &DocumentRef::addedAt);
}

template <typename T>
QList<T> CaseViewWriter::withPending(QList<T> items, const QList<PendingCommand> &pending, CommandName name,
                                     QLatin1String arg, QDateTime T::*time)
{
    const qsizetype confirmedCount = items.size();
    for (const PendingCommand &p : pending) {
        if (p.command.name != name)
            continue;
        auto item = T::fromJson(p.command.args.value(arg).toObject());
        // Once confirmed, an item may still sit in the outbox until the sync clears it: show it once.
        if (item && std::none_of(items.cbegin(), items.cbegin() + confirmedCount,
                                 [&](const T &known) { return known.id == item->id; }))
            items.append(std::move(item).value());
    }
    std::stable_sort(items.begin(), items.end(), [time](const T &a, const T &b) { return a.*time < b.*time; });
    return items;
}

Result<QList<DocumentRef>> CaseViewWriter::confirmedDocuments(const QUuid &caseId)
{
    return readStoredForCase<DocumentRef>(
        m_db, QStringLiteral("SELECT json FROM document_confirmed WHERE case_id = ? ORDER BY added_at, id"), caseId);
}

Result<QSet<QUuid>> CaseViewWriter::casesWithPendingCommands()
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT DISTINCT case_id FROM outbox WHERE state = 'pending'"));
    if (!stmt)
        return stmt.error();
    QSet<QUuid> cases;
    auto read = (*stmt)->forEachRow([&](const SqliteStatement &row) {
        cases.insert(uuidFromString(row.text(0)));
        return Result<void>();
    });
    if (!read)
        return read.error();
    return cases;
}

Result<QString> CaseViewWriter::assigneeName(const QUuid &assigneeId)
{
    if (assigneeId.isNull())
        return QString();
    if (const auto known = m_assigneeNames.constFind(assigneeId); known != m_assigneeNames.cend())
        return *known;
    auto stmt = m_db.prepare(QStringLiteral("SELECT display_name FROM users WHERE id = ?"));
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, uuidToString(assigneeId));
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    // An assignee the reference data does not know yet shows no name until it arrives (storeUsers fills it).
    const QString name = *row ? (*stmt)->text(0) : QString();
    (*stmt)->reset();
    m_assigneeNames.insert(assigneeId, name);
    return name;
}

Result<void> CaseViewWriter::refresh(const QUuid &caseId, const Case *knownConfirmed)
{
    std::optional<Case> visible;
    if (knownConfirmed) {
        visible = *knownConfirmed;
    } else {
        auto confirmed = confirmedCase(caseId);
        if (!confirmed)
            return confirmed.error();
        visible = std::move(confirmed).value();
    }
    auto pending = pendingCommands(caseId);
    if (!pending)
        return pending.error();
    for (const PendingCommand &p : *pending) {
        if (!visible && p.command.name != CommandName::CreateCase)
            continue; // nothing to apply it to (yet)
        Case next = visible.value_or(Case{});
        const Result<bool> replayed = m_check.replay(p.command, p.actor, &next);
        if (!replayed)
            return replayed.error();
        if (replayed.value())
            visible = std::move(next);
    }
    if (!visible)
        return remove(caseId);
    auto notes = visibleNotes(caseId, *pending);
    if (!notes)
        return notes.error();
    auto documents = visibleDocuments(caseId, *pending);
    if (!documents)
        return documents.error();
    visible->id = caseId;
    // Without pending commands the visible state is the confirmed one, whose JSON case_confirmed holds.
    return write(*visible, pending->isEmpty() ? QString() : StoredJson::text(visible->toJson()), !pending->isEmpty(),
                 *notes, *documents);
}

Result<void> CaseViewWriter::refreshConfirmed(const Case &confirmed, QList<Note> notes, QList<DocumentRef> documents)
{
    sortAsStored(&notes, &Note::createdAt);
    sortByCreation(&notes);
    sortAsStored(&documents, &DocumentRef::addedAt);
    return write(confirmed, QString(), false, notes, documents);
}

Result<void> CaseViewWriter::remove(const QUuid &caseId)
{
    auto find = m_db.prepare(QStringLiteral("SELECT row_id FROM case_view WHERE id = ?"));
    if (!find)
        return find.error();
    (*find)->bind(1, uuidToString(caseId));
    auto row = (*find)->step();
    if (!row)
        return row.error();
    if (!*row)
        return {};
    const qint64 rowId = (*find)->int64(0);
    (*find)->reset();
    // A deferred entry of the row is dropped: the index entry it would replace is removed below.
    if (const auto deferred = m_deferredSearchIndex.constFind(rowId); deferred != m_deferredSearchIndex.cend()) {
        m_deferredSearch[*deferred] = {};
        m_deferredSearchIndex.erase(deferred);
    }
    auto del = m_db.prepare(QStringLiteral("DELETE FROM case_view WHERE row_id = ?"));
    if (!del)
        return del.error();
    if (auto done = (*del)->bind(1, rowId).run(); !done)
        return done;
    return SearchIndexer::remove(m_db, rowId);
}

Result<void> CaseViewWriter::write(const Case &visible, const QString &json, bool hasPending, const QList<Note> &notes,
                                   const QList<DocumentRef> &documents)
{
    auto name = assigneeName(visible.assigneeId);
    if (!name)
        return name.error();

    auto find = m_db.prepare(QStringLiteral("SELECT row_id FROM case_view WHERE id = ?"));
    if (!find)
        return find.error();
    const QString id = uuidToString(visible.id);
    (*find)->bind(1, id);
    auto found = (*find)->step();
    if (!found)
        return found.error();
    qint64 rowId = *found ? (*find)->int64(0) : 0;
    (*find)->reset();

    // UPDATE keeps the row id (the search docid) stable; SQLCipher's SQLite 3.15 has no UPSERT.
    static const QString insert = insertSql();
    static const QString update = updateSql();
    auto stmt = m_db.prepare(*found ? update : insert);
    if (!stmt)
        return stmt.error();
    SqliteStatement &s = **stmt;
    s.bind(1, ColumnValue::id(visible.teamId))
        .bind(2, ColumnValue::id(visible.assigneeId))
        .bind(3, ColumnValue::text(visible.caseType))
        .bind(4, qint64(visible.closed))
        .bind(5, qint64(hasPending))
        .bind(6, qint64(visible.priority))
        .bind(7, ColumnValue::text(visible.displayAktenzeichen()))
        .bind(8, ColumnValue::text(visible.title))
        .bind(9, ColumnValue::text(visible.applicant.displayName()))
        .bind(10, ColumnValue::text(visible.statusText))
        .bind(11, ColumnValue::text(*name))
        .bind(12, visible.receivedDate)
        .bind(13, visible.statutoryDeadline)
        .bind(14, visible.followUpDate)
        .bind(15, ColumnValue::text(SortKey::date(visible.statutoryDeadline)))
        .bind(16, ColumnValue::text(SortKey::date(visible.receivedDate)))
        .bind(17, ColumnValue::text(SortKey::aktenzeichen(visible)))
        .bind(18, ColumnValue::text(SortKey::german(visible.applicant.displayName())))
        .bind(19, ColumnValue::text(SortKey::german(visible.statusText)))
        .bind(20, ColumnValue::text(SortKey::assignee(!visible.assigneeId.isNull(), *name)))
        .bind(21, json) // null binds NULL
        .bind(22, id);
    if (*found)
        s.bind(int(viewColumns().size()) + 1, rowId);
    if (auto done = s.run(); !done)
        return done;
    const bool inserted = !*found;
    if (inserted)
        rowId = m_db.lastInsertRowId();
    return writeSearchEntry(rowId, searchDocument(visible, notes, documents), inserted);
}

Result<void> CaseViewWriter::writeSearchEntry(qint64 rowId, SearchDocument document, bool inserted)
{
    if (!m_deferSearch)
        return SearchIndexer::update(m_db, rowId, document, entryKind(inserted));
    if (const auto deferred = m_deferredSearchIndex.constFind(rowId); deferred != m_deferredSearchIndex.cend()) {
        // The same row again in this batch: the later state wins; whether the index holds an older entry
        // is still what the first write saw.
        m_deferredSearch[*deferred].document = std::move(document);
        return {};
    }
    m_deferredSearchIndex.insert(rowId, m_deferredSearch.size());
    m_deferredSearch.append({rowId, std::move(document), inserted});
    return {};
}

void CaseViewWriter::deferSearchEntries()
{
    m_deferSearch = true;
}

Result<void> CaseViewWriter::writeDeferredSearchEntries()
{
    QList<DeferredSearchEntry> entries = std::exchange(m_deferredSearch, {});
    m_deferredSearchIndex.clear();
    QList<DeferredSearchEntry> changed;
    changed.reserve(entries.size());
    for (DeferredSearchEntry &entry : entries) {
        if (entry.rowId == 0)
            continue; // dropped by remove()
        auto needed = SearchIndexer::needsWrite(m_db, entry.rowId, entry.document, entryKind(entry.inserted));
        if (!needed)
            return needed.error();
        if (*needed)
            changed.append(std::move(entry));
    }
    entries = std::move(changed);
    // Normalising the text is a third of a bulk load's work and needs no database: the pool builds the rows
    // while this thread writes the ones before.
    QFuture<SearchIndexer::Row> rows =
        QtConcurrent::mapped(&storageWorkers(), entries,
                             [](const DeferredSearchEntry &entry) { return SearchIndexer::row(entry.document); });
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const DeferredSearchEntry &entry = entries.at(i);
        auto written = SearchIndexer::write(m_db, entry.rowId, rows.resultAt(int(i)), entryKind(entry.inserted));
        if (!written) {
            rows.cancel();
            rows.waitForFinished();
            return written;
        }
    }
    return {};
}

} // namespace casedesk::storage
