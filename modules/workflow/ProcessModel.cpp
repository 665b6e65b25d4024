#include "workflow/ProcessModel.h"

#include <QTimeZone>

namespace casedesk::workflow {

QString elementTypeToString(ElementType type)
{
    switch (type) {
    case ElementType::StartEvent:
        return QStringLiteral("startEvent");
    case ElementType::EndEvent:
        return QStringLiteral("endEvent");
    case ElementType::TerminateEndEvent:
        return QStringLiteral("endEvent (terminate)");
    case ElementType::UserTask:
        return QStringLiteral("userTask");
    case ElementType::ManualTask:
        return QStringLiteral("manualTask");
    case ElementType::Task:
        return QStringLiteral("task");
    case ElementType::ServiceTask:
        return QStringLiteral("serviceTask");
    case ElementType::ExclusiveGateway:
        return QStringLiteral("exclusiveGateway");
    case ElementType::ParallelGateway:
        return QStringLiteral("parallelGateway");
    case ElementType::InclusiveGateway:
        return QStringLiteral("inclusiveGateway");
    case ElementType::TimerCatchEvent:
        return QStringLiteral("intermediateCatchEvent (timer)");
    case ElementType::BoundaryTimerEvent:
        return QStringLiteral("boundaryEvent (timer)");
    case ElementType::SubProcess:
        return QStringLiteral("subProcess");
    }
    return {};
}

RoleSet::RoleSet(const QList<Role> &roles)
{
    for (Role role : roles)
        insert(role);
}

QList<Role> RoleSet::toList() const
{
    QList<Role> roles;
    for (Role role : {Role::Clerk, Role::TeamLead, Role::Mailroom, Role::Administrator, Role::Auditor}) {
        if (contains(role))
            roles.append(role);
    }
    return roles;
}

QDateTime TimerDefinition::firstDue(const QDateTime &start) const
{
    if (kind == Kind::Date)
        return date;
    if (statutory) {
        // The period ends at the end of its last day (Europe/Berlin); the timer fires when that day is over.
        static const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        const QDate eventDate = start.toTimeZone(berlin).date();
        const std::optional<Period> period = duration.toPeriod();
        const QDate end = period ? DeadlineCalendar::periodEnd(eventDate, *period) : QDate();
        if (end.isValid())
            return QDateTime(end.addDays(1), QTime(0, 0), berlin).toUTC();
    }
    return duration.addTo(start);
}

const QString &ProcessModel::processId() const
{
    return m_data->processId;
}

const QString &ProcessModel::processName() const
{
    return m_data->processName;
}

const QStringList &ProcessModel::participants() const
{
    return m_data->participants;
}

int ProcessModel::start() const
{
    return m_data->start;
}

const QList<Element> &ProcessModel::elements() const
{
    return m_data->elements;
}

const QList<Flow> &ProcessModel::flows() const
{
    return m_data->flows;
}

int ProcessModel::indexOf(const QString &elementId) const
{
    return m_data->elementIndex.value(elementId, -1);
}

int ProcessModel::flowIndexOf(const QString &flowId) const
{
    return m_data->flowIndex.value(flowId, -1);
}

} // namespace casedesk::workflow
