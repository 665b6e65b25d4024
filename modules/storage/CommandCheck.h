// The server's checks, made on the client before a command goes into the outbox, and the command's effects
// replayed over the confirmed state (DESIGN.md, decision 1): the permission policy (core/AccessPolicy) with
// the acting user's roles, teams and deputyships as the reference data has them, then the case rules
// (casework/CommandRules: workflow engine, form definition, compare-and-set). The server keeps the final word.
//
// What the cache cannot know is left to the server: a user the reference data does not hold yet (before the
// first sync) is checked by the form rules only, and a case the cache holds but the policy cannot place
// (a deputyship newer than the cache's reference data) is not refused here.
#pragma once

#include "casework/CaseTypeCatalogue.h"
#include "casework/RuleOutcome.h"
#include "core/AccessScope.h"
#include "core/Case.h"
#include "core/Command.h"
#include "core/Result.h"
#include "workflow/WorkflowEngine.h"

#include <QHash>

#include <memory>
#include <optional>

namespace casedesk::storage {

class SqliteDatabase;

class CommandCheck {
public:
    // Reads the reference data through `db` within the caller's transaction; lives no longer than it.
    explicit CommandCheck(SqliteDatabase &db);

    // A new command by `actor` on the visible state `theCase` (an empty Case for createCase): every check,
    // then its effects on `theCase`. Denied: NotFound or Invalid with the policy's reason; a rule's conflict
    // or rejection: Conflict or Invalid with its message. `theCase` is unchanged then.
    Result<void> check(const Command &command, const QUuid &actor, Case *theCase);

    // A pending command's effects on `theCase` (form problems are the server's to report). false, with the
    // case unchanged, when it no longer applies: the sync reports why.
    Result<bool> replay(const Command &command, const QUuid &actor, Case *theCase);

    // What to offer `actor` on the visible case `theCase`, by the same policy and engine as check(): whether
    // its form may be edited, its follow-up date set and documents attached, and the tasks they may complete
    // now. A user the reference data does not hold yet may edit (the server judges) and is offered no task
    // (roles unknown).
    struct Offer {
        bool formEditable = false;
        bool followUpSettable = false;
        bool documentsAttachable = false;
        QList<workflow::AvailableAction> tasks;
    };
    Result<Offer> offer(const Case &theCase, const QUuid &actor);

private:
    struct KnownActor {
        User user;
        workflow::Actor workflowActor;
        AccessScope scope;
    };
    // nullopt: the reference data does not hold the user.
    Result<std::optional<KnownActor>> actor(const QUuid &id);
    // The case types of the cache's reference data, read once per check object.
    Result<const casework::CaseTypeCatalogue *> catalogue();
    Result<casework::RuleOutcome> apply(const Command &command, const QUuid &actor, bool allChecks, Case *theCase);

    SqliteDatabase &m_db;
    QHash<QUuid, std::optional<KnownActor>> m_actors; // read once per check object
    std::shared_ptr<const casework::CaseTypeCatalogue> m_caseTypes;
};

} // namespace casedesk::storage
