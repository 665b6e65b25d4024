// Pull and the live channel (DESIGN.md, "Sync protocol"), both authenticated:
//
//   GET /api/v1/sync/pull?cursor=C&limit=N&resultsAfter=S
//     {"cases": [{"case": Case JSON, "version": N, "notes": [Note JSON...], "documents": [DocumentRef JSON...]}...],
//      "removed": [case id...], "cursor": "...", "more": bool,
//      "reset": bool, "results": [{"commandId", "clientSeq", "caseId", "name", "result", "detail"}...],
//      "resultsMore": bool}
//     Cases of the caller's scope (ScopeFilter) that changed after the cursor, in commit order, each once per page
//     with its current state, its notes and its documents' metadata (attachDocument, updateDocumentMeta; the
//     contents come from GET /api/v1/blobs/SHA256); ChangeFeed explains the hole guard. limit: 1 to 1000 changes,
//     default 200. No cursor: from the beginning. Pull again with the returned cursor while "more" is true.
//     "removed": cases the caller could read before and no longer can (moved to another team, reassigned):
//     the client drops them; a case the caller never could read is never named.
//     "reset": the cursor was malformed, of another database, or the caller's scope changed (teams, roles,
//     deputyships running today, consultations of the caller's teams): this page starts over from the
//     beginning of the feed. The client then marks its confirmed cases stale, keeps pulling with the returned
//     cursors until "more" is false, and drops the stale cases no page delivered: they left the scope.
//     The mailroom's metadata-only access delivers nothing here: case contents are outside its scope.
//     "results" (only with resultsAfter): the stored results of this client's commands (the session's
//     clientId) with clientSeq > resultsAfter, oldest first, at most `limit`; "resultsMore" when more follow.
//     Results lost with a push reply arrive this way.
//
//   GET /api/v1/sync/wait?cursor=C&timeout=T
//     Long poll: answers {"cursorMoved": true} as soon as a pull with C would deliver something (or reset), else
//     {"cursorMoved": false} after T seconds (0 to 60, default 25). Carries no data: the client pulls. Woken by
//     LISTEN/NOTIFY (ChangeListener), so changes committed through any server process count. A waiting request
//     holds one of the process's handler threads: at most half of them wait at once, more are answered 429
//     too_many_waiters with Retry-After. The WebSocket form of the live channel is LiveChannel.
#pragma once

#include "server/ServerDatabase.h"

#include <memory>

namespace casedesk::server {

class ChangeListener;
class HttpApiServer;

class PullApi {
public:
    // Starts this process's change listener (one database connection of its own), shared by the routes and
    // returned for the WebSocket live channel (LiveChannel).
    static std::shared_ptr<ChangeListener> addRoutes(HttpApiServer &server, const ServerDatabase &database);
};

} // namespace casedesk::server
