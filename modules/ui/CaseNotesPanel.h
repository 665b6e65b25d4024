// The Vermerke (file notes) of the case shown beside the inbox, oldest first, and a field to write a new one.
// A new Vermerk is an addNote command in the outbox: checked at once with the server's rules (an auditor, or a
// case outside the user's part of the office, is refused with the reason and nothing is queued; the text stays
// in the field), shown at once, and sent by the sync.
#pragma once

#include "ui/MessageLabel.h"

#include <QHash>
#include <QUuid>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace casedesk::storage {
class CacheDatabase;
}

namespace casedesk::ui {

class CaseNotesPanel : public QWidget {
    Q_OBJECT

public:
    // `actor` is the signed-in user: a new Vermerk is written in their name.
    CaseNotesPanel(storage::CacheDatabase &db, const QUuid &actor, QWidget *parent = nullptr);

    void showCase(const QUuid &caseId);
    void clear();
    QUuid caseId() const { return m_caseId; }

    QListWidget *notesList() const { return m_list; }
    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *addButton() const { return m_add; }
    QLabel *errorLabel() const { return m_error; }

public slots:
    // Reads the case's Vermerke again (a sync brought new ones); what is being written stays.
    void reload();
    void addNote();

signals:
    // A Vermerk was queued: the case's visible state changed and a command waits to be sent.
    void outboxChanged(const QUuid &caseId);

private:
    QString authorName(const QUuid &userId);
    void updateAddButton();

    storage::CacheDatabase &m_db;
    QUuid m_actor;
    QUuid m_caseId;
    QHash<QUuid, QString> m_authorNames; // looked up once per panel
    QListWidget *m_list;
    QPlainTextEdit *m_editor;
    QPushButton *m_add;
    MessageLabel *m_error;
};

} // namespace casedesk::ui
