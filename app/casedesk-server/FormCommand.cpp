#include "FormCommand.h"

#include "core/Clock.h"
#include "forms/FormDefinition.h"
#include "forms/FormValidator.h"
#include "forms/XDatenfelderImport.h"

#include <QFile>
#include <QJsonDocument>

namespace casedesk::server {

namespace {

const char usage[] =
    "usage: casedesk-server form import FILE.xml    convert an XDatenfelder 2.0/3.0 message into a form\n"
    "                                               definition (JSON on stdout, warnings on stderr)\n"
    "       casedesk-server form check FILE...      check form definitions (JSON)\n"
    "exit codes: 0 ok, 1 a file was refused or has errors, 2 usage\n";

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

int checkCommand(const QStringList &paths, QTextStream &out, QTextStream &err)
{
    int failed = 0;
    for (const QString &path : paths) {
        QByteArray bytes;
        if (!readFile(path, forms::FormDefinition::MaxBytes, &bytes, err)) {
            ++failed;
            continue;
        }
        const Result<forms::FormDefinition> definition = forms::FormDefinition::fromJsonBytes(bytes);
        if (!definition) {
            err << path << ": " << definition.error().message << '\n';
            ++failed;
            continue;
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
    }
    return failed == 0 ? 0 : 1;
}

} // namespace

int runFormCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty()) {
        err << usage;
        return 2;
    }
    const QString &command = arguments.first();
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        out << usage;
        return 0;
    }
    if (command == QLatin1String("import") && arguments.size() == 2)
        return importCommand(arguments.at(1), out, err);
    if (command == QLatin1String("check") && arguments.size() >= 2)
        return checkCommand(arguments.mid(1), out, err);
    err << "casedesk-server form: wrong arguments\n" << usage;
    return 2;
}

} // namespace casedesk::server
