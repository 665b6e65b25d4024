#include "sync/BlobTransfer.h"

#include "core/DocumentRef.h"
#include "storage/BlobFileStore.h"
#include "sync/ServerApi.h"
#include "sync/SyncLog.h"

#include <QCoreApplication>
#include <QPointer>

namespace casedesk::sync {

using storage::BlobFileStore;

struct BlobTransfer::Upload {
    QString sha256;
    Done done;
    std::unique_ptr<BlobFileStore::Reader> reader;
    int failuresInRow = 0;
};

struct BlobTransfer::Download {
    QString sha256;
    Done done;
    std::unique_ptr<BlobFileStore::Writer> writer;
    qint64 size = 0;
    int failuresInRow = 0;
    std::optional<Error> writeError; // the sink's failure, which stopped the current range
};

namespace {

BlobTransfer::Outcome succeeded()
{
    return {};
}

BlobTransfer::Outcome failed(Error error)
{
    return {std::move(error), std::nullopt};
}

// A server's answer that ends a transfer, said for the user.
BlobTransfer::Outcome refused(const QString &sha256, const ApiResponse &response)
{
    qCWarning(lcSync).noquote() << "transfer of blob" << sha256 << "failed:" << response.describe();
    Error error;
    if (response.isTransient())
        error = makeError(ErrorCode::Io,
                          QCoreApplication::translate("Sync", "The document could not be transferred because the "
                                                              "server is not reachable. It is sent again automatically "
                                                              "when the connection is back."),
                          response.describe());
    else if (response.httpStatus == 404)
        error = makeError(ErrorCode::NotFound,
                          QCoreApplication::translate("Sync", "The document is not available to you on the server. Ask "
                                                              "whoever attached it, or check that the case is still "
                                                              "yours."),
                          response.describe());
    else if (response.errorCode == QLatin1String("hash_mismatch"))
        error = makeError(ErrorCode::Corrupt,
                          QCoreApplication::translate("Sync", "The server refused the document because its content "
                                                              "does not match its checksum. Attach the file again."),
                          response.describe());
    else if (response.httpStatus == 413)
        error = makeError(ErrorCode::Invalid,
                          QCoreApplication::translate("Sync", "The document is larger than the server accepts. Reduce "
                                                              "its size (for example scan at a lower resolution) and "
                                                              "attach it again."),
                          response.describe());
    else
        error = makeError(ErrorCode::Invalid,
                          QCoreApplication::translate("Sync", "The server refused the document transfer. Try again "
                                                              "later; if this persists, contact IT support."),
                          response.describe());
    return {std::move(error), response};
}

Error unexpectedSize(const QString &sha256, qint64 local, qint64 server)
{
    return makeError(ErrorCode::Corrupt,
                     QCoreApplication::translate("Sync", "The server holds a document of another size under the same "
                                                         "checksum. Contact IT support."),
                     QStringLiteral("blob %1: %2 bytes here, %3 on the server").arg(sha256).arg(local).arg(server));
}

} // namespace

BlobTransfer::BlobTransfer(ServerApi &api, const BlobFileStore &store, QObject *parent)
    : QObject(parent), m_api(api), m_store(store)
{
}

std::optional<QString> BlobTransfer::blobOf(const Command &command)
{
    if (command.name != CommandName::AttachDocument)
        return std::nullopt;
    return command.args.value(QLatin1String("document")).toObject().value(QLatin1String("sha256")).toString();
}

bool BlobTransfer::mayRetry(int &failuresInRow) const
{
    return ++failuresInRow <= m_limits.attemptsWithoutProgress;
}

// ---- upload ----

void BlobTransfer::ensureUploaded(const QString &sha256, Done done)
{
    auto upload = std::make_shared<Upload>();
    upload->sha256 = sha256;
    upload->done = std::move(done);
    Result<std::unique_ptr<BlobFileStore::Reader>> reader = m_store.openRead(sha256);
    if (!reader) {
        upload->done(failed(reader.error()));
        return;
    }
    upload->reader = std::move(reader).value();
    askUploadOffset(upload);
}

void BlobTransfer::askUploadOffset(const std::shared_ptr<Upload> &upload)
{
    m_api.blobStatus(upload->sha256, [self = QPointer(this), upload](const ApiResponse &response) {
        if (!self)
            return;
        const qint64 size = upload->reader->size();
        if (response.httpStatus == 404) { // nobody uploaded it yet (or it is outside the scope: the PUT says so)
            self->sendFrom(upload, 0);
            return;
        }
        if (!response.ok()) {
            upload->done(refused(upload->sha256, response));
            return;
        }
        const qint64 received = response.body.value(QLatin1String("received")).toInteger();
        const qint64 serverSize = response.body.value(QLatin1String("size")).toInteger();
        if (serverSize != size) {
            upload->done(failed(unexpectedSize(upload->sha256, size, serverSize)));
            return;
        }
        if (received == serverSize) {
            qCDebug(lcSync) << "the server holds blob" << upload->sha256;
            upload->done(succeeded());
            return;
        }
        self->sendFrom(upload, received);
    });
}

void BlobTransfer::sendFrom(const std::shared_ptr<Upload> &upload, qint64 offset)
{
    // The store's stream runs forwards only: a server that holds less than was sent means starting it again.
    if (offset < upload->reader->position()) {
        Result<std::unique_ptr<BlobFileStore::Reader>> reader = m_store.openRead(upload->sha256);
        if (!reader) {
            upload->done(failed(reader.error()));
            return;
        }
        upload->reader = std::move(reader).value();
    }
    if (Result<void> skipped = upload->reader->skip(offset - upload->reader->position()); !skipped) {
        upload->done(failed(skipped.error()));
        return;
    }
    const Result<QByteArray> piece = upload->reader->read(m_limits.uploadPieceBytes);
    if (!piece) {
        upload->done(failed(piece.error()));
        return;
    }
    const qint64 size = upload->reader->size();
    m_api.uploadBlobPart(upload->sha256, offset, size, piece.value(),
                         [self = QPointer(this), upload, offset](const ApiResponse &response) {
                             if (!self)
                                 return;
                             if (response.ok()) {
                                 const qint64 received = response.body.value(QLatin1String("received")).toInteger();
                                 if (response.body.value(QLatin1String("complete")).toBool()) {
                                     qCDebug(lcSync) << "uploaded blob" << upload->sha256;
                                     upload->done(succeeded());
                                     return;
                                 }
                                 if (received > offset)
                                     upload->failuresInRow = 0;
                                 else if (!self->mayRetry(upload->failuresInRow)) {
                                     upload->done(refused(upload->sha256, response));
                                     return;
                                 }
                                 self->sendFrom(upload, received);
                                 return;
                             }
                             // A lost reply may have been stored all the same, and a 409 names another offset: ask
                             // again.
                             const bool offsetMismatch = response.errorCode == QLatin1String("offset_mismatch");
                             if ((response.isTransient() || offsetMismatch) && self->mayRetry(upload->failuresInRow)) {
                                 qCInfo(lcSync).noquote() << "resuming the upload of blob" << upload->sha256 << "after"
                                                          << response.describe();
                                 self->askUploadOffset(upload);
                                 return;
                             }
                             upload->done(refused(upload->sha256, response));
                         });
}

// ---- download ----

void BlobTransfer::download(const QString &sha256, Done done)
{
    if (m_store.contains(sha256)) {
        done(succeeded());
        return;
    }
    auto download = std::make_shared<Download>();
    download->sha256 = sha256;
    download->done = std::move(done);
    Result<std::unique_ptr<BlobFileStore::Writer>> writer = m_store.beginWrite(sha256);
    if (!writer) {
        download->done(failed(writer.error()));
        return;
    }
    download->writer = std::move(writer).value();
    m_api.blobStatus(sha256, [self = QPointer(this), download](const ApiResponse &response) {
        if (!self)
            return;
        if (!response.ok()) {
            download->done(refused(download->sha256, response));
            return;
        }
        download->size = response.body.value(QLatin1String("size")).toInteger();
        if (response.body.value(QLatin1String("received")).toInteger() != download->size) {
            download->done(failed(makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("Sync", "The document has not been uploaded completely yet. Try again "
                                                    "once the computer it was attached on has synchronised."),
                QStringLiteral("blob %1 is incomplete on the server").arg(download->sha256))));
            return;
        }
        self->fetchNext(download);
    });
}

void BlobTransfer::fetchNext(const std::shared_ptr<Download> &download)
{
    const qint64 first = download->writer->written();
    // More than the blob holds can only come from a part of other content: commit refuses it and removes it.
    if (first >= download->size) {
        const Result<QString> committed = download->writer->commit();
        download->done(committed ? succeeded() : failed(committed.error()));
        return;
    }
    const qint64 last = std::min(first + m_limits.downloadRangeBytes, download->size) - 1;
    auto sink = [download, last](const QByteArray &bytes) {
        if (download->writer->written() + bytes.size() > last + 1) {
            download->writeError =
                unexpectedSize(download->sha256, last + 1, download->writer->written() + bytes.size());
            return false;
        }
        if (Result<void> written = download->writer->write(bytes); !written) {
            download->writeError = written.error();
            return false;
        }
        return true;
    };
    m_api.downloadBlobRange(
        download->sha256, first, last, sink, [self = QPointer(this), download, first](const ApiResponse &response) {
            if (!self)
                return;
            if (download->writeError) {
                download->done(failed(*download->writeError));
                return;
            }
            if (response.ok() && response.body.value(QLatin1String("size")).toInteger() != download->size) {
                download->done(failed(unexpectedSize(download->sha256, download->size,
                                                     response.body.value(QLatin1String("size")).toInteger())));
                return;
            }
            // A lost connection keeps what arrived: the next range starts there.
            const bool progressed = download->writer->written() > first;
            if (progressed)
                download->failuresInRow = 0;
            if ((response.ok() || response.isTransient()) && (progressed || self->mayRetry(download->failuresInRow))) {
                if (!response.ok())
                    qCInfo(lcSync).noquote() << "resuming the download of blob" << download->sha256 << "at"
                                             << download->writer->written() << "after" << response.describe();
                self->fetchNext(download);
                return;
            }
            download->done(refused(download->sha256, response));
        });
}

} // namespace casedesk::sync
