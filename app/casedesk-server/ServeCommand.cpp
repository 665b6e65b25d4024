#include "ServeCommand.h"

#include "core/Clock.h"
#include "server/AuditCheckpoint.h"
#include "server/AuthApi.h"
#include "server/BlobApi.h"
#include "server/BlobStore.h"
#include "server/CaseLookupApi.h"
#include "server/HttpApiServer.h"
#include "server/IntakeApi.h"
#include "server/LiveChannel.h"
#include "server/PullApi.h"
#include "server/PushApi.h"
#include "server/ReferenceApi.h"
#include "server/SchemaMigrations.h"
#include "server/ServerDatabase.h"
#include "server/ServerLog.h"
#include "server/TimerService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace casedesk::server {

namespace {

const char serveHelp[] =
    "usage: casedesk-server serve --listen HOST:PORT [--tls-cert FILE --tls-key FILE]\n"
    "                             [--trusted-proxy ADDR...] [options]\n"
    "\n"
    "Serves the HTTP API until SIGTERM or SIGINT. HOST is an IP address or localhost (IPv6 in\n"
    "brackets: [::1]:8443); PORT 0 lets the system choose. Once listening it prints one line\n"
    "\"listening on HOST:PORT\". Any address other than loopback needs TLS.\n"
    "\n"
    "  --tls-cert FILE              the server's certificate (chain), PEM\n"
    "  --tls-key FILE               its private key, PEM, unencrypted (keep it readable only by the server)\n"
    "  --trusted-proxy ADDR         a reverse proxy (address or network like 10.0.0.0/8) whose\n"
    "                               X-Forwarded-For header names the client; may be repeated\n"
    "  --threads N                  concurrent requests and database connections (default 8)\n"
    "  --access-token-lifetime S    seconds an access token is valid (default 600)\n"
    "  --session-lifetime S         seconds a login lasts at most (default 1209600, 14 days)\n"
    "  --account-failure-limit N    failed logins of one account before it is slowed down (default 5)\n"
    "  --address-failure-limit N    failed logins from one address before it is slowed down (default 20)\n"
    "  --login-block-seconds S      the first block after too many failed logins; each further failure\n"
    "                               doubles it, up to 15 minutes (1 to 900, default 1)\n"
    "  --max-blob-mib N             largest document upload in MiB (default 100)\n"
    "  --timer-interval S           seconds between looks for due workflow timers (deadlines,\n"
    "                               reminders); a timer fires at most this late (1 to 3600, default 30)\n"
    "  --checkpoint-interval S      seconds between global audit checkpoints: one per interval however\n"
    "                               many processes run, each hash in the log (1 to 86400, default 300)\n"
    "  --upload-expiry H            hours after which an unfinished upload, or a finished one that no\n"
    "                               document refers to, is deleted with its bytes; checked hourly\n"
    "                               (1 to 8760, default 24)\n"
    "\n"
    "The database comes from CASEDESK_DB or the config file (see casedesk-server migrate --help);\n"
    "it must be migrated to this version. In production put nginx in front (see the README).\n";

int socketPair[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe calls here; the event loop reads the byte and quits.
    [[maybe_unused]] const ssize_t written = ::write(socketPair[0], &byte, 1);
}

bool installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, socketPair) != 0)
        return false;
    auto *notifier = new QSocketNotifier(socketPair[1], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [notifier] {
        notifier->setEnabled(false);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

// "127.0.0.1:8443", "[::1]:0", "localhost:8080"; false with the problem.
bool parseListen(const QString &text, QHostAddress *address, quint16 *port, QString *problem)
{
    const qsizetype colon = text.lastIndexOf(u':');
    QString host = text.left(colon);
    bool portOk = false;
    const uint number = text.mid(colon + 1).toUInt(&portOk);
    if (colon < 1 || !portOk || number > 65535) {
        *problem = QStringLiteral("--listen needs HOST:PORT with a port from 0 to 65535");
        return false;
    }
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        *address = QHostAddress(QHostAddress::LocalHost);
    else if (!address->setAddress(host)) {
        *problem = QStringLiteral("--listen needs an IP address or localhost as HOST, not '%1'").arg(host);
        return false;
    }
    *port = quint16(number);
    return true;
}

bool positiveNumber(const QCommandLineParser &parser, const QString &name, int *value, QString *problem)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    *value = parser.value(name).toInt(&ok);
    if (!ok || *value < 1) {
        *problem = QStringLiteral("--%1 needs a whole number of at least 1").arg(name);
        return false;
    }
    return true;
}

bool numberInRange(const QCommandLineParser &parser, const QString &name, int minimum, int maximum, int *value,
                   QString *problem)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int number = parser.value(name).toInt(&ok);
    if (!ok || number < minimum || number > maximum) {
        *problem = QStringLiteral("--%1 needs a whole number from %2 to %3").arg(name).arg(minimum).arg(maximum);
        return false;
    }
    *value = number;
    return true;
}

// The periodic work besides the API: how often, and how old an abandoned upload may get.
struct Housekeeping {
    int timerSeconds = int(TimerService::DefaultInterval.count());
    int checkpointSeconds = int(AuditCheckpoint::DefaultInterval.count());
    int uploadExpiryHours = 24;
};

bool parseHousekeeping(const QCommandLineParser &parser, Housekeeping *housekeeping, QString *problem)
{
    // Timers fire at most an interval late, so it stays within an hour; checkpoints at least daily; an expiry
    // in hours up to a year.
    return numberInRange(parser, QStringLiteral("timer-interval"), 1, 3600, &housekeeping->timerSeconds, problem) &&
           numberInRange(parser, QStringLiteral("checkpoint-interval"), 1, 86400, &housekeeping->checkpointSeconds,
                         problem) &&
           numberInRange(parser, QStringLiteral("upload-expiry"), 1, 8760, &housekeeping->uploadExpiryHours, problem);
}

// Deletes abandoned uploads and unattached blobs now and then every hour, on the calling thread's connection.
// Every process does it: the deletion is idempotent and skips what another process holds.
void startUploadCleanup(const ServerDatabase &database, int expiryHours, QObject *owner)
{
    const auto clean = [database, expiryHours] {
        const Result<QSqlDatabase> connection = database.connection();
        const Result<BlobCleanup> removed =
            connection ? BlobStore(connection.value())
                             .removeAbandoned(Clock::current().now().addSecs(-qint64(expiryHours) * 3600))
                       : Result<BlobCleanup>(connection.error());
        if (!removed)
            qCWarning(lcServer).noquote()
                << "removing abandoned uploads failed, trying again in an hour:" << removed.error().toString();
        else if (removed->uploads > 0 || removed->blobs > 0)
            qCInfo(lcServer).noquote() << "removed" << removed->uploads << "abandoned uploads and" << removed->blobs
                                       << "blobs no document refers to";
    };
    auto *timer = new QTimer(owner);
    QObject::connect(timer, &QTimer::timeout, owner, clean);
    timer->start(std::chrono::hours(1));
    QTimer::singleShot(0, owner, clean);
}

// The database is reachable and at this build's schema version.
Result<void> checkSchema(const ServerDatabase &database)
{
    const Result<QSqlDatabase> connection = database.connection();
    if (!connection)
        return connection.error();
    return SchemaMigrations().checkCurrent(connection.value());
}

int usageError(QTextStream &err, const QString &problem)
{
    err << "casedesk-server: " << problem << "\n\n" << serveHelp;
    return 2;
}

int failure(QTextStream &err, const Error &error)
{
    err << "casedesk-server: " << error.toString() << '\n';
    return 1;
}

} // namespace

int runServeCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        out << serveHelp;
        return 0;
    }
    const auto option = [](const char *name) {
        return QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value"));
    };
    QCommandLineParser parser;
    parser.addOptions({option("listen"), option("tls-cert"), option("tls-key"), option("trusted-proxy"),
                       option("threads"), option("access-token-lifetime"), option("session-lifetime"),
                       option("account-failure-limit"), option("address-failure-limit"), option("login-block-seconds"),
                       option("max-blob-mib"), option("timer-interval"), option("checkpoint-interval"),
                       option("upload-expiry")});
    if (!parser.parse(QStringList{QStringLiteral("casedesk-server")} + arguments))
        return usageError(err, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(err, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (!parser.isSet(QStringLiteral("listen")))
        return usageError(err, QStringLiteral("--listen HOST:PORT is required"));

    QHostAddress address;
    quint16 port = 0;
    QString problem;
    if (!parseListen(parser.value(QStringLiteral("listen")), &address, &port, &problem))
        return usageError(err, problem);
    const bool tls = parser.isSet(QStringLiteral("tls-cert")) || parser.isSet(QStringLiteral("tls-key"));
    if (tls && !(parser.isSet(QStringLiteral("tls-cert")) && parser.isSet(QStringLiteral("tls-key"))))
        return usageError(err, QStringLiteral("--tls-cert and --tls-key go together"));
    if (!tls && !address.isLoopback()) {
        err << "casedesk-server: refusing to serve on " << address.toString()
            << " without TLS: passwords and tokens would cross the network in clear text. Give --tls-cert and "
               "--tls-key, or listen on 127.0.0.1 behind a TLS proxy.\n";
        return 2;
    }

    HttpApiOptions options;
    QStringList proxies;
    for (const QString &value : parser.values(QStringLiteral("trusted-proxy")))
        proxies += value.split(u',', Qt::SkipEmptyParts);
    const Result<TrustedProxies> trusted = TrustedProxies::parse(proxies);
    if (!trusted)
        return usageError(err, trusted.error().message);
    options.trustedProxies = trusted.value();
    if (!positiveNumber(parser, QStringLiteral("threads"), &options.threads, &problem) ||
        !positiveNumber(parser, QStringLiteral("access-token-lifetime"), &options.lifetimes.accessSeconds, &problem) ||
        !positiveNumber(parser, QStringLiteral("session-lifetime"), &options.lifetimes.sessionSeconds, &problem) ||
        !positiveNumber(parser, QStringLiteral("account-failure-limit"), &options.throttle.accountFailureLimit,
                        &problem) ||
        !positiveNumber(parser, QStringLiteral("address-failure-limit"), &options.throttle.addressFailureLimit,
                        &problem) ||
        !positiveNumber(parser, QStringLiteral("login-block-seconds"), &options.throttle.baseDelaySeconds, &problem))
        return usageError(err, problem);
    if (options.throttle.baseDelaySeconds > options.throttle.maxDelaySeconds)
        return usageError(
            err, QStringLiteral("--login-block-seconds must be at most %1").arg(options.throttle.maxDelaySeconds));
    BlobLimits blobLimits;
    int maxBlobMib = int(blobLimits.maxBlobSize / (1024 * 1024));
    if (!positiveNumber(parser, QStringLiteral("max-blob-mib"), &maxBlobMib, &problem))
        return usageError(err, problem);
    blobLimits.maxBlobSize = qint64(maxBlobMib) * 1024 * 1024;
    Housekeeping housekeeping;
    if (!parseHousekeeping(parser, &housekeeping, &problem))
        return usageError(err, problem);

    const Result<ServerDatabase> database = ServerDatabase::fromEnvironment();
    if (!database)
        return failure(err, database.error());
    const Result<void> current = checkSchema(database.value());
    database->closeConnection(); // the pool's threads open their own
    if (!current)
        return failure(err, current.error());

    HttpApiServer server(database.value(), options);
    AuthApi::addRoutes(server);
    BlobApi::addRoutes(server, blobLimits);
    LiveChannel live(database.value(), options.lifetimes, PullApi::addRoutes(server, database.value()));
    live.attach(server.httpServer());
    PushApi::addRoutes(server);
    IntakeApi::addRoutes(server);
    ReferenceApi::addRoutes(server);
    CaseLookupApi::addRoutes(server);
    TimerService timers(database.value()); // fires due workflow timers in every process, each once
    timers.start(std::chrono::seconds(housekeeping.timerSeconds));
    AuditCheckpoint checkpoints(database.value()); // in every process, one per interval across them
    checkpoints.start(std::chrono::seconds(housekeeping.checkpointSeconds));
    QObject housekeepingOwner; // the upload cleanup's timer and its runs end with serve
    startUploadCleanup(database.value(), housekeeping.uploadExpiryHours, &housekeepingOwner);
    if (tls) {
        const Result<void> configured =
            server.setTls(parser.value(QStringLiteral("tls-cert")), parser.value(QStringLiteral("tls-key")));
        if (!configured)
            return failure(err, configured.error());
    }
    const Result<quint16> listening = server.listen(address, port);
    if (!listening)
        return failure(err, listening.error());
    if (!installSignalHandlers())
        return failure(err, makeError(ErrorCode::Internal, QStringLiteral("cannot install the signal handlers")));
    const QString host =
        address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']' : address.toString();
    out << "listening on " << host << ':' << listening.value() << Qt::endl;
    QCoreApplication::exec();
    server.stop();
    return 0;
}

} // namespace casedesk::server
