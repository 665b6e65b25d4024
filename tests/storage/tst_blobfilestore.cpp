// BlobFileStore on real files with libsodium: round trips around the chunk size, imports, and every way a
// stored file can be wrong (changed, cut short, another key, another name, content not matching its digest),
// writes that go on after a restart from what a broken-off writer left (torn, altered, wrong), and that no
// plaintext reaches the disk.
#include "mock/TestSupport.h"
#include "storage/BlobFileStore.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include "TemporaryCache.h"

using namespace casedesk;
using namespace casedesk::storage;
using namespace casedesk::test;

namespace {

constexpr qint64 Chunk = BlobFileStore::ChunkSize;

QString shaOf(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

// Everything a reader hands out, in pieces of `piece` bytes, or its error.
Result<QByteArray> readAll(const BlobFileStore &store, const QString &sha256, qint64 piece)
{
    Result<std::unique_ptr<BlobFileStore::Reader>> reader = store.openRead(sha256);
    if (!reader)
        return reader.error();
    QByteArray all;
    for (;;) {
        const Result<QByteArray> next = reader.value()->read(piece);
        if (!next)
            return next.error();
        if (next->isEmpty())
            return all;
        all += next.value();
    }
}

// Every file under `folder` whose bytes contain `marker`.
QStringList filesContaining(const QString &folder, const QByteArray &marker)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(marker))
            found.append(file.fileName());
    }
    return found;
}

} // namespace

class TestBlobFileStore : public QObject {
    Q_OBJECT

private slots:
    void init();
    void roundTrip_data();
    void roundTrip();
    void importFile();
    void importMissingFile();
    void skipThenRead();
    void tamperedByte_data();
    void tamperedByte();
    void truncated_data();
    void truncated();
    void wrongKey();
    void copiedToAnotherName();
    void hashMismatchLeavesNoFile();
    void abandonedImportLeavesNoFile();
    void brokenOffWriteGoesOnAfterRestart();
    void damagedPartGoesOnFromItsLastGoodChunk_data();
    void damagedPartGoesOnFromItsLastGoodChunk();
    void partWithOtherContentIsRemoved();
    void twoWritersOfOneBlob();
    void noPlaintextOnDisk();
    void missingBlob();
    void keyOfWrongSize();
    void removeAllEmptiesTheStore();

private:
    QByteArray randomBytes(qint64 size);
    // Stores `content` through a writer in random pieces; the digest or a failure.
    QString store(const BlobFileStore &blobs, const QByteArray &content);
    BlobFileStore openStore(const QByteArray &key);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_cachePath;
    QByteArray m_key;
    std::optional<BlobFileStore> m_store;
    QRandomGenerator m_random{testSeed()};
};

QByteArray TestBlobFileStore::randomBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(m_random.bounded(256));
    return bytes;
}

BlobFileStore TestBlobFileStore::openStore(const QByteArray &key)
{
    Result<BlobFileStore> opened = BlobFileStore::open(m_cachePath, key);
    if (!opened)
        qFatal("cannot open the blob store: %s", qPrintable(opened.error().toString()));
    return opened.value();
}

QString TestBlobFileStore::store(const BlobFileStore &blobs, const QByteArray &content)
{
    Result<std::unique_ptr<BlobFileStore::Writer>> writer = blobs.beginWrite(shaOf(content));
    if (!writer)
        return QStringLiteral("<%1>").arg(writer.error().toString());
    qint64 offset = 0;
    while (offset < content.size()) {
        const qint64 piece = std::min<qint64>(content.size() - offset, 1 + m_random.bounded(3 * int(Chunk)));
        if (Result<void> written = writer.value()->write(content.mid(offset, piece)); !written)
            return QStringLiteral("<%1>").arg(written.error().toString());
        offset += piece;
    }
    const Result<QString> committed = writer.value()->commit();
    return committed ? committed.value() : QStringLiteral("<%1>").arg(committed.error().toString());
}

void TestBlobFileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cachePath = m_dir->filePath(QStringLiteral("cache.db"));
    m_key = randomBytes(32);
    m_store = openStore(m_key);
}

void TestBlobFileStore::roundTrip_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("readPiece");
    QTest::newRow("empty") << qint64(0) << qint64(1000);
    QTest::newRow("one byte") << qint64(1) << qint64(1);
    QTest::newRow("small") << qint64(4711) << qint64(100);
    QTest::newRow("one below a chunk") << Chunk - 1 << Chunk;
    QTest::newRow("exactly one chunk") << Chunk << Chunk;
    QTest::newRow("one above a chunk") << Chunk + 1 << qint64(7);
    QTest::newRow("exactly two chunks") << 2 * Chunk << 3 * Chunk;
    QTest::newRow("several chunks") << 5 * Chunk + 123 << Chunk / 3;
}

void TestBlobFileStore::roundTrip()
{
    QFETCH(qint64, size);
    QFETCH(qint64, readPiece);
    const QByteArray content = randomBytes(size);
    const QString sha = store(*m_store, content);
    QCOMPARE(sha, shaOf(content));
    QVERIFY(m_store->contains(sha));
    QCOMPARE(QDir(m_store->folder()).entryList(QDir::Files), QStringList{sha});

    Result<std::unique_ptr<BlobFileStore::Reader>> reader = m_store->openRead(sha);
    QVERIFY2(reader, errorText(reader).constData());
    QCOMPARE(reader.value()->size(), size);
    const Result<QByteArray> back = readAll(*m_store, sha, readPiece);
    QVERIFY2(back, errorText(back).constData());
    QCOMPARE(back->size(), content.size());
    QVERIFY(back.value() == content);

    // The same content again is no second file and no error.
    QCOMPARE(store(*m_store, content), sha);
    QCOMPARE(QDir(m_store->folder()).entryList(QDir::Files).size(), 1);
}

void TestBlobFileStore::importFile()
{
    const QByteArray content = randomBytes(3 * Chunk + 17);
    const QString path = m_dir->filePath(QStringLiteral("scan.pdf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    file.close();

    const Result<BlobFileStore::Imported> imported = m_store->importFile(path);
    QVERIFY2(imported, errorText(imported).constData());
    QCOMPARE(imported->sha256, shaOf(content));
    QCOMPARE(imported->size, content.size());
    const Result<QByteArray> back = readAll(*m_store, imported->sha256, Chunk);
    QVERIFY2(back, errorText(back).constData());
    QVERIFY(back.value() == content);
}

void TestBlobFileStore::importMissingFile()
{
    const Result<BlobFileStore::Imported> imported = m_store->importFile(m_dir->filePath(QStringLiteral("fehlt.pdf")));
    QVERIFY(!imported);
    QCOMPARE(imported.error().code, ErrorCode::Io);
    QVERIFY(QDir(m_store->folder()).entryList(QDir::Files).isEmpty());
}

void TestBlobFileStore::skipThenRead()
{
    const QByteArray content = randomBytes(4 * Chunk + 99);
    const QString sha = store(*m_store, content);
    for (const qint64 offset : {qint64(0), qint64(1), Chunk, 2 * Chunk + 5, content.size()}) {
        Result<std::unique_ptr<BlobFileStore::Reader>> reader = m_store->openRead(sha);
        QVERIFY(reader);
        QVERIFY(reader.value()->skip(offset));
        QCOMPARE(reader.value()->position(), offset);
        const Result<QByteArray> rest = reader.value()->read(content.size());
        QVERIFY2(rest, errorText(rest).constData());
        QVERIFY(rest.value() == content.mid(offset));
        QVERIFY(reader.value()->atEnd());
    }
}

void TestBlobFileStore::tamperedByte_data()
{
    // Positions in the file: magic 8 bytes, stream header 24, then chunks of 64 KiB + 17.
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("position");
    const qint64 header = 8 + 24;
    const qint64 sealed = Chunk + 17;
    QTest::newRow("magic") << 3 * Chunk << qint64(2);
    QTest::newRow("stream header") << 3 * Chunk << qint64(10);
    QTest::newRow("first chunk") << 3 * Chunk << header + 100;
    QTest::newRow("first chunk's tag") << 3 * Chunk << header + sealed - 1;
    QTest::newRow("middle chunk") << 3 * Chunk << header + sealed + 5000;
    QTest::newRow("last chunk") << 3 * Chunk << header + 2 * sealed + 1;
    QTest::newRow("last byte") << 3 * Chunk << header + 3 * sealed - 1;
    QTest::newRow("empty blob's tag") << qint64(0) << header + 3;
}

void TestBlobFileStore::tamperedByte()
{
    QFETCH(qint64, size);
    QFETCH(qint64, position);
    const QString sha = store(*m_store, randomBytes(size));
    QFile file(m_store->filePath(sha));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(position < file.size());
    QVERIFY(file.seek(position));
    char byte = 0;
    QVERIFY(file.getChar(&byte));
    QVERIFY(file.seek(position));
    QVERIFY(file.putChar(char(byte ^ 0x20)));
    file.close();

    const Result<QByteArray> back = readAll(*m_store, sha, Chunk);
    QVERIFY(!back);
    QCOMPARE(back.error().code, ErrorCode::Corrupt);
    QVERIFY(!back.error().message.isEmpty());

    // What the client does with a damaged copy before it downloads the blob again.
    QVERIFY(m_store->remove(sha));
    QVERIFY(!m_store->contains(sha));
    QVERIFY(!QFile::exists(m_store->filePath(sha)));
}

void TestBlobFileStore::truncated_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("keep");
    const qint64 header = 8 + 24;
    const qint64 sealed = Chunk + 17;
    QTest::newRow("nothing") << Chunk << qint64(0);
    QTest::newRow("half the magic") << Chunk << qint64(4);
    QTest::newRow("header only") << Chunk << header;
    QTest::newRow("header and a bit") << Chunk << header + 5;
    QTest::newRow("last chunk missing, at a chunk boundary") << 2 * Chunk + 10 << header + 2 * sealed;
    QTest::newRow("middle of a chunk") << 3 * Chunk << header + sealed + 1000;
    QTest::newRow("last byte missing") << 2 * Chunk << header + 2 * sealed - 1;
    QTest::newRow("empty blob's tag cut") << qint64(0) << header + 16;
}

void TestBlobFileStore::truncated()
{
    QFETCH(qint64, size);
    QFETCH(qint64, keep);
    const QString sha = store(*m_store, randomBytes(size));
    QFile file(m_store->filePath(sha));
    QVERIFY(keep < file.size());
    QVERIFY(file.resize(keep));

    const Result<QByteArray> back = readAll(*m_store, sha, Chunk);
    QVERIFY(!back);
    QCOMPARE(back.error().code, ErrorCode::Corrupt);
}

void TestBlobFileStore::wrongKey()
{
    const QString sha = store(*m_store, randomBytes(2 * Chunk));
    QVERIFY(readAll(*m_store, sha, Chunk));
    const BlobFileStore other = openStore(randomBytes(32));
    const Result<QByteArray> back = readAll(other, sha, Chunk);
    QVERIFY(!back);
    QCOMPARE(back.error().code, ErrorCode::Corrupt);
}

void TestBlobFileStore::copiedToAnotherName()
{
    const QString first = store(*m_store, randomBytes(Chunk + 3));
    const QByteArray secondContent = randomBytes(Chunk + 3);
    const QString second = shaOf(secondContent);
    QVERIFY(QFile::copy(m_store->filePath(first), m_store->filePath(second)));
    const Result<QByteArray> back = readAll(*m_store, second, Chunk);
    QVERIFY(!back);
    QCOMPARE(back.error().code, ErrorCode::Corrupt);
}

void TestBlobFileStore::hashMismatchLeavesNoFile()
{
    const QByteArray expected = randomBytes(2 * Chunk + 1);
    QByteArray arrived = expected;
    arrived[int(Chunk)] = char(arrived.at(int(Chunk)) ^ 1);
    Result<std::unique_ptr<BlobFileStore::Writer>> writer = m_store->beginWrite(shaOf(expected));
    QVERIFY(writer);
    QVERIFY(writer.value()->write(arrived));
    const Result<QString> committed = writer.value()->commit();
    QVERIFY(!committed);
    QCOMPARE(committed.error().code, ErrorCode::Corrupt);
    writer.value().reset();
    QVERIFY(!m_store->contains(shaOf(expected)));
    QVERIFY(!m_store->contains(shaOf(arrived)));
    QCOMPARE(QDir(m_store->folder()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestBlobFileStore::abandonedImportLeavesNoFile()
{
    const QByteArray content = randomBytes(3 * Chunk);
    {
        Result<std::unique_ptr<BlobFileStore::Writer>> writer = m_store->beginWrite({});
        QVERIFY(writer);
        QVERIFY(writer.value()->write(content.first(2 * Chunk + 5)));
    }
    QCOMPARE(QDir(m_store->folder()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestBlobFileStore::brokenOffWriteGoesOnAfterRestart()
{
    const QByteArray content = randomBytes(5 * Chunk + 77);
    const QString sha = shaOf(content);
    {
        Result<std::unique_ptr<BlobFileStore::Writer>> writer = m_store->beginWrite(sha);
        QVERIFY(writer);
        QVERIFY(writer.value()->write(content.first(2 * Chunk + 500)));
        QCOMPARE(writer.value()->written(), 2 * Chunk + 500);
    }
    const QStringList parts = QDir(m_store->folder()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(parts, QStringList{sha + QStringLiteral(".part")});
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFile::permissions(QDir(m_store->folder()).filePath(parts.first())) & others, QFileDevice::Permissions());

    // The application starts again: the written chunks are taken over, the held-back rest comes again.
    m_store = openStore(m_key);
    Result<std::unique_ptr<BlobFileStore::Writer>> writer = m_store->beginWrite(sha);
    QVERIFY(writer);
    const qint64 resumed = writer.value()->written();
    QCOMPARE(resumed, 2 * Chunk);
    QVERIFY(writer.value()->write(content.mid(resumed)));
    const Result<QString> committed = writer.value()->commit();
    QVERIFY2(committed, qPrintable(committed ? QString() : committed.error().toString()));
    writer.value().reset();
    const Result<QByteArray> back = readAll(*m_store, sha, Chunk / 3);
    QVERIFY(back);
    QVERIFY(back.value() == content);
    QCOMPARE(QDir(m_store->folder()).entryList(QDir::Files | QDir::Hidden), QStringList{sha});
}

void TestBlobFileStore::damagedPartGoesOnFromItsLastGoodChunk_data()
{
    QTest::addColumn<qint64>("cutFromEnd");    // bytes missing at the end of the part (a write torn by a crash)
    QTest::addColumn<qint64>("changedByte");   // offset of a byte changed in the part, or -1
    QTest::addColumn<qint64>("expectedStart"); // plaintext bytes taken over
    const qint64 header = 8 + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
    const qint64 sealed = Chunk + crypto_secretstream_xchacha20poly1305_ABYTES;
    QTest::newRow("whole") << qint64(0) << qint64(-1) << 3 * Chunk;
    QTest::newRow("last chunk torn") << qint64(100) << qint64(-1) << 2 * Chunk;
    QTest::newRow("second chunk altered") << qint64(0) << header + sealed + 10 << Chunk;
    QTest::newRow("header altered") << qint64(0) << qint64(12) << qint64(0);
    QTest::newRow("header torn") << 3 * sealed + 20 << qint64(-1) << qint64(0);
}

void TestBlobFileStore::damagedPartGoesOnFromItsLastGoodChunk()
{
    QFETCH(qint64, cutFromEnd);
    QFETCH(qint64, changedByte);
    QFETCH(qint64, expectedStart);
    const QByteArray content = randomBytes(4 * Chunk + 1);
    const QString sha = shaOf(content);
    {
        Result<std::unique_ptr<BlobFileStore::Writer>> writer = m_store->beginWrite(sha);
        QVERIFY(writer);
        QVERIFY(writer.value()->write(content.first(3 * Chunk + 1))); // three chunks reach the part
    }
    QFile part(QDir(m_store->folder()).filePath(sha + QStringLiteral(".part")));
    QVERIFY(part.open(QIODevice::ReadWrite));
    QVERIFY(part.resize(part.size() - cutFromEnd));
    if (changedByte >= 0) {
        QVERIFY(part.seek(changedByte));
        const char original = part.peek(1).at(0);
        QVERIFY(part.putChar(char(original ^ 0x20)));
    }
    part.close();

    Result<std::unique_ptr<BlobFileStore::Writer>> writer = m_store->beginWrite(sha);
    QVERIFY(writer);
    QCOMPARE(writer.value()->written(), expectedStart);
    QVERIFY(writer.value()->write(content.mid(expectedStart)));
    QVERIFY(writer.value()->commit());
    const Result<QByteArray> back = readAll(*m_store, sha, Chunk);
    QVERIFY(back);
    QVERIFY(back.value() == content);
}

void TestBlobFileStore::partWithOtherContentIsRemoved()
{
    const QByteArray content = randomBytes(3 * Chunk);
    const QString sha = shaOf(content);
    {
        // A server that sent wrong bytes before the connection broke off.
        Result<std::unique_ptr<BlobFileStore::Writer>> writer = m_store->beginWrite(sha);
        QVERIFY(writer);
        QVERIFY(writer.value()->write(randomBytes(2 * Chunk + 1)));
    }
    {
        Result<std::unique_ptr<BlobFileStore::Writer>> writer = m_store->beginWrite(sha);
        QVERIFY(writer);
        QCOMPARE(writer.value()->written(), 2 * Chunk);
        QVERIFY(writer.value()->write(content.mid(2 * Chunk)));
        const Result<QString> committed = writer.value()->commit();
        QVERIFY(!committed);
        QCOMPARE(committed.error().code, ErrorCode::Corrupt);
    }
    QCOMPARE(QDir(m_store->folder()).entryList(QDir::Files | QDir::Hidden), QStringList());
    // The next download starts from the beginning and succeeds.
    QCOMPARE(store(*m_store, content), sha);
}

void TestBlobFileStore::twoWritersOfOneBlob()
{
    const QByteArray content = randomBytes(3 * Chunk + 3);
    const QString sha = shaOf(content);
    Result<std::unique_ptr<BlobFileStore::Writer>> first = m_store->beginWrite(sha);
    QVERIFY(first);
    QVERIFY(first.value()->write(content.first(2 * Chunk + 1)));
    // The second does not append to the first one's part: it writes a file of its own.
    Result<std::unique_ptr<BlobFileStore::Writer>> second = m_store->beginWrite(sha);
    QVERIFY(second);
    QCOMPARE(second.value()->written(), qint64(0));
    QVERIFY(second.value()->write(content));
    const Result<QString> secondCommitted = second.value()->commit();
    QVERIFY(secondCommitted);
    QCOMPARE(secondCommitted.value(), sha);
    QVERIFY(first.value()->write(content.mid(2 * Chunk + 1)));
    const Result<QString> firstCommitted = first.value()->commit();
    QVERIFY(firstCommitted);
    QCOMPARE(firstCommitted.value(), sha);
    first.value().reset();
    second.value().reset();
    QCOMPARE(QDir(m_store->folder()).entryList(QDir::Files | QDir::Hidden), QStringList{sha});
    const Result<QByteArray> back = readAll(*m_store, sha, Chunk);
    QVERIFY(back);
    QVERIFY(back.value() == content);
}

void TestBlobFileStore::noPlaintextOnDisk()
{
    const QByteArray marker = QByteArrayLiteral("VERTRAULICH-Bescheid-Erika-Mustermann-");
    QByteArray content;
    while (content.size() < 3 * Chunk)
        content += marker + QByteArray::number(content.size());
    QVERIFY(filesContaining(m_dir->path(), marker).isEmpty());

    // While it is written (the temporary file), once stored, and once imported from a plaintext file.
    Result<std::unique_ptr<BlobFileStore::Writer>> writer = m_store->beginWrite(shaOf(content));
    QVERIFY(writer);
    QVERIFY(writer.value()->write(content.first(2 * Chunk + 10)));
    QCOMPARE(filesContaining(m_store->folder(), marker), QStringList());
    QVERIFY(writer.value()->write(content.mid(2 * Chunk + 10)));
    QVERIFY(writer.value()->commit());
    QCOMPARE(filesContaining(m_store->folder(), marker), QStringList());

    const QString source = m_dir->filePath(QStringLiteral("brief.txt"));
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content + "Anlage");
    file.close();
    QVERIFY(m_store->importFile(source));
    QCOMPARE(filesContaining(m_dir->path(), marker), QStringList{source}); // only the clerk's own file
    QCOMPARE(QDir(m_store->folder()).entryList(QDir::Files).size(), 2);
}

void TestBlobFileStore::missingBlob()
{
    const QString sha = shaOf(QByteArrayLiteral("nie gespeichert"));
    QVERIFY(!m_store->contains(sha));
    const auto reader = m_store->openRead(sha);
    QVERIFY(!reader);
    QCOMPARE(reader.error().code, ErrorCode::NotFound);
    const auto invalid = m_store->beginWrite(QStringLiteral("../../etc/passwd"));
    QVERIFY(!invalid);
    QCOMPARE(invalid.error().code, ErrorCode::Invalid);
}

void TestBlobFileStore::keyOfWrongSize()
{
    const Result<BlobFileStore> opened = BlobFileStore::open(m_cachePath, randomBytes(16));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::Invalid);
}

void TestBlobFileStore::removeAllEmptiesTheStore()
{
    const QByteArray first = randomBytes(3 * Chunk + 5);
    const QByteArray second = randomBytes(Chunk / 2);
    QCOMPARE(store(*m_store, first), shaOf(first));
    QCOMPARE(store(*m_store, second), shaOf(second));
    // An unfinished write of a third, as a download broken off leaves it while it runs.
    Result<std::unique_ptr<BlobFileStore::Writer>> writer = m_store->beginWrite({});
    QVERIFY(writer);
    QVERIFY(writer.value()->write(randomBytes(2 * Chunk)));
    QVERIFY(!QDir(m_store->folder()).entryList(QDir::Files | QDir::Hidden).isEmpty());

    QVERIFY(m_store->removeAll());
    QCOMPARE(QDir(m_store->folder()).entryList(QDir::Files | QDir::Hidden), QStringList());
    QVERIFY(!m_store->contains(shaOf(first)));
    QVERIFY(!m_store->contains(shaOf(second)));
    // The store goes on working in the same folder.
    QCOMPARE(store(*m_store, second), shaOf(second));
    QVERIFY(m_store->contains(shaOf(second)));
}

QTEST_GUILESS_MAIN(TestBlobFileStore)
#include "tst_blobfilestore.moc"
