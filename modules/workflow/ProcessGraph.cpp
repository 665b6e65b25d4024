// The second half of building a process model: references resolved, the graph checked (reachability, ways
// out, joins), and the upstream sets inclusive joins need.
#include "workflow/ProcessBuilder.h"

#include <QCoreApplication>

#include <algorithm>

namespace casedesk::workflow::detail {

void Builder::resolve()
{
    QList<Element> &elements = m_data->elements;
    for (qsizetype i = 0; i < m_data->flows.size(); ++i) {
        Flow &flow = m_data->flows[i];
        const PendingFlow &pending = m_pendingFlows.at(i);
        flow.source = m_data->elementIndex.value(pending.source, -1);
        flow.target = m_data->elementIndex.value(pending.target, -1);
        if (flow.source < 0 || flow.target < 0) {
            m_unresolvedSources.insert(pending.source);
            problem(flow.id, flow.line,
                    QCoreApplication::translate("Workflow", "The sequence flow points to “%1”, which is not a "
                                                            "supported element of this process: connect it to an "
                                                            "existing element.")
                        .arg(flow.source < 0 ? pending.source : pending.target));
            flow.source = flow.target = -1;
            continue;
        }
        if (elements.at(flow.source).scope != pending.scope || elements.at(flow.target).scope != pending.scope) {
            problem(flow.id, flow.line,
                    QCoreApplication::translate("Workflow", "The sequence flow crosses the border of a "
                                                            "sub-process: connect elements of the same level only."));
            flow.source = flow.target = -1;
            continue;
        }
        elements[flow.source].outgoing.append(static_cast<int>(i));
        elements[flow.target].incoming.append(static_cast<int>(i));
    }
    for (auto it = m_pendingDefault.cbegin(); it != m_pendingDefault.cend(); ++it) {
        Element &element = elements[it.key()];
        const int flow = m_data->flowIndex.value(it.value(), -1);
        if (flow < 0 || !element.outgoing.contains(flow)) {
            problem(element.id, element.line,
                    QCoreApplication::translate("Workflow", "The default flow “%1” is not an outgoing flow of this "
                                                            "element.")
                        .arg(it.value()));
        } else if (!m_data->flows.at(flow).condition.isNull()) {
            problem(m_data->flows.at(flow).id, m_data->flows.at(flow).line,
                    QCoreApplication::translate("Workflow", "A default flow must not have a condition."));
        } else {
            element.defaultFlow = flow;
        }
    }
    for (auto it = m_pendingAttached.cbegin(); it != m_pendingAttached.cend(); ++it) {
        Element &boundary = elements[it.key()];
        const int target = m_data->elementIndex.value(it.value(), -1);
        if (target < 0 || elements.at(target).scope != boundary.scope ||
            (elements.at(target).type != ElementType::UserTask &&
             elements.at(target).type != ElementType::SubProcess)) {
            problem(boundary.id, boundary.line,
                    QCoreApplication::translate("Workflow", "The boundary event must be attached to a user task or "
                                                            "sub-process of the same level (attachedToRef “%1”).")
                        .arg(it.value()));
            continue;
        }
        boundary.attachedTo = target;
        elements[target].boundaries.append(it.key());
    }
    for (auto it = m_pendingTimer.cbegin(); it != m_pendingTimer.cend(); ++it) {
        Element &boundary = elements[it.key()];
        const QString taskCalendar =
            boundary.attachedTo >= 0 ? m_calendarOf.value(elements.at(boundary.attachedTo).id) : QString();
        applyCalendar(&boundary, taskCalendar.isEmpty() ? m_processCalendar : taskCalendar, it.value());
    }
    for (auto it = m_pendingFourEyes.cbegin(); it != m_pendingFourEyes.cend(); ++it) {
        Element &task = elements[it.key()];
        const int other = m_data->elementIndex.value(it.value(), -1);
        if (other < 0 || other == it.key() || elements.at(other).type != ElementType::UserTask) {
            problem(task.id, task.line,
                    QCoreApplication::translate("Workflow", "casedesk:fourEyesWith must name another user task of "
                                                            "this process (“%1” is none).")
                        .arg(it.value()));
            continue;
        }
        task.fourEyesWith = other;
    }
}

void Builder::checkGraph()
{
    QList<Element> &elements = m_data->elements;
    const int count = static_cast<int>(elements.size());
    // One none start event per level.
    QHash<int, int> startOf; // scope -> start element
    for (int i = 0; i < count; ++i) {
        const Element &e = elements.at(i);
        if (e.type != ElementType::StartEvent)
            continue;
        if (startOf.contains(e.scope))
            problem(e.id, e.line,
                    QCoreApplication::translate("Workflow", "There is more than one start event on this level: "
                                                            "keep one."));
        else
            startOf.insert(e.scope, i);
    }
    if (!startOf.contains(-1))
        problem(m_data->processId, m_processLine,
                QCoreApplication::translate("Workflow", "The process has no start event: add one."));
    m_data->start = startOf.value(-1, -1);
    for (int i = 0; i < count; ++i) {
        Element &e = elements[i];
        if (e.type == ElementType::SubProcess) {
            e.start = startOf.value(i, -1);
            if (e.start < 0)
                problem(e.id, e.line,
                        QCoreApplication::translate("Workflow", "The sub-process has no start event: add one."));
        }
        const bool isEnd = e.type == ElementType::EndEvent || e.type == ElementType::TerminateEndEvent;
        if (!isEnd && e.outgoing.isEmpty() && !m_unresolvedSources.contains(e.id))
            problem(e.id, e.line,
                    QCoreApplication::translate("Workflow", "The element has no outgoing sequence flow: add one "
                                                            "that leads on, for example to an end event."));
        if (isEnd && !e.outgoing.isEmpty())
            problem(e.id, e.line,
                    QCoreApplication::translate("Workflow", "An end event cannot have outgoing sequence flows."));
        if ((e.type == ElementType::StartEvent || e.type == ElementType::BoundaryTimerEvent) && !e.incoming.isEmpty())
            problem(e.id, e.line,
                    QCoreApplication::translate("Workflow", "A start or boundary event cannot have incoming "
                                                            "sequence flows."));
        if (e.type == ElementType::ParallelGateway) {
            for (int flow : std::as_const(e.outgoing)) {
                if (!m_data->flows.at(flow).condition.isNull())
                    problem(m_data->flows.at(flow).id, m_data->flows.at(flow).line,
                            QCoreApplication::translate("Workflow", "A flow out of a parallel gateway cannot have a "
                                                                    "condition: use an inclusive gateway."));
            }
        }
    }
    if (!m_problems.isEmpty())
        return; // the walks below need a consistent graph

    // Everything must be reachable from the start...
    QList<bool> reached(count, false);
    QList<int> work{m_data->start};
    reached[m_data->start] = true;
    auto visit = [&](int index) {
        if (index >= 0 && !reached.at(index)) {
            reached[index] = true;
            work.append(index);
        }
    };
    while (!work.isEmpty()) {
        const Element &e = elements.at(work.takeLast());
        for (int flow : e.outgoing)
            visit(m_data->flows.at(flow).target);
        for (int boundary : e.boundaries)
            visit(boundary);
        if (e.type == ElementType::SubProcess)
            visit(e.start);
    }
    // ...and an end must be reachable from everything.
    QList<bool> ends(count, false);
    for (int i = 0; i < count; ++i) {
        const ElementType type = elements.at(i).type;
        if (type == ElementType::EndEvent || type == ElementType::TerminateEndEvent) {
            ends[i] = true;
            work.append(i);
        }
    }
    while (!work.isEmpty()) {
        const Element &e = elements.at(work.takeLast());
        QList<int> sources;
        for (int flow : e.incoming)
            sources.append(m_data->flows.at(flow).source);
        if (e.type == ElementType::BoundaryTimerEvent)
            sources.append(e.attachedTo);
        for (int source : sources) {
            if (!ends.at(source)) {
                ends[source] = true;
                work.append(source);
            }
        }
    }
    for (int i = 0; i < count; ++i) {
        const Element &e = elements.at(i);
        if (!reached.at(i))
            problem(e.id, e.line,
                    QCoreApplication::translate("Workflow", "The element can never be reached from the start "
                                                            "event: connect it or remove it."));
        else if (!ends.at(i))
            problem(e.id, e.line,
                    QCoreApplication::translate("Workflow", "No end event can be reached from this element: add a "
                                                            "way out."));
    }
}

void Builder::computeUpstream()
{
    QList<Element> &elements = m_data->elements;
    for (int join = 0; join < elements.size(); ++join) {
        if (elements.at(join).type != ElementType::InclusiveGateway || elements.at(join).incoming.size() < 2)
            continue;
        QList<bool> seen(elements.size(), false);
        QList<int> work{join};
        QList<int> upstream;
        while (!work.isEmpty()) {
            const Element &e = elements.at(work.takeLast());
            QList<int> sources;
            for (int flow : e.incoming)
                sources.append(m_data->flows.at(flow).source);
            if (e.type == ElementType::BoundaryTimerEvent)
                sources.append(e.attachedTo);
            for (int source : std::as_const(sources)) {
                if (source != join && !seen.at(source)) {
                    seen[source] = true;
                    upstream.append(source);
                    work.append(source);
                }
            }
        }
        std::sort(upstream.begin(), upstream.end());
        elements[join].upstream = upstream;
    }
}

} // namespace casedesk::workflow::detail
