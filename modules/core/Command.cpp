#include "core/Command.h"

#include "core/Case.h"
#include "core/JsonFields.h"
#include "core/Note.h"
#include "core/Uuid.h"

#include <QCoreApplication>

#include <limits>

namespace casedesk {

namespace {

constexpr json::EnumKey<CommandName> commandNameKeys[] = {
    {CommandName::CreateCase, "createCase"},
    {CommandName::SetFields, "setFields"},
    {CommandName::CompleteTask, "completeTask"},
    {CommandName::Assign, "assign"},
    {CommandName::Claim, "claim"},
    {CommandName::AddNote, "addNote"},
    {CommandName::AttachDocument, "attachDocument"},
    {CommandName::UpdateDocumentMeta, "updateDocumentMeta"},
    {CommandName::SetFollowUp, "setFollowUp"},
    {CommandName::RequestConsultation, "requestConsultation"},
    {CommandName::SetDeputy, "setDeputy"},
};

// Each entry of setFields: {"old": value, "new": value}; null values are allowed (an empty field).
void checkFieldEdits(json::Reader &reader)
{
    const QJsonObject fields = reader.requiredObject(QLatin1String("fields"));
    if (!reader.ok())
        return;
    if (fields.isEmpty()) {
        reader.fail(QStringLiteral("fields"),
                    QCoreApplication::translate("Core", "The field “%1” must contain at least one field edit."));
        return;
    }
    const json::FieldScope scope(QStringLiteral("fields"));
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QJsonObject edit = it.value().toObject();
        if (it.key().isEmpty() || !it.value().isObject() || !edit.contains(QLatin1String("old")) ||
            !edit.contains(QLatin1String("new"))) {
            reader.fail(it.key(), QCoreApplication::translate(
                                      "Core", "The field edit “%1” must be an object with “old” and “new” values."));
            return;
        }
    }
}

// An expected or new assignee: present, and either a uuid or "" for "unassigned".
void checkAssignee(json::Reader &reader, QLatin1String key)
{
    if (reader.requirePresent(key))
        reader.optionalUuid(key);
}

// createCase's case and addNote's note belong to the envelope's case: a command cannot smuggle in another.
Result<void> checkSameCase(const Command &command)
{
    QLatin1String objectKey;
    QLatin1String idKey;
    switch (command.name) {
    case CommandName::CreateCase:
        objectKey = QLatin1String("case");
        idKey = QLatin1String("id");
        break;
    case CommandName::AddNote:
        objectKey = QLatin1String("note");
        idKey = QLatin1String("caseId");
        break;
    default:
        return {};
    }
    const QJsonObject inner = command.args.value(objectKey).toObject();
    if (uuidFromString(inner.value(idKey).toString()) == command.caseId)
        return {};
    const json::FieldScope args(QStringLiteral("args"));
    const json::FieldScope inside(objectKey);
    return json::fieldError(idKey,
                            QCoreApplication::translate("Core", "The field “%1” must be the command's case id."));
}

} // namespace

QString commandNameToString(CommandName name)
{
    return json::enumToString(commandNameKeys, name);
}

bool commandNameFromString(const QString &text, CommandName *name)
{
    return json::enumFromString(commandNameKeys, text, name);
}

QJsonObject Command::toJson() const
{
    QJsonObject json;
    json::putUuid(json, QLatin1String("id"), id);
    json::putUuid(json, QLatin1String("clientId"), clientId);
    json.insert(QLatin1String("clientSeq"), clientSeq);
    json::putUuid(json, QLatin1String("caseId"), caseId);
    json.insert(QLatin1String("name"), commandNameToString(name));
    json.insert(QLatin1String("args"), args);
    json::putDateTime(json, QLatin1String("madeAt"), madeAt);
    return json;
}

Result<Command> Command::fromJson(const QJsonObject &object)
{
    json::Reader reader(object);
    Command command;
    command.id = reader.requiredUuid(QLatin1String("id"));
    command.clientId = reader.requiredUuid(QLatin1String("clientId"));
    command.clientSeq = reader.requiredInteger(QLatin1String("clientSeq"), 0, std::numeric_limits<qint64>::max());
    command.caseId = reader.requiredUuid(QLatin1String("caseId"));
    command.name = reader.requiredEnum(QLatin1String("name"), &commandNameFromString);
    command.args = reader.requiredObject(QLatin1String("args"));
    command.madeAt = reader.requiredDateTime(QLatin1String("madeAt"));
    if (!reader.ok())
        return reader.error();
    if (Result<void> valid = validateCommand(command); !valid)
        return valid.error();
    return command;
}

Result<void> validateCommandArgs(CommandName name, const QJsonObject &args)
{
    const json::FieldScope scope(QStringLiteral("args"));
    json::Reader reader(args);
    switch (name) {
    case CommandName::CreateCase:
        reader.requiredNested<Case>(QLatin1String("case"));
        break;
    case CommandName::SetFields:
        checkFieldEdits(reader);
        break;
    case CommandName::Assign:
        checkAssignee(reader, QLatin1String("expected"));
        checkAssignee(reader, QLatin1String("assignee"));
        break;
    case CommandName::Claim:
        checkAssignee(reader, QLatin1String("expected"));
        break;
    case CommandName::AddNote:
        reader.requiredNested<Note>(QLatin1String("note"));
        break;
    case CommandName::SetFollowUp:
        if (reader.requirePresent(QLatin1String("date")))
            reader.optionalDate(QLatin1String("date"));
        break;
    case CommandName::CompleteTask:
    case CommandName::AttachDocument:
    case CommandName::UpdateDocumentMeta:
    case CommandName::RequestConsultation:
    case CommandName::SetDeputy:
        break; // shapes checked by their own issues; args is an object already
    }
    if (!reader.ok())
        return reader.error();
    return {};
}

Result<void> validateCommand(const Command &command)
{
    if (Result<void> valid = validateCommandArgs(command.name, command.args); !valid)
        return valid;
    return checkSameCase(command);
}

} // namespace casedesk
