#include "server/ModelRepository.h"

#include "server/SqlError.h"
#include "workflow/ProcessParser.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringDecoder>

namespace casedesk::server {

namespace {

// Runs `work` in a transaction that holds `table` against other deployments (readers go on), so two
// administrators deploying at once cannot both take the same next version. Commits only what `work` added.
template <typename Work> Result<Deployment> deployLocked(QSqlDatabase db, QLatin1String table, Work work)
{
    if (!db.transaction())
        return databaseError(db.lastError());
    QSqlQuery lock(db);
    if (!lock.exec(QStringLiteral("LOCK TABLE %1 IN SHARE ROW EXCLUSIVE MODE").arg(table))) {
        const Error error = databaseError(lock.lastError());
        db.rollback();
        return error;
    }
    Result<Deployment> result = work(lock);
    if (!result || !result->added) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        const Error error = databaseError(db.lastError());
        db.rollback();
        return error;
    }
    return result;
}

Error versionTaken(const QString &what, int version)
{
    return makeError(ErrorCode::Conflict,
                     QCoreApplication::translate("Server", "%1 version %2 is deployed already with other content. "
                                                           "Deployed versions never change, because cases keep "
                                                           "the version they started with: deploy the new "
                                                           "content as a new version.")
                         .arg(what)
                         .arg(version));
}

} // namespace

ModelRepository::ModelRepository(QSqlDatabase db) : m_db(std::move(db)) {}

QString ModelRepository::sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray ModelRepository::formContent(const forms::FormDefinition &definition)
{
    return QJsonDocument(definition.json()).toJson(QJsonDocument::Compact);
}

bool ModelRepository::isValidCaseType(const QString &caseType)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_-]{0,63}$"));
    return pattern.match(caseType).hasMatch();
}

Result<Deployment> ModelRepository::deployProcess(const QString &caseType, const QByteArray &bpmn, int version,
                                                  const QString &deployedBy)
{
    if (!isValidCaseType(caseType))
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Server", "“%1” is not a case type. Use lower-case letters, "
                                                               "digits, \"-\" and \"_\", starting with a letter, "
                                                               "like baumfaellung.")
                             .arg(caseType));
    if (version < 0)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Server", "A version is a whole number of at least 1."));
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(bpmn);
    if (utf8.hasError())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Server", "The process model is not UTF-8 "
                                                                                   "text. Save it as UTF-8 and "
                                                                                   "deploy it again."));
    const workflow::ParsedModel parsed = workflow::ProcessParser::parse(bpmn);
    if (!parsed.ok())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Server", "The process model has errors and was not deployed. "
                                                               "\"casedesk-server process check FILE\" lists them."),
                         parsed.problems.isEmpty() ? QString() : parsed.problems.constFirst().toString());
    const QString sha256 = sha256Hex(bpmn);
    const QString what = QCoreApplication::translate("Server", "Process model %1").arg(caseType);

    return deployLocked(m_db, QLatin1String("process_models"), [&](QSqlQuery &query) -> Result<Deployment> {
        query.prepare(QStringLiteral("SELECT version, encode(sha256, 'hex') FROM process_models"
                                     " WHERE case_type = :type ORDER BY version DESC"));
        query.bindValue(QStringLiteral(":type"), caseType);
        if (!query.exec())
            return databaseError(query.lastError());
        int latest = 0;
        QString latestSha256;
        QString sameVersionSha256;
        while (query.next()) {
            const int existing = query.value(0).toInt();
            if (latest == 0) {
                latest = existing;
                latestSha256 = query.value(1).toString();
            }
            if (existing == version)
                sameVersionSha256 = query.value(1).toString();
        }
        int target = version;
        if (version == 0) {
            if (latest > 0 && latestSha256 == sha256)
                return Deployment{latest, false};
            target = latest + 1;
        } else if (!sameVersionSha256.isEmpty()) {
            if (sameVersionSha256 != sha256)
                return versionTaken(what, version);
            return Deployment{version, false};
        } else if (version <= latest) {
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Server", "%1 is at version %2 already; a new version must "
                                                                   "be higher.")
                                 .arg(what)
                                 .arg(latest));
        }
        query.prepare(QStringLiteral("INSERT INTO process_models (case_type, version, bpmn, sha256, deployed_by)"
                                     " VALUES (:type, :version, :bpmn, decode(:sha256, 'hex'), :by)"));
        query.bindValue(QStringLiteral(":type"), caseType);
        query.bindValue(QStringLiteral(":version"), target);
        query.bindValue(QStringLiteral(":bpmn"), text);
        query.bindValue(QStringLiteral(":sha256"), sha256);
        query.bindValue(QStringLiteral(":by"), deployedBy);
        if (!query.exec())
            return databaseError(query.lastError());
        return Deployment{target, true};
    });
}

Result<Deployment> ModelRepository::deployForm(const forms::FormDefinition &definition, const QString &deployedBy)
{
    if (definition.isNull())
        return makeError(ErrorCode::Internal, QStringLiteral("a null form definition cannot be deployed"));
    const QByteArray json = formContent(definition);
    const QString sha256 = sha256Hex(json);
    const QString what = QCoreApplication::translate("Server", "Form definition %1").arg(definition.id());

    return deployLocked(m_db, QLatin1String("form_definitions"), [&](QSqlQuery &query) -> Result<Deployment> {
        query.prepare(QStringLiteral("SELECT encode(sha256, 'hex') FROM form_definitions"
                                     " WHERE form_id = :id AND version = :version"));
        query.bindValue(QStringLiteral(":id"), definition.id());
        query.bindValue(QStringLiteral(":version"), definition.version());
        if (!query.exec())
            return databaseError(query.lastError());
        if (query.next()) {
            if (query.value(0).toString() != sha256)
                return versionTaken(what, definition.version());
            return Deployment{definition.version(), false};
        }
        query.prepare(
            QStringLiteral("INSERT INTO form_definitions (form_id, version, definition, sha256, deployed_by)"
                           " VALUES (:id, :version, CAST(:definition AS jsonb), decode(:sha256, 'hex'), :by)"));
        query.bindValue(QStringLiteral(":id"), definition.id());
        query.bindValue(QStringLiteral(":version"), definition.version());
        query.bindValue(QStringLiteral(":definition"), QString::fromUtf8(json));
        query.bindValue(QStringLiteral(":sha256"), sha256);
        query.bindValue(QStringLiteral(":by"), deployedBy);
        if (!query.exec())
            return databaseError(query.lastError());
        return Deployment{definition.version(), true};
    });
}

Result<QList<DeployedProcessModel>> ModelRepository::processModels() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT case_type, version, bpmn, encode(sha256, 'hex'), deployed_by, deployed_at"
                                   " FROM process_models ORDER BY case_type, version")))
        return databaseError(query.lastError());
    QList<DeployedProcessModel> models;
    while (query.next()) {
        models.append({query.value(0).toString(), query.value(1).toInt(), query.value(2).toString(),
                       query.value(3).toString(), query.value(4).toString(), query.value(5).toDateTime()});
    }
    return models;
}

Result<QList<DeployedForm>> ModelRepository::forms() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT form_id, version, definition::text, encode(sha256, 'hex'), deployed_by,"
                                   " deployed_at FROM form_definitions ORDER BY form_id, version")))
        return databaseError(query.lastError());
    QList<DeployedForm> forms;
    while (query.next()) {
        forms.append({query.value(0).toString(), query.value(1).toInt(),
                      QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object(), query.value(3).toString(),
                      query.value(4).toString(), query.value(5).toDateTime()});
    }
    return forms;
}

} // namespace casedesk::server
