#include "TreeFellingSamples.h"

#include "casework/CommandRules.h"
#include "core/Uuid.h"

namespace casedesk::test {

namespace {

const QString treeFelling = QStringLiteral("baumfaellung");

} // namespace

const QDateTime treeFellingDay(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC);

const demo::CaseTypeContent &treeFellingContent()
{
    return *demo::BundledContent::instance()->find(treeFelling);
}

const demo::DemoGenerator &treeFellingDemo()
{
    static const demo::DemoGenerator demo(7, treeFellingDay.date());
    return demo;
}

Case openedTreeFellingCase()
{
    for (qint64 index = 0;; ++index) {
        Case c = treeFellingDemo().makeCase(index);
        if (c.caseType != treeFelling)
            continue;
        c.workflowState = {};
        c.statusText.clear();
        const casework::RuleOutcome opened = casework::CommandRules::open(
            treeFellingContent(), casework::CommandRules::RequiredValues::MayBeMissing, treeFellingDay, &c);
        if (!opened.applied())
            qFatal("the demo case does not open: %s", qPrintable(opened.message));
        return c;
    }
}

User treeFellingUser(Role role, bool ofTheTeam)
{
    const QUuid team = treeFellingDemo().world().teamByCaseType.value(treeFelling);
    for (const User &user : treeFellingDemo().world().users) {
        if (user.hasRole(role) && user.teamIds.contains(team) == ofTheTeam)
            return user;
    }
    qFatal("the demo world has no such user");
}

workflow::Actor actorOf(const User &user)
{
    QStringList codes;
    for (const Team &team : treeFellingDemo().world().teams) {
        if (user.teamIds.contains(team.id))
            codes.append(team.code);
    }
    return {uuidToString(user.id), workflow::RoleSet(user.roles), codes};
}

QJsonObject firstTask(const Case &c, const workflow::Actor &actor)
{
    const auto state = workflow::WorkflowState::fromJson(treeFellingContent().process, c.workflowState);
    if (!state)
        return {};
    const QList<workflow::AvailableAction> actions =
        workflow::WorkflowEngine::availableActions(treeFellingContent().process, state.value(), actor);
    if (actions.isEmpty())
        return {};
    QJsonObject args{{QStringLiteral("taskId"), actions.first().taskId}};
    if (!actions.first().outcomes.isEmpty())
        args.insert(QStringLiteral("outcome"), actions.first().outcomes.first());
    return args;
}

QJsonObject fieldEdit(const Case &c, const QString &field, const QJsonValue &newValue)
{
    const QJsonValue old = c.formData.contains(field) ? c.formData.value(field) : QJsonValue();
    return {{QStringLiteral("fields"),
             QJsonObject{{field, QJsonObject{{QStringLiteral("old"), old}, {QStringLiteral("new"), newValue}}}}}};
}

} // namespace casedesk::test
