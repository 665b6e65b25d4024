#include "storage/BlobFileStore.h"

#include "storage/StorageLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QMutex>
#include <QSet>
#include <QTemporaryFile>

#ifdef Q_OS_UNIX
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#endif

namespace casedesk::storage {

namespace {

const QByteArray Magic = QByteArrayLiteral("CDBLOB1\n");
constexpr qint64 HeaderSize = 8 + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr qint64 ABytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr qint64 SealedChunkSize = BlobFileStore::ChunkSize + ABytes;
constexpr char KdfContext[crypto_kdf_CONTEXTBYTES + 1] = "CDblobs1"; // fixed: changing it loses every blob
constexpr quint64 KdfSubkeyId = 1;
const QString PartSuffix = QStringLiteral(".part");

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

unsigned char *bytes(QByteArray &data)
{
    return reinterpret_cast<unsigned char *>(data.data());
}

Error ioError(const QString &path, const QString &detail)
{
    return makeError(ErrorCode::Io,
                     QCoreApplication::translate("Storage", "Could not write the document file \"%1\". Check the free "
                                                            "disk space and your permissions for the folder.")
                         .arg(QDir::toNativeSeparators(path)),
                     detail);
}

Error unreadable(const QString &path, const QString &detail)
{
    return makeError(ErrorCode::Io,
                     QCoreApplication::translate("Storage", "Could not read the file \"%1\". Check that it exists and "
                                                            "that you may read it.")
                         .arg(QDir::toNativeSeparators(path)),
                     detail);
}

Error notStored(const QString &sha256)
{
    return makeError(ErrorCode::NotFound,
                     QCoreApplication::translate("Storage", "The document is not stored on this computer. Connect to "
                                                            "the server so that it can be downloaded."),
                     QStringLiteral("no blob %1").arg(sha256));
}

// Data and its name on disk: before the rename nothing may point to a file the system has not written.
bool syncToDisk(QFile &file)
{
    if (!file.flush())
        return false;
#ifdef Q_OS_UNIX
    return ::fsync(file.handle()) == 0;
#elif defined(Q_OS_WIN)
    return ::_commit(file.handle()) == 0;
#else
    return true;
#endif
}

// Temporary files of writers that never finished (the client was killed): ciphertext, but useless. Only old
// ones, as another writer of this process may be busy with a fresh one.
void removeAbandonedParts(const QString &folder)
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addDays(-1);
    const QFileInfoList parts = QDir(folder).entryInfoList({QLatin1Char('*') + PartSuffix}, QDir::Files);
    for (const QFileInfo &part : parts)
        if (part.lastModified().toUTC() < before && !QFile::remove(part.filePath()))
            qCWarning(lcStorage) << "could not remove an abandoned blob part" << part.filePath();
}

// The blob parts a writer of this process has open: a second writer of the same blob (two downloads of one
// document) writes a temporary file of its own instead of appending to the same part.
class OpenParts {
public:
    static bool claim(const QString &path)
    {
        const QMutexLocker lock(&mutex());
        if (paths().contains(path))
            return false;
        paths().insert(path);
        return true;
    }

    static void release(const QString &path)
    {
        const QMutexLocker lock(&mutex());
        paths().remove(path);
    }

private:
    static QMutex &mutex()
    {
        static QMutex instance;
        return instance;
    }
    static QSet<QString> &paths()
    {
        static QSet<QString> instance;
        return instance;
    }
};

} // namespace

// ---- Writer ----

BlobFileStore::Writer::Writer(QString folder, QString expectedSha256, std::unique_ptr<QFile> file, bool resumable)
    : m_folder(std::move(folder)), m_expectedSha256(std::move(expectedSha256)), m_file(std::move(file)),
      m_resumable(resumable)
{
}

BlobFileStore::Writer::~Writer()
{
    sodium_memzero(&m_state, sizeof m_state);
    // A part without a single chunk (a refused download) holds nothing worth going on from.
    const bool worthKeeping = m_resumable && !m_failed && m_written > m_pending.size();
    if (!m_committed && !worthKeeping && !m_file->remove())
        qCWarning(lcStorage) << "could not remove the blob part" << m_file->fileName();
    if (m_resumable)
        OpenParts::release(QDir(m_folder).filePath(m_expectedSha256 + PartSuffix));
}

Result<void> BlobFileStore::Writer::start(const QByteArray &key)
{
    QByteArray header(crypto_secretstream_xchacha20poly1305_HEADERBYTES, Qt::Uninitialized);
    crypto_secretstream_xchacha20poly1305_init_push(&m_state, bytes(header), bytes(key));
    if (m_file->write(Magic + header) != HeaderSize) {
        m_failed = true;
        return ioError(m_file->fileName(), m_file->errorString());
    }
    return {};
}

Result<void> BlobFileStore::Writer::resume(const QByteArray &key)
{
    const QByteArray header = m_file->read(HeaderSize);
    const bool usable =
        header.size() == HeaderSize && header.startsWith(Magic) &&
        crypto_secretstream_xchacha20poly1305_init_pull(&m_state, bytes(header) + Magic.size(), bytes(key)) == 0;
    if (!usable) {
        if (!m_file->resize(0) || !m_file->seek(0)) {
            m_failed = true;
            return ioError(m_file->fileName(), m_file->errorString());
        }
        return start(key);
    }
    // Pulling a chunk moves the stream state exactly as pushing it did, so after the last good chunk the state
    // is the one the earlier writer had: appending goes on with it. The final chunk is never in a part.
    qint64 good = HeaderSize;
    QByteArray plain(ChunkSize, Qt::Uninitialized);
    for (;;) {
        const QByteArray sealed = m_file->read(SealedChunkSize);
        if (sealed.size() != SealedChunkSize)
            break;
        crypto_secretstream_xchacha20poly1305_state next = m_state;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&next, bytes(plain), nullptr, &tag, bytes(sealed),
                                                       quint64(sealed.size()), nullptr, 0) != 0 ||
            tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
            break;
        m_state = next;
        m_hash.addData(plain);
        m_written += ChunkSize;
        good += SealedChunkSize;
    }
    sodium_memzero(plain.data(), std::size_t(plain.size()));
    if (!m_file->resize(good) || !m_file->seek(good)) {
        m_failed = true;
        return ioError(m_file->fileName(), m_file->errorString());
    }
    if (m_written > 0)
        qCInfo(lcStorage).noquote() << "blob" << m_expectedSha256 << "goes on after" << m_written
                                    << "bytes from an earlier write";
    return {};
}

Result<void> BlobFileStore::Writer::pushChunk(const QByteArray &plaintext, unsigned char tag,
                                              const QByteArray &additionalData)
{
    QByteArray sealed(plaintext.size() + ABytes, Qt::Uninitialized);
    crypto_secretstream_xchacha20poly1305_push(&m_state, bytes(sealed), nullptr, bytes(plaintext),
                                               quint64(plaintext.size()), bytes(additionalData),
                                               quint64(additionalData.size()), tag);
    if (m_file->write(sealed) != sealed.size()) {
        m_failed = true;
        return ioError(m_file->fileName(), m_file->errorString());
    }
    return {};
}

Result<void> BlobFileStore::Writer::write(const QByteArray &plaintext)
{
    if (m_failed)
        return ioError(m_file->fileName(), QStringLiteral("an earlier write failed"));
    m_hash.addData(plaintext);
    m_written += plaintext.size();
    m_pending.append(plaintext);
    // A full chunk is kept back until more follows: the last chunk must carry TAG_FINAL.
    qint64 offset = 0;
    while (m_pending.size() - offset > ChunkSize) {
        if (Result<void> pushed =
                pushChunk(m_pending.sliced(offset, ChunkSize), crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, {});
            !pushed)
            return pushed;
        offset += ChunkSize;
    }
    m_pending.remove(0, offset);
    return {};
}

Result<QString> BlobFileStore::Writer::commit()
{
    if (m_failed)
        return ioError(m_file->fileName(), QStringLiteral("an earlier write failed"));
    m_failed = true; // a writer commits once
    const QByteArray digest = m_hash.result();
    const QString sha256 = QString::fromLatin1(digest.toHex());
    if (!m_expectedSha256.isEmpty() && sha256 != m_expectedSha256) {
        qCWarning(lcStorage).noquote() << "blob" << m_expectedSha256 << "arrived with the digest" << sha256;
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Storage", "The document's content does not match its checksum, "
                                                                "so it was not stored. Download it again."),
                         QStringLiteral("expected %1, got %2").arg(m_expectedSha256, sha256));
    }
    if (Result<void> pushed =
            pushChunk(std::exchange(m_pending, {}), crypto_secretstream_xchacha20poly1305_TAG_FINAL, digest);
        !pushed)
        return pushed.error();
    if (!syncToDisk(*m_file))
        return ioError(m_file->fileName(), m_file->errorString());
    m_file->close();
    const QString target = QDir(m_folder).filePath(sha256);
    // Content-addressed: a file already there holds the same content (the part is removed).
    if (QFile::exists(target))
        return sha256;
    if (!m_file->rename(target))
        return ioError(target, m_file->errorString());
    m_committed = true;
    if (auto *temporary = qobject_cast<QTemporaryFile *>(m_file.get()))
        temporary->setAutoRemove(false);
    return sha256;
}

// ---- Reader ----

BlobFileStore::Reader::Reader(const QString &path, QString sha256) : m_sha256(std::move(sha256)), m_file(path) {}

BlobFileStore::Reader::~Reader()
{
    sodium_memzero(&m_state, sizeof m_state);
}

Error BlobFileStore::Reader::damaged(const QString &detail) const
{
    qCWarning(lcStorage).noquote() << "blob" << m_sha256 << "is damaged:" << detail;
    return makeError(ErrorCode::Corrupt,
                     QCoreApplication::translate("Storage", "The local copy of a document is damaged or incomplete. "
                                                            "Download it again from the server, or attach the original "
                                                            "file again if it was never uploaded."),
                     QStringLiteral("%1: %2").arg(m_file.fileName(), detail));
}

Result<void> BlobFileStore::Reader::open(const QByteArray &key)
{
    if (!m_file.open(QIODevice::ReadOnly))
        return m_file.exists() ? ioError(m_file.fileName(), m_file.errorString()) : notStored(m_sha256);
    const QByteArray header = m_file.read(HeaderSize);
    if (header.size() != HeaderSize || !header.startsWith(Magic))
        return damaged(QStringLiteral("no blob header"));
    if (crypto_secretstream_xchacha20poly1305_init_pull(&m_state, bytes(header) + Magic.size(), bytes(key)) != 0)
        return damaged(QStringLiteral("invalid stream header"));
    // Every chunk but the last is full, so the plaintext's size follows from the file's.
    const qint64 sealed = m_file.size() - HeaderSize;
    const qint64 chunks = (sealed + SealedChunkSize - 1) / SealedChunkSize;
    if (chunks == 0 || sealed - (chunks - 1) * SealedChunkSize < ABytes)
        return damaged(QStringLiteral("truncated"));
    m_size = sealed - chunks * ABytes;
    return {};
}

Result<void> BlobFileStore::Reader::readChunk()
{
    const qint64 left = m_file.size() - m_file.pos();
    const bool last = left <= SealedChunkSize;
    const QByteArray sealed = m_file.read(std::min(left, SealedChunkSize));
    if (sealed.size() != std::min(left, SealedChunkSize))
        return ioError(m_file.fileName(), m_file.errorString());
    // The last chunk is bound to the blob's name: a file copied to another digest's name is refused.
    const QByteArray additionalData = last ? QByteArray::fromHex(m_sha256.toLatin1()) : QByteArray();
    QByteArray plain(sealed.size() - ABytes, Qt::Uninitialized);
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&m_state, bytes(plain), nullptr, &tag, bytes(sealed),
                                                   quint64(sealed.size()), bytes(additionalData),
                                                   quint64(additionalData.size())) != 0)
        return damaged(last ? QStringLiteral("the last chunk does not authenticate (truncated, altered or misnamed)")
                            : QStringLiteral("a chunk does not authenticate (altered)"));
    if (last != (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL))
        return damaged(QStringLiteral("the final chunk is not the last one"));
    m_hash.addData(plain);
    if (last) {
        if (QString::fromLatin1(m_hash.result().toHex()) != m_sha256)
            return damaged(QStringLiteral("the content does not hash to its name"));
        m_finished = true;
    }
    m_chunk.append(plain);
    return {};
}

Result<QByteArray> BlobFileStore::Reader::read(qint64 maxBytes)
{
    while (m_chunk.size() < maxBytes && !m_finished)
        if (Result<void> chunk = readChunk(); !chunk)
            return chunk.error();
    const QByteArray out = m_chunk.first(std::min<qint64>(maxBytes, m_chunk.size()));
    m_chunk.remove(0, out.size());
    m_position += out.size();
    return out;
}

Result<void> BlobFileStore::Reader::skip(qint64 count)
{
    while (count > 0) {
        const Result<QByteArray> dropped = read(std::min(count, ChunkSize));
        if (!dropped)
            return dropped.error();
        if (dropped->isEmpty())
            return damaged(QStringLiteral("skipped past the end"));
        count -= dropped->size();
    }
    return {};
}

// ---- BlobFileStore ----

Result<BlobFileStore> BlobFileStore::open(const QString &cachePath, const QByteArray &cacheKey)
{
    static const int initialized = sodium_init(); // once per process; thread-safe static
    if (initialized < 0)
        return makeError(ErrorCode::Internal,
                         QCoreApplication::translate("Storage",
                                                     "The encryption library could not be started. "
                                                     "Restart CaseDesk; if this persists, contact IT support."),
                         QStringLiteral("sodium_init failed"));
    if (cacheKey.size() != crypto_kdf_KEYBYTES)
        return makeError(
            ErrorCode::Invalid,
            QCoreApplication::translate("Storage", "The cache key has the wrong size. Contact IT support."),
            QStringLiteral("%1 bytes").arg(cacheKey.size()));
    const QString folder = cachePath + QStringLiteral(".blobs");
    if (!QDir().mkpath(folder) ||
        !QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return ioError(folder, QStringLiteral("cannot create the folder"));
    removeAbandonedParts(folder);
    QByteArray key(crypto_secretstream_xchacha20poly1305_KEYBYTES, Qt::Uninitialized);
    crypto_kdf_derive_from_key(bytes(key), std::size_t(key.size()), KdfSubkeyId, KdfContext, bytes(cacheKey));
    return BlobFileStore(folder, key);
}

bool BlobFileStore::isSha256(const QString &sha256)
{
    return sha256.size() == 64 &&
           std::all_of(sha256.begin(), sha256.end(), [](QChar c) { return c.isDigit() || (c >= u'a' && c <= u'f'); });
}

QString BlobFileStore::filePath(const QString &sha256) const
{
    return QDir(m_folder).filePath(sha256);
}

bool BlobFileStore::contains(const QString &sha256) const
{
    return isSha256(sha256) && QFile::exists(filePath(sha256));
}

Result<std::unique_ptr<BlobFileStore::Writer>> BlobFileStore::beginWrite(const QString &expectedSha256) const
{
    if (!expectedSha256.isEmpty() && !isSha256(expectedSha256))
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Storage", "A document is named by an invalid checksum. Contact "
                                                                "IT support."),
                         expectedSha256);
    const QString partPath = QDir(m_folder).filePath(expectedSha256 + PartSuffix);
    if (!expectedSha256.isEmpty() && OpenParts::claim(partPath)) {
        auto file = std::make_unique<QFile>(partPath);
        const bool opened = file->open(QIODevice::ReadWrite);
        // Owner-only before the first byte, like the cache (a new file would get the umask's mode).
        std::unique_ptr<Writer> writer(new Writer(m_folder, expectedSha256, std::move(file), true));
        if (!opened || !writer->m_file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            writer->m_failed = opened; // one that could not even be opened is left as it is
            return ioError(partPath, writer->m_file->errorString());
        }
        if (Result<void> resumed = writer->resume(m_key); !resumed)
            return resumed.error();
        return writer;
    }
    auto file = std::make_unique<QTemporaryFile>(QDir(m_folder).filePath(QStringLiteral("XXXXXX") + PartSuffix));
    if (!file->open())
        return ioError(file->fileTemplate(), file->errorString());
    std::unique_ptr<Writer> writer(new Writer(m_folder, expectedSha256, std::move(file), false));
    if (Result<void> started = writer->start(m_key); !started)
        return started.error();
    return writer;
}

Result<std::unique_ptr<BlobFileStore::Reader>> BlobFileStore::openRead(const QString &sha256) const
{
    if (!isSha256(sha256))
        return notStored(sha256);
    std::unique_ptr<Reader> reader(new Reader(filePath(sha256), sha256));
    if (Result<void> opened = reader->open(m_key); !opened)
        return opened.error();
    return reader;
}

Result<BlobFileStore::Imported> BlobFileStore::importFile(const QString &path) const
{
    QFile source(path);
    if (!source.open(QIODevice::ReadOnly))
        return unreadable(path, source.errorString());
    Result<std::unique_ptr<Writer>> writer = beginWrite({});
    if (!writer)
        return writer.error();
    while (!source.atEnd()) {
        const QByteArray block = source.read(16 * ChunkSize);
        if (block.isEmpty() && source.error() != QFile::NoError)
            return unreadable(path, source.errorString());
        if (Result<void> written = writer.value()->write(block); !written)
            return written.error();
    }
    const qint64 size = writer.value()->written();
    Result<QString> committed = writer.value()->commit();
    if (!committed)
        return committed.error();
    return Imported{committed.value(), size};
}

Result<void> BlobFileStore::remove(const QString &sha256) const
{
    if (!contains(sha256))
        return {};
    if (!QFile::remove(filePath(sha256)))
        return ioError(filePath(sha256), QStringLiteral("cannot remove"));
    return {};
}

Result<void> BlobFileStore::removeAll() const
{
    const QDir folder(m_folder);
    for (const QString &name : folder.entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        if (!QFile::remove(folder.filePath(name)))
            return ioError(folder.filePath(name), QStringLiteral("cannot remove"));
    }
    return {};
}

} // namespace casedesk::storage
