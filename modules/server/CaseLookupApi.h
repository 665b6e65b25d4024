// GET /api/v1/cases/lookup: the mailroom finds the case a piece of paper mail belongs to (DESIGN.md, "Access
// scopes": by Aktenzeichen, applicant and type, without reading its contents). Only for users whose scope files
// every case (AccessScope::filesEveryCase); everyone else is answered 403. Each match carries metadata only: id,
// Aktenzeichen, case type, team and the applicant's name, never form data, notes or documents.
//
//   ?aktenzeichen=32.10-000123/2026   exact
//   ?familyName=Müller                the applicant's family name, case-insensitive (indexed)
//   &caseType=bewohnerparken          optional, narrows either
// At least one of the first two; at most 20 matches, the newest first, and "more": true when there are others.
#pragma once

namespace casedesk::server {

class HttpApiServer;

class CaseLookupApi {
public:
    static constexpr int MaxMatches = 20;
    static void addRoutes(HttpApiServer &server);
};

} // namespace casedesk::server
