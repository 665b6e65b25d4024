#include "server/UserDirectory.h"

#include "core/Aktenzeichen.h"
#include "core/Uuid.h"
#include "server/PasswordHash.h"
#include "server/ServerLog.h"
#include "server/SqlError.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>

namespace casedesk::server {

namespace {

constexpr int maxNameLength = 200;

Error invalid(const QString &message)
{
    return makeError(ErrorCode::Invalid, message);
}

bool isValidLogin(const QString &login)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    return pattern.match(login).hasMatch();
}

bool isValidName(const QString &name)
{
    return !name.trimmed().isEmpty() && name.size() <= maxNameLength;
}

// Role list as the text[] literal PostgreSQL's string_to_array builds from it.
QString rolesText(const QList<Role> &roles)
{
    QStringList keys;
    for (Role role : roles) {
        if (!keys.contains(roleToString(role)))
            keys.append(roleToString(role));
    }
    return keys.join(u',');
}

// The user row of the query's current record: id, login, display_name, roles, disabled, team ids.
User userFromRecord(const QSqlQuery &query)
{
    User user;
    user.id = uuidFromString(query.value(0).toString());
    user.login = query.value(1).toString();
    user.displayName = query.value(2).toString();
    for (const QString &key : query.value(3).toString().split(u',', Qt::SkipEmptyParts)) {
        Role role;
        if (roleFromString(key, &role))
            user.roles.append(role);
    }
    user.active = !query.value(4).toBool();
    for (const QString &id : query.value(5).toString().split(u',', Qt::SkipEmptyParts))
        user.teamIds.append(uuidFromString(id));
    return user;
}

const char userSelect[] = "SELECT u.id, u.login, u.display_name, array_to_string(u.roles, ','), u.disabled,"
                          " string_agg(t.id::text, ',' ORDER BY t.code)"
                          " FROM users u LEFT JOIN user_teams ut ON ut.user_id = u.id"
                          " LEFT JOIN teams t ON t.id = ut.team_id";

} // namespace

UserDirectory::UserDirectory(QSqlDatabase db) : m_db(std::move(db)) {}

Result<User> UserDirectory::addUser(const NewUser &newUser, const QString &password)
{
    if (!isValidLogin(newUser.login))
        return invalid(QCoreApplication::translate("Server", "The login “%1” is not valid. Use 1 to 64 lower-case "
                                                             "letters, digits, dots, hyphens or underscores, "
                                                             "starting with a letter or digit.")
                           .arg(newUser.login));
    if (!isValidName(newUser.displayName))
        return invalid(
            QCoreApplication::translate("Server", "Give the user a name of 1 to %1 characters.").arg(maxNameLength));
    if (newUser.roles.isEmpty())
        return invalid(QCoreApplication::translate("Server", "Give the user at least one role."));
    if (password.size() < MinimumPasswordLength)
        return invalid(QCoreApplication::translate("Server", "The password is too short. Use at least %1 "
                                                             "characters.")
                           .arg(MinimumPasswordLength));
    if (password.size() > MaximumPasswordLength)
        return invalid(QCoreApplication::translate("Server", "The password is too long. Use at most %1 "
                                                             "characters.")
                           .arg(MaximumPasswordLength));

    // Hash before the transaction: it takes a while and needs no lock.
    const Result<QString> hash = PasswordHash::hash(password);
    if (!hash)
        return hash.error();

    User user;
    user.id = createUuidV7();
    user.login = newUser.login;
    user.displayName = newUser.displayName.trimmed();
    user.roles = newUser.roles;

    if (!m_db.transaction())
        return databaseError(m_db.lastError());
    QSqlQuery query(m_db);
    const auto fail = [&](Error error) -> Result<User> {
        m_db.rollback();
        return error;
    };
    for (const QString &code : newUser.teamCodes) {
        query.prepare(QStringLiteral("SELECT id FROM teams WHERE code = :code"));
        query.bindValue(QStringLiteral(":code"), code);
        if (!query.exec())
            return fail(databaseError(query.lastError()));
        if (!query.next())
            return fail(makeError(ErrorCode::NotFound,
                                  QCoreApplication::translate("Server", "There is no team “%1”. Add it first with "
                                                                        "\"casedesk-server team add\".")
                                      .arg(code)));
        const QUuid teamId = uuidFromString(query.value(0).toString());
        if (!user.teamIds.contains(teamId))
            user.teamIds.append(teamId);
    }
    query.prepare(QStringLiteral("INSERT INTO users (id, login, display_name, roles, password_hash)"
                                 " VALUES (CAST(:id AS uuid), :login, :name, string_to_array(:roles, ','), :hash)"));
    query.bindValue(QStringLiteral(":id"), uuidToString(user.id));
    query.bindValue(QStringLiteral(":login"), user.login);
    query.bindValue(QStringLiteral(":name"), user.displayName);
    query.bindValue(QStringLiteral(":roles"), rolesText(user.roles));
    query.bindValue(QStringLiteral(":hash"), hash.value());
    if (!query.exec()) {
        if (isUniqueViolation(query.lastError()))
            return fail(makeError(ErrorCode::Conflict,
                                  QCoreApplication::translate("Server", "The login “%1” is already taken. Choose "
                                                                        "another one.")
                                      .arg(user.login)));
        return fail(databaseError(query.lastError()));
    }
    for (const QUuid &teamId : std::as_const(user.teamIds)) {
        query.prepare(QStringLiteral("INSERT INTO user_teams (user_id, team_id)"
                                     " VALUES (CAST(:user AS uuid), CAST(:team AS uuid))"));
        query.bindValue(QStringLiteral(":user"), uuidToString(user.id));
        query.bindValue(QStringLiteral(":team"), uuidToString(teamId));
        if (!query.exec())
            return fail(databaseError(query.lastError()));
    }
    if (!m_db.commit())
        return fail(databaseError(m_db.lastError()));
    qCInfo(lcServer) << "added user" << user.login;
    // Read back, so the teams come in the same order as users() gives them.
    return userByLogin(user.login);
}

Result<User> UserDirectory::disableUser(const QString &login)
{
    if (!m_db.transaction())
        return databaseError(m_db.lastError());
    QSqlQuery query(m_db);
    const auto fail = [&](Error error) -> Result<User> {
        m_db.rollback();
        return error;
    };
    query.prepare(QStringLiteral("UPDATE users SET disabled = true WHERE login = :login RETURNING id"));
    query.bindValue(QStringLiteral(":login"), login);
    if (!query.exec())
        return fail(databaseError(query.lastError()));
    if (!query.next())
        return fail(makeError(ErrorCode::NotFound,
                              QCoreApplication::translate("Server", "There is no user “%1”. \"casedesk-server user "
                                                                    "list\" shows all users.")
                                  .arg(login)));
    const QString id = query.value(0).toString();
    // Ends the sessions at once: their refresh tokens go with them (ON DELETE CASCADE), so no new access token
    // can be had.
    query.prepare(QStringLiteral("DELETE FROM sessions WHERE user_id = CAST(:id AS uuid)"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return fail(databaseError(query.lastError()));
    const int ended = query.numRowsAffected();
    if (!m_db.commit())
        return fail(databaseError(m_db.lastError()));
    qCInfo(lcServer) << "disabled user" << login << "and ended" << ended << "sessions";
    return userByLogin(login);
}

Result<QList<User>> UserDirectory::users() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QLatin1String(userSelect) + QStringLiteral(" GROUP BY u.id ORDER BY u.login")))
        return databaseError(query.lastError());
    QList<User> users;
    while (query.next())
        users.append(userFromRecord(query));
    return users;
}

Result<User> UserDirectory::userByLogin(const QString &login) const
{
    QSqlQuery query(m_db);
    query.prepare(QLatin1String(userSelect) + QStringLiteral(" WHERE u.login = :login GROUP BY u.id"));
    query.bindValue(QStringLiteral(":login"), login);
    if (!query.exec())
        return databaseError(query.lastError());
    if (!query.next())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Server", "There is no user “%1”. \"casedesk-server user "
                                                               "list\" shows all users.")
                             .arg(login));
    return userFromRecord(query);
}

Result<Team> UserDirectory::addTeam(const QString &code, const QString &name, const QString &filePlanCode)
{
    // Team codes follow the city's organisation plan, which has the same shape as file plan codes ("32.1").
    if (!Aktenzeichen::isValidFilePlanCode(code))
        return invalid(QCoreApplication::translate("Server", "The team code “%1” is not valid. Use groups of "
                                                             "digits separated by dots, like 32.1.")
                           .arg(code));
    if (!Aktenzeichen::isValidFilePlanCode(filePlanCode))
        return invalid(QCoreApplication::translate("Server", "The file plan code “%1” is not valid. Use groups "
                                                             "of digits separated by dots, like 32.10.")
                           .arg(filePlanCode));
    if (!isValidName(name))
        return invalid(
            QCoreApplication::translate("Server", "Give the team a name of 1 to %1 characters.").arg(maxNameLength));
    Team team{createUuidV7(), code, name.trimmed(), filePlanCode};
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO teams (id, code, name, file_plan_code)"
                                 " VALUES (CAST(:id AS uuid), :code, :name, :filePlan)"));
    query.bindValue(QStringLiteral(":id"), uuidToString(team.id));
    query.bindValue(QStringLiteral(":code"), team.code);
    query.bindValue(QStringLiteral(":name"), team.name);
    query.bindValue(QStringLiteral(":filePlan"), team.filePlanCode);
    if (!query.exec()) {
        if (isUniqueViolation(query.lastError()))
            return makeError(
                ErrorCode::Conflict,
                QCoreApplication::translate("Server", "A team with the code “%1” already exists.").arg(code));
        return databaseError(query.lastError());
    }
    qCInfo(lcServer) << "added team" << team.code;
    return team;
}

Result<QList<Team>> UserDirectory::teams() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT id, code, name, file_plan_code FROM teams ORDER BY code")))
        return databaseError(query.lastError());
    QList<Team> teams;
    while (query.next())
        teams.append(Team{uuidFromString(query.value(0).toString()), query.value(1).toString(),
                          query.value(2).toString(), query.value(3).toString()});
    return teams;
}

} // namespace casedesk::server
