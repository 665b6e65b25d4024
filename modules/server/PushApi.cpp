#include "server/PushApi.h"

#include "server/ApiReply.h"
#include "server/CaseStore.h"
#include "server/CommandProcessor.h"
#include "server/HttpApiServer.h"
#include "server/JsonFields.h"
#include "server/ServerLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>

namespace casedesk::server {

namespace {

ApiError invalidCommand(qsizetype index, const QString &problem)
{
    return {ApiError::Status::BadRequest, QStringLiteral("invalid_command"),
            QStringLiteral("commands[%1]: %2").arg(index).arg(problem)};
}

ApiResult<PushedCommand> parseCommand(const QJsonValue &value, qsizetype index)
{
    if (!value.isObject())
        return invalidCommand(index, QStringLiteral("a command must be a JSON object."));
    const QJsonObject object = value.toObject();
    // PostgreSQL's jsonb cannot hold U+0000; refusing it here keeps such a command from failing forever.
    if (QJsonDocument(object).toJson(QJsonDocument::Compact).contains("\\u0000"))
        return invalidCommand(index, QStringLiteral("text must not contain the character U+0000."));
    PushedCommand pushed;
    pushed.name = object.value(QLatin1String("name")).toString();
    CommandName name = CommandName::SetFields;
    pushed.known = commandNameFromString(pushed.name, &name);
    // An unknown name (a newer client's command) is rejected per command, so its sequence number is used and the
    // client is not stuck: only its envelope is checked, and it keeps its own args (any object).
    Result<Command> command =
        pushed.known || pushed.name.isEmpty() ? Command::fromJson(object) : Command::envelopeFromJson(object);
    if (!command)
        return invalidCommand(index, command.error().message);
    pushed.command = std::move(command).value();
    return pushed;
}

QHttpServerResponse push(const RequestContext &context)
{
    const ApiResult<QJsonObject> body = context.request.jsonObject();
    if (const ApiError *error = std::get_if<ApiError>(&body))
        return error->response();
    const QJsonObject &object = std::get<QJsonObject>(body);
    JsonFields fields(object);
    const QUuid clientId = fields.uuid(QStringLiteral("clientId"));
    if (!fields.ok())
        return fields.error().response();
    const QJsonValue commands = object.value(QLatin1String("commands"));
    if (!commands.isArray() || commands.toArray().isEmpty())
        return ApiError::invalidField(QStringLiteral("commands"), QStringLiteral("a non-empty array of commands"))
            .response();
    const QJsonArray array = commands.toArray();
    if (array.size() > PushApi::MaxBatch)
        return ApiError{ApiError::Status::PayloadTooLarge, QStringLiteral("batch_too_large"),
                        QStringLiteral("Push at most %1 commands at a time.").arg(PushApi::MaxBatch)}
            .response();
    if (clientId != context.session.clientId)
        return ApiError{ApiError::Status::Forbidden, QStringLiteral("client_mismatch"),
                        QStringLiteral("Push the commands of the installation you logged in with.")}
            .response();

    QList<PushedCommand> batch;
    batch.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        ApiResult<PushedCommand> parsed = parseCommand(array.at(i), i);
        if (const ApiError *error = std::get_if<ApiError>(&parsed))
            return error->response();
        PushedCommand &pushed = std::get<PushedCommand>(parsed);
        if (pushed.command.clientId != clientId || pushed.command.clientSeq < 1 ||
            (!batch.isEmpty() && pushed.command.clientSeq != batch.constLast().command.clientSeq + 1))
            return ApiError{ApiError::Status::BadRequest, QStringLiteral("invalid_batch"),
                            QStringLiteral("commands[%1]: the commands of a push are the pushing installation's, "
                                           "with consecutive clientSeq from 1 on.")
                                .arg(i)}
                .response();
        batch.append(std::move(pushed));
    }

    CommandProcessor processor(context.db, context.session);
    QJsonArray results;
    // The commands' own transactions do not announce their changes (CaseStore::announceChanges); the push does,
    // also when it stops at an error after some were applied.
    bool applied = false;
    const auto announce = qScopeGuard([&] {
        if (!applied)
            return;
        if (const Result<void> announced = CaseStore::announceChanges(context.db); !announced)
            qCWarning(lcServer).noquote() << "cannot announce pushed changes:" << announced.error().toString();
    });
    for (const PushedCommand &pushed : std::as_const(batch)) {
        const ApiResult<CommandResult> result = processor.process(pushed);
        if (const ApiError *error = std::get_if<ApiError>(&result))
            return error->response();
        const CommandResult &done = std::get<CommandResult>(result);
        applied = applied || done.outcome == CommandResult::Outcome::Applied;
        results.append(done.toJson());
    }
    return ApiReply::json({{QStringLiteral("results"), results}});
}

} // namespace

void PushApi::addRoutes(HttpApiServer &server)
{
    server.addAuthenticatedRoute(QStringLiteral("/api/v1/sync/push"), HttpApiServer::Method::Post, BodyLimit, push);
}

} // namespace casedesk::server
