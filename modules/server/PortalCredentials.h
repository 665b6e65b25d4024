// The credentials of citizen portals that submit applications to the intake API (issue 5, "Intake"). A portal
// authenticates with "Authorization: Bearer SECRET": a random 256-bit secret (AuthToken's form), shown once
// when the administrator adds the portal; only its SHA-256 is stored. Portal secrets and users' access tokens
// live in different tables, so neither opens the other's endpoints.
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QUuid>

#include <optional>

namespace casedesk::server {

struct Portal {
    QUuid id;
    QString name; // e.g. "service-bw"
    bool disabled = false;
    QDateTime createdAt;
};

struct NewPortal {
    Portal portal;
    QByteArray secret; // shown once, never stored
};

class PortalCredentials {
public:
    // `db`: an open connection of the calling thread, migrated to the current schema.
    explicit PortalCredentials(QSqlDatabase db);

    // Invalid for a bad name (letters, digits, ". _ -", up to 100); Conflict when the name is taken.
    Result<NewPortal> add(const QString &name);
    Result<QList<Portal>> portals() const; // by name
    // NotFound for an unknown name. Its secret stops working at once.
    Result<Portal> disable(const QString &name);
    // The enabled portal whose secret this is; nullopt for anything else (also a user's access token).
    Result<std::optional<Portal>> authenticate(const QByteArray &secret) const;

private:
    QSqlDatabase m_db;
};

} // namespace casedesk::server
