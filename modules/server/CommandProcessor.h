// Applies pushed commands on the server (DESIGN.md, decisions 1-3, "Commands (v1)", "Sync protocol"). Each
// command runs in one PostgreSQL transaction that locks the client's sequence row, answers a command seen
// before from its stored result (never applying it twice), checks the permission policy, the workflow engine
// and the form definition, and writes the effects, the stored result, the change row, the audit row and the
// client's last applied sequence together. Serialization failures and deadlocks are retried; a database
// failure consumes no sequence number.
#pragma once

#include "casework/CaseTypeCatalogue.h"
#include "core/AccessScope.h"
#include "core/Command.h"
#include "server/ApiError.h"
#include "server/CommandResult.h"
#include "server/SessionStore.h"

#include <QSqlDatabase>

#include <memory>
#include <optional>

namespace casedesk::server {

// A command as pushed: its name as sent, because an unknown name (a newer client) is answered per command.
struct PushedCommand {
    Command command; // command.name is meaningless when !known
    QString name;
    bool known = true;
};

class CommandProcessor {
public:
    static constexpr int MaxAttempts = 5; // per command, on serialization failures and deadlocks

    CommandProcessor(QSqlDatabase db, const AuthSession &session);

    // The command's result (applied, rejected, conflict; stored), or: 409 sequence_gap when an earlier
    // clientSeq is missing, 409 duplicate_command_id when the id was used with another clientSeq,
    // 403 client_mismatch when the installation belongs to another user, 503 when the database fails.
    // Nothing is applied with an ApiError.
    ApiResult<CommandResult> process(const PushedCommand &pushed);

private:
    QSqlDatabase m_db;
    const AuthSession &m_session;
    // The caller's access scope, read with the first command: a push is checked against one scope, as against
    // one session (its teams and roles); an applied setDeputy reads it again for the commands after it.
    std::optional<AccessScope> m_scope;
    // The deployed case types, read with the first command: a new case takes the latest version of its type.
    std::shared_ptr<const casework::CaseTypeCatalogue> m_caseTypes;
};

} // namespace casedesk::server
