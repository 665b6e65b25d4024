// Document contents (blobs) in PostgreSQL, content-addressed by SHA-256 (DESIGN.md, decisions 5 and 6).
//
// Each user uploads into an upload of their own (sha256, user), resumable at its `received` offset and kept in
// chunks of at most ChunkSize bytes. When the last byte arrives, the SHA-256 of all chunks must equal the
// name, else the upload is discarded. The first verified upload of a content becomes the blob (table blobs,
// what documents refer to); later verified uploads of the same content only record that their user has it.
//
// Visibility (what HEAD and GET answer to): a complete blob is visible to a user who uploaded it completely
// and to whoever AccessPolicy lets read a case that has a document with this SHA-256; a user's own unfinished
// upload is visible to that user. Nothing else is, not even whether it exists.
//
// Abandoned uploads go (removeAbandoned): an unfinished upload without progress for the expiry time, and a
// finished content that no document refers to when its last finished upload is that old, bytes included.
#pragma once

#include "core/AccessScope.h"
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QUuid>

#include <optional>

namespace casedesk::server {

// What a caller may know of a blob: the whole size and how much of it is stored.
struct BlobStatus {
    qint64 size = 0;
    qint64 received = 0;
    bool complete = false;
};

// What one removeAbandoned() run deleted.
struct BlobCleanup {
    qint64 uploads = 0; // unfinished uploads
    qint64 blobs = 0;   // finished contents that no document referred to
};

struct BlobAppend {
    enum class Outcome {
        Stored,         // appended (or already complete); `status` is the upload's state now
        OffsetMismatch, // the data did not start at status.received; nothing stored
        HashMismatch,   // complete, but the bytes do not hash to the name: the upload is gone
    };
    Outcome outcome = Outcome::Stored;
    BlobStatus status;
};

class BlobStore {
public:
    static constexpr qint64 ChunkSize = 1024 * 1024;

    // `db`: an open connection of the calling thread, migrated to the current schema.
    explicit BlobStore(QSqlDatabase db);

    // 64 hexadecimal digits (either case) as the 32-byte digest; nullopt for anything else.
    static std::optional<QByteArray> parseSha256(QStringView text);

    // Whether verified content with this digest is stored (attachDocument may refer to it).
    Result<bool> isComplete(const QByteArray &sha256) const;
    // Whether `userId` uploaded this content completely (so they had the bytes and may attach them).
    Result<bool> hasUploaded(const QByteArray &sha256, const QUuid &userId) const;

    // The blob as the scope's user may see it; nullopt when it is not visible to them.
    Result<std::optional<BlobStatus>> status(const QByteArray &sha256, const AccessScope &scope) const;

    // Appends `data` at `offset` to the user's upload of a blob of `size` bytes (size <= the caller's limit).
    // An upload started with another size starts over: then only offset 0 is accepted. An upload the user
    // already completed accepts nothing more and answers Stored with its complete status.
    Result<BlobAppend> append(const QByteArray &sha256, const QUuid &userId, qint64 offset, qint64 size,
                              const QByteArray &data);

    // `length` bytes from `from` of a complete blob (the caller checked visibility and bounds).
    Result<QByteArray> read(const QByteArray &sha256, qint64 from, qint64 length) const;

    // Deletes unfinished uploads last appended to before `cutoff`, and contents that no document refers to whose
    // finished uploads all ended before `cutoff`, with their uploads and bytes. Idempotent; contents that a
    // running transaction is attaching or storing right now are left for the next run.
    Result<BlobCleanup> removeAbandoned(const QDateTime &cutoff);

private:
    Result<bool> readableThroughCase(const QByteArray &sha256, const AccessScope &scope) const;
    // SHA-256 over the upload's chunks in order, one chunk in memory at a time.
    Result<QByteArray> digestOf(qint64 uploadId) const;

    QSqlDatabase m_db;
};

} // namespace casedesk::server
