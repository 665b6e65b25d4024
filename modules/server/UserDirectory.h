// The server's users and teams, as the administrator manages them on the command line: add and list teams,
// add, disable and list users. A user's password is stored only as an Argon2id hash (PasswordHash).
#pragma once

#include "core/Result.h"
#include "core/Role.h"
#include "core/Team.h"
#include "core/User.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace casedesk::server {

struct NewUser {
    QString login; // lower-case letters, digits and ". _ -", e.g. "a.mueller"
    QString displayName;
    QList<Role> roles;     // at least one
    QStringList teamCodes; // existing teams' codes; may be empty (administrators)
};

class UserDirectory {
public:
    static constexpr int MinimumPasswordLength = 12;
    static constexpr int MaximumPasswordLength = 1024; // Argon2 takes any length; this bounds the work per login

    // `db`: an open connection of the calling thread, migrated to the current schema.
    explicit UserDirectory(QSqlDatabase db);

    // Invalid for a bad login, name, role list or password; Conflict when the login is taken; NotFound when
    // a team code does not exist. Nothing is written on an error.
    Result<User> addUser(const NewUser &user, const QString &password);
    // Marks the user disabled and ends all their sessions (their refresh tokens go with them). NotFound for
    // an unknown login. Disabling a disabled user again still ends sessions that should not exist.
    Result<User> disableUser(const QString &login);
    Result<QList<User>> users() const; // by login; User::teamIds in the order of the teams' codes

    // The id is made here (UUIDv7). Invalid for a bad code, name or file plan code; Conflict when the code
    // is taken.
    Result<Team> addTeam(const QString &code, const QString &name, const QString &filePlanCode);
    Result<QList<Team>> teams() const; // by code

private:
    Result<User> userByLogin(const QString &login) const;

    QSqlDatabase m_db;
};

} // namespace casedesk::server
