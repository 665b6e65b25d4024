// The "Needs attention" list (DESIGN.md, decision 3): the commands the server rejected or found in conflict,
// with three ways to resolve one: re-apply it on top of the current state, open its case to edit it, or
// discard it after a confirmation. The main window shows the panel and a badge with its count.
#pragma once

#include "ui/MessageLabel.h"

#include <QUuid>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableView;

namespace casedesk::storage {
class CacheDatabase;
}

namespace casedesk::ui {

class NeedsAttentionModel;

class NeedsAttentionPanel : public QWidget {
    Q_OBJECT

public:
    // Asked before a change is discarded for good; true goes ahead. Injectable so that tests need no modal
    // dialog; the default asks with a message box.
    using Confirmer = std::function<bool(QWidget *parent, const QString &question)>;

    // `actor` is the signed-in user: a re-applied change is made again in their name.
    NeedsAttentionPanel(storage::CacheDatabase &db, const QUuid &actor, QWidget *parent = nullptr);

    void setConfirmer(Confirmer confirmer);
    NeedsAttentionModel *model() const { return m_model; }
    int count() const { return m_count; }

public slots:
    // Reads the list again (after a sync brought results); a failure is shown in the panel.
    void reload();
    // The actions on the selected row (the buttons call them).
    void reapplySelected();
    void editSelected();
    void discardSelected();

signals:
    void countChanged(int count);
    // Edit: the main window opens this case.
    void caseRequested(const QUuid &caseId);
    // A change was re-applied (a new pending command to push) or discarded: the case's visible state changed.
    void outboxChanged(const QUuid &caseId);

private:
    int selectedRow() const; // -1 when none
    void updateActions();
    // Reloads and keeps a row selected near `row`, so that the user can work down the list.
    void reloadAndSelect(int row);

    storage::CacheDatabase &m_db;
    QUuid m_actor;
    Confirmer m_confirmer;
    NeedsAttentionModel *m_model;
    QTableView *m_table;
    MessageLabel *m_error;
    QPushButton *m_reapply;
    QPushButton *m_edit;
    QPushButton *m_discard;
    int m_count = 0;
};

} // namespace casedesk::ui
