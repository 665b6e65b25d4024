#include "workflow/WorkflowEvent.h"

#include "core/JsonFields.h"

namespace casedesk::workflow {

namespace {
constexpr json::EnumKey<WorkflowEvent::Type> eventKeys[] = {
    {WorkflowEvent::Type::TaskActivated, "taskActivated"},
    {WorkflowEvent::Type::TaskCompleted, "taskCompleted"},
    {WorkflowEvent::Type::TaskCancelled, "taskCancelled"},
    {WorkflowEvent::Type::TimerFired, "timerFired"},
    {WorkflowEvent::Type::DeadlineSet, "deadlineSet"},
    {WorkflowEvent::Type::DocumentRequested, "documentRequested"},
    {WorkflowEvent::Type::Notification, "notification"},
    {WorkflowEvent::Type::VariableSet, "variableSet"},
    {WorkflowEvent::Type::ProcessEnded, "processEnded"},
};
} // namespace

QString eventTypeToString(WorkflowEvent::Type type)
{
    return json::enumToString(eventKeys, type);
}

QJsonObject WorkflowEvent::toJson() const
{
    QJsonObject json{{QStringLiteral("type"), eventTypeToString(type)}, {QStringLiteral("element"), elementId}};
    if (!data.isEmpty())
        json.insert(QStringLiteral("data"), data);
    return json;
}

} // namespace casedesk::workflow
