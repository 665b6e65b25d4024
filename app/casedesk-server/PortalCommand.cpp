#include "PortalCommand.h"

#include "server/AdminContext.h"
#include "server/CaseTypeRoutes.h"
#include "server/PortalCredentials.h"

namespace casedesk::server {

namespace {

const char portalHelp[] =
    "usage: casedesk-server portal add NAME\n"
    "       casedesk-server portal list\n"
    "       casedesk-server portal disable NAME\n"
    "       casedesk-server portal route CASE_TYPE TEAM_CODE\n"
    "       casedesk-server portal routes\n"
    "\n"
    "add      adds a citizen portal and prints its secret once: the portal sends it as\n"
    "         \"Authorization: Bearer SECRET\" to POST /api/v1/intake. Only a hash is stored;\n"
    "         a lost secret means: disable the portal and add it again under a new name.\n"
    "list     lists the portals and their state.\n"
    "disable  disables a portal; its secret stops working at once.\n"
    "route    makes TEAM_CODE's team receive the intake of CASE_TYPE (bewohnerparken,\n"
    "         umweltzone, baumfaellung, buergerhaushalt) in its unassigned queue.\n"
    "routes   lists which team receives which case type. A case type without a route is\n"
    "         refused by the intake (422 no_route).\n"
    "\n"
    "The database comes from CASEDESK_DB or the config file (see casedesk-server migrate --help).\n";

int usage(QTextStream &err, const QString &problem)
{
    err << "casedesk-server: " << problem << "\n\n" << portalHelp;
    return 2;
}

int fail(QTextStream &err, const Error &error)
{
    err << "casedesk-server: " << error.toString() << '\n';
    return 1;
}

int run(const QString &action, const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const Result<AdminContext> context = AdminContext::open();
    if (!context)
        return fail(err, context.error());
    PortalCredentials portals(context->db);
    if (action == QLatin1String("add")) {
        const Result<NewPortal> added = portals.add(arguments.constFirst());
        if (!added)
            return fail(err, added.error());
        out << "added portal " << added->portal.name << "; its secret (shown only now):\n"
            << QString::fromLatin1(added->secret) << '\n';
        return 0;
    }
    if (action == QLatin1String("disable")) {
        const Result<Portal> disabled = portals.disable(arguments.constFirst());
        if (!disabled)
            return fail(err, disabled.error());
        out << "disabled portal " << disabled->name << '\n';
        return 0;
    }
    if (action == QLatin1String("list")) {
        const Result<QList<Portal>> all = portals.portals();
        if (!all)
            return fail(err, all.error());
        for (const Portal &portal : all.value())
            out << portal.name << "  " << (portal.disabled ? "disabled" : "active") << "  "
                << portal.createdAt.toUTC().toString(Qt::ISODate) << '\n';
        return 0;
    }
    CaseTypeRoutes routes(context->db);
    if (action == QLatin1String("route")) {
        const Result<CaseTypeRoute> routed = routes.set(arguments.at(0), arguments.at(1));
        if (!routed)
            return fail(err, routed.error());
        out << "intake of " << routed->caseType << " goes to team " << routed->teamCode << '\n';
        return 0;
    }
    const Result<QList<CaseTypeRoute>> all = routes.routes();
    if (!all)
        return fail(err, all.error());
    for (const CaseTypeRoute &route : all.value())
        out << route.caseType << "  " << route.teamCode << '\n';
    return 0;
}

} // namespace

int runPortalCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        out << portalHelp;
        return 0;
    }
    if (arguments.isEmpty())
        return usage(err, QStringLiteral("portal needs an action"));
    const struct {
        const char *name;
        qsizetype operands;
    } actions[] = {{"add", 1}, {"list", 0}, {"disable", 1}, {"route", 2}, {"routes", 0}};
    for (const auto &action : actions) {
        if (arguments.constFirst() != QLatin1String(action.name))
            continue;
        if (arguments.size() - 1 != action.operands)
            return usage(err, QStringLiteral("wrong number of arguments for portal %1").arg(arguments.constFirst()));
        return run(arguments.constFirst(), arguments.mid(1), out, err);
    }
    return usage(err, QStringLiteral("unknown action '%1'").arg(arguments.constFirst()));
}

} // namespace casedesk::server
