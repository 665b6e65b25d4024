#include "server/IntakeProcessor.h"

#include "core/Clock.h"
#include "core/JsonFields.h"
#include "core/Uuid.h"
#include "server/BlobStore.h"
#include "server/CaseStore.h"
#include "server/CaseTypeRoutes.h"
#include "server/DeployedCaseTypes.h"
#include "server/ServerLog.h"
#include "server/SqlError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace casedesk::server {

namespace {

using Attempt = std::variant<IntakeReceipt, CaseRefusal, Error>;

// pg_advisory_xact_lock key space of intake ("CDin"), apart from the audit chains'.
constexpr qint64 submissionLockSpace = 0x4344696e;

QString sha256Hex(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex());
}

Result<std::optional<IntakeReceipt>> earlierSubmission(QSqlDatabase db, const QUuid &portalId,
                                                       const QString &submissionId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT c.data::text FROM intake_submissions s JOIN cases c ON c.id = s.case_id"
                                 " WHERE s.portal_id = CAST(:portal AS uuid) AND s.submission_id = :submission"));
    query.bindValue(QStringLiteral(":portal"), uuidToString(portalId));
    query.bindValue(QStringLiteral(":submission"), submissionId);
    if (!query.exec())
        return CaseStore::sqlError(query.lastError());
    if (!query.next())
        return std::optional<IntakeReceipt>();
    const Result<Case> stored = Case::fromJson(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
    if (!stored)
        return stored.error();
    return std::optional<IntakeReceipt>(
        IntakeReceipt{stored->id, stored->aktenzeichen, stored->statutoryDeadline, false});
}

// The portal's copy of content the server does not have yet, stored as one verified upload and the blob.
Result<void> storeBlob(QSqlDatabase db, const QUuid &portalId, const QByteArray &sha256, const QByteArray &content)
{
    const Result<bool> stored = BlobStore(db).isComplete(sha256);
    if (!stored)
        return stored.error();
    if (stored.value())
        return {};
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO blob_uploads (sha256, uploaded_by_portal, size, received, complete)"
                                 " VALUES (:sha, CAST(:portal AS uuid), :size, :size, true) RETURNING id"));
    query.bindValue(QStringLiteral(":sha"), sha256);
    query.bindValue(QStringLiteral(":portal"), uuidToString(portalId));
    query.bindValue(QStringLiteral(":size"), qint64(content.size()));
    if (!query.exec() || !query.next())
        return CaseStore::sqlError(query.lastError());
    const qint64 uploadId = query.value(0).toLongLong();
    for (qint64 position = 0; position < content.size(); position += BlobStore::ChunkSize) {
        query.prepare(QStringLiteral("INSERT INTO blob_chunks (upload_id, \"offset\", data) VALUES (:upload, :offset,"
                                     " :data)"));
        query.bindValue(QStringLiteral(":upload"), uploadId);
        query.bindValue(QStringLiteral(":offset"), position);
        query.bindValue(QStringLiteral(":data"), content.mid(position, BlobStore::ChunkSize));
        if (!query.exec())
            return CaseStore::sqlError(query.lastError());
    }
    // A concurrent submission of the same file may have made the blob meanwhile; its bytes are the same.
    query.prepare(QStringLiteral("INSERT INTO blobs (sha256, size, upload_id) VALUES (:sha, :size, :upload)"
                                 " ON CONFLICT (sha256) DO NOTHING"));
    query.bindValue(QStringLiteral(":sha"), sha256);
    query.bindValue(QStringLiteral(":size"), qint64(content.size()));
    query.bindValue(QStringLiteral(":upload"), uploadId);
    if (!query.exec())
        return CaseStore::sqlError(query.lastError());
    return {};
}

// The attachment as a document of the case, added by the portal; its metadata for the command's args.
Result<QJsonObject> insertDocument(QSqlDatabase db, const QUuid &portalId, const QUuid &caseId,
                                   const IntakeAttachment &attachment, const QDateTime &now)
{
    const QUuid documentId = createUuidV7();
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO documents (id, case_id, sha256, size, name, kind, meta, added_by_portal, added_at)"
        " SELECT CAST(:id AS uuid), CAST(:case AS uuid), sha256, size, :name, :kind, CAST(:meta AS jsonb),"
        " CAST(:portal AS uuid), CAST(:at AS timestamptz) FROM blobs WHERE sha256 = :sha RETURNING size"));
    query.bindValue(QStringLiteral(":id"), uuidToString(documentId));
    query.bindValue(QStringLiteral(":case"), uuidToString(caseId));
    query.bindValue(QStringLiteral(":name"), attachment.name);
    query.bindValue(QStringLiteral(":kind"), attachment.kind);
    QJsonObject meta;
    if (!attachment.mimeType.isEmpty())
        meta.insert(QLatin1String("mimeType"), attachment.mimeType);
    query.bindValue(QStringLiteral(":meta"), QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact)));
    query.bindValue(QStringLiteral(":portal"), uuidToString(portalId));
    query.bindValue(QStringLiteral(":at"), now.toUTC().toString(Qt::ISODateWithMs));
    query.bindValue(QStringLiteral(":sha"), attachment.sha256);
    if (!query.exec() || !query.next())
        return CaseStore::sqlError(query.lastError());
    return QJsonObject{{QStringLiteral("id"), uuidToString(documentId)},
                       {QStringLiteral("sha256"), sha256Hex(attachment.sha256)},
                       {QStringLiteral("size"), query.value(0).toLongLong()},
                       {QStringLiteral("name"), attachment.name},
                       {QStringLiteral("kind"), attachment.kind},
                       {QStringLiteral("mimeType"), attachment.mimeType}};
}

Result<qint64> insertSubmission(QSqlDatabase db, const QUuid &portalId, const QString &submissionId,
                                const QUuid &caseId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO intake_submissions (portal_id, submission_id, case_id) VALUES"
                                 " (CAST(:portal AS uuid), :submission, CAST(:case AS uuid)) RETURNING seq"));
    query.bindValue(QStringLiteral(":portal"), uuidToString(portalId));
    query.bindValue(QStringLiteral(":submission"), submissionId);
    query.bindValue(QStringLiteral(":case"), uuidToString(caseId));
    if (!query.exec() || !query.next())
        return CaseStore::sqlError(query.lastError()); // a racing duplicate: Conflict, run again
    return query.value(0).toLongLong();
}

Attempt runOnce(QSqlDatabase &db, const Portal &portal, const IntakeSubmission &submission)
{
    if (!db.transaction())
        return databaseError(db.lastError());
    const auto fail = [&db](Attempt attempt) {
        db.rollback();
        return attempt;
    };
    QSqlQuery query(db);
    // Runs the same submission one after the other across server processes, so the second finds the first.
    query.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(:key, :space))"));
    query.bindValue(QStringLiteral(":key"), uuidToString(portal.id) + u'|' + submission.submissionId);
    query.bindValue(QStringLiteral(":space"), submissionLockSpace);
    if (!query.exec())
        return fail(CaseStore::sqlError(query.lastError()));
    const Result<std::optional<IntakeReceipt>> earlier = earlierSubmission(db, portal.id, submission.submissionId);
    if (!earlier)
        return fail(earlier.error());
    if (earlier.value())
        return fail(*earlier.value()); // nothing was written

    const Result<std::shared_ptr<const casework::CaseTypeCatalogue>> caseTypes = DeployedCaseTypes::current(db);
    if (!caseTypes)
        return fail(caseTypes.error());
    const demo::CaseTypeContent *caseType = caseTypes.value()->latest(submission.caseType);
    if (!caseType)
        return fail(CaseRefusal{QStringLiteral("unknown_case_type"),
                                QStringLiteral("The server has no case type \"%1\". Send one of the city's case types.")
                                    .arg(submission.caseType),
                                {}});
    const Result<std::optional<QUuid>> team = CaseTypeRoutes(db).teamFor(submission.caseType);
    if (!team)
        return fail(team.error());
    if (!team.value())
        return fail(CaseRefusal{QStringLiteral("no_route"),
                                QStringLiteral("No team of the city takes \"%1\" applications yet. Tell the city's "
                                               "administrator (casedesk-server portal route).")
                                    .arg(submission.caseType),
                                {}});
    for (const IntakeAttachment &attachment : submission.attachments) {
        if (attachment.content)
            continue;
        const Result<bool> stored = BlobStore(db).isComplete(attachment.sha256);
        if (!stored)
            return fail(stored.error());
        if (!stored.value())
            return fail(CaseRefusal{QStringLiteral("missing_attachment"),
                                    QStringLiteral("The server does not have the attachment \"%1\" (SHA-256 %2). Send "
                                                   "it with its content.")
                                        .arg(attachment.name, sha256Hex(attachment.sha256)),
                                    {}});
    }

    const QDateTime now = Clock::current().now();
    Case theCase;
    theCase.id = createUuidV7();
    theCase.caseType = submission.caseType;
    theCase.applicant = submission.applicant;
    theCase.title = submission.title.isEmpty() ? QStringLiteral("%1 – %2").arg(caseType->form.title().text(),
                                                                               submission.applicant.displayName())
                                               : submission.title;
    theCase.teamId = *team.value();
    theCase.formData = submission.formData;
    CaseStore store(db);
    const Result<std::optional<CaseRefusal>> opened =
        CaseOpening::open(store, *caseType, casework::CommandRules::RequiredValues::Demanded, now, &theCase);
    if (!opened)
        return fail(opened.error());
    if (opened.value())
        return fail(*opened.value());

    // The blobs first: the case's number, taken next, keeps the team's counter locked until the commit.
    for (const IntakeAttachment &attachment : submission.attachments) {
        if (!attachment.content)
            continue;
        if (Result<void> stored = storeBlob(db, portal.id, attachment.sha256, *attachment.content); !stored)
            return fail(stored.error());
    }
    if (Result<void> inserted = store.insertNumberedCase(&theCase, Clock::current().today().year()); !inserted)
        return fail(inserted.error());
    QJsonArray documents;
    for (const IntakeAttachment &attachment : submission.attachments) {
        const Result<QJsonObject> document = insertDocument(db, portal.id, theCase.id, attachment, now);
        if (!document)
            return fail(document.error());
        documents.append(document.value());
    }
    const Result<qint64> seq = insertSubmission(db, portal.id, submission.submissionId, theCase.id);
    if (!seq)
        return fail(seq.error());
    Command command;
    command.id = createUuidV7();
    command.clientId = portal.id; // the portal's submissions are its sequence
    command.clientSeq = seq.value();
    command.caseId = theCase.id;
    command.name = CommandName::CreateCase;
    command.args = QJsonObject{{QStringLiteral("case"), theCase.toJson()},
                               {QStringLiteral("submissionId"), submission.submissionId},
                               {QStringLiteral("documents"), documents}};
    command.madeAt = now;
    if (Result<void> recorded = CaseOpening::recordPortalCreation(store, command, portal.id, now); !recorded)
        return fail(recorded.error());
    if (!db.commit())
        return fail(CaseStore::sqlError(db.lastError()));
    return IntakeReceipt{theCase.id, theCase.aktenzeichen, theCase.statutoryDeadline, true};
}

} // namespace

QJsonObject IntakeReceipt::toJson() const
{
    return {{QStringLiteral("caseId"), uuidToString(caseId)},
            {QStringLiteral("aktenzeichen"), aktenzeichen.toString()},
            {QStringLiteral("statutoryDeadline"),
             statutoryDeadline.isValid() ? QJsonValue(json::dateToString(statutoryDeadline)) : QJsonValue()}};
}

IntakeProcessor::IntakeProcessor(QSqlDatabase db, Portal portal) : m_db(std::move(db)), m_portal(std::move(portal)) {}

IntakeResult IntakeProcessor::process(const IntakeSubmission &submission)
{
    for (int attempt = 1;; ++attempt) {
        Attempt outcome = runOnce(m_db, m_portal, submission);
        if (IntakeReceipt *receipt = std::get_if<IntakeReceipt>(&outcome))
            return *receipt;
        if (CaseRefusal *refusal = std::get_if<CaseRefusal>(&outcome))
            return *refusal;
        const Error &error = std::get<Error>(outcome);
        if (error.code == ErrorCode::Conflict && attempt < MaxAttempts) {
            qCInfo(lcServer).noquote() << "retrying intake" << submission.submissionId << error.detail;
            continue;
        }
        qCWarning(lcServer).noquote() << "intake" << submission.submissionId << "of portal" << m_portal.name
                                      << "failed:" << error.toString();
        return ApiError::unavailable();
    }
}

} // namespace casedesk::server
