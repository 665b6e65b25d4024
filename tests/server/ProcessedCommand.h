// One command through the server's CommandProcessor, as push runs it, for the tests that drive cases without
// HTTP. An ApiError answer comes back as a rejection with its code, so a test compares outcomes alone.
#pragma once

#include "server/CommandProcessor.h"

#include <variant>

namespace casedesk::test {

inline server::CommandResult processCommand(QSqlDatabase db, const server::AuthSession &session, const Command &command)
{
    const server::ApiResult<server::CommandResult> result =
        server::CommandProcessor(std::move(db), session).process({command, commandNameToString(command.name), true});
    if (const server::CommandResult *answer = std::get_if<server::CommandResult>(&result))
        return *answer;
    const server::ApiError &error = std::get<server::ApiError>(result);
    return server::CommandResult::rejected(error.code, error.message);
}

} // namespace casedesk::test
