#include "server/DeployedCaseTypes.h"

#include "server/ModelRepository.h"
#include "server/ServerLog.h"
#include "server/SqlError.h"

#include <QMutex>
#include <QSqlQuery>

namespace casedesk::server {

namespace {

struct Cached {
    QMutex mutex;
    QString database; // a process normally has one; tests may open several
    qint64 processRows = -1;
    qint64 formRows = -1;
    std::shared_ptr<const casework::CaseTypeCatalogue> catalogue;
};

Cached &cached()
{
    static Cached instance;
    return instance;
}

Result<std::shared_ptr<const casework::CaseTypeCatalogue>> read(QSqlDatabase db)
{
    const ModelRepository repository(db);
    const Result<QList<DeployedProcessModel>> models = repository.processModels();
    if (!models)
        return models.error();
    const Result<QList<DeployedForm>> deployedForms = repository.forms();
    if (!deployedForms)
        return deployedForms.error();
    QList<casework::CaseTypeCatalogue::DeployedProcess> processes;
    for (const DeployedProcessModel &model : models.value())
        processes.append({model.caseType, model.version, model.bpmn});
    QList<QJsonObject> forms;
    for (const DeployedForm &form : deployedForms.value())
        forms.append(form.definition);
    QStringList leftOut;
    std::shared_ptr<const casework::CaseTypeCatalogue> catalogue =
        casework::CaseTypeCatalogue::fromDeployed(processes, forms, &leftOut);
    for (const QString &why : std::as_const(leftOut))
        qCWarning(lcServer).noquote() << "deployed content that does not load is left out:" << why;
    return catalogue;
}

} // namespace

Result<std::shared_ptr<const casework::CaseTypeCatalogue>> DeployedCaseTypes::current(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT (SELECT count(*) FROM process_models),"
                                   " (SELECT count(*) FROM form_definitions)")) ||
        !query.next())
        return databaseError(query.lastError());
    const qint64 processRows = query.value(0).toLongLong();
    const qint64 formRows = query.value(1).toLongLong();
    Cached &cache = cached();
    QMutexLocker lock(&cache.mutex);
    const QString database = QStringLiteral("%1:%2/%3").arg(db.hostName()).arg(db.port()).arg(db.databaseName());
    if (cache.catalogue && cache.database == database && cache.processRows == processRows && cache.formRows == formRows)
        return cache.catalogue;
    // Read under the lock: the threads that need the new catalogue at the same moment wait for one reading.
    Result<std::shared_ptr<const casework::CaseTypeCatalogue>> catalogue = read(db);
    if (!catalogue)
        return catalogue.error();
    cache.database = database;
    cache.processRows = processRows;
    cache.formRows = formRows;
    cache.catalogue = catalogue.value();
    return catalogue;
}

} // namespace casedesk::server
