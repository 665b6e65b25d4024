#include "server/CommandProcessor.h"

#include "core/AccessPolicy.h"
#include "core/Clock.h"
#include "core/CommandReplay.h"
#include "core/JsonFields.h"
#include "core/Note.h"
#include "core/Uuid.h"
#include "demo/BundledContent.h"
#include "forms/FormValidator.h"
#include "server/AuditLog.h"
#include "server/BlobStore.h"
#include "server/CaseOpening.h"
#include "server/CaseStore.h"
#include "server/ServerLog.h"
#include "server/SqlError.h"
#include "workflow/WorkflowEngine.h"

#include <QJsonArray>

#include <algorithm>
#include <variant>

namespace casedesk::server {

namespace {

constexpr int maxProblemsInMessage = 5;

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

// Problems that make form data unacceptable. A missing required value is not one of them: a case is completed
// step by step (a Nachforderung waits for exactly such values), and the process asks for completeness where
// it matters.
QList<forms::FormProblem> blockingProblems(const forms::FormDefinition &definition, const QJsonObject &data,
                                           const QDate &today)
{
    return CaseOpening::problems(definition, data, today, CaseOpening::RequiredValues::MayBeMissing);
}

CommandResult invalidForm(const QList<forms::FormProblem> &problems)
{
    QStringList parts;
    for (const forms::FormProblem &problem : problems.mid(0, maxProblemsInMessage))
        parts.append(QStringLiteral("%1 (%2): %3").arg(problem.path, problem.codeString(), problem.message));
    return CommandResult::rejected(
        QStringLiteral("invalid_form"),
        QStringLiteral("The form data is not valid. Correct these fields: %1").arg(parts.join(QStringLiteral("; "))));
}

QString rejectionCode(workflow::Rejection rejection)
{
    switch (rejection) {
    case workflow::Rejection::NotAllowed:
        return QStringLiteral("task_not_allowed");
    case workflow::Rejection::FourEyesViolation:
        return QStringLiteral("four_eyes_violation");
    case workflow::Rejection::UnknownOutcome:
        return QStringLiteral("unknown_outcome");
    case workflow::Rejection::NoFlowMatched:
    case workflow::Rejection::ConditionFailed:
    case workflow::Rejection::Runaway:
        return QStringLiteral("process_error");
    case workflow::Rejection::None:
    case workflow::Rejection::TaskNotActive:
    case workflow::Rejection::TimerNotActive:
    case workflow::Rejection::TimerNotDue:
        break;
    }
    return QStringLiteral("workflow_rejected");
}

QJsonArray activeTaskIds(const workflow::ProcessModel &model, const workflow::WorkflowState &state)
{
    QJsonArray ids;
    for (const workflow::Token &token : state.tokens) {
        if (model.element(token.element).type == workflow::ElementType::UserTask)
            ids.append(model.element(token.element).id);
    }
    return ids;
}

// One command inside its transaction: checks and effects, but not the bookkeeping (stored result, change row,
// audit row, sequence) that every command shares.
class Execution {
public:
    Execution(CaseStore &store, const AuthSession &session, const AccessScope &scope, const PushedCommand &pushed,
              const QDateTime &now)
        : m_store(store), m_session(session), m_scope(scope), m_pushed(pushed), m_command(pushed.command), m_now(now),
          m_today(Clock::current().today())
    {
    }

    Result<CommandResult> run();
    bool changedCase() const { return m_changedCase; }

private:
    Result<CommandResult> onCase(StoredCase stored);
    Result<CommandResult> createCase();
    Result<CommandResult> setFields(Case &theCase, const demo::CaseTypeContent &content);
    Result<CommandResult> completeTask(Case &theCase, const demo::CaseTypeContent &content);
    Result<CommandResult> addNote(Case &theCase);
    Result<CommandResult> attachDocument(Case &theCase);
    Result<CommandResult> updateDocumentMeta(Case &theCase);
    Result<CommandResult> requestConsultation(Case &theCase, const StoredCase &stored);
    Result<CommandResult> setDeputy();
    Result<CommandResult> saveCase(Case &theCase);
    // Inserts the Vermerk (a taken id rejects the command) and saves the case.
    Result<CommandResult> saveCaseWithNote(Case &theCase, const Note &note);

    // The policy's answer; a database failure while it looked up users comes back as the error.
    Result<AccessDecision> mayRun(const CaseAccessFacts &facts);
    const demo::CaseTypeContent *content(const QString &caseType) const;

    CaseStore &m_store;
    const AuthSession &m_session;
    const AccessScope &m_scope;
    const PushedCommand &m_pushed;
    const Command &m_command;
    QDateTime m_now;
    QDate m_today;
    bool m_changedCase = false;
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

const demo::CaseTypeContent *Execution::content(const QString &caseType) const
{
    const Result<demo::BundledContent> &bundled = demo::BundledContent::instance();
    return bundled ? bundled->find(caseType) : nullptr;
}

Result<CommandResult> Execution::run()
{
    if (m_pushed.known && m_command.name == CommandName::SetDeputy)
        return setDeputy();
    Result<std::optional<StoredCase>> stored = m_store.lockCase(m_command.caseId);
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
        const CaseAccessFacts facts =
            CaseAccessFacts::of(stored.value()->theCase, stored.value()->openConsultationTeamIds);
        const AccessDecision read = AccessPolicy::mayRead(m_scope, facts);
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

Result<CommandResult> Execution::onCase(StoredCase stored)
{
    Case &theCase = stored.theCase;
    const Result<AccessDecision> decision = mayRun(CaseAccessFacts::of(theCase, stored.openConsultationTeamIds));
    if (!decision)
        return decision.error();
    // The policy allows no unknown command; on a visible case its reason says to update CaseDesk.
    if (!m_pushed.known && decision->outcome == AccessDecision::Outcome::Forbidden)
        return CommandResult::rejected(QStringLiteral("unknown_command"), decision->reason);
    if (!decision->allowed())
        return denied(decision.value());
    const demo::CaseTypeContent *caseType = content(theCase.caseType);

    switch (m_command.name) {
    case CommandName::SetFields:
        if (!caseType)
            break;
        return setFields(theCase, *caseType);
    case CommandName::CompleteTask:
        if (!caseType)
            break;
        return completeTask(theCase, *caseType);
    case CommandName::Assign:
    case CommandName::Claim: {
        if (Result<void> replayed = replayCommand(m_command, m_session.user.id, &theCase); !replayed) {
            if (replayed.error().code != ErrorCode::Conflict)
                return invalidArgs(replayed.error().message);
            return CommandResult::conflict(
                QStringLiteral("assignee_conflict"), replayed.error().message,
                {{QStringLiteral("assignee"),
                  QJsonObject{{QStringLiteral("server"), uuidToString(theCase.assigneeId)}}}});
        }
        return saveCase(theCase);
    }
    case CommandName::SetFollowUp:
        if (Result<void> replayed = replayCommand(m_command, m_session.user.id, &theCase); !replayed)
            return invalidArgs(replayed.error().message);
        return saveCase(theCase);
    case CommandName::AddNote:
        return addNote(theCase);
    case CommandName::RequestConsultation:
        return requestConsultation(theCase, stored);
    case CommandName::AttachDocument:
        return attachDocument(theCase);
    case CommandName::UpdateDocumentMeta:
        return updateDocumentMeta(theCase);
    case CommandName::CreateCase: // handled in run()
    case CommandName::SetDeputy:
        break;
    }
    return CommandResult::rejected(QStringLiteral("unknown_case_type"),
                                   QStringLiteral("The server has no process model or form for the case type \"%1\". "
                                                  "Tell the administrator.")
                                       .arg(theCase.caseType));
}

Result<CommandResult> Execution::saveCase(Case &theCase)
{
    theCase.version += 1;
    theCase.updatedAt = m_now;
    if (Result<void> saved = m_store.updateCase(theCase); !saved)
        return saved.error();
    m_changedCase = true;
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
    const demo::CaseTypeContent *caseType = content(theCase.caseType);
    if (!caseType)
        return CommandResult::rejected(
            QStringLiteral("unknown_case_type"),
            QStringLiteral("There is no case type \"%1\" on the server. Choose another.").arg(theCase.caseType));

    const Result<std::optional<CaseRefusal>> opened =
        CaseOpening::open(m_store, *caseType, CaseOpening::RequiredValues::MayBeMissing, m_now, &theCase);
    if (!opened)
        return opened.error();
    if (const std::optional<CaseRefusal> &refusal = opened.value()) {
        if (refusal->code == QLatin1String("invalid_form"))
            return invalidForm(refusal->problems);
        return CommandResult::rejected(refusal->code, refusal->message);
    }
    m_changedCase = true;
    return CommandResult::applied(theCase.version);
}

Result<CommandResult> Execution::setFields(Case &theCase, const demo::CaseTypeContent &content)
{
    const QList<forms::FormProblem> before = blockingProblems(content.form, theCase.formData, m_today);
    const QJsonObject server = theCase.formData;
    if (Result<void> replayed = replayCommand(m_command, m_session.user.id, &theCase); !replayed) {
        if (replayed.error().code != ErrorCode::Conflict)
            return invalidArgs(replayed.error().message);
        // Every field whose expectation failed, with the server's value, so the client shows them all at once.
        QJsonObject conflicts;
        const QJsonObject fields = m_command.args.value(QLatin1String("fields")).toObject();
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            const QJsonValue current = server.contains(it.key()) ? server.value(it.key()) : QJsonValue();
            if (current != it.value().toObject().value(QLatin1String("old")))
                conflicts.insert(it.key(), QJsonObject{{QStringLiteral("server"), current}});
        }
        return CommandResult::conflict(QStringLiteral("field_conflict"), replayed.error().message, conflicts);
    }
    theCase.formData = forms::FormValidator::normalize(content.form, theCase.formData);
    QList<forms::FormProblem> added = blockingProblems(content.form, theCase.formData, m_today);
    // Only problems this edit brings count: older data that a newer definition dislikes must not block the case.
    added.removeIf([&before](const forms::FormProblem &problem) {
        return std::any_of(before.cbegin(), before.cend(), [&problem](const forms::FormProblem &old) {
            return old.path == problem.path && old.code == problem.code && old.rule == problem.rule;
        });
    });
    if (!added.isEmpty())
        return invalidForm(added);
    return saveCase(theCase);
}

Result<CommandResult> Execution::completeTask(Case &theCase, const demo::CaseTypeContent &content)
{
    // The args' shape is checked with the command (validateCommandArgs); absent and null texts are "".
    const QJsonObject &args = m_command.args;
    const QString taskId = args.value(QLatin1String("taskId")).toString();
    const QString outcome = args.value(QLatin1String("outcome")).toString();
    const QString noteText = args.value(QLatin1String("note")).toString();
    const Result<workflow::WorkflowState> state =
        workflow::WorkflowState::fromJson(content.process, theCase.workflowState);
    if (!state)
        return CommandResult::rejected(QStringLiteral("case_unreadable"), state.error().message);
    workflow::Actor actor{uuidToString(m_session.user.id), workflow::RoleSet(m_session.user.roles),
                          m_session.teamCodes};
    const workflow::TransitionResult transition = workflow::WorkflowEngine::apply(
        content.process, state.value(), {taskId, outcome, theCase.formData}, actor, m_now);
    if (!transition) {
        // The task is done or not reached yet: compare-and-set on the process, like the assignee.
        if (transition.rejection() == workflow::Rejection::TaskNotActive)
            return CommandResult::conflict(
                QStringLiteral("task_conflict"), transition.error().message,
                {{QStringLiteral("task"),
                  QJsonObject{{QStringLiteral("server"), activeTaskIds(content.process, state.value())}}}});
        return CommandResult::rejected(rejectionCode(transition.rejection()), transition.error().message);
    }
    CaseOpening::takeTransition(content.process, transition.value(), &theCase);
    if (!noteText.isEmpty())
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

Result<CommandResult> Execution::requestConsultation(Case &theCase, const StoredCase &stored)
{
    const QUuid teamId = uuidFromString(m_command.args.value(QLatin1String("team")).toString());
    const Result<bool> exists = m_store.teamExists(teamId);
    if (!exists)
        return exists.error();
    if (!exists.value() || teamId == theCase.teamId)
        return invalidArgs(QStringLiteral("Consult an existing team other than the case's own."));
    if (stored.openConsultationTeamIds.contains(teamId))
        return CommandResult::rejected(QStringLiteral("already_consulted"),
                                       QStringLiteral("This team is consulted on the case already."));
    if (Result<void> inserted = m_store.insertConsultation(m_command.id, theCase.id, teamId, m_session.user.id);
        !inserted)
        return inserted.error();
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
                const PushedCommand &pushed)
{
    const Command &command = pushed.command;
    if (!db.transaction())
        return databaseError(db.lastError());
    const auto fail = [&db](Attempt attempt) {
        db.rollback();
        return attempt;
    };
    CaseStore store(db);
    const Result<bool> advanced = store.advanceSequence(command.clientId, session.user.id, command.clientSeq);
    if (!advanced)
        return fail(advanced.error());
    if (!advanced.value()) {
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

    if (!scope) {
        Result<AccessScope> read = scopeOf(store, session);
        if (!read)
            return fail(read.error());
        scope = std::move(read).value();
    }
    const QDateTime now = Clock::current().now();
    Execution execution(store, session, *scope, pushed, now);
    Result<CommandResult> decided = execution.run();
    if (!decided)
        return fail(decided.error());
    CommandResult result = std::move(decided).value();
    result.commandId = command.id;
    result.clientSeq = command.clientSeq;
    const bool applied = result.outcome == CommandResult::Outcome::Applied;
    const bool changed = applied && execution.changedCase();
    const Result<bool> stored = store.storeCommand(command, pushed.name, session.user.id, result,
                                                   changed ? CaseStore::ChangeRow::Add : CaseStore::ChangeRow::None);
    if (!stored)
        return fail(stored.error());
    // Checked by the insert itself, after the effects: the error rolls them back.
    if (!stored.value())
        return fail(ApiError{ApiError::Status::Conflict, QStringLiteral("duplicate_command_id"),
                             QStringLiteral("The command id %1 was pushed with another clientSeq already. Give every "
                                            "command its own id.")
                                 .arg(uuidToString(command.id))});
    if (applied) {
        if (Result<void> audited = AuditLog(db).append(command, session.user.id, now,
                                                       changed ? AuditLog::ChainLock::Held : AuditLog::ChainLock::Take);
            !audited)
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
        Attempt outcome = runOnce(m_db, m_session, m_scope, pushed);
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
