#include "SyncBenchmark.h"

#include "core/Note.h"
#include "core/Uuid.h"
#include "server/DemoImport.h"
#include "server/ServerDatabase.h"
#include "storage/CacheDatabase.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"
#include "storage/SyncStore.h"
#include "storage/WalCheckpointer.h"
#include "sync/LiveListener.h"
#include "sync/QtRetryTimer.h"
#include "sync/ServerApi.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <functional>
#include <memory>

#include "InMemoryTokenStore.h"
#include "LatencyStats.h"
#include "PostgresCluster.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"

namespace casedesk::bench {

namespace {

constexpr int SyncTimeoutMs = 30 * 60 * 1000; // a run that takes longer is a failure, not a figure
constexpr int PropagationTimeoutMs = 10000;
const QString auditorLogin = QStringLiteral("w.richter");    // reads every demo team's cases
const QString teamLeadLogin = QStringLiteral("s.haeussler"); // team lead of 32.1
const QString clerkLogins[] = {QStringLiteral("a.mueller"), QStringLiteral("e.oeztuerk")}; // clerks of 32.1

QJsonObject failure(const QString &problem)
{
    return {{QStringLiteral("benchmark"), QStringLiteral("sync")}, {QStringLiteral("error"), problem}};
}

// Runs this build's casedesk-server with `arguments` on the database: empty, or what went wrong.
QString runAdmin(const QString &connectionString, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CASEDESK_DB"), connectionString);
    process.setProcessEnvironment(environment);
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/casedesk-server"), arguments);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("casedesk-server %1 failed: %2")
            .arg(arguments.join(u' '), QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
    return {};
}

// This process's resident set now (VmRSS), in MiB: the client is this process.
double residentMb()
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    static const QRegularExpression rss(QStringLiteral("VmRSS:\\s+(\\d+) kB"));
    const QRegularExpressionMatch match = rss.match(QString::fromLatin1(file.readAll()));
    return match.hasMatch() ? match.captured(1).toDouble() / 1024.0 : 0;
}

// Handles events until `done` holds; false when `timeoutMs` passed first.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

// One client installation: an encrypted cache of its own, its session and engine, logged in to the server.
class Client {
public:
    bool start(const QUrl &serverUrl, const QString &login, QString *problem)
    {
        QByteArray key(storage::CacheDatabase::KeySize, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
        auto opened = storage::CacheDatabase::open(m_dir.filePath(QStringLiteral("cache.db")), key);
        if (!opened) {
            *problem = opened.error().toString();
            return false;
        }
        m_cache = std::move(opened).value();
        const Result<QUuid> clientId = storage::SyncStore(*m_cache).clientId();
        if (!clientId) {
            *problem = clientId.error().toString();
            return false;
        }
        m_api = std::make_unique<sync::ServerApi>(serverUrl, m_tokens);
        std::optional<sync::ApiResponse> answer;
        m_api->login(login, server::DemoImport::password(), *clientId,
                     [&answer](const sync::ApiResponse &response) { answer = response; });
        if (!waitFor([&] { return answer.has_value(); }, 60000) || !answer->ok()) {
            *problem =
                QStringLiteral("login of %1: %2").arg(login, answer ? answer->describe() : QStringLiteral("none"));
            return false;
        }
        m_userId = m_tokens.tokens()->userId;
        m_engine = std::make_unique<sync::SyncEngine>(*m_api, *m_cache, m_retry);
        QObject::connect(m_engine.get(), &sync::SyncEngine::synced, m_engine.get(), [this] { ++m_runs; });
        return true;
    }

    // Starts a run and waits until one completes with nothing pending.
    bool sync(QString *problem)
    {
        const int before = m_runs;
        m_engine->syncNow();
        const bool done = waitFor(
            [&] {
                const auto state = m_engine->state();
                return (m_runs > before && state == sync::SyncEngine::State::Idle) ||
                       state == sync::SyncEngine::State::Failed || state == sync::SyncEngine::State::NeedsLogin;
            },
            SyncTimeoutMs);
        if (!done || m_engine->state() != sync::SyncEngine::State::Idle) {
            *problem = QStringLiteral("sync did not complete: ") + m_engine->lastError().toString();
            return false;
        }
        return true;
    }

    // Listens to the live channel: each "cursor moved" starts a run.
    bool listen(QString *problem)
    {
        m_listener = std::make_unique<sync::LiveListener>(*m_api, m_tokens, m_listenerRetry);
        QObject::connect(m_listener.get(), &sync::LiveListener::cursorMoved, m_engine.get(),
                         &sync::SyncEngine::syncNow);
        m_listener->start();
        if (!waitFor([&] { return m_listener->isListening(); }, 30000)) {
            *problem = QStringLiteral("the live channel did not accept the client");
            return false;
        }
        return true;
    }

    Result<Command> submit(CommandName name, const QUuid &caseId, const QJsonObject &args)
    {
        return storage::Outbox(*m_cache).submit(name, caseId, args, m_userId);
    }
    std::optional<Case> confirmed(const QUuid &id)
    {
        auto found = storage::CaseRepository(*m_cache).confirmedCase(id);
        return found ? *found : std::nullopt;
    }
    std::optional<Case> visible(const QUuid &id)
    {
        auto found = storage::CaseRepository(*m_cache).visibleCase(id);
        return found ? *found : std::nullopt;
    }
    // Waits until the cache's checkpoint thread has copied the initial sync into the file; false after 10 minutes.
    bool checkpointSettled()
    {
        storage::WalCheckpointer *checkpointer = m_cache->walCheckpointer();
        return !checkpointer || checkpointer->waitUntilIdle(600'000);
    }

    qint64 confirmedCount()
    {
        const Result<storage::SqliteStatement *> statement =
            m_cache->sqlite().prepare(QStringLiteral("SELECT count(*) FROM case_confirmed"));
        if (!statement)
            return -1;
        const Result<bool> row = (*statement)->step();
        return row && *row ? (*statement)->int64(0) : -1;
    }
    sync::SyncEngine &engine() { return *m_engine; }
    QUuid userId() const { return m_userId; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::CacheDatabase> m_cache;
    test::InMemoryTokenStore m_tokens;
    sync::QtRetryTimer m_retry;
    sync::QtRetryTimer m_listenerRetry;
    std::unique_ptr<sync::ServerApi> m_api;
    std::unique_ptr<sync::SyncEngine> m_engine;
    std::unique_ptr<sync::LiveListener> m_listener;
    QUuid m_userId;
    int m_runs = 0;
};

// Open cases of team 32.1 (the team lead's), at most `count`.
Result<QList<QUuid>> teamCases(const QString &connectionString, int count)
{
    const Result<server::ServerDatabase> database = server::ServerDatabase::fromConnectionString(connectionString);
    if (!database)
        return database.error();
    QList<QUuid> ids;
    {
        const Result<QSqlDatabase> db = database->connection();
        if (!db)
            return db.error();
        QSqlQuery query(db.value());
        query.prepare(
            QStringLiteral("SELECT c.id::text FROM cases c JOIN teams t ON t.id = c.team_id"
                           " WHERE t.code = '32.1' AND NOT COALESCE(CAST(c.data->>'closed' AS boolean), false)"
                           " ORDER BY c.id LIMIT :count"));
        query.bindValue(QStringLiteral(":count"), count);
        if (!query.exec())
            return makeError(ErrorCode::Database, query.lastError().text());
        while (query.next())
            ids.append(uuidFromString(query.value(0).toString()));
    }
    database->closeConnection();
    return ids;
}

Note noteOn(const QUuid &caseId, const QUuid &author, int number)
{
    return Note{createUuidV7(), caseId, author, QDateTime::currentDateTimeUtc(),
                QStringLiteral("Vermerk %1 aus der Woche im Homeoffice").arg(number)};
}

} // namespace

QJsonObject runSyncBenchmark(const SyncBenchmarkOptions &options)
{
    // Declared in this order, destroyed in reverse: the server stops before its database, the cluster goes last.
    PostgresCluster cluster;
    if (const QString failed = cluster.start(); !failed.isEmpty())
        return failure(failed);
    qputenv("CASEDESK_TEST_PG_DIR", QFile::encodeName(cluster.socketDirectory()));
    const test::PostgresTestDatabase database;
    if (!database.isValid())
        return failure(database.errorString());
    const QString connection = database.connectionString();
    QElapsedTimer clock;
    clock.start();
    for (const QStringList &step :
         {QStringList{QStringLiteral("migrate")},
          QStringList{QStringLiteral("demo"), QStringLiteral("--cases"), QString::number(options.cases)}}) {
        if (const QString failed = runAdmin(connection, step); !failed.isEmpty())
            return failure(failed);
    }
    const double seedSeconds = double(clock.nsecsElapsed()) / 1e9;

    test::ServerProcess server(connection);
    if (!server.start())
        return failure(QStringLiteral("casedesk-server did not start: ") + server.errorString());
    const QUrl url = server.url(QString());
    QString problem;

    // The initial sync of the whole demo into an empty cache.
    Client auditor;
    if (!auditor.start(url, auditorLogin, &problem))
        return failure(problem);
    clock.restart();
    if (!auditor.sync(&problem))
        return failure(problem);
    const double initialSyncSeconds = double(clock.nsecsElapsed()) / 1e9;
    // The phases below measure a settled cache, not one sharing the disk with the copy.
    clock.restart();
    if (!auditor.checkpointSettled())
        return failure(QStringLiteral("the checkpoint after the initial sync did not end in 10 minutes"));
    const double checkpointSeconds = double(clock.nsecsElapsed()) / 1e9;
    const qint64 syncedCases = auditor.confirmedCount();
    const double clientRss = residentMb();

    // A week offline: notes queued on the team's cases, then drained in one go.
    Client clerk;
    if (!clerk.start(url, clerkLogins[0], &problem) || !clerk.sync(&problem))
        return failure(problem);
    const Result<QList<QUuid>> cases = teamCases(connection, std::max(options.propagations, 200));
    if (!cases)
        return failure(cases.error().toString());
    if (cases->size() < options.propagations)
        return failure(QStringLiteral("team 32.1 has only %1 open cases; use more --cases").arg(cases->size()));
    clock.restart();
    for (int i = 0; i < options.queued; ++i) {
        const QUuid caseId = cases->at(i % cases->size());
        const Result<Command> queued = clerk.submit(
            CommandName::AddNote, caseId, {{QStringLiteral("note"), noteOn(caseId, clerk.userId(), i).toJson()}});
        if (!queued)
            return failure(QStringLiteral("queueing note %1: %2").arg(i).arg(queued.error().toString()));
    }
    const double queueSeconds = double(clock.nsecsElapsed()) / 1e9;
    clock.restart();
    if (!clerk.sync(&problem))
        return failure(problem);
    const double drainSeconds = double(clock.nsecsElapsed()) / 1e9;

    // The team lead assigns cases one by one; the clerk's client, online, hears of it and pulls.
    Client lead;
    if (!lead.start(url, teamLeadLogin, &problem) || !lead.sync(&problem) || !clerk.listen(&problem))
        return failure(problem);
    Client otherClerk; // only for the other clerk's user id
    if (!otherClerk.start(url, clerkLogins[1], &problem))
        return failure(problem);
    LatencyStats propagation;
    for (int i = 0; i < options.propagations; ++i) {
        const QUuid caseId = cases->at(i);
        const std::optional<Case> before = lead.visible(caseId);
        if (!before)
            return failure(QStringLiteral("the team lead does not see case %1").arg(uuidToString(caseId)));
        const QUuid target = before->assigneeId == clerk.userId() ? otherClerk.userId() : clerk.userId();
        const QJsonObject args{
            {QStringLiteral("expected"), before->assigneeId.isNull() ? QString() : uuidToString(before->assigneeId)},
            {QStringLiteral("assignee"), uuidToString(target)}};
        if (const Result<Command> assigned = lead.submit(CommandName::Assign, caseId, args); !assigned)
            return failure(QStringLiteral("assigning: ") + assigned.error().toString());
        QElapsedTimer arrival;
        arrival.start();
        lead.engine().syncNow();
        if (!waitFor(
                [&] {
                    const std::optional<Case> seen = clerk.confirmed(caseId);
                    return seen && seen->assigneeId == target;
                },
                PropagationTimeoutMs))
            return failure(QStringLiteral("assignment %1 did not reach the clerk's client within %2 ms")
                               .arg(i)
                               .arg(PropagationTimeoutMs));
        propagation.add(double(arrival.nsecsElapsed()) / 1e6);
        if (!lead.sync(&problem)) // the lead's next assignment builds on the confirmed one
            return failure(problem);
    }

    if (server.stop() != 0)
        return failure(QStringLiteral("casedesk-server did not stop cleanly: ") + server.standardError());
    return QJsonObject{
        {QStringLiteral("benchmark"), QStringLiteral("sync")},
        {QStringLiteral("cases"), options.cases},
        {QStringLiteral("seed_server_s"), seedSeconds},
        {QStringLiteral("initial_sync_cases"), double(syncedCases)},
        {QStringLiteral("initial_sync_s"), initialSyncSeconds},
        {QStringLiteral("checkpoint_after_sync_s"), checkpointSeconds},
        {QStringLiteral("client_rss_mb"), clientRss},
        {QStringLiteral("queued_commands"), options.queued},
        {QStringLiteral("queue_10k_s"), queueSeconds},
        {QStringLiteral("drain_10k_s"), drainSeconds},
        {QStringLiteral("propagation"), propagation.toJson()},
        {QStringLiteral("propagation_p95_ms"), propagation.percentile(95)},
        {QStringLiteral("target_initial_sync_s"), 15},
        {QStringLiteral("target_propagation_p95_ms"), 100},
    };
}

} // namespace casedesk::bench
