// The "Needs attention" panel (offscreen) over a real encrypted cache whose outbox holds a field conflict, an
// assignee conflict and a rejected Vermerk, made as the sync makes them (Outbox, then a pulled page's results
// through SyncStore). Drives the buttons: re-apply (a new pending command with the current values), its
// error shown, discard confirmed and cancelled through the injected confirmer, edit and double-click.
#include "core/Uuid.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "storage/SyncStore.h"
#include "ui/NeedsAttentionModel.h"
#include "ui/NeedsAttentionPanel.h"

#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "../storage/TemporaryCache.h"

using namespace casedesk;
using namespace casedesk::storage;
using ui::NeedsAttentionModel;
using ui::NeedsAttentionPanel;

namespace {

const QString Field = QStringLiteral("buildingPermit");

QJsonObject serverValue(const QJsonValue &value)
{
    return {{QStringLiteral("server"), value}};
}

// A case on the server, three of the user's commands on it and the server's answers: the field and the
// assignee had been changed by someone else, the Vermerk was not allowed.
struct Fixture {
    test::TemporaryCache cache;
    QUuid me = createUuidV7();
    QUuid colleague = createUuidV7();
    Case theCase;
    Command edit, assign, note;
    QString error;
    int cursor = 0; // of the pages pulled so far

    bool build()
    {
        if (!cache.isOpen())
            return fail(cache.error());
        theCase.id = createUuidV7();
        theCase.aktenzeichen = Aktenzeichen(QStringLiteral("67.20"), 5, 2026);
        theCase.caseType = QStringLiteral("baumfaellung");
        theCase.title = QStringLiteral("Ahorn am Spielplatz");
        theCase.teamId = createUuidV7();
        theCase.receivedDate = QDate(2026, 3, 2);
        theCase.formData = {{Field, QStringLiteral("old permit")}};
        theCase.version = 1;
        theCase.createdAt = QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);
        theCase.updatedAt = theCase.createdAt;
        if (!apply(theCase, {}))
            return false;

        Outbox outbox(cache.db());
        const QJsonObject editArgs{
            {QStringLiteral("fields"),
             QJsonObject{{Field, QJsonObject{{QStringLiteral("old"), QStringLiteral("old permit")},
                                             {QStringLiteral("new"), QStringLiteral("my permit")}}}}}};
        const QJsonObject assignArgs{{QStringLiteral("expected"), QString()},
                                     {QStringLiteral("assignee"), uuidToString(me)}};
        const Note vermerk{createUuidV7(), theCase.id, me, QDateTime(QDate(2026, 3, 3), QTime(9, 0), Qt::UTC),
                           QStringLiteral("Baum besichtigt.")};
        if (!submit(outbox, &edit, CommandName::SetFields, editArgs) ||
            !submit(outbox, &assign, CommandName::Assign, assignArgs) ||
            !submit(outbox, &note, CommandName::AddNote, {{QStringLiteral("note"), vermerk.toJson()}}))
            return false;

        Case onServer = theCase;
        onServer.formData.insert(Field, QStringLiteral("their permit"));
        onServer.assigneeId = colleague;
        onServer.version = 2;
        return apply(onServer, {result(edit, QStringLiteral("conflict"), QStringLiteral("field_conflict"),
                                       {{Field, serverValue(QStringLiteral("their permit"))}}),
                                result(assign, QStringLiteral("conflict"), QStringLiteral("assignee_conflict"),
                                       {{QStringLiteral("assignee"), serverValue(uuidToString(colleague))}}),
                                result(note, QStringLiteral("rejected"), QStringLiteral("forbidden"), {})});
    }

    static QJsonObject result(const Command &command, const QString &outcome, const QString &code,
                              const QJsonObject &conflicts)
    {
        return {{QStringLiteral("commandId"), uuidToString(command.id)},
                {QStringLiteral("clientSeq"), command.clientSeq},
                {QStringLiteral("result"), outcome},
                {QStringLiteral("detail"),
                 QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("conflicts"), conflicts}}}};
    }

    bool fail(const QString &message)
    {
        error = message;
        return false;
    }
    bool submit(Outbox &outbox, Command *out, CommandName name, const QJsonObject &args)
    {
        auto command = outbox.submit(name, theCase.id, args, me);
        if (!command)
            return fail(command.error().toString());
        *out = *command;
        return true;
    }
    bool apply(const Case &confirmed, const QJsonArray &results)
    {
        const QJsonObject json{
            {QStringLiteral("cases"), QJsonArray{QJsonObject{{QStringLiteral("case"), confirmed.toJson()},
                                                             {QStringLiteral("version"), confirmed.version}}}},
            {QStringLiteral("cursor"), QString::number(++cursor)},
            {QStringLiteral("results"), results}};
        auto page = PulledPage::fromJson(json);
        if (!page)
            return fail(page.error().toString());
        if (auto applied = SyncStore(cache.db()).applyPage(*page); !applied)
            return fail(applied.error().toString());
        return true;
    }

    QList<OutboxEntry> entries() { return Outbox(cache.db()).entries().value(); }
    Case visible() { return CaseRepository(cache.db()).visibleCase(theCase.id).value().value_or(Case{}); }
};

QTableView *table(NeedsAttentionPanel &panel)
{
    return panel.findChild<QTableView *>(QStringLiteral("needsAttentionTable"));
}

QPushButton *button(NeedsAttentionPanel &panel, const char *name)
{
    return panel.findChild<QPushButton *>(QString::fromLatin1(name));
}

QLabel *errorLabel(NeedsAttentionPanel &panel)
{
    return panel.findChild<QLabel *>(QStringLiteral("needsAttentionError"));
}

// Selects the row of `command` the way a user does, by clicking it.
bool selectCommand(NeedsAttentionPanel &panel, const Command &command)
{
    QTableView *view = table(panel);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, NeedsAttentionModel::ChangeColumn);
        if (index.data(NeedsAttentionModel::CommandIdRole).toUuid() == command.id) {
            view->scrollTo(index);
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
            return view->selectionModel()->isRowSelected(row, {});
        }
    }
    return false;
}

bool listed(NeedsAttentionPanel &panel, const Command &command)
{
    const QAbstractItemModel *model = table(panel)->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(NeedsAttentionModel::CommandIdRole).toUuid() == command.id)
            return true;
    }
    return false;
}

} // namespace

class TestNeedsAttentionPanel : public QObject {
    Q_OBJECT

private slots:
    void countAndActionsFollowTheSelection()
    {
        Fixture f;
        QVERIFY2(f.build(), qPrintable(f.error));
        NeedsAttentionPanel panel(f.cache.db(), f.me);
        QSignalSpy count(&panel, &NeedsAttentionPanel::countChanged);
        panel.reload();
        QCOMPARE(count.size(), 1);
        QCOMPARE(count.at(0).at(0).toInt(), 3);
        QCOMPARE(panel.count(), 3);
        panel.reload(); // nothing changed: no new badge value
        QCOMPARE(count.size(), 1);

        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        for (const char *name : {"reapplyButton", "editButton", "discardButton"})
            QVERIFY2(!button(panel, name)->isEnabled(), name);
        QVERIFY(selectCommand(panel, f.assign));
        for (const char *name : {"reapplyButton", "editButton", "discardButton"})
            QVERIFY2(button(panel, name)->isEnabled(), name);
        QVERIFY(!errorLabel(panel)->isVisible());
    }

    void reapplyMakesANewPendingCommandWithCurrentValues()
    {
        Fixture f;
        QVERIFY2(f.build(), qPrintable(f.error));
        NeedsAttentionPanel panel(f.cache.db(), f.me);
        panel.reload();
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy count(&panel, &NeedsAttentionPanel::countChanged);
        QSignalSpy changed(&panel, &NeedsAttentionPanel::outboxChanged);

        QVERIFY(selectCommand(panel, f.edit));
        QTest::mouseClick(button(panel, "reapplyButton"), Qt::LeftButton);

        QVERIFY2(!errorLabel(panel)->isVisible(), qPrintable(errorLabel(panel)->text()));
        QVERIFY(!listed(panel, f.edit));
        QCOMPARE(panel.count(), 2);
        QCOMPARE(count.size(), 1);
        QCOMPARE(count.at(0).at(0).toInt(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toUuid(), f.theCase.id);

        // The old command is gone; a new pending one expects what the server holds now and sets the user's value.
        const QList<OutboxEntry> entries = f.entries();
        QVERIFY(std::none_of(entries.cbegin(), entries.cend(),
                             [&](const OutboxEntry &e) { return e.command.id == f.edit.id; }));
        const auto fresh = std::find_if(entries.cbegin(), entries.cend(), [](const OutboxEntry &e) {
            return e.state == OutboxEntry::State::Pending && e.command.name == CommandName::SetFields;
        });
        QVERIFY(fresh != entries.cend());
        QVERIFY(fresh->command.clientSeq > f.note.clientSeq);
        const QJsonObject fieldEdit =
            fresh->command.args.value(QLatin1String("fields")).toObject().value(Field).toObject();
        QCOMPARE(fieldEdit.value(QLatin1String("old")).toString(), QStringLiteral("their permit"));
        QCOMPARE(fieldEdit.value(QLatin1String("new")).toString(), QStringLiteral("my permit"));
        QCOMPARE(f.visible().formData.value(Field).toString(), QStringLiteral("my permit"));

        // The next row is selected, ready for the next decision.
        QCOMPARE(table(panel)->selectionModel()->selectedRows().size(), 1);
    }

    void reapplyErrorIsShown()
    {
        Fixture f;
        QVERIFY2(f.build(), qPrintable(f.error));
        NeedsAttentionPanel panel(f.cache.db(), f.me);
        panel.reload();
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(selectCommand(panel, f.assign));
        // Resolved meanwhile elsewhere (another window): the panel's row is stale.
        QVERIFY(Outbox(f.cache.db()).discard(f.assign.id));
        const auto expected = Outbox(f.cache.db()).reapply(f.assign.id, f.me);
        QVERIFY(!expected);
        QSignalSpy changed(&panel, &NeedsAttentionPanel::outboxChanged);

        QTest::mouseClick(button(panel, "reapplyButton"), Qt::LeftButton);

        QVERIFY(errorLabel(panel)->isVisible());
        QCOMPARE(errorLabel(panel)->text(), expected.error().message);
        QCOMPARE(changed.size(), 0);
        // The next action starts afresh.
        QVERIFY(selectCommand(panel, f.note));
        QTest::mouseClick(button(panel, "reapplyButton"), Qt::LeftButton);
        QVERIFY2(!errorLabel(panel)->isVisible(), qPrintable(errorLabel(panel)->text()));
    }

    void discard_data()
    {
        QTest::addColumn<bool>("confirm");
        QTest::newRow("confirmed") << true;
        QTest::newRow("cancelled") << false;
    }

    void discard()
    {
        QFETCH(bool, confirm);
        Fixture f;
        QVERIFY2(f.build(), qPrintable(f.error));
        NeedsAttentionPanel panel(f.cache.db(), f.me);
        QStringList questions;
        panel.setConfirmer([&](QWidget *parent, const QString &question) {
            questions.append(question);
            return parent == &panel && confirm;
        });
        panel.reload();
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy changed(&panel, &NeedsAttentionPanel::outboxChanged);
        const QString description = [&] {
            const QAbstractItemModel *model = table(panel)->model();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, 0).data(NeedsAttentionModel::CommandIdRole).toUuid() == f.note.id)
                    return model->index(row, NeedsAttentionModel::ChangeColumn).data().toString();
            }
            return QString();
        }();
        QVERIFY(!description.isEmpty());
        const int before = f.entries().size();

        QVERIFY(selectCommand(panel, f.note));
        QTest::mouseClick(button(panel, "discardButton"), Qt::LeftButton);

        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.at(0).contains(description), qPrintable(questions.at(0)));
        QVERIFY2(questions.at(0).contains(f.theCase.displayAktenzeichen()), qPrintable(questions.at(0)));
        QCOMPARE(listed(panel, f.note), !confirm);
        QCOMPARE(f.entries().size(), confirm ? before - 1 : before);
        QCOMPARE(panel.count(), confirm ? 2 : 3);
        QCOMPARE(changed.size(), confirm ? 1 : 0);
        QVERIFY(listed(panel, f.edit) && listed(panel, f.assign));
        QVERIFY(!errorLabel(panel)->isVisible());
    }

    void editRequestsTheCase_data()
    {
        QTest::addColumn<bool>("doubleClick");
        QTest::newRow("button") << false;
        QTest::newRow("double-click") << true;
    }

    void editRequestsTheCase()
    {
        QFETCH(bool, doubleClick);
        Fixture f;
        QVERIFY2(f.build(), qPrintable(f.error));
        NeedsAttentionPanel panel(f.cache.db(), f.me);
        panel.reload();
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy requested(&panel, &NeedsAttentionPanel::caseRequested);
        const int before = f.entries().size();

        QVERIFY(selectCommand(panel, f.edit));
        if (doubleClick) {
            QTableView *view = table(panel);
            const QModelIndex index = view->selectionModel()->selectedRows(NeedsAttentionModel::TitleColumn).value(0);
            // A real double-click: press and release, then the double-click event, on the same cell.
            const QPoint cell = view->visualRect(index).center();
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell);
            QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell);
        } else {
            QTest::mouseClick(button(panel, "editButton"), Qt::LeftButton);
        }

        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toUuid(), f.theCase.id);
        // Editing resolves nothing by itself: the entry waits until the user re-applies or discards it.
        QCOMPARE(f.entries().size(), before);
        QVERIFY(listed(panel, f.edit));
    }
};

QTEST_MAIN(TestNeedsAttentionPanel)
#include "tst_needsattentionpanel.moc"
