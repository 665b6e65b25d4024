#include "ui/MainWindow.h"

#include "sync/SyncSession.h"
#include "ui/CaseAssignmentBar.h"
#include "ui/CaseDetailPane.h"
#include "ui/CaseDocumentsPanel.h"
#include "ui/CaseNotesPanel.h"
#include "ui/CaseWorkBar.h"
#include "ui/InboxController.h"
#include "ui/InboxFilterBar.h"
#include "ui/NeedsAttentionPanel.h"

#include <QAction>
#include <QCloseEvent>
#include <QDate>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace casedesk::ui {

using storage::InboxView;

namespace {
constexpr int ViewRole = Qt::UserRole + 1;
}

MainWindow::MainWindow(InboxController &controller, QWidget *parent)
    : QMainWindow(parent), m_controller(controller), m_views(createViewList()), m_filterBar(new InboxFilterBar(this)),
      m_table(createTable()), m_countLabel(new QLabel(this)), m_detail(new CaseDetailPane(this))
{
    setWindowTitle(tr("CaseDesk"));

    auto *inboxPane = new QWidget(this);
    auto *inboxLayout = new QVBoxLayout(inboxPane);
    inboxLayout->setContentsMargins(6, 6, 6, 0);
    inboxLayout->addWidget(m_filterBar);
    inboxLayout->addWidget(m_table, 1);

    auto *viewsPane = new QWidget(this);
    auto *viewsLayout = new QVBoxLayout(viewsPane);
    viewsLayout->setContentsMargins(6, 6, 0, 0);
    viewsLayout->addWidget(m_views);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(viewsPane);
    splitter->addWidget(inboxPane);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 760, 420});
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    m_countLabel->setAccessibleName(tr("Number of cases"));
    auto *userLabel = new QLabel(signedInText(), this);
    userLabel->setAccessibleName(tr("Signed-in user"));
    statusBar()->addWidget(m_countLabel, 1);
    statusBar()->addPermanentWidget(userLabel);

    connect(&m_controller, &InboxController::viewCountsChanged, this, &MainWindow::updateViewCounts);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showCurrentCase);
    connect(m_controller.model(), &QAbstractItemModel::modelReset, this, &MainWindow::findShownCaseAgain);
    connect(&m_controller, &InboxController::filterChoicesChanged, this,
            [this] { m_filterBar->setChoices(m_controller.statusTexts(), m_controller.caseTypes()); });
    connect(m_filterBar, &InboxFilterBar::searchTextChanged, &m_controller, &InboxController::setSearchText);
    connect(m_filterBar, &InboxFilterBar::statusFilterChanged, &m_controller, &InboxController::setStatusFilter);
    connect(m_filterBar, &InboxFilterBar::caseTypeFilterChanged, &m_controller, &InboxController::setCaseTypeFilter);
    connect(m_views, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item)
            return;
        m_filterBar->clearSearch(); // choosing a view leaves the search results
        m_controller.setView(InboxView(item->data(0, ViewRole).toInt()));
    });
    InboxModel *model = m_controller.model();
    connect(model, &InboxModel::totalCountChanged, this, &MainWindow::updateCountLabel);
    connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::syncSortIndicator);
    connect(model, &QAbstractItemModel::modelReset, this, [this, model] {
        if (model->isSearchMode()) // the match column comes and goes with the search
            m_table->horizontalHeader()->resizeSection(InboxModel::SnippetColumn,
                                                       36 * m_table->fontMetrics().averageCharWidth());
    });
    connect(model, &QAbstractItemModel::layoutChanged, this, &MainWindow::syncSortIndicator);
    createShortcuts();

    m_filterBar->setChoices(m_controller.statusTexts(), m_controller.caseTypes());
    updateViewCounts();
    m_views->setCurrentItem(m_views->topLevelItem(int(InboxController::views().indexOf(m_controller.view()))));
    updateCountLabel();
    resize(1280, 800);
}

QTreeWidget *MainWindow::createViewList()
{
    auto *views = new QTreeWidget(this);
    views->setAccessibleName(tr("Views"));
    views->setColumnCount(2);
    views->setHeaderHidden(true);
    views->setRootIsDecorated(false);
    views->setUniformRowHeights(true);
    views->setMinimumWidth(180);
    views->header()->setStretchLastSection(false);
    views->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    views->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (InboxView view : InboxController::views()) {
        auto *item = new QTreeWidgetItem(views, {InboxController::viewTitle(view), QString()});
        item->setData(0, ViewRole, int(view));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setSizeHint(0, QSize(0, views->fontMetrics().height() + 12)); // room to breathe and to click
        item->setForeground(1, views->palette().brush(QPalette::PlaceholderText));
    }
    return views;
}

QTableView *MainWindow::createTable()
{
    auto *table = new QTableView(this);
    table->setAccessibleName(tr("Cases"));
    table->setModel(m_controller.model());
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Uniform row heights: the view never measures rows, so 100,000 rows cost what the visible ones cost.
    QHeaderView *rows = table->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(table->fontMetrics().height() + 10);
    rows->hide();
    QHeaderView *columns = table->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setStretchLastSection(false);
    columns->setSectionResizeMode(QHeaderView::Interactive);
    // Fixed columns sized for their content in this locale; the subject takes what is left.
    const QFontMetrics metrics = table->fontMetrics();
    const int padding = 3 * metrics.averageCharWidth();
    const int dateWidth = metrics.horizontalAdvance(InboxModel::formatDate(QDate(2026, 9, 30)));
    const QList<std::pair<int, int>> widths{
        {InboxModel::AktenzeichenColumn, metrics.horizontalAdvance(QStringLiteral("32.10-000000/2026")) + padding},
        {InboxModel::ApplicantColumn, 24 * metrics.averageCharWidth()},
        {InboxModel::StatusColumn, 16 * metrics.averageCharWidth()},
        {InboxModel::AssigneeColumn, 18 * metrics.averageCharWidth()},
        {InboxModel::ReceivedColumn, dateWidth + padding},
        {InboxModel::DeadlineColumn, dateWidth + padding}};
    for (const auto &[column, width] : widths)
        columns->resizeSection(column, width);
    columns->setSectionResizeMode(InboxModel::TitleColumn, QHeaderView::Stretch);
    // The indicator first, or enabling sorting would sort by whatever section it shows.
    columns->setSortIndicator(m_controller.model()->sortColumn(), m_controller.model()->sortOrder());
    table->setSortingEnabled(true);
    // A click on a column the inbox cannot sort by must not leave a false indicator behind.
    connect(columns, &QHeaderView::sortIndicatorChanged, this, &MainWindow::syncSortIndicator);
    return table;
}

void MainWindow::createShortcuts()
{
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, m_filterBar, &InboxFilterBar::focusSearch);
    auto *refresh = new QShortcut(QKeySequence(Qt::Key_F5), this);
    connect(refresh, &QShortcut::activated, &m_controller, &InboxController::refresh);
}

void MainWindow::updateViewCounts()
{
    const QLocale locale;
    for (int i = 0; i < m_views->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_views->topLevelItem(i);
        const qint64 count = m_controller.viewCount(InboxView(item->data(0, ViewRole).toInt()));
        item->setText(1, locale.toString(count));
        item->setData(0, Qt::AccessibleTextRole,
                      (count == 1 ? tr("%1, 1 case").arg(item->text(0))
                                  : tr("%1, %2 cases").arg(item->text(0), locale.toString(count))));
    }
}

void MainWindow::updateCountLabel()
{
    const InboxModel *model = m_controller.model();
    const qint64 count = model->totalCount();
    // Two messages instead of %n plurals: English and German need no more, and the English text then
    // works without a loaded catalogue.
    const QString number = QLocale().toString(count);
    if (model->isSearchMode())
        m_countLabel->setText(count == 1 ? tr("1 case found") : tr("%1 cases found").arg(number));
    else
        m_countLabel->setText(count == 1 ? tr("1 case") : tr("%1 cases").arg(number));
}

void MainWindow::syncSortIndicator()
{
    const InboxModel *model = m_controller.model();
    QHeaderView *columns = m_table->horizontalHeader();
    if (columns->sortIndicatorSection() != model->sortColumn() || columns->sortIndicatorOrder() != model->sortOrder())
        columns->setSortIndicator(model->sortColumn(), model->sortOrder());
}

QString MainWindow::signedInText() const
{
    const std::optional<User> &user = m_controller.user();
    if (!user)
        return tr("Not signed in");
    QStringList details;
    for (Role role : user->roles)
        details.append(roleDisplayName(role));
    for (const Team &team : m_controller.teams()) {
        if (user->teamIds.contains(team.id))
            details.append(team.code + QLatin1Char(' ') + team.name);
    }
    return details.isEmpty() ? tr("Signed in as %1").arg(user->displayName)
                             : tr("Signed in as %1 (%2)").arg(user->displayName, details.join(QStringLiteral(", ")));
}

void MainWindow::setSyncSession(sync::SyncSession *session)
{
    m_session = session;
    m_syncLabel = new QLabel(this);
    m_syncLabel->setAccessibleName(tr("Synchronisation"));
    statusBar()->addPermanentWidget(m_syncLabel);
    // Cases are made with a session only: without a server nothing would ever send them.
    QMenu *caseMenu = menuBar()->addMenu(tr("&Case"));
    m_newCase = caseMenu->addAction(tr("&New case…"));
    m_newCase->setShortcut(QKeySequence::New);
    connect(m_newCase, &QAction::triggered, this, &MainWindow::newCaseRequested);
    QMenu *menu = menuBar()->addMenu(tr("&Session"));
    m_loginAgain = menu->addAction(tr("&Log in again…"));
    connect(m_loginAgain, &QAction::triggered, this, &MainWindow::loginAgainRequested);
    QAction *syncNow = menu->addAction(tr("&Synchronise now"));
    syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(syncNow, &QAction::triggered, session, &sync::SyncSession::syncNow);
    // The session's own getters follow these signals before this slot runs (SyncSession connects first).
    connect(session, &sync::SyncSession::stateChanged, this, &MainWindow::updateSyncIndicator);
    connect(session, &sync::SyncSession::onlineChanged, this, &MainWindow::updateSyncIndicator);
    connect(session, &sync::SyncSession::pendingCountChanged, this, &MainWindow::updateSyncIndicator);
    updateSyncIndicator();
}

void MainWindow::updateSyncIndicator()
{
    using State = sync::SyncEngine::State;
    const State state = m_session->state();
    const qint64 pending = m_session->pendingCount();
    const QString number = QLocale().toString(pending);
    QString text;
    if (state == State::NeedsLogin)
        text = tr("Login required");
    else if (state == State::Syncing)
        text = tr("Synchronising…");
    else if (!m_session->isOnline())
        text = pending == 0   ? tr("Offline")
               : pending == 1 ? tr("Offline – 1 change pending")
                              : tr("Offline – %1 changes pending").arg(number);
    else if (state == State::Failed)
        text = tr("Synchronisation stopped – press Ctrl+R to try again");
    else if (pending > 0)
        text = pending == 1 ? tr("1 change pending") : tr("%1 changes pending").arg(number);
    else
        text = tr("Synchronised");
    m_syncLabel->setText(text);
    m_loginAgain->setEnabled(state == State::NeedsLogin);
}

void MainWindow::showCurrentCase()
{
    if (m_reselecting)
        return;
    if (m_table->currentIndex().isValid())
        m_shownRow = m_table->currentIndex().row();
    showCase(m_table->currentIndex().data(InboxModel::CaseIdRole).toUuid());
}

void MainWindow::findShownCaseAgain()
{
    // A reset (every sync refreshes the inbox) clears the table's selection. The case in the pane stays where its
    // row is still near the old place: selected again, and shown anew only if it changed, so that a clerk's
    // typing is not interrupted. Otherwise (another view, a search) the pane follows the table.
    constexpr int RowsAround = 50; // about a page: the model has those rows at hand
    QAbstractItemModel *model = m_table->model();
    const int from = std::max(0, m_shownRow - RowsAround);
    const int to = std::min(model->rowCount(), std::max(0, m_shownRow) + RowsAround + 1);
    for (int row = from; !m_shownCaseId.isNull() && row < to; ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(InboxModel::CaseIdRole).toUuid() != m_shownCaseId)
            continue;
        m_reselecting = true;
        m_table->selectionModel()->setCurrentIndex(index,
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_reselecting = false;
        m_shownRow = row;
        reloadCase();
        return;
    }
    showCurrentCase();
}

void MainWindow::showCase(const QUuid &caseId)
{
    if (m_work && !m_work->mayLeaveFor(caseId))
        return;
    // One indexed read of the case and its documents: quick enough to follow the selection.
    showFile(caseId, caseId.isNull() ? std::nullopt : m_controller.caseFile(caseId));
}

void MainWindow::showFile(const QUuid &caseId, const CaseFile &file)
{
    // The clerk's edits stay in the form while the case is shown anew (a sync, their own Vermerk).
    const bool keepForm = file && caseId == m_shownCaseId && m_work && m_work->hasUnsavedChanges();
    if (!keepForm) {
        if (file)
            m_detail->showCase(file->first, m_controller.formOf(file->first), file->second);
        else
            m_detail->clear();
    }
    m_shownCaseId = file ? caseId : QUuid();
    m_shownFile = file;
    if (m_work) {
        if (file)
            m_work->showCase(file->first, m_detail->formView());
        else
            m_work->clear();
    }
    if (m_documents) {
        if (file)
            m_documents->showCase(file->first);
        else
            m_documents->clear();
    }
    if (m_assignment) {
        if (file)
            m_assignment->showCase(file->first);
        else
            m_assignment->clear();
    }
    if (m_notes) {
        if (file)
            m_notes->showCase(caseId);
        else
            m_notes->clear();
    }
}

void MainWindow::reloadCase()
{
    if (m_shownCaseId.isNull())
        return;
    // The same case again: nothing to leave, so the file read for the comparison is the one shown.
    if (CaseFile file = m_controller.caseFile(m_shownCaseId); file != m_shownFile)
        showFile(m_shownCaseId, file);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_work && !m_work->mayLeaveFor({})) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::addCaseSection(QWidget *section, CaseDetailPane::Placement placement)
{
    m_detail->addSection(section, placement);
    showCurrentCase(); // the new section starts with the case the table shows
}

void MainWindow::setCaseDocuments(CaseDocumentsPanel *panel)
{
    m_documents = panel;
    addCaseSection(panel, CaseDetailPane::Placement::BelowForm);
}

void MainWindow::setCaseWork(CaseWorkBar *bar)
{
    m_work = bar;
    addCaseSection(bar, CaseDetailPane::Placement::BelowForm);
}

void MainWindow::setCaseAssignment(CaseAssignmentBar *bar)
{
    m_assignment = bar;
    addCaseSection(bar, CaseDetailPane::Placement::BelowHeader);
}

void MainWindow::setCaseNotes(CaseNotesPanel *panel)
{
    m_notes = panel;
    addCaseSection(panel, CaseDetailPane::Placement::BelowForm);
}

void MainWindow::setNeedsAttention(NeedsAttentionPanel *panel)
{
    m_attentionDock = new QDockWidget(this);
    m_attentionDock->setObjectName(QStringLiteral("needsAttention"));
    m_attentionDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_attentionDock->setWidget(panel);
    addDockWidget(Qt::BottomDockWidgetArea, m_attentionDock);
    const auto showCount = [this](int count) {
        m_attentionDock->setWindowTitle(tr("Needs attention (%1)").arg(QLocale().toString(count)));
        m_attentionDock->setVisible(count > 0);
    };
    connect(panel, &NeedsAttentionPanel::countChanged, this, showCount);
    connect(panel, &NeedsAttentionPanel::caseRequested, this, &MainWindow::showCase);
    showCount(panel->count());
}

} // namespace casedesk::ui
