#include "server/ServerDatabase.h"

#include "server/ServerConfig.h"
#include "server/ServerLog.h"
#include "server/SqlError.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <unordered_map>

namespace casedesk::server {

namespace {

std::atomic<quint64> nextKey{1};

constexpr QLatin1String preparedStatementsName("casedesk-prepared-statements");

// A connection's kept statements, a child of its driver: they end with the connection, and the driver drops
// their PostgreSQL side when it closes.
class PreparedStatements : public QObject {
public:
    explicit PreparedStatements(QSqlDriver *driver) : QObject(driver) { setObjectName(preparedStatementsName); }

    std::unordered_map<QString, QSqlQuery> queries; // a node map: handed-out queries stay where they are
};

PreparedStatements *preparedStatements(const QSqlDatabase &db)
{
    // Only this file names a child so, so the object is a PreparedStatements.
    return static_cast<PreparedStatements *>(
        db.driver()->findChild<QObject *>(preparedStatementsName, Qt::FindDirectChildrenOnly));
}

Error connectionStringError(const QString &detail)
{
    return makeError(ErrorCode::Invalid,
                     QCoreApplication::translate("Server", "The database connection string is not valid. Write it "
                                                           "as keyword=value pairs, for example \"host=/run/"
                                                           "postgresql dbname=casedesk user=casedesk\"."),
                     detail);
}

QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QLatin1String("\\\\")).replace(u'\'', QLatin1String("\\'"));
    return u'\'' + escaped + u'\'';
}

// Splits libpq's keyword/value syntax into pairs; false with a reason (that never quotes a value, which could be
// the password) on malformed input.
bool parsePairs(const QString &text, QList<std::pair<QString, QString>> *pairs, QString *problem)
{
    qsizetype i = 0;
    const qsizetype size = text.size();
    const auto skipBlanks = [&] {
        while (i < size && text.at(i).isSpace())
            ++i;
    };
    while (true) {
        skipBlanks();
        if (i == size)
            return true;
        const qsizetype keyStart = i;
        while (i < size && (text.at(i).isLetterOrNumber() || text.at(i) == u'_'))
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        skipBlanks();
        if (key.isEmpty() || i == size || text.at(i) != u'=') {
            *problem = QStringLiteral("expected keyword= at offset %1").arg(keyStart);
            return false;
        }
        ++i;
        skipBlanks();
        QString value;
        if (i < size && text.at(i) == u'\'') {
            ++i;
            bool closed = false;
            while (i < size) {
                const QChar c = text.at(i++);
                if (c == u'\'') {
                    closed = true;
                    break;
                }
                if (c == u'\\' && i < size)
                    value += text.at(i++);
                else
                    value += c;
            }
            if (!closed) {
                *problem = QStringLiteral("unterminated quote in the value of %1").arg(key);
                return false;
            }
        } else {
            while (i < size && !text.at(i).isSpace()) {
                const QChar c = text.at(i++);
                if (c == u'\\' && i < size)
                    value += text.at(i++);
                else
                    value += c;
            }
        }
        pairs->append({key, value});
    }
}

} // namespace

Result<ServerDatabase> ServerDatabase::fromConnectionString(const QString &text)
{
    QList<std::pair<QString, QString>> pairs;
    QString problem;
    if (!parsePairs(text, &pairs, &problem))
        return connectionStringError(problem);
    ServerDatabase database;
    database.m_key = nextKey++;
    for (const auto &[key, value] : pairs) {
        if (key == QLatin1String("host")) {
            database.m_host = value;
        } else if (key == QLatin1String("port")) {
            bool ok = false;
            database.m_port = value.toInt(&ok);
            if (!ok || database.m_port < 1 || database.m_port > 65535)
                return connectionStringError(QStringLiteral("port must be 1 to 65535"));
        } else if (key == QLatin1String("dbname")) {
            database.m_databaseName = value;
        } else if (key == QLatin1String("user")) {
            database.m_user = value;
        } else if (key == QLatin1String("password")) {
            database.m_password = value;
        } else {
            // The QPSQL driver turns ';' into blanks when it joins the options, so a value cannot hold one.
            if (value.contains(u';'))
                return connectionStringError(QStringLiteral("the value of %1 contains ';'").arg(key));
            database.m_options.append({key, value});
        }
    }
    if (database.m_databaseName.isEmpty())
        return connectionStringError(QStringLiteral("dbname is missing"));
    return database;
}

ServerDatabase ServerDatabase::withSetting(const QString &name, const QString &value) const
{
    Q_ASSERT(!name.contains(u' ') && !value.contains(u' ') && !value.contains(u';'));
    ServerDatabase copy = *this;
    copy.m_key = nextKey++;
    // libpq's "options" are command-line options of the session's server process.
    const QString option = QStringLiteral("-c %1=%2").arg(name, value);
    const auto given = std::find_if(copy.m_options.begin(), copy.m_options.end(),
                                    [](const auto &pair) { return pair.first == QLatin1String("options"); });
    if (given == copy.m_options.end())
        copy.m_options.append({QStringLiteral("options"), option});
    else
        given->second += u' ' + option;
    return copy;
}

Result<ServerDatabase> ServerDatabase::fromEnvironment()
{
    const Result<ServerConfig> config = ServerConfig::fromEnvironment();
    if (!config)
        return config.error();
    Result<ServerDatabase> database = fromConnectionString(config->database);
    if (!database)
        return makeError(database.error().code,
                         database.error().message + u' ' +
                             QCoreApplication::translate("Server", "(from %1)").arg(config->source),
                         database.error().detail);
    return database;
}

QString ServerDatabase::connectionName() const
{
    return QStringLiteral("casedesk-server-%1-%2")
        .arg(m_key)
        .arg(reinterpret_cast<quintptr>(QThread::currentThread()), 0, 16);
}

Result<QSqlDatabase> ServerDatabase::connection() const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase existing = QSqlDatabase::database(name, false);
        if (existing.isOpen())
            return existing;
    } else {
        QSqlDatabase created = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        created.setHostName(m_host);
        created.setPort(m_port);
        created.setDatabaseName(m_databaseName);
        created.setUserName(m_user);
        created.setPassword(m_password);
        QStringList options;
        for (const auto &[key, value] : m_options)
            options.append(key + u'=' + quoted(value));
        created.setConnectOptions(options.join(u';'));
        QThread *thread = QThread::currentThread();
        // A pool thread that ends takes its connection along; the main thread's lives until closeConnection().
        if (QCoreApplication::instance() && thread != QCoreApplication::instance()->thread()) {
            QObject::connect(
                thread, &QThread::finished, thread, [name] { QSqlDatabase::removeDatabase(name); },
                Qt::DirectConnection);
        }
    }
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (!db.isValid())
        return makeError(ErrorCode::Database,
                         QCoreApplication::translate("Server", "Qt's PostgreSQL driver (QPSQL) is not installed. "
                                                               "Install the package libqt6sql6-psql."));
    // Statements kept for a connection that closed ended with its session.
    delete preparedStatements(db);
    if (!db.open()) {
        const QString detail = db.lastError().text();
        qCWarning(lcServer) << "cannot connect to" << description() << ':' << detail;
        return makeError(ErrorCode::Database,
                         QCoreApplication::translate("Server", "Cannot connect to the database (%1). Check that "
                                                               "PostgreSQL is running and that CASEDESK_DB or the "
                                                               "config file names the right database and user.")
                             .arg(description()),
                         detail);
    }
    return db;
}

void ServerDatabase::closeConnection() const
{
    const QString name = connectionName();
    if (!QSqlDatabase::contains(name))
        return;
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
}

Result<QSqlQuery *> ServerDatabase::preparedQuery(const QSqlDatabase &db, const QString &sql)
{
    PreparedStatements *statements = preparedStatements(db);
    if (!statements)
        statements = new PreparedStatements(db.driver());
    if (const auto kept = statements->queries.find(sql); kept != statements->queries.end())
        return &kept->second;
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return databaseError(query.lastError());
    return &statements->queries.emplace(sql, std::move(query)).first->second;
}

QString ServerDatabase::description() const
{
    QStringList parts;
    if (!m_host.isEmpty())
        parts.append(QStringLiteral("host=") + m_host);
    if (m_port > 0)
        parts.append(QStringLiteral("port=") + QString::number(m_port));
    parts.append(QStringLiteral("dbname=") + m_databaseName);
    if (!m_user.isEmpty())
        parts.append(QStringLiteral("user=") + m_user);
    if (!m_password.isEmpty())
        parts.append(QStringLiteral("password=***"));
    for (const auto &[key, value] : m_options)
        parts.append(key + u'=' + (key.contains(QLatin1String("password")) ? QStringLiteral("***") : quoted(value)));
    return parts.join(u' ');
}

} // namespace casedesk::server
