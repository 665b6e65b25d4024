#include "core/Command.h"

#include "core/Case.h"
#include "core/DocumentRef.h"
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
    {CommandName::EndConsultation, "endConsultation"},
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

// An expected or new assignee, or a deputy: present, and either a uuid or "" for "nobody".
void checkAssignee(json::Reader &reader, QLatin1String key)
{
    if (reader.requirePresent(key))
        reader.optionalUuid(key);
}

// Absent and null both mean "not given", as for every optional field the Reader reads.
bool given(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    return !value.isNull() && !value.isUndefined();
}

void checkLength(json::Reader &reader, const QString &key, const QString &text, qsizetype maxLength)
{
    if (reader.ok() && text.size() > maxLength)
        reader.fail(key, QCoreApplication::translate("Core", "The field “%1” is longer than %2 characters. Shorten it.")
                             .arg(QStringLiteral("%1"), QString::number(maxLength)));
}

void checkCompleteTask(json::Reader &reader)
{
    const QLatin1String taskId("taskId");
    const QLatin1String outcome("outcome");
    const QLatin1String note("note");
    checkLength(reader, taskId, reader.requiredString(taskId), CommandLimits::IdLength);
    checkLength(reader, outcome, reader.optionalString(outcome), CommandLimits::IdLength);
    checkLength(reader, note, reader.optionalString(note), CommandLimits::TextLength);
}

void checkAddNote(json::Reader &reader)
{
    const Note note = reader.requiredNested<Note>(QLatin1String("note"));
    if (!reader.ok())
        return;
    const json::FieldScope scope(QStringLiteral("note"));
    if (note.text.trimmed().isEmpty())
        reader.fail(QStringLiteral("text"),
                    QCoreApplication::translate("Core", "The field “%1” is empty. Write the note's text."));
    checkLength(reader, QStringLiteral("text"), note.text, CommandLimits::TextLength);
}

void checkAttachDocument(json::Reader &reader)
{
    const DocumentRef document = reader.requiredNested<DocumentRef>(QLatin1String("document"));
    if (!reader.ok())
        return;
    const json::FieldScope scope(QStringLiteral("document"));
    if (document.name.trimmed().isEmpty())
        reader.fail(QStringLiteral("name"),
                    QCoreApplication::translate("Core", "The field “%1” is empty. Give the document a name."));
    checkLength(reader, QStringLiteral("name"), document.name, CommandLimits::NameLength);
    checkLength(reader, QStringLiteral("text"), document.text, CommandLimits::TextLength);
    if (document.size > CommandLimits::DocumentSize) // "%1" is the field; the limit goes in first
        reader.fail(QStringLiteral("size"),
                    QCoreApplication::translate("Core",
                                                "The field “%1” says the document is larger than %2 MB. Split it "
                                                "into smaller files or scan it at a lower resolution.")
                        .replace(QLatin1String("%2"), QString::number(CommandLimits::DocumentSize / (1024 * 1024))));
}

void checkUpdateDocumentMeta(json::Reader &reader, const QJsonObject &args)
{
    const QLatin1String name("name");
    const QLatin1String kind("kind");
    reader.requiredUuid(QLatin1String("documentId"));
    if (given(args, name))
        checkLength(reader, name, reader.requiredString(name), CommandLimits::NameLength);
    if (given(args, kind))
        reader.optionalEnum(kind, &documentKindFromString, DocumentKind::Other);
    if (reader.ok() && !given(args, name) && !given(args, kind))
        reader.fail(name, QCoreApplication::translate(
                              "Core", "The field “%1” is missing. Give the document a new name, a new kind or both."));
}

void checkSetDeputy(json::Reader &reader)
{
    reader.requiredUuid(QLatin1String("user"));
    checkAssignee(reader, QLatin1String("deputy"));
    const QDate from = reader.optionalDate(QLatin1String("from"));
    const QDate until = reader.optionalDate(QLatin1String("until"));
    if (reader.ok() && from.isValid() && until.isValid() && from > until)
        reader.fail(QStringLiteral("until"),
                    QCoreApplication::translate(
                        "Core", "The field “%1” is before the deputyship's first day. Correct one of the two dates."));
}

// createCase's case, addNote's note and attachDocument's document belong to the envelope's case: a command
// cannot smuggle in another.
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
    case CommandName::AttachDocument:
        objectKey = QLatin1String("document");
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

Result<Command> Command::envelopeFromJson(const QJsonObject &object)
{
    json::Reader reader(object);
    Command command;
    command.id = reader.requiredUuid(QLatin1String("id"));
    command.clientId = reader.requiredUuid(QLatin1String("clientId"));
    command.clientSeq = reader.requiredInteger(QLatin1String("clientSeq"), 0, std::numeric_limits<qint64>::max());
    command.caseId = reader.requiredUuid(QLatin1String("caseId"));
    command.args = reader.requiredObject(QLatin1String("args"));
    command.madeAt = reader.requiredDateTime(QLatin1String("madeAt"));
    if (!reader.ok())
        return reader.error();
    return command;
}

Result<Command> Command::fromJson(const QJsonObject &object)
{
    Result<Command> command = envelopeFromJson(object);
    if (!command)
        return command;
    json::Reader reader(object);
    command.value().name = reader.requiredEnum(QLatin1String("name"), &commandNameFromString);
    if (!reader.ok())
        return reader.error();
    if (Result<void> valid = validateCommand(command.value()); !valid)
        return valid.error();
    return command;
}

Result<void> validateCommandArgs(CommandName name, const QJsonObject &args)
{
    const json::FieldScope scope(QStringLiteral("args"));
    json::Reader reader(args);
    switch (name) {
    case CommandName::CreateCase: {
        const Case created = reader.requiredNested<Case>(QLatin1String("case"));
        const json::FieldScope caseScope(QStringLiteral("case"));
        checkLength(reader, QStringLiteral("title"), created.title, CommandLimits::TitleLength);
        break;
    }
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
    case CommandName::CompleteTask:
        checkCompleteTask(reader);
        break;
    case CommandName::AddNote:
        checkAddNote(reader);
        break;
    case CommandName::AttachDocument:
        checkAttachDocument(reader);
        break;
    case CommandName::UpdateDocumentMeta:
        checkUpdateDocumentMeta(reader, args);
        break;
    case CommandName::SetFollowUp:
        if (reader.requirePresent(QLatin1String("date")))
            reader.optionalDate(QLatin1String("date"));
        break;
    case CommandName::RequestConsultation:
    case CommandName::EndConsultation:
        reader.requiredUuid(QLatin1String("team"));
        break;
    case CommandName::SetDeputy:
        checkSetDeputy(reader);
        break;
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
