#include "ui/CaseAssignmentBar.h"

#include "core/Uuid.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "ui/UiLog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace casedesk::ui {

CaseAssignmentBar::CaseAssignmentBar(storage::CacheDatabase &db, User user, QWidget *parent)
    : QWidget(parent), m_db(db), m_user(std::move(user)), m_assignee(new QLabel(this)),
      m_claim(new QPushButton(tr("Take this case"), this)), m_handBack(new QPushButton(tr("Hand back"), this)),
      m_members(new QComboBox(this)), m_assign(new QPushButton(tr("Assign"), this)),
      m_error(new MessageLabel(QStringLiteral("caseAssignmentError"), this))
{
    m_claim->setToolTip(tr("Assigns this case of your team to you"));
    m_handBack->setToolTip(tr("Puts the case back into the team's unassigned cases"));
    m_members->setAccessibleName(tr("Team member to assign the case to"));
    m_assign->setToolTip(tr("Assigns the case to the chosen team member"));

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_assignee, 1);
    row->addWidget(m_claim);
    row->addWidget(m_handBack);
    row->addWidget(m_members);
    row->addWidget(m_assign);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_error);

    connect(m_claim, &QPushButton::clicked, this, &CaseAssignmentBar::claim);
    connect(m_handBack, &QPushButton::clicked, this, &CaseAssignmentBar::handBack);
    connect(m_assign, &QPushButton::clicked, this, &CaseAssignmentBar::assignToChosen);
    connect(m_members, &QComboBox::currentIndexChanged, this, [this](int index) { m_assign->setEnabled(index >= 0); });
    readUsers();
    clear();
}

void CaseAssignmentBar::setUser(const User &user)
{
    m_user = user;
    readUsers();
    if (m_case)
        showCase(*m_case);
}

void CaseAssignmentBar::readUsers()
{
    const Result<QList<User>> users = storage::ReferenceRepository(m_db).users();
    if (!users)
        qCWarning(lcUi).noquote() << "reading the users failed:" << users.error().toString();
    m_users = users ? users.value() : QList<User>();
}

void CaseAssignmentBar::clear()
{
    m_case.reset();
    m_assignee->clear();
    for (QWidget *action : {static_cast<QWidget *>(m_claim), static_cast<QWidget *>(m_handBack),
                            static_cast<QWidget *>(m_members), static_cast<QWidget *>(m_assign)})
        action->hide();
    m_error->showMessage({});
}

void CaseAssignmentBar::showCase(const Case &c)
{
    if (!m_case || m_case->id != c.id)
        m_error->showMessage({});
    m_case = c;
    m_assignee->setText(c.assigneeId.isNull() ? tr("Not assigned") : tr("Assigned to %1").arg(nameOf(c.assigneeId)));

    const bool open = !c.closed;
    const bool ofMyTeam = m_user.teamIds.contains(c.teamId);
    const bool worksOnCases = m_user.hasRole(Role::Clerk) || m_user.hasRole(Role::TeamLead);
    m_claim->setVisible(open && ofMyTeam && worksOnCases && c.assigneeId.isNull());
    m_handBack->setVisible(open && !m_user.id.isNull() && c.assigneeId == m_user.id);
    const bool leads = open && ofMyTeam && m_user.hasRole(Role::TeamLead);
    m_members->setVisible(leads);
    m_assign->setVisible(leads);
    if (leads)
        fillMembers();
}

void CaseAssignmentBar::fillMembers()
{
    m_members->clear();
    for (const User &member : std::as_const(m_users)) {
        if (member.active && member.teamIds.contains(m_case->teamId) && member.id != m_case->assigneeId &&
            (member.hasRole(Role::Clerk) || member.hasRole(Role::TeamLead)))
            m_members->addItem(member.displayName, member.id);
    }
    m_assign->setEnabled(m_members->count() > 0);
}

void CaseAssignmentBar::claim()
{
    if (m_case)
        submit(CommandName::Claim, {{QStringLiteral("expected"), QString()}});
}

void CaseAssignmentBar::handBack()
{
    if (m_case)
        submit(CommandName::Assign, {{QStringLiteral("expected"), uuidToString(m_case->assigneeId)},
                                     {QStringLiteral("assignee"), QString()}});
}

void CaseAssignmentBar::assignToChosen()
{
    const QUuid member = m_members->currentData().toUuid();
    if (!m_case || member.isNull())
        return;
    const QString expected = m_case->assigneeId.isNull() ? QString() : uuidToString(m_case->assigneeId);
    submit(CommandName::Assign,
           {{QStringLiteral("expected"), expected}, {QStringLiteral("assignee"), uuidToString(member)}});
}

void CaseAssignmentBar::submit(CommandName name, const QJsonObject &args)
{
    const QUuid caseId = m_case->id;
    const Result<Command> queued = storage::Outbox(m_db).submit(name, caseId, args, m_user.id);
    if (!queued) {
        qCInfo(lcUi).noquote() << "assignment refused:" << queued.error().toString();
        m_error->showMessage(queued.error().message);
        return;
    }
    m_error->showMessage({});
    emit outboxChanged(caseId);
}

QString CaseAssignmentBar::nameOf(const QUuid &userId) const
{
    for (const User &user : m_users) {
        if (user.id == userId)
            return user.displayName;
    }
    return tr("a user unknown here");
}

} // namespace casedesk::ui
