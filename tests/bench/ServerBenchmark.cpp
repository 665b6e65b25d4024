#include "ServerBenchmark.h"

#include "core/Case.h"
#include "core/Command.h"
#include "core/Note.h"
#include "core/Uuid.h"
#include "server/ServerDatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

#include "HttpClient.h"
#include "LatencyStats.h"
#include "PostgresCluster.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"
#include "TestUsers.h"

namespace casedesk::bench {

using test::HttpClient;
using test::HttpReply;
using test::ServerProcess;

namespace {

constexpr double TargetPushPerSecond = 1000;
constexpr int PullPageSize = 200; // ChangeFeed's default page
constexpr int PgbenchClients = 10;
constexpr int PgbenchSeconds = 10;
constexpr int PgbenchTimeoutMs = 300000;
constexpr int ReplyTimeoutMs = 120000; // a server that hangs ends the run instead of stalling it
constexpr int CommandsPerCase = 5;     // createCase, setFields, addNote, setFields, addNote

// One logged-in installation and the server process it talks to.
struct Session {
    QByteArray authorization;
    QUuid clientId;
    QUuid userId;
    const ServerProcess *server = nullptr;
};

struct Request {
    QByteArray verb;
    QUrl url;
    QByteArray body;
};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

double seconds(const timeval &time)
{
    return double(time.tv_sec) + double(time.tv_usec) / 1e6;
}

// CPU time of this process (the clients and their network threads).
double clientCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The fields of /proc/PID/stat after the command name (which may hold spaces): [0] state, [1] ppid, ...
QList<QByteArray> statFields(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = file.readAll();
    return stat.mid(stat.lastIndexOf(')') + 2).split(' ');
}

// The children of `parent` whose program is named `program`.
QList<qint64> childrenOf(qint64 parent, const QString &program)
{
    QList<qint64> pids;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        const QList<QByteArray> fields = statFields(pid);
        if (fields.size() > 1 && fields.at(1).toLongLong() == parent &&
            QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget().endsWith(u'/' + program))
            pids.append(pid);
    }
    return pids;
}

// CPU time of the processes; with `reaped`, also of the children they have waited for (the postmaster's ended
// backends).
double cpuSeconds(const QList<qint64> &pids, bool reaped = false)
{
    const double ticks = double(sysconf(_SC_CLK_TCK));
    double total = 0;
    for (qint64 pid : pids) {
        const QList<QByteArray> fields = statFields(pid);
        if (fields.size() <= 14)
            continue;
        // utime, stime, cutime, cstime: fields 14 to 17 of the whole line
        qint64 used = fields.at(11).toLongLong() + fields.at(12).toLongLong();
        if (reaped)
            used += fields.at(13).toLongLong() + fields.at(14).toLongLong();
        total += double(used) / ticks;
    }
    return total;
}

// The cluster's processes: the postmaster and its backends and workers.
double postgresCpuSeconds(qint64 postmaster)
{
    return cpuSeconds({postmaster}, true) + cpuSeconds(childrenOf(postmaster, QStringLiteral("postgres")));
}

// The peak resident set of a process (VmHWM), in MiB.
double peakRssMb(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    static const QRegularExpression hwm(QStringLiteral("VmHWM:\\s+(\\d+) kB"));
    const QRegularExpressionMatch match = hwm.match(QString::fromLatin1(file.readAll()));
    return match.hasMatch() ? match.captured(1).toDouble() / 1024.0 : 0;
}

Result<Session> login(HttpClient &http, const ServerProcess &server, const QString &login)
{
    Session session;
    session.clientId = createUuidV7();
    session.server = &server;
    const HttpReply reply = http.post(server.url(QStringLiteral("/api/v1/auth/login")),
                                      compact({{QStringLiteral("login"), login},
                                               {QStringLiteral("password"), test::TestUsers::password()},
                                               {QStringLiteral("clientId"), uuidToString(session.clientId)}}));
    if (reply.status != 200)
        return makeError(ErrorCode::Invalid, QStringLiteral("login of %1 failed: HTTP %2 %3")
                                                 .arg(login)
                                                 .arg(reply.status)
                                                 .arg(reply.networkError + QString::fromUtf8(reply.body)));
    session.authorization =
        QByteArrayLiteral("Bearer ") + reply.json.value(QStringLiteral("accessToken")).toString().toLatin1();
    session.userId = uuidFromString(reply.json.value(QStringLiteral("userId")).toString());
    return session;
}

QJsonObject fieldEdit(const QJsonValue &oldValue, const QJsonValue &newValue)
{
    return {{QStringLiteral("old"), oldValue}, {QStringLiteral("new"), newValue}};
}

// One installation's commands, made before the clock starts: per case createCase, setFields, addNote, setFields
// (expecting the first edit's value, so every command applies), addNote; cut into push bodies of `batch`.
QList<QByteArray> pushBodies(const Session &session, const QUuid &teamId, int commands, int batch)
{
    QList<QByteArray> bodies;
    QJsonArray pending;
    QUuid caseId;
    for (int i = 0; i < commands; ++i) {
        Command command;
        command.id = createUuidV7();
        command.clientId = session.clientId;
        command.clientSeq = i + 1;
        command.madeAt = QDateTime::currentDateTimeUtc();
        const int step = i % CommandsPerCase;
        if (step == 0) {
            caseId = createUuidV7();
            Case theCase;
            theCase.id = caseId;
            theCase.caseType = QStringLiteral("bewohnerparken");
            theCase.title = QStringLiteral("Bewohnerparkausweis %1").arg(i / CommandsPerCase + 1);
            theCase.applicant.givenName = QStringLiteral("Erika");
            theCase.applicant.familyName = QStringLiteral("Mustermann");
            theCase.teamId = teamId;
            command.name = CommandName::CreateCase;
            command.args = {{QStringLiteral("case"), theCase.toJson()}};
        } else if (step == 1 || step == 3) {
            const QJsonValue before = step == 1 ? QJsonValue(QJsonValue::Null) : QStringLiteral("Pflegedienst");
            const QString after = step == 1 ? QStringLiteral("Pflegedienst") : QStringLiteral("Schichtdienst");
            command.name = CommandName::SetFields;
            command.args = {{QStringLiteral("fields"),
                             QJsonObject{{QStringLiteral("secondVehicleReason"), fieldEdit(before, after)}}}};
        } else {
            const Note note{createUuidV7(), caseId, session.userId, command.madeAt,
                            QStringLiteral("Antrag geprüft, Unterlagen vollständig (%1)").arg(step)};
            command.name = CommandName::AddNote;
            command.args = {{QStringLiteral("note"), note.toJson()}};
        }
        command.caseId = caseId;
        pending.append(command.toJson());
        if (pending.size() == batch || i + 1 == commands) {
            bodies.append(compact(
                {{QStringLiteral("clientId"), uuidToString(session.clientId)}, {QStringLiteral("commands"), pending}}));
            pending = {};
        }
    }
    return bodies;
}

using NextRequest = std::function<std::optional<Request>(int client)>;
// Sees one answer; an empty string, or what was wrong with it (which ends the run).
using Answer = std::function<QString(int client, int status, const QByteArray &body, double ms)>;

// Virtual clients on this thread, each on a connection of its own (a QNetworkAccessManager opens at most six per
// server) and sending its next request once the last is answered, until `next` has no more for any of them.
// The wall time in seconds, or the first problem.
Result<double> runClients(const QList<Session> &sessions, const NextRequest &next, const Answer &answer)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    QEventLoop loop;
    qsizetype running = sessions.size();
    QString problem;
    std::function<void(int)> send = [&](int client) {
        const std::optional<Request> request = problem.isEmpty() ? next(client) : std::nullopt;
        if (!request) {
            if (--running == 0)
                loop.quit();
            return;
        }
        QNetworkRequest networkRequest(request->url);
        networkRequest.setTransferTimeout(ReplyTimeoutMs);
        networkRequest.setRawHeader(QByteArrayLiteral("Authorization"), sessions.at(client).authorization);
        if (!request->body.isEmpty())
            networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply =
            managers.at(size_t(client))->sendCustomRequest(networkRequest, request->verb, request->body);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, client, reply, timer] {
            reply->deleteLater();
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QString wrong = status == 0 ? QStringLiteral("no answer: ") + reply->errorString()
                                              : answer(client, status, reply->readAll(), ms);
            if (!wrong.isEmpty() && problem.isEmpty())
                problem = wrong;
            send(client);
        });
    };
    for (qsizetype i = 0; i < sessions.size(); ++i)
        managers.push_back(std::make_unique<QNetworkAccessManager>());
    QElapsedTimer wall;
    wall.start();
    for (int client = 0; client < int(sessions.size()); ++client)
        send(client);
    if (running > 0)
        loop.exec();
    const double elapsed = double(wall.nsecsElapsed()) / 1e9;
    if (!problem.isEmpty())
        return makeError(ErrorCode::Invalid, problem);
    return elapsed;
}

QString httpProblem(int status, const QByteArray &body)
{
    return QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body.left(500)));
}

// CPU time used during a phase, in seconds.
struct CpuUse {
    double client = 0; // this process
    double servers = 0;
    double postgres = 0;

    static CpuUse now(const QList<qint64> &serverPids, qint64 postmaster)
    {
        return {clientCpuSeconds(), cpuSeconds(serverPids), postgresCpuSeconds(postmaster)};
    }
    CpuUse since(const CpuUse &start) const
    {
        return {client - start.client, servers - start.servers, postgres - start.postgres};
    }
    QJsonObject toJson(double wallSeconds) const
    {
        return {{QStringLiteral("client_cpu_s"), client},
                {QStringLiteral("client_cpu_share"), client / wallSeconds},
                {QStringLiteral("servers_cpu_s"), servers},
                {QStringLiteral("postgres_cpu_s"), postgres}};
    }
};

struct PushFigures {
    double seconds = 0;
    qint64 applied = 0;
    LatencyStats latency;
    CpuUse cpu;
};

Result<PushFigures> runPush(const QList<Session> &sessions, const QUuid &teamId, const ServerBenchmarkOptions &options,
                            const QList<qint64> &pids, qint64 postmaster)
{
    QList<QList<QByteArray>> bodies;
    QList<qsizetype> sent(sessions.size(), 0);
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        // The remainder of an uneven split goes to the first clients.
        const int commands = options.commands / int(sessions.size()) + (i < options.commands % sessions.size());
        bodies.append(pushBodies(sessions.at(i), teamId, commands, options.batch));
    }
    PushFigures figures;
    QString rejection;
    const auto next = [&](int client) -> std::optional<Request> {
        if (sent[client] == bodies.at(client).size())
            return std::nullopt;
        return Request{QByteArrayLiteral("POST"), sessions.at(client).server->url(QStringLiteral("/api/v1/sync/push")),
                       bodies.at(client).at(sent[client]++)};
    };
    const auto answer = [&](int, int status, const QByteArray &body, double ms) -> QString {
        if (status != 200)
            return httpProblem(status, body);
        figures.latency.add(ms);
        for (const QJsonValue &result :
             QJsonDocument::fromJson(body).object().value(QStringLiteral("results")).toArray()) {
            if (result[QStringLiteral("result")].toString() == QLatin1String("applied"))
                ++figures.applied;
            else if (rejection.isEmpty())
                rejection = QString::fromUtf8(compact(result.toObject()));
        }
        return {};
    };
    const CpuUse before = CpuUse::now(pids, postmaster);
    const Result<double> elapsed = runClients(sessions, next, answer);
    if (!elapsed)
        return elapsed.error();
    figures.seconds = elapsed.value();
    figures.cpu = CpuUse::now(pids, postmaster).since(before);
    if (figures.applied != options.commands)
        return makeError(ErrorCode::Invalid, QStringLiteral("%1 of %2 commands applied; the first other result: %3")
                                                 .arg(figures.applied)
                                                 .arg(options.commands)
                                                 .arg(rejection));
    return figures;
}

struct PullFigures {
    double seconds = 0;
    qint64 requests = 0;
    qint64 cases = 0;
    qint64 passes = 0; // pulls from the start to the end of the feed
    LatencyStats latency;
    CpuUse cpu;
};

// Each client pulls the feed from its start page by page and begins again at the end, until the time is up.
Result<PullFigures> runPull(const QList<Session> &sessions, int durationSeconds, const QList<qint64> &pids,
                            qint64 postmaster)
{
    PullFigures figures;
    QStringList cursors(sessions.size()); // empty: from the start
    QElapsedTimer clock;
    const auto next = [&](int client) -> std::optional<Request> {
        if (clock.hasExpired(qint64(durationSeconds) * 1000))
            return std::nullopt;
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QString::number(PullPageSize));
        if (!cursors.at(client).isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursors.at(client));
        QUrl url = sessions.at(client).server->url(QStringLiteral("/api/v1/sync/pull"));
        url.setQuery(query);
        return Request{QByteArrayLiteral("GET"), url, {}};
    };
    const auto answer = [&](int client, int status, const QByteArray &body, double ms) -> QString {
        if (status != 200)
            return httpProblem(status, body);
        ++figures.requests;
        figures.latency.add(ms);
        // The whole page is parsed, as a client applying it would.
        const QJsonObject page = QJsonDocument::fromJson(body).object();
        figures.cases += page.value(QStringLiteral("cases")).toArray().size();
        if (page.value(QStringLiteral("more")).toBool()) {
            cursors[client] = page.value(QStringLiteral("cursor")).toString();
        } else {
            cursors[client].clear();
            ++figures.passes;
        }
        return {};
    };
    const CpuUse before = CpuUse::now(pids, postmaster);
    clock.start();
    const Result<double> elapsed = runClients(sessions, next, answer);
    if (!elapsed)
        return elapsed.error();
    figures.seconds = elapsed.value();
    figures.cpu = CpuUse::now(pids, postmaster).since(before);
    return figures;
}

QString runProgram(const QString &program, const QStringList &arguments, QByteArray *output)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(PgbenchTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return QStringLiteral("%1 did not finish: %2").arg(program, process.errorString());
    }
    *output = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("%1 %2 failed: %3")
            .arg(program, arguments.join(u' '), QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
    return {};
}

// pgbench's built-in select-only script (-S) on a database of its own: what the cluster answers at best.
Result<double> pgbenchSelectTps(const QString &socketDirectory, const QString &database)
{
    QString pgbench = QStandardPaths::findExecutable(QStringLiteral("pgbench"));
    if (pgbench.isEmpty())
        pgbench =
            QStandardPaths::findExecutable(QStringLiteral("pgbench"), {QStringLiteral("/usr/lib/postgresql/15/bin")});
    if (pgbench.isEmpty())
        return makeError(ErrorCode::Io, QStringLiteral("pgbench not found: install postgresql-client-15"));
    const QStringList connection{QStringLiteral("-h"), socketDirectory, QStringLiteral("-U"),
                                 QStringLiteral("casedesk")};
    QByteArray output;
    if (const QString failed = runProgram(
            pgbench, connection + QStringList{QStringLiteral("-i"), QStringLiteral("-q"), database}, &output);
        !failed.isEmpty())
        return makeError(ErrorCode::Io, failed);
    if (const QString failed = runProgram(
            pgbench,
            connection + QStringList{QStringLiteral("-S"), QStringLiteral("-c"), QString::number(PgbenchClients),
                                     QStringLiteral("-T"), QString::number(PgbenchSeconds), database},
            &output);
        !failed.isEmpty())
        return makeError(ErrorCode::Io, failed);
    static const QRegularExpression tps(QStringLiteral("tps = ([0-9.]+) \\(without initial connection time\\)"));
    const QRegularExpressionMatch match = tps.match(QString::fromLocal8Bit(output));
    if (!match.hasMatch())
        return makeError(ErrorCode::Invalid,
                         QStringLiteral("no tps in pgbench's output: ") + QString::fromLocal8Bit(output));
    return match.captured(1).toDouble();
}

Result<QUuid> teamId(const QString &connectionString)
{
    const Result<server::ServerDatabase> database = server::ServerDatabase::fromConnectionString(connectionString);
    if (!database)
        return database.error();
    QUuid id;
    {
        const Result<QSqlDatabase> db = database->connection();
        if (!db)
            return db.error();
        QSqlQuery query(db.value());
        if (query.exec(QStringLiteral("SELECT id::text FROM teams WHERE code = '32.1'")) && query.next())
            id = uuidFromString(query.value(0).toString());
    }
    database->closeConnection();
    if (id.isNull())
        return makeError(ErrorCode::NotFound, QStringLiteral("the benchmark's team 32.1 is missing"));
    return id;
}

QJsonObject failure(const QString &problem)
{
    return {{QStringLiteral("benchmark"), QStringLiteral("server")}, {QStringLiteral("error"), problem}};
}

} // namespace

QJsonObject runServerBenchmark(const ServerBenchmarkOptions &options)
{
    // Declared in this order, destroyed in reverse: servers stop before their database, the cluster goes last.
    PostgresCluster cluster;
    if (const QString failed = cluster.start(); !failed.isEmpty())
        return failure(failed);
    qputenv("CASEDESK_TEST_PG_DIR", QFile::encodeName(cluster.socketDirectory()));
    const test::PostgresTestDatabase database;
    const test::PostgresTestDatabase pgbenchDatabase;
    if (!database.isValid() || !pgbenchDatabase.isValid())
        return failure(database.isValid() ? pgbenchDatabase.errorString() : database.errorString());

    QStringList logins;
    for (int i = 1; i <= options.clients; ++i)
        logins.append(QStringLiteral("bench%1").arg(i, 2, 10, QLatin1Char('0')));
    if (const QString failed = test::TestUsers(database.connectionString()).setUp(logins); !failed.isEmpty())
        return failure(failed);
    const Result<QUuid> team = teamId(database.connectionString());
    if (!team)
        return failure(team.error().toString());

    std::vector<std::unique_ptr<ServerProcess>> servers;
    for (int i = 0; i < options.servers; ++i) {
        servers.push_back(std::make_unique<ServerProcess>(database.connectionString()));
        if (!servers.back()->start())
            return failure(QStringLiteral("casedesk-server did not start: ") + servers.back()->errorString());
    }
    const QList<qint64> pids = childrenOf(getpid(), QStringLiteral("casedesk-server"));
    const qint64 postmaster = cluster.postmasterPid();
    cluster.terminateOnSignal(pids);

    // Logins are not measured: Argon2id costs a login about 0.1 s of CPU on purpose.
    HttpClient http;
    QList<Session> pushers;
    for (int i = 0; i < options.clients; ++i) {
        const Result<Session> session = login(http, *servers.at(size_t(i % options.servers)), logins.at(i));
        if (!session)
            return failure(session.error().toString());
        pushers.append(session.value());
    }
    const Result<PushFigures> push = runPush(pushers, team.value(), options, pids, postmaster);
    if (!push)
        return failure(push.error().toString());

    // Other installations of the same users: a pull of a fresh clientId carries no command results.
    QList<Session> pullers;
    for (int i = 0; i < options.pullClients; ++i) {
        const Result<Session> session =
            login(http, *servers.at(size_t(i % options.servers)), logins.at(i % logins.size()));
        if (!session)
            return failure(session.error().toString());
        pullers.append(session.value());
    }
    const Result<PullFigures> pull = runPull(pullers, options.pullSeconds, pids, postmaster);
    if (!pull)
        return failure(pull.error().toString());

    // With the servers idle, so that pgbench has the machine to itself.
    const Result<double> selectTps = pgbenchSelectTps(database.socketDirectory(), pgbenchDatabase.name());
    if (!selectTps)
        return failure(selectTps.error().toString());

    QJsonArray rssPerServer;
    double maxRss = 0;
    for (qint64 pid : pids) {
        rssPerServer.append(peakRssMb(pid));
        maxRss = std::max(maxRss, peakRssMb(pid));
    }
    for (const std::unique_ptr<ServerProcess> &server : servers) {
        if (server->stop() != 0)
            return failure(QStringLiteral("casedesk-server did not stop cleanly: ") + server->standardError());
    }

    const double pushPerSecond = double(push->applied) / push->seconds;
    return QJsonObject{
        {QStringLiteral("benchmark"), QStringLiteral("server")},
        {QStringLiteral("server_processes"), options.servers},
        {QStringLiteral("push_clients"), options.clients},
        {QStringLiteral("push_commands"), double(push->applied)},
        {QStringLiteral("push_batch"), options.batch},
        {QStringLiteral("push_s"), push->seconds},
        {QStringLiteral("push_per_s"), pushPerSecond},
        {QStringLiteral("push_request"), push->latency.toJson()},
        {QStringLiteral("push_cpu"), push->cpu.toJson(push->seconds)},
        {QStringLiteral("pull_clients"), options.pullClients},
        {QStringLiteral("pull_page_size"), PullPageSize},
        {QStringLiteral("pull_s"), pull->seconds},
        {QStringLiteral("pull_requests"), double(pull->requests)},
        {QStringLiteral("pull_rps_50_clients"), double(pull->requests) / pull->seconds},
        {QStringLiteral("pull_cases_per_s"), double(pull->cases) / pull->seconds},
        {QStringLiteral("pull_full_passes"), double(pull->passes)},
        {QStringLiteral("pull_p50_ms"), pull->latency.percentile(50)},
        {QStringLiteral("pull_p95_ms"), pull->latency.percentile(95)},
        {QStringLiteral("pull_cpu"), pull->cpu.toJson(pull->seconds)},
        {QStringLiteral("pgbench_select_tps"), selectTps.value()},
        {QStringLiteral("pgbench"),
         QStringLiteral("pgbench -S -c %1 -T %2, scale 1").arg(PgbenchClients).arg(PgbenchSeconds)},
        {QStringLiteral("server_rss_mb"), maxRss},
        {QStringLiteral("server_rss_mb_each"), rssPerServer},
        {QStringLiteral("target_push_per_s"), TargetPushPerSecond},
    };
}

} // namespace casedesk::bench
