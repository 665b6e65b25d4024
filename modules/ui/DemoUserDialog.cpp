#include "ui/DemoUserDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace casedesk::ui {

namespace {
constexpr int UserIdRole = Qt::UserRole + 1;
}

DemoUserDialog::DemoUserDialog(const QList<User> &users, const QList<Team> &teams, QWidget *parent)
    : QDialog(parent), m_users(new QTreeWidget(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("CaseDesk: who are you?"));
    auto *explanation = new QLabel(tr("This is a demo installation without sign-in. Choose the person you want to "
                                      "work as; CaseDesk remembers the choice for this cache."),
                                   this);
    explanation->setWordWrap(true);

    m_users->setAccessibleName(tr("Demo users"));
    m_users->setHeaderLabels({tr("Name"), tr("Login"), tr("Role"), tr("Team")});
    m_users->setRootIsDecorated(false);
    m_users->setUniformRowHeights(true);
    m_users->setAlternatingRowColors(true);
    for (const User &user : users) {
        QStringList roles;
        for (Role role : user.roles)
            roles.append(roleDisplayName(role));
        QStringList teamNames;
        for (const Team &team : teams) {
            if (user.teamIds.contains(team.id))
                teamNames.append(team.code + QLatin1Char(' ') + team.name);
        }
        auto *item = new QTreeWidgetItem(m_users, {user.displayName, user.login, roles.join(QStringLiteral(", ")),
                                                   teamNames.join(QStringLiteral(", "))});
        item->setData(0, UserIdRole, user.id);
    }
    m_users->header()->resizeSections(QHeaderView::ResizeToContents);
    m_users->setCurrentItem(m_users->topLevelItem(0));

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(m_users->currentItem() != nullptr);
    connect(m_users, &QTreeWidget::currentItemChanged, this,
            [ok](QTreeWidgetItem *current) { ok->setEnabled(current != nullptr); });
    connect(m_users, &QTreeWidget::itemActivated, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_users, 1);
    layout->addWidget(m_buttons);
    resize(720, 440);
}

QUuid DemoUserDialog::selectedUserId() const
{
    const QTreeWidgetItem *item = m_users->currentItem();
    return item ? item->data(0, UserIdRole).toUuid() : QUuid();
}

} // namespace casedesk::ui
