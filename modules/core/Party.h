// The applicant (or another party) of a case: a person or an organisation with postal address and contact.
#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>

namespace casedesk {

struct PostalAddress {
    QString street;
    QString houseNumber;
    QString postcode; // five digits in Germany
    QString city;
    QString district; // Stadtbezirk, e.g. "Stuttgart-West"

    QJsonObject toJson() const;
    static Result<PostalAddress> fromJson(const QJsonObject &json);
    bool operator==(const PostalAddress &) const = default;
};

struct Party {
    QString salutation; // "Frau", "Herr", empty for none or organisations
    QString givenName;
    QString familyName;
    QString organisation; // set for companies, associations
    PostalAddress address;
    QString email;
    QString phone;

    // "Müller, Anna" or the organisation; what lists show and sort by.
    QString displayName() const;

    QJsonObject toJson() const;
    static Result<Party> fromJson(const QJsonObject &json);
    bool operator==(const Party &) const = default;
};

} // namespace casedesk
