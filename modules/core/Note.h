// A Vermerk: a clerk's written note on a case (kept in German: "note" loses its formal weight in the file).
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

namespace casedesk {

struct Note {
    QUuid id;
    QUuid caseId;
    QUuid authorId;
    QDateTime createdAt; // UTC
    QString text;

    QJsonObject toJson() const;
    static Result<Note> fromJson(const QJsonObject &json);
    bool operator==(const Note &) const = default;
};

} // namespace casedesk
