#pragma once

#include "core/Result.h"
#include "core/Role.h"

#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace casedesk {

struct User {
    QUuid id;
    QString login; // e.g. "a.mueller"
    QString displayName;
    QList<Role> roles;
    QList<QUuid> teamIds;
    bool active = true;

    bool hasRole(Role role) const { return roles.contains(role); }

    QJsonObject toJson() const;
    static Result<User> fromJson(const QJsonObject &json);
    bool operator==(const User &) const = default;
};

} // namespace casedesk
