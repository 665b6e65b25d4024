// Moves document contents between the encrypted local blob store and the server (DESIGN.md, decisions 4 and 5;
// modules/server/BlobApi.h). Both directions resume where they stopped and are verified by SHA-256:
//
// - ensureUploaded asks the server how much it holds (HEAD), then sends the rest in pieces decrypted from the
//   store on the fly; the server checks the digest when the last byte arrives. A blob the server already has
//   costs one HEAD. A lost connection is followed by another HEAD and the upload goes on from there.
// - download fetches ranges and writes each piece into an encrypting BlobFileStore writer as it arrives
//   (never a plaintext file, never the whole blob in memory); after a lost connection it continues with a
//   Range from what arrived, and after a restart from what the store kept of the blob's part. The blob
//   becomes visible only once its digest matched.
//
// The rule "attachDocument is sent only once the server has the blob": before pushing an attachDocument
// command (blobOf() names its blob), the sync engine calls ensureUploaded and pushes the command only after
// it succeeded. Everything answers through callbacks on this object's thread, like ServerApi.
#pragma once

#include "core/Command.h"
#include "core/Result.h"
#include "sync/ApiResponse.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace casedesk::storage {
class BlobFileStore;
}

namespace casedesk::sync {

class ServerApi;

class BlobTransfer : public QObject {
    Q_OBJECT

public:
    struct Limits {
        qint64 uploadPieceBytes = 4 * 1024 * 1024;   // per PUT: below the server's request limit (8 MiB)
        qint64 downloadRangeBytes = 4 * 1024 * 1024; // per GET: the server holds each answer whole in memory
        int attemptsWithoutProgress = 3;             // lost connections in a row before giving up for now
    };

    struct Outcome {
        Result<void> result;                 // the error says what happened and what to do
        std::optional<ApiResponse> response; // the server's answer that ended a failed transfer, if it was one
        bool ok() const { return result.ok(); }
        // Worth trying again later (no connection, server busy): the caller retries with its backoff, honouring
        // response->retryAfter. Not for a local failure or a refusal.
        bool isTransient() const { return !ok() && response && response->isTransient(); }
    };
    using Done = std::function<void(const Outcome &)>;

    BlobTransfer(ServerApi &api, const storage::BlobFileStore &store, QObject *parent = nullptr);

    void setLimits(const Limits &limits) { m_limits = limits; }

    // Makes sure the server holds the whole blob `sha256` from the local store.
    void ensureUploaded(const QString &sha256, Done done);
    // Fetches the blob `sha256` into the local store (nothing to do when it is there already).
    void download(const QString &sha256, Done done);

    // The blob an attachDocument command refers to; nullopt for every other command.
    static std::optional<QString> blobOf(const Command &command);

private:
    struct Upload;
    struct Download;

    void askUploadOffset(const std::shared_ptr<Upload> &upload);
    void sendFrom(const std::shared_ptr<Upload> &upload, qint64 offset);
    void fetchNext(const std::shared_ptr<Download> &download);
    // After a lost connection or a refused offset: true when the transfer should go on, false once it made no
    // progress too often (the caller then gives up with `response`).
    bool mayRetry(int &failuresInRow) const;

    ServerApi &m_api;
    const storage::BlobFileStore &m_store;
    Limits m_limits;
};

} // namespace casedesk::sync
