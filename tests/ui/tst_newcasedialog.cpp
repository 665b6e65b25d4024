// The "New case" dialog (offscreen) over a real encrypted cache with the demo world's reference data: a clerk
// opens a case for their team and takes it on (a createCase in the outbox, the process started in view), the
// mailroom may choose any team but not take the case, an auditor may not open cases, a refusal by the rules
// (the clerk left the team meanwhile) keeps the dialog open with what was entered, and the title has a limit.
#include "core/Command.h"
#include "core/Uuid.h"
#include "mock/MockClock.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "ui/NewCaseDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include "../storage/TreeFellingCache.h"

using namespace casedesk;
using namespace casedesk::storage;
using ui::NewCaseDialog;

class TestNewCaseDialog : public QObject, private test::CaseworkFixture {
    Q_OBJECT

private slots:

    void init()
    {
        const QString filled = startCache(confirmedSample());
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
    }

    void cleanup() { m_cache.reset(); }

    void aClerkOpensACaseForTheirTeam()
    {
        const User clerk = test::treeFellingUser(Role::Clerk);
        NewCaseDialog dialog(m_cache->db(), clerk);
        QCOMPARE(dialog.teamCombo()->count(), clerk.teamIds.size()); // their own teams only
        for (int i = 0; i < dialog.teamCombo()->count(); ++i)
            QVERIFY(clerk.teamIds.contains(dialog.teamCombo()->itemData(i).toUuid()));
        QCOMPARE(dialog.caseTypeCombo()->count(), 4);
        QVERIFY(!dialog.createButton()->isEnabled()); // no title, no applicant yet
        QCOMPARE(dialog.receivedEdit()->date(), m_clock.today());

        dialog.caseTypeCombo()->setCurrentIndex(dialog.caseTypeCombo()->findData(QStringLiteral("baumfaellung")));
        QTest::keyClicks(dialog.titleEdit(), QStringLiteral("Baumfaellung Hofstrasse 4"));
        QVERIFY(!dialog.createButton()->isEnabled());
        QTest::keyClicks(dialog.familyNameEdit(), QStringLiteral("Yilmaz"));
        QTest::keyClicks(dialog.givenNameEdit(), QStringLiteral("Deniz"));
        QTest::keyClicks(dialog.streetEdit(), QStringLiteral("Hofstrasse"));
        QTest::keyClicks(dialog.houseNumberEdit(), QStringLiteral("4"));
        QTest::keyClicks(dialog.postcodeEdit(), QStringLiteral("70x3a72")); // only digits stay
        QCOMPARE(dialog.postcodeEdit()->text(), QStringLiteral("70372"));
        dialog.receivedEdit()->setDate(m_clock.today().addDays(-3));
        QVERIFY(dialog.assignToMeCheck()->isVisibleTo(&dialog));
        dialog.assignToMeCheck()->setChecked(true);
        QVERIFY(dialog.createButton()->isEnabled());

        QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QUuid id = dialog.createdCaseId();
        QVERIFY(!id.isNull());
        const Result<QList<OutboxEntry>> queued = Outbox(m_cache->db()).entries();
        QVERIFY(queued && queued->size() == 1);
        QCOMPARE(queued->first().command.name, CommandName::CreateCase);
        QCOMPARE(queued->first().command.caseId, id);

        const auto visible = CaseRepository(m_cache->db()).visibleCase(id);
        QVERIFY(visible && *visible);
        const Case &c = **visible;
        QCOMPARE(c.title, QStringLiteral("Baumfaellung Hofstrasse 4"));
        QCOMPARE(c.caseType, QStringLiteral("baumfaellung"));
        QCOMPARE(c.teamId, dialog.teamCombo()->currentData().toUuid());
        QCOMPARE(c.assigneeId, clerk.id);
        QCOMPARE(c.applicant.familyName, QStringLiteral("Yilmaz"));
        QCOMPARE(c.applicant.address.postcode, QStringLiteral("70372"));
        QCOMPARE(c.applicant.address.city, QStringLiteral("Stuttgart"));
        QCOMPARE(c.receivedDate, m_clock.today().addDays(-3));
        QVERIFY(!c.workflowState.isEmpty()); // the process started in view
        QCOMPARE(c.version, qint64(0));      // until the server confirms it
    }

    void theMailroomChoosesAnyTeam()
    {
        NewCaseDialog dialog(m_cache->db(), test::treeFellingUser(Role::Mailroom, false));
        const Result<QList<Team>> teams = ReferenceRepository(m_cache->db()).teams();
        QVERIFY(teams);
        QCOMPARE(dialog.teamCombo()->count(), teams->size());
        QVERIFY(!dialog.assignToMeCheck()->isVisibleTo(&dialog)); // the mailroom files, it does not work on it
        QTest::keyClicks(dialog.titleEdit(), QStringLiteral("Antrag per Post"));
        QTest::keyClicks(dialog.organisationEdit(), QStringLiteral("Gartenbau Kraemer GmbH"));
        QVERIFY(dialog.create());
        const auto visible = CaseRepository(m_cache->db()).visibleCase(dialog.createdCaseId());
        QVERIFY(visible && *visible);
        QVERIFY((*visible)->assigneeId.isNull());
    }

    void anAuditorMayNotOpenCases()
    {
        NewCaseDialog dialog(m_cache->db(), test::treeFellingUser(Role::Auditor));
        QCOMPARE(dialog.teamCombo()->count(), 0);
        QVERIFY(dialog.errorLabel()->isVisibleTo(&dialog));
        QTest::keyClicks(dialog.titleEdit(), QStringLiteral("Pruefung"));
        QTest::keyClicks(dialog.familyNameEdit(), QStringLiteral("Muster"));
        QVERIFY(!dialog.createButton()->isEnabled());
        QVERIFY(!dialog.create());
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));
    }

    // The reference data changed while the dialog was open: the rules refuse, nothing is queued, the entries stay.
    void aRefusalKeepsTheDialogOpen()
    {
        User clerk = test::treeFellingUser(Role::Clerk);
        NewCaseDialog dialog(m_cache->db(), clerk);
        QTest::keyClicks(dialog.titleEdit(), QStringLiteral("Bewohnerparkausweis"));
        QTest::keyClicks(dialog.familyNameEdit(), QStringLiteral("Weber"));
        clerk.teamIds.clear();
        QList<User> users = test::treeFellingDemo().world().users;
        for (User &user : users) {
            if (user.id == clerk.id)
                user = clerk;
        }
        QVERIFY(ReferenceRepository(m_cache->db()).storeUsers(users));

        QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        QVERIFY(dialog.createdCaseId().isNull());
        QVERIFY(dialog.errorLabel()->isVisibleTo(&dialog));
        QVERIFY(!dialog.errorLabel()->text().isEmpty());
        QCOMPARE(dialog.titleEdit()->text(), QStringLiteral("Bewohnerparkausweis"));
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));
    }

    void theTitleHasALimit()
    {
        NewCaseDialog dialog(m_cache->db(), test::treeFellingUser(Role::Clerk));
        dialog.titleEdit()->setText(QString(CommandLimits::TitleLength + 50, u'x'));
        QCOMPARE(dialog.titleEdit()->text().size(), CommandLimits::TitleLength);
    }

private:
};

QTEST_MAIN(TestNewCaseDialog)
#include "tst_newcasedialog.moc"
