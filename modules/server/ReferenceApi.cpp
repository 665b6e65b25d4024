#include "server/ReferenceApi.h"

#include "core/Clock.h"
#include "core/DeadlineCalendar.h"
#include "core/Deputyship.h"
#include "core/JsonFields.h"
#include "core/Uuid.h"
#include "forms/CodeList.h"
#include "server/ApiError.h"
#include "server/ApiReply.h"
#include "server/HttpApiServer.h"
#include "server/ModelRepository.h"
#include "server/SqlError.h"
#include "server/UserDirectory.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace casedesk::server {

namespace {

const QString referencePath = QStringLiteral("/api/v1/reference");

Result<QJsonArray> deputyships(QSqlDatabase db, const QDate &today)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT absent_user_id::text, deputy_id::text, first_day::text, last_day::text"
                                 " FROM deputyships WHERE last_day IS NULL OR last_day >= CAST(:today AS date)"
                                 " ORDER BY absent_user_id, first_day NULLS FIRST, deputy_id"));
    query.bindValue(QStringLiteral(":today"), json::dateToString(today));
    if (!query.exec())
        return databaseError(query.lastError());
    QJsonArray array;
    while (query.next()) {
        const Deputyship deputyship{uuidFromString(query.value(0).toString()),
                                    uuidFromString(query.value(1).toString()),
                                    QDate::fromString(query.value(2).toString(), Qt::ISODate),
                                    QDate::fromString(query.value(3).toString(), Qt::ISODate)};
        array.append(deputyship.toJson());
    }
    return array;
}

QJsonObject codeLists()
{
    QJsonArray districts;
    for (const forms::CodeListEntry &entry : forms::CodeList::stuttgartDistricts().entries())
        districts.append(
            QJsonObject{{QStringLiteral("code"), entry.code}, {QStringLiteral("label"), entry.label.toJson()}});
    return {{forms::CodeList::stuttgartDistricts().name(), districts}};
}

QJsonObject holidays(int year)
{
    QJsonObject years;
    for (int y : {year, year + 1}) {
        QJsonArray dates;
        for (const QDate &date : DeadlineCalendar::holidays(y))
            dates.append(json::dateToString(date));
        years.insert(QString::number(y), dates);
    }
    return years;
}

Result<QJsonObject> readReference(QSqlDatabase db, const QDate &today)
{
    const ModelRepository repository(db);
    const Result<QList<DeployedProcessModel>> models = repository.processModels();
    if (!models)
        return models.error();
    QJsonArray processArray;
    for (const DeployedProcessModel &model : models.value())
        processArray.append(QJsonObject{{QStringLiteral("caseType"), model.caseType},
                                        {QStringLiteral("version"), model.version},
                                        {QStringLiteral("bpmn"), model.bpmn}});

    const Result<QList<DeployedForm>> forms = repository.forms();
    if (!forms)
        return forms.error();
    QJsonArray formArray;
    for (const DeployedForm &form : forms.value())
        formArray.append(QJsonObject{{QStringLiteral("id"), form.formId},
                                     {QStringLiteral("version"), form.version},
                                     {QStringLiteral("definition"), form.definition}});

    const UserDirectory directory(db);
    const Result<QList<User>> users = directory.users();
    if (!users)
        return users.error();
    QJsonArray userArray;
    for (const User &user : users.value())
        userArray.append(user.toJson());
    const Result<QList<Team>> teams = directory.teams();
    if (!teams)
        return teams.error();
    QJsonArray teamArray;
    for (const Team &team : teams.value())
        teamArray.append(team.toJson());

    const Result<QJsonArray> deputies = deputyships(db, today);
    if (!deputies)
        return deputies.error();

    return QJsonObject{{QStringLiteral("processModels"), processArray},
                       {QStringLiteral("forms"), formArray},
                       {QStringLiteral("users"), userArray},
                       {QStringLiteral("teams"), teamArray},
                       {QStringLiteral("deputyships"), deputies.value()},
                       {QStringLiteral("codeLists"), codeLists()},
                       {QStringLiteral("holidays"), holidays(today.year())}};
}

QHttpServerResponse get(const RequestContext &context)
{
    const Result<QByteArray> body = ReferenceApi::body(context.db, Clock::current().today());
    if (!body)
        return ApiError::fromError(body.error()).response();
    const QByteArray tag = ReferenceApi::entityTag(body.value());
    QHttpServerResponse reply = ReferenceApi::matches(context.request.header(QByteArrayLiteral("If-None-Match")), tag)
                                    ? QHttpServerResponse(QHttpServerResponse::StatusCode::NotModified)
                                    : QHttpServerResponse(QByteArrayLiteral("application/json"), body.value());
    reply.setHeader(QByteArrayLiteral("ETag"), tag);
    // Personal data (names): no shared or disk cache keeps it; the client keeps it in its encrypted cache.
    reply.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return reply;
}

} // namespace

void ReferenceApi::addRoutes(HttpApiServer &server)
{
    server.addAuthenticatedRoute(referencePath, HttpApiServer::Method::Get, HttpApiServer::DefaultBodyLimit, get);
}

Result<QByteArray> ReferenceApi::body(QSqlDatabase db, const QDate &today)
{
    // One snapshot, so a deployment or a new user between two reads cannot give a mix that never existed.
    if (!db.transaction())
        return databaseError(db.lastError());
    QSqlQuery isolation(db);
    if (!isolation.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))) {
        const Error error = databaseError(isolation.lastError());
        db.rollback();
        return error;
    }
    const Result<QJsonObject> reference = readReference(db, today);
    db.rollback(); // read only: nothing to commit
    if (!reference)
        return reference.error();
    return QJsonDocument(reference.value()).toJson(QJsonDocument::Compact);
}

QByteArray ReferenceApi::entityTag(const QByteArray &body)
{
    return '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex() + '"';
}

bool ReferenceApi::matches(const QByteArray &ifNoneMatch, const QByteArray &tag)
{
    for (QByteArray candidate : ifNoneMatch.split(',')) {
        candidate = candidate.trimmed();
        // If-None-Match compares weakly (RFC 9110, 13.1.2): a W/ prefix does not matter.
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == "*" || candidate == tag)
            return true;
    }
    return false;
}

} // namespace casedesk::server
