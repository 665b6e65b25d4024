// The "Needs attention" model over a real encrypted cache: commands submitted through the Outbox, then
// rejected or found in conflict by a pulled page's results (SyncStore), exactly as the sync brings them.
// Checks the rows and their texts (labels from the bundled form and process, names from the reference data),
// that pending commands are left out, the reason sentences, and the model tester across reloads.
#include "casework/CommandRules.h"
#include "core/Uuid.h"
#include "demo/BundledContent.h"
#include "forms/FieldFormats.h"
#include "mock/MockClock.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "storage/SyncStore.h"
#include "ui/NeedsAttentionModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include "../storage/TemporaryCache.h"

using namespace casedesk;
using namespace casedesk::storage;
using ui::NeedsAttentionModel;

namespace {

const QString CaseType = QStringLiteral("baumfaellung");
const QUuid TeamId = QUuid::fromString(u"0190f5c2-0000-7000-8000-0000000067a2");
// The day the commands are made: the form's dates (a felling from today on) are checked against it.
const QDateTime Today(QDate(2026, 2, 3), QTime(9, 0), Qt::UTC);

// The reason codes of the server's CommandProcessor.
const char *const KnownCodes[] = {
    "field_conflict",     "assignee_conflict", "task_conflict",    "forbidden",           "not_found",
    "invalid_args",       "invalid_form",      "task_not_allowed", "four_eyes_violation", "unknown_outcome",
    "process_error",      "workflow_rejected", "case_exists",      "case_rejected",       "case_unreadable",
    "unknown_command",    "unknown_case_type", "note_exists",      "blob_missing",        "document_exists",
    "document_not_found", "already_consulted", "not_consulted",
};

const demo::CaseTypeContent &content()
{
    return *demo::BundledContent::instance()->find(CaseType);
}

QString label(const QString &fieldId)
{
    return content().form.field(fieldId)->label.text();
}

// The first two user tasks of the bundled process: one the user completes, one the server has open instead.
QList<const workflow::Element *> userTasks()
{
    QList<const workflow::Element *> tasks;
    for (const auto &element : content().process.elements()) {
        if (element.type == workflow::ElementType::UserTask && !element.name.isEmpty())
            tasks.append(&element);
    }
    return tasks;
}

User makeUser(const QString &login, const QString &name)
{
    User user;
    user.id = createUuidV7();
    user.login = login;
    user.displayName = name;
    user.roles = {Role::Clerk, Role::TeamLead}; // the case's team lead: every command below is theirs to make
    user.teamIds = {TeamId};
    return user;
}

Case makeCase(const QString &title, int number)
{
    Case c;
    c.id = createUuidV7();
    c.aktenzeichen = Aktenzeichen(QStringLiteral("67.20"), number, 2026);
    c.caseType = CaseType;
    c.title = title;
    c.applicant.familyName = QStringLiteral("Schäfer");
    c.teamId = TeamId;
    c.receivedDate = QDate(2026, 2, 1);
    c.formData = {{QStringLiteral("buildingPermit"), QStringLiteral("BG-2026-17")}};
    // Its process started, as the server opened it.
    const casework::RuleOutcome opened = casework::CommandRules::open(
        *demo::BundledContent::instance()->find(CaseType), casework::CommandRules::RequiredValues::MayBeMissing,
        QDateTime(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC), &c);
    if (!opened.applied())
        qFatal("the test case does not open: %s", qPrintable(opened.message));
    return c;
}

QJsonObject pageOf(const QList<Case> &cases, const QJsonArray &results, const QString &cursor)
{
    QJsonArray entries;
    for (const Case &c : cases)
        entries.append(QJsonObject{{QStringLiteral("case"), c.toJson()}, {QStringLiteral("version"), c.version}});
    return {
        {QStringLiteral("cases"), entries}, {QStringLiteral("cursor"), cursor}, {QStringLiteral("results"), results}};
}

// A result as a pull page carries it, the outcome's detail nested.
QJsonObject result(const Command &command, const QString &outcome, const QString &code,
                   const QJsonObject &conflicts = {})
{
    return {{QStringLiteral("commandId"), uuidToString(command.id)},
            {QStringLiteral("clientSeq"), command.clientSeq},
            {QStringLiteral("result"), outcome},
            {QStringLiteral("detail"), QJsonObject{{QStringLiteral("code"), code},
                                                   {QStringLiteral("message"), QStringLiteral("server says no")},
                                                   {QStringLiteral("conflicts"), conflicts}}}};
}

QJsonObject server(const QJsonValue &value)
{
    return {{QStringLiteral("server"), value}};
}

// The cache after a sync that answered four of the user's five commands with a conflict or rejection.
struct Fixture {
    test::TemporaryCache cache;
    User me = makeUser(QStringLiteral("j.weber"), QStringLiteral("Jana Weber"));
    User anna = makeUser(QStringLiteral("a.mueller"), QStringLiteral("Anna Müller"));
    User bernd = makeUser(QStringLiteral("b.schulz"), QStringLiteral("Bernd Schulz"));
    Case tree = makeCase(QStringLiteral("Kastanie im Hof"), 17);
    Case created = makeCase(QStringLiteral("Linde an der Straße"), 18);
    Command setFields, assign, note, completeTask, createCase, pending;
    QString error;

    bool build()
    {
        if (!cache.isOpen())
            return fail(cache.error());
        if (!ReferenceRepository(cache.db()).storeUsers({me, anna, bernd}))
            return fail(QStringLiteral("users not stored"));
        SyncStore store(cache.db());
        if (!apply(store, pageOf({tree}, {}, QStringLiteral("1"))))
            return false;
        const QList<const workflow::Element *> tasks = userTasks();
        if (tasks.size() < 2)
            return fail(QStringLiteral("the bundled process has fewer than two named user tasks"));
        Outbox outbox(cache.db());
        const auto fields = [](const QJsonValue &old, const QJsonValue &now) {
            return QJsonObject{{QStringLiteral("old"), old}, {QStringLiteral("new"), now}};
        };
        const bool submitted =
            submit(
                outbox, &setFields, CommandName::SetFields, tree.id,
                {{QStringLiteral("fields"),
                  QJsonObject{{QStringLiteral("buildingPermit"),
                               fields(QStringLiteral("BG-2026-17"), QStringLiteral("BG-2026-99"))},
                              {QStringLiteral("plannedDate"), fields(QJsonValue(), QStringLiteral("2026-05-04"))}}}}) &&
            submit(outbox, &assign, CommandName::Assign, tree.id,
                   {{QStringLiteral("expected"), QString()}, {QStringLiteral("assignee"), uuidToString(anna.id)}}) &&
            submit(outbox, &note, CommandName::AddNote, tree.id,
                   {{QStringLiteral("note"),
                     Note{createUuidV7(), tree.id, me.id, QDateTime(QDate(2026, 2, 3), QTime(9, 0), Qt::UTC),
                          QStringLiteral("Ortstermin mit dem Eigentümer vereinbart.")}
                         .toJson()}}) &&
            submit(outbox, &completeTask, CommandName::CompleteTask, tree.id,
                   {{QStringLiteral("taskId"), tasks.at(0)->id}}) &&
            submit(outbox, &createCase, CommandName::CreateCase, created.id,
                   {{QStringLiteral("case"), created.toJson()}}) &&
            submit(outbox, &pending, CommandName::SetFollowUp, tree.id,
                   {{QStringLiteral("date"), QStringLiteral("2026-03-01")}});
        if (!submitted)
            return false;

        // The server moved on: someone else changed the permit and assigned Bernd.
        Case onServer = tree;
        onServer.formData.insert(QStringLiteral("buildingPermit"), QStringLiteral("BG-2026-42"));
        onServer.assigneeId = bernd.id;
        onServer.version = 2;
        const QJsonArray results{
            result(setFields, QStringLiteral("conflict"), QStringLiteral("field_conflict"),
                   {{QStringLiteral("buildingPermit"), server(QStringLiteral("BG-2026-42"))}}),
            result(assign, QStringLiteral("conflict"), QStringLiteral("assignee_conflict"),
                   {{QStringLiteral("assignee"), server(uuidToString(bernd.id))}}),
            result(note, QStringLiteral("rejected"), QStringLiteral("forbidden")),
            result(completeTask, QStringLiteral("conflict"), QStringLiteral("task_conflict"),
                   {{QStringLiteral("task"), server(QJsonArray{tasks.at(1)->id})}}),
            result(createCase, QStringLiteral("rejected"), QStringLiteral("case_exists")),
        };
        return apply(store, pageOf({onServer}, results, QStringLiteral("2")));
    }

    bool fail(const QString &message)
    {
        error = message;
        return false;
    }
    bool submit(Outbox &outbox, Command *out, CommandName name, const QUuid &caseId, const QJsonObject &args)
    {
        auto command = outbox.submit(name, caseId, args, me.id);
        if (!command)
            return fail(command.error().toString());
        *out = *command;
        return true;
    }
    bool apply(SyncStore &store, const QJsonObject &json)
    {
        auto page = PulledPage::fromJson(json);
        if (!page)
            return fail(page.error().toString());
        if (auto applied = store.applyPage(*page); !applied)
            return fail(applied.error().toString());
        return true;
    }

    OutboxEntry entry(const Command &command)
    {
        const QList<OutboxEntry> entries = Outbox(cache.db()).entries().value();
        for (const OutboxEntry &e : entries) {
            if (e.command.id == command.id)
                return e;
        }
        return {};
    }
};

int rowOf(const NeedsAttentionModel &model, const QUuid &commandId)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(NeedsAttentionModel::CommandIdRole).toUuid() == commandId)
            return row;
    }
    return -1;
}

} // namespace

class TestNeedsAttentionModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(demo::BundledContent::instance(), qPrintable(demo::BundledContent::instance().error().toString()));
        Clock::setCurrent(&m_clock);
    }

    void cleanupTestCase() { Clock::setCurrent(nullptr); }

    void listsRejectedAndConflictingCommandsOnly()
    {
        Fixture f;
        QVERIFY2(f.build(), qPrintable(f.error));
        NeedsAttentionModel model(f.cache.db());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload());

        // In the outbox's (clientSeq) order; the still pending follow-up is not the user's business yet.
        const QList<Command> expected{f.setFields, f.assign, f.note, f.completeTask, f.createCase};
        QCOMPARE(model.rowCount(), expected.size());
        for (int row = 0; row < expected.size(); ++row) {
            const QModelIndex index = model.index(row, 0);
            QCOMPARE(index.data(NeedsAttentionModel::CommandIdRole).toUuid(), expected.at(row).id);
            QCOMPARE(index.data(NeedsAttentionModel::CaseIdRole).toUuid(), expected.at(row).caseId);
            QCOMPARE(index.data(NeedsAttentionModel::ConflictRole).toBool(),
                     f.entry(expected.at(row)).state == OutboxEntry::State::Conflict);
        }
        QCOMPARE(rowOf(model, f.pending.id), -1);
    }

    void rowTexts_data()
    {
        QTest::addColumn<int>("command"); // index into the fixture's commands below
        QTest::addColumn<QStringList>("change");
        QTest::addColumn<QStringList>("serverValue");
        QTest::addColumn<QStringList>("notInServerValue");
        QTest::addColumn<QStringList>("userValue");

        const QStringList tasks{userTasks().value(0)->name, userTasks().value(1)->name};
        const QString date = forms::FieldFormats::formatDate(QDate(2026, 5, 4));
        QTest::newRow("setFields conflict: per field")
            << 0 << QStringList{label(QStringLiteral("buildingPermit")), label(QStringLiteral("plannedDate"))}
            << QStringList{label(QStringLiteral("buildingPermit")), QStringLiteral("BG-2026-42")}
            << QStringList{label(QStringLiteral("plannedDate")), QStringLiteral("BG-2026-99")}
            << QStringList{label(QStringLiteral("buildingPermit")), QStringLiteral("BG-2026-99"),
                           label(QStringLiteral("plannedDate")), date};
        QTest::newRow("assign conflict: names")
            << 1 << QStringList{QStringLiteral("Anna Müller")} << QStringList{QStringLiteral("Bernd Schulz")}
            << QStringList{QStringLiteral("Anna Müller")} << QStringList{QStringLiteral("Anna Müller")};
        QTest::newRow("addNote rejected: no server value")
            << 2 << QStringList{} << QStringList{} << QStringList{QStringLiteral("Ortstermin")}
            << QStringList{QStringLiteral("Ortstermin mit dem Eigentümer vereinbart.")};
        QTest::newRow("completeTask conflict: task names") << 3 << QStringList{tasks.at(0)} << QStringList{tasks.at(1)}
                                                           << QStringList{tasks.at(0)} << QStringList{tasks.at(0)};
        QTest::newRow("createCase rejected: the case from the command")
            << 4 << QStringList{} << QStringList{} << QStringList{QStringLiteral("Linde")}
            << QStringList{QStringLiteral("Linde an der Straße")};
    }

    void rowTexts()
    {
        QFETCH(int, command);
        QFETCH(QStringList, change);
        QFETCH(QStringList, serverValue);
        QFETCH(QStringList, notInServerValue);
        QFETCH(QStringList, userValue);
        Fixture f;
        QVERIFY2(f.build(), qPrintable(f.error));
        NeedsAttentionModel model(f.cache.db());
        QVERIFY(model.reload());

        const QList<Command> commands{f.setFields, f.assign, f.note, f.completeTask, f.createCase};
        const Command &subject = commands.at(command);
        const int row = rowOf(model, subject.id);
        QVERIFY(row >= 0);
        const auto text = [&](int column) { return model.index(row, column).data().toString(); };

        // The case as the user sees it now (the rejected new case only exists in its command).
        const Case &shown = subject.name == CommandName::CreateCase ? f.created : f.tree;
        QCOMPARE(text(NeedsAttentionModel::AktenzeichenColumn), shown.displayAktenzeichen());
        QCOMPARE(text(NeedsAttentionModel::TitleColumn), shown.title);

        // Every command kind reads differently, and names what it changed.
        QSet<QString> descriptions;
        for (const Command &other : commands)
            descriptions.insert(
                model.index(rowOf(model, other.id), NeedsAttentionModel::ChangeColumn).data().toString());
        QCOMPARE(descriptions.size(), commands.size());
        QVERIFY(!text(NeedsAttentionModel::ChangeColumn).isEmpty());
        for (const QString &part : change)
            QVERIFY2(text(NeedsAttentionModel::ChangeColumn).contains(part),
                     qPrintable(text(NeedsAttentionModel::ChangeColumn)));

        // The reason: the stored reason put into words (never empty; nothing hidden).
        QCOMPARE(text(NeedsAttentionModel::ReasonColumn), NeedsAttentionModel::reasonText(f.entry(subject).reason));
        QVERIFY(!text(NeedsAttentionModel::ReasonColumn).isEmpty());

        const QString serverText = text(NeedsAttentionModel::ServerValueColumn);
        QCOMPARE(serverText.isEmpty(), serverValue.isEmpty());
        for (const QString &part : serverValue)
            QVERIFY2(serverText.contains(part), qPrintable(serverText));
        for (const QString &part : notInServerValue)
            QVERIFY2(!serverText.contains(part), qPrintable(serverText));
        const QString userText = text(NeedsAttentionModel::UserValueColumn);
        for (const QString &part : userValue)
            QVERIFY2(userText.contains(part), qPrintable(userText));
        // Per field: one line per field of the edit.
        if (subject.name == CommandName::SetFields)
            QCOMPARE(userText.split(QLatin1Char('\n')).size(), 2);
    }

    void reasonTexts_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("known");
        for (const char *code : KnownCodes)
            QTest::newRow(code) << QString::fromLatin1(code) << true;
        QTest::newRow("a code of a newer server") << QStringLiteral("quota_exceeded") << false;
        QTest::newRow("a stored sentence") << QStringLiteral("The server refused this change.") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void reasonTexts()
    {
        QFETCH(QString, code);
        QFETCH(bool, known);
        const QString text = NeedsAttentionModel::reasonText(code);
        if (!known) {
            QCOMPARE(text, code); // shown as it is rather than hidden
            return;
        }
        QVERIFY(text != code);
        QVERIFY2(text.endsWith(QLatin1Char('.')), qPrintable(text)); // a sentence
        QVERIFY2(text.split(QLatin1Char(' ')).size() >= 6, qPrintable(text));
    }

    void reasonTextsDiffer()
    {
        // Each known code says something of its own (no copy-paste sentence for two codes).
        QSet<QString> texts;
        for (const char *code : KnownCodes)
            texts.insert(NeedsAttentionModel::reasonText(QString::fromLatin1(code)));
        QCOMPARE(texts.size(), qsizetype(std::size(KnownCodes)));
    }

    void reloadFollowsTheOutbox()
    {
        Fixture f;
        QVERIFY2(f.build(), qPrintable(f.error));
        NeedsAttentionModel model(f.cache.db());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload());
        const int before = model.rowCount();
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        QVERIFY(Outbox(f.cache.db()).discard(f.note.id));
        QVERIFY(Outbox(f.cache.db()).reapply(f.assign.id, f.me.id));
        QVERIFY(model.reload());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), before - 2);
        QCOMPARE(rowOf(model, f.note.id), -1);
        QCOMPARE(rowOf(model, f.assign.id), -1);
        QVERIFY(rowOf(model, f.setFields.id) >= 0);

        // Every remaining command resolved: the list is empty.
        for (const Command &command : {f.setFields, f.completeTask, f.createCase})
            QVERIFY(Outbox(f.cache.db()).discard(command.id));
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 0);
    }

    void headers()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        NeedsAttentionModel model(cache.db());
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(NeedsAttentionModel::ColumnCount));
        QSet<QString> titles;
        for (int column = 0; column < model.columnCount(); ++column)
            titles.insert(model.headerData(column, Qt::Horizontal).toString());
        QCOMPARE(titles.size(), model.columnCount());
        QVERIFY(!titles.contains(QString()));
    }

private:
    test::MockClock m_clock{Today};
};

QTEST_MAIN(TestNeedsAttentionModel)
#include "tst_needsattentionmodel.moc"
