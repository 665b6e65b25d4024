#include "server/BlobApi.h"

#include "core/Clock.h"
#include "core/Uuid.h"
#include "server/ApiReply.h"
#include "server/BlobStore.h"
#include "server/HttpApiServer.h"
#include "server/SqlError.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace casedesk::server {

namespace {

using Status = QHttpServerResponse::StatusCode;

const QString blobsPath = QStringLiteral("/api/v1/blobs/<arg>");
const QByteArray uploadOffsetHeader = QByteArrayLiteral("Upload-Offset");
const QByteArray uploadLengthHeader = QByteArrayLiteral("Upload-Length");

struct ByteSpan {
    qint64 first = 0;
    qint64 last = -1; // inclusive
    qint64 length() const { return last - first + 1; }
};

// The digest named by the path's last segment; 400 invalid_sha256 for anything but 64 hex digits.
ApiResult<QByteArray> digestOf(const ApiRequest &request)
{
    const QStringView name = QStringView(request.path).mid(request.path.lastIndexOf(u'/') + 1);
    if (std::optional<QByteArray> digest = BlobStore::parseSha256(name))
        return *digest;
    return ApiError{Status::BadRequest, QStringLiteral("invalid_sha256"),
                    QStringLiteral("Name the blob by its SHA-256 as 64 hexadecimal digits.")};
}

// The caller's scope today: their roles and teams, and the deputyships in which they stand in.
Result<AccessScope> scopeOf(const RequestContext &context)
{
    QSqlQuery query(context.db);
    query.prepare(QStringLiteral("SELECT absent_user_id, first_day, last_day FROM deputyships WHERE deputy_id = "
                                 "CAST(:me AS uuid)"));
    query.bindValue(QStringLiteral(":me"), uuidToString(context.session.user.id));
    if (!query.exec())
        return databaseError(query.lastError());
    QList<Deputyship> deputyships;
    while (query.next())
        deputyships.append({uuidFromString(query.value(0).toString()), context.session.user.id, query.value(1).toDate(),
                            query.value(2).toDate()});
    return AccessScope::forUser(context.session.user, deputyships, Clock::current());
}

// The caller's view of the blob the path names: nullopt when it is not visible to them.
ApiResult<std::optional<BlobStatus>> visibleStatus(const RequestContext &context, const QByteArray &digest)
{
    const Result<AccessScope> scope = scopeOf(context);
    if (!scope)
        return ApiError::fromError(scope.error());
    const Result<std::optional<BlobStatus>> status = BlobStore(context.db).status(digest, scope.value());
    if (!status)
        return ApiError::fromError(status.error());
    return status.value();
}

void addUploadHeaders(QHttpServerResponse &response, const BlobStatus &status)
{
    response.setHeader(uploadOffsetHeader, QByteArray::number(status.received));
    response.setHeader(uploadLengthHeader, QByteArray::number(status.size));
}

QHttpServerResponse statusReply(const QByteArray &digest, const BlobStatus &status)
{
    QHttpServerResponse response = ApiReply::json({{QStringLiteral("sha256"), QString::fromLatin1(digest.toHex())},
                                                   {QStringLiteral("size"), status.size},
                                                   {QStringLiteral("received"), status.received},
                                                   {QStringLiteral("complete"), status.complete}});
    addUploadHeaders(response, status);
    return response;
}

// "bytes START-END/TOTAL" for the body; without the header the body is the whole blob.
ApiResult<std::pair<ByteSpan, qint64>> contentRangeOf(const ApiRequest &request)
{
    const QByteArray header = request.header(QByteArrayLiteral("Content-Range")).trimmed();
    if (header.isEmpty())
        return std::pair{ByteSpan{0, request.body.size() - 1}, qint64(request.body.size())};
    static const QRegularExpression pattern(QStringLiteral("^bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})$"));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(header));
    const ByteSpan span{match.captured(1).toLongLong(), match.captured(2).toLongLong()};
    const qint64 total = match.captured(3).toLongLong();
    if (!match.hasMatch() || span.first > span.last || span.last >= total || span.length() != request.body.size())
        return ApiError{Status::BadRequest, QStringLiteral("invalid_content_range"),
                        QStringLiteral("Send \"Content-Range: bytes START-END/TOTAL\" naming exactly the bytes of "
                                       "the body (END inclusive, below TOTAL), or no Content-Range for a whole "
                                       "blob.")};
    return std::pair{span, total};
}

QHttpServerResponse put(const RequestContext &context, const BlobLimits &limits)
{
    const ApiResult<QByteArray> digest = digestOf(context.request);
    if (const ApiError *error = std::get_if<ApiError>(&digest))
        return error->response();
    const auto range = contentRangeOf(context.request);
    if (const ApiError *error = std::get_if<ApiError>(&range))
        return error->response();
    const auto &[span, total] = std::get<std::pair<ByteSpan, qint64>>(range);
    if (total > limits.maxBlobSize)
        return ApiError{Status::PayloadTooLarge, QStringLiteral("blob_too_large"),
                        QStringLiteral("A document may have at most %1 bytes.").arg(limits.maxBlobSize)}
            .response();

    const Result<BlobAppend> appended =
        BlobStore(context.db)
            .append(std::get<QByteArray>(digest), context.session.user.id, span.first, total, context.request.body);
    if (!appended)
        return ApiError::fromError(appended.error()).response();
    const BlobAppend &result = appended.value();
    switch (result.outcome) {
    case BlobAppend::Outcome::Stored:
        return statusReply(std::get<QByteArray>(digest), result.status);
    case BlobAppend::Outcome::OffsetMismatch: {
        const QJsonObject error{
            {QStringLiteral("code"), QStringLiteral("offset_mismatch")},
            {QStringLiteral("message"), QStringLiteral("The server has %1 bytes of this blob; continue from there (see "
                                                       "\"received\" and Upload-Offset).")
                                            .arg(result.status.received)},
            {QStringLiteral("received"), result.status.received}};
        QHttpServerResponse response = ApiReply::json({{QStringLiteral("error"), error}}, Status::Conflict);
        addUploadHeaders(response, result.status);
        return response;
    }
    case BlobAppend::Outcome::HashMismatch:
        break;
    }
    return ApiError{Status::UnprocessableEntity, QStringLiteral("hash_mismatch"),
                    QStringLiteral("The uploaded bytes do not have the SHA-256 the blob is named by; the upload was "
                                   "discarded. Check the file and upload it again from offset 0.")}
        .response();
}

QHttpServerResponse head(const RequestContext &context)
{
    // Answers to HEAD carry no body: a client reads none, and leftover bytes would break the connection.
    const auto bare = [](Status status) {
        QHttpServerResponse response(status);
        response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        return response;
    };
    const ApiResult<QByteArray> digest = digestOf(context.request);
    if (const ApiError *error = std::get_if<ApiError>(&digest))
        return bare(error->status);
    const ApiResult<std::optional<BlobStatus>> status = visibleStatus(context, std::get<QByteArray>(digest));
    if (const ApiError *error = std::get_if<ApiError>(&status)) {
        QHttpServerResponse response = bare(error->status);
        if (error->retryAfterSeconds > 0)
            response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(error->retryAfterSeconds));
        return response;
    }
    const std::optional<BlobStatus> &visible = std::get<std::optional<BlobStatus>>(status);
    if (!visible)
        return bare(Status::NotFound);
    QHttpServerResponse response = bare(Status::Ok);
    addUploadHeaders(response, *visible);
    response.setHeader(QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes"));
    return response;
}

// The one byte range of "Range: bytes=A-B", "bytes=A-" or "bytes=-N" within `size` bytes; nullopt when the
// header asks for anything else.
std::optional<ByteSpan> rangeOf(const QByteArray &header, qint64 size)
{
    static const QRegularExpression pattern(QStringLiteral("^bytes=(\\d{0,18})-(\\d{0,18})$"));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(header.trimmed()));
    if (!match.hasMatch() || (match.capturedLength(1) == 0 && match.capturedLength(2) == 0))
        return std::nullopt;
    ByteSpan span;
    if (match.capturedLength(1) == 0) { // the last N bytes
        const qint64 suffix = match.captured(2).toLongLong();
        span = {std::max<qint64>(0, size - suffix), size - 1};
        if (suffix == 0)
            return std::nullopt;
    } else {
        span.first = match.captured(1).toLongLong();
        span.last = match.capturedLength(2) == 0 ? size - 1 : std::min(match.captured(2).toLongLong(), size - 1);
        if (match.capturedLength(2) != 0 && match.captured(2).toLongLong() < span.first)
            return std::nullopt;
    }
    if (span.first >= size || span.last < span.first)
        return std::nullopt;
    return span;
}

QHttpServerResponse get(const RequestContext &context)
{
    const ApiResult<QByteArray> digestResult = digestOf(context.request);
    if (const ApiError *error = std::get_if<ApiError>(&digestResult))
        return error->response();
    const QByteArray &digest = std::get<QByteArray>(digestResult);
    const ApiResult<std::optional<BlobStatus>> status = visibleStatus(context, digest);
    if (const ApiError *error = std::get_if<ApiError>(&status))
        return error->response();
    const std::optional<BlobStatus> &visible = std::get<std::optional<BlobStatus>>(status);
    if (!visible)
        return ApiError::notFound().response();
    if (!visible->complete)
        return ApiError{Status::Conflict, QStringLiteral("upload_incomplete"),
                        QStringLiteral("Your upload of this blob is not complete; finish it first.")}
            .response();

    const qint64 size = visible->size;
    ByteSpan span{0, size - 1};
    const QByteArray rangeHeader = context.request.header(QByteArrayLiteral("Range"));
    const bool partial = !rangeHeader.isEmpty();
    const QByteArray sizeText = QByteArray::number(size);
    if (partial) {
        const std::optional<ByteSpan> range = rangeOf(rangeHeader, size);
        if (!range) {
            QHttpServerResponse response =
                ApiError{Status::RequestRangeNotSatisfiable, QStringLiteral("invalid_range"),
                         QStringLiteral("Ask for one range within the blob's %1 bytes: \"Range: bytes=A-B\", "
                                        "\"bytes=A-\" or \"bytes=-N\".")
                             .arg(size)}
                    .response();
            response.setHeader(QByteArrayLiteral("Content-Range"), QByteArrayLiteral("bytes */") + sizeText);
            return response;
        }
        span = *range;
    }
    const Result<QByteArray> bytes = BlobStore(context.db).read(digest, span.first, span.length());
    if (!bytes)
        return ApiError::fromError(bytes.error()).response();
    QHttpServerResponse response(QByteArrayLiteral("application/octet-stream"), bytes.value(),
                                 partial ? Status::PartialContent : Status::Ok);
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.setHeader(QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes"));
    response.setHeader(QByteArrayLiteral("ETag"), '"' + digest.toHex() + '"');
    if (partial)
        response.setHeader(QByteArrayLiteral("Content-Range"), QByteArrayLiteral("bytes ") +
                                                                   QByteArray::number(span.first) + '-' +
                                                                   QByteArray::number(span.last) + '/' + sizeText);
    return response;
}

} // namespace

void BlobApi::addRoutes(HttpApiServer &server, const BlobLimits &limits)
{
    using Method = HttpApiServer::Method;
    server.addAuthenticatedRoute(blobsPath, Method::Put, limits.maxRequestSize,
                                 [limits](const RequestContext &context) { return put(context, limits); });
    server.addAuthenticatedRoute(blobsPath, Method::Head, HttpApiServer::DefaultBodyLimit, head);
    server.addAuthenticatedRoute(blobsPath, Method::Get, HttpApiServer::DefaultBodyLimit, get);
}

} // namespace casedesk::server
