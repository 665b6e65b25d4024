// casedesk: the client. Wires translations and options to the start-up controller; nothing else.
// Command-line help stays English, like the options themselves.
#include "ui/DialogStartupPrompts.h"
#include "ui/StartupController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>
#include <QUrl>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("casedesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("CaseDesk"));
    QApplication::setApplicationVersion(QStringLiteral(CASEDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CaseDesk: case processing for a city administration."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption cacheOption(QStringLiteral("cache"), QStringLiteral("Local case cache file."),
                                         QStringLiteral("PATH"));
    const QCommandLineOption demoOption(QStringLiteral("demo-cases"),
                                        QStringLiteral("Fill an empty cache with N demo cases."), QStringLiteral("N"),
                                        QStringLiteral("0"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("Work as this demo user."),
                                        QStringLiteral("LOGIN"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("Language: de or en (default: from the system locale)."),
                                        QStringLiteral("LANG"));
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QStringLiteral("Work with this CaseDesk server (default: the one of the last login)."), QStringLiteral("URL"));
    parser.addOptions({cacheOption, demoOption, userOption, langOption, serverOption});
    parser.process(app);

    // German under a German locale (or --lang de), English otherwise.
    const QString lang = parser.isSet(langOption)
                             ? parser.value(langOption)
                             : (QLocale().language() == QLocale::German ? QStringLiteral("de") : QStringLiteral("en"));
    if (parser.isSet(langOption))
        QLocale::setDefault(QLocale(lang));
    QTranslator qtTranslator;
    QTranslator ownTranslator;
    if (lang == QLatin1String("de") &&
        qtTranslator.load(QStringLiteral("qtbase_de"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (ownTranslator.load(QStringLiteral(":/i18n/casedesk_%1.qm").arg(lang)))
        QApplication::installTranslator(&ownTranslator);

    casedesk::ui::StartupOptions options;
    options.cachePath = parser.value(cacheOption);
    options.demoCases = parser.value(demoOption).toLongLong();
    options.userLogin = parser.value(userOption);
    options.serverUrl = QUrl(parser.value(serverOption));
    casedesk::ui::DialogStartupPrompts prompts;
    casedesk::ui::StartupController startup(options, prompts);
    QObject::connect(&startup, &casedesk::ui::StartupController::quitRequested, &app, &QApplication::exit,
                     Qt::QueuedConnection);
    QTimer::singleShot(0, &startup, &casedesk::ui::StartupController::start);
    return QApplication::exec();
}
