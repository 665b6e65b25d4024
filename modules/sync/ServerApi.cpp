#include "sync/ServerApi.h"

#include "core/Clock.h"
#include "core/Uuid.h"
#include "sync/SyncLog.h"
#include "sync/TokenStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace casedesk::sync {

namespace {

const char *const ReplyTooLarge = "reply_too_large";
const QByteArray ContentRangeHeader = QByteArrayLiteral("Content-Range");

struct ByteRange {
    qint64 first = 0;
    qint64 last = -1; // inclusive
    qint64 size = 0;  // of the whole blob
};

// "bytes FIRST-LAST/SIZE" (RFC 9110, 14.4); nullopt for anything else.
std::optional<ByteRange> contentRange(const QByteArray &header)
{
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes "))
        return std::nullopt;
    const qsizetype dash = value.indexOf('-');
    const qsizetype slash = value.indexOf('/');
    if (dash < 0 || slash < dash)
        return std::nullopt;
    bool firstOk = false, lastOk = false, sizeOk = false;
    const ByteRange range{value.mid(6, dash - 6).toLongLong(&firstOk),
                          value.mid(dash + 1, slash - dash - 1).toLongLong(&lastOk),
                          value.mid(slash + 1).toLongLong(&sizeOk)};
    if (!firstOk || !lastOk || !sizeOk || range.first < 0 || range.last < range.first || range.last >= range.size)
        return std::nullopt;
    return range;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Retry-After is either seconds or an HTTP date (RFC 9110, 10.2.3).
std::optional<std::chrono::seconds> retryAfter(const QByteArray &header)
{
    if (header.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = header.trimmed().toLongLong(&ok);
    if (ok)
        return std::chrono::seconds(std::max<qint64>(0, seconds));
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(header).trimmed(), Qt::RFC2822Date);
    if (!date.isValid())
        return std::nullopt;
    return std::chrono::seconds(std::max<qint64>(0, Clock::current().now().secsTo(date)));
}

ApiResponse invalidReply(const QString &code, const QString &message, int status)
{
    ApiResponse response;
    response.outcome = ApiResponse::Outcome::InvalidReply;
    response.httpStatus = status;
    response.errorCode = code;
    response.errorMessage = message;
    return response;
}

// What a call answers when there is no session to make it with.
ApiResponse notLoggedIn()
{
    ApiResponse response;
    response.outcome = ApiResponse::Outcome::HttpError;
    response.httpStatus = 401;
    response.errorCode = QStringLiteral("not_logged_in");
    response.errorMessage = QStringLiteral("No session: log in first.");
    return response;
}

ApiResponse readReply(QNetworkReply *reply, bool tooLarge)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (tooLarge)
        return invalidReply(QLatin1String(ReplyTooLarge), QStringLiteral("the reply exceeded the size limit"), status);
    ApiResponse response;
    response.httpStatus = status;
    // A reply whose connection broke after its status line is as lost as one that never came (network-layer
    // errors are Qt's codes 1 to 99), not a malformed reply of a reachable server.
    const bool connectionLost = reply->error() > QNetworkReply::NoError && reply->error() < 100;
    if (status == 0 || connectionLost) {
        response.outcome = ApiResponse::Outcome::NetworkFailure;
        response.errorMessage = reply->errorString();
        return response;
    }
    response.retryAfter = retryAfter(reply->rawHeader(QByteArrayLiteral("Retry-After")));
    response.etag = reply->rawHeader(QByteArrayLiteral("ETag"));
    if (status == ApiResponse::NotModified) {
        response.outcome = ApiResponse::Outcome::Success;
        return response;
    }
    const QByteArray body = reply->readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (status >= 200 && status < 300) {
        if (body.isEmpty()) {
            response.outcome = ApiResponse::Outcome::Success;
            return response;
        }
        if (!document.isObject())
            return invalidReply(QStringLiteral("malformed_reply"),
                                QStringLiteral("the reply is not a JSON object: %1").arg(parseError.errorString()),
                                status);
        response.outcome = ApiResponse::Outcome::Success;
        response.body = document.object();
        return response;
    }
    response.outcome = ApiResponse::Outcome::HttpError;
    // A proxy in front of the server answers errors without our JSON: the status alone must then do.
    const QJsonObject error = document.object().value(QLatin1String("error")).toObject();
    response.errorCode = error.value(QLatin1String("code")).toString();
    response.errorMessage = error.value(QLatin1String("message")).toString();
    if (response.errorMessage.isEmpty())
        response.errorMessage = reply->errorString();
    return response;
}

} // namespace

ServerApi::ServerApi(const QUrl &serverUrl, TokenStore &tokens, QObject *parent)
    : QObject(parent), m_serverUrl(serverUrl), m_tokens(tokens)
{
    // A redirect from https to http would send the tokens in the clear.
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

void ServerApi::login(const QString &login, const QString &password, const QUuid &clientId, Callback done)
{
    QNetworkReply *reply = send(QByteArrayLiteral("POST"), QStringLiteral("/api/v1/auth/login"), {},
                                compact({{QStringLiteral("login"), login},
                                         {QStringLiteral("password"), password},
                                         {QStringLiteral("clientId"), uuidToString(clientId)}}),
                                {});
    whenFinished(reply, [this, done = std::move(done)](const ApiResponse &response) {
        done(response.ok() ? storeTokens(response) : response);
    });
}

void ServerApi::push(const QUuid &clientId, const QList<Command> &commands, Callback done)
{
    QJsonArray array;
    for (const Command &command : commands)
        array.append(command.toJson());
    callAuthenticated(
        {QByteArrayLiteral("POST"),
         QStringLiteral("/api/v1/sync/push"),
         {},
         compact({{QStringLiteral("clientId"), uuidToString(clientId)}, {QStringLiteral("commands"), array}}),
         std::move(done)});
}

void ServerApi::pull(const QString &cursor, int limit, qint64 resultsAfter, Callback done)
{
    QUrlQuery query;
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (resultsAfter >= 0)
        query.addQueryItem(QStringLiteral("resultsAfter"), QString::number(resultsAfter));
    callAuthenticated({QByteArrayLiteral("GET"), QStringLiteral("/api/v1/sync/pull"), query, {}, std::move(done)});
}

void ServerApi::reference(const QByteArray &etag, Callback done)
{
    Call call{QByteArrayLiteral("GET"), QStringLiteral("/api/v1/reference"), {}, {}, std::move(done)};
    if (!etag.isEmpty())
        call.headers.append({QByteArrayLiteral("If-None-Match"), etag});
    callAuthenticated(std::move(call));
}

QString ServerApi::blobPath(const QString &sha256)
{
    // The digest is checked by the server (400 invalid_sha256); percent-encoding keeps it one path segment.
    return QStringLiteral("/api/v1/blobs/") + QString::fromLatin1(QUrl::toPercentEncoding(sha256));
}

void ServerApi::blobStatus(const QString &sha256, Callback done)
{
    Call call{QByteArrayLiteral("HEAD"), blobPath(sha256), {}, {}, std::move(done)};
    call.uploadOffset = true;
    callAuthenticated(std::move(call));
}

void ServerApi::uploadBlobPart(const QString &sha256, qint64 offset, qint64 total, const QByteArray &bytes,
                               Callback done)
{
    Call call{QByteArrayLiteral("PUT"), blobPath(sha256), {}, bytes, std::move(done)};
    call.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/octet-stream")});
    // An empty blob has no byte to name: without Content-Range the body is the whole blob.
    if (total > 0)
        call.headers.append({ContentRangeHeader, QByteArrayLiteral("bytes ") + QByteArray::number(offset) + '-' +
                                                     QByteArray::number(offset + bytes.size() - 1) + '/' +
                                                     QByteArray::number(total)});
    callAuthenticated(std::move(call));
}

void ServerApi::downloadBlobRange(const QString &sha256, qint64 first, qint64 last, ByteSink sink, Callback done)
{
    Call call{QByteArrayLiteral("GET"), blobPath(sha256), {}, {}, std::move(done)};
    call.headers.append({QByteArrayLiteral("Range"),
                         QByteArrayLiteral("bytes=") + QByteArray::number(first) + '-' + QByteArray::number(last)});
    call.sink = std::move(sink);
    call.rangeFirst = first;
    callAuthenticated(std::move(call));
}

void ServerApi::callAuthenticated(Call call)
{
    if (m_refreshing) {
        m_waitingForRefresh.append(std::move(call));
        return;
    }
    const std::optional<SessionTokens> tokens = m_tokens.tokens();
    if (!tokens) {
        call.done(notLoggedIn());
        return;
    }
    // Refreshing a little early spares the server a request it would refuse.
    const bool expiring = tokens->accessExpiresAt.isValid() &&
                          Clock::current().now().secsTo(tokens->accessExpiresAt) < m_limits.refreshMarginSeconds;
    if (expiring && !call.afterRefresh) {
        m_waitingForRefresh.append(std::move(call));
        startRefresh();
        return;
    }
    sendWithToken(std::move(call), tokens->accessToken);
}

void ServerApi::sendWithToken(Call call, const QString &accessToken)
{
    QNetworkReply *reply = send(call.verb, call.path, call.query, call.body, accessToken, call.headers);
    const ByteSink sink = call.sink;
    const qint64 rangeFirst = call.rangeFirst;
    const bool uploadOffset = call.uploadOffset;
    auto handle = [this, call = std::move(call), accessToken](const ApiResponse &response) mutable {
        if (response.httpStatus != 401 || call.afterRefresh) {
            call.done(response);
            return;
        }
        call.afterRefresh = true;
        const std::optional<SessionTokens> current = m_tokens.tokens();
        if (current && current->accessToken != accessToken) {
            // Another call refreshed while this one was under way: its tokens are the ones to use.
            callAuthenticated(std::move(call));
            return;
        }
        m_waitingForRefresh.append(std::move(call));
        startRefresh();
    };
    if (sink)
        whenStreamed(reply, sink, rangeFirst, std::move(handle));
    else
        whenFinished(reply, std::move(handle), uploadOffset);
}

void ServerApi::startRefresh()
{
    if (m_refreshing)
        return;
    const std::optional<SessionTokens> tokens = m_tokens.tokens();
    if (!tokens) {
        finishRefresh(notLoggedIn());
        return;
    }
    m_refreshing = true;
    qCDebug(lcSync) << "refreshing the access token for" << m_waitingForRefresh.size() << "waiting calls";
    QNetworkReply *reply = send(QByteArrayLiteral("POST"), QStringLiteral("/api/v1/auth/refresh"), {},
                                compact({{QStringLiteral("refreshToken"), tokens->refreshToken}}), {});
    whenFinished(reply, [this](const ApiResponse &response) {
        finishRefresh(response.ok() ? storeTokens(response) : response);
    });
}

void ServerApi::finishRefresh(const ApiResponse &response)
{
    m_refreshing = false;
    QList<Call> waiting = std::exchange(m_waitingForRefresh, {});
    if (response.ok()) {
        emit tokensRefreshed();
        for (Call &call : waiting) {
            call.afterRefresh = true;
            callAuthenticated(std::move(call));
        }
        return;
    }
    if (response.isSessionEnded()) {
        qCWarning(lcSync).noquote() << "the session ended:" << response.describe();
        if (Result<void> cleared = m_tokens.clear(); !cleared)
            qCWarning(lcSync).noquote() << "could not clear the tokens:" << cleared.error().toString();
        emit sessionEnded(response.errorCode);
    }
    // A transient failure keeps the tokens: the calls fail now and are made again later.
    for (Call &call : waiting)
        call.done(response);
}

QNetworkReply *ServerApi::send(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                               const QByteArray &body, const QString &accessToken, const Headers &headers)
{
    QUrl url = m_serverUrl;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_limits.transferTimeoutMs);
    // The server (QtHttpServer 6.4) speaks HTTP/1.1 only; no upgrade attempt on each connection.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!body.isEmpty() || verb == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (verb == "PUT") // also for an empty blob, whose request has no body at all
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
    if (!accessToken.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + accessToken.toLatin1());
    // head() tells the network layer that no body follows, whatever Content-Length says.
    if (verb == "HEAD")
        return m_network.head(request);
    return m_network.sendCustomRequest(request, verb, body);
}

void ServerApi::whenFinished(QNetworkReply *reply, std::function<void(const ApiResponse &)> handle, bool uploadOffset)
{
    const qint64 limit = m_limits.maxReplyBytes;
    // Checked while it arrives, so an endless or huge reply is never held in memory.
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, limit](qint64 received, qint64 total) {
        if (received > limit || total > limit) {
            reply->setProperty(ReplyTooLarge, true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [reply, handle = std::move(handle), uploadOffset] {
        reply->deleteLater();
        ApiResponse response = readReply(reply, reply->property(ReplyTooLarge).toBool());
        if (uploadOffset && response.ok()) {
            bool receivedOk = false, sizeOk = false;
            const qint64 received = reply->rawHeader(QByteArrayLiteral("Upload-Offset")).toLongLong(&receivedOk);
            const qint64 size = reply->rawHeader(QByteArrayLiteral("Upload-Length")).toLongLong(&sizeOk);
            if (!receivedOk || !sizeOk || received < 0 || received > size)
                response =
                    invalidReply(QStringLiteral("malformed_reply"),
                                 QStringLiteral("no valid Upload-Offset and Upload-Length"), response.httpStatus);
            else
                response.body = {{QStringLiteral("received"), received}, {QStringLiteral("size"), size}};
        }
        handle(response);
    });
}

void ServerApi::whenStreamed(QNetworkReply *reply, ByteSink sink, qint64 first,
                             std::function<void(const ApiResponse &)> handle)
{
    // Decided at the first bytes: a 206 for the range asked for streams into the sink; an error's JSON is read
    // as usual; anything else (a whole blob in a 200, another range) is refused before it fills memory.
    struct Stream {
        bool decided = false;
        std::optional<ByteRange> range;
        QString refused; // our error code once the download was stopped
    };
    auto stream = std::make_shared<Stream>();
    const qint64 limit = m_limits.maxReplyBytes;
    const auto take = [reply, sink = std::move(sink), first, stream, limit] {
        if (!stream->refused.isEmpty())
            return;
        if (!stream->decided) {
            stream->decided = true;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 206) {
                stream->range = contentRange(reply->rawHeader(ContentRangeHeader));
                if (!stream->range || stream->range->first != first)
                    stream->refused = QStringLiteral("unexpected_range");
            } else if (status >= 200 && status < 300) {
                stream->refused = QStringLiteral("unexpected_range");
            }
        }
        if (stream->refused.isEmpty()) {
            if (stream->range) {
                if (!sink(reply->readAll()))
                    stream->refused = QStringLiteral("download_refused");
            } else if (reply->bytesAvailable() > limit) {
                stream->refused = QLatin1String(ReplyTooLarge);
            }
        }
        if (!stream->refused.isEmpty())
            reply->abort();
    };
    connect(reply, &QNetworkReply::readyRead, reply, take);
    connect(reply, &QNetworkReply::finished, this, [reply, take, stream, handle = std::move(handle)] {
        reply->deleteLater();
        take(); // what arrived last, also before a connection was lost: those bytes are good
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (!stream->refused.isEmpty()) {
            handle(invalidReply(stream->refused, QStringLiteral("the download was stopped"), status));
            return;
        }
        if (!stream->range) {
            handle(readReply(reply, false));
            return;
        }
        ApiResponse response;
        response.httpStatus = status;
        if (reply->error() != QNetworkReply::NoError) {
            response.outcome = ApiResponse::Outcome::NetworkFailure;
            response.errorMessage = reply->errorString();
        } else {
            response.outcome = ApiResponse::Outcome::Success;
            response.body = {{QStringLiteral("first"), stream->range->first},
                             {QStringLiteral("last"), stream->range->last},
                             {QStringLiteral("size"), stream->range->size}};
        }
        handle(response);
    });
}

ApiResponse ServerApi::storeTokens(const ApiResponse &response)
{
    const QJsonObject &body = response.body;
    const QDateTime now = Clock::current().now();
    SessionTokens tokens;
    tokens.accessToken = body.value(QLatin1String("accessToken")).toString();
    tokens.refreshToken = body.value(QLatin1String("refreshToken")).toString();
    tokens.accessExpiresAt = now.addSecs(body.value(QLatin1String("accessExpiresIn")).toInteger());
    tokens.refreshExpiresAt = now.addSecs(body.value(QLatin1String("refreshExpiresIn")).toInteger());
    tokens.userId = uuidFromString(body.value(QLatin1String("userId")).toString());
    tokens.sessionId = uuidFromString(body.value(QLatin1String("sessionId")).toString());
    if (tokens.accessToken.isEmpty() || tokens.refreshToken.isEmpty() || tokens.userId.isNull())
        return invalidReply(QStringLiteral("malformed_reply"), QStringLiteral("the reply carries no tokens"),
                            response.httpStatus);
    if (Result<void> stored = m_tokens.store(tokens); !stored) {
        // Without a stored refresh token the session would be lost at the next start: treat it as not logged in.
        qCWarning(lcSync).noquote() << "could not store the tokens:" << stored.error().toString();
        return invalidReply(QStringLiteral("token_store_failed"), stored.error().toString(), response.httpStatus);
    }
    return response;
}

} // namespace casedesk::sync
