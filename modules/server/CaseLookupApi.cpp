#include "server/CaseLookupApi.h"

#include "core/AccessScope.h"
#include "core/Clock.h"
#include "core/Uuid.h"
#include "server/ApiReply.h"
#include "server/CaseStore.h"
#include "server/HttpApiServer.h"

#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>

namespace casedesk::server {

namespace {

constexpr qsizetype MaxCriterionLength = 200;

// A query parameter, decoded ("/" and spaces of an Aktenzeichen arrive encoded); empty when absent.
ApiResult<QString> criterion(const ApiRequest &request, const QString &name)
{
    const QString value = request.query.queryItemValue(name, QUrl::FullyDecoded).trimmed();
    if (value.size() > MaxCriterionLength ||
        std::any_of(value.cbegin(), value.cend(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        return ApiError::invalidField(
            name, QStringLiteral("at most %1 characters, no control characters").arg(MaxCriterionLength));
    return value;
}

QHttpServerResponse lookup(const RequestContext &context)
{
    // The role decides, not the deputyships: filing is the mailroom's capability (AccessScope's one rule).
    if (!AccessScope::forUser(context.session.user, {}, Clock::current()).filesEveryCase())
        return ApiError{ApiError::Status::Forbidden, QStringLiteral("forbidden"),
                        QStringLiteral("Only the mailroom looks up cases to file mail into.")}
            .response();
    QString values[3];
    const QString names[3] = {QStringLiteral("aktenzeichen"), QStringLiteral("familyName"), QStringLiteral("caseType")};
    for (int i = 0; i < 3; ++i) {
        ApiResult<QString> value = criterion(context.request, names[i]);
        if (const ApiError *error = std::get_if<ApiError>(&value))
            return error->response();
        values[i] = std::get<QString>(value);
    }
    if (values[0].isEmpty() && values[1].isEmpty())
        return ApiError::invalidField(QStringLiteral("aktenzeichen"),
                                      QStringLiteral("an Aktenzeichen or an applicant's family name"))
            .response();

    // Only the criteria given, so that each combination is its own kept statement whose plan uses the unique
    // Aktenzeichen index or the family-name index (a generic plan of "x = '' OR ..." would scan every case).
    static const QString conditions[3] = {
        QStringLiteral("aktenzeichen = :aktenzeichen"),
        QStringLiteral("lower(data->'applicant'->>'familyName') = lower(:familyName)"),
        QStringLiteral("case_type = :caseType")};
    QStringList where;
    QList<std::pair<QString, QVariant>> bound;
    for (int i = 0; i < 3; ++i) {
        if (values[i].isEmpty())
            continue;
        where.append(conditions[i]);
        bound.append({u':' + names[i], values[i]});
    }
    const Result<QSqlQuery *> query = CaseStore::run(
        context.db,
        QStringLiteral("SELECT id::text, aktenzeichen, case_type, team_id::text, data->'applicant'->>'givenName',"
                       " data->'applicant'->>'familyName' FROM cases WHERE %1 ORDER BY created_at DESC, id LIMIT %2")
            .arg(where.join(QLatin1String(" AND ")))
            .arg(CaseLookupApi::MaxMatches + 1),
        bound);
    if (!query)
        return ApiError::fromError(query.error()).response();
    QJsonArray matches;
    bool more = false;
    while ((*query)->next()) {
        if (matches.size() == CaseLookupApi::MaxMatches) {
            more = true;
            break;
        }
        const QSqlQuery &row = **query;
        matches.append(
            QJsonObject{{QStringLiteral("id"), row.value(0).toString()},
                        {QStringLiteral("aktenzeichen"), row.value(1).toString()},
                        {QStringLiteral("caseType"), row.value(2).toString()},
                        {QStringLiteral("teamId"), row.value(3).toString()},
                        {QStringLiteral("applicant"),
                         QStringList{row.value(4).toString(), row.value(5).toString()}.join(u' ').trimmed()}});
    }
    (*query)->finish();
    return ApiReply::json({{QStringLiteral("cases"), matches}, {QStringLiteral("more"), more}});
}

} // namespace

void CaseLookupApi::addRoutes(HttpApiServer &server)
{
    server.addAuthenticatedRoute(QStringLiteral("/api/v1/cases/lookup"), HttpApiServer::Method::Get,
                                 HttpApiServer::DefaultBodyLimit, lookup);
}

} // namespace casedesk::server
