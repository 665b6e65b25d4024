// The client's own check of a user's action before it enters the outbox (CommandCheck through Outbox::submit):
// the permission policy with the user's roles and teams from the reference data, the workflow engine and the
// form rules of the case type, and the replay of a pending completed task over the confirmed state.
#include "core/Uuid.h"
#include "mock/MockClock.h"
#include "storage/CaseRepository.h"
#include "storage/CommandCheck.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"

#include <QTest>

#include "TreeFellingCache.h"

using namespace casedesk;
using namespace casedesk::storage;
using test::fieldEdit;

namespace {

QJsonObject firstTask(const Case &c, const User &user)
{
    return test::firstTask(c, test::actorOf(user));
}

} // namespace

class TestCommandCheck : public QObject, private test::CaseworkFixture {
    Q_OBJECT

private slots:

    void init()
    {
        m_case = confirmedSample();
        m_case.assigneeId = {}; // unassigned, its process at the first task
        const QString filled = startCache(m_case);
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
    }

    void cleanup() { m_cache.reset(); }

    void aCompletedTaskMovesTheVisibleProcessOn()
    {
        const User clerk = test::treeFellingUser(Role::Clerk);
        const QJsonObject task = firstTask(m_case, clerk);
        QVERIFY(!task.isEmpty());
        auto done = Outbox(m_cache->db()).submit(CommandName::CompleteTask, m_case.id, task, clerk.id);
        QVERIFY2(done, qPrintable(done.error().toString()));

        auto visible = CaseRepository(m_cache->db()).visibleCase(m_case.id);
        QVERIFY(visible && *visible);
        QVERIFY((*visible)->workflowState != m_case.workflowState);
        QVERIFY(firstTask(**visible, clerk) != task); // the next task waits now
        // The confirmed state is the server's until it applied the command.
        auto confirmed = CaseRepository(m_cache->db()).confirmedCase(m_case.id);
        QCOMPARE((*confirmed)->workflowState, m_case.workflowState);

        // The same task a second time: it no longer waits, and the user hears so at once.
        auto again = Outbox(m_cache->db()).submit(CommandName::CompleteTask, m_case.id, task, clerk.id);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(1));
    }

    void anAuditorChangesNothing()
    {
        auto edit = Outbox(m_cache->db())
                        .submit(CommandName::SetFields, m_case.id,
                                fieldEdit(m_case, QStringLiteral("buildingPermit"), QStringLiteral("B-9")),
                                test::treeFellingUser(Role::Auditor).id);
        QVERIFY(!edit);
        QCOMPARE(edit.error().code, ErrorCode::Invalid);
        QVERIFY2(edit.error().message.contains(QStringLiteral("read")), qPrintable(edit.error().message));
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));
        QCOMPARE((*CaseRepository(m_cache->db()).visibleCase(m_case.id))->formData, m_case.formData);
    }

    // What the widgets offer comes from the same policy and engine as the check.
    void theOfferFollowsThePolicyAndTheProcess()
    {
        CommandCheck check(m_cache->db().sqlite());
        const User clerk = test::treeFellingUser(Role::Clerk);
        auto ofClerk = check.offer(m_case, clerk.id);
        QVERIFY2(ofClerk, qPrintable(ofClerk.error().toString()));
        QVERIFY(ofClerk->formEditable);
        QVERIFY(ofClerk->followUpSettable);
        QVERIFY(ofClerk->documentsAttachable);
        QCOMPARE(ofClerk->tasks.size(), 1);
        QCOMPARE(ofClerk->tasks.first().taskId, firstTask(m_case, clerk).value(QStringLiteral("taskId")).toString());

        for (const User &user : {test::treeFellingUser(Role::Auditor), test::treeFellingUser(Role::Clerk, false)}) {
            auto none = check.offer(m_case, user.id);
            QVERIFY2(none, qPrintable(none.error().toString()));
            QVERIFY(!none->formEditable);
            QVERIFY(!none->followUpSettable);
            QVERIFY(!none->documentsAttachable);
            QVERIFY(none->tasks.isEmpty());
        }

        // Someone the reference data does not hold yet: the server judges the edit; no task, roles unknown.
        auto unknown = check.offer(m_case, createUuidV7());
        QVERIFY(unknown && unknown->formEditable && unknown->tasks.isEmpty());

        // A case type without rules here: nothing to offer (a change would be refused).
        Case foreign = m_case;
        foreign.caseType = QStringLiteral("hundesteuer");
        auto ofForeign = check.offer(foreign, clerk.id);
        QVERIFY(ofForeign && !ofForeign->formEditable && ofForeign->tasks.isEmpty());
    }

    void onlyTheTeamLeadAssigns()
    {
        const User clerk = test::treeFellingUser(Role::Clerk);
        const QJsonObject toClerk{{QStringLiteral("expected"), QString()},
                                  {QStringLiteral("assignee"), uuidToString(clerk.id)}};
        auto byClerk = Outbox(m_cache->db()).submit(CommandName::Assign, m_case.id, toClerk, clerk.id);
        QVERIFY(!byClerk);
        QCOMPARE(byClerk.error().code, ErrorCode::Invalid);
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));

        auto byLead = Outbox(m_cache->db())
                          .submit(CommandName::Assign, m_case.id, toClerk, test::treeFellingUser(Role::TeamLead).id);
        QVERIFY2(byLead, qPrintable(byLead.error().toString()));
        QCOMPARE((*CaseRepository(m_cache->db()).visibleCase(m_case.id))->assigneeId, clerk.id);
    }

    void anEditTheFormRefusesIsNotQueued()
    {
        const User clerk = test::treeFellingUser(Role::Clerk);
        auto tooLong = Outbox(m_cache->db())
                           .submit(CommandName::SetFields, m_case.id,
                                   fieldEdit(m_case, QStringLiteral("reasonDetails"), QString(6000, u'x')), clerk.id);
        QVERIFY(!tooLong);
        QCOMPARE(tooLong.error().code, ErrorCode::Invalid);
        QVERIFY2(tooLong.error().message.contains(QStringLiteral("reasonDetails")),
                 qPrintable(tooLong.error().message));
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));

        auto fine = Outbox(m_cache->db())
                        .submit(CommandName::SetFields, m_case.id,
                                fieldEdit(m_case, QStringLiteral("reasonDetails"),
                                          QStringLiteral("Sturmschaden am Stamm, Astbruch droht")),
                                clerk.id);
        QVERIFY2(fine, qPrintable(fine.error().toString()));
        QCOMPARE(
            (*CaseRepository(m_cache->db()).visibleCase(m_case.id))->formData.value(QStringLiteral("reasonDetails")),
            QJsonValue(QStringLiteral("Sturmschaden am Stamm, Astbruch droht")));
    }

    // A team consulted on the case (the case says which) adds its statement; it changes nothing else.
    void aConsultedTeamWritesItsStatementOnly()
    {
        const User consulted = test::treeFellingUser(Role::Clerk, false); // of another department
        QVERIFY(!consulted.teamIds.isEmpty());
        Case shared = m_case;
        shared.consultingTeamIds = {consulted.teamIds.first()};
        QVERIFY(CaseRepository(m_cache->db()).storeConfirmed({shared}));

        auto edit =
            Outbox(m_cache->db())
                .submit(CommandName::SetFields, shared.id,
                        fieldEdit(shared, QStringLiteral("buildingPermit"), QStringLiteral("B-1")), consulted.id);
        QVERIFY(!edit);
        QCOMPARE(edit.error().code, ErrorCode::Invalid);
        QVERIFY2(edit.error().message.contains(QStringLiteral("consulted")), qPrintable(edit.error().message));
        const Note statement{createUuidV7(), shared.id, consulted.id, test::treeFellingDay,
                             QStringLiteral("Keine Bedenken aus Sicht des Naturschutzes.")};
        auto note =
            Outbox(m_cache->db())
                .submit(CommandName::AddNote, shared.id, {{QStringLiteral("note"), statement.toJson()}}, consulted.id);
        QVERIFY2(note, qPrintable(note.error().toString()));
        auto ended = Outbox(m_cache->db())
                         .submit(CommandName::EndConsultation, shared.id,
                                 {{QStringLiteral("team"), uuidToString(consulted.teamIds.first())}}, consulted.id);
        QVERIFY2(ended, qPrintable(ended.error().toString()));
        QVERIFY((*CaseRepository(m_cache->db()).visibleCase(shared.id))->consultingTeamIds.isEmpty());
    }

    void aCaseOfAnUnknownTypeIsNotCreated()
    {
        Case draft = m_case;
        draft.id = createUuidV7();
        draft.caseType = QStringLiteral("hundesteuer");
        draft.version = 0;
        auto created = Outbox(m_cache->db())
                           .submit(CommandName::CreateCase, draft.id, {{QStringLiteral("case"), draft.toJson()}},
                                   test::treeFellingUser(Role::Clerk).id);
        QVERIFY(!created);
        QVERIFY2(created.error().message.contains(QStringLiteral("hundesteuer")), qPrintable(created.error().message));
        QVERIFY(!*CaseRepository(m_cache->db()).visibleCase(draft.id));
    }

    // A case opened on a process version deployed after the cache's reference data: a new action waits for
    // that version (it is not called a case type nobody knows), a pending one still shows its plain effect.
    void aCaseOnAnUnknownVersionWaitsForTheReferenceData()
    {
        Case newer = m_case;
        newer.processVersion = 7;
        QVERIFY(CaseRepository(m_cache->db()).storeConfirmed({newer}));
        const User clerk = test::treeFellingUser(Role::Clerk);
        auto edit = Outbox(m_cache->db())
                        .submit(CommandName::SetFields, newer.id,
                                fieldEdit(newer, QStringLiteral("buildingPermit"), QStringLiteral("B-7")), clerk.id);
        QVERIFY(!edit);
        QCOMPARE(edit.error().code, ErrorCode::Invalid);
        QVERIFY2(edit.error().message.contains(QStringLiteral("version 7")), qPrintable(edit.error().message));
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));

        // The same edit made while the version was known, pending now: replayed by its plain effect.
        QVERIFY(CaseRepository(m_cache->db()).storeConfirmed({m_case}));
        auto pending =
            Outbox(m_cache->db())
                .submit(CommandName::SetFields, m_case.id,
                        fieldEdit(m_case, QStringLiteral("buildingPermit"), QStringLiteral("B-7")), clerk.id);
        QVERIFY2(pending, qPrintable(pending.error().toString()));
        QVERIFY(CaseRepository(m_cache->db()).storeConfirmed({newer}));
        auto visible = CaseRepository(m_cache->db()).visibleCase(newer.id);
        QVERIFY(visible && *visible);
        QCOMPARE((*visible)->formData.value(QStringLiteral("buildingPermit")), QJsonValue(QStringLiteral("B-7")));
    }

    void aNewCaseShowsItsProcessUnconfirmed()
    {
        Case draft = m_case;
        draft.id = createUuidV7();
        draft.workflowState = {};
        draft.statusText.clear();
        draft.version = 0;
        auto created = Outbox(m_cache->db())
                           .submit(CommandName::CreateCase, draft.id, {{QStringLiteral("case"), draft.toJson()}},
                                   test::treeFellingUser(Role::Clerk).id);
        QVERIFY2(created, qPrintable(created.error().toString()));
        auto visible = CaseRepository(m_cache->db()).visibleCase(draft.id);
        QVERIFY(visible && *visible);
        QVERIFY(!(*visible)->workflowState.isEmpty());
        QVERIFY(!(*visible)->statusText.isEmpty());
        QCOMPARE((*visible)->version, qint64(0)); // not confirmed by the server yet
    }

private:
    Case m_case;
};

QTEST_GUILESS_MAIN(TestCommandCheck)
#include "tst_commandcheck.moc"
