#include "ProcessCommand.h"

#include "workflow/ProcessParser.h"

#include <QFile>

namespace casedesk::server {

namespace {

using workflow::Element;
using workflow::ElementType;
using workflow::ProcessModel;

const char help[] = "usage: casedesk-server process check FILE...\n"
                    "\n"
                    "Checks BPMN 2.0 process models against the subset CaseDesk executes. Prints for each file\n"
                    "a summary (process, user tasks with their performers, timers, gateways) or every problem\n"
                    "with its line and element id. Exit code: 0 all models are fine, 1 a model has errors or\n"
                    "cannot be read, 2 wrong usage.\n";

QString label(const Element &element)
{
    return element.name.isEmpty() ? element.id : element.id + QStringLiteral(" \"") + element.name + u'"';
}

QString performerText(const ProcessModel &model, const Element &task)
{
    QStringList parts;
    QStringList roles;
    for (Role role : task.performer.roles.toList())
        roles.append(roleToString(role));
    if (!roles.isEmpty())
        parts.append(QStringLiteral("role ") + roles.join(QStringLiteral(" or ")));
    if (!task.performer.teams.isEmpty())
        parts.append(QStringLiteral("team ") + task.performer.teams.join(QStringLiteral(" or ")));
    if (!task.performer.assignee.isEmpty())
        parts.append(QStringLiteral("user ") + task.performer.assignee);
    if (!task.performer.lane.isEmpty())
        parts.append(QStringLiteral("lane \"") + task.performer.lane + u'"');
    if (task.fourEyesWith >= 0)
        parts.append(QStringLiteral("four-eyes with ") + model.element(task.fourEyesWith).id);
    if (!task.outcomes.isEmpty())
        parts.append(QStringLiteral("outcomes ") + task.outcomes.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("; "));
}

QString timerText(const ProcessModel &model, const Element &event)
{
    QString text = event.timer.text;
    if (event.timer.statutory)
        text += QStringLiteral(", statutory calendar");
    if (event.type == ElementType::BoundaryTimerEvent) {
        text += event.cancelActivity ? QStringLiteral(", interrupting") : QStringLiteral(", non-interrupting");
        text += QStringLiteral(" on ") + model.element(event.attachedTo).id;
    } else {
        text += QStringLiteral(", waiting");
    }
    return text;
}

void printSummary(const ProcessModel &model, QTextStream &out)
{
    out << "  process " << model.processId();
    if (!model.processName().isEmpty())
        out << " \"" << model.processName() << '"';
    if (!model.participants().isEmpty())
        out << " (pools: " << model.participants().join(QStringLiteral(", ")) << ')';
    out << '\n';
    QStringList tasks, timers, gateways;
    for (const Element &element : model.elements()) {
        switch (element.type) {
        case ElementType::UserTask:
            tasks.append(label(element) + QStringLiteral(": ") + performerText(model, element));
            break;
        case ElementType::TimerCatchEvent:
        case ElementType::BoundaryTimerEvent:
            timers.append(label(element) + QStringLiteral(": ") + timerText(model, element));
            break;
        case ElementType::ExclusiveGateway:
        case ElementType::ParallelGateway:
        case ElementType::InclusiveGateway: {
            QString text = label(element) + QStringLiteral(": ") + workflow::elementTypeToString(element.type) +
                           QStringLiteral(", %1 in, %2 out").arg(element.incoming.size()).arg(element.outgoing.size());
            if (element.defaultFlow >= 0)
                text += QStringLiteral(", default ") + model.flow(element.defaultFlow).id;
            gateways.append(text);
            break;
        }
        default:
            break;
        }
    }
    const auto section = [&](const char *title, const QStringList &lines) {
        out << "  " << title << " (" << lines.size() << ")\n";
        for (const QString &line : lines)
            out << "    " << line << '\n';
    };
    section("user tasks", tasks);
    section("timers", timers);
    section("gateways", gateways);
}

} // namespace

int runProcessCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") ||
        arguments.first() == QLatin1String("-h")) {
        (arguments.isEmpty() ? err : out) << help;
        return arguments.isEmpty() ? 2 : 0;
    }
    if (arguments.first() != QLatin1String("check") || arguments.size() < 2) {
        err << help;
        return 2;
    }
    bool allFine = true;
    for (const QString &path : arguments.mid(1)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            out << path << ": cannot be read (" << file.errorString() << ")\n";
            allFine = false;
            continue;
        }
        // Read one byte more than allowed, so the parser can refuse an oversized model without reading it all.
        const workflow::ParsedModel parsed =
            workflow::ProcessParser::parse(file.read(workflow::ProcessParser::MaxSize + 1));
        if (parsed.ok()) {
            out << path << ": ok\n";
            printSummary(parsed.model, out);
            continue;
        }
        allFine = false;
        out << path << ": " << parsed.problems.size() << (parsed.problems.size() == 1 ? " error\n" : " errors\n");
        for (const workflow::ModelProblem &problem : parsed.problems)
            out << "  " << problem.toString() << '\n';
    }
    out.flush();
    return allFine ? 0 : 1;
}

} // namespace casedesk::server
