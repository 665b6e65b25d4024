#pragma once

#include <QList>
#include <QString>

namespace casedesk {

enum class Role {
    Clerk,         // Sachbearbeitung
    TeamLead,      // Teamleitung
    Mailroom,      // Poststelle
    Administrator, //
    Auditor,       // reads the team's cases, never writes
};

QString roleToString(Role role);                      // stable JSON key: "clerk", "teamLead", ...
bool roleFromString(const QString &text, Role *role); // false for unknown text
QString roleDisplayName(Role role);                   // translated

} // namespace casedesk
