// An immutable, validated BPMN process model (the executable subset of CaseDesk). Made only by
// ProcessParser; copies share the same data, so one model serves every case of its type on any thread.
// Elements and flows are indexed by int for the engine's hot paths; ids stay available for JSON and display.
#pragma once

#include "core/Expression.h"
#include "core/Role.h"
#include "workflow/IsoDuration.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace casedesk::workflow {

enum class ElementType {
    StartEvent,
    EndEvent,
    TerminateEndEvent,
    UserTask,
    ManualTask, // passes through: the work happens outside CaseDesk
    Task,       // an abstract task passes through as well
    ServiceTask,
    ExclusiveGateway,
    ParallelGateway,
    InclusiveGateway,
    TimerCatchEvent, // intermediate catch event with a timer (waiting, Wiedervorlage)
    BoundaryTimerEvent,
    SubProcess,
};
QString elementTypeToString(ElementType type); // the BPMN element name, e.g. "userTask"

// Roles as a bit set, so a performer check is one AND.
class RoleSet {
public:
    RoleSet() = default;
    explicit RoleSet(const QList<Role> &roles);
    void insert(Role role) { m_bits |= bit(role); }
    bool contains(Role role) const { return (m_bits & bit(role)) != 0; }
    bool intersects(RoleSet other) const { return (m_bits & other.m_bits) != 0; }
    bool isEmpty() const { return m_bits == 0; }
    QList<Role> toList() const;
    bool operator==(const RoleSet &) const = default;

private:
    static quint32 bit(Role role) { return 1u << static_cast<int>(role); }
    quint32 m_bits = 0;
};

// Who may complete a user task: any of `roles`, and when set, a member of one of `teams` (team codes such as
// "67.2", for a consultation of another department) and the user `assignee` (a login).
struct Performer {
    RoleSet roles;
    QStringList teams;
    QString assignee;
    QString lane; // the lane the task lies in, for display
};

struct TimerDefinition {
    enum class Kind { Duration, Date, Cycle };
    Kind kind = Kind::Duration;
    IsoDuration duration;   // Duration, and the interval of a Cycle
    QDateTime date;         // Date (UTC)
    int repetitions = 1;    // Cycle: -1 repeats without end
    bool statutory = false; // casedesk:calendar="statutory": § 31 LVwVfG via DeadlineCalendar
    QString text;           // as written, for display

    // When a timer started at `start` first fires.
    QDateTime firstDue(const QDateTime &start) const;
};

struct ServiceDefinition {
    enum class Kind { SetVariable, StatutoryDeadline, GenerateDocument, Notify };
    Kind kind = Kind::SetVariable;
    QString variable;     // SetVariable, StatutoryDeadline: the variable written
    Expression value;     // SetVariable: the value
    IsoDuration period;   // StatutoryDeadline
    QString from;         // StatutoryDeadline: variable holding the start date; empty: today
    QString templateName; // GenerateDocument
    QString recipient;    // Notify
    QString message;      // Notify
};

struct Element {
    QString id;
    QString name;
    QString documentation;
    ElementType type = ElementType::Task;
    int line = 0;
    int scope = -1;             // the enclosing sub-process element, -1 for the process itself
    QList<int> incoming;        // flow indices
    QList<int> outgoing;        // flow indices, in document order
    int defaultFlow = -1;       // gateways and activities
    QList<int> boundaries;      // boundary events attached to this activity
    int attachedTo = -1;        // boundary events
    bool cancelActivity = true; // boundary events
    int start = -1;             // sub-processes: their start event
    TimerDefinition timer;      // timer events
    // User tasks:
    Performer performer;
    QStringList outcomes;      // allowed outcomes; empty: the task is simply completed
    QString outcomeVariable;   // where the chosen outcome is stored
    int fourEyesWith = -1;     // the completer must differ from whoever completed this task
    ServiceDefinition service; // service tasks
    QList<int> upstream;       // inclusive joins: elements from which a token may still arrive (sorted)
};

struct Flow {
    QString id;
    QString name;
    int line = 0;
    int source = -1;
    int target = -1;
    Expression condition; // null: unconditional
};

class ProcessModel {
public:
    ProcessModel() = default; // a null model; ProcessParser makes usable ones

    bool isNull() const { return !m_data; }
    const QString &processId() const;
    const QString &processName() const;
    const QStringList &participants() const; // pool names of the collaboration, if any
    int start() const;                       // the process's start event
    const QList<Element> &elements() const;
    const QList<Flow> &flows() const;
    const Element &element(int index) const { return m_data->elements.at(index); }
    const Flow &flow(int index) const { return m_data->flows.at(index); }
    int indexOf(const QString &elementId) const; // -1 when there is no such element
    int flowIndexOf(const QString &flowId) const;

    struct Data {
        QString processId;
        QString processName;
        QStringList participants;
        int start = -1;
        QList<Element> elements;
        QList<Flow> flows;
        QHash<QString, int> elementIndex;
        QHash<QString, int> flowIndex;
    };
    explicit ProcessModel(std::shared_ptr<const Data> data) : m_data(std::move(data)) {}

private:
    std::shared_ptr<const Data> m_data;
};

} // namespace casedesk::workflow
