#include "FormCommand.h"

#include "core/Clock.h"
#include "demo/BundledContent.h"
#include "forms/FormDefinition.h"
#include "forms/FormValidator.h"
#include "forms/XDatenfelderImport.h"
#include "server/AdminContext.h"
#include "server/ModelRepository.h"

#include <QFile>
#include <QJsonDocument>

#include <optional>

namespace casedesk::server {

namespace {

const char usage[] =
    "usage: casedesk-server form import FILE.xml    convert an XDatenfelder 2.0/3.0 message into a form\n"
    "                                               definition (JSON on stdout, warnings on stderr)\n"
    "       casedesk-server form check FILE...      check form definitions (JSON)\n"
    "       casedesk-server form deploy FILE...     check form definitions and store them under their id\n"
    "                                               and version; the same content again changes nothing,\n"
    "                                               other content under a deployed version is refused\n"
    "       casedesk-server form deploy --bundled   deploy the definitions shipped with CaseDesk\n"
    "       casedesk-server form list               list the deployed definitions\n"
    "exit codes: 0 ok, 1 a file was refused or has errors, 2 usage\n"
    "deploy and list work on the database of CASEDESK_DB or the config file (casedesk-server migrate\n"
    "--help).\n";

// Reads at most `limit` bytes; a larger file is refused before it is read into memory.
bool readFile(const QString &path, qint64 limit, QByteArray *bytes, QTextStream &err)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << path << ": cannot read: " << file.errorString() << '\n';
        return false;
    }
    if (file.size() > limit) {
        err << path << ": too large (" << file.size() << " bytes, at most " << limit << ")\n";
        return false;
    }
    *bytes = file.read(limit + 1);
    return true;
}

int importCommand(const QString &path, QTextStream &out, QTextStream &err)
{
    QByteArray bytes;
    if (!readFile(path, forms::XDatenfelderImport::MaxBytes, &bytes, err))
        return 1;
    const Result<forms::XDatenfelderImport::Output> result = forms::XDatenfelderImport::convert(bytes);
    if (!result) {
        err << path << ": " << result.error().message << '\n';
        return 1;
    }
    for (const QString &warning : result->warnings)
        err << path << ": warning: " << warning << '\n';
    out << QString::fromUtf8(QJsonDocument(result->definition).toJson(QJsonDocument::Indented));
    return 0;
}

// Reads and checks one definition, printing a line about it; the definition when it is usable.
std::optional<forms::FormDefinition> readCheckedForm(const QString &path, QTextStream &out, QTextStream &err)
{
    QByteArray bytes;
    if (!readFile(path, forms::FormDefinition::MaxBytes, &bytes, err))
        return std::nullopt;
    const Result<forms::FormDefinition> definition = forms::FormDefinition::fromJsonBytes(bytes);
    if (!definition) {
        err << path << ": " << definition.error().message << '\n';
        return std::nullopt;
    }
    out << path << ": ok (" << definition->id() << ", version " << definition->version() << ", "
        << definition->fields().size() << " fields)\n";
    // The example is documentation: its problems are warnings (dates in it age relative to today).
    if (!definition->example().isEmpty()) {
        const QList<forms::FormProblem> problems =
            forms::FormValidator::validate(*definition, definition->example(), Clock::current().today());
        for (const forms::FormProblem &problem : problems)
            err << path << ": warning: example, " << problem.path << ": " << problem.message << '\n';
    }
    return definition.value();
}

int checkCommand(const QStringList &paths, QTextStream &out, QTextStream &err)
{
    int failed = 0;
    for (const QString &path : paths) {
        if (!readCheckedForm(path, out, err))
            ++failed;
    }
    return failed == 0 ? 0 : 1;
}

int fail(QTextStream &err, const Error &error)
{
    err << "casedesk-server: " << error.toString() << '\n';
    return 1;
}

// Deploys the files, or with "--bundled" the shipped definitions. Every definition is checked before the
// database is asked, so one broken file in a list deploys none.
int deployCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QList<forms::FormDefinition> definitions;
    if (arguments == QStringList{QStringLiteral("--bundled")}) {
        const Result<demo::BundledContent> &content = demo::BundledContent::instance();
        if (!content)
            return fail(err, content.error());
        for (const demo::CaseTypeContent &type : content->caseTypes())
            definitions.append(type.form);
    } else {
        for (const QString &path : arguments) {
            if (path.startsWith(u'-')) {
                err << "casedesk-server form: unknown option " << path << '\n' << usage;
                return 2;
            }
            const std::optional<forms::FormDefinition> definition = readCheckedForm(path, out, err);
            if (!definition) {
                err << "casedesk-server: nothing was deployed; fix " << path << " first\n";
                return 1;
            }
            definitions.append(*definition);
        }
    }
    const Result<AdminContext> context = AdminContext::open();
    if (!context)
        return fail(err, context.error());
    ModelRepository repository(context->db);
    int failed = 0;
    for (const forms::FormDefinition &definition : definitions) {
        const Result<Deployment> deployed = repository.deployForm(definition, context->operatorName);
        if (!deployed) {
            fail(err, deployed.error());
            ++failed;
            continue;
        }
        out << "form definition " << definition.id() << " version " << deployed->version
            << (deployed->added ? ": deployed\n" : ": deployed already with this content, nothing changed\n");
    }
    return failed == 0 ? 0 : 1;
}

int listCommand(QTextStream &out, QTextStream &err)
{
    const Result<AdminContext> context = AdminContext::open();
    if (!context)
        return fail(err, context.error());
    const Result<QList<DeployedForm>> forms = ModelRepository(context->db).forms();
    if (!forms)
        return fail(err, forms.error());
    if (forms->isEmpty())
        out << "no form definitions deployed (casedesk-server form deploy --bundled deploys the shipped ones)\n";
    for (const DeployedForm &form : forms.value()) {
        out << form.formId << "  version " << form.version << "  sha256 " << form.sha256.left(12) << "  deployed "
            << form.deployedAt.toUTC().toString(Qt::ISODate) << " by " << form.deployedBy << '\n';
    }
    return 0;
}

} // namespace

int runFormCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty()) {
        err << usage;
        return 2;
    }
    const QString &command = arguments.first();
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        out << usage;
        return 0;
    }
    if (command == QLatin1String("import") && arguments.size() == 2)
        return importCommand(arguments.at(1), out, err);
    if (command == QLatin1String("check") && arguments.size() >= 2)
        return checkCommand(arguments.mid(1), out, err);
    if (command == QLatin1String("deploy") && arguments.size() >= 2)
        return deployCommand(arguments.mid(1), out, err);
    if (command == QLatin1String("list") && arguments.size() == 1)
        return listCommand(out, err);
    err << "casedesk-server form: wrong arguments\n" << usage;
    return 2;
}

} // namespace casedesk::server
