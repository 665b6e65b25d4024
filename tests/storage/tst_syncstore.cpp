// SyncStore: a pulled page, the results of our commands and the cursor land in one transaction; the visible
// state keeps pending edits on top of new server state; a reset keeps the outbox and drops only what the new
// feed did not deliver. Pages are built as the server writes them, from the real core types.
#include "core/Uuid.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/SyncStore.h"

#include <QJsonArray>
#include <QTest>

#include "TemporaryCache.h"

using namespace casedesk;
using namespace casedesk::storage;

namespace {

Case makeCase(const QString &title)
{
    Case c;
    c.id = createUuidV7();
    c.aktenzeichen = Aktenzeichen(QStringLiteral("67.20"), 42, 2026);
    c.caseType = QStringLiteral("baumfaellung");
    c.title = title;
    c.applicant.familyName = QStringLiteral("Schäfer");
    c.applicant.givenName = QStringLiteral("Jörg");
    c.teamId = createUuidV7();
    c.receivedDate = QDate(2026, 2, 1);
    c.statusText = QStringLiteral("Prüfung");
    c.formData = {{QStringLiteral("buildingPermit"), QStringLiteral("BG-2026-42")}};
    c.version = 1;
    c.createdAt = QDateTime(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC);
    c.updatedAt = c.createdAt;
    return c;
}

Note makeNote(const QUuid &caseId, const QString &text)
{
    return {createUuidV7(), caseId, createUuidV7(), QDateTime(QDate(2026, 2, 2), QTime(10, 0), Qt::UTC), text};
}

// One entry of a pull page: {"case", "version", "notes"}.
QJsonObject entry(const Case &c, const QList<Note> &notes = {})
{
    QJsonArray array;
    for (const Note &note : notes)
        array.append(note.toJson());
    return {
        {QStringLiteral("case"), c.toJson()}, {QStringLiteral("version"), c.version}, {QStringLiteral("notes"), array}};
}

QJsonObject page(const QJsonArray &cases, const QString &cursor, bool more = false, bool reset = false)
{
    return {{QStringLiteral("cases"), cases},      {QStringLiteral("removed"), QJsonArray()},
            {QStringLiteral("cursor"), cursor},    {QStringLiteral("more"), more},
            {QStringLiteral("reset"), reset},      {QStringLiteral("results"), QJsonArray()},
            {QStringLiteral("resultsMore"), false}};
}

// A result as the pull page carries it: the outcome's detail nested.
QJsonObject result(const Command &command, const QString &outcome, const QJsonObject &detail)
{
    return {{QStringLiteral("commandId"), uuidToString(command.id)},
            {QStringLiteral("clientSeq"), command.clientSeq},
            {QStringLiteral("caseId"), uuidToString(command.caseId)},
            {QStringLiteral("name"), commandNameToString(command.name)},
            {QStringLiteral("result"), outcome},
            {QStringLiteral("detail"), detail}};
}

QJsonObject fieldEdit(const QString &field, const QJsonValue &oldValue, const QJsonValue &newValue)
{
    return {{QStringLiteral("fields"),
             QJsonObject{{field, QJsonObject{{QStringLiteral("old"), oldValue}, {QStringLiteral("new"), newValue}}}}}};
}

Result<void> apply(SyncStore &store, const QJsonObject &json)
{
    Result<PulledPage> parsed = PulledPage::fromJson(json);
    if (!parsed)
        return parsed.error();
    return store.applyPage(*parsed);
}

// Everything a page can change, to prove that a refused one changed nothing.
QString snapshot(test::TemporaryCache &cache)
{
    return cache.scalar(
        QStringLiteral("SELECT (SELECT group_concat(id || json, '|') FROM case_confirmed) || '#' "
                       "|| (SELECT group_concat(id || json, '|') FROM note_confirmed) || '#' "
                       "|| (SELECT group_concat(seq || state || reason, '|') FROM outbox) || '#' "
                       "|| (SELECT group_concat(row_id || coalesce(json, '') || has_pending, '|') FROM case_view) "
                       "|| '#' || (SELECT group_concat(key || value, '|') FROM settings)"));
}

std::optional<Case> visible(CacheDatabase &db, const QUuid &id)
{
    auto found = CaseRepository(db).visibleCase(id);
    return found ? *found : std::nullopt;
}

std::optional<Case> confirmed(CacheDatabase &db, const QUuid &id)
{
    auto found = CaseRepository(db).confirmedCase(id);
    return found ? *found : std::nullopt;
}

} // namespace

class TestSyncStore : public QObject {
    Q_OBJECT

private slots:
    void pageStoresCasesNotesAndCursor()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        SyncStore store(cache.db());
        QCOMPARE(store.cursor().value(), QString());
        const Case a = makeCase(QStringLiteral("Fällung Kastanie"));
        const Case b = makeCase(QStringLiteral("Fällung Linde"));
        const Note note = makeNote(a.id, QStringLiteral("Ortstermin vereinbart"));
        const auto applied = apply(store, page({entry(a, {note}), entry(b)}, QStringLiteral("c1")));
        QVERIFY2(applied, test::errorText(applied).constData());
        QCOMPARE(store.cursor().value(), QStringLiteral("c1"));
        QCOMPARE(confirmed(cache.db(), a.id), a);
        QCOMPARE(visible(cache.db(), b.id), b);
        QCOMPARE(CaseRepository(cache.db()).visibleNotes(a.id).value(), QList<Note>{note});
        QCOMPARE(CaseRepository(cache.db()).visibleCount().value(), 2);

        // The cursor survives a restart: it is in the cache, not in memory.
        QVERIFY(cache.reopen());
        QCOMPARE(SyncStore(cache.db()).cursor().value(), QStringLiteral("c1"));
    }

    void pendingEditStaysOnTopOfNewServerState()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        SyncStore store(cache.db());
        Case c = makeCase(QStringLiteral("Fällung Kastanie"));
        QVERIFY(apply(store, page({entry(c)}, QStringLiteral("c1"))));
        const QUuid clerk = createUuidV7();
        auto edit = Outbox(cache.db())
                        .submit(CommandName::SetFields, c.id,
                                fieldEdit(QStringLiteral("replacementTrees"), QJsonValue::Null, 14), clerk);
        QVERIFY2(edit, test::errorText(edit).constData());

        // Someone else retitled the case on the server; our pending field edit must not get lost.
        c.title = QStringLiteral("Fällung Rosskastanie");
        c.version = 2;
        QVERIFY(apply(store, page({entry(c)}, QStringLiteral("c2"))));
        QCOMPARE(confirmed(cache.db(), c.id), c);
        const std::optional<Case> shown = visible(cache.db(), c.id);
        QVERIFY(shown);
        QCOMPARE(shown->title, c.title);
        QCOMPARE(shown->formData.value(QStringLiteral("replacementTrees")).toInt(), 14);
        QCOMPARE(store.pendingCount().value(), 1);
        QCOMPARE(store.resultsAfter().value(), edit->clientSeq - 1);
        QCOMPARE(store.pendingCommands(0, 10).value(), QList<Command>{*edit});
        QCOMPARE(store.pendingCommands(edit->clientSeq, 10).value(), QList<Command>());
    }

    void resultsResolveTheOutbox()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        SyncStore store(cache.db());
        Case c = makeCase(QStringLiteral("Fällung Kastanie"));
        QVERIFY(apply(store, page({entry(c)}, QStringLiteral("c1"))));
        const QUuid clerk = createUuidV7();
        Outbox outbox(cache.db());
        auto applied = outbox.submit(CommandName::SetFields, c.id,
                                     fieldEdit(QStringLiteral("replacementTrees"), QJsonValue::Null, 14), clerk);
        auto conflicting = outbox.submit(
            CommandName::SetFields, c.id,
            fieldEdit(QStringLiteral("buildingPermit"), QStringLiteral("BG-2026-42"), QStringLiteral("BG-2026-43")),
            clerk);
        auto rejected = outbox.submit(CommandName::SetFollowUp, c.id,
                                      {{QStringLiteral("date"), QStringLiteral("2026-04-01")}}, clerk);
        QVERIFY(applied && conflicting && rejected);

        // The server applied the first (version 2), found "buildingPermit" changed by someone else, and refused the
        // last.
        c.version = 2;
        c.formData.insert(QStringLiteral("replacementTrees"), 14);
        c.formData.insert(QStringLiteral("buildingPermit"), QStringLiteral("BG-2026-44"));
        QJsonObject json = page({entry(c)}, QStringLiteral("c2"));
        const QJsonObject serverValues{
            {QStringLiteral("buildingPermit"), QJsonObject{{QStringLiteral("server"), QStringLiteral("BG-2026-44")}}}};
        json.insert(QStringLiteral("results"),
                    QJsonArray{result(*applied, QStringLiteral("applied"), {{QStringLiteral("caseVersion"), 2}}),
                               result(*conflicting, QStringLiteral("conflict"),
                                      {{QStringLiteral("code"), QStringLiteral("field_conflict")},
                                       {QStringLiteral("message"), QStringLiteral("changed meanwhile")},
                                       {QStringLiteral("conflicts"), serverValues}}),
                               result(*rejected, QStringLiteral("rejected"),
                                      {{QStringLiteral("code"), QStringLiteral("forbidden")},
                                       {QStringLiteral("message"), QStringLiteral("not allowed")}})});
        const auto stored = apply(store, json);
        QVERIFY2(stored, test::errorText(stored).constData());

        const QList<OutboxEntry> entries = outbox.entries().value();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).command, *conflicting);
        QCOMPARE(entries.at(0).state, OutboxEntry::State::Conflict);
        QCOMPARE(entries.at(0).serverValues, serverValues);
        QVERIFY(!entries.at(0).reason.isEmpty());
        QCOMPARE(entries.at(1).command, *rejected);
        QCOMPARE(entries.at(1).state, OutboxEntry::State::Rejected);
        QVERIFY(!entries.at(1).reason.isEmpty());
        // Nothing is pending any more: the user sees the server's state and the two entries to resolve.
        QCOMPARE(store.pendingCount().value(), 0);
        QCOMPARE(store.resultsAfter().value(), -1);
        QCOMPARE(visible(cache.db(), c.id), c);

        // The same results again (a repeated page) change nothing.
        const QString before = snapshot(cache);
        QVERIFY(apply(store, json));
        QCOMPARE(snapshot(cache), before);
    }

    void removedCasesAreDropped()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        SyncStore store(cache.db());
        const Case kept = makeCase(QStringLiteral("Fällung Kastanie"));
        const Case gone = makeCase(QStringLiteral("Fällung Linde"));
        QVERIFY(apply(store, page({entry(kept), entry(gone, {makeNote(gone.id, QStringLiteral("Vermerk"))})},
                                  QStringLiteral("c1"))));
        QJsonObject json = page({}, QStringLiteral("c2"));
        json.insert(QStringLiteral("removed"), QJsonArray{uuidToString(gone.id)});
        QVERIFY(apply(store, json));
        QVERIFY(!confirmed(cache.db(), gone.id));
        QVERIFY(!visible(cache.db(), gone.id));
        QCOMPARE(cache.scalar(QStringLiteral("SELECT COUNT(*) FROM note_confirmed")), QStringLiteral("0"));
        QCOMPARE(visible(cache.db(), kept.id), kept);
        QCOMPARE(cache.scalar(QStringLiteral("SELECT COUNT(*) FROM case_fts")).toInt(), 1);
    }

    void malformedPageWritesNothing_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("case without id") << QStringLiteral("caseId");
        QTest::newRow("bad date") << QStringLiteral("date");
        QTest::newRow("note of another case") << QStringLiteral("note");
        QTest::newRow("unknown result") << QStringLiteral("result");
        QTest::newRow("no cursor") << QStringLiteral("cursor");
        QTest::newRow("removed not a uuid") << QStringLiteral("removed");
    }

    void malformedPageWritesNothing()
    {
        QFETCH(QString, damage);
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        SyncStore store(cache.db());
        Case c = makeCase(QStringLiteral("Fällung Kastanie"));
        QVERIFY(apply(store, page({entry(c)}, QStringLiteral("c1"))));
        auto edit = Outbox(cache.db())
                        .submit(CommandName::SetFields, c.id,
                                fieldEdit(QStringLiteral("replacementTrees"), QJsonValue::Null, 14), createUuidV7());
        QVERIFY(edit);
        const QString before = snapshot(cache);

        // A good page of several cases with one damaged part: none of it may be stored.
        c.version = 2;
        c.title = QStringLiteral("geändert");
        const Case other = makeCase(QStringLiteral("Fällung Linde"));
        QJsonObject broken = entry(other, {makeNote(other.id, QStringLiteral("Vermerk"))});
        QJsonObject json = page({entry(c), broken}, QStringLiteral("c2"));
        json.insert(QStringLiteral("results"),
                    QJsonArray{result(*edit, QStringLiteral("applied"), {{QStringLiteral("caseVersion"), 2}})});
        if (damage == QLatin1String("caseId")) {
            QJsonObject theCase = broken.value(QStringLiteral("case")).toObject();
            theCase.remove(QStringLiteral("id"));
            broken.insert(QStringLiteral("case"), theCase);
        } else if (damage == QLatin1String("date")) {
            QJsonObject theCase = broken.value(QStringLiteral("case")).toObject();
            theCase.insert(QStringLiteral("receivedDate"), QStringLiteral("2026-13-45"));
            broken.insert(QStringLiteral("case"), theCase);
        } else if (damage == QLatin1String("note")) {
            broken = entry(other, {makeNote(c.id, QStringLiteral("fremder Vermerk"))});
        } else if (damage == QLatin1String("result")) {
            json.insert(QStringLiteral("results"), QJsonArray{result(*edit, QStringLiteral("perhaps"), {})});
        } else if (damage == QLatin1String("cursor")) {
            json.remove(QStringLiteral("cursor"));
        } else if (damage == QLatin1String("removed")) {
            json.insert(QStringLiteral("removed"), QJsonArray{QStringLiteral("nicht-eine-uuid")});
        }
        json.insert(QStringLiteral("cases"), QJsonArray{entry(c), broken});
        const auto applied = apply(store, json);
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, ErrorCode::Invalid);
        QVERIFY(!applied.error().message.isEmpty());
        QCOMPARE(snapshot(cache), before);
    }

    void resetKeepsOutboxAndDropsWhatLeftTheScope()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        SyncStore store(cache.db());
        const Case a = makeCase(QStringLiteral("A"));
        Case b = makeCase(QStringLiteral("B"));
        const Case c = makeCase(QStringLiteral("C"));
        QVERIFY(apply(store, page({entry(a), entry(b), entry(c)}, QStringLiteral("c1"))));
        const QUuid clerk = createUuidV7();
        Outbox outbox(cache.db());
        auto edit = outbox.submit(CommandName::SetFields, b.id,
                                  fieldEdit(QStringLiteral("replacementTrees"), QJsonValue::Null, 14), clerk);
        const Case offline = makeCase(QStringLiteral("D, offline angelegt"));
        auto create =
            outbox.submit(CommandName::CreateCase, offline.id, {{QStringLiteral("case"), offline.toJson()}}, clerk);
        QVERIFY(edit && create);

        // The feed starts over: until it has been pulled to its end, nothing is dropped.
        QVERIFY(apply(store, page({entry(a)}, QStringLiteral("r1"), true, true)));
        QVERIFY(visible(cache.db(), b.id));
        QVERIFY(visible(cache.db(), c.id));
        b.version = 2;
        QVERIFY(apply(store, page({entry(b)}, QStringLiteral("r2"), false, false)));
        QVERIFY(!confirmed(cache.db(), c.id));
        QVERIFY(!visible(cache.db(), c.id));
        QCOMPARE(confirmed(cache.db(), a.id), a);
        QCOMPARE(confirmed(cache.db(), b.id), b);
        QCOMPARE(visible(cache.db(), b.id)->formData.value(QStringLiteral("replacementTrees")).toInt(), 14);
        QVERIFY(visible(cache.db(), offline.id));
        QCOMPARE(outbox.entries().value().size(), 2);
        QCOMPARE(store.pendingCount().value(), 2);
        QCOMPARE(store.cursor().value(), QStringLiteral("r2"));

        // The next page is an ordinary one: it drops nothing.
        QVERIFY(apply(store, page({}, QStringLiteral("r3"))));
        QVERIFY(confirmed(cache.db(), a.id));
    }

    void resetInterruptedByRestartStartsOver()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        const Case a = makeCase(QStringLiteral("A"));
        const Case b = makeCase(QStringLiteral("B"));
        {
            SyncStore store(cache.db());
            QVERIFY(apply(store, page({entry(a), entry(b)}, QStringLiteral("c1"))));
            QVERIFY(apply(store, page({entry(a)}, QStringLiteral("r1"), true, true)));
            QCOMPARE(store.cursor().value(), QStringLiteral("r1"));
        }
        // Which cases the reset had delivered went with the process: the feed is pulled from its beginning.
        QVERIFY(cache.reopen());
        SyncStore store(cache.db());
        QCOMPARE(store.cursor().value(), QString());
        QVERIFY(apply(store, page({entry(a)}, QStringLiteral("n1"))));
        QVERIFY(confirmed(cache.db(), a.id));
        QVERIFY(!confirmed(cache.db(), b.id));
        QCOMPARE(store.cursor().value(), QStringLiteral("n1"));
    }

    void clientIdIsTheOutboxs()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        SyncStore store(cache.db());
        const QUuid id = store.clientId().value();
        QVERIFY(!id.isNull());
        QCOMPARE(store.clientId().value(), id);
        const Case offline = makeCase(QStringLiteral("offline"));
        auto create = Outbox(cache.db())
                          .submit(CommandName::CreateCase, offline.id, {{QStringLiteral("case"), offline.toJson()}},
                                  createUuidV7());
        QVERIFY(create);
        QCOMPARE(create->clientId, id);
    }
};

QTEST_GUILESS_MAIN(TestSyncStore)
#include "tst_syncstore.moc"
