#include "storage/CommandCheck.h"

#include "casework/CommandRules.h"
#include "core/AccessPolicy.h"
#include "core/CaseAccessFacts.h"
#include "core/Clock.h"
#include "core/CommandReplay.h"
#include "core/Uuid.h"
#include "storage/ReferenceRepository.h"

#include <QCoreApplication>

namespace casedesk::storage {

namespace {

// The case a command is about: for createCase the one it makes (what the server checks the policy on).
Case subjectOf(const Command &command, const Case &visible)
{
    if (command.name != CommandName::CreateCase)
        return visible;
    Result<Case> created = Case::fromJson(command.args.value(QLatin1String("case")).toObject());
    return created ? std::move(created).value() : Case{};
}

} // namespace

CommandCheck::CommandCheck(SqliteDatabase &db) : m_db(db) {}

Result<void> CommandCheck::check(const Command &command, const QUuid &actor, Case *theCase)
{
    const Result<casework::RuleOutcome> outcome = apply(command, actor, true, theCase);
    if (!outcome)
        return outcome.error();
    if (!outcome->applied())
        return outcome->toError();
    return {};
}

Result<bool> CommandCheck::replay(const Command &command, const QUuid &actor, Case *theCase)
{
    const Result<casework::RuleOutcome> outcome = apply(command, actor, false, theCase);
    if (!outcome)
        return outcome.error();
    return outcome->applied();
}

Result<CommandCheck::Offer> CommandCheck::offer(const Case &theCase, const QUuid &actorId)
{
    const Result<std::optional<KnownActor>> known = actor(actorId);
    if (!known)
        return known.error();
    const Result<const casework::CaseTypeCatalogue *> caseTypes = catalogue();
    if (!caseTypes)
        return caseTypes.error();
    const demo::CaseTypeContent *content = caseTypes.value()->of(theCase);
    if (!known->has_value())
        return Offer{content != nullptr, content != nullptr, content != nullptr, {}};
    const KnownActor &who = known->value();
    const CaseAccessFacts facts = CaseAccessFacts::of(theCase);
    Offer offer;
    // Without the case type's rules here a change would be refused (unknown_case_type), so none is offered.
    offer.formEditable = content && AccessPolicy::mayRun(who.scope, facts, CommandName::SetFields).allowed();
    offer.followUpSettable = content && AccessPolicy::mayRun(who.scope, facts, CommandName::SetFollowUp).allowed();
    offer.documentsAttachable =
        content && AccessPolicy::mayRun(who.scope, facts, CommandName::AttachDocument).allowed();
    if (!content || !AccessPolicy::mayRun(who.scope, facts, CommandName::CompleteTask).allowed())
        return offer;
    const Result<workflow::WorkflowState> state =
        workflow::WorkflowState::fromJson(content->process, theCase.workflowState);
    if (state) // an unreadable state offers no task; completing one would be refused with the reason
        offer.tasks = workflow::WorkflowEngine::availableActions(content->process, state.value(), who.workflowActor);
    return offer;
}

Result<casework::RuleOutcome> CommandCheck::apply(const Command &command, const QUuid &actorId, bool allChecks,
                                                  Case *theCase)
{
    const Result<std::optional<KnownActor>> known = actor(actorId);
    if (!known)
        return known.error();
    const KnownActor *who = known->has_value() ? &known->value() : nullptr;
    const Case subject = subjectOf(command, *theCase);

    if (who && allChecks) {
        ReferenceRepository reference(m_db);
        const AccessPolicy::UserLookup users = [&reference](const QUuid &id) -> std::optional<User> {
            const Result<std::optional<User>> found = reference.user(id);
            return found ? found.value() : std::nullopt; // unreadable: unknown, and the check refuses
        };
        const AccessDecision decision =
            AccessPolicy::mayRun(who->scope, CaseAccessFacts::of(subject), command.name, command.args, users);
        // The cache holds every case the server lets the user see; one the policy cannot place here came through
        // a route newer than the cache's reference data (a deputyship it has not fetched yet), and the server
        // judges it.
        const bool unplaced =
            decision.outcome == AccessDecision::Outcome::NotVisible && command.name != CommandName::CreateCase;
        if (!decision.allowed() && !unplaced)
            return decision.toError();
    }

    // A task completed by a user whose roles the cache does not know yet: the engine cannot tell whether they
    // perform it, so the process moves on in view once the server has applied it.
    if (command.name == CommandName::CompleteTask && !who)
        return casework::RuleOutcome::apply();
    const Result<const casework::CaseTypeCatalogue *> caseTypes = catalogue();
    if (!caseTypes)
        return caseTypes.error();
    // A new case runs on the latest version of its type, any other on its own.
    const demo::CaseTypeContent *content = command.name == CommandName::CreateCase
                                               ? caseTypes.value()->latest(subject.caseType)
                                               : caseTypes.value()->of(subject);
    // A new command on a case whose version the reference data does not hold yet (deployed since the last
    // sync) waits for that data rather than being called a case type nobody knows.
    if (!content && allChecks && command.name != CommandName::CreateCase && caseTypes.value()->latest(subject.caseType))
        return casework::RuleOutcome::reject(
            QStringLiteral("version_unknown"),
            QCoreApplication::translate("Storage", "This case runs on version %1 of its process, which this computer "
                                                   "does not have yet. Connect to the server so that it can fetch "
                                                   "it, then try again.")
                .arg(subject.processVersion));
    // A pending command on a case type without rules here shows its plain effect; a new one is refused (the
    // rules' unknown_case_type), as the server refuses it.
    if (!content && !allChecks) {
        if (Result<void> replayed = replayCommand(command, actorId, theCase); !replayed)
            return casework::RuleOutcome::reject(QStringLiteral("invalid_args"), replayed.error().message);
        return casework::RuleOutcome::apply();
    }

    const workflow::Actor workflowActor = who ? who->workflowActor : workflow::Actor{uuidToString(actorId), {}, {}};
    const QDateTime made = command.madeAt.isValid() ? command.madeAt : Clock::current().now();
    Case changed = *theCase;
    casework::RuleOutcome outcome = casework::CommandRules::apply(
        command, workflowActor, content, made,
        allChecks ? casework::CommandRules::Checks::All : casework::CommandRules::Checks::EffectsOnly, &changed);
    if (!outcome.applied())
        return outcome;
    if (command.name == CommandName::CreateCase)
        changed.version = 0; // not confirmed by the server yet, whatever the opening counts
    *theCase = std::move(changed);
    return outcome;
}

Result<const casework::CaseTypeCatalogue *> CommandCheck::catalogue()
{
    if (!m_caseTypes) {
        Result<std::shared_ptr<const casework::CaseTypeCatalogue>> read = ReferenceRepository(m_db).caseTypes();
        if (!read)
            return read.error();
        m_caseTypes = std::move(read).value();
    }
    return m_caseTypes.get();
}

Result<std::optional<CommandCheck::KnownActor>> CommandCheck::actor(const QUuid &id)
{
    if (const auto cached = m_actors.constFind(id); cached != m_actors.cend())
        return *cached;
    ReferenceRepository reference(m_db);
    const Result<std::optional<User>> user = reference.user(id);
    if (!user)
        return user.error();
    std::optional<KnownActor> known;
    if (user->has_value()) {
        const Result<QList<Team>> teams = reference.teams();
        if (!teams)
            return teams.error();
        QStringList teamCodes; // in the order of the user's teams, as the server's session has them
        for (const QUuid &teamId : user->value().teamIds) {
            for (const Team &team : *teams) {
                if (team.id == teamId)
                    teamCodes.append(team.code);
            }
        }
        const Result<QList<Deputyship>> deputyships = reference.deputyships();
        if (!deputyships)
            return deputyships.error();
        const User &found = user->value();
        known = KnownActor{found, workflow::Actor{uuidToString(id), workflow::RoleSet(found.roles), teamCodes},
                           AccessScope::forUser(found, deputyships.value(), Clock::current())};
    }
    m_actors.insert(id, known);
    return known;
}

} // namespace casedesk::storage
