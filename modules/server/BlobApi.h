// Document contents over HTTP (DESIGN.md, "Sync protocol"; storage and visibility in BlobStore). All three
// need an access token; SHA256 is 64 hexadecimal digits (else 400 invalid_sha256).
//
//   PUT  /api/v1/blobs/SHA256   the body is bytes START..END of a blob of TOTAL bytes, named by
//                               "Content-Range: bytes START-END/TOTAL"; without Content-Range the body is the
//                               whole blob (also the way to store an empty one). START must be the offset
//                               stored so far, else 409 offset_mismatch with {"error": {..., "received": N}}.
//                               -> 200 {sha256, size, received, complete} and "Upload-Offset: N"; when the last
//                               byte arrived and the bytes do not hash to SHA256: 422 hash_mismatch, the upload
//                               is discarded (start again at 0). 413 body_too_large for a request over
//                               maxRequestSize, 413 blob_too_large for a TOTAL over maxBlobSize, 400
//                               invalid_content_range for a header that does not describe the body.
//   HEAD /api/v1/blobs/SHA256   "Upload-Offset: RECEIVED" and "Upload-Length: SIZE" (equal when complete) to
//                               resume an upload; no body, also for errors.
//   GET  /api/v1/blobs/SHA256   the contents (application/octet-stream, ETag "SHA256"); with "Range: bytes=A-B",
//                               "bytes=A-" or "bytes=-N": 206 with Content-Range; any other Range, or one outside
//                               the blob, 416 invalid_range with "Content-Range: bytes */SIZE". 409
//                               upload_incomplete for the caller's own unfinished upload.
// A blob the caller may not see is 404 not_found for all three, exactly like one that does not exist (the
// mailroom files documents into cases without reading them, so it gets 404 for blobs of others).
//
// QtHttpServer 6.4 holds a whole request body and a whole response body in memory: a PUT costs up to
// maxRequestSize, a GET as many bytes as it answers (the whole blob without Range). Clients download large
// blobs in ranges; nginx in front limits body sizes (README).
#pragma once

#include "core/Command.h"

#include <QtGlobal>

namespace casedesk::server {

class HttpApiServer;

struct BlobLimits {
    qint64 maxBlobSize = CommandLimits::DocumentSize; // bytes of one blob, the most a document may have
    qint64 maxRequestSize = 8 * 1024 * 1024;          // bytes of one PUT's body
};

class BlobApi {
public:
    static void addRoutes(HttpApiServer &server, const BlobLimits &limits = {});
};

} // namespace casedesk::server
