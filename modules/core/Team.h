#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QUuid>

namespace casedesk {

struct Team {
    QUuid id;
    QString code;         // organisational code, e.g. "32.1"
    QString name;         // e.g. "Straßenverkehr"
    QString filePlanCode; // file plan code of its cases' Aktenzeichen, e.g. "32.10"

    QJsonObject toJson() const;
    static Result<Team> fromJson(const QJsonObject &json);
    bool operator==(const Team &) const = default;
};

} // namespace casedesk
