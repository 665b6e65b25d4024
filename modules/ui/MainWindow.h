// The main window: the views with their counts on the left, search and filters on top, the inbox table,
// and a status bar with the row count and who is signed in. Behaviour lives in InboxController.
#pragma once

#include <QMainWindow>

class QLabel;
class QTableView;
class QTreeWidget;

namespace casedesk::ui {

class CaseDetailPane;
class InboxController;
class InboxFilterBar;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(InboxController &controller, QWidget *parent = nullptr);

    QTreeWidget *viewList() const { return m_views; }
    InboxFilterBar *filterBar() const { return m_filterBar; }
    QTableView *table() const { return m_table; }
    QLabel *countLabel() const { return m_countLabel; }
    CaseDetailPane *detailPane() const { return m_detail; }

private:
    QTreeWidget *createViewList();
    QTableView *createTable();
    void createShortcuts();
    void updateViewCounts();
    void updateCountLabel();
    void syncSortIndicator();
    void showCurrentCase();
    QString signedInText() const;

    InboxController &m_controller;
    QTreeWidget *m_views;
    InboxFilterBar *m_filterBar;
    QTableView *m_table;
    QLabel *m_countLabel;
    CaseDetailPane *m_detail;
};

} // namespace casedesk::ui
