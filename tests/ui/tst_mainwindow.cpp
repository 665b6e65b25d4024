// The main window with real widgets over a real encrypted demo cache: views and counts, search as you
// type, header sorting, filters, shortcuts, and the sync indicator that follows a real SyncSession's signals.
#include "demo/DemoGenerator.h"
#include "forms/FormValidator.h"
#include "mock/MockClock.h"
#include "storage/CacheDatabase.h"
#include "storage/CaseRepository.h"
#include "storage/CaseSearch.h"
#include "storage/InboxRepository.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "sync/SyncSession.h"
#include "ui/CaseAssignmentBar.h"
#include "ui/CaseDetailPane.h"
#include "ui/CaseNotesPanel.h"
#include "ui/CaseWorkBar.h"
#include "ui/DemoCacheFiller.h"
#include "ui/FormView.h"
#include "ui/InboxController.h"
#include "ui/InboxFilterBar.h"
#include "ui/MainWindow.h"
#include "ui/NeedsAttentionPanel.h"

#include <QCollator>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace casedesk;
using storage::InboxView;
using ui::InboxModel;

namespace {

constexpr qint64 CaseCount = 1200;

QByteArray randomKey()
{
    QByteArray key(storage::CacheDatabase::KeySize, Qt::Uninitialized);
    for (char &byte : key)
        byte = char(QRandomGenerator::global()->bounded(256));
    return key;
}

QString casesText(qint64 count)
{
    return count == 1 ? QStringLiteral("1 case") : QStringLiteral("%1 cases").arg(QLocale().toString(count));
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void windowShows();
    void sideListSwitchesViews_data();
    void sideListSwitchesViews();
    void typingInSearchFilters();
    void escapeClearsSearch();
    void clickingHeaderSorts();
    void statusFilterNarrowsTheTable();
    void ctrlFFocusesSearch();
    void f5Refreshes();
    void combosHaveVisibleLabels();
    void selectingACaseShowsItsForm();
    void syncIndicatorFollowsTheSession_data();
    void syncIndicatorFollowsTheSession();
    void loginAgainIsOfferedWhenTheSessionEnds();
    void needsAttentionShowsWhileThereIsSomething();
    void caseSectionsFollowTheSelection();
    void unsavedEditsAreNotLeftBehind();

private:
    qint64 countOf(InboxView view, const storage::InboxFilter &filter = {}) const
    {
        storage::InboxQuery query = storage::InboxQuery::defaultFor(view, m_user.id, m_user.teamIds, m_clock.today());
        query.filter = filter;
        return storage::InboxRepository(*m_db).count(query).value();
    }
    QLineEdit *searchField() const { return m_window->filterBar()->searchField(); }

    test::MockClock m_clock;
    test::ScopedClock m_scopedClock{m_clock};
    // A session on the window's cache that never reaches a server: the tests speak through its signals.
    std::unique_ptr<sync::SyncSession> makeSession() const;

    QTemporaryDir m_dir;
    QByteArray m_key = randomKey();
    std::unique_ptr<storage::CacheDatabase> m_db;
    User m_user;
    std::unique_ptr<ui::InboxController> m_controller;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto opened = storage::CacheDatabase::open(m_dir.filePath(QStringLiteral("cache.db")), m_key);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    m_db = std::move(opened).value();
    auto filled = ui::DemoCacheFiller::fill(*m_db, CaseCount, m_clock.today(), [](qint64) {});
    QVERIFY2(filled, qPrintable(filled ? QString() : filled.error().toString()));
    // "Me": the assignee of the most open cases, so "My cases" has rows to sort.
    const demo::DemoGenerator generator(ui::DemoCacheFiller::Seed, m_clock.today());
    QHash<QUuid, int> open;
    for (const Case &c : generator.makeCases(0, CaseCount)) {
        if (!c.closed && !c.assigneeId.isNull())
            ++open[c.assigneeId];
    }
    const auto busiest = std::max_element(open.cbegin(), open.cend());
    QVERIFY(busiest != open.cend());
    for (const User &user : generator.world().users) {
        if (user.id == busiest.key())
            m_user = user;
    }
    QVERIFY(!m_user.id.isNull());
}

void TestMainWindow::init()
{
    m_controller = std::make_unique<ui::InboxController>(*m_db, m_user);
    m_window = std::make_unique<ui::MainWindow>(*m_controller);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_controller.reset();
}

void TestMainWindow::windowShows()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("CaseDesk"));
    QCOMPARE(m_window->viewList()->topLevelItemCount(), int(ui::InboxController::views().size()));
    QCOMPARE(m_window->viewList()->currentItem()->text(0), QStringLiteral("My cases"));
    QCOMPARE(m_window->table()->model()->rowCount(), int(countOf(InboxView::MyCases)));
    QCOMPARE(m_window->countLabel()->text(), casesText(countOf(InboxView::MyCases)));
    // Every view shows its count beside its name.
    for (int i = 0; i < m_window->viewList()->topLevelItemCount(); ++i)
        QCOMPARE(m_window->viewList()->topLevelItem(i)->text(1),
                 QLocale().toString(countOf(ui::InboxController::views().at(i))));
    const auto labels = m_window->statusBar()->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
                        [&](const QLabel *label) { return label->text().contains(m_user.displayName); }));
}

void TestMainWindow::sideListSwitchesViews_data()
{
    QTest::addColumn<int>("position");
    for (int i = 0; i < ui::InboxController::views().size(); ++i)
        QTest::addRow("%s", qPrintable(ui::InboxController::viewTitle(ui::InboxController::views().at(i)))) << i;
}

void TestMainWindow::sideListSwitchesViews()
{
    QFETCH(int, position);
    // Start from another view, so the click always changes something.
    QTreeWidget *list = m_window->viewList();
    list->setCurrentItem(list->topLevelItem(position == 0 ? 1 : 0));
    QTreeWidgetItem *item = list->topLevelItem(position);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    QCOMPARE(list->currentItem(), item);
    const InboxView view = ui::InboxController::views().at(position);
    QCOMPARE(m_controller->view(), view);
    QCOMPARE(m_window->table()->model()->rowCount(), int(countOf(view)));
    QCOMPARE(m_window->countLabel()->text(), casesText(countOf(view)));
}

void TestMainWindow::typingInSearchFilters()
{
    QTest::mouseClick(m_window->viewList()->viewport(), Qt::LeftButton, {},
                      m_window->viewList()->visualItemRect(m_window->viewList()->topLevelItem(5)).center());
    const int allRows = m_window->table()->model()->rowCount();
    QCOMPARE(allRows, int(CaseCount));
    const demo::DemoGenerator generator(ui::DemoCacheFiller::Seed, m_clock.today());
    const Case wanted = generator.makeCase(CaseCount / 2);
    const QString text = wanted.displayAktenzeichen();
    QTest::keyClicks(searchField(), text);
    QTRY_VERIFY(m_controller->model()->isSearchMode());
    const qint64 expected = storage::CaseSearch(*m_db).search(text, InboxModel::SearchLimit)->size();
    QVERIFY(expected > 0 && expected < allRows);
    QTRY_COMPARE(m_window->table()->model()->rowCount(), int(expected));
    QList<QUuid> ids;
    for (int row = 0; row < expected; ++row)
        ids.append(m_window->table()->model()->index(row, 0).data(InboxModel::CaseIdRole).toUuid());
    QVERIFY(ids.contains(wanted.id));
    QCOMPARE(m_window->countLabel()->text(),
             expected == 1 ? QStringLiteral("1 case found") : QStringLiteral("%1 cases found").arg(expected));
}

void TestMainWindow::escapeClearsSearch()
{
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    searchField()->setFocus();
    QTRY_VERIFY(searchField()->hasFocus());
    QTest::keyClicks(searchField(), QStringLiteral("Stuttgart"));
    QTRY_VERIFY(m_controller->model()->isSearchMode());
    QTest::keyClick(searchField(), Qt::Key_Escape);
    QVERIFY(searchField()->text().isEmpty());
    QVERIFY(!m_controller->model()->isSearchMode());
    QCOMPARE(m_window->table()->model()->rowCount(), int(countOf(InboxView::MyCases)));
}

void TestMainWindow::clickingHeaderSorts()
{
    QHeaderView *header = m_window->table()->horizontalHeader();
    auto clickSection = [header](int section) {
        QTest::mouseClick(
            header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2));
    };
    const InboxModel *model = m_controller->model();
    clickSection(InboxModel::ApplicantColumn);
    QCOMPARE(model->query().sort, storage::InboxSort::Applicant);
    QCOMPARE(header->sortIndicatorSection(), int(InboxModel::ApplicantColumn));
    const Qt::SortOrder first = model->sortOrder();
    QCOMPARE(header->sortIndicatorOrder(), first);
    QVERIFY(model->rowCount() > 1);
    auto firstTwo = [model] {
        return std::pair(model->index(0, InboxModel::ApplicantColumn).data().toString(),
                         model->index(1, InboxModel::ApplicantColumn).data().toString());
    };
    const auto [a, b] = firstTwo();
    // Applicants sort in German order (Ä with A), whatever the test's own locale.
    const QCollator german{QLocale(QLocale::German)};
    const int order = german.compare(a, b);
    QVERIFY2(first == Qt::AscendingOrder ? order <= 0 : order >= 0, qPrintable(a + QStringLiteral(" / ") + b));

    clickSection(InboxModel::ApplicantColumn);
    QVERIFY(model->sortOrder() != first);
    QCOMPARE(header->sortIndicatorOrder(), model->sortOrder());

    // The subject cannot be sorted: the indicator stays where the rows are sorted.
    clickSection(InboxModel::TitleColumn);
    QCOMPARE(model->query().sort, storage::InboxSort::Applicant);
    QCOMPARE(header->sortIndicatorSection(), int(InboxModel::ApplicantColumn));
}

void TestMainWindow::statusFilterNarrowsTheTable()
{
    QComboBox *status = m_window->filterBar()->statusFilter();
    QVERIFY(status->count() > 2);
    status->setCurrentIndex(1);
    storage::InboxFilter filter;
    filter.statusText = status->currentText();
    QCOMPARE(m_window->table()->model()->rowCount(), int(countOf(InboxView::MyCases, filter)));
    QCOMPARE(m_window->countLabel()->text(), casesText(countOf(InboxView::MyCases, filter)));
    status->setCurrentIndex(0);
    QCOMPARE(m_window->table()->model()->rowCount(), int(countOf(InboxView::MyCases)));
}

void TestMainWindow::ctrlFFocusesSearch()
{
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->table()->setFocus();
    QTRY_VERIFY(m_window->table()->hasFocus());
    QTest::keyClick(m_window->table(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(searchField()->hasFocus());
}

void TestMainWindow::f5Refreshes()
{
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::mouseClick(m_window->viewList()->viewport(), Qt::LeftButton, {},
                      m_window->viewList()->visualItemRect(m_window->viewList()->topLevelItem(5)).center());
    const qint64 before = countOf(InboxView::All);
    QCOMPARE(m_window->countLabel()->text(), casesText(before));
    // Another case arrives in the cache (as a sync would store it); F5 shows it.
    const demo::DemoGenerator generator(ui::DemoCacheFiller::Seed, m_clock.today());
    QVERIFY(storage::CaseRepository(*m_db).storeConfirmed({generator.makeCase(CaseCount)}));
    QCOMPARE(m_window->countLabel()->text(), casesText(before));
    QTest::keyClick(m_window->table(), Qt::Key_F5);
    QCOMPARE(m_window->countLabel()->text(), casesText(before + 1));
    QCOMPARE(m_window->viewList()->topLevelItem(5)->text(1), QLocale().toString(before + 1));
}

void TestMainWindow::combosHaveVisibleLabels()
{
    const auto labels = m_window->findChildren<QLabel *>();
    for (QWidget *combo : {static_cast<QWidget *>(m_window->filterBar()->statusFilter()),
                           static_cast<QWidget *>(m_window->filterBar()->caseTypeFilter())}) {
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
                            [&](const QLabel *label) { return label->buddy() == combo && label->isVisible(); }));
    }
    QVERIFY(!searchField()->accessibleName().isEmpty());
    QVERIFY(!m_window->table()->accessibleName().isEmpty());
    QVERIFY(!m_window->viewList()->accessibleName().isEmpty());
}

void TestMainWindow::selectingACaseShowsItsForm()
{
    ui::CaseDetailPane *pane = m_window->detailPane();
    QTableView *table = m_window->table();
    QVERIFY(table->model()->rowCount() > 1);
    QVERIFY(!pane->formView());

    table->setFocus();
    table->selectRow(1);
    const QModelIndex row = table->currentIndex();
    const QUuid caseId = row.data(ui::InboxModel::CaseIdRole).toUuid();
    QTRY_VERIFY(pane->formView());
    const Case shown = storage::CaseRepository(*m_db).visibleCase(caseId).value().value();
    QVERIFY(pane->heading()->text().contains(shown.aktenzeichen.toString()));
    // The case type's bundled form, filled with the case's data and read-only.
    QCOMPARE(pane->formView()->definition().id(), shown.caseType);
    QCOMPARE(pane->formView()->data(), forms::FormValidator::normalize(pane->formView()->definition(), shown.formData));
    QVERIFY(pane->formView()->changes().isEmpty());

    // Another case replaces it; a view without rows leaves the pane empty.
    table->selectRow(0);
    const QUuid otherId = table->currentIndex().data(ui::InboxModel::CaseIdRole).toUuid();
    QVERIFY(otherId != caseId);
    const Case other = storage::CaseRepository(*m_db).visibleCase(otherId).value().value();
    QTRY_VERIFY(pane->heading()->text().contains(other.aktenzeichen.toString()));
    searchField()->setText(QStringLiteral("zzzzqqqq"));
    QTRY_COMPARE(table->model()->rowCount(), 0);
    QTRY_VERIFY(!pane->formView());
}

void TestMainWindow::needsAttentionShowsWhileThereIsSomething()
{
    // A real panel over the window's cache: nothing was rejected there, so the dock stays hidden.
    auto *panel = new ui::NeedsAttentionPanel(*m_db, m_user.id, m_window.get());
    QCOMPARE(panel->count(), 0);
    m_window->setNeedsAttention(panel);
    QDockWidget *dock = m_window->needsAttentionDock();
    QVERIFY(dock);
    QCOMPARE(dock->widget(), panel);
    QVERIFY(!dock->isVisible());

    // The count the panel reports shows the dock with it, and hides it again at zero.
    emit panel->countChanged(2);
    QVERIFY(dock->isVisible());
    QVERIFY2(dock->windowTitle().contains(QLatin1String("2")), qPrintable(dock->windowTitle()));
    emit panel->countChanged(0);
    QVERIFY(!dock->isVisible());

    // Edit on an entry opens its case in the detail pane, wherever the inbox is.
    m_window->table()->clearSelection();
    const QUuid caseId = m_window->table()->model()->index(2, 0).data(ui::InboxModel::CaseIdRole).toUuid();
    QVERIFY(!caseId.isNull());
    emit panel->caseRequested(caseId);
    const Case shown = storage::CaseRepository(*m_db).visibleCase(caseId).value().value();
    QTRY_VERIFY(m_window->detailPane()->heading()->text().contains(shown.aktenzeichen.toString()));
}

void TestMainWindow::caseSectionsFollowTheSelection()
{
    auto *notes = new ui::CaseNotesPanel(*m_db, m_user.id, m_window.get());
    m_window->setCaseNotes(notes);
    QCOMPARE(m_window->caseNotes(), notes);
    QVERIFY(m_window->detailPane()->isAncestorOf(notes));
    auto *assignment = new ui::CaseAssignmentBar(*m_db, m_user, m_window.get());
    m_window->setCaseAssignment(assignment);
    QCOMPARE(m_window->caseAssignment(), assignment);
    QVERIFY(m_window->detailPane()->isAncestorOf(assignment));

    // The Vermerke of the selected case, as the user sees them; a case with some is looked for.
    QTableView *table = m_window->table();
    int row = 0;
    QUuid caseId;
    qsizetype expected = 0;
    for (; row < table->model()->rowCount() && expected == 0; ++row) {
        caseId = table->model()->index(row, 0).data(ui::InboxModel::CaseIdRole).toUuid();
        expected = storage::CaseRepository(*m_db).visibleNotes(caseId).value().size();
    }
    QVERIFY2(expected > 0, "no case of the demo inbox has a Vermerk");
    table->selectRow(row - 1);
    QTRY_COMPARE(notes->caseId(), caseId);
    QCOMPARE(notes->notesList()->count(), int(expected));
    QVERIFY(notes->editor()->isEnabled());
    const Case shown = storage::CaseRepository(*m_db).visibleCase(caseId).value().value();
    const auto assignee = storage::ReferenceRepository(*m_db).user(shown.assigneeId).value();
    QVERIFY2(shown.assigneeId.isNull() || !assignee ||
                 assignment->assigneeLabel()->text().contains(assignee->displayName),
             qPrintable(assignment->assigneeLabel()->text()));
    QVERIFY(!assignment->assigneeLabel()->text().isEmpty());

    // No case selected: nothing to write to.
    searchField()->setText(QStringLiteral("zzzzqqqq"));
    QTRY_COMPARE(table->model()->rowCount(), 0);
    QTRY_VERIFY(notes->caseId().isNull());
    QCOMPARE(notes->notesList()->count(), 0);
    QVERIFY(!notes->editor()->isEnabled());
    QVERIFY(assignment->assigneeLabel()->text().isEmpty());
}

// Another case, or closing the window, with unsaved form edits asks first; "stay" keeps the edited case in the
// pane (the table's selection may move) and the window open. Nothing is saved here: the cache is shared.
void TestMainWindow::unsavedEditsAreNotLeftBehind()
{
    auto *work = new ui::CaseWorkBar(*m_db, m_user.id, m_window.get());
    auto choice = ui::CaseWorkBar::UnsavedChoice::Stay;
    int asked = 0;
    work->setUnsavedPrompt([&](const Case &) {
        ++asked;
        return choice;
    });
    m_window->setCaseWork(work);
    QCOMPARE(m_window->caseWork(), work);
    QTableView *table = m_window->table();
    QTRY_VERIFY(table->model()->rowCount() > 1);
    table->selectRow(0);
    QTRY_VERIFY(m_window->detailPane()->formView());
    ui::FormView *form = m_window->detailPane()->formView();
    QVERIFY(!form->isReadOnly()); // the user's own case
    QLineEdit *text = nullptr;
    for (const ui::FormBinding &binding : form->bindings()) {
        if (!text && binding.field && binding.field->type == forms::FieldType::Text &&
            binding.container->isVisibleTo(form))
            text = qobject_cast<QLineEdit *>(form->editor(binding.path));
    }
    QVERIFY(text);
    QTest::keyClicks(text, QStringLiteral("x"));
    QVERIFY(work->hasUnsavedChanges());
    const QString edited = text->text();

    // A sync refreshes the inbox: the case stays selected and in the pane with the edit, nobody is asked.
    const QPointer<ui::FormView> editing = form;
    m_controller->refresh();
    QCOMPARE(asked, 0);
    QVERIFY(editing);
    QCOMPARE(m_window->detailPane()->formView(), form);
    QCOMPARE(text->text(), edited);
    QCOMPARE(table->currentIndex().row(), 0);

    table->selectRow(1);
    QCOMPARE(asked, 1);
    QCOMPARE(m_window->detailPane()->formView(), form); // still the edited case, with the edit
    QCOMPARE(text->text(), edited);
    QVERIFY(!m_window->close());
    QCOMPARE(asked, 2);
    QVERIFY(m_window->isVisible());

    choice = ui::CaseWorkBar::UnsavedChoice::Discard;
    table->selectRow(0);
    table->selectRow(1);
    QCOMPARE(asked, 3);
    QVERIFY(m_window->detailPane()->formView() != form);
    QVERIFY(!work->hasUnsavedChanges());
    QCOMPARE(*storage::Outbox(*m_db).pendingCount(), qint64(0));

    // A sync that did not change the shown case leaves its form alone (where the clerk may be typing).
    const QPointer<ui::FormView> shown = m_window->detailPane()->formView();
    m_window->reloadCase();
    QVERIFY(shown); // not deleted and made anew
    QCOMPARE(m_window->detailPane()->formView(), shown.data());
}

std::unique_ptr<sync::SyncSession> TestMainWindow::makeSession() const
{
    auto session = std::make_unique<sync::SyncSession>(
        m_dir.filePath(QStringLiteral("cache.db")), m_key,
        [](const QUrl &, const QString &) -> Result<std::unique_ptr<sync::TokenStore>> {
            return makeError(ErrorCode::KeychainUnavailable, QStringLiteral("no keychain in this test"));
        });
    // The worker's first count of the outbox, so that it cannot come after the test's own signals.
    QSignalSpy counted(session.get(), &sync::SyncSession::pendingCountChanged);
    if (!counted.wait(30000))
        qWarning() << "the session did not count the pending changes";
    return session;
}

void TestMainWindow::syncIndicatorFollowsTheSession_data()
{
    using State = sync::SyncEngine::State;
    QTest::addColumn<State>("state");
    QTest::addColumn<bool>("online");
    QTest::addColumn<qint64>("pending");
    QTest::addColumn<QString>("expected");
    QTest::newRow("offline, 3 pending") << State::WaitingToRetry << false << qint64(3)
                                        << QStringLiteral("Offline – 3 changes pending");
    QTest::newRow("offline, 1 pending") << State::WaitingToRetry << false << qint64(1)
                                        << QStringLiteral("Offline – 1 change pending");
    QTest::newRow("offline, nothing pending")
        << State::WaitingToRetry << false << qint64(0) << QStringLiteral("Offline");
    QTest::newRow("synchronised") << State::Idle << true << qint64(0) << QStringLiteral("Synchronised");
    QTest::newRow("synchronising") << State::Syncing << true << qint64(5) << QStringLiteral("Synchronising…");
    QTest::newRow("login required") << State::NeedsLogin << true << qint64(2) << QStringLiteral("Login required");
    QTest::newRow("pending, online") << State::Idle << true << qint64(1200)
                                     << QStringLiteral("%1 changes pending").arg(QLocale().toString(1200));
}

void TestMainWindow::syncIndicatorFollowsTheSession()
{
    QFETCH(sync::SyncEngine::State, state);
    QFETCH(bool, online);
    QFETCH(qint64, pending);
    QFETCH(QString, expected);
    QVERIFY(!m_window->syncLabel());     // no server, no indicator
    QVERIFY(!m_window->newCaseAction()); // nor new cases: nothing would send them
    auto session = makeSession();
    m_window->setSyncSession(session.get());
    QVERIFY(m_window->syncLabel());
    QCOMPARE(m_window->syncLabel()->text(), QStringLiteral("Login required")); // nobody logged in yet
    // In the order the engine reports a run's end.
    emit session->onlineChanged(online);
    emit session->pendingCountChanged(pending);
    emit session->stateChanged(state);
    QCOMPARE(m_window->syncLabel()->text(), expected);
    QCOMPARE(m_window->loginAgainAction()->isEnabled(), state == sync::SyncEngine::State::NeedsLogin);
    m_window.reset(); // before the session it shows
}

void TestMainWindow::loginAgainIsOfferedWhenTheSessionEnds()
{
    auto session = makeSession();
    m_window->setSyncSession(session.get());
    emit session->onlineChanged(true);
    emit session->stateChanged(sync::SyncEngine::State::Idle);
    QCOMPARE(m_window->syncLabel()->text(), QStringLiteral("Synchronised"));
    QVERIFY(!m_window->loginAgainAction()->isEnabled());
    QSignalSpy requested(m_window.get(), &ui::MainWindow::loginAgainRequested);

    emit session->sessionEnded();
    QCOMPARE(session->state(), sync::SyncEngine::State::NeedsLogin);
    QCOMPARE(m_window->syncLabel()->text(), QStringLiteral("Login required"));
    QVERIFY(m_window->loginAgainAction()->isEnabled());
    // Reachable from the menu bar, where the user looks for it.
    const QList<QAction *> menus = m_window->menuBar()->actions();
    QVERIFY(std::any_of(menus.cbegin(), menus.cend(), [&](const QAction *menu) {
        return menu->menu() && menu->menu()->actions().contains(m_window->loginAgainAction());
    }));
    m_window->loginAgainAction()->trigger();
    QCOMPARE(requested.size(), 1);

    // With a session, cases can be made: "New case" (Ctrl+N) asks the controller for its dialog.
    QVERIFY(m_window->newCaseAction());
    QCOMPARE(m_window->newCaseAction()->shortcut(), QKeySequence(QKeySequence::New));
    QSignalSpy newCase(m_window.get(), &ui::MainWindow::newCaseRequested);
    m_window->newCaseAction()->trigger();
    QCOMPARE(newCase.size(), 1);
    m_window.reset();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
