#include "core/CommandReplay.h"

#include "core/JsonFields.h"
#include "core/Uuid.h"

#include <QCoreApplication>

namespace casedesk {

namespace {

// A field that is not in the form data compares as null, so {"old": null} matches a field never filled.
QJsonValue fieldValue(const QJsonObject &formData, const QString &field)
{
    const QJsonValue value = formData.value(field);
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

Result<void> setFields(const QJsonObject &args, Case *target)
{
    const QJsonObject fields = args.value(QLatin1String("fields")).toObject();
    // Check every expectation before changing anything: a conflict leaves the case as it was.
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QJsonValue expected = it.value().toObject().value(QLatin1String("old"));
        if (fieldValue(target->formData, it.key()) != expected) {
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Core", "The field “%1” was changed by someone else in the "
                                                                 "meantime. Check its current value and enter your "
                                                                 "change again.")
                                 .arg(it.key()),
                             QStringLiteral("setFields conflict on field %1").arg(it.key()));
        }
    }
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QJsonValue newValue = it.value().toObject().value(QLatin1String("new"));
        if (newValue.isNull())
            target->formData.remove(it.key());
        else
            target->formData.insert(it.key(), newValue);
    }
    return {};
}

// Compare-and-set on the assignee: "" in args means unassigned.
Result<void> setAssignee(const QJsonObject &args, const QUuid &newAssignee, Case *target)
{
    const QUuid expected = uuidFromString(args.value(QLatin1String("expected")).toString());
    if (expected != target->assigneeId) {
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Core", "The case was assigned by someone else in the meantime. "
                                                             "Check who works on it now and assign it again if "
                                                             "needed."),
                         QStringLiteral("assignee conflict: expected %1, found %2")
                             .arg(uuidToString(expected), uuidToString(target->assigneeId)));
    }
    target->assigneeId = newAssignee;
    return {};
}

} // namespace

Result<void> replayCommand(const Command &command, const QUuid &actor, Case *target)
{
    // Commands from the outbox were checked when made; checking again keeps replay safe for any input.
    if (Result<void> valid = validateCommand(command); !valid)
        return valid;

    if (command.name == CommandName::CreateCase) {
        Result<Case> created = Case::fromJson(command.args.value(QLatin1String("case")).toObject());
        if (!created)
            return created.error();
        *target = std::move(created).value();
        return {};
    }

    if (target->id.isNull() || target->id != command.caseId) {
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Core", "The case of this change does not exist (any more). "
                                                             "Discard the change or ask your team lead."),
                         QStringLiteral("%1 on missing case %2")
                             .arg(commandNameToString(command.name), uuidToString(command.caseId)));
    }

    switch (command.name) {
    case CommandName::SetFields:
        return setFields(command.args, target);
    case CommandName::Assign:
        return setAssignee(command.args, uuidFromString(command.args.value(QLatin1String("assignee")).toString()),
                           target);
    case CommandName::Claim:
        return setAssignee(command.args, actor, target);
    case CommandName::RequestConsultation: {
        const QUuid team = uuidFromString(command.args.value(QLatin1String("team")).toString());
        if (!target->consultingTeamIds.contains(team))
            target->consultingTeamIds.append(team);
        return {};
    }
    case CommandName::EndConsultation:
        target->consultingTeamIds.removeAll(uuidFromString(command.args.value(QLatin1String("team")).toString()));
        return {};
    case CommandName::SetFollowUp:
        target->followUpDate =
            json::dateFromString(command.args.value(QLatin1String("date")).toString()).value_or(QDate());
        return {};
    case CommandName::CreateCase:         // handled above
    case CommandName::AddNote:            // notes are kept beside the case
    case CommandName::AttachDocument:     // documents are kept beside the case
    case CommandName::UpdateDocumentMeta: // document metadata, beside the case
    case CommandName::SetDeputy:          // about users, not the case
    case CommandName::CompleteTask:       // the workflow engine's part; its issue adds it
        return {};
    }
    return {};
}

QJsonObject rebasedArgs(const Command &command, const Case &current)
{
    QJsonObject args = command.args;
    switch (command.name) {
    case CommandName::SetFields: {
        QJsonObject fields = args.value(QLatin1String("fields")).toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            QJsonObject edit = it.value().toObject();
            edit.insert(QLatin1String("old"), fieldValue(current.formData, it.key()));
            it.value() = edit;
        }
        args.insert(QLatin1String("fields"), fields);
        break;
    }
    case CommandName::Assign:
    case CommandName::Claim:
        args.insert(QLatin1String("expected"),
                    current.assigneeId.isNull() ? QString() : uuidToString(current.assigneeId));
        break;
    default: // the others carry no expectation about the case
        break;
    }
    return args;
}

} // namespace casedesk
