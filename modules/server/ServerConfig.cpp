#include "server/ServerConfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace casedesk::server {

namespace {

const char databaseVariable[] = "CASEDESK_DB";
const char configVariable[] = "CASEDESK_CONFIG";
constexpr qint64 maxConfigSize = 64 * 1024; // a config file is a few lines; anything bigger is a wrong path

// `message` has %1 for the file's path.
Error configError(const QString &path, const QString &message, const QString &detail = {})
{
    return makeError(ErrorCode::Invalid, message.arg(path), detail);
}

} // namespace

QString ServerConfig::defaultPath()
{
    return QStringLiteral("/etc/casedesk/casedesk-server.conf");
}

Result<ServerConfig> ServerConfig::fromEnvironment()
{
    const QString database = qEnvironmentVariable(databaseVariable);
    if (!database.trimmed().isEmpty())
        return ServerConfig{database, QLatin1String(databaseVariable)};
    const QString path = qEnvironmentVariable(configVariable, defaultPath());
    if (!QFileInfo::exists(path))
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Server", "No database is configured. Set CASEDESK_DB to a "
                                                               "connection string (for example \"host=/run/postgresql "
                                                               "dbname=casedesk user=casedesk\") or write it to the "
                                                               "config file %1 (or the file named by CASEDESK_CONFIG).")
                             .arg(path));
    return fromFile(path);
}

Result<ServerConfig> ServerConfig::fromFile(const QString &path)
{
    const QFileInfo info(path);
    // Group or others may read (or replace) a file that can hold the database password: refuse it rather than
    // use a secret that is already exposed.
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (info.exists() && (info.permissions() & others))
        return configError(path, QCoreApplication::translate("Server", "The config file %1 may be read or changed "
                                                                       "by other users. Make it readable only by "
                                                                       "its owner: chmod 600 %1"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return configError(path,
                           QCoreApplication::translate("Server", "The config file %1 cannot be read. Check that it "
                                                                 "exists and belongs to the server's user."),
                           file.errorString());
    if (file.size() > maxConfigSize)
        return configError(path, QCoreApplication::translate("Server", "The config file %1 is too large. Check "
                                                                       "that CASEDESK_CONFIG names the right file."));
    ServerConfig config;
    config.source = path;
    int lineNumber = 0;
    for (const QByteArray &rawLine : file.readAll().split('\n')) {
        ++lineNumber;
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype equals = line.indexOf(u'=');
        const QString key = line.left(equals).trimmed();
        if (equals < 0 || key != QLatin1String("database"))
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Server", "Line %2 of the config file %1 is not "
                                                                   "understood. Write \"database = CONNECTION\".")
                                 .arg(path, QString::number(lineNumber)));
        config.database = line.mid(equals + 1).trimmed();
    }
    if (config.database.isEmpty())
        return configError(path, QCoreApplication::translate("Server", "The config file %1 names no database. Add "
                                                                       "a line \"database = host=... dbname=...\"."));
    return config;
}

} // namespace casedesk::server
