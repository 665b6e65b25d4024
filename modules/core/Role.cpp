#include "core/Role.h"

#include <QCoreApplication>

namespace casedesk {

namespace {

struct RoleName {
    Role role;
    const char *key;
    const char *displayName;
};

constexpr RoleName roleNames[] = {
    {Role::Clerk, "clerk", QT_TRANSLATE_NOOP("Core", "Clerk")},
    {Role::TeamLead, "teamLead", QT_TRANSLATE_NOOP("Core", "Team lead")},
    {Role::Mailroom, "mailroom", QT_TRANSLATE_NOOP("Core", "Mailroom")},
    {Role::Administrator, "administrator", QT_TRANSLATE_NOOP("Core", "Administrator")},
    {Role::Auditor, "auditor", QT_TRANSLATE_NOOP("Core", "Auditor")},
};

const RoleName &entry(Role role)
{
    for (const RoleName &name : roleNames) {
        if (name.role == role)
            return name;
    }
    Q_UNREACHABLE();
}

} // namespace

QString roleToString(Role role)
{
    return QLatin1String(entry(role).key);
}

bool roleFromString(const QString &text, Role *role)
{
    for (const RoleName &name : roleNames) {
        if (text == QLatin1String(name.key)) {
            *role = name.role;
            return true;
        }
    }
    return false;
}

QString roleDisplayName(Role role)
{
    return QCoreApplication::translate("Core", entry(role).displayName);
}

} // namespace casedesk
