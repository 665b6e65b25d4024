#include "core/Role.h"

#include "core/JsonFields.h"

#include <QCoreApplication>

namespace casedesk {

namespace {
constexpr json::EnumKey<Role> roleKeys[] = {
    {Role::Clerk, "clerk"},       {Role::TeamLead, "teamLead"},
    {Role::Mailroom, "mailroom"}, {Role::Administrator, "administrator"},
    {Role::Auditor, "auditor"},
};
} // namespace

QString roleToString(Role role)
{
    return json::enumToString(roleKeys, role);
}

bool roleFromString(const QString &text, Role *role)
{
    return json::enumFromString(roleKeys, text, role);
}

QString roleDisplayName(Role role)
{
    switch (role) {
    case Role::Clerk:
        return QCoreApplication::translate("Core", "Clerk");
    case Role::TeamLead:
        return QCoreApplication::translate("Core", "Team lead");
    case Role::Mailroom:
        return QCoreApplication::translate("Core", "Mailroom");
    case Role::Administrator:
        return QCoreApplication::translate("Core", "Administrator");
    case Role::Auditor:
        return QCoreApplication::translate("Core", "Auditor");
    }
    return roleToString(role);
}

} // namespace casedesk
