#include "ui/NewCaseDialog.h"

#include "core/AccessPolicy.h"
#include "core/Case.h"
#include "core/Clock.h"
#include "core/Uuid.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "ui/UiLog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace casedesk::ui {

NewCaseDialog::NewCaseDialog(storage::CacheDatabase &db, const User &user, QWidget *parent)
    : QDialog(parent), m_db(db), m_user(user), m_caseType(new QComboBox(this)), m_team(new QComboBox(this)),
      m_title(new QLineEdit(this)), m_givenName(new QLineEdit(this)), m_familyName(new QLineEdit(this)),
      m_organisation(new QLineEdit(this)), m_street(new QLineEdit(this)), m_houseNumber(new QLineEdit(this)),
      m_postcode(new QLineEdit(this)), m_city(new QLineEdit(QStringLiteral("Stuttgart"), this)),
      m_received(new QDateEdit(Clock::current().today(), this)), m_assignToMe(new QCheckBox(tr("I work on it"), this)),
      m_create(nullptr), m_error(new MessageLabel(QStringLiteral("newCaseError"), this))
{
    setWindowTitle(tr("New case"));
    // The case types of the reference data, as the checks of the new case know them.
    if (const auto caseTypes = storage::ReferenceRepository(db).caseTypes(); caseTypes) {
        for (const demo::CaseTypeContent *type : caseTypes.value()->latestOfEach())
            m_caseType->addItem(type->form.title().text(), type->caseType);
    }
    m_houseNumber->setMaximumWidth(m_houseNumber->fontMetrics().horizontalAdvance(QStringLiteral("000000")));
    m_title->setMaxLength(int(CommandLimits::TitleLength));
    m_postcode->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,5}")), this));
    m_received->setCalendarPopup(true);
    m_received->setMaximumDate(Clock::current().today()); // an application cannot arrive tomorrow
    m_assignToMe->setToolTip(tr("Assigns the new case to you; otherwise it waits in the team's unassigned cases"));

    auto *street = new QHBoxLayout;
    street->addWidget(m_street, 1);
    street->addWidget(m_houseNumber);
    auto *place = new QHBoxLayout;
    place->addWidget(m_postcode);
    place->addWidget(m_city, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Case &type:"), m_caseType);
    form->addRow(tr("T&eam:"), m_team);
    form->addRow(tr("T&itle:"), m_title);
    form->addRow(tr("&Given name:"), m_givenName);
    form->addRow(tr("&Family name:"), m_familyName);
    form->addRow(tr("&Organisation:"), m_organisation);
    form->addRow(tr("&Street and number:"), street);
    form->addRow(tr("&Postcode and city:"), place);
    form->addRow(tr("&Received on:"), m_received);
    form->addRow(QString(), m_assignToMe);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("Create case"), QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &NewCaseDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_team, &QComboBox::currentIndexChanged, this, &NewCaseDialog::updateState);
    for (QLineEdit *edit : {m_title, m_familyName, m_organisation})
        connect(edit, &QLineEdit::textChanged, this, &NewCaseDialog::updateState);
    readTeams();
    updateState();
}

void NewCaseDialog::readTeams()
{
    storage::ReferenceRepository reference(m_db);
    const Result<QList<Team>> teams = reference.teams();
    const Result<QList<Deputyship>> deputyships = reference.deputyships();
    if (!teams || !deputyships) {
        const Error &error = teams ? deputyships.error() : teams.error();
        qCWarning(lcUi).noquote() << "reading the teams failed:" << error.toString();
        m_error->showMessage(error.message);
        return;
    }
    // The teams the policy lets the user open cases for; the server checks again.
    const AccessScope scope = AccessScope::forUser(m_user, *deputyships, Clock::current());
    for (const Team &team : *teams) {
        if (!AccessPolicy::mayCreateCase(scope, team.id).allowed())
            continue;
        m_teams.append(team);
        m_team->addItem(team.code + QLatin1Char(' ') + team.name, team.id);
    }
    if (m_teams.isEmpty())
        m_error->showMessage(tr("You may not open cases. The mailroom, clerks and team leads do."));
}

void NewCaseDialog::updateState()
{
    const QUuid team = m_team->currentData().toUuid();
    const bool worksThere =
        m_user.teamIds.contains(team) && (m_user.hasRole(Role::Clerk) || m_user.hasRole(Role::TeamLead));
    m_assignToMe->setVisible(worksThere);
    if (!worksThere)
        m_assignToMe->setChecked(false);
    const bool named = !m_familyName->text().trimmed().isEmpty() || !m_organisation->text().trimmed().isEmpty();
    m_create->setEnabled(!team.isNull() && m_caseType->currentIndex() >= 0 && !m_title->text().trimmed().isEmpty() &&
                         named);
}

bool NewCaseDialog::create()
{
    if (!m_create->isEnabled())
        return false;
    const QDateTime now = Clock::current().now();
    Case draft;
    draft.id = createUuidV7();
    draft.caseType = m_caseType->currentData().toString();
    draft.title = m_title->text().trimmed();
    draft.teamId = m_team->currentData().toUuid();
    if (m_assignToMe->isChecked())
        draft.assigneeId = m_user.id;
    draft.applicant.givenName = m_givenName->text().trimmed();
    draft.applicant.familyName = m_familyName->text().trimmed();
    draft.applicant.organisation = m_organisation->text().trimmed();
    draft.applicant.address.street = m_street->text().trimmed();
    draft.applicant.address.houseNumber = m_houseNumber->text().trimmed();
    draft.applicant.address.postcode = m_postcode->text().trimmed();
    draft.applicant.address.city = m_city->text().trimmed();
    draft.receivedDate = m_received->date();
    draft.createdAt = now;
    draft.updatedAt = now;
    const Result<Command> queued = storage::Outbox(m_db).submit(CommandName::CreateCase, draft.id,
                                                                {{QStringLiteral("case"), draft.toJson()}}, m_user.id);
    if (!queued) {
        qCInfo(lcUi).noquote() << "createCase refused:" << queued.error().toString();
        m_error->showMessage(queued.error().message);
        return false;
    }
    m_created = draft.id;
    accept();
    return true;
}

} // namespace casedesk::ui
