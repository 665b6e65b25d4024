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
    EndConsultation,
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
    // The envelope alone (name left at its default, args any object): for a command whose name this version does
    // not know, a newer client's, which the server still answers per command instead of refusing the push.
    static Result<Command> envelopeFromJson(const QJsonObject &json);
    bool operator==(const Command &) const = default;
};

// Longest texts in args; the server has accepted no longer ones.
struct CommandLimits {
    static constexpr qsizetype IdLength = 200;                // a task id or outcome from a process model
    static constexpr qsizetype TextLength = 100000;           // a Vermerk, a document's extracted text
    static constexpr qsizetype NameLength = 255;              // a document's name
    static constexpr qsizetype TitleLength = 500;             // a case's title
    static constexpr qint64 DocumentSize = 100 * 1024 * 1024; // a document's content, in bytes
};

// Argument shapes (the JSON codec checks these; "?" marks an optional key, null counts as absent; keys not
// listed are ignored, so a newer client's extra argument does not block an older server):
//   createCase          {"case": Case JSON, its title at most TitleLength}
//   setFields           {"fields": {fieldId: {"old": value, "new": value}}}
//   completeTask        {"taskId": text, "outcome"?: text, "note"?: text (a Vermerk written with it)}
//   assign              {"expected": uuid|"" , "assignee": uuid|""}
//   claim               {"expected": uuid|""}
//   addNote             {"note": Note JSON with a non-blank text}
//   attachDocument      {"document": DocumentRef JSON with a non-blank name}
//   updateDocumentMeta  {"documentId": uuid, "name"?: non-blank text, "kind"?: DocumentKind}, name or kind
//   setFollowUp         {"date": "YYYY-MM-DD"|""}
//   requestConsultation {"team": uuid}
//   endConsultation     {"team": uuid} (the consulted team whose consultation ends)
//   setDeputy           {"user": uuid, "deputy": uuid|"" (ends the user's deputyships), "from"?: date,
//                        "until"?: date}, from not after until
// Texts are at most CommandLimits long.
Result<void> validateCommandArgs(CommandName name, const QJsonObject &args);
// validateCommandArgs plus the checks across envelope and args: the case of createCase, the note of addNote and
// the document of attachDocument belong to the envelope's caseId. Command::fromJson and replayCommand call it.
Result<void> validateCommand(const Command &command);

} // namespace casedesk
