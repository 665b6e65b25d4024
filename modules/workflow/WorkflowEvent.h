// What happened during one engine step, for the caller to act on: the server stores the events, the
// documents module answers DocumentRequested, notifications go out, the case shows new deadlines.
#pragma once

#include <QJsonObject>
#include <QString>

namespace casedesk::workflow {

struct WorkflowEvent {
    enum class Type {
        TaskActivated,     // data: due (when a deadline runs)
        TaskCompleted,     // data: by, outcome
        TaskCancelled,     // an interrupting timer or a terminate end event ended the task
        TimerFired,        // data: due
        DeadlineSet,       // data: variable, date (a statutory deadline service task)
        DocumentRequested, // data: template
        Notification,      // data: recipient, message
        VariableSet,       // data: variable, value
        ProcessEnded,      // data: terminated
    };
    Type type = Type::TaskActivated;
    QString elementId;
    QJsonObject data;

    QJsonObject toJson() const; // {"type": "taskActivated", "element": ..., "data": {...}}
    bool operator==(const WorkflowEvent &) const = default;
};

QString eventTypeToString(WorkflowEvent::Type type);

} // namespace casedesk::workflow
