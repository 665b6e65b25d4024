// Who works on the case shown beside the inbox, and the changes to that the user may make: take an unassigned
// case of their team (claim), hand their own case back to the team queue, and, as the team's lead, give it to a
// member of the team. Each is a command through the outbox, checked at once with the server's rules; a refusal
// is shown with its reason and changes nothing. What is offered follows the user's roles and teams; the rules
// have the final word (a deputyship or an older copy of the reference data can differ).
#pragma once

#include "core/Case.h"
#include "core/Command.h"
#include "core/User.h"
#include "ui/MessageLabel.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;

namespace casedesk::storage {
class CacheDatabase;
}

namespace casedesk::ui {

class CaseAssignmentBar : public QWidget {
    Q_OBJECT

public:
    CaseAssignmentBar(storage::CacheDatabase &db, User user, QWidget *parent = nullptr);

    // The signed-in user anew, after the reference data changed (their roles or teams, the team's members).
    void setUser(const User &user);
    // `c` as the user sees it (confirmed state with their pending commands).
    void showCase(const Case &c);
    void clear();

    QLabel *assigneeLabel() const { return m_assignee; }
    QPushButton *claimButton() const { return m_claim; }
    QPushButton *handBackButton() const { return m_handBack; }
    QComboBox *memberCombo() const { return m_members; } // the team's members, for the team lead
    QPushButton *assignButton() const { return m_assign; }
    QLabel *errorLabel() const { return m_error; }

public slots:
    void claim();
    void handBack();
    void assignToChosen();

signals:
    // An assignment was queued: the case's visible state changed and a command waits to be sent.
    void outboxChanged(const QUuid &caseId);

private:
    void submit(CommandName name, const QJsonObject &args);
    void readUsers();
    void fillMembers();
    QString nameOf(const QUuid &userId) const;

    storage::CacheDatabase &m_db;
    User m_user;
    std::optional<Case> m_case;
    QList<User> m_users; // the reference data's, read again when it changes (setUser)
    QLabel *m_assignee;
    QPushButton *m_claim;
    QPushButton *m_handBack;
    QComboBox *m_members;
    QPushButton *m_assign;
    MessageLabel *m_error;
};

} // namespace casedesk::ui
