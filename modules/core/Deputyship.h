// A deputyship (Vertretung): while it runs, the deputy works the cases assigned to the absent user.
#pragma once

#include "core/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QUuid>

namespace casedesk {

struct Deputyship {
    QUuid userId;   // the absent user
    QUuid deputyId; // who stands in
    QDate from;     // first day, inclusive; null: since ever
    QDate until;    // last day, inclusive; null: until revoked

    // Whether it runs on `day`, a calendar date in Europe/Berlin (Clock::today()).
    bool runsOn(const QDate &day) const;

    // {"userId", "deputyId", "from", "until"}; open ends are left out. fromJson refuses a user who deputises
    // for themselves and a range that ends before it starts.
    QJsonObject toJson() const;
    static Result<Deputyship> fromJson(const QJsonObject &json);
    bool operator==(const Deputyship &) const = default;
};

} // namespace casedesk
