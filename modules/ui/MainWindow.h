// The main window: the views with their counts on the left, search and filters on top, the inbox table,
// and a status bar with the row count and who is signed in. Behaviour lives in InboxController.
// Connected to a server, the status bar also shows the sync (online or offline, the count of pending changes) and
// the "Session" menu offers "Log in again" once the session has ended; changes the server rejected or found in
// conflict are listed under "Needs attention", a dock below the inbox that shows itself while there are any, and
// the detail pane has who works on the selected case (to take it, hand it back or, as team lead, assign it), its
// form to edit and its tasks to complete, its documents (to attach more), and its Vermerke with a field for a new one.
// Unsaved form edits are not left behind unasked, neither for another case nor by closing the window.
#pragma once

#include "core/Case.h"
#include "core/DocumentRef.h"
#include "ui/CaseDetailPane.h"

#include <QMainWindow>
#include <QUuid>

#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QTableView;
class QTreeWidget;

namespace casedesk::sync {
class SyncSession;
}

namespace casedesk::ui {

class CaseAssignmentBar;
class CaseDocumentsPanel;
class CaseNotesPanel;
class CaseWorkBar;
class InboxController;
class InboxFilterBar;
class NeedsAttentionPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(InboxController &controller, QWidget *parent = nullptr);

    QTreeWidget *viewList() const { return m_views; }
    InboxFilterBar *filterBar() const { return m_filterBar; }
    QTableView *table() const { return m_table; }
    QLabel *countLabel() const { return m_countLabel; }
    CaseDetailPane *detailPane() const { return m_detail; }

    // Shows the session's state from now on; it must outlive the window.
    void setSyncSession(sync::SyncSession *session);
    QLabel *syncLabel() const { return m_syncLabel; }          // nullptr without a session
    QAction *loginAgainAction() const { return m_loginAgain; } // nullptr without a session
    QAction *newCaseAction() const { return m_newCase; }       // nullptr without a session
    // Takes the panel into the "Needs attention" dock; its Edit shows the case in the detail pane.
    void setNeedsAttention(NeedsAttentionPanel *panel);
    QDockWidget *needsAttentionDock() const { return m_attentionDock; } // nullptr without a panel
    // Take the sections into the detail pane (the bar below the header, the Vermerke below the form); they follow
    // the selected case.
    void setCaseAssignment(CaseAssignmentBar *bar);
    CaseAssignmentBar *caseAssignment() const { return m_assignment; } // nullptr without a bar
    void setCaseNotes(CaseNotesPanel *panel);
    CaseNotesPanel *caseNotes() const { return m_notes; } // nullptr without a panel
    // Saving form edits and completing tasks, below the form; then the documents, then the Vermerke (the sections
    // below the form stand in the order they are set).
    void setCaseWork(CaseWorkBar *bar);
    CaseWorkBar *caseWork() const { return m_work; } // nullptr without a bar
    void setCaseDocuments(CaseDocumentsPanel *panel);
    CaseDocumentsPanel *caseDocuments() const { return m_documents; } // nullptr without a panel
    // Shows the case as the user sees it in the detail pane (cleared when it is gone). With unsaved form edits
    // of another case the user decides first; the same case again keeps the edits in the form.
    void showCase(const QUuid &caseId);
    // Shows the case of the detail pane anew if a sync changed it (an unchanged one keeps the focus where it is).
    void reloadCase();

protected:
    void closeEvent(QCloseEvent *event) override;

signals:
    void loginAgainRequested();
    void newCaseRequested();

private:
    QTreeWidget *createViewList();
    QTableView *createTable();
    void createShortcuts();
    void updateViewCounts();
    void updateCountLabel();
    void syncSortIndicator();
    void showCurrentCase();
    void findShownCaseAgain();
    using CaseFile = std::optional<std::pair<Case, QList<DocumentRef>>>; // nullopt: no such case (any more)
    void showFile(const QUuid &caseId, const CaseFile &file);
    void addCaseSection(QWidget *section, CaseDetailPane::Placement placement);
    QString signedInText() const;
    void updateSyncIndicator();

    InboxController &m_controller;
    QTreeWidget *m_views;
    InboxFilterBar *m_filterBar;
    QTableView *m_table;
    QLabel *m_countLabel;
    CaseDetailPane *m_detail;
    sync::SyncSession *m_session = nullptr;
    QLabel *m_syncLabel = nullptr;
    QAction *m_loginAgain = nullptr;
    QAction *m_newCase = nullptr;
    QDockWidget *m_attentionDock = nullptr;
    CaseNotesPanel *m_notes = nullptr;
    CaseAssignmentBar *m_assignment = nullptr;
    CaseWorkBar *m_work = nullptr;
    CaseDocumentsPanel *m_documents = nullptr;
    QUuid m_shownCaseId;        // the case of the detail pane, which "Needs attention" may have chosen
    int m_shownRow = -1;        // the table row it was last selected in
    bool m_reselecting = false; // the selection is put back after a reset: nothing to show anew
    CaseFile m_shownFile;       // as it was read for the pane
};

} // namespace casedesk::ui
