// Applies a pending command to a case locally: what the user sees is the confirmed state with the pending
// commands replayed on top (DESIGN.md, decision 1). Pure; the server has the final word.
#pragma once

#include "core/Case.h"
#include "core/Command.h"
#include "core/Result.h"

namespace casedesk {

// Replays one command on `target` (createCase replaces it). Fails with Conflict when the command's
// expectation (a field's old value, the expected assignee) no longer holds; the case is then unchanged.
// addNote and attachDocument leave the case as it is (notes and documents are kept beside the case).
// `actor` is the user who made the command (claim assigns to them).
Result<void> replayCommand(const Command &command, const QUuid &actor, Case *target);

// The command's args with its expectations taken from `current` (each field's old value, the expected
// assignee): the user's change made again on top of what is there now, after a conflict ("apply mine").
QJsonObject rebasedArgs(const Command &command, const Case &current);

} // namespace casedesk
