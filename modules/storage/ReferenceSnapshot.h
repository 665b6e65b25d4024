// The server's reference data (GET /api/v1/reference, modules/server/ReferenceApi.h) as the cache keeps it:
// users and teams in their tables, the rest (deputyships, process models, form definitions, code lists,
// holidays) verbatim for the checks an offline client makes. Checked whole before anything is written.
#pragma once

#include "core/Result.h"
#include "core/Team.h"
#include "core/User.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace casedesk::storage {

struct ReferenceSnapshot {
    QList<User> users;
    QList<Team> teams;
    QJsonObject rest;
    QByteArray etag; // the server's tag of this state, sent back as If-None-Match

    // Invalid (nothing kept) when a part is missing or of the wrong type, or a user or team does not read.
    static Result<ReferenceSnapshot> fromJson(const QJsonObject &json, const QByteArray &etag);
};

} // namespace casedesk::storage
