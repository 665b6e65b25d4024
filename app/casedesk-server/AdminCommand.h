// The administrator's subcommands of casedesk-server, all on the database named by CASEDESK_DB or the config
// file (never by an option):
//   migrate                    brings the schema to this build's version
//   user add|disable|list      users (the password from standard input, or a prompt without echo)
//   team add|list              teams
#pragma once

#include <QStringList>
#include <QTextStream>

namespace casedesk::server {

// `arguments` are those after the subcommand's name; each returns the process exit code (0 done, 1 failed,
// 2 wrong usage).
int runMigrateCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runUserCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runTeamCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace casedesk::server
