// Reference data for offline clients (DESIGN.md, "Sync protocol"), authenticated:
//
//   GET /api/v1/reference
//     {"processModels": [{"caseType", "version", "bpmn"}...],    every deployed version (cases keep theirs)
//      "forms": [{"id", "version", "definition"}...],           every deployed version, FormDefinition JSON
//      "users": [User JSON...], "teams": [Team JSON...],        everyone, also disabled users ("active")
//      "deputyships": [Deputyship JSON...],                     those that run today or later
//      "codeLists": {"stuttgartDistricts": [{"code", "label": {"en", "de"}}...]},  built into CaseDesk;
//                                                               a form's own lists are in its definition
//      "holidays": {"2026": ["2026-01-01", ...], "2027": [...]}}  Baden-Württemberg, this year and next
//     with a strong ETag, the SHA-256 of the body: the same data gives the same tag on every server process.
//     "If-None-Match" with the current tag: 304 without a body. The same for every user: nothing in it
//     depends on the caller's scope, and it never holds password hashes, sessions or case data.
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDate>
#include <QSqlDatabase>

namespace casedesk::server {

class HttpApiServer;

class ReferenceApi {
public:
    static void addRoutes(HttpApiServer &server);

    // The body, read in one snapshot of the database; `today` (Europe/Berlin) picks deputyships and years.
    static Result<QByteArray> body(QSqlDatabase db, const QDate &today);
    // The ETag of `body`, quotes included.
    static QByteArray entityTag(const QByteArray &body);
    // Whether an If-None-Match header value ("*", or tags separated by commas, weak ones too) names `tag`.
    static bool matches(const QByteArray &ifNoneMatch, const QByteArray &tag);
};

} // namespace casedesk::server
