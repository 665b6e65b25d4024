#include "workflow/ProcessParser.h"

#include "workflow/ProcessBuilder.h"

#include <QCoreApplication>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <algorithm>
#include <vector>

namespace casedesk::workflow {

using detail::bpmnNs;
using detail::XmlNode;

QString ModelProblem::toString() const
{
    QString text;
    if (line > 0)
        text += QStringLiteral("line %1").arg(line);
    if (!elementId.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(", ")) + elementId;
    return text.isEmpty() ? message : text + QStringLiteral(": ") + message;
}

namespace {

const QString camundaNs = QStringLiteral("http://camunda.org/schema/1.0/bpmn");
const QString casedeskNs = QStringLiteral("https://casedesk.example/bpmn");

// Deeper documents are hostile or broken; real models nest a handful of sub-processes at most.
constexpr int maxDepth = 200;

bool isOneOf(const QString &name, std::initializer_list<const char *> names)
{
    return std::any_of(names.begin(), names.end(), [&](const char *n) { return name == QLatin1String(n); });
}

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

bool isIdentifier(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return pattern.match(text).hasMatch();
}

bool isTeamCode(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{1,3}(\\.\\d{1,3})*$"));
    return pattern.match(text).hasMatch();
}

// Role names as they appear in lanes and candidate groups: the JSON keys of core, English and German names.
std::optional<Role> roleFromName(const QString &text)
{
    QString key = text.toLower();
    key.remove(QRegularExpression(QStringLiteral("[\\s_\\-]")));
    struct Alias {
        const char *name;
        Role role;
    };
    static const Alias aliases[] = {
        {"clerk", Role::Clerk},
        {"clerks", Role::Clerk},
        {"sachbearbeitung", Role::Clerk},
        {"sachbearbeiter", Role::Clerk},
        {"sachbearbeiterin", Role::Clerk},
        {"teamlead", Role::TeamLead},
        {"teamleads", Role::TeamLead},
        {"teamleader", Role::TeamLead},
        {"teamleaders", Role::TeamLead},
        {"teamleitung", Role::TeamLead},
        {"teamleiter", Role::TeamLead},
        {"teamleiterin", Role::TeamLead},
        {"mailroom", Role::Mailroom},
        {"poststelle", Role::Mailroom},
        {"administrator", Role::Administrator},
        {"administration", Role::Administrator},
        {"auditor", Role::Auditor},
    };
    for (const Alias &alias : aliases) {
        if (key == QLatin1String(alias.name))
            return alias.role;
    }
    return std::nullopt;
}

} // namespace

namespace detail {

bool Builder::readTree(const QByteArray &bpmn, XmlNode *root)
{
    QXmlStreamReader reader(bpmn);
    std::vector<XmlNode *> stack;
    bool haveRoot = false;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (static_cast<int>(stack.size()) >= maxDepth) {
                problem({}, static_cast<int>(reader.lineNumber()),
                        QCoreApplication::translate("Workflow",
                                                    "The XML nests elements too deeply to be a process model."));
                return false;
            }
            XmlNode *node = nullptr;
            if (stack.empty()) {
                node = root;
                haveRoot = true;
            } else {
                stack.back()->children.emplace_back();
                node = &stack.back()->children.back();
            }
            node->ns = reader.namespaceUri().toString();
            node->name = reader.name().toString();
            node->attributes = reader.attributes();
            node->line = static_cast<int>(reader.lineNumber());
            stack.push_back(node);
        } else if (token == QXmlStreamReader::EndElement) {
            stack.pop_back();
        } else if ((token == QXmlStreamReader::Characters) && !stack.empty()) {
            stack.back()->text += reader.text();
        }
    }
    if (reader.hasError()) {
        problem({}, static_cast<int>(reader.lineNumber()),
                QCoreApplication::translate("Workflow", "The file is not well-formed XML (%1). Save it again from "
                                                        "the modelling tool or correct it.")
                    .arg(reader.errorString()));
        return false;
    }
    if (!haveRoot || !root->is("definitions")) {
        problem({}, haveRoot ? root->line : 0,
                QCoreApplication::translate("Workflow",
                                            "The file is not a BPMN 2.0 model: its root must be the element "
                                            "“definitions” of the BPMN 2.0 model namespace."));
        return false;
    }
    return true;
}

void Builder::collectIds(const XmlNode &node)
{
    const QString id = node.attr("id");
    if (!id.isEmpty()) {
        if (m_ids.contains(id)) {
            problem(id, node.line,
                    QCoreApplication::translate("Workflow", "The id “%1” is used more than once: give every element "
                                                            "its own id.")
                        .arg(id));
        }
        m_ids.insert(id);
    }
    for (const XmlNode &child : node.children)
        collectIds(child);
}

void Builder::unsupported(const XmlNode &node, const QString &ownerId)
{
    const QString id = node.attr("id").isEmpty() ? ownerId : node.attr("id");
    problem(id, node.line,
            QCoreApplication::translate("Workflow", "The element “%1” is not supported by CaseDesk: replace it with a "
                                                    "supported element or remove it.")
                .arg(node.name));
}

const XmlNode *Builder::chooseProcess(const XmlNode &definitions)
{
    QList<const XmlNode *> processes;
    QList<const XmlNode *> executable;
    for (const XmlNode &child : definitions.children) {
        if (child.ns != bpmnNs)
            continue; // diagram information and foreign extensions
        if (child.is("process")) {
            processes.append(&child);
            if (child.attr("isExecutable") == QLatin1String("true"))
                executable.append(&child);
        } else if (child.is("collaboration")) {
            for (const XmlNode &part : child.children) {
                if (part.is("participant")) {
                    m_data->participants.append(part.attr("name").isEmpty() ? part.attr("id") : part.attr("name"));
                } else if (part.ns == bpmnNs && !isOneOf(part.name, {"messageFlow", "textAnnotation", "association",
                                                                     "group", "documentation", "extensionElements",
                                                                     "conversation", "conversationLink"})) {
                    unsupported(part);
                }
            }
        } else if (!isOneOf(child.name, {"message", "signal", "error", "escalation", "itemDefinition", "dataStore",
                                         "category", "resource", "interface", "import", "extension", "documentation",
                                         "extensionElements", "relationship", "partnerRole", "partnerEntity"})) {
            unsupported(child);
        }
    }
    if (executable.size() == 1)
        return executable.first();
    // Modelling tools often leave isExecutable="false"; a single process is still unambiguous.
    if (executable.isEmpty() && processes.size() == 1)
        return processes.first();
    problem({}, definitions.line,
            executable.size() > 1
                ? QCoreApplication::translate("Workflow", "The model has several executable processes: mark exactly "
                                                          "one process as executable (isExecutable=\"true\").")
                : QCoreApplication::translate("Workflow", "The model has no executable process: mark exactly one "
                                                          "process as executable (isExecutable=\"true\")."));
    return nullptr;
}

void Builder::readLanes(const XmlNode &laneSet, const QString &outerLane)
{
    for (const XmlNode &lane : laneSet.children) {
        if (!lane.is("lane"))
            continue;
        const QString name = lane.attr("name").trimmed().isEmpty() ? outerLane : lane.attr("name").trimmed();
        m_laneLine.insert(name, lane.line);
        for (const XmlNode &child : lane.children) {
            if (child.is("flowNodeRef"))
                m_laneOf.insert(child.text.trimmed(), name);
            else if (child.is("childLaneSet"))
                readLanes(child, name);
        }
    }
}

void Builder::readScope(const XmlNode &scopeNode, int scope)
{
    struct Kind {
        const char *name;
        ElementType type;
    };
    static const Kind kinds[] = {
        {"startEvent", ElementType::StartEvent},
        {"endEvent", ElementType::EndEvent},
        {"userTask", ElementType::UserTask},
        {"manualTask", ElementType::ManualTask},
        {"task", ElementType::Task},
        {"serviceTask", ElementType::ServiceTask},
        {"exclusiveGateway", ElementType::ExclusiveGateway},
        {"parallelGateway", ElementType::ParallelGateway},
        {"inclusiveGateway", ElementType::InclusiveGateway},
        {"intermediateCatchEvent", ElementType::TimerCatchEvent},
        {"boundaryEvent", ElementType::BoundaryTimerEvent},
        {"subProcess", ElementType::SubProcess},
    };
    // Lanes first: user tasks look their lane up while they are read.
    for (const XmlNode &child : scopeNode.children) {
        if (child.is("laneSet"))
            readLanes(child, {});
    }
    for (const XmlNode &child : scopeNode.children) {
        if (child.ns != bpmnNs || child.is("laneSet"))
            continue;
        if (child.is("sequenceFlow")) {
            readFlow(child, scope);
            continue;
        }
        if (isOneOf(child.name,
                    {"documentation", "extensionElements", "textAnnotation", "association", "group", "dataObject",
                     "dataObjectReference", "dataStoreReference", "property", "ioSpecification", "incoming", "outgoing",
                     "dataInputAssociation", "dataOutputAssociation"}))
            continue;
        const auto kind = std::find_if(std::begin(kinds), std::end(kinds),
                                       [&](const Kind &k) { return child.name == QLatin1String(k.name); });
        if (kind == std::end(kinds)) {
            unsupported(child);
            continue;
        }
        if (child.is("subProcess") && child.attr("triggeredByEvent") == QLatin1String("true")) {
            problem(child.attr("id"), child.line,
                    QCoreApplication::translate("Workflow", "Event sub-processes are not supported by CaseDesk: "
                                                            "model the reaction with a boundary event instead."));
            continue;
        }
        readFlowNode(child, kind->type, scope);
    }
}

bool Builder::readEventDefinitions(const XmlNode &node, const QString &id, ElementType *type)
{
    bool ok = true;
    bool timer = false;
    for (const XmlNode &child : node.children) {
        if (child.ns != bpmnNs || !child.name.endsWith(QLatin1String("EventDefinition")) ||
            child.name == QLatin1String("eventDefinitionRef"))
            continue;
        if (child.is("timerEventDefinition") &&
            (*type == ElementType::TimerCatchEvent || *type == ElementType::BoundaryTimerEvent)) {
            timer = true;
        } else if (child.is("terminateEventDefinition") && *type == ElementType::EndEvent) {
            *type = ElementType::TerminateEndEvent;
        } else {
            problem(id, child.line,
                    QCoreApplication::translate("Workflow", "The event definition “%1” on “%2” is not supported by "
                                                            "CaseDesk: only timers, terminate end events and none "
                                                            "events are.")
                        .arg(child.name, node.name));
            ok = false;
        }
    }
    if (ok && !timer && (*type == ElementType::TimerCatchEvent || *type == ElementType::BoundaryTimerEvent)) {
        problem(id, node.line,
                QCoreApplication::translate("Workflow", "The event “%1” needs a timer definition: CaseDesk supports "
                                                        "only timer intermediate and boundary events.")
                    .arg(node.name));
        ok = false;
    }
    return ok;
}

void Builder::readTimer(const XmlNode &definition, const XmlNode &event, Element *element)
{
    TimerDefinition &timer = element->timer;
    const XmlNode *duration = definition.child("timeDuration");
    const XmlNode *date = definition.child("timeDate");
    const XmlNode *cycle = definition.child("timeCycle");
    if ((duration != nullptr) + (date != nullptr) + (cycle != nullptr) != 1) {
        problem(element->id, definition.line,
                QCoreApplication::translate("Workflow", "A timer needs exactly one of timeDuration, timeDate or "
                                                        "timeCycle."));
        return;
    }
    const XmlNode *value = duration ? duration : date ? date : cycle;
    timer.text = value->text.trimmed();
    bool ok = false;
    if (duration) {
        timer.kind = TimerDefinition::Kind::Duration;
        const std::optional<IsoDuration> parsed = IsoDuration::parse(timer.text);
        ok = parsed.has_value();
        if (parsed)
            timer.duration = *parsed;
    } else if (cycle) {
        timer.kind = TimerDefinition::Kind::Cycle;
        const std::optional<IsoCycle> parsed = IsoCycle::parse(timer.text);
        ok = parsed.has_value();
        if (parsed) {
            timer.duration = parsed->interval;
            timer.repetitions = parsed->repetitions;
        }
    } else {
        timer.kind = TimerDefinition::Kind::Date;
        QDateTime when = QDateTime::fromString(timer.text, Qt::ISODate);
        if (when.isValid() && when.timeSpec() == Qt::LocalTime) // no offset written: the city's time
            when = QDateTime(when.date(), when.time(), QTimeZone(QByteArrayLiteral("Europe/Berlin")));
        ok = when.isValid();
        timer.date = when.toUTC();
    }
    if (!ok) {
        problem(element->id, value->line,
                QCoreApplication::translate("Workflow", "The timer “%1” is not an ISO 8601 duration (P14D, PT2H), "
                                                        "date (2026-03-02T09:00:00+01:00) or cycle (R3/P7D); "
                                                        "expressions are not supported.")
                    .arg(timer.text));
        return;
    }
    // The calendar: the event's own attribute, else its task's (boundary events), else the process's.
    const QString calendar = event.attr(casedeskNs, "calendar");
    if (calendar.isEmpty() && element->type == ElementType::BoundaryTimerEvent)
        m_pendingTimer.insert(static_cast<int>(m_data->elements.size()), value->line);
    else
        applyCalendar(element, calendar.isEmpty() ? m_processCalendar : calendar, value->line);
}

void Builder::applyCalendar(Element *element, const QString &calendar, int line)
{
    TimerDefinition &timer = element->timer;
    if (calendar == QLatin1String("statutory")) {
        timer.statutory = true;
        if (timer.kind == TimerDefinition::Kind::Date || !timer.duration.toPeriod()) {
            problem(element->id, line,
                    QCoreApplication::translate("Workflow", "A statutory period counts whole days, weeks, months or "
                                                            "years in one unit (P14D, P1M): “%1” is none.")
                        .arg(timer.text));
        }
    } else if (!calendar.isEmpty() && calendar != QLatin1String("plain")) {
        problem(element->id, line,
                QCoreApplication::translate("Workflow", "The calendar “%1” is unknown: use “statutory” or “plain”.")
                    .arg(calendar));
    }
}

void Builder::readUserTask(const XmlNode &node, Element *element)
{
    Performer &performer = element->performer;
    auto addGroup = [&](const QString &group, bool fromCandidateGroups) {
        if (const std::optional<Role> role = roleFromName(group))
            performer.roles.insert(*role);
        else if (isTeamCode(group))
            performer.teams.append(group);
        else
            problem(element->id, node.line,
                    fromCandidateGroups
                        ? QCoreApplication::translate("Workflow", "The candidate group “%1” is neither a CaseDesk "
                                                                  "role (clerk, teamLead, mailroom, administrator) "
                                                                  "nor a team code such as 32.1.")
                              .arg(group)
                        : QCoreApplication::translate("Workflow", "The role “%1” is unknown: use clerk, teamLead, "
                                                                  "mailroom or administrator.")
                              .arg(group));
    };
    for (const QString &group : splitList(node.attr(casedeskNs, "role")))
        addGroup(group, false);
    for (const QString &group : splitList(node.attr(camundaNs, "candidateGroups")))
        addGroup(group, true);
    for (const QString &team : splitList(node.attr(casedeskNs, "team"))) {
        if (isTeamCode(team))
            performer.teams.append(team);
        else
            problem(
                element->id, node.line,
                QCoreApplication::translate("Workflow", "The team “%1” is not a team code such as 32.1.").arg(team));
    }
    performer.assignee = node.attr(camundaNs, "assignee").trimmed();
    if (performer.assignee.contains(u'{')) {
        problem(element->id, node.line,
                QCoreApplication::translate("Workflow", "The assignee “%1” is an expression: CaseDesk assigns cases "
                                                        "itself; name a role or team instead.")
                    .arg(performer.assignee));
    }
    performer.lane = m_laneOf.value(element->id);
    if (performer.roles.isEmpty() && performer.teams.isEmpty() && performer.assignee.isEmpty()) {
        if (!performer.lane.isEmpty()) {
            if (const std::optional<Role> role = roleFromName(performer.lane))
                performer.roles.insert(*role);
            else
                problem(element->id, m_laneLine.value(performer.lane, node.line),
                        QCoreApplication::translate("Workflow", "The lane “%1” names no CaseDesk role: rename it "
                                                                "(Sachbearbeitung, Teamleitung, Poststelle) or set "
                                                                "a role on the task.")
                            .arg(performer.lane));
        } else {
            performer.roles.insert(Role::Clerk); // no performer modelled: the clerk's work
        }
    }
    if (performer.roles.contains(Role::Auditor)) {
        problem(element->id, node.line,
                QCoreApplication::translate("Workflow", "Auditors only read cases: give the task another role."));
    }
    element->outcomes = splitList(node.attr(casedeskNs, "outcomes"));
    for (const QString &outcome : std::as_const(element->outcomes)) {
        if (!isIdentifier(outcome))
            problem(element->id, node.line,
                    QCoreApplication::translate("Workflow", "The outcome “%1” must be a name of letters, digits and "
                                                            "underscores.")
                        .arg(outcome));
    }
    element->outcomeVariable = node.attr(casedeskNs, "outcomeVariable");
    if (element->outcomeVariable.isEmpty())
        element->outcomeVariable = element->id;
    if (!element->outcomes.isEmpty() && !isIdentifier(element->outcomeVariable)) {
        problem(element->id, node.line,
                QCoreApplication::translate("Workflow", "The outcome variable “%1” must be a name of letters, "
                                                        "digits and underscores: set casedesk:outcomeVariable.")
                    .arg(element->outcomeVariable));
    }
    const QString fourEyes = node.attr(casedeskNs, "fourEyesWith");
    if (!fourEyes.isEmpty())
        m_pendingFourEyes.insert(m_data->elements.size(), fourEyes);
}

void Builder::readServiceTask(const XmlNode &node, Element *element)
{
    ServiceDefinition &service = element->service;
    const QString kind = node.attr(casedeskNs, "kind");
    auto required = [&](const char *attribute) {
        const QString value = node.attr(casedeskNs, attribute).trimmed();
        if (value.isEmpty())
            problem(element->id, node.line,
                    QCoreApplication::translate("Workflow", "The service task needs the attribute casedesk:%1.")
                        .arg(QLatin1String(attribute)));
        return value;
    };
    if (kind == QLatin1String("setVariable")) {
        service.kind = ServiceDefinition::Kind::SetVariable;
        service.variable = required("variable");
        const QString value = required("value");
        if (!value.isEmpty()) {
            Result<Expression> parsed = Expression::parse(value);
            if (parsed)
                service.value = parsed.value();
            else
                problem(element->id, node.line, parsed.error().message);
        }
    } else if (kind == QLatin1String("statutoryDeadline")) {
        service.kind = ServiceDefinition::Kind::StatutoryDeadline;
        service.variable = required("variable");
        const QString period = required("period");
        const std::optional<IsoDuration> parsed = IsoDuration::parse(period);
        if (parsed && parsed->toPeriod())
            service.period = *parsed;
        else if (!period.isEmpty())
            problem(element->id, node.line,
                    QCoreApplication::translate("Workflow", "A statutory period counts whole days, weeks, months or "
                                                            "years in one unit (P14D, P1M): “%1” is none.")
                        .arg(period));
        service.from = node.attr(casedeskNs, "from").trimmed();
    } else if (kind == QLatin1String("generateDocument")) {
        service.kind = ServiceDefinition::Kind::GenerateDocument;
        service.templateName = required("template");
    } else if (kind == QLatin1String("notify")) {
        service.kind = ServiceDefinition::Kind::Notify;
        service.recipient = required("recipient");
        service.message = required("message");
    } else {
        problem(element->id, node.line,
                kind.isEmpty()
                    ? QCoreApplication::translate("Workflow", "The service task has no casedesk:kind: CaseDesk runs "
                                                              "no code, only setVariable, statutoryDeadline, "
                                                              "generateDocument and notify.")
                    : QCoreApplication::translate("Workflow", "The service task kind “%1” is unknown: use "
                                                              "setVariable, statutoryDeadline, generateDocument or "
                                                              "notify.")
                          .arg(kind));
    }
    if (!service.variable.isEmpty() && !isIdentifier(service.variable))
        problem(element->id, node.line,
                QCoreApplication::translate("Workflow", "The variable “%1” must be a name of letters, digits and "
                                                        "underscores.")
                    .arg(service.variable));
}

void Builder::readActivityChildren(const XmlNode &node, const QString &id)
{
    for (const XmlNode &child : node.children) {
        if (child.ns != bpmnNs || child.name.endsWith(QLatin1String("EventDefinition")))
            continue;
        if (!isOneOf(child.name, {"incoming", "outgoing", "documentation", "extensionElements", "ioSpecification",
                                  "dataInputAssociation", "dataOutputAssociation", "property"}))
            unsupported(child, id);
    }
}

void Builder::readFlowNode(const XmlNode &node, ElementType type, int scope)
{
    Element element;
    element.id = node.attr("id");
    element.name = node.attr("name").simplified();
    element.line = node.line;
    element.scope = scope;
    if (const XmlNode *documentation = node.child("documentation"))
        element.documentation = documentation->text.trimmed();
    if (element.id.isEmpty()) {
        problem({}, node.line,
                QCoreApplication::translate("Workflow", "The element “%1” has no id: give it one.").arg(node.name));
        return;
    }
    const bool isEvent = node.name.endsWith(QLatin1String("Event"));
    if (isEvent && !readEventDefinitions(node, element.id, &type))
        return;
    element.type = type;
    if (type != ElementType::SubProcess)
        readActivityChildren(node, element.id);
    if (type == ElementType::TimerCatchEvent || type == ElementType::BoundaryTimerEvent)
        readTimer(*node.child("timerEventDefinition"), node, &element);
    if (type == ElementType::BoundaryTimerEvent) {
        m_pendingAttached.insert(m_data->elements.size(), node.attr("attachedToRef"));
        element.cancelActivity = node.attr("cancelActivity") != QLatin1String("false");
    }
    if (type == ElementType::UserTask)
        readUserTask(node, &element);
    if (type == ElementType::ServiceTask)
        readServiceTask(node, &element);
    if (!node.attr(casedeskNs, "calendar").isEmpty())
        m_calendarOf.insert(element.id, node.attr(casedeskNs, "calendar"));
    if (!node.attr("default").isEmpty())
        m_pendingDefault.insert(m_data->elements.size(), node.attr("default"));

    const int index = static_cast<int>(m_data->elements.size());
    m_data->elementIndex.insert(element.id, index);
    m_data->elements.append(element);
    if (type == ElementType::SubProcess)
        readScope(node, index);
}

void Builder::readFlow(const XmlNode &node, int scope)
{
    Flow flow;
    flow.id = node.attr("id");
    flow.name = node.attr("name").simplified();
    flow.line = node.line;
    if (flow.id.isEmpty()) {
        problem({}, node.line, QCoreApplication::translate("Workflow", "A sequence flow has no id: give it one."));
        return;
    }
    for (const XmlNode &child : node.children) {
        if (child.is("conditionExpression")) {
            const QString language = child.attr("language").toLower();
            if (!language.isEmpty() && !language.contains(QLatin1String("juel")) &&
                !language.contains(QLatin1String("feel"))) {
                problem(flow.id, child.line,
                        QCoreApplication::translate("Workflow", "The condition language “%1” is not supported: "
                                                                "write the condition as ${...} (JUEL) or = ... "
                                                                "(FEEL) without a language.")
                            .arg(child.attr("language")));
                continue;
            }
            Result<Expression> parsed = Expression::parse(child.text.trimmed());
            if (parsed)
                flow.condition = parsed.value();
            else
                problem(flow.id, child.line, parsed.error().message);
        } else if (child.ns == bpmnNs && !isOneOf(child.name, {"documentation", "extensionElements"})) {
            unsupported(child, flow.id);
        }
    }
    m_data->flowIndex.insert(flow.id, static_cast<int>(m_data->flows.size()));
    m_data->flows.append(flow);
    m_pendingFlows.append({node.attr("sourceRef"), node.attr("targetRef"), scope});
}

ParsedModel Builder::run(const QByteArray &bpmn)
{
    ParsedModel result;
    if (bpmn.size() > ProcessParser::MaxSize) {
        problem({}, 0,
                QCoreApplication::translate("Workflow", "The model is larger than %1 MiB: split it or remove "
                                                        "embedded content.")
                    .arg(ProcessParser::MaxSize / (1024 * 1024)));
        result.problems = m_problems;
        return result;
    }
    XmlNode root;
    if (readTree(bpmn, &root)) {
        collectIds(root);
        if (const XmlNode *process = chooseProcess(root)) {
            m_data->processId = process->attr("id");
            m_processLine = process->line;
            m_data->processName = process->attr("name").simplified();
            m_processCalendar = process->attr(casedeskNs, "calendar");
            readScope(*process, -1);
            resolve();
            checkGraph();
            if (m_problems.isEmpty())
                computeUpstream();
        }
    }
    if (!m_problems.isEmpty()) {
        std::stable_sort(m_problems.begin(), m_problems.end(),
                         [](const ModelProblem &a, const ModelProblem &b) { return a.line < b.line; });
        result.problems = m_problems;
        return result;
    }
    result.model = ProcessModel(m_data);
    return result;
}

} // namespace detail

ParsedModel ProcessParser::parse(const QByteArray &bpmn)
{
    return detail::Builder().run(bpmn);
}

} // namespace casedesk::workflow
