#include "core/Deputyship.h"

#include "core/JsonFields.h"

#include <QCoreApplication>

namespace casedesk {

bool Deputyship::runsOn(const QDate &day) const
{
    return (from.isNull() || from <= day) && (until.isNull() || day <= until);
}

QJsonObject Deputyship::toJson() const
{
    QJsonObject json;
    json::putUuid(json, QLatin1String("userId"), userId);
    json::putUuid(json, QLatin1String("deputyId"), deputyId);
    json::putDate(json, QLatin1String("from"), from);
    json::putDate(json, QLatin1String("until"), until);
    return json;
}

Result<Deputyship> Deputyship::fromJson(const QJsonObject &object)
{
    json::Reader reader(object);
    Deputyship deputyship;
    deputyship.userId = reader.requiredUuid(QLatin1String("userId"));
    deputyship.deputyId = reader.requiredUuid(QLatin1String("deputyId"));
    deputyship.from = reader.optionalDate(QLatin1String("from"));
    deputyship.until = reader.optionalDate(QLatin1String("until"));
    if (reader.ok() && deputyship.userId == deputyship.deputyId)
        reader.fail(QStringLiteral("deputyId"),
                    QCoreApplication::translate("Core", "The field “%1” must name someone other than the absent "
                                                        "user."));
    if (reader.ok() && !deputyship.from.isNull() && !deputyship.until.isNull() && deputyship.until < deputyship.from)
        reader.fail(QStringLiteral("until"),
                    QCoreApplication::translate("Core", "The field “%1” must not be before the first day."));
    if (!reader.ok())
        return reader.error();
    return deputyship;
}

} // namespace casedesk
