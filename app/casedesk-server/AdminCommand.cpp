#include "AdminCommand.h"

#include "core/Uuid.h"
#include "server/AdminContext.h"
#include "server/SchemaMigrations.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"

#include <QCommandLineParser>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <termios.h>
#include <unistd.h>

namespace casedesk::server {

namespace {

const char databaseHelp[] = "\n"
                            "The database comes from the environment variable CASEDESK_DB (a libpq connection\n"
                            "string such as \"host=/run/postgresql dbname=casedesk user=casedesk\"), else from the\n"
                            "config file named by CASEDESK_CONFIG (default /etc/casedesk/casedesk-server.conf,\n"
                            "a line \"database = ...\", readable only by its owner).\n";

const char migrateHelp[] = "usage: casedesk-server migrate\n"
                           "\n"
                           "Brings the database schema to this version of casedesk-server, one numbered\n"
                           "migration per transaction. Safe to run again, also from several processes at once.\n"
                           "Refuses a database that a newer casedesk-server has migrated.\n";

const char userHelp[] = "usage: casedesk-server user add LOGIN --name NAME --role ROLE... [--team CODE...]\n"
                        "       casedesk-server user disable LOGIN\n"
                        "       casedesk-server user list\n"
                        "\n"
                        "add      adds a user. ROLE is clerk, teamLead, mailroom, administrator or auditor;\n"
                        "         --role and --team may be repeated. The password is read from standard input\n"
                        "         (its first line) or, on a terminal, asked for twice without echo; it needs\n"
                        "         at least 12 characters.\n"
                        "disable  disables a user and ends all their sessions at once.\n"
                        "list     lists the users with their roles, teams and state.\n";

const char teamHelp[] = "usage: casedesk-server team add CODE --name NAME --file-plan CODE\n"
                        "       casedesk-server team list\n"
                        "\n"
                        "add   adds a team: its organisational code (like 32.1), its name and the file plan\n"
                        "      code of its cases' Aktenzeichen (like 32.10).\n"
                        "list  lists the teams.\n";

bool wantsHelp(const QStringList &arguments)
{
    return arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"));
}

int usage(QTextStream &err, const char *help, const QString &problem = {})
{
    if (!problem.isEmpty())
        err << "casedesk-server: " << problem << "\n\n";
    err << help;
    return 2;
}

// Parses `arguments` against `options`; the positional arguments must number exactly `positionals`.
bool parse(QCommandLineParser &parser, const QList<QCommandLineOption> &options, const QStringList &arguments,
           qsizetype positionals, QString *problem)
{
    parser.addOptions(options);
    if (!parser.parse(QStringList{QStringLiteral("casedesk-server")} + arguments)) {
        *problem = parser.errorText();
        return false;
    }
    if (parser.positionalArguments().size() != positionals) {
        *problem = QStringLiteral("wrong number of arguments");
        return false;
    }
    return true;
}

int fail(QTextStream &err, const Error &error)
{
    err << "casedesk-server: " << error.toString() << '\n';
    return 1;
}

// The calling thread's connection; with `requireCurrentSchema` (all but migrate), an administrator's context.
std::optional<QSqlDatabase> openDatabase(QTextStream &err, bool requireCurrentSchema)
{
    if (requireCurrentSchema) {
        const Result<AdminContext> context = AdminContext::open();
        if (!context) {
            fail(err, context.error());
            return std::nullopt;
        }
        return context->db;
    }
    const Result<ServerDatabase> database = ServerDatabase::fromEnvironment();
    if (!database) {
        fail(err, database.error());
        return std::nullopt;
    }
    const Result<QSqlDatabase> connection = database->connection();
    if (!connection) {
        fail(err, connection.error());
        return std::nullopt;
    }
    return connection.value();
}

// Reads the new user's password: the first line of standard input when it is not a terminal (scripts, pipes),
// else twice from the terminal with echo off.
std::optional<QString> readPassword(const QString &login, QTextStream &err)
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly)) {
        err << "casedesk-server: standard input cannot be read\n";
        return std::nullopt;
    }
    const auto readLine = [&input] {
        QByteArray line = input.readLine(4 * UserDirectory::MaximumPasswordLength + 2);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        return QString::fromUtf8(line);
    };
    if (!isatty(STDIN_FILENO))
        return readLine();

    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~tcflag_t(ECHO);
    const auto ask = [&](const QString &prompt) {
        err << prompt;
        err.flush();
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
        const QString answer = readLine();
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err << '\n';
        return answer;
    };
    const QString password = ask(QStringLiteral("Password for %1: ").arg(login));
    if (ask(QStringLiteral("Repeat the password: ")) != password) {
        err << "casedesk-server: the passwords differ; nothing was changed\n";
        return std::nullopt;
    }
    return password;
}

QString rolesText(const User &user)
{
    QStringList roles;
    for (Role role : user.roles)
        roles.append(roleToString(role));
    return roles.join(u',');
}

// Prints rows as columns, each as wide as its widest cell.
void printTable(QTextStream &out, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        out << line << '\n';
    }
}

int userAdd(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption name(QStringLiteral("name"), {}, QStringLiteral("NAME"));
    const QCommandLineOption role(QStringLiteral("role"), {}, QStringLiteral("ROLE"));
    const QCommandLineOption team(QStringLiteral("team"), {}, QStringLiteral("CODE"));
    QString problem;
    if (!parse(parser, {name, role, team}, arguments, 1, &problem))
        return usage(err, userHelp, problem);
    if (!parser.isSet(name) || !parser.isSet(role))
        return usage(err, userHelp, QStringLiteral("user add needs --name and --role"));
    NewUser user{parser.positionalArguments().constFirst(), parser.value(name), {}, parser.values(team)};
    for (const QString &key : parser.values(role)) {
        Role value;
        if (!roleFromString(key, &value))
            return usage(err, userHelp, QStringLiteral("unknown role '%1'").arg(key));
        user.roles.append(value);
    }
    const std::optional<QSqlDatabase> db = openDatabase(err, true);
    if (!db)
        return 1;
    const std::optional<QString> password = readPassword(user.login, err);
    if (!password)
        return 1;
    const Result<User> added = UserDirectory(*db).addUser(user, *password);
    if (!added)
        return fail(err, added.error());
    out << "added user " << added->login << " (" << uuidToString(added->id) << ")\n";
    return 0;
}

int userDisable(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    QString problem;
    if (!parse(parser, {}, arguments, 1, &problem))
        return usage(err, userHelp, problem);
    const std::optional<QSqlDatabase> db = openDatabase(err, true);
    if (!db)
        return 1;
    const Result<User> disabled = UserDirectory(*db).disableUser(parser.positionalArguments().constFirst());
    if (!disabled)
        return fail(err, disabled.error());
    out << "disabled user " << disabled->login << "; their sessions have ended\n";
    return 0;
}

int userList(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    QString problem;
    if (!parse(parser, {}, arguments, 0, &problem))
        return usage(err, userHelp, problem);
    const std::optional<QSqlDatabase> db = openDatabase(err, true);
    if (!db)
        return 1;
    const UserDirectory directory(*db);
    const Result<QList<Team>> teams = directory.teams();
    if (!teams)
        return fail(err, teams.error());
    const Result<QList<User>> users = directory.users();
    if (!users)
        return fail(err, users.error());
    QHash<QUuid, QString> teamCodes;
    for (const Team &team : teams.value())
        teamCodes.insert(team.id, team.code);
    QList<QStringList> rows{{QStringLiteral("LOGIN"), QStringLiteral("NAME"), QStringLiteral("ROLES"),
                             QStringLiteral("TEAMS"), QStringLiteral("STATE")}};
    for (const User &user : users.value()) {
        QStringList codes;
        for (const QUuid &id : user.teamIds)
            codes.append(teamCodes.value(id));
        rows.append({user.login, user.displayName, rolesText(user), codes.join(u','),
                     user.active ? QStringLiteral("active") : QStringLiteral("disabled")});
    }
    printTable(out, rows);
    return 0;
}

int teamAdd(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption name(QStringLiteral("name"), {}, QStringLiteral("NAME"));
    const QCommandLineOption filePlan(QStringLiteral("file-plan"), {}, QStringLiteral("CODE"));
    QString problem;
    if (!parse(parser, {name, filePlan}, arguments, 1, &problem))
        return usage(err, teamHelp, problem);
    if (!parser.isSet(name) || !parser.isSet(filePlan))
        return usage(err, teamHelp, QStringLiteral("team add needs --name and --file-plan"));
    const std::optional<QSqlDatabase> db = openDatabase(err, true);
    if (!db)
        return 1;
    const Result<Team> added = UserDirectory(*db).addTeam(parser.positionalArguments().constFirst(), parser.value(name),
                                                          parser.value(filePlan));
    if (!added)
        return fail(err, added.error());
    out << "added team " << added->code << " (" << uuidToString(added->id) << ")\n";
    return 0;
}

int teamList(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    QString problem;
    if (!parse(parser, {}, arguments, 0, &problem))
        return usage(err, teamHelp, problem);
    const std::optional<QSqlDatabase> db = openDatabase(err, true);
    if (!db)
        return 1;
    const Result<QList<Team>> teams = UserDirectory(*db).teams();
    if (!teams)
        return fail(err, teams.error());
    QList<QStringList> rows{{QStringLiteral("CODE"), QStringLiteral("FILE PLAN"), QStringLiteral("NAME")}};
    for (const Team &team : teams.value())
        rows.append({team.code, team.filePlanCode, team.name});
    printTable(out, rows);
    return 0;
}

struct Action {
    const char *name;
    int (*run)(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

int dispatch(const QStringList &arguments, QTextStream &out, QTextStream &err, const char *help,
             std::initializer_list<Action> actions)
{
    if (arguments.isEmpty())
        return usage(err, help);
    if (wantsHelp(arguments)) {
        out << help << databaseHelp;
        return 0;
    }
    for (const Action &action : actions) {
        if (arguments.constFirst() == QLatin1String(action.name))
            return action.run(arguments.mid(1), out, err);
    }
    return usage(err, help, QStringLiteral("unknown action '%1'").arg(arguments.constFirst()));
}

} // namespace

int runMigrateCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (wantsHelp(arguments)) {
        out << migrateHelp << databaseHelp;
        return 0;
    }
    if (!arguments.isEmpty())
        return usage(err, migrateHelp, QStringLiteral("migrate takes no arguments"));
    const std::optional<QSqlDatabase> db = openDatabase(err, false);
    if (!db)
        return 1;
    const SchemaMigrations migrations;
    const Result<int> applied = migrations.migrate(*db);
    if (!applied)
        return fail(err, applied.error());
    if (applied.value() == 0)
        out << "schema already at version " << migrations.latestVersion() << '\n';
    else
        out << "schema at version " << migrations.latestVersion() << " (applied " << applied.value()
            << (applied.value() == 1 ? " migration)\n" : " migrations)\n");
    return 0;
}

int runUserCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return dispatch(arguments, out, err, userHelp, {{"add", userAdd}, {"disable", userDisable}, {"list", userList}});
}

int runTeamCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return dispatch(arguments, out, err, teamHelp, {{"add", teamAdd}, {"list", teamList}});
}

} // namespace casedesk::server
