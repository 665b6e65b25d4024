#include "server/IntakeApi.h"

#include "core/DocumentRef.h"
#include "server/ApiReply.h"
#include "server/BlobStore.h"
#include "server/HttpApiServer.h"
#include "server/IntakeProcessor.h"
#include "server/JsonFields.h"
#include "server/PortalCredentials.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace casedesk::server {

namespace {

constexpr qsizetype maxTextLength = 1000; // case type, title, attachment names and types

ApiError unprocessable(const QString &code, const QString &message)
{
    return {ApiError::Status::UnprocessableEntity, code, message};
}

ApiResult<IntakeAttachment> parseAttachment(const QJsonValue &value, qsizetype index)
{
    const QString field = QStringLiteral("attachments[%1]").arg(index);
    if (!value.isObject())
        return ApiError::invalidField(field, QStringLiteral("an object"));
    const QJsonObject object = value.toObject();
    JsonFields fields(object);
    IntakeAttachment attachment;
    const QString sha256 = fields.text(QStringLiteral("sha256"), 64);
    attachment.name = fields.text(QStringLiteral("name"), maxTextLength);
    attachment.kind = fields.text(QStringLiteral("kind"), maxTextLength);
    if (!fields.ok()) {
        ApiError error = fields.error();
        error.message = field + QLatin1String(": ") + error.message;
        return error;
    }
    const std::optional<QByteArray> digest = BlobStore::parseSha256(sha256);
    if (!digest)
        return ApiError::invalidField(field + QLatin1String(".sha256"), QStringLiteral("64 hexadecimal digits"));
    attachment.sha256 = *digest;
    DocumentKind kind;
    if (!documentKindFromString(attachment.kind, &kind))
        return ApiError::invalidField(field + QLatin1String(".kind"),
                                      QStringLiteral("a document kind (application, evidence, correspondence, letter, "
                                                     "scan, other)"));
    const QJsonValue mimeType = object.value(QLatin1String("mimeType"));
    if (!(mimeType.isUndefined() || mimeType.isString()) || mimeType.toString().size() > maxTextLength)
        return ApiError::invalidField(field + QLatin1String(".mimeType"), QStringLiteral("text"));
    attachment.mimeType = mimeType.toString();
    const QJsonValue content = object.value(QLatin1String("content"));
    if (content.isUndefined())
        return attachment;
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
        content.toString().toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!content.isString() || !decoded)
        return ApiError::invalidField(field + QLatin1String(".content"), QStringLiteral("base64"));
    if (QCryptographicHash::hash(*decoded, QCryptographicHash::Sha256) != attachment.sha256)
        return unprocessable(
            QStringLiteral("attachment_hash_mismatch"),
            QStringLiteral("The content of %1 does not have the SHA-256 given. Send the file again.").arg(field));
    attachment.content = *decoded;
    return attachment;
}

ApiResult<IntakeSubmission> parseSubmission(const QJsonObject &object)
{
    // PostgreSQL's jsonb cannot hold U+0000.
    if (QJsonDocument(object).toJson(QJsonDocument::Compact).contains("\\u0000"))
        return ApiError{ApiError::Status::BadRequest, QStringLiteral("invalid_text"),
                        QStringLiteral("Text must not contain the character U+0000.")};
    JsonFields fields(object);
    IntakeSubmission submission;
    submission.submissionId = fields.text(QStringLiteral("submissionId"), IntakeApi::MaxSubmissionIdLength);
    submission.caseType = fields.text(QStringLiteral("caseType"), maxTextLength);
    if (!fields.ok())
        return fields.error();
    const QJsonValue title = object.value(QLatin1String("title"));
    if (!(title.isUndefined() || title.isString()) || title.toString().size() > maxTextLength)
        return ApiError::invalidField(QStringLiteral("title"), QStringLiteral("text"));
    submission.title = title.toString().trimmed();
    const QJsonValue applicant = object.value(QLatin1String("applicant"));
    Result<Party> party = Party::fromJson(applicant.toObject());
    if (!applicant.isObject() || !party)
        return ApiError::invalidField(QStringLiteral("applicant"),
                                      QStringLiteral("a party (%1)").arg(party ? QString() : party.error().message));
    submission.applicant = std::move(party).value();
    const QJsonValue formData = object.value(QLatin1String("formData"));
    if (!formData.isObject())
        return ApiError::invalidField(QStringLiteral("formData"), QStringLiteral("an object"));
    submission.formData = formData.toObject();
    const QJsonValue attachments = object.value(QLatin1String("attachments"));
    if (!(attachments.isUndefined() || attachments.isArray()) ||
        attachments.toArray().size() > IntakeApi::MaxAttachments)
        return ApiError::invalidField(
            QStringLiteral("attachments"),
            QStringLiteral("an array of at most %1 attachments").arg(IntakeApi::MaxAttachments));
    const QJsonArray array = attachments.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        ApiResult<IntakeAttachment> attachment = parseAttachment(array.at(i), i);
        if (const ApiError *error = std::get_if<ApiError>(&attachment))
            return *error;
        submission.attachments.append(std::move(std::get<IntakeAttachment>(attachment)));
    }
    return submission;
}

QHttpServerResponse refused(const CaseRefusal &refusal)
{
    QJsonObject error{{QStringLiteral("code"), refusal.code}, {QStringLiteral("message"), refusal.message}};
    if (refusal.code == QLatin1String("invalid_form")) {
        QJsonArray problems;
        for (const forms::FormProblem &problem : refusal.problems)
            problems.append(QJsonObject{{QStringLiteral("path"), problem.path},
                                        {QStringLiteral("code"), problem.codeString()},
                                        {QStringLiteral("message"), problem.message}});
        error.insert(QStringLiteral("message"),
                     QStringLiteral("The form data is not valid: correct the fields listed in \"problems\"."));
        error.insert(QStringLiteral("problems"), problems);
    }
    return ApiReply::json({{QStringLiteral("error"), error}}, ApiReply::Status::UnprocessableEntity);
}

QHttpServerResponse intake(const ApiRequest &request, QSqlDatabase db)
{
    const QByteArray secret = request.bearerToken();
    if (secret.isEmpty())
        return ApiError::unauthorized(QStringLiteral("missing_token"),
                                      QStringLiteral("Send the portal's secret as \"Authorization: Bearer SECRET\"."))
            .response();
    const Result<std::optional<Portal>> portal = PortalCredentials(db).authenticate(secret);
    if (!portal)
        return ApiError::fromError(portal.error()).response();
    if (!portal.value())
        return ApiError::unauthorized(QStringLiteral("invalid_portal_credential"),
                                      QStringLiteral("This is not the secret of an enabled portal. Ask the city's "
                                                     "administrator for the portal's secret."))
            .response();
    const ApiResult<QJsonObject> body = request.jsonObject();
    if (const ApiError *error = std::get_if<ApiError>(&body))
        return error->response();
    const ApiResult<IntakeSubmission> submission = parseSubmission(std::get<QJsonObject>(body));
    if (const ApiError *error = std::get_if<ApiError>(&submission))
        return error->response();

    const IntakeResult result = IntakeProcessor(db, *portal.value()).process(std::get<IntakeSubmission>(submission));
    if (const IntakeReceipt *receipt = std::get_if<IntakeReceipt>(&result))
        return ApiReply::json(receipt->toJson(), receipt->created ? ApiReply::Status::Created : ApiReply::Status::Ok);
    if (const CaseRefusal *refusal = std::get_if<CaseRefusal>(&result))
        return refused(*refusal);
    return std::get<ApiError>(result).response();
}

} // namespace

void IntakeApi::addRoutes(HttpApiServer &server)
{
    server.addRoute(QStringLiteral("/api/v1/intake"), HttpApiServer::Method::Post, BodyLimit, intake);
}

} // namespace casedesk::server
