#include "ProcessCommand.h"

#include "demo/BundledContent.h"
#include "server/AdminContext.h"
#include "server/ModelRepository.h"
#include "workflow/ProcessParser.h"

#include <QCommandLineParser>
#include <QFile>

#include <optional>

namespace casedesk::server {

namespace {

using workflow::Element;
using workflow::ElementType;
using workflow::ProcessModel;

const char help[] =
    "usage: casedesk-server process check FILE...\n"
    "       casedesk-server process deploy FILE --case-type TYPE [--version N]\n"
    "       casedesk-server process deploy --bundled\n"
    "       casedesk-server process list\n"
    "\n"
    "check   checks BPMN 2.0 process models against the subset CaseDesk executes. Prints for each\n"
    "        file a summary (process, user tasks with their performers, timers, gateways) or every\n"
    "        problem with its line and element id.\n"
    "deploy  checks the model like check and stores it as the next version of the case type (like\n"
    "        baumfaellung), or as version N. Versions never change once deployed: the same content\n"
    "        again changes nothing, other content under a deployed version is refused. New cases run on\n"
    "        the latest version, each case stays on the version it was opened with. --bundled\n"
    "        deploys the models shipped with CaseDesk for their case types (migrate did so on a\n"
    "        fresh database).\n"
    "list    lists the deployed versions.\n"
    "\n"
    "Exit code: 0 done, 1 a model has errors, cannot be read or was refused, 2 wrong usage.\n"
    "deploy and list work on the database of CASEDESK_DB or the config file (casedesk-server migrate\n"
    "--help).\n";

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

// Reads and checks one model, printing its summary or its problems; the file's bytes when it is fine.
std::optional<QByteArray> readCheckedModel(const QString &path, QTextStream &out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out << path << ": cannot be read (" << file.errorString() << ")\n";
        return std::nullopt;
    }
    // Read one byte more than allowed, so the parser can refuse an oversized model without reading it all.
    const QByteArray bytes = file.read(workflow::ProcessParser::MaxSize + 1);
    const workflow::ParsedModel parsed = workflow::ProcessParser::parse(bytes);
    if (parsed.ok()) {
        out << path << ": ok\n";
        printSummary(parsed.model, out);
        return bytes;
    }
    out << path << ": " << parsed.problems.size() << (parsed.problems.size() == 1 ? " error\n" : " errors\n");
    for (const workflow::ModelProblem &problem : parsed.problems)
        out << "  " << problem.toString() << '\n';
    return std::nullopt;
}

int check(const QStringList &paths, QTextStream &out)
{
    bool allFine = true;
    for (const QString &path : paths)
        allFine = readCheckedModel(path, out).has_value() && allFine;
    out.flush();
    return allFine ? 0 : 1;
}

int usage(QTextStream &err, const QString &problem)
{
    err << "casedesk-server process: " << problem << "\n\n" << help;
    return 2;
}

int fail(QTextStream &err, const Error &error)
{
    err << "casedesk-server: " << error.toString() << '\n';
    return 1;
}

// Stores one model and says what happened; false when it was refused.
bool deployOne(ModelRepository &repository, const QString &caseType, const QByteArray &bpmn, int version,
               const QString &operatorName, QTextStream &out, QTextStream &err)
{
    const Result<Deployment> deployed = repository.deployProcess(caseType, bpmn, version, operatorName);
    if (!deployed) {
        fail(err, deployed.error());
        return false;
    }
    out << "process model " << caseType << " version " << deployed->version
        << (deployed->added ? ": deployed\n" : ": deployed already with this content, nothing changed\n");
    return true;
}

int deploy(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption caseType(QStringLiteral("case-type"), {}, QStringLiteral("TYPE"));
    const QCommandLineOption version(QStringLiteral("version"), {}, QStringLiteral("N"));
    const QCommandLineOption bundled(QStringLiteral("bundled"));
    parser.addOptions({caseType, version, bundled});
    if (!parser.parse(QStringList{QStringLiteral("casedesk-server")} + arguments))
        return usage(err, parser.errorText());
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(bundled)) {
        if (!files.isEmpty() || parser.isSet(caseType) || parser.isSet(version))
            return usage(err, QStringLiteral("deploy --bundled takes no file, --case-type or --version"));
    } else if (files.size() != 1 || !parser.isSet(caseType)) {
        return usage(err, QStringLiteral("deploy needs one FILE and --case-type TYPE"));
    }
    int versionNumber = 0;
    if (parser.isSet(version)) {
        bool ok = false;
        versionNumber = parser.value(version).toInt(&ok);
        if (!ok || versionNumber < 1)
            return usage(err, QStringLiteral("--version needs a whole number of at least 1"));
    }
    if (!parser.isSet(bundled) && !ModelRepository::isValidCaseType(parser.value(caseType)))
        return usage(err, QStringLiteral("'%1' is not a case type (lower-case letters, digits, - and _, like "
                                         "baumfaellung)")
                              .arg(parser.value(caseType)));

    // A broken model is refused before the database is even asked.
    QList<std::pair<QString, QByteArray>> models;
    if (parser.isSet(bundled)) {
        const Result<demo::BundledContent> &content = demo::BundledContent::instance();
        if (!content)
            return fail(err, content.error());
        for (const demo::CaseTypeContent &type : content->caseTypes()) {
            const std::optional<QByteArray> bytes =
                readCheckedModel(QStringLiteral(":/processes/%1.bpmn").arg(type.caseType), out);
            if (!bytes)
                return 1;
            models.append({type.caseType, *bytes});
        }
    } else {
        const std::optional<QByteArray> bytes = readCheckedModel(files.constFirst(), out);
        if (!bytes) {
            err << "casedesk-server: " << files.constFirst() << " was not deployed; fix the errors above first\n";
            return 1;
        }
        models.append({parser.value(caseType), *bytes});
    }

    const Result<AdminContext> context = AdminContext::open();
    if (!context)
        return fail(err, context.error());
    ModelRepository repository(context->db);
    bool allDeployed = true;
    for (const auto &[type, bytes] : models)
        allDeployed = deployOne(repository, type, bytes, versionNumber, context->operatorName, out, err) && allDeployed;
    return allDeployed ? 0 : 1;
}

int list(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (!arguments.isEmpty())
        return usage(err, QStringLiteral("list takes no arguments"));
    const Result<AdminContext> context = AdminContext::open();
    if (!context)
        return fail(err, context.error());
    const Result<QList<DeployedProcessModel>> models = ModelRepository(context->db).processModels();
    if (!models)
        return fail(err, models.error());
    if (models->isEmpty())
        out << "no process models deployed (casedesk-server process deploy --bundled deploys the shipped ones)\n";
    for (const DeployedProcessModel &model : models.value()) {
        out << model.caseType << "  version " << model.version << "  sha256 " << model.sha256.left(12) << "  deployed "
            << model.deployedAt.toUTC().toString(Qt::ISODate) << " by " << model.deployedBy << '\n';
    }
    return 0;
}

} // namespace

int runProcessCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty()) {
        err << help;
        return 2;
    }
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        out << help;
        return 0;
    }
    const QString &action = arguments.constFirst();
    if (action == QLatin1String("check") && arguments.size() >= 2)
        return check(arguments.mid(1), out);
    if (action == QLatin1String("deploy"))
        return deploy(arguments.mid(1), out, err);
    if (action == QLatin1String("list"))
        return list(arguments.mid(1), out, err);
    return usage(err, QStringLiteral("unknown action or missing arguments"));
}

} // namespace casedesk::server
