#include "workflow/WorkflowState.h"

#include "core/JsonFields.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace casedesk::workflow {

namespace {

const QLatin1String processKey("process");
const QLatin1String variablesKey("variables");
const QLatin1String tokensKey("tokens");
const QLatin1String timersKey("timers");
const QLatin1String completedByKey("completedBy");
const QLatin1String nextIdKey("nextId");
const QLatin1String endedKey("ended");
const QLatin1String terminatedKey("terminated");
const QLatin1String idKey("id");
const QLatin1String elementKey("element");
const QLatin1String scopeKey("scope");
const QLatin1String viaKey("via");
const QLatin1String sinceKey("since");
const QLatin1String dueKey("due");
const QLatin1String eventKey("event");
const QLatin1String tokenKey("token");
const QLatin1String remainingKey("remaining");

constexpr qint64 maxId = 1'000'000'000;

QString wrongElementTemplate()
{
    return QCoreApplication::translate("Workflow", "The field “%1” does not fit the process model: the case was "
                                                   "started with another version of the process.");
}

// Elements a token can wait at.
bool canWaitAt(const Element &element)
{
    switch (element.type) {
    case ElementType::UserTask:
    case ElementType::TimerCatchEvent:
    case ElementType::SubProcess:
        return true;
    case ElementType::ParallelGateway:
    case ElementType::InclusiveGateway:
        return element.incoming.size() > 1;
    default:
        return false;
    }
}

} // namespace

const Token *WorkflowState::token(int id) const
{
    for (const Token &t : tokens) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

QJsonObject WorkflowState::toJson(const ProcessModel &model) const
{
    QJsonArray tokenArray;
    for (const Token &t : tokens) {
        QJsonObject json{{idKey, t.id}, {elementKey, model.element(t.element).id}};
        if (t.scope != 0)
            json.insert(scopeKey, t.scope);
        if (t.via >= 0)
            json.insert(viaKey, model.flow(t.via).id);
        json::putDateTime(json, sinceKey, t.since);
        json::putDateTime(json, dueKey, t.due);
        tokenArray.append(json);
    }
    QJsonArray timerArray;
    for (const Timer &t : timers) {
        QJsonObject json{
            {idKey, t.id}, {eventKey, model.element(t.event).id}, {tokenKey, t.token}, {remainingKey, t.remaining}};
        json::putDateTime(json, dueKey, t.due);
        timerArray.append(json);
    }
    QJsonObject completed;
    for (auto it = completedBy.cbegin(); it != completedBy.cend(); ++it)
        completed.insert(model.element(it.key()).id, it.value());
    QJsonObject json{
        {processKey, model.processId()}, {variablesKey, variables}, {tokensKey, tokenArray}, {timersKey, timerArray},
        {completedByKey, completed},     {nextIdKey, nextId},       {endedKey, ended}};
    if (terminated)
        json.insert(terminatedKey, true);
    return json;
}

Result<WorkflowState> WorkflowState::fromJson(const ProcessModel &model, const QJsonObject &json)
{
    json::Reader reader(json);
    WorkflowState state;
    const QString process = reader.requiredString(processKey);
    if (reader.ok() && process != model.processId())
        reader.fail(processKey, wrongElementTemplate());
    state.variables = reader.optionalObject(variablesKey);
    state.nextId = static_cast<int>(reader.requiredInteger(nextIdKey, 1, maxId));
    state.ended = reader.optionalBool(endedKey, false);
    state.terminated = reader.optionalBool(terminatedKey, false);
    const QJsonArray tokenArray = reader.optionalArray(tokensKey);
    const QJsonArray timerArray = reader.optionalArray(timersKey);
    const QJsonObject completed = reader.optionalObject(completedByKey);
    if (!reader.ok())
        return reader.error();

    QSet<int> ids;
    auto freshId = [&](json::Reader &item, int id) {
        if (item.ok() && (ids.contains(id) || id >= state.nextId))
            item.fail(idKey, QCoreApplication::translate("Workflow", "The field “%1” repeats an id or is not "
                                                                     "below nextId."));
        ids.insert(id);
    };
    for (qsizetype i = 0; i < tokenArray.size(); ++i) {
        const json::FieldScope scope(QStringLiteral("tokens[%1]").arg(i));
        json::Reader item(tokenArray.at(i).toObject());
        if (!tokenArray.at(i).isObject())
            item.fail(idKey, wrongElementTemplate());
        Token t;
        t.id = static_cast<int>(item.requiredInteger(idKey, 1, maxId));
        freshId(item, t.id);
        t.element = model.indexOf(item.requiredString(elementKey));
        if (item.ok() && (t.element < 0 || !canWaitAt(model.element(t.element))))
            item.fail(elementKey, wrongElementTemplate());
        t.scope = static_cast<int>(item.optionalInteger(scopeKey, 0, maxId, 0));
        const QString via = item.optionalString(viaKey);
        t.via = via.isEmpty() ? -1 : model.flowIndexOf(via);
        if (item.ok() && !via.isEmpty() && (t.via < 0 || model.flow(t.via).target != t.element))
            item.fail(viaKey, wrongElementTemplate());
        t.since = item.optionalDateTime(sinceKey);
        t.due = item.optionalDateTime(dueKey);
        if (!item.ok())
            return item.error();
        state.tokens.append(t);
    }
    // Scopes: a token's scope token sits at the sub-process that contains the token's element.
    for (qsizetype i = 0; i < state.tokens.size(); ++i) {
        const Token &t = state.tokens.at(i);
        const Token *scope = t.scope == 0 ? nullptr : state.token(t.scope);
        const int expected = scope ? scope->element : -1;
        if ((t.scope != 0 && !scope) || model.element(t.element).scope != expected)
            return json::fieldError(QStringLiteral("tokens[%1].scope").arg(i), wrongElementTemplate());
    }
    for (qsizetype i = 0; i < timerArray.size(); ++i) {
        const json::FieldScope scope(QStringLiteral("timers[%1]").arg(i));
        json::Reader item(timerArray.at(i).toObject());
        Timer t;
        t.id = static_cast<int>(item.requiredInteger(idKey, 1, maxId));
        freshId(item, t.id);
        t.event = model.indexOf(item.requiredString(eventKey));
        t.token = static_cast<int>(item.requiredInteger(tokenKey, 1, maxId));
        t.due = item.requiredDateTime(dueKey);
        t.remaining = static_cast<int>(item.requiredInteger(remainingKey, -1, maxId));
        if (item.ok() && t.remaining == 0)
            item.fail(remainingKey, wrongElementTemplate());
        if (item.ok()) {
            const Token *owner = state.token(t.token);
            const bool fits =
                t.event >= 0 && owner &&
                ((model.element(t.event).type == ElementType::TimerCatchEvent && owner->element == t.event) ||
                 (model.element(t.event).type == ElementType::BoundaryTimerEvent &&
                  model.element(t.event).attachedTo == owner->element));
            if (!fits)
                item.fail(eventKey, wrongElementTemplate());
        }
        if (!item.ok())
            return item.error();
        state.timers.append(t);
    }
    for (auto it = completed.constBegin(); it != completed.constEnd(); ++it) {
        const int task = model.indexOf(it.key());
        if (task < 0 || model.element(task).type != ElementType::UserTask || !it.value().isString())
            return json::fieldError(QStringLiteral("completedBy.") + it.key(), wrongElementTemplate());
        state.completedBy.insert(task, it.value().toString());
    }
    if (state.ended != state.tokens.isEmpty() || (state.terminated && !state.ended))
        return json::fieldError(endedKey, wrongElementTemplate());
    return state;
}

} // namespace casedesk::workflow
