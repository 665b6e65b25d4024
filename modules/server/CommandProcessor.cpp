#include "server/CommandProcessor.h"

#include "casework/CommandRules.h"
#include "core/AccessPolicy.h"
#include "core/Clock.h"
#include "core/CommandReplay.h"
#include "core/JsonFields.h"
#include "core/Note.h"
#include "core/Uuid.h"
#include "server/AuditLog.h"
#include "server/BlobStore.h"
#include "server/CaseOpening.h"
#include "server/CaseStore.h"
#include "server/DeployedCaseTypes.h"
#include "server/ServerLog.h"
#include "server/SqlError.h"
#include "workflow/WorkflowEngine.h"

#include <variant>

namespace casedesk::server {

namespace {

using Attempt = std::variant<CommandResult, ApiError, Error>;

CommandResult denied(const AccessDecision &decision)
{
    return CommandResult::rejected(decision.outcome == AccessDecision::Outcome::NotVisible
                                       ? QStringLiteral("not_found")
                                       : QStringLiteral("forbidden"),
                                   decision.reason);
}

CommandResult invalidArgs(const QString &message)
{
    return CommandResult::rejected(QStringLiteral("invalid_args"), message);
}

// The case rules' answer as the command's result.
CommandResult resultOf(const casework::RuleOutcome &outcome)
{
    if (outcome.kind == casework::RuleOutcome::Kind::Conflict)
        return CommandResult::conflict(outcome.code, outcome.message, outcome.serverValues);
    return CommandResult::rejected(outcome.code, outcome.message);
}

// One command inside its transaction: checks and effects, but not the bookkeeping (stored result, change row,
// audit row, sequence) that every command shares.
class Execution {
public:
    Execution(CaseStore &store, const AuthSession &session, const AccessScope &scope,
              const casework::CaseTypeCatalogue &caseTypes, const PushedCommand &pushed, const QDateTime &now)
        : m_store(store), m_session(session), m_scope(scope), m_caseTypes(caseTypes), m_pushed(pushed),
          m_command(pushed.command), m_now(now), m_today(Clock::current().today())
    {
    }

    // `stored`: the command's case, locked by the caller (CaseStore::lockCase()).
    Result<CommandResult> run(Result<std::optional<Case>> stored);
    // The case as the command left it; its row is written with the command's (CaseStore::storeCommand).
    std::optional<CaseStore::ChangedCase> changedCase() const
    {
        if (!m_changed)
            return std::nullopt;
        return CaseStore::ChangedCase{&*m_changed, m_changedRow, m_now, m_today.year()};
    }

private:
    Result<CommandResult> onCase(Case theCase);
    Result<CommandResult> createCase();
    // setFields, completeTask, assign, claim, setFollowUp: what the case rules do to the case.
    Result<CommandResult> byRules(Case &theCase);
    Result<CommandResult> addNote(Case &theCase);
    Result<CommandResult> attachDocument(Case &theCase);
    Result<CommandResult> updateDocumentMeta(Case &theCase);
    Result<CommandResult> requestConsultation(Case &theCase);
    Result<CommandResult> endConsultation(Case &theCase);
    Result<CommandResult> setDeputy();
    // The case's next version, written with the command's row.
    CommandResult saveCase(Case &theCase);
    // Inserts the Vermerk (a taken id rejects the command) and saves the case.
    Result<CommandResult> saveCaseWithNote(Case &theCase, const Note &note);

    // The policy's answer; a database failure while it looked up users comes back as the error.
    Result<AccessDecision> mayRun(const CaseAccessFacts &facts);

    CaseStore &m_store;
    const AuthSession &m_session;
    const AccessScope &m_scope;
    const casework::CaseTypeCatalogue &m_caseTypes;
    const PushedCommand &m_pushed;
    const Command &m_command;
    QDateTime m_now;
    QDate m_today;
    std::optional<Case> m_changed;
    CaseStore::ChangedCase::Row m_changedRow = CaseStore::ChangedCase::Row::ToUpdate;
};

Result<AccessDecision> Execution::mayRun(const CaseAccessFacts &facts)
{
    std::optional<Error> failure;
    const AccessPolicy::UserLookup users = [this, &failure](const QUuid &id) -> std::optional<User> {
        const Result<std::optional<User>> user = m_store.user(id);
        if (!user) {
            failure = user.error();
            return std::nullopt;
        }
        return user.value();
    };
    const AccessDecision decision = m_pushed.known
                                        ? AccessPolicy::mayRun(m_scope, facts, m_command.name, m_command.args, users)
                                        : AccessPolicy::mayRun(m_scope, facts, m_pushed.name, m_command.args, users);
    if (failure)
        return *failure;
    return decision;
}

Result<CommandResult> Execution::run(Result<std::optional<Case>> stored)
{
    if (m_pushed.known && m_command.name == CommandName::SetDeputy)
        return setDeputy();
    if (!stored && stored.error().code == ErrorCode::Corrupt) {
        qCWarning(lcServer).noquote() << "unreadable case:" << stored.error().toString();
        return CommandResult::rejected(QStringLiteral("case_unreadable"),
                                       QStringLiteral("The server cannot read this case. Tell the administrator."));
    }
    if (!stored)
        return stored.error();
    if (m_pushed.known && m_command.name == CommandName::CreateCase) {
        if (!stored.value())
            return createCase();
        // Only someone who may read the case learns that the id is taken.
        const AccessDecision read = AccessPolicy::mayRead(m_scope, CaseAccessFacts::of(*stored.value()));
        if (read.outcome == AccessDecision::Outcome::NotVisible)
            return denied(read);
        return CommandResult::rejected(QStringLiteral("case_exists"),
                                       QStringLiteral("A case with this id exists already. Discard this new case."));
    }
    if (!stored.value()) {
        const Result<bool> creationRejected = m_store.creationRejected(m_command.caseId, m_session.user.id);
        if (!creationRejected)
            return creationRejected.error();
        if (creationRejected.value())
            return CommandResult::rejected(QStringLiteral("case_rejected"),
                                           QStringLiteral("The server rejected the creation of this case, so this "
                                                          "change cannot be applied either. Discard it."));
        return denied(AccessDecision::notVisible());
    }
    return onCase(std::move(stored.value()).value());
}

Result<CommandResult> Execution::onCase(Case theCase)
{
    const Result<AccessDecision> decision = mayRun(CaseAccessFacts::of(theCase));
    if (!decision)
        return decision.error();
    // The policy allows no unknown command; on a visible case its reason says to update CaseDesk.
    if (!m_pushed.known && decision->outcome == AccessDecision::Outcome::Forbidden)
        return CommandResult::rejected(QStringLiteral("unknown_command"), decision->reason);
    if (!decision->allowed())
        return denied(decision.value());
    switch (m_command.name) {
    case CommandName::SetFields:
    case CommandName::CompleteTask:
    case CommandName::Assign:
    case CommandName::Claim:
    case CommandName::SetFollowUp:
        return byRules(theCase);
    case CommandName::AddNote:
        return addNote(theCase);
    case CommandName::RequestConsultation:
        return requestConsultation(theCase);
    case CommandName::EndConsultation:
        return endConsultation(theCase);
    case CommandName::AttachDocument:
        return attachDocument(theCase);
    case CommandName::UpdateDocumentMeta:
        return updateDocumentMeta(theCase);
    case CommandName::CreateCase: // handled in run()
    case CommandName::SetDeputy:
        break;
    }
    return invalidArgs(QStringLiteral("This command does not change a case."));
}

CommandResult Execution::saveCase(Case &theCase)
{
    theCase.version += 1;
    theCase.updatedAt = m_now;
    m_changed = theCase;
    m_changedRow = CaseStore::ChangedCase::Row::ToUpdate;
    return CommandResult::applied(theCase.version);
}

Result<CommandResult> Execution::createCase()
{
    Case theCase;
    if (Result<void> replayed = replayCommand(m_command, m_session.user.id, &theCase); !replayed)
        return invalidArgs(replayed.error().message);
    const Result<AccessDecision> decision = mayRun(CaseAccessFacts::of(theCase));
    if (!decision)
        return decision.error();
    if (!decision->allowed())
        return denied(decision.value());
    const demo::CaseTypeContent *caseType = m_caseTypes.latest(theCase.caseType);
    if (!caseType)
        return CommandResult::rejected(
            QStringLiteral("unknown_case_type"),
            QStringLiteral("There is no case type \"%1\" on the server. Choose another.").arg(theCase.caseType));

    const Result<std::optional<CaseRefusal>> opened =
        CaseOpening::open(m_store, *caseType, casework::CommandRules::RequiredValues::MayBeMissing, m_now, &theCase);
    if (!opened)
        return opened.error();
    if (const std::optional<CaseRefusal> &refusal = opened.value())
        return CommandResult::rejected(refusal->code, refusal->message);
    m_changed = theCase;
    m_changedRow = CaseStore::ChangedCase::Row::ToInsert;
    return CommandResult::applied(theCase.version);
}

Result<CommandResult> Execution::byRules(Case &theCase)
{
    const workflow::Actor actor{uuidToString(m_session.user.id), workflow::RoleSet(m_session.user.roles),
                                m_session.teamCodes};
    if (const casework::RuleOutcome outcome = casework::CommandRules::apply(
            m_command, actor, m_caseTypes.of(theCase), m_now, casework::CommandRules::Checks::All, &theCase);
        !outcome.applied())
        return resultOf(outcome);
    // A Vermerk written with the completed task.
    if (const QString noteText = m_command.args.value(QLatin1String("note")).toString();
        m_command.name == CommandName::CompleteTask && !noteText.isEmpty())
        return saveCaseWithNote(theCase, {m_command.id, theCase.id, m_session.user.id, m_now, noteText});
    return saveCase(theCase);
}

Result<CommandResult> Execution::addNote(Case &theCase)
{
    Result<Note> parsed = Note::fromJson(m_command.args.value(QLatin1String("note")).toObject());
    if (!parsed)
        return invalidArgs(parsed.error().message);
    Note note = std::move(parsed).value();
    // The server says who wrote it and when; a client cannot write in someone else's name.
    note.authorId = m_session.user.id;
    note.createdAt = m_now;
    return saveCaseWithNote(theCase, note);
}

Result<CommandResult> Execution::saveCaseWithNote(Case &theCase, const Note &note)
{
    const Result<bool> inserted = m_store.insertNote(note);
    if (!inserted)
        return inserted.error();
    if (!inserted.value())
        return CommandResult::rejected(QStringLiteral("note_exists"),
                                       QStringLiteral("A note with this id exists already. Discard this note."));
    return saveCase(theCase);
}

Result<CommandResult> Execution::attachDocument(Case &theCase)
{
    Result<DocumentRef> parsed = DocumentRef::fromJson(m_command.args.value(QLatin1String("document")).toObject());
    if (!parsed)
        return invalidArgs(parsed.error().message);
    DocumentRef document = std::move(parsed).value();
    // Only content the user had (uploaded) or may read already (through another case in scope) can be attached:
    // else knowing a hash would be enough to copy another team's document into one's own case and read it.
    // Missing and not visible are one answer, so the hash reveals nothing.
    const Result<std::optional<BlobStatus>> blob =
        BlobStore(m_store.database()).status(*BlobStore::parseSha256(document.sha256), m_scope);
    if (!blob)
        return blob.error();
    if (!blob.value() || !blob.value()->complete)
        return CommandResult::rejected(QStringLiteral("blob_missing"),
                                       QStringLiteral("The server does not have this document's content. Upload it "
                                                      "first, then push again."));
    if (blob.value()->size != document.size)
        return invalidArgs(QStringLiteral("The document's size (%1 bytes) is not the size of its content (%2 bytes).")
                               .arg(document.size)
                               .arg(blob.value()->size));
    const Result<bool> exists = m_store.documentExists(document.id);
    if (!exists)
        return exists.error();
    if (exists.value())
        return CommandResult::rejected(QStringLiteral("document_exists"),
                                       QStringLiteral("A document with this id exists already. Discard this one."));
    document.addedAt = m_now; // the server's clock decides
    if (Result<void> inserted = m_store.insertDocument(document, m_session.user.id); !inserted)
        return inserted.error();
    return saveCase(theCase);
}

Result<CommandResult> Execution::updateDocumentMeta(Case &theCase)
{
    // The args' shape is checked with the command (validateCommandArgs); a null name or kind is not given.
    const QJsonObject &args = m_command.args;
    const QUuid documentId = uuidFromString(args.value(QLatin1String("documentId")).toString());
    const QJsonValue name = args.value(QLatin1String("name"));
    DocumentKind kind = DocumentKind::Other;
    const bool kindGiven = documentKindFromString(args.value(QLatin1String("kind")).toString(), &kind);
    const Result<bool> updated = m_store.updateDocumentMeta(
        documentId, theCase.id, name.isString() ? std::optional<QString>(name.toString()) : std::nullopt,
        kindGiven ? std::optional<DocumentKind>(kind) : std::nullopt);
    if (!updated)
        return updated.error();
    if (!updated.value())
        return CommandResult::rejected(QStringLiteral("document_not_found"),
                                       QStringLiteral("This case has no such document. Discard the change."));
    return saveCase(theCase);
}

Result<CommandResult> Execution::requestConsultation(Case &theCase)
{
    const QUuid teamId = uuidFromString(m_command.args.value(QLatin1String("team")).toString());
    const Result<bool> exists = m_store.teamExists(teamId);
    if (!exists)
        return exists.error();
    if (!exists.value() || teamId == theCase.teamId)
        return invalidArgs(QStringLiteral("Consult an existing team other than the case's own."));
    if (theCase.consultingTeamIds.contains(teamId))
        return CommandResult::rejected(QStringLiteral("already_consulted"),
                                       QStringLiteral("This team is consulted on the case already."));
    if (Result<void> inserted = m_store.insertConsultation(m_command.id, theCase.id, teamId, m_session.user.id);
        !inserted)
        return inserted.error();
    // The case carries its consulting teams too, for offline clients (core's replay keeps the list).
    if (Result<void> replayed = replayCommand(m_command, m_session.user.id, &theCase); !replayed)
        return invalidArgs(replayed.error().message);
    return saveCase(theCase);
}

Result<CommandResult> Execution::endConsultation(Case &theCase)
{
    const QUuid teamId = uuidFromString(m_command.args.value(QLatin1String("team")).toString());
    if (!theCase.consultingTeamIds.contains(teamId))
        return CommandResult::rejected(QStringLiteral("not_consulted"),
                                       QStringLiteral("This team is not consulted on the case (any more). Discard "
                                                      "the change."));
    if (Result<void> ended = m_store.endConsultation(theCase.id, teamId, m_command.id); !ended)
        return ended.error();
    if (Result<void> replayed = replayCommand(m_command, m_session.user.id, &theCase); !replayed)
        return invalidArgs(replayed.error().message);
    return saveCase(theCase);
}

Result<CommandResult> Execution::setDeputy()
{
    // The args' shape is checked with the command (validateCommandArgs); absent and null dates are open ends.
    const QJsonObject &args = m_command.args;
    const QUuid absent = uuidFromString(args.value(QLatin1String("user")).toString());
    const QUuid deputyId = uuidFromString(args.value(QLatin1String("deputy")).toString());
    const QDate from = json::dateFromString(args.value(QLatin1String("from")).toString()).value_or(QDate());
    const QDate until = json::dateFromString(args.value(QLatin1String("until")).toString()).value_or(QDate());
    const Result<AccessDecision> decision = mayRun({});
    if (!decision)
        return decision.error();
    if (!decision->allowed())
        return denied(decision.value());
    if (deputyId.isNull()) {
        if (Result<void> ended = m_store.endDeputyships(absent, m_today); !ended)
            return ended.error();
    } else if (Result<void> inserted =
                   m_store.insertDeputyship(m_command.id, Deputyship{absent, deputyId, from, until}, m_session.user.id);
               !inserted) {
        return inserted.error();
    }
    return CommandResult::applied(0);
}

} // namespace

CommandProcessor::CommandProcessor(QSqlDatabase db, const AuthSession &session)
    : m_db(std::move(db)), m_session(session)
{
}

namespace {

Result<AccessScope> scopeOf(CaseStore &store, const AuthSession &session)
{
    const Result<QList<Deputyship>> deputyships = store.deputyshipsOf(session.user.id);
    if (!deputyships)
        return deputyships.error();
    return AccessScope::forUser(session.user, deputyships.value(), Clock::current());
}

Attempt runOnce(QSqlDatabase &db, const AuthSession &session, std::optional<AccessScope> &scope,
                std::shared_ptr<const casework::CaseTypeCatalogue> &caseTypes, const PushedCommand &pushed)
{
    const Command &command = pushed.command;
    if (!db.transaction())
        return databaseError(db.lastError());
    const auto fail = [&db](Attempt attempt) {
        db.rollback();
        return attempt;
    };
    CaseStore store(db);
    Result<CaseStore::SequenceAndCase> advanced =
        store.advanceSequenceLockingCase(command.clientId, session.user.id, command.clientSeq, command.caseId);
    if (!advanced)
        return fail(advanced.error());
    if (!advanced->advanced) {
        const Result<ClientSequence> sequence = store.lockClientSequence(command.clientId, session.user.id);
        if (!sequence)
            return fail(sequence.error());
        if (sequence->userId != session.user.id)
            return fail(ApiError{ApiError::Status::Forbidden, QStringLiteral("client_mismatch"),
                                 QStringLiteral("This client installation belongs to another user. Log in again.")});
        if (command.clientSeq <= sequence->lastApplied) {
            const Result<std::optional<CommandResult>> stored = store.storedResult(command.clientId, command.clientSeq);
            if (!stored)
                return fail(stored.error());
            db.rollback(); // nothing was written
            if (!stored.value())
                return ApiError{ApiError::Status::Conflict, QStringLiteral("sequence_unknown"),
                                QStringLiteral("The server has no result for clientSeq %1.").arg(command.clientSeq)};
            return *stored.value();
        }
        if (command.clientSeq > sequence->lastApplied + 1)
            return fail(ApiError{ApiError::Status::Conflict, QStringLiteral("sequence_gap"),
                                 QStringLiteral("clientSeq %1 cannot be applied before %2: push the commands from "
                                                "clientSeq %2 on, in order.")
                                     .arg(command.clientSeq)
                                     .arg(sequence->lastApplied + 1)});
        // The first command of a new installation.
        if (Result<void> set = store.setLastApplied(command.clientId, command.clientSeq); !set)
            return fail(set.error());
    }
    Result<std::optional<Case>> locked =
        advanced->advanced ? std::move(advanced).value().locked : store.lockCase(command.caseId);

    if (!scope) {
        Result<AccessScope> read = scopeOf(store, session);
        if (!read)
            return fail(read.error());
        scope = std::move(read).value();
    }
    if (!caseTypes) {
        Result<std::shared_ptr<const casework::CaseTypeCatalogue>> read = DeployedCaseTypes::current(db);
        if (!read)
            return fail(read.error());
        caseTypes = std::move(read).value();
    }
    const QDateTime now = Clock::current().now();
    Execution execution(store, session, *scope, *caseTypes, pushed, now);
    Result<CommandResult> decided = execution.run(std::move(locked));
    if (!decided)
        return fail(decided.error());
    CommandResult result = std::move(decided).value();
    result.commandId = command.id;
    result.clientSeq = command.clientSeq;
    const bool applied = result.outcome == CommandResult::Outcome::Applied;
    const std::optional<CaseStore::ChangedCase> changed = applied ? execution.changedCase() : std::nullopt;
    const Result<bool> stored = store.storeCommand(command, pushed.name, session.user.id, result, changed);
    if (!stored)
        return fail(stored.error());
    // Checked by the insert itself, after the effects: the error rolls them back.
    if (!stored.value())
        return fail(ApiError{ApiError::Status::Conflict, QStringLiteral("duplicate_command_id"),
                             QStringLiteral("The command id %1 was pushed with another clientSeq already. Give every "
                                            "command its own id.")
                                 .arg(uuidToString(command.id))});
    // A command that changed its case got its audit row with the command's (setDeputy changes none).
    if (applied && !changed) {
        if (Result<void> audited = AuditLog(db).append(command, session.user.id, now); !audited)
            return fail(audited.error());
    }
    if (!db.commit())
        return fail(CaseStore::sqlError(db.lastError()));
    // A deputyship the user set may widen or narrow their scope for the next command.
    if (pushed.known && command.name == CommandName::SetDeputy && result.outcome == CommandResult::Outcome::Applied)
        scope.reset();
    return result;
}

} // namespace

ApiResult<CommandResult> CommandProcessor::process(const PushedCommand &pushed)
{
    for (int attempt = 1;; ++attempt) {
        Attempt outcome = runOnce(m_db, m_session, m_scope, m_caseTypes, pushed);
        if (CommandResult *result = std::get_if<CommandResult>(&outcome))
            return *result;
        if (ApiError *error = std::get_if<ApiError>(&outcome))
            return *error;
        const Error &error = std::get<Error>(outcome);
        if (error.code == ErrorCode::Conflict && attempt < MaxAttempts) {
            qCInfo(lcServer).noquote() << "retrying command" << uuidToString(pushed.command.id) << error.detail;
            continue;
        }
        qCWarning(lcServer).noquote() << "command" << uuidToString(pushed.command.id) << "failed:" << error.toString();
        return ApiError::unavailable();
    }
}

} // namespace casedesk::server
