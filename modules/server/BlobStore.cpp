#include "server/BlobStore.h"

#include "core/AccessPolicy.h"
#include "core/Uuid.h"
#include "server/SqlError.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSqlQuery>
#include <QStringList>

namespace casedesk::server {

namespace {

constexpr qsizetype sha256HexLength = 64;

Error internalError(const QString &detail)
{
    return makeError(ErrorCode::Internal,
                     QCoreApplication::translate("Server", "The stored document contents are inconsistent. Tell "
                                                           "the operator; the server log has the details."),
                     detail);
}

} // namespace

BlobStore::BlobStore(QSqlDatabase db) : m_db(std::move(db)) {}

std::optional<QByteArray> BlobStore::parseSha256(QStringView text)
{
    if (text.size() != sha256HexLength)
        return std::nullopt;
    const bool hex = std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
    if (!hex)
        return std::nullopt;
    return QByteArray::fromHex(text.toLatin1());
}

Result<bool> BlobStore::isComplete(const QByteArray &sha256) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM blobs WHERE sha256 = :sha"));
    query.bindValue(QStringLiteral(":sha"), sha256);
    if (!query.exec())
        return databaseError(query.lastError());
    return query.next();
}

Result<bool> BlobStore::hasUploaded(const QByteArray &sha256, const QUuid &userId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM blob_uploads WHERE sha256 = :sha AND uploaded_by = CAST(:user AS "
                                 "uuid) AND complete"));
    query.bindValue(QStringLiteral(":sha"), sha256);
    query.bindValue(QStringLiteral(":user"), uuidToString(userId));
    if (!query.exec())
        return databaseError(query.lastError());
    return query.next();
}

Result<std::optional<BlobStatus>> BlobStore::status(const QByteArray &sha256, const AccessScope &scope) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT size, received, complete FROM blob_uploads WHERE sha256 = :sha AND "
                                 "uploaded_by = CAST(:user AS uuid)"));
    query.bindValue(QStringLiteral(":sha"), sha256);
    query.bindValue(QStringLiteral(":user"), uuidToString(scope.userId()));
    if (!query.exec())
        return databaseError(query.lastError());
    std::optional<BlobStatus> own;
    if (query.next())
        own = BlobStatus{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toBool()};
    if (own && own->complete)
        return own;

    query.prepare(QStringLiteral("SELECT size FROM blobs WHERE sha256 = :sha"));
    query.bindValue(QStringLiteral(":sha"), sha256);
    if (!query.exec())
        return databaseError(query.lastError());
    if (query.next()) {
        const qint64 size = query.value(0).toLongLong();
        const Result<bool> readable = readableThroughCase(sha256, scope);
        if (!readable)
            return readable.error();
        if (readable.value())
            return std::optional<BlobStatus>(BlobStatus{size, size, true});
    }
    return own; // the user's unfinished upload, or nothing
}

Result<bool> BlobStore::readableThroughCase(const QByteArray &sha256, const AccessScope &scope) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT c.team_id, c.assignee_id, coalesce((SELECT string_agg(CAST(k.team_id AS "
                                 "text), ',') FROM consultations k WHERE k.case_id = c.id AND k.ended_at IS NULL), "
                                 "'') FROM cases c WHERE c.id IN (SELECT d.case_id FROM documents d WHERE d.sha256 "
                                 "= :sha)"));
    query.bindValue(QStringLiteral(":sha"), sha256);
    if (!query.exec())
        return databaseError(query.lastError());
    while (query.next()) {
        CaseAccessFacts facts;
        facts.teamId = uuidFromString(query.value(0).toString());
        facts.assigneeId = uuidFromString(query.value(1).toString());
        const QStringList consulted = query.value(2).toString().split(u',', Qt::SkipEmptyParts);
        for (const QString &teamId : consulted)
            facts.openConsultationTeamIds.append(uuidFromString(teamId));
        if (AccessPolicy::mayRead(scope, facts).allowed())
            return true;
    }
    return false;
}

Result<BlobAppend> BlobStore::append(const QByteArray &sha256, const QUuid &userId, qint64 offset, qint64 size,
                                     const QByteArray &data)
{
    if (offset < 0 || size < 0 || offset + data.size() > size)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Server", "The data does not fit into the blob's size."));
    if (!m_db.transaction())
        return databaseError(m_db.lastError());
    QSqlQuery query(m_db);
    const auto fail = [&](const QSqlError &error) -> Result<BlobAppend> {
        m_db.rollback();
        return databaseError(error);
    };
    const auto finish = [&](BlobAppend result) -> Result<BlobAppend> {
        if (!m_db.commit())
            return fail(m_db.lastError());
        return result;
    };

    query.prepare(QStringLiteral("INSERT INTO blob_uploads (sha256, uploaded_by, size) VALUES (:sha, CAST(:user AS "
                                 "uuid), :size) ON CONFLICT (sha256, uploaded_by) DO NOTHING"));
    query.bindValue(QStringLiteral(":sha"), sha256);
    query.bindValue(QStringLiteral(":user"), uuidToString(userId));
    query.bindValue(QStringLiteral(":size"), size);
    if (!query.exec())
        return fail(query.lastError());
    // FOR UPDATE: a retried request that overlaps a slow earlier one waits and then sees the new offset.
    query.prepare(QStringLiteral("SELECT id, size, received, complete FROM blob_uploads WHERE sha256 = :sha AND "
                                 "uploaded_by = CAST(:user AS uuid) FOR UPDATE"));
    query.bindValue(QStringLiteral(":sha"), sha256);
    query.bindValue(QStringLiteral(":user"), uuidToString(userId));
    if (!query.exec() || !query.next())
        return fail(query.lastError());
    const qint64 uploadId = query.value(0).toLongLong();
    BlobStatus status{query.value(1).toLongLong(), query.value(2).toLongLong(), query.value(3).toBool()};
    if (status.complete)
        return finish({BlobAppend::Outcome::Stored, status});

    if (status.size != size) {
        // The client names another size for this content: what was stored cannot be part of it.
        query.prepare(QStringLiteral("DELETE FROM blob_chunks WHERE upload_id = :id"));
        query.bindValue(QStringLiteral(":id"), uploadId);
        if (!query.exec())
            return fail(query.lastError());
        query.prepare(QStringLiteral("UPDATE blob_uploads SET size = :size, received = 0, updated_at = now() WHERE "
                                     "id = :id"));
        query.bindValue(QStringLiteral(":size"), size);
        query.bindValue(QStringLiteral(":id"), uploadId);
        if (!query.exec())
            return fail(query.lastError());
        status = {size, 0, false};
    }
    if (offset != status.received)
        return finish({BlobAppend::Outcome::OffsetMismatch, status});

    query.prepare(QStringLiteral("INSERT INTO blob_chunks (upload_id, \"offset\", data) VALUES (:id, :offset, :data)"));
    for (qint64 position = 0; position < data.size(); position += ChunkSize) {
        query.bindValue(QStringLiteral(":id"), uploadId);
        query.bindValue(QStringLiteral(":offset"), offset + position);
        query.bindValue(QStringLiteral(":data"), data.mid(position, ChunkSize));
        if (!query.exec())
            return fail(query.lastError());
    }
    status.received += data.size();
    query.prepare(QStringLiteral("UPDATE blob_uploads SET received = :received, updated_at = now() WHERE id = :id"));
    query.bindValue(QStringLiteral(":received"), status.received);
    query.bindValue(QStringLiteral(":id"), uploadId);
    if (!query.exec())
        return fail(query.lastError());
    if (status.received < status.size)
        return finish({BlobAppend::Outcome::Stored, status});

    const Result<QByteArray> digest = digestOf(uploadId);
    if (!digest) {
        m_db.rollback();
        return digest.error();
    }
    if (digest.value() != sha256) {
        query.prepare(QStringLiteral("DELETE FROM blob_uploads WHERE id = :id")); // the chunks go with it
        query.bindValue(QStringLiteral(":id"), uploadId);
        if (!query.exec())
            return fail(query.lastError());
        return finish({BlobAppend::Outcome::HashMismatch, {status.size, 0, false}});
    }
    query.prepare(QStringLiteral("UPDATE blob_uploads SET complete = true WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), uploadId);
    if (!query.exec())
        return fail(query.lastError());
    // DO UPDATE (changing nothing) rather than DO NOTHING: it waits for a removeAbandoned() that holds the
    // content's row and then inserts anew once that deleted it, so content finished meanwhile keeps its bytes.
    query.prepare(QStringLiteral("INSERT INTO blobs (sha256, size, upload_id) VALUES (:sha, :size, :id) ON CONFLICT "
                                 "(sha256) DO UPDATE SET sha256 = blobs.sha256 RETURNING upload_id"));
    query.bindValue(QStringLiteral(":sha"), sha256);
    query.bindValue(QStringLiteral(":size"), status.size);
    query.bindValue(QStringLiteral(":id"), uploadId);
    if (!query.exec() || !query.next())
        return fail(query.lastError());
    if (query.value(0).toLongLong() != uploadId) {
        // Someone stored these bytes first; the row above keeps that this user has them too.
        query.prepare(QStringLiteral("DELETE FROM blob_chunks WHERE upload_id = :id"));
        query.bindValue(QStringLiteral(":id"), uploadId);
        if (!query.exec())
            return fail(query.lastError());
    }
    status.complete = true;
    return finish({BlobAppend::Outcome::Stored, status});
}

Result<QByteArray> BlobStore::digestOf(qint64 uploadId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT \"offset\" FROM blob_chunks WHERE upload_id = :id ORDER BY \"offset\""));
    query.bindValue(QStringLiteral(":id"), uploadId);
    if (!query.exec())
        return databaseError(query.lastError());
    QList<qint64> offsets;
    while (query.next())
        offsets.append(query.value(0).toLongLong());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 position = 0;
    query.prepare(QStringLiteral("SELECT data FROM blob_chunks WHERE upload_id = :id AND \"offset\" = :offset"));
    for (const qint64 offset : offsets) {
        query.bindValue(QStringLiteral(":id"), uploadId);
        query.bindValue(QStringLiteral(":offset"), offset);
        if (!query.exec())
            return databaseError(query.lastError());
        if (!query.next() || offset != position)
            return internalError(
                QStringLiteral("upload %1: chunk at %2, expected %3").arg(uploadId).arg(offset).arg(position));
        const QByteArray chunk = query.value(0).toByteArray();
        hash.addData(chunk);
        position += chunk.size();
    }
    return hash.result();
}

Result<QByteArray> BlobStore::read(const QByteArray &sha256, qint64 from, qint64 length) const
{
    const qint64 end = from + length;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT c.upload_id, c.\"offset\", octet_length(c.data) FROM blobs b JOIN "
                                 "blob_chunks c ON c.upload_id = b.upload_id WHERE b.sha256 = :sha AND c.\"offset\" "
                                 "< :end AND c.\"offset\" + octet_length(c.data) > :from ORDER BY c.\"offset\""));
    query.bindValue(QStringLiteral(":sha"), sha256);
    query.bindValue(QStringLiteral(":end"), end);
    query.bindValue(QStringLiteral(":from"), from);
    if (!query.exec())
        return databaseError(query.lastError());
    struct Piece {
        qint64 uploadId;
        qint64 offset;
        qint64 size;
    };
    QList<Piece> pieces;
    while (query.next())
        pieces.append({query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong()});

    QByteArray bytes;
    bytes.reserve(length);
    // substring() of an uncompressed external value fetches only the pages it needs.
    query.prepare(QStringLiteral("SELECT substring(data FROM CAST(:start AS integer) FOR CAST(:count AS integer)) "
                                 "FROM blob_chunks WHERE upload_id = :id AND \"offset\" = :offset"));
    for (const Piece &piece : pieces) {
        const qint64 first = std::max(from, piece.offset);
        const qint64 last = std::min(end, piece.offset + piece.size); // exclusive
        query.bindValue(QStringLiteral(":start"), first - piece.offset + 1);
        query.bindValue(QStringLiteral(":count"), last - first);
        query.bindValue(QStringLiteral(":id"), piece.uploadId);
        query.bindValue(QStringLiteral(":offset"), piece.offset);
        if (!query.exec())
            return databaseError(query.lastError());
        if (!query.next())
            return internalError(QStringLiteral("chunk at %1 vanished").arg(piece.offset));
        bytes.append(query.value(0).toByteArray());
    }
    if (bytes.size() != length)
        return internalError(QStringLiteral("read %1 of %2 bytes from %3").arg(bytes.size()).arg(length).arg(from));
    return bytes;
}

Result<BlobCleanup> BlobStore::removeAbandoned(const QDateTime &cutoff)
{
    constexpr int batchSize = 100;
    const QString cutoffText = cutoff.toUTC().toString(Qt::ISODateWithMs);
    BlobCleanup removed;
    QSqlQuery query(m_db);
    // An append in progress holds its upload's row and sets updated_at when it commits: the delete waits for it
    // and then finds the upload fresh.
    query.prepare(QStringLiteral("DELETE FROM blob_uploads WHERE NOT complete AND updated_at < CAST(:cutoff AS "
                                 "timestamptz)")); // the chunks go with it
    query.bindValue(QStringLiteral(":cutoff"), cutoffText);
    if (!query.exec())
        return databaseError(query.lastError());
    removed.uploads = query.numRowsAffected();

    const QString unused = QStringLiteral(
        " NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = b.sha256) AND NOT EXISTS (SELECT 1 FROM blob_uploads"
        " u WHERE u.sha256 = b.sha256 AND u.complete AND u.updated_at >= CAST(:cutoff AS timestamptz))");
    while (true) {
        if (!m_db.transaction())
            return databaseError(m_db.lastError());
        const auto fail = [&](const QSqlError &error) -> Result<BlobCleanup> {
            m_db.rollback();
            return databaseError(error);
        };
        // SKIP LOCKED passes over contents being attached (the document's key check holds the row) or stored
        // again right now; holding the rest keeps new attachments out until they are gone.
        query.prepare(QStringLiteral("SELECT encode(b.sha256, 'hex') FROM blobs b WHERE") + unused +
                      QStringLiteral(" LIMIT %1 FOR UPDATE OF b SKIP LOCKED").arg(batchSize));
        query.bindValue(QStringLiteral(":cutoff"), cutoffText);
        if (!query.exec())
            return fail(query.lastError());
        QStringList candidates;
        while (query.next())
            candidates.append(query.value(0).toString());
        if (candidates.isEmpty()) {
            m_db.rollback();
            break;
        }
        // Asked again in a new statement: an attachment that committed before the lock was taken is seen now.
        query.prepare(QStringLiteral("DELETE FROM blobs b WHERE b.sha256 IN (SELECT decode(h, 'hex') FROM"
                                     " unnest(string_to_array(:candidates, ',')) h) AND") +
                      unused + QStringLiteral(" RETURNING encode(b.sha256, 'hex')"));
        query.bindValue(QStringLiteral(":candidates"), candidates.join(u','));
        query.bindValue(QStringLiteral(":cutoff"), cutoffText);
        if (!query.exec())
            return fail(query.lastError());
        QStringList deleted;
        while (query.next())
            deleted.append(query.value(0).toString());
        query.prepare(QStringLiteral("DELETE FROM blob_uploads WHERE complete AND sha256 IN (SELECT decode(h, 'hex')"
                                     " FROM unnest(string_to_array(:deleted, ',')) h)")); // the bytes go with them
        query.bindValue(QStringLiteral(":deleted"), deleted.join(u','));
        if (!query.exec())
            return fail(query.lastError());
        if (!m_db.commit())
            return fail(m_db.lastError());
        removed.blobs += deleted.size();
        if (candidates.size() < batchSize || deleted.isEmpty())
            break;
    }
    return removed;
}

} // namespace casedesk::server
