// CaseRepository: schema, confirmed state kept apart from pending commands, visible state and its search entry.
#include "core/Uuid.h"
#include "mock/MockClock.h"
#include "storage/CacheSchema.h"
#include "storage/CaseRepository.h"
#include "storage/CaseSearch.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "storage/SearchIndexer.h"
#include "storage/SqliteDatabase.h"
#include "storage/WalCheckpointer.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "TemporaryCache.h"

using namespace casedesk;
using namespace casedesk::storage;

namespace {

// FTS4's own check: every entry can be taken out with the words it went in with.
Result<void> searchIndexCheck(SqliteDatabase &db)
{
    return db.exec(QStringLiteral("INSERT INTO case_fts(case_fts) VALUES('integrity-check')"));
}

Case makeCase(const QString &title, const QJsonObject &formData, qint64 version = 1)
{
    Case c;
    c.id = createUuidV7();
    c.aktenzeichen = Aktenzeichen(QStringLiteral("32.10"), 123, 2026);
    c.caseType = QStringLiteral("bewohnerparken");
    c.title = title;
    c.applicant.givenName = QStringLiteral("Anna");
    c.applicant.familyName = QStringLiteral("Müller");
    c.applicant.address.street = QStringLiteral("Königstraße");
    c.applicant.address.houseNumber = QStringLiteral("12");
    c.applicant.address.postcode = QStringLiteral("70173");
    c.applicant.address.city = QStringLiteral("Stuttgart");
    c.teamId = createUuidV7();
    c.receivedDate = QDate(2026, 2, 20);
    c.statutoryDeadline = QDate(2026, 3, 20);
    c.statusText = QStringLiteral("Prüfung");
    c.formData = formData;
    c.version = version;
    c.createdAt = QDateTime(QDate(2026, 2, 20), QTime(8, 0), Qt::UTC);
    c.updatedAt = c.createdAt;
    return c;
}

QJsonObject fieldEdit(const QString &field, const QJsonValue &oldValue, const QJsonValue &newValue)
{
    return {{QStringLiteral("fields"),
             QJsonObject{{field, QJsonObject{{QStringLiteral("old"), oldValue}, {QStringLiteral("new"), newValue}}}}}};
}

} // namespace

class TestCaseRepository : public QObject {
    Q_OBJECT

private slots:
    void migrationsCreateTheSchema()
    {
        const QList<Migration> &migrations = cacheMigrations();
        QVERIFY(!migrations.isEmpty());
        for (qsizetype i = 0; i < migrations.size(); ++i)
            QCOMPARE(migrations.at(i).version, int(i + 1));

        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        QCOMPARE(cache.db().schemaVersion(), int(migrations.size()));
        for (const char *table : {"settings", "users", "teams", "case_confirmed", "note_confirmed",
                                  "document_confirmed", "outbox", "case_view"}) {
            QCOMPARE(cache.scalar(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                                      .arg(QLatin1String(table))),
                     QLatin1String(table));
        }
        QCOMPARE(cache.scalar(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND name = "
                                             "'outbox_by_case'")),
                 QStringLiteral("outbox_by_case"));
        // The search index tables come from SearchIndexer::createSql(); since version 2 the FTS table keeps no
        // copy of its text (no case_fts_content), its content being a view over the original text.
        QVERIFY(cache.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE sql LIKE '%fts4%'")).toInt() > 0);
        QCOMPARE(cache.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'case_fts_content'")),
                 QStringLiteral("0"));
        QCOMPARE(cache.scalar(QStringLiteral("SELECT type FROM sqlite_master WHERE name = 'case_fts_source'")),
                 QStringLiteral("view"));
    }

    // A cache of version 1 (the FTS table with its own copy of the text) gets the index without the copy, rebuilt
    // from the original text, and finds what it found before.
    void searchIndexOfVersionOneIsRebuilt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.db"));
        {
            auto raw = SqliteDatabase::open(path);
            QVERIFY2(raw, test::errorText(raw).constData());
            QVERIFY((*raw)->exec(QStringLiteral("PRAGMA page_size = 4096")));
            auto migrated = CacheDatabase::migrate(**raw, {cacheMigrations().first()});
            QVERIFY2(migrated, test::errorText(migrated).constData());
            SearchDocument document;
            document.title = QStringLiteral("Baumfällung Linde");
            document.notes = QStringLiteral("Ortstermin Zaunkönig");
            QVERIFY(SearchIndexer::update(**raw, 7, document, SearchIndexer::Entry::New));
            QCOMPARE(*(*raw)->queryInt64(QStringLiteral("PRAGMA user_version")), qint64(1));
        }
        auto opened = CacheDatabase::openUnencryptedForComparison(path);
        QVERIFY2(opened, test::errorText(opened).constData());
        QCOMPARE((*opened)->schemaVersion(), int(cacheMigrations().size()));
        SqliteDatabase &db = (*opened)->sqlite();
        for (const QString &word : {QStringLiteral("linde"), QStringLiteral("zaunkonig")}) {
            auto found =
                db.queryInt64(QStringLiteral("SELECT docid FROM case_fts WHERE case_fts MATCH '%1'").arg(word));
            QVERIFY2(found, test::errorText(found).constData());
            QCOMPARE(*found, qint64(7));
        }
        QVERIFY(searchIndexCheck(db));
    }

    void confirmedRoundTrip()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        CaseRepository repository(cache.db());
        const Case c = makeCase(QStringLiteral("Bewohnerparkausweis West"),
                                {{QStringLiteral("kennzeichen"), QStringLiteral("S-AB 123")}});
        auto stored = repository.storeConfirmed({c});
        QVERIFY2(stored, test::errorText(stored).constData());

        auto confirmed = repository.confirmedCase(c.id);
        QVERIFY(confirmed && confirmed->has_value());
        QCOMPARE(**confirmed, c);
        auto visible = repository.visibleCase(c.id);
        QVERIFY(visible && visible->has_value());
        QCOMPARE(**visible, c);
        QCOMPARE(*repository.visibleCount(), 1);

        auto missing = repository.visibleCase(createUuidV7());
        QVERIFY(missing && !missing->has_value());

        // A second delivery of the same case replaces it and keeps its row id (the search docid).
        const QString rowId = cache.scalar(QStringLiteral("SELECT row_id FROM case_view"));
        Case newer = c;
        newer.version = 2;
        newer.title = QStringLiteral("Bewohnerparkausweis Ost");
        QVERIFY(repository.storeConfirmed({newer}));
        QCOMPARE(**repository.visibleCase(c.id), newer);
        QCOMPARE(*repository.visibleCount(), 1);
        QCOMPARE(cache.scalar(QStringLiteral("SELECT row_id FROM case_view")), rowId);
    }

    void pendingEditSurvivesNewerConfirmedState()
    {
        test::MockClock clock;
        test::ScopedClock scoped(clock);
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        CaseRepository repository(cache.db());
        Outbox outbox(cache.db());
        const QUuid clerk = createUuidV7();

        const Case v1 =
            makeCase(QStringLiteral("Baumfällung Eiche"),
                     {{QStringLiteral("baumart"), QStringLiteral("Eiche")}, {QStringLiteral("umfang"), 180}});
        QVERIFY(repository.storeConfirmed({v1}));
        auto submitted = outbox.submit(
            CommandName::SetFields, v1.id,
            fieldEdit(QStringLiteral("baumart"), QStringLiteral("Eiche"), QStringLiteral("Stieleiche")), clerk);
        QVERIFY2(submitted, test::errorText(submitted).constData());

        // The server changed another field meanwhile: both show.
        Case v2 = v1;
        v2.version = 2;
        v2.formData.insert(QStringLiteral("umfang"), 210);
        QVERIFY(repository.storeConfirmed({v2}));
        const Case visible = **repository.visibleCase(v1.id);
        QCOMPARE(visible.version, 2);
        QCOMPARE(visible.formData.value(QStringLiteral("baumart")).toString(), QStringLiteral("Stieleiche"));
        QCOMPARE(visible.formData.value(QStringLiteral("umfang")).toInt(), 210);
        // The confirmed table holds the server's state only, never the pending value.
        QCOMPARE(**repository.confirmedCase(v1.id), v2);
        QVERIFY(
            !cache.scalar(QStringLiteral("SELECT json FROM case_confirmed")).contains(QStringLiteral("Stieleiche")));
        QCOMPARE(cache.scalar(QStringLiteral("SELECT has_pending FROM case_view")), QStringLiteral("1"));

        // Someone else changed the same field: the edit no longer replays. The visible state is the server's,
        // the command stays in the outbox (the sync shows it as a conflict).
        Case v3 = v2;
        v3.version = 3;
        v3.formData.insert(QStringLiteral("baumart"), QStringLiteral("Traubeneiche"));
        QVERIFY(repository.storeConfirmed({v3}));
        QCOMPARE(**repository.visibleCase(v1.id), v3);
        QCOMPARE(*outbox.pendingCount(), 1);
        QCOMPARE(cache.scalar(QStringLiteral("SELECT has_pending FROM case_view")), QStringLiteral("1"));
    }

    void notesAndDocuments()
    {
        test::MockClock clock;
        test::ScopedClock scoped(clock);
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        CaseRepository repository(cache.db());
        const Case c = makeCase(QStringLiteral("Umweltzone Ausnahme"), {});
        const QUuid clerk = createUuidV7();

        Note confirmedNote{createUuidV7(), c.id, clerk, QDateTime(QDate(2026, 2, 21), QTime(10, 0), Qt::UTC),
                           QStringLiteral("Rückruf vereinbart")};
        DocumentRef document;
        document.id = createUuidV7();
        document.caseId = c.id;
        document.sha256 = QString(64, QLatin1Char('a'));
        document.size = 1234;
        document.name = QStringLiteral("Fahrzeugschein.pdf");
        document.mimeType = QStringLiteral("application/pdf");
        document.kind = DocumentKind::Evidence;
        document.addedAt = QDateTime(QDate(2026, 2, 20), QTime(9, 0), Qt::UTC);
        document.text = QStringLiteral("Zulassungsbescheinigung Teil I");
        auto stored = repository.storeConfirmed({c}, {confirmedNote}, {document});
        QVERIFY2(stored, test::errorText(stored).constData());

        Note pendingNote{createUuidV7(), c.id, clerk, QDateTime(QDate(2026, 2, 22), QTime(11, 0), Qt::UTC),
                         QStringLiteral("Nachweis fehlt")};
        auto submitted =
            Outbox(cache.db())
                .submit(CommandName::AddNote, c.id, {{QStringLiteral("note"), pendingNote.toJson()}}, clerk);
        QVERIFY2(submitted, test::errorText(submitted).constData());

        DocumentRef pendingDocument = document;
        pendingDocument.id = createUuidV7();
        pendingDocument.name = QStringLiteral("Meldebescheinigung.pdf");
        pendingDocument.text.clear();
        pendingDocument.addedAt = document.addedAt.addDays(-1);
        auto attached = Outbox(cache.db())
                            .submit(CommandName::AttachDocument, c.id,
                                    {{QStringLiteral("document"), pendingDocument.toJson()}}, clerk);
        QVERIFY2(attached, test::errorText(attached).constData());

        QCOMPARE(*repository.visibleNotes(c.id), (QList<Note>{confirmedNote, pendingNote}));
        // By date added, a pending one among the confirmed.
        QCOMPARE(*repository.visibleDocuments(c.id), (QList<DocumentRef>{pendingDocument, document}));
        // The pending note is not part of the confirmed state.
        QCOMPARE(cache.scalar(QStringLiteral("SELECT COUNT(*) FROM note_confirmed")), QStringLiteral("1"));

        // A note delivered on its own (without its case) still reaches the search index.
        Note laterNote{createUuidV7(), c.id, clerk, QDateTime(QDate(2026, 2, 23), QTime(9, 0), Qt::UTC),
                       QStringLiteral("Ortstermin Feuerbach")};
        QVERIFY(repository.storeConfirmed({}, {laterNote}, {}));
        QCOMPARE(repository.visibleNotes(c.id)->size(), 3);

        // Every text of the case is searchable: note texts (confirmed and pending), document names and text.
        CaseSearch search(cache.db());
        for (const QString &word : {QStringLiteral("Rückruf"), QStringLiteral("Nachweis"), QStringLiteral("Feuerbach"),
                                    QStringLiteral("Fahrzeugschein"), QStringLiteral("Zulassungsbescheinigung"),
                                    QStringLiteral("Meldebescheinigung"), QStringLiteral("Königstraße")}) {
            auto hits = search.search(word, 10);
            QVERIFY2(hits, test::errorText(hits).constData());
            QVERIFY2(hits->size() == 1 && hits->first().row.caseId == c.id, qPrintable(word));
        }
    }

    void searchFollowsTheVisibleState()
    {
        test::MockClock clock;
        test::ScopedClock scoped(clock);
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        CaseRepository repository(cache.db());
        const Case c =
            makeCase(QStringLiteral("Parkausweis"), {{QStringLiteral("kennzeichen"), QStringLiteral("S-AB 123")}});
        QVERIFY(repository.storeConfirmed({c}));
        CaseSearch search(cache.db());
        QCOMPARE(search.search(QStringLiteral("Zaunkönig"), 10)->size(), 0);

        auto submitted =
            Outbox(cache.db())
                .submit(CommandName::SetFields, c.id,
                        {{QStringLiteral("fields"),
                          QJsonObject{
                              {QStringLiteral("secondVehicle"),
                               QJsonObject{{QStringLiteral("old"), QJsonValue()}, {QStringLiteral("new"), true}}},
                              {QStringLiteral("secondVehicleReason"),
                               QJsonObject{{QStringLiteral("old"), QJsonValue()},
                                           {QStringLiteral("new"), QStringLiteral("Zaunkönig im Carport nebenan")}}}}}},
                        createUuidV7());
        QVERIFY2(submitted, test::errorText(submitted).constData());
        QCOMPARE(search.search(QStringLiteral("Zaunkönig"), 10)->size(), 1);
    }

    void assigneeNameFollowsReferenceData()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        User user;
        user.id = createUuidV7();
        user.login = QStringLiteral("a.mueller");
        user.displayName = QStringLiteral("Müller, Anna");
        user.roles = {Role::Clerk};
        Case c = makeCase(QStringLiteral("Bürgerhaushalt Vorschlag"), {});
        c.assigneeId = user.id;
        // The case arrives before its assignee is known: the name follows when the user does.
        QVERIFY(CaseRepository(cache.db()).storeConfirmed({c}));
        QCOMPARE(cache.scalar(QStringLiteral("SELECT assignee_name FROM case_view")), QString(QLatin1String("")));
        QVERIFY(ReferenceRepository(cache.db()).storeUsers({user}));
        QCOMPARE(cache.scalar(QStringLiteral("SELECT assignee_name FROM case_view")), user.displayName);
    }

    // Large stores give SQLite's planner statistics again whenever the inbox has doubled since the last time.
    // A bulk load into an empty cache: batches in one transaction, the inbox indexes rebuilt at the end, and
    // a case whose Vermerk arrives in a later batch still searchable by it.
    // The server sends a case's every Vermerk with each change to it. What the cache holds already is not written
    // again (a Vermerk keeps its row), and a search entry whose text is unchanged keeps its index segments; a
    // changed text or Vermerk is written, and search follows it.
    void unchangedTextIsNotWrittenAgain()
    {
        test::MockClock clock;
        test::ScopedClock scoped(clock);
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        CaseRepository repository(cache.db());
        Case c = makeCase(QStringLiteral("Baumfällung Linde"), {});
        Note note{createUuidV7(), c.id, createUuidV7(), QDateTime(QDate(2026, 2, 21), QTime(10, 0), Qt::UTC),
                  QStringLiteral("Ortstermin Zaunkönig")};
        // Written after `note`: a rewritten `note` gets a row id after it.
        const Note later{createUuidV7(), c.id, createUuidV7(), note.createdAt.addSecs(60),
                         QStringLiteral("Rückruf vereinbart")};
        // Another case, so that the index never becomes empty (FTS4 drops all its segments then).
        QVERIFY(repository.storeConfirmed({c, makeCase(QStringLiteral("Parkausweis"), {})}, {note, later}, {}));
        const QString noteRow =
            QStringLiteral("SELECT rowid FROM note_confirmed WHERE id = '%1'").arg(uuidToString(note.id));
        const QString segments = QStringLiteral("SELECT count(*) FROM case_fts_segdir");
        const QString firstNoteRow = cache.scalar(noteRow);
        const QString firstSegments = cache.scalar(segments);
        QVERIFY(!firstNoteRow.isEmpty());
        QVERIFY(firstSegments.toInt() > 0);

        // Another state of the case (an assignment) with the same Vermerk: neither is rewritten.
        c.assigneeId = createUuidV7();
        c.version = 2;
        QVERIFY(repository.storeConfirmed({c}, {note, later}, {}));
        QCOMPARE(cache.scalar(noteRow), firstNoteRow);
        QCOMPARE(cache.scalar(segments), firstSegments);
        QCOMPARE(repository.visibleCase(c.id)->value().assigneeId, c.assigneeId);

        // A changed title and a changed Vermerk are written, and search finds the new words only.
        c.title = QStringLiteral("Baumfällung Eiche");
        c.version = 3;
        note.text = QStringLiteral("Ortstermin Feuerbach");
        QVERIFY(repository.storeConfirmed({c}, {note, later}, {}));
        QVERIFY(cache.scalar(noteRow) != firstNoteRow);
        QVERIFY(cache.scalar(segments) != firstSegments);
        CaseSearch search(cache.db());
        for (const auto &[word, hits] : {std::pair{QStringLiteral("Eiche"), 1},
                                         {QStringLiteral("Feuerbach"), 1},
                                         {QStringLiteral("Linde"), 0},
                                         {QStringLiteral("Zaunkönig"), 0}}) {
            auto found = search.search(word, 10);
            QVERIFY2(found, test::errorText(found).constData());
            QVERIFY2(found->size() == hits, qPrintable(word));
        }
        QCOMPARE(repository.visibleNotes(c.id)->first().text, note.text);
        // The entries taken out went out with the words they came in with (read back through the content view).
        const auto intact = searchIndexCheck(cache.db().sqlite());
        QVERIFY2(intact, test::errorText(intact).constData());
    }

    // Hostile text: unpaired surrogates (valid in JSON, "\ud800") cannot be stored as UTF-8 and come back as
    // other characters. The entry, read back through the content view, is still taken out with the words it went
    // in with, and the rest stays searchable.
    void unpairedSurrogatesKeepTheIndexIntact()
    {
        test::MockClock clock;
        test::ScopedClock scoped(clock);
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        CaseRepository repository(cache.db());
        Case c = makeCase(QStringLiteral("Baum") + QChar(0xD800) + QStringLiteral("a Linde ") + QChar(0xDC00), {});
        const Note note{createUuidV7(), c.id, createUuidV7(), QDateTime(QDate(2026, 2, 21), QTime(10, 0), Qt::UTC),
                        QChar(0xDBFF) + QStringLiteral("Zaunkönig")};
        QVERIFY(repository.storeConfirmed({c, makeCase(QStringLiteral("Parkausweis"), {})}, {note}, {}));
        CaseSearch search(cache.db());
        QCOMPARE(search.search(QStringLiteral("Linde"), 10)->size(), 1);
        QCOMPARE(search.search(QStringLiteral("Zaunkönig"), 10)->size(), 1);

        c.title = QStringLiteral("Eiche");
        c.version = 2;
        QVERIFY(repository.storeConfirmed({c}, {note}, {}));
        QCOMPARE(search.search(QStringLiteral("Linde"), 10)->size(), 0);
        QCOMPARE(search.search(QStringLiteral("Eiche"), 10)->size(), 1);
        const auto intact = searchIndexCheck(cache.db().sqlite());
        QVERIFY2(intact, test::errorText(intact).constData());
    }

    void bulkLoad()
    {
        test::MockClock clock;
        test::ScopedClock scoped(clock);
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        const Case first = makeCase(QStringLiteral("Baumfällung Linde"), {});
        const Case second = makeCase(QStringLiteral("Parkausweis"), {});
        const Note later{createUuidV7(), first.id, createUuidV7(), QDateTime(QDate(2026, 2, 21), QTime(10, 0), Qt::UTC),
                         QStringLiteral("Ortstermin Zaunkönig")};
        const QString indexCount =
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_view' "
                           "AND sql IS NOT NULL");
        const QString expectedIndexes = QString::number(caseViewIndexes().size());
        QCOMPARE(cache.scalar(indexCount), expectedIndexes);
        // A load runs with the larger page cache and gives it back however it ends.
        const QString pageCache = QStringLiteral("PRAGMA cache_size");
        const QString normalCache = QString::number(-CacheDatabase::PageCacheKiB);
        const QString bulkLoadCache = QString::number(-CacheDatabase::BulkLoadPageCacheKiB);
        QCOMPARE(cache.scalar(pageCache), normalCache);
        {
            CaseRepository abandoned(cache.db());
            QVERIFY(abandoned.beginBulkLoad());
            QVERIFY(abandoned.storeConfirmed({first}));
            QCOMPARE(cache.scalar(pageCache), bulkLoadCache);
        } // destroyed before finishBulkLoad(): nothing of it stays
        QCOMPARE(cache.scalar(QStringLiteral("SELECT count(*) FROM case_view")), QStringLiteral("0"));
        QCOMPARE(cache.scalar(indexCount), expectedIndexes);
        QCOMPARE(cache.scalar(pageCache), normalCache);

        CaseRepository repository(cache.db());
        QVERIFY(repository.beginBulkLoad());
        QCOMPARE(cache.scalar(pageCache), bulkLoadCache);
        QVERIFY(!repository.beginBulkLoad());
        QVERIFY(repository.storeConfirmed({first}));
        QVERIFY(repository.storeConfirmed({second}, {later}, {}));
        QCOMPARE(cache.scalar(indexCount), QStringLiteral("0"));
        auto finished = repository.finishBulkLoad();
        QVERIFY2(finished, test::errorText(finished).constData());
        QVERIFY(!repository.finishBulkLoad());
        QCOMPARE(cache.scalar(pageCache), normalCache);
        QCOMPARE(cache.scalar(indexCount), expectedIndexes);
        QCOMPARE(cache.scalar(QStringLiteral("SELECT count(*) FROM case_view")), QStringLiteral("2"));
        // The load into the empty cache went through the WAL whole: the checkpoint thread copies it into the file
        // and cuts the WAL back; the commit ran without the automatic checkpoint, which is on again.
        QCOMPARE(cache.scalar(QStringLiteral("PRAGMA wal_autocheckpoint")),
                 QString::number(CacheDatabase::AutoCheckpointPages));
        WalCheckpointer *checkpointer = cache.db().walCheckpointer();
        QVERIFY(checkpointer);
        QTRY_VERIFY(checkpointer->lastOutcome().has_value());
        QVERIFY(checkpointer->waitUntilIdle(10'000));
        const WalCheckpointer::Outcome outcome = *checkpointer->lastOutcome();
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->toString() : QString()));
        QVERIFY(outcome.logFrames > 0);
        QCOMPARE(outcome.checkpointedFrames, outcome.logFrames);
        QVERIFY(outcome.truncated);
        QCOMPARE(QFileInfo(cache.path() + QStringLiteral("-wal")).size(), 0);

        CaseSearch search(cache.db());
        auto byNote = search.search(QStringLiteral("Zaunkönig"), 10);
        QVERIFY2(byNote, test::errorText(byNote).constData());
        QCOMPARE(byNote->size(), 1);
        QCOMPARE(byNote->first().row.caseId, first.id);
        QCOMPARE(search.search(QStringLiteral("Parkausweis"), 10)->size(), 1);
    }

    // The pages of a first pull: each a load of its own, committed with its cursor. The indexes dropped for the
    // empty cache stay dropped until the load that ends Complete; a restart in between builds them at opening,
    // and ensureInboxIndexes() does when the pull breaks off.
    void aSeriesOfLoadsBuildsTheIndexesWithItsLast()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        const QString indexCount =
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_view' "
                           "AND sql IS NOT NULL");
        const QString expectedIndexes = QString::number(caseViewIndexes().size());
        // One case as a load of its own (a page of a first pull).
        const auto loadInto = [](test::TemporaryCache &into, const QString &title, CaseRepository::LoadEnd end) {
            CaseRepository repository(into.db());
            return repository.beginBulkLoad() && repository.storeConfirmed({makeCase(title, {})}) &&
                   repository.finishBulkLoad(end);
        };
        const auto load = [&](const QString &title, CaseRepository::LoadEnd end) {
            return loadInto(cache, title, end);
        };
        QVERIFY(load(QStringLiteral("Seite 1"), CaseRepository::LoadEnd::MoreToCome));
        QCOMPARE(cache.scalar(indexCount), QStringLiteral("0"));
        // Each page's commit leaves the copy into the file to the checkpoint thread, as the whole load's does.
        WalCheckpointer *checkpointer = cache.db().walCheckpointer();
        QVERIFY(checkpointer);
        QVERIFY(checkpointer->waitUntilIdle(10'000));
        QVERIFY(checkpointer->lastOutcome().has_value());
        QVERIFY(checkpointer->lastOutcome()->logFrames > 0);
        QCOMPARE(checkpointer->lastOutcome()->checkpointedFrames, checkpointer->lastOutcome()->logFrames);
        QCOMPARE(cache.scalar(QStringLiteral("PRAGMA wal_autocheckpoint")),
                 QString::number(CacheDatabase::AutoCheckpointPages));
        QVERIFY(load(QStringLiteral("Seite 2"), CaseRepository::LoadEnd::MoreToCome));
        QCOMPARE(cache.scalar(indexCount), QStringLiteral("0"));
        // Visible and searchable already, only not through the indexes.
        QCOMPARE(cache.scalar(QStringLiteral("SELECT count(*) FROM case_view")), QStringLiteral("2"));
        QCOMPARE(CaseSearch(cache.db()).search(QStringLiteral("Seite"), 10)->size(), 2);
        QVERIFY(load(QStringLiteral("Seite 3"), CaseRepository::LoadEnd::Complete));
        QCOMPARE(cache.scalar(indexCount), expectedIndexes);
        QCOMPARE(cache.scalar(QStringLiteral("SELECT count(*) FROM case_view")), QStringLiteral("3"));
        // Not empty any more: a series on top of it keeps the indexes.
        QVERIFY(load(QStringLiteral("Seite 4"), CaseRepository::LoadEnd::MoreToCome));
        QCOMPARE(cache.scalar(indexCount), expectedIndexes);

        test::TemporaryCache broken;
        QVERIFY2(broken.isOpen(), qPrintable(broken.error()));
        QVERIFY(loadInto(broken, QStringLiteral("Abgebrochen"), CaseRepository::LoadEnd::MoreToCome));
        QCOMPARE(broken.scalar(indexCount), QStringLiteral("0"));
        QVERIFY(CaseRepository(broken.db()).ensureInboxIndexes());
        QCOMPARE(broken.scalar(indexCount), expectedIndexes);
        QVERIFY(CaseRepository(broken.db()).ensureInboxIndexes()); // nothing to do: no error either

        test::TemporaryCache restarted;
        QVERIFY2(restarted.isOpen(), qPrintable(restarted.error()));
        QVERIFY(loadInto(restarted, QStringLiteral("Neustart"), CaseRepository::LoadEnd::MoreToCome));
        QVERIFY2(restarted.reopen(), qPrintable(restarted.error()));
        QCOMPARE(restarted.scalar(indexCount), expectedIndexes);
    }

    void bulkStoresRefreshPlannerStatistics()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        CaseRepository repository(cache.db());
        const QUuid teams[] = {createUuidV7(), createUuidV7()};
        auto batch = [&](int count) {
            QList<Case> cases;
            for (int i = 0; i < count; ++i) {
                Case c = makeCase(QStringLiteral("Fall %1").arg(i), {});
                c.teamId = teams[i % 2];
                cases.append(c);
            }
            return cases;
        };
        QVERIFY(repository.storeConfirmed(batch(10)));
        QCOMPARE(cache.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")),
                 QStringLiteral("0"));

        QVERIFY(repository.storeConfirmed(batch(1000)));
        QCOMPARE(cache.scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'analyzedRows'")),
                 QStringLiteral("1010"));
        QVERIFY(cache.scalar(QStringLiteral("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'case_view'")).toInt() > 0);

        QVERIFY(repository.storeConfirmed(batch(1000))); // 2010 < 2 * 1010: no new ANALYZE yet
        QCOMPARE(cache.scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'analyzedRows'")),
                 QStringLiteral("1010"));
        QVERIFY(repository.storeConfirmed(batch(1000)));
        QCOMPARE(cache.scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'analyzedRows'")),
                 QStringLiteral("3010"));
    }
};

QTEST_GUILESS_MAIN(TestCaseRepository)
#include "tst_caserepository.moc"
