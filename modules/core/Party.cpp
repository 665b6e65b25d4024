#include "core/Party.h"

#include "core/JsonFields.h"

namespace casedesk {

QJsonObject PostalAddress::toJson() const
{
    QJsonObject json;
    json::putString(json, QLatin1String("street"), street);
    json::putString(json, QLatin1String("houseNumber"), houseNumber);
    json::putString(json, QLatin1String("postcode"), postcode);
    json::putString(json, QLatin1String("city"), city);
    json::putString(json, QLatin1String("district"), district);
    return json;
}

Result<PostalAddress> PostalAddress::fromJson(const QJsonObject &object)
{
    json::Reader reader(object);
    PostalAddress address;
    address.street = reader.optionalString(QLatin1String("street"));
    address.houseNumber = reader.optionalString(QLatin1String("houseNumber"));
    address.postcode = reader.optionalString(QLatin1String("postcode"));
    address.city = reader.optionalString(QLatin1String("city"));
    address.district = reader.optionalString(QLatin1String("district"));
    if (!reader.ok())
        return reader.error();
    return address;
}

QString Party::displayName() const
{
    if (!organisation.isEmpty())
        return organisation;
    if (!familyName.isEmpty() && !givenName.isEmpty())
        return familyName + QStringLiteral(", ") + givenName;
    return familyName.isEmpty() ? givenName : familyName;
}

QJsonObject Party::toJson() const
{
    QJsonObject json;
    json::putString(json, QLatin1String("salutation"), salutation);
    json::putString(json, QLatin1String("givenName"), givenName);
    json::putString(json, QLatin1String("familyName"), familyName);
    json::putString(json, QLatin1String("organisation"), organisation);
    const QJsonObject addressJson = address.toJson();
    if (!addressJson.isEmpty())
        json.insert(QLatin1String("address"), addressJson);
    json::putString(json, QLatin1String("email"), email);
    json::putString(json, QLatin1String("phone"), phone);
    return json;
}

Result<Party> Party::fromJson(const QJsonObject &object)
{
    json::Reader reader(object);
    Party party;
    party.salutation = reader.optionalString(QLatin1String("salutation"));
    party.givenName = reader.optionalString(QLatin1String("givenName"));
    party.familyName = reader.optionalString(QLatin1String("familyName"));
    party.organisation = reader.optionalString(QLatin1String("organisation"));
    party.address = reader.optionalNested<PostalAddress>(QLatin1String("address"));
    party.email = reader.optionalString(QLatin1String("email"));
    party.phone = reader.optionalString(QLatin1String("phone"));
    if (!reader.ok())
        return reader.error();
    return party;
}

} // namespace casedesk
