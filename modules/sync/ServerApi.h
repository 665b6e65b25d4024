// The client's HTTP API to casedesk-server (DESIGN.md, "Sync protocol"; the shapes are those of
// modules/server's AuthApi, PushApi and PullApi). Asynchronous over one QNetworkAccessManager: every call
// answers once through its callback, on this object's thread, with an ApiResponse.
//
// Authenticated calls carry the access token from the TokenStore. It is refreshed shortly before it expires
// and whenever the server answers 401: however many calls run into a 401 at once, one refresh runs and they
// all continue with its tokens (the server spends a refresh token when it rotates it, and ends the session
// when a spent one comes again). A refresh the server refuses ends the session: the tokens are cleared,
// sessionEnded() is emitted and waiting calls answer 401.
//
// Blobs (modules/server/BlobApi.h) go through the same token handling. Their bodies are never held whole:
// an upload sends one piece per call, a download hands each piece of the body to a sink as it arrives.
#pragma once

#include "core/Command.h"
#include "sync/ApiResponse.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkReply;

namespace casedesk::sync {

class TokenStore;

class ServerApi : public QObject {
    Q_OBJECT

public:
    using Callback = std::function<void(const ApiResponse &)>;
    // Takes the next bytes of a download as they arrive; false stops it (the call answers InvalidReply
    // "download_refused").
    using ByteSink = std::function<bool(const QByteArray &)>;

    struct Limits {
        qint64 maxReplyBytes = 256 * 1024 * 1024; // a pull page of 1000 cases with their notes stays far below
        int transferTimeoutMs = 90 * 1000;        // no byte for this long: give up (a long poll waits 60 s)
        int refreshMarginSeconds = 30;            // refresh when the access token has less time left than this
    };

    ServerApi(const QUrl &serverUrl, TokenStore &tokens, QObject *parent = nullptr);

    QUrl serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QUrl &serverUrl) { m_serverUrl = serverUrl; }
    void setLimits(const Limits &limits) { m_limits = limits; }

    // POST /api/v1/auth/login; on success the tokens are stored before `done` runs.
    void login(const QString &login, const QString &password, const QUuid &clientId, Callback done);
    // POST /api/v1/sync/push with commands of `clientId` in clientSeq order -> {results: [...]}.
    void push(const QUuid &clientId, const QList<Command> &commands, Callback done);
    // GET /api/v1/sync/pull; an empty cursor pulls from the beginning, resultsAfter < 0 asks for no results.
    void pull(const QString &cursor, int limit, qint64 resultsAfter, Callback done);
    // GET /api/v1/reference (users, teams, deputyships, process models, forms, code lists, holidays). With the
    // ETag of the copy the caller holds, an unchanged state answers 304 (ApiResponse::NotModified, no body).
    void reference(const QByteArray &etag, Callback done);

    // HEAD /api/v1/blobs/SHA256: how much of the blob the server holds, as the body {"received": N,
    // "size": M} (from Upload-Offset and Upload-Length; equal when complete). 404 when the caller may not see
    // it or nobody uploaded it yet.
    void blobStatus(const QString &sha256, Callback done);
    // PUT /api/v1/blobs/SHA256 with bytes OFFSET.. of a blob of `total` bytes -> {sha256, size, received,
    // complete}; 409 offset_mismatch when the server holds another offset, 422 hash_mismatch after the last
    // byte when the content is not SHA256 (the server dropped the upload).
    void uploadBlobPart(const QString &sha256, qint64 offset, qint64 total, const QByteArray &bytes, Callback done);
    // GET /api/v1/blobs/SHA256 with "Range: bytes=FIRST-LAST": the body goes to `sink` while it arrives; the
    // answer's body is {"first", "last", "size"} from Content-Range. A connection lost midway answers
    // NetworkFailure after the sink took what did arrive: continue with a Range from there.
    void downloadBlobRange(const QString &sha256, qint64 first, qint64 last, ByteSink sink, Callback done);

signals:
    void tokensRefreshed();
    void sessionEnded(const QString &code); // the server's reason ("session_revoked", "session_expired", ...)

private:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    struct Call {
        QByteArray verb;
        QString path;
        QUrlQuery query;
        QByteArray body;
        Callback done;
        bool afterRefresh = false; // a 401 now is final
        Headers headers{};         // besides Authorization; a Content-Type here replaces the JSON one
        bool uploadOffset = false; // the answer is Upload-Offset/Upload-Length (HEAD), not a body
        ByteSink sink{};           // a ranged download streams its body here
        qint64 rangeFirst = 0;     // with sink: the first byte asked for
    };

    void callAuthenticated(Call call);
    void sendWithToken(Call call, const QString &accessToken);
    void startRefresh();
    void finishRefresh(const ApiResponse &response);
    QNetworkReply *send(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
                        const QString &accessToken, const Headers &headers = {});
    // Reads the reply (within the size limit) into a response and hands it on once.
    void whenFinished(QNetworkReply *reply, std::function<void(const ApiResponse &)> handle, bool uploadOffset = false);
    // Like whenFinished, but a 206 body goes to `sink` while it arrives instead of into the response.
    void whenStreamed(QNetworkReply *reply, ByteSink sink, qint64 first,
                      std::function<void(const ApiResponse &)> handle);
    static QString blobPath(const QString &sha256);
    // Stores the tokens of a login or refresh reply; an InvalidReply or the store's failure otherwise.
    ApiResponse storeTokens(const ApiResponse &response);

    QUrl m_serverUrl;
    TokenStore &m_tokens;
    Limits m_limits;
    QNetworkAccessManager m_network;
    bool m_refreshing = false;
    QList<Call> m_waitingForRefresh;
};

} // namespace casedesk::sync
