// Outbox: a local edit and its outbox entry are written together or not at all (DESIGN.md, decision 3).
#include "casework/CommandRules.h"
#include "core/Uuid.h"
#include "mock/MockClock.h"
#include "storage/CaseRepository.h"
#include "storage/InboxRepository.h"
#include "storage/Outbox.h"

#include <QTest>

#include "TemporaryCache.h"

using namespace casedesk;
using namespace casedesk::storage;

namespace {

Case makeCase()
{
    Case c;
    c.id = createUuidV7();
    c.aktenzeichen = Aktenzeichen(QStringLiteral("67.20"), 42, 2026);
    c.caseType = QStringLiteral("baumfaellung");
    c.title = QStringLiteral("Fällung Kastanie");
    c.applicant.familyName = QStringLiteral("Schäfer");
    c.applicant.givenName = QStringLiteral("Jörg");
    c.teamId = createUuidV7();
    c.receivedDate = QDate(2026, 2, 1);
    c.statutoryDeadline = QDate(2026, 3, 31);
    c.statusText = QStringLiteral("Prüfung");
    c.formData = {{QStringLiteral("buildingPermit"), QStringLiteral("Kastanie")}};
    c.version = 7;
    c.createdAt = QDateTime(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC);
    c.updatedAt = c.createdAt;
    return c;
}

QJsonObject fieldEdit(const QString &field, const QJsonValue &oldValue, const QJsonValue &newValue)
{
    return {{QStringLiteral("fields"),
             QJsonObject{{field, QJsonObject{{QStringLiteral("old"), oldValue}, {QStringLiteral("new"), newValue}}}}}};
}

// Everything the outbox and the visible state consist of, to prove that a failed submit changed nothing.
QString snapshot(test::TemporaryCache &cache)
{
    return cache.scalar(
        QStringLiteral("SELECT (SELECT group_concat(seq || command_id || json, '|') FROM outbox) || '#' "
                       "|| (SELECT group_concat(row_id || json || has_pending, '|') FROM case_view) || '#' "
                       "|| (SELECT group_concat(key || value, '|') FROM settings)"));
}

} // namespace

class TestOutbox : public QObject {
    Q_OBJECT

private slots:
    void submitWritesOutboxAndViewTogether()
    {
        test::MockClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC));
        test::ScopedClock scoped(clock);
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        const Case c = makeCase();
        CaseRepository cases(cache.db());
        QVERIFY(cases.storeConfirmed({c}));
        const QUuid clerk = createUuidV7();

        Outbox outbox(cache.db());
        auto command = outbox.submit(
            CommandName::SetFields, c.id,
            fieldEdit(QStringLiteral("buildingPermit"), QStringLiteral("Kastanie"), QStringLiteral("Rosskastanie")),
            clerk);
        QVERIFY2(command, test::errorText(command).constData());
        QVERIFY(uuidV7Milliseconds(command->id) >= 0);
        QVERIFY(uuidV7Milliseconds(command->clientId) >= 0);
        QCOMPARE(command->clientSeq, qint64(1));
        QCOMPARE(command->caseId, c.id);
        QCOMPARE(command->madeAt, clock.now());

        auto entries = outbox.entries();
        QVERIFY(entries);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().command, *command);
        QCOMPARE(entries->first().state, OutboxEntry::State::Pending);
        QCOMPARE(outbox.entriesFor(c.id)->size(), 1);
        QCOMPARE(outbox.entriesFor(createUuidV7())->size(), 0);
        QCOMPARE(*outbox.pendingCount(), qint64(1));

        QCOMPARE((**cases.visibleCase(c.id)).formData.value(QStringLiteral("buildingPermit")).toString(),
                 QStringLiteral("Rosskastanie"));
        QCOMPARE(**cases.confirmedCase(c.id), c);
        InboxQuery all;
        all.view = InboxView::All;
        auto rows = InboxRepository(cache.db()).page(all, std::nullopt, 10);
        QVERIFY(rows && rows->size() == 1);
        QVERIFY(rows->first().hasPendingChanges);
    }

    void clientSeqCountsUpByOne()
    {
        test::MockClock clock;
        test::ScopedClock scoped(clock);
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        const Case c = makeCase();
        QVERIFY(CaseRepository(cache.db()).storeConfirmed({c}));
        const QUuid clerk = createUuidV7();

        QUuid clientId;
        QString value = QStringLiteral("Kastanie");
        for (qint64 expected = 1; expected <= 5; ++expected) {
            if (expected == 4)
                QVERIFY2(cache.reopen(), qPrintable(cache.error())); // kept across restarts
            Outbox outbox(cache.db());
            const QString next = value + QLatin1Char('x');
            auto command = outbox.submit(CommandName::SetFields, c.id,
                                         fieldEdit(QStringLiteral("buildingPermit"), value, next), clerk);
            QVERIFY2(command, test::errorText(command).constData());
            QCOMPARE(command->clientSeq, expected);
            if (clientId.isNull())
                clientId = command->clientId;
            QCOMPARE(command->clientId, clientId);
            value = next;
            clock.advanceMs(1000);
        }
        auto entries = Outbox(cache.db()).entries();
        QCOMPARE(entries->size(), 5);
        for (qsizetype i = 0; i < entries->size(); ++i)
            QCOMPARE(entries->at(i).command.clientSeq, qint64(i + 1));
        // Every edit replays on the one before it.
        QCOMPARE((**CaseRepository(cache.db()).visibleCase(c.id))
                     .formData.value(QStringLiteral("buildingPermit"))
                     .toString(),
                 value);
    }

    void failureInTheMiddleWritesNothing()
    {
        test::MockClock clock;
        test::ScopedClock scoped(clock);
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        const Case c = makeCase();
        QVERIFY(CaseRepository(cache.db()).storeConfirmed({c}));
        const QUuid clerk = createUuidV7();
        Outbox outbox(cache.db());
        QVERIFY(outbox.submit(CommandName::SetFollowUp, c.id, {{QStringLiteral("date"), QStringLiteral("2026-03-10")}},
                              clerk));

        // The outbox row is written first; the visible row's update then fails.
        QVERIFY(cache.sqlite().exec(QStringLiteral("CREATE TRIGGER fail_view BEFORE UPDATE ON case_view BEGIN "
                                                   "SELECT RAISE(ABORT, 'simulated failure'); END")));
        const QString before = snapshot(cache);
        auto failed = outbox.submit(
            CommandName::SetFields, c.id,
            fieldEdit(QStringLiteral("buildingPermit"), QStringLiteral("Kastanie"), QStringLiteral("Linde")), clerk);
        QVERIFY(!failed);
        QCOMPARE(snapshot(cache), before);
        QCOMPARE(outbox.entries()->size(), 1);

        // The failed attempt consumed no sequence number.
        QVERIFY(cache.sqlite().exec(QStringLiteral("DROP TRIGGER fail_view")));
        auto command = outbox.submit(
            CommandName::SetFields, c.id,
            fieldEdit(QStringLiteral("buildingPermit"), QStringLiteral("Kastanie"), QStringLiteral("Linde")), clerk);
        QVERIFY2(command, test::errorText(command).constData());
        QCOMPARE(command->clientSeq, qint64(2));
    }

    void refusedCommandsWriteNothing_data()
    {
        QTest::addColumn<int>("name");
        QTest::addColumn<bool>("knownCase");
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<int>("error");
        const QUuid someone = createUuidV7();
        QTest::newRow("setFields on a changed field")
            << int(CommandName::SetFields) << true
            << fieldEdit(QStringLiteral("buildingPermit"), QStringLiteral("Linde"), QStringLiteral("Ahorn"))
            << int(ErrorCode::Conflict);
        QTest::newRow("setFields on a field that was empty")
            << int(CommandName::SetFields) << true << fieldEdit(QStringLiteral("umfang"), 120, 130)
            << int(ErrorCode::Conflict);
        QTest::newRow("assign expecting another assignee")
            << int(CommandName::Assign) << true
            << QJsonObject{{QStringLiteral("expected"), uuidToString(someone)},
                           {QStringLiteral("assignee"), uuidToString(someone)}}
            << int(ErrorCode::Conflict);
        QTest::newRow("claim expecting another assignee")
            << int(CommandName::Claim) << true << QJsonObject{{QStringLiteral("expected"), uuidToString(someone)}}
            << int(ErrorCode::Conflict);
        QTest::newRow("unknown case") << int(CommandName::SetFields) << false
                                      << fieldEdit(QStringLiteral("buildingPermit"), QStringLiteral("Kastanie"),
                                                   QStringLiteral("Ahorn"))
                                      << int(ErrorCode::NotFound);
        QTest::newRow("malformed args") << int(CommandName::SetFields) << true
                                        << QJsonObject{{QStringLiteral("fields"), 5}} << int(ErrorCode::Invalid);
        QTest::newRow("createCase for an existing case")
            << int(CommandName::CreateCase) << true << QJsonObject{{QStringLiteral("case"), makeCase().toJson()}}
            << int(ErrorCode::Conflict);
    }

    void refusedCommandsWriteNothing()
    {
        QFETCH(int, name);
        QFETCH(bool, knownCase);
        QFETCH(QJsonObject, args);
        QFETCH(int, error);
        test::MockClock clock;
        test::ScopedClock scoped(clock);
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        Case c = makeCase();
        if (args.contains(QStringLiteral("case")))
            c.id = uuidFromString(args.value(QStringLiteral("case")).toObject().value(QStringLiteral("id")).toString());
        QVERIFY(CaseRepository(cache.db()).storeConfirmed({c}));
        const QString before = snapshot(cache);

        auto refused =
            Outbox(cache.db())
                .submit(static_cast<CommandName>(name), knownCase ? c.id : createUuidV7(), args, createUuidV7());
        QVERIFY(!refused);
        QCOMPARE(int(refused.error().code), error);
        QVERIFY(!refused.error().message.isEmpty());
        QCOMPARE(snapshot(cache), before);
        QCOMPARE(*Outbox(cache.db()).pendingCount(), qint64(0));
    }

    void createCaseShowsAProvisionalCase()
    {
        test::MockClock clock;
        test::ScopedClock scoped(clock);
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        Case c = makeCase();
        c.aktenzeichen = Aktenzeichen(); // the server assigns it
        c.version = 0;
        const QUuid clerk = createUuidV7();
        auto command =
            Outbox(cache.db()).submit(CommandName::CreateCase, c.id, {{QStringLiteral("case"), c.toJson()}}, clerk);
        QVERIFY2(command, test::errorText(command).constData());

        // Shown as the case rules open it (its process started), not yet confirmed by the server.
        Case opened = c;
        QVERIFY(casework::CommandRules::open(*demo::BundledContent::instance()->find(c.caseType),
                                             casework::CommandRules::RequiredValues::MayBeMissing, clock.now(), &opened)
                    .applied());
        opened.version = 0;
        QVERIFY(!opened.workflowState.isEmpty());
        CaseRepository cases(cache.db());
        QCOMPARE(**cases.visibleCase(c.id), opened);
        QVERIFY(!cases.confirmedCase(c.id)->has_value());
        InboxQuery all;
        all.view = InboxView::All;
        auto rows = InboxRepository(cache.db()).page(all, std::nullopt, 10);
        QVERIFY(rows && rows->size() == 1);
        QCOMPARE(rows->first().aktenzeichen, c.displayAktenzeichen());
        QVERIFY(rows->first().hasPendingChanges);

        // Later commands on the new case replay on top of the pending createCase.
        auto claimed = Outbox(cache.db())
                           .submit(CommandName::Claim, c.id, {{QStringLiteral("expected"), QStringLiteral("")}}, clerk);
        QVERIFY2(claimed, test::errorText(claimed).constData());
        QCOMPARE((**cases.visibleCase(c.id)).assigneeId, clerk);
        QCOMPARE(claimed->clientSeq, command->clientSeq + 1);
    }

    // "Needs attention": a conflicting change made again on top of the server's value, a rejected one
    // discarded; pending ones refused (the server may still apply them).
    void conflictsAreReappliedOrDiscarded()
    {
        test::MockClock clock;
        test::ScopedClock scoped(clock);
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        Case c = makeCase();
        CaseRepository cases(cache.db());
        QVERIFY(cases.storeConfirmed({c}));
        const QUuid clerk = createUuidV7();
        Outbox outbox(cache.db());
        auto edit = outbox.submit(
            CommandName::SetFields, c.id,
            fieldEdit(QStringLiteral("buildingPermit"), QStringLiteral("Kastanie"), QStringLiteral("Rosskastanie")),
            clerk);
        QVERIFY2(edit, test::errorText(edit).constData());

        const QString before = snapshot(cache);
        auto refused = outbox.discard(edit->id);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QVERIFY(!outbox.reapply(edit->id, clerk));
        QCOMPARE(snapshot(cache), before);

        // Someone else set the field first: the server's state arrives and the edit is a conflict.
        c.formData.insert(QStringLiteral("buildingPermit"), QStringLiteral("Eiche"));
        c.version = 8;
        QVERIFY(cases.storeConfirmed({c}));
        cache.scalar(QStringLiteral("UPDATE outbox SET state = 'conflict', reason = 'changed' WHERE seq = %1")
                         .arg(edit->clientSeq));
        QCOMPARE((**cases.visibleCase(c.id)).formData.value(QStringLiteral("buildingPermit")).toString(),
                 QStringLiteral("Eiche"));

        auto again = outbox.reapply(edit->id, clerk);
        QVERIFY2(again, test::errorText(again).constData());
        QCOMPARE(again->clientSeq, edit->clientSeq + 1);
        QVERIFY(again->id != edit->id);
        QCOMPARE(again->args,
                 fieldEdit(QStringLiteral("buildingPermit"), QStringLiteral("Eiche"), QStringLiteral("Rosskastanie")));
        auto entries = outbox.entries();
        QVERIFY(entries);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().command, *again);
        QCOMPARE(entries->first().state, OutboxEntry::State::Pending);
        QCOMPARE((**cases.visibleCase(c.id)).formData.value(QStringLiteral("buildingPermit")).toString(),
                 QStringLiteral("Rosskastanie"));

        // Rejected: discarding leaves the server's state, and the entry is gone for good.
        cache.scalar(QStringLiteral("UPDATE outbox SET state = 'rejected', reason = 'forbidden' WHERE seq = %1")
                         .arg(again->clientSeq));
        auto discarded = outbox.discard(again->id);
        QVERIFY2(discarded, test::errorText(discarded).constData());
        QCOMPARE(outbox.entries()->size(), 0);
        QCOMPARE(**cases.visibleCase(c.id), c);
        auto twice = outbox.discard(again->id);
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
