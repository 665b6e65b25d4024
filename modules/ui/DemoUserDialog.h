// Until login exists: lets the user pick which demo user this installation is (name, role, team).
#pragma once

#include "core/Team.h"
#include "core/User.h"

#include <QDialog>

class QDialogButtonBox;
class QTreeWidget;

namespace casedesk::ui {

class DemoUserDialog : public QDialog {
    Q_OBJECT

public:
    DemoUserDialog(const QList<User> &users, const QList<Team> &teams, QWidget *parent = nullptr);

    QUuid selectedUserId() const; // null when none is selected
    QTreeWidget *userList() const { return m_users; }

private:
    QTreeWidget *m_users;
    QDialogButtonBox *m_buttons;
};

} // namespace casedesk::ui
