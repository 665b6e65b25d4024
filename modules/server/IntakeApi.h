// The citizen portal's intake (DESIGN.md, "Sync protocol"; issue 5, "Intake"):
//   POST /api/v1/intake  "Authorization: Bearer PORTAL_SECRET" (casedesk-server portal add)
//     {submissionId, caseType, title?, applicant: Party JSON, formData: {...},
//      attachments?: [{sha256, name, kind, mimeType?, content?: base64}]}
//     -> 201 {caseId, aktenzeichen, statutoryDeadline}; 200 with the same body for a submissionId sent before
// Attachments travel in the body as base64 (the blob routes are the users'); an attachment without content must
// be a blob the server has (the same file in an earlier submission), else 422 missing_attachment.
// Errors: 401 missing_token / invalid_portal_credential (also a user's access token, a disabled portal);
// 400 malformed_json, invalid_field; 413 body_too_large (over BodyLimit); 422 invalid_form
// {error: {code, message, problems: [{path, code, message}]}} (every required value is demanded),
// attachment_hash_mismatch, missing_attachment, unknown_case_type, no_route (no team takes the case type),
// process_error; 503 when the database fails (retry: the submission id makes it safe).
#pragma once

#include <QtGlobal>

namespace casedesk::server {

class HttpApiServer;

class IntakeApi {
public:
    static constexpr qint64 BodyLimit = 32 * 1024 * 1024; // an application with its scans, as base64
    static constexpr int MaxAttachments = 50;
    static constexpr qsizetype MaxSubmissionIdLength = 200;

    static void addRoutes(HttpApiServer &server);
};

} // namespace casedesk::server
