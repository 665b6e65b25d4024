// The permission policy (DESIGN.md, "Access scopes" and "Commands (v1)"): pure code, compiled into the
// client (immediate feedback, offline work) and the server (the final word, on every endpoint).
//
// How a user reaches a case (routes; a user with several roles gets the union):
//   team        clerk or team lead, member of the case's team                          -> Write
//   assigned    clerk or team lead, the case is assigned to them or to a user they
//               deputise while the deputyship runs (Europe/Berlin date)                -> Write
//   auditor     auditor, member of the case's team                                     -> Read
//   consulted   clerk or team lead, member of a team whose consultation is still open  -> Read
//   mailroom    mailroom, any case: find it by metadata and file documents into it      -> FileOnly
//   none        everything else, including the administrator by role alone (least
//               privilege: administrators manage users and teams, not cases)          -> None
//
// Commands on an existing case (+ allowed, 403 visible but forbidden, 404 not visible: every command on a
// case with access None answers like a case that does not exist):
//
//   command              team  team   assigned consulted auditor mailroom  none
//                        clerk lead   (me/dep.)
//   read contents          +     +      +        +         +      403      404
//   setFields              +     +      +       403       403     403      404
//   setFollowUp            +     +      +       403       403     403      404
//   updateDocumentMeta     +     +      +       403       403     403      404
//   requestConsultation    +     +      +       403       403     403      404
//   addNote                +     +      +        +        403     403      404
//   completeTask           +     +      +        +        403     403      404   (the engine checks which task)
//   attachDocument         +     +      +       403       403      +       404
//   claim                  +¹    +¹    403      403       403     403      404
//   assign                403²   +³    403²     403       403     403      404
//   endConsultation        +     +      +        +⁴       403     403      404
//
//   ¹ only with the expectation "unassigned" ({"expected": ""}); whether the case still is unassigned is
//     the compare-and-set's business (a conflict, not a denial).
//   ² except handing a case assigned to oneself back to the team queue ({"assignee": ""}).
//   ³ to nobody (back to the queue) or to an active clerk or team lead of the case's team.
//   ⁴ its own team's consultation only (its statement given, the case leaves its scope).
//
// Commands not on an existing case:
//   createCase   clerk and team lead for their teams, mailroom for any team (paper mail); the new case is
//                unassigned, or assigned to the creator (clerk, team lead of that team), or by a team lead
//                of that team as for assign³. Auditor, administrator: 403.
//   setDeputy    for oneself (any user with a role), as team lead for members of one's teams, as
//                administrator for anyone. The deputy is an active clerk or team lead who shares a team with
//                the absent user, not the absent user; no deputy ends the deputyship.
//                Args: {"user": absent user's uuid, "deputy": uuid|""} (plus the dates, not checked here).
// Unknown command names: 403 on a visible case, 404 otherwise.
#pragma once

#include "core/AccessDecision.h"
#include "core/AccessScope.h"
#include "core/CaseAccessFacts.h"
#include "core/Command.h"
#include "core/User.h"

#include <QJsonObject>

#include <functional>
#include <optional>

namespace casedesk {

enum class CaseAccess {
    None,     // invisible, not even its existence
    FileOnly, // mailroom: metadata (Aktenzeichen, applicant, type) to find it, and filing documents
    Read,
    Write,
};

class AccessPolicy {
public:
    // Looks up a user a command names (assign's new assignee, setDeputy's users): the server asks its
    // database, the client its reference data. nullopt for an unknown id.
    using UserLookup = std::function<std::optional<User>(const QUuid &userId)>;

    static CaseAccess caseAccess(const AccessScope &scope, const CaseAccessFacts &facts);

    // Reading a case's contents (fields, notes, documents, history).
    static AccessDecision mayRead(const AccessScope &scope, const CaseAccessFacts &facts);

    // Whether the user may run the command. `facts` describe the case the command is on; for createCase
    // the new case (CaseAccessFacts::of(the case in the args)); setDeputy ignores them. `args` are the
    // command's args (read by assign, claim and setDeputy), `users` is needed by assign, createCase with
    // another assignee, and setDeputy: without it those are forbidden.
    static AccessDecision mayRun(const AccessScope &scope, const CaseAccessFacts &facts, CommandName name,
                                 const QJsonObject &args = {}, const UserLookup &users = {});
    // The same for a command name as it came over the wire; an unknown name is denied.
    static AccessDecision mayRun(const AccessScope &scope, const CaseAccessFacts &facts, const QString &name,
                                 const QJsonObject &args = {}, const UserLookup &users = {});

    // Whether the user may create a case for `teamId` at all (which teams to offer in "New case").
    static AccessDecision mayCreateCase(const AccessScope &scope, const QUuid &teamId);
};

} // namespace casedesk
