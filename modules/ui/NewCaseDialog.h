// "New case": a case the clerk opens by hand (an application made at the counter or on the phone) or the mailroom
// registers from paper mail. The user chooses the case type and the team (those they may open cases for: their
// own, any for the mailroom), enters the title, the applicant with postal address and the day the application
// arrived, and may take the case on themselves (a clerk or team lead of that team). Creating it is a createCase
// in the outbox, checked at once with the server's rules: the process starts in view, the Aktenzeichen comes
// from the server with the sync. A refusal shows its reason, and the dialog stays open with all that was entered.
#pragma once

#include "core/Team.h"
#include "core/User.h"
#include "ui/MessageLabel.h"

#include <QDialog>
#include <QUuid>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace casedesk::storage {
class CacheDatabase;
}

namespace casedesk::ui {

class NewCaseDialog : public QDialog {
    Q_OBJECT

public:
    NewCaseDialog(storage::CacheDatabase &db, const User &user, QWidget *parent = nullptr);

    QComboBox *caseTypeCombo() const { return m_caseType; }
    QComboBox *teamCombo() const { return m_team; } // empty: the user may open cases for no team
    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *givenNameEdit() const { return m_givenName; }
    QLineEdit *familyNameEdit() const { return m_familyName; }
    QLineEdit *organisationEdit() const { return m_organisation; }
    QLineEdit *streetEdit() const { return m_street; }
    QLineEdit *houseNumberEdit() const { return m_houseNumber; }
    QLineEdit *postcodeEdit() const { return m_postcode; }
    QLineEdit *cityEdit() const { return m_city; }
    QDateEdit *receivedEdit() const { return m_received; }
    QCheckBox *assignToMeCheck() const { return m_assignToMe; }
    QPushButton *createButton() const { return m_create; }
    QLabel *errorLabel() const { return m_error; }

    // The case made by create(); null before.
    QUuid createdCaseId() const { return m_created; }

public slots:
    // Queues the createCase and closes the dialog (accepted); false, with the reason shown, when refused.
    bool create();

private:
    void readTeams();
    void updateState();

    storage::CacheDatabase &m_db;
    User m_user;
    QList<Team> m_teams; // those offered, in the combo's order
    QUuid m_created;
    QComboBox *m_caseType;
    QComboBox *m_team;
    QLineEdit *m_title;
    QLineEdit *m_givenName;
    QLineEdit *m_familyName;
    QLineEdit *m_organisation;
    QLineEdit *m_street;
    QLineEdit *m_houseNumber;
    QLineEdit *m_postcode;
    QLineEdit *m_city;
    QDateEdit *m_received;
    QCheckBox *m_assignToMe;
    QPushButton *m_create;
    MessageLabel *m_error;
};

} // namespace casedesk::ui
