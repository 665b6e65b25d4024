// The bar below a case's form (offscreen), with the detail pane's real form, over a real encrypted cache with the
// demo world's reference data and a tree felling application as the server confirmed it: a clerk saves edits
// (one setFields with each changed top-level field's old and new value), a refused edit stays in the form, edits
// can be discarded, the follow-up date is set and cleared, an auditor reads only, tasks are completed with their
// outcome (unsaved edits first), and leaving a case with unsaved edits asks the user.
#include "core/Command.h"
#include "core/Uuid.h"
#include "mock/MockClock.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "ui/CaseDetailPane.h"
#include "ui/CaseWorkBar.h"
#include "ui/FormView.h"

#include <QApplication>
#include <QDateEdit>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "../storage/TreeFellingCache.h"

using namespace casedesk;
using namespace casedesk::storage;
using ui::CaseWorkBar;

namespace {

const QString Details = QStringLiteral("reasonDetails");
const QString NewDetails = QStringLiteral("Der Stamm ist hohl, ein Gutachten liegt bei.");

QList<Command> queuedCommands(CacheDatabase &db)
{
    QList<Command> commands;
    const Result<QList<OutboxEntry>> entries = Outbox(db).entries();
    for (const OutboxEntry &entry : entries.value())
        commands.append(entry.command);
    return commands;
}

} // namespace

class TestCaseWorkBar : public QObject, private test::CaseworkFixture {
    Q_OBJECT

private slots:

    void init()
    {
        m_case = confirmedSample();
        const QString filled = startCache(m_case);
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
        m_pane = std::make_unique<ui::CaseDetailPane>();
    }

    void cleanup()
    {
        m_pane.reset();
        m_cache.reset();
    }

    void aClerkSavesTheEditedForm()
    {
        CaseWorkBar bar(m_cache->db(), test::treeFellingUser(Role::Clerk).id);
        show(bar, m_case);
        QVERIFY(!form()->isReadOnly());
        QVERIFY(bar.saveButton()->isVisibleTo(&bar));
        QVERIFY(!bar.saveButton()->isEnabled()); // nothing edited yet

        editDetails(NewDetails);
        auto *circumference = qobject_cast<QLineEdit *>(form()->editor(QStringLiteral("trees[0].trunkCircumference")));
        QVERIFY(circumference);
        circumference->selectAll();
        QTest::keyClicks(circumference, QStringLiteral("321"));
        QVERIFY(bar.hasUnsavedChanges());
        QVERIFY(bar.saveButton()->isEnabled());

        QSignalSpy changed(&bar, &CaseWorkBar::outboxChanged);
        QTest::mouseClick(bar.saveButton(), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!bar.errorLabel()->isVisibleTo(&bar));
        QVERIFY(!bar.hasUnsavedChanges());
        QVERIFY(!bar.saveButton()->isEnabled());

        const QList<Command> queued = queuedCommands(m_cache->db());
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().name, CommandName::SetFields);
        // A repeatable group goes whole: the server's edits are per top-level field.
        const QJsonObject fields = queued.first().args.value(QLatin1String("fields")).toObject();
        QCOMPARE(fields.keys(), (QStringList{Details, QStringLiteral("trees")}));
        QCOMPARE(fields.value(Details).toObject().value(QLatin1String("old")), m_case.formData.value(Details));
        QCOMPARE(fields.value(Details).toObject().value(QLatin1String("new")), QJsonValue(NewDetails));
        QCOMPARE(fields.value(QLatin1String("trees")).toObject().value(QLatin1String("old")),
                 m_case.formData.value(QLatin1String("trees")));
        const QJsonArray trees = fields.value(QLatin1String("trees")).toObject().value(QLatin1String("new")).toArray();
        QCOMPARE(trees.first().toObject().value(QLatin1String("trunkCircumference")).toInt(), 321);

        const auto visible = CaseRepository(m_cache->db()).visibleCase(m_case.id);
        QVERIFY(visible && *visible);
        QCOMPARE((*visible)->formData.value(Details), QJsonValue(NewDetails));

        // The next edit is compared against what was saved, not against the form as first loaded.
        editDetails(NewDetails + QStringLiteral(" Nachtrag."));
        QVERIFY(bar.save());
        const QJsonObject second = queuedCommands(m_cache->db()).last().args.value(QLatin1String("fields")).toObject();
        QCOMPARE(second.keys(), QStringList{Details});
        QCOMPARE(second.value(Details).toObject().value(QLatin1String("old")), QJsonValue(NewDetails));
    }

    // The form rules refuse an explanation below its minimum length: shown with the reason, nothing queued, the
    // clerk's text stays to be corrected.
    void aRefusedEditStaysInTheForm()
    {
        CaseWorkBar bar(m_cache->db(), test::treeFellingUser(Role::Clerk).id);
        show(bar, m_case);
        editDetails(QStringLiteral("zu kurz"));
        QSignalSpy changed(&bar, &CaseWorkBar::outboxChanged);
        QTest::mouseClick(bar.saveButton(), Qt::LeftButton);
        QCOMPARE(changed.count(), 0);
        QVERIFY(bar.errorLabel()->isVisibleTo(&bar));
        QVERIFY2(bar.errorLabel()->text().contains(QStringLiteral("20")), qPrintable(bar.errorLabel()->text()));
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));
        QVERIFY(bar.hasUnsavedChanges());
        QCOMPARE(form()->data().value(Details), QJsonValue(QStringLiteral("zu kurz")));
    }

    void discardShowsTheFormAsLoaded()
    {
        CaseWorkBar bar(m_cache->db(), test::treeFellingUser(Role::Clerk).id);
        show(bar, m_case);
        editDetails(NewDetails);
        QVERIFY(bar.discardButton()->isEnabled());
        QTest::mouseClick(bar.discardButton(), Qt::LeftButton);
        QVERIFY(!bar.hasUnsavedChanges());
        QCOMPARE(form()->data().value(Details), m_case.formData.value(Details));
        QVERIFY(!bar.discardButton()->isEnabled());
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));
    }

    void theFollowUpIsSetAndCleared()
    {
        CaseWorkBar bar(m_cache->db(), test::treeFellingUser(Role::Clerk).id);
        Case withoutFollowUp = m_case;
        withoutFollowUp.followUpDate = {};
        show(bar, withoutFollowUp);
        QVERIFY(bar.followUpEdit()->isVisibleTo(&bar));
        QCOMPARE(bar.followUpEdit()->date(), m_clock.today().addDays(7)); // a week ahead, offered
        QVERIFY(bar.setFollowUpButton()->isEnabled());
        QVERIFY(!bar.clearFollowUpButton()->isEnabled()); // nothing to clear

        const QDate day = m_clock.today().addDays(10);
        bar.followUpEdit()->setDate(day);
        QSignalSpy changed(&bar, &CaseWorkBar::outboxChanged);
        QTest::mouseClick(bar.setFollowUpButton(), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QCOMPARE((*CaseRepository(m_cache->db()).visibleCase(m_case.id))->followUpDate, day);
        QVERIFY(!bar.setFollowUpButton()->isEnabled()); // the date shown is the case's
        QVERIFY(bar.clearFollowUpButton()->isEnabled());

        QTest::mouseClick(bar.clearFollowUpButton(), Qt::LeftButton);
        QCOMPARE(changed.count(), 2);
        QVERIFY(!(*CaseRepository(m_cache->db()).visibleCase(m_case.id))->followUpDate.isValid());
        const QList<Command> queued = queuedCommands(m_cache->db());
        QCOMPARE(queued.size(), 2);
        QCOMPARE(queued.at(0).name, CommandName::SetFollowUp);
        QCOMPARE(queued.at(0).args.value(QLatin1String("date")).toString(), day.toString(Qt::ISODate));
        QCOMPARE(queued.at(1).args.value(QLatin1String("date")).toString(), QString());
    }

    void anAuditorReadsOnly()
    {
        CaseWorkBar bar(m_cache->db(), test::treeFellingUser(Role::Auditor).id);
        show(bar, m_case);
        QVERIFY(form()->isReadOnly());
        QVERIFY(!bar.saveButton()->isVisibleTo(&bar));
        QVERIFY(!bar.discardButton()->isVisibleTo(&bar));
        QVERIFY(!bar.followUpEdit()->isVisibleTo(&bar));
        QVERIFY(bar.taskButtons().isEmpty());
        QVERIFY(!bar.hasUnsavedChanges());
        QVERIFY(bar.mayLeaveFor(createUuidV7()));
    }

    // Each task the clerk may complete has its outcomes as buttons, in words; a completion queues completeTask,
    // after the unsaved edits.
    void aTaskIsCompletedWithItsOutcome()
    {
        const User clerk = test::treeFellingUser(Role::Clerk);
        CaseWorkBar bar(m_cache->db(), clerk.id);
        show(bar, m_case);
        const QJsonObject expected = test::firstTask(m_case, test::actorOf(clerk));
        QVERIFY(!expected.isEmpty());
        QVERIFY(!bar.taskButtons().isEmpty());
        QPushButton *first = bar.taskButtons().first();
        QCOMPARE(first->property("taskId").toString(), expected.value(QLatin1String("taskId")).toString());
        QCOMPARE(first->property("outcome").toString(), expected.value(QLatin1String("outcome")).toString());

        editDetails(NewDetails);
        QSignalSpy changed(&bar, &CaseWorkBar::outboxChanged);
        // Asked first, with the task and the outcome in words; declined, nothing is queued, not even the edits.
        QStringList asked;
        bool confirm = false;
        bar.setCompletionPrompt([&](const QString &taskName, const QString &outcomeLabel) {
            asked = {taskName, outcomeLabel};
            return confirm;
        });
        QTest::mouseClick(first, Qt::LeftButton);
        QCOMPARE(asked.size(), 2);
        QVERIFY(!asked.at(0).isEmpty() && first->toolTip().contains(asked.at(0))); // the task's name
        QCOMPARE(asked.at(1), first->text());
        QCOMPARE(changed.count(), 0);
        QVERIFY(queuedCommands(m_cache->db()).isEmpty());
        QVERIFY(bar.hasUnsavedChanges());

        confirm = true;
        QTest::mouseClick(first, Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        const QList<Command> queued = queuedCommands(m_cache->db());
        QCOMPARE(queued.size(), 2);
        QCOMPARE(queued.at(0).name, CommandName::SetFields);
        QCOMPARE(queued.at(1).name, CommandName::CompleteTask);
        QCOMPARE(queued.at(1).args, expected);

        // Shown anew, the process has moved on: the completed task is offered no more.
        const auto visible = CaseRepository(m_cache->db()).visibleCase(m_case.id);
        QVERIFY(visible && *visible);
        show(bar, **visible);
        QVERIFY(bar.taskButtons().size() > 1); // the completeness check: complete, incomplete, withdrawn
        for (QPushButton *button : bar.taskButtons()) {
            QVERIFY(button->property("taskId") != expected.value(QLatin1String("taskId")).toString());
            // A word, not the model's code (the bundled models' outcomes all have one).
            const QString outcome = button->property("outcome").toString();
            QVERIFY2(!outcome.isEmpty() && button->text() != outcome, qPrintable(outcome));
        }
    }

    // Without a replaced prompt a real message box asks, naming the outcome on its button; "Cancel" queues nothing.
    void theMessageBoxAsksBeforeATaskIsCompleted()
    {
        CaseWorkBar bar(m_cache->db(), test::treeFellingUser(Role::Clerk).id);
        show(bar, m_case);
        QVERIFY(!bar.taskButtons().isEmpty());
        QPushButton *first = bar.taskButtons().first();
        QString question;
        QStringList buttons;
        QTimer answer; // looks for the box until it is up (exec() below runs its own event loop)
        answer.setInterval(10);
        connect(&answer, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            answer.stop();
            question = box->text();
            for (QAbstractButton *button : box->buttons())
                buttons.append(button->text());
            box->button(QMessageBox::Cancel)->click();
        });
        answer.start();
        first->click();
        QVERIFY2(question.contains(first->text()), qPrintable(question));
        QVERIFY2(buttons.contains(first->text()), qPrintable(buttons.join(u'|')));
        QVERIFY(queuedCommands(m_cache->db()).isEmpty());
    }

    void leavingWithUnsavedEditsAsks_data()
    {
        QTest::addColumn<int>("choice");
        QTest::addColumn<bool>("leaves");
        QTest::addColumn<int>("queued");
        QTest::newRow("save") << int(CaseWorkBar::UnsavedChoice::Save) << true << 1;
        QTest::newRow("discard") << int(CaseWorkBar::UnsavedChoice::Discard) << true << 0;
        QTest::newRow("stay") << int(CaseWorkBar::UnsavedChoice::Stay) << false << 0;
    }

    void leavingWithUnsavedEditsAsks()
    {
        QFETCH(int, choice);
        QFETCH(bool, leaves);
        QFETCH(int, queued);
        CaseWorkBar bar(m_cache->db(), test::treeFellingUser(Role::Clerk).id);
        int asked = 0;
        bar.setUnsavedPrompt([&](const Case &c) {
            ++asked;
            [&] { QCOMPARE(c.id, m_case.id); }();
            return CaseWorkBar::UnsavedChoice(choice);
        });
        show(bar, m_case);
        QVERIFY(bar.mayLeaveFor(createUuidV7())); // nothing edited: nothing to ask
        editDetails(NewDetails);
        QVERIFY(bar.mayLeaveFor(m_case.id)); // the same case shown again keeps the edits
        QCOMPARE(asked, 0);

        QCOMPARE(bar.mayLeaveFor(createUuidV7()), leaves);
        QCOMPARE(asked, 1);
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(queued));
        QCOMPARE(bar.hasUnsavedChanges(), !leaves);
        QCOMPARE(form()->data().value(Details).toString(),
                 queued || !leaves ? NewDetails : m_case.formData.value(Details).toString());
    }

    // A save the rules refuse while leaving: the user stays with their edits and the reason.
    void aRefusedSaveWhileLeavingStays()
    {
        CaseWorkBar bar(m_cache->db(), test::treeFellingUser(Role::Clerk).id);
        bar.setUnsavedPrompt([](const Case &) { return CaseWorkBar::UnsavedChoice::Save; });
        show(bar, m_case);
        editDetails(QStringLiteral("zu kurz"));
        QVERIFY(!bar.mayLeaveFor({}));
        QVERIFY(bar.hasUnsavedChanges());
        QVERIFY(bar.errorLabel()->isVisibleTo(&bar));
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));
    }

private:
    ui::FormView *form() const { return m_pane->formView(); }

    void show(CaseWorkBar &bar, const Case &c)
    {
        m_pane->showCase(c, test::treeFellingContent().form, {});
        QVERIFY(form());
        bar.showCase(c, form());
    }

    void editDetails(const QString &text)
    {
        auto *details = qobject_cast<QPlainTextEdit *>(form()->editor(Details));
        QVERIFY(details);
        details->setPlainText(text);
    }

    std::unique_ptr<ui::CaseDetailPane> m_pane;
    Case m_case;
};

QTEST_MAIN(TestCaseWorkBar)
#include "tst_caseworkbar.moc"
