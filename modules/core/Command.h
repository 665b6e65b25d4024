// The sync command vocabulary (DESIGN.md, "Commands (v1)") and its JSON codec. Clients never send state,
// only these business intents; the server checks and applies them.
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

namespace casedesk {

enum class CommandName {
    CreateCase,
    SetFields,
    CompleteTask,
    Assign,
    Claim,
    AddNote,
    AttachDocument,
    UpdateDocumentMeta,
    SetFollowUp,
    RequestConsultation,
    SetDeputy,
};
QString commandNameToString(CommandName name); // "createCase", "setFields", ...
bool commandNameFromString(const QString &text, CommandName *name);

struct Command {
    QUuid id;             // UUIDv7
    QUuid clientId;       // one user on one installation
    qint64 clientSeq = 0; // counts up by one per clientId
    QUuid caseId;
    CommandName name = CommandName::SetFields;
    QJsonObject args; // shape per name, see the factory functions below
    QDateTime madeAt; // UTC, the client's clock: shown to the user, never used for ordering

    QJsonObject toJson() const;
    // Checks the envelope and that args have the shape the name requires.
    static Result<Command> fromJson(const QJsonObject &json);
    bool operator==(const Command &) const = default;
};

// Argument shapes (the JSON codec checks these):
//   createCase    {"case": Case JSON}
//   setFields     {"fields": {fieldId: {"old": value, "new": value}}}
//   assign        {"expected": uuid|"" , "assignee": uuid|""}
//   claim         {"expected": uuid|""}
//   addNote       {"note": Note JSON}
//   setFollowUp   {"date": "YYYY-MM-DD"|""}
// The other names are accepted with an object "args" and checked by their own issues.
Result<void> validateCommandArgs(CommandName name, const QJsonObject &args);
// validateCommandArgs plus the checks across envelope and args: the case of createCase and the note of addNote
// belong to the envelope's caseId. Command::fromJson and replayCommand both call it.
Result<void> validateCommand(const Command &command);

} // namespace casedesk
