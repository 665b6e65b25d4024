// Document contents (blobs) beside the cache, encrypted at rest (DESIGN.md, decisions 4 and 5): one file per
// SHA-256 in "<cache path>.blobs/", named by the 64 lowercase hex digits of the plaintext's SHA-256.
//
// A file is "CDBLOB1\n" followed by a libsodium crypto_secretstream_xchacha20poly1305 stream of 64 KiB
// plaintext chunks; the last chunk (possibly empty) carries TAG_FINAL and the binary SHA-256 as additional
// data, so a truncated file, a changed byte and a file renamed to another digest are all told apart from a
// good one. The key is derived from the cache key (crypto_kdf, fixed context): no second keychain entry.
//
// Writing goes to a part file in the folder and becomes visible by rename only after the plaintext's SHA-256
// matched; reading decrypts chunk by chunk and checks the digest at the end. No plaintext ever touches the
// disk. The methods block on file I/O: call them off the UI thread.
//
// A download that broke off goes on where it stopped, also after a restart: the part of a blob whose digest
// is known ("<sha256>.part") stays when its writer ends without commit, and the next writer for that blob
// reads it back (its hash and its stream state follow from the authenticated chunks) and appends. A part whose
// content turns out not to match the digest, or whose write failed, is removed; one nobody resumes for a day
// goes when the store is opened.
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>

#include <memory>
#include <sodium.h>

namespace casedesk::storage {

class BlobFileStore {
public:
    static constexpr qint64 ChunkSize = 64 * 1024; // plaintext bytes per encrypted chunk

    // Streams plaintext into an encrypted part file; nothing is visible until commit().
    class Writer {
    public:
        ~Writer(); // the part is kept for the next writer of its blob if it may be resumed, else removed
        Writer(const Writer &) = delete;
        Writer &operator=(const Writer &) = delete;

        Result<void> write(const QByteArray &plaintext);
        // Plaintext bytes so far, those of an earlier writer of the blob included: where a download goes on.
        qint64 written() const { return m_written; }
        // Finishes the file and stores it under its SHA-256, which must be the one given to beginWrite() when
        // one was given (else Corrupt, and the temporary file is removed). Returns the digest (hex). A blob
        // that is already stored stays as it is.
        Result<QString> commit();

    private:
        friend class BlobFileStore;
        // `resumable`: `file` is the blob's own part, kept when the writer ends without commit.
        Writer(QString folder, QString expectedSha256, std::unique_ptr<QFile> file, bool resumable);
        Result<void> start(const QByteArray &key); // writes the file's header
        // Takes over what an earlier writer left in the part: every chunk that authenticates, in order; a torn
        // or altered tail is cut off. Without a usable header the part starts over.
        Result<void> resume(const QByteArray &key);
        Result<void> pushChunk(const QByteArray &plaintext, unsigned char tag, const QByteArray &additionalData);

        QString m_folder;
        QString m_expectedSha256;
        std::unique_ptr<QFile> m_file;
        bool m_resumable = false;
        crypto_secretstream_xchacha20poly1305_state m_state;
        QCryptographicHash m_hash{QCryptographicHash::Sha256};
        QByteArray m_pending; // plaintext not yet a full chunk
        qint64 m_written = 0;
        bool m_failed = false;    // after a failed write or a wrong digest the part is useless
        bool m_committed = false; // the part became the blob
    };

    // Decrypts a stored blob in order; the SHA-256 is checked when the last chunk has been read.
    class Reader {
    public:
        ~Reader();
        Reader(const Reader &) = delete;
        Reader &operator=(const Reader &) = delete;

        qint64 size() const { return m_size; } // plaintext bytes, from the file's length
        qint64 position() const { return m_position; }
        bool atEnd() const { return m_position == m_size && m_finished; }
        // Up to `maxBytes` of the next plaintext; empty only at the end. Corrupt for a damaged, truncated or
        // misnamed file (the bytes handed out before are then not to be trusted either).
        Result<QByteArray> read(qint64 maxBytes);
        // Reads and drops `bytes` (the stream cannot be entered in the middle: each chunk depends on the last).
        Result<void> skip(qint64 bytes);

    private:
        friend class BlobFileStore;
        Reader(const QString &path, QString sha256);
        Result<void> open(const QByteArray &key);
        Result<void> readChunk();
        Error damaged(const QString &detail) const;

        QString m_sha256;
        QFile m_file;
        crypto_secretstream_xchacha20poly1305_state m_state;
        QCryptographicHash m_hash{QCryptographicHash::Sha256};
        QByteArray m_chunk; // decrypted, not yet handed out
        qint64 m_size = 0;
        qint64 m_position = 0;
        bool m_finished = false; // the final chunk was read and verified
    };

    struct Imported {
        QString sha256;
        qint64 size = 0;
    };

    // The store of the cache at `cachePath` ("<cachePath>.blobs/", created with owner-only access) under the
    // 32-byte cache key. Io when the folder cannot be made, Invalid for a key of the wrong size.
    static Result<BlobFileStore> open(const QString &cachePath, const QByteArray &cacheKey);

    static bool isSha256(const QString &sha256); // 64 lowercase hex digits

    QString folder() const { return m_folder; }
    QString filePath(const QString &sha256) const;
    bool contains(const QString &sha256) const;

    // A writer for the blob `expectedSha256`, going on from its part if an earlier writer left one (unless another
    // writer of this process has it open); with an empty digest the blob is named by what was written.
    Result<std::unique_ptr<Writer>> beginWrite(const QString &expectedSha256) const;
    // NotFound when the blob is not stored.
    Result<std::unique_ptr<Reader>> openRead(const QString &sha256) const;
    // Encrypts a local file (the clerk attaches a scan) into the store while hashing it.
    Result<Imported> importFile(const QString &path) const;
    Result<void> remove(const QString &sha256) const;
    // Every stored blob and unfinished write (the cache started over for another user); the folder stays.
    Result<void> removeAll() const;

private:
    BlobFileStore(QString folder, QByteArray key) : m_folder(std::move(folder)), m_key(std::move(key)) {}

    QString m_folder;
    QByteArray m_key; // derived from the cache key; only for this store's files
};

} // namespace casedesk::storage
