// Pushing commands over HTTP (DESIGN.md, "Sync protocol"):
//   POST /api/v1/sync/push  (authenticated) {clientId, commands: [Command JSON, ...]}
//     -> {results: [{commandId, clientSeq, result: applied|rejected|conflict, caseVersion?, code?, message?,
//                    conflicts?}]}
// The batch holds 1 to MaxBatch commands of the caller's own installation (the login's clientId) with
// consecutive clientSeq. Each command is applied in its own transaction (CommandProcessor); results of commands
// pushed before are answered again from the store. Errors: 400 malformed_json, invalid_field, invalid_batch,
// invalid_command (nothing applied); 403 client_mismatch; 409 sequence_gap, duplicate_command_id (nothing of
// that command or later ones applied; commands before it keep their results, which a replay answers);
// 413 body_too_large; 503 when the database fails (retry: no sequence number was consumed).
#pragma once

#include <QtGlobal>

namespace casedesk::server {

class HttpApiServer;

class PushApi {
public:
    static constexpr qint64 BodyLimit = 16 * 1024 * 1024; // a batch of cases with their form data
    static constexpr int MaxBatch = 500;

    static void addRoutes(HttpApiServer &server);
};

} // namespace casedesk::server
