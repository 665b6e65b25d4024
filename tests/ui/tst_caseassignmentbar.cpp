// The assignment bar of the detail pane (offscreen) over a real encrypted cache with the demo world's reference
// data and an unassigned tree felling application: what each user is offered (a clerk of the team takes the case
// and can hand it back, the team lead assigns it to a member, an auditor or a clerk of another team gets nothing),
// that each action queues its command and shows the new state, and that a refusal by the rules is shown with its
// reason and queues nothing.
#include "core/Uuid.h"
#include "mock/MockClock.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "ui/CaseAssignmentBar.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "../storage/TreeFellingCache.h"

using namespace casedesk;
using namespace casedesk::storage;
using ui::CaseAssignmentBar;

class TestCaseAssignmentBar : public QObject, private test::CaseworkFixture {
    Q_OBJECT

private slots:

    void init()
    {
        m_case = confirmedSample();
        m_case.assigneeId = {};
        const QString filled = startCache(m_case);
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
    }

    void cleanup() { m_cache.reset(); }

    void aClerkTakesTheCaseAndHandsItBack()
    {
        const User clerk = test::treeFellingUser(Role::Clerk);
        CaseAssignmentBar bar(m_cache->db(), clerk);
        bar.showCase(m_case);
        QVERIFY(bar.claimButton()->isVisibleTo(&bar));
        QVERIFY(!bar.handBackButton()->isVisibleTo(&bar));
        QVERIFY(!bar.assignButton()->isVisibleTo(&bar)); // only the team lead assigns
        QVERIFY(!bar.assigneeLabel()->text().isEmpty());

        QSignalSpy changed(&bar, &CaseAssignmentBar::outboxChanged);
        QTest::mouseClick(bar.claimButton(), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toUuid(), m_case.id);
        QVERIFY(!bar.errorLabel()->isVisibleTo(&bar));
        QCOMPARE(lastQueued().name, CommandName::Claim);

        // The window shows the case again as the user now sees it: theirs, to hand back.
        const Case mine = visible();
        QCOMPARE(mine.assigneeId, clerk.id);
        bar.showCase(mine);
        QVERIFY2(bar.assigneeLabel()->text().contains(clerk.displayName), qPrintable(bar.assigneeLabel()->text()));
        QVERIFY(!bar.claimButton()->isVisibleTo(&bar));
        QVERIFY(bar.handBackButton()->isVisibleTo(&bar));
        QTest::mouseClick(bar.handBackButton(), Qt::LeftButton);
        QCOMPARE(changed.count(), 2);
        const Command handedBack = lastQueued();
        QCOMPARE(handedBack.name, CommandName::Assign);
        QCOMPARE(handedBack.args.value(QLatin1String("assignee")).toString(), QString());
        QVERIFY(visible().assigneeId.isNull());
    }

    void theTeamLeadAssignsToAMember()
    {
        const User lead = test::treeFellingUser(Role::TeamLead);
        const User clerk = test::treeFellingUser(Role::Clerk);
        CaseAssignmentBar bar(m_cache->db(), lead);
        bar.showCase(m_case);
        QVERIFY(bar.memberCombo()->isVisibleTo(&bar));
        QVERIFY(bar.assignButton()->isVisibleTo(&bar));
        // Members of the case's team only, the clerk among them.
        QVERIFY(bar.memberCombo()->count() > 0);
        for (int i = 0; i < bar.memberCombo()->count(); ++i) {
            const QUuid member = bar.memberCombo()->itemData(i).toUuid();
            const auto user = ReferenceRepository(m_cache->db()).user(member);
            QVERIFY(user && *user);
            QVERIFY2((*user)->teamIds.contains(m_case.teamId), qPrintable((*user)->displayName));
        }
        const int index = bar.memberCombo()->findData(clerk.id);
        QVERIFY(index >= 0);
        bar.memberCombo()->setCurrentIndex(index);
        QTest::mouseClick(bar.assignButton(), Qt::LeftButton);
        QVERIFY2(!bar.errorLabel()->isVisibleTo(&bar), qPrintable(bar.errorLabel()->text()));
        const Command assigned = lastQueued();
        QCOMPARE(assigned.name, CommandName::Assign);
        QCOMPARE(assigned.args.value(QLatin1String("assignee")).toString(), uuidToString(clerk.id));
        QCOMPARE(visible().assigneeId, clerk.id);

        // Shown again: the clerk who has it is no longer offered.
        bar.showCase(visible());
        QCOMPARE(bar.memberCombo()->findData(clerk.id), -1);
    }

    void othersAreOfferedNothing_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("ofTheTeam");
        QTest::newRow("auditor") << int(Role::Auditor) << true;
        QTest::newRow("clerk of another team") << int(Role::Clerk) << false;
    }

    void othersAreOfferedNothing()
    {
        QFETCH(int, role);
        QFETCH(bool, ofTheTeam);
        CaseAssignmentBar bar(m_cache->db(), test::treeFellingUser(Role(role), ofTheTeam));
        bar.showCase(m_case);
        QVERIFY(!bar.claimButton()->isVisibleTo(&bar));
        QVERIFY(!bar.handBackButton()->isVisibleTo(&bar));
        QVERIFY(!bar.assignButton()->isVisibleTo(&bar));
    }

    // Asked all the same (a shortcut, an offer made before someone else took the case): the rules refuse, the
    // reason shows, nothing is queued.
    void refusalsShowTheirReason_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("takenMeanwhile");
        QTest::newRow("auditor") << int(Role::Auditor) << false;
        QTest::newRow("taken by a colleague meanwhile") << int(Role::Clerk) << true;
    }

    void refusalsShowTheirReason()
    {
        QFETCH(int, role);
        QFETCH(bool, takenMeanwhile);
        const User user = test::treeFellingUser(Role(role));
        CaseAssignmentBar bar(m_cache->db(), user);
        bar.showCase(m_case);
        if (takenMeanwhile) {
            Case taken = m_case;
            taken.assigneeId = test::treeFellingUser(Role::TeamLead).id;
            taken.version = 4;
            QVERIFY(CaseRepository(m_cache->db()).storeConfirmed({taken}));
        }
        QSignalSpy changed(&bar, &CaseAssignmentBar::outboxChanged);
        bar.claim();
        QCOMPARE(changed.count(), 0);
        QVERIFY(bar.errorLabel()->isVisibleTo(&bar));
        QVERIFY(!bar.errorLabel()->text().isEmpty());
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));
        // Another case clears the message.
        Case other = m_case;
        other.id = createUuidV7();
        bar.showCase(other);
        QVERIFY(!bar.errorLabel()->isVisibleTo(&bar));
    }

    void aClosedCaseOffersNothing()
    {
        Case closed = m_case;
        closed.closed = true;
        CaseAssignmentBar bar(m_cache->db(), test::treeFellingUser(Role::TeamLead));
        bar.showCase(closed);
        QVERIFY(!bar.claimButton()->isVisibleTo(&bar));
        QVERIFY(!bar.assignButton()->isVisibleTo(&bar));
        bar.clear();
        QVERIFY(bar.assigneeLabel()->text().isEmpty());
    }

private:
    Case visible() const { return CaseRepository(m_cache->db()).visibleCase(m_case.id).value().value(); }
    Command lastQueued() const
    {
        const Result<QList<OutboxEntry>> entries = Outbox(m_cache->db()).entries();
        return entries && !entries->isEmpty() ? entries->last().command : Command{};
    }

    Case m_case;
};

QTEST_MAIN(TestCaseAssignmentBar)
#include "tst_caseassignmentbar.moc"
