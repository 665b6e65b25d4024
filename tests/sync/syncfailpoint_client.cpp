// The client that tst_syncfailpoints kills: one installation that opens its cache, logs in, pulls, and then, with
// fail point N armed to abort the process, edits each given case (a field and a Vermerk) and syncs after each.
//   syncfailpoint_client SERVER_URL LOGIN CACHE_FILE KEY_HEX N CASE_ID...
// Prints "submitted SEQ" once a submit has returned, and "points K" (the fail points it passed) when it ends
// normally, with exit code 0: then N was beyond the points of this run. Exit code 1 with a message on errors.
#include "core/Uuid.h"
#include "storage/CacheDatabase.h"
#include "storage/CaseRepository.h"
#include "storage/FailPoint.h"
#include "storage/Outbox.h"
#include "storage/SyncStore.h"
#include "sync/ServerApi.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>
#include <optional>
#include <sys/resource.h>

#include "CacheChecks.h"
#include "InMemoryTokenStore.h"
#include "ManualRetryTimer.h"
#include "TestUsers.h"

using namespace casedesk;

namespace {

constexpr int timeoutMs = 60000;
const QString field = QStringLiteral("secondVehicleReason");

int failWith(const QString &message)
{
    std::fprintf(stderr, "syncfailpoint_client: %s\n", qPrintable(message));
    return 1;
}

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout); // the parent reads what came before the abort
}

} // namespace

int main(int argc, char *argv[])
{
    // std::abort() stands in for a kill: no core file for each of the many runs.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 7)
        return failWith(QStringLiteral("usage: syncfailpoint_client SERVER_URL LOGIN CACHE_FILE KEY_HEX N CASE_ID..."));
    const QUrl serverUrl(args.at(1));
    const int failPoint = args.at(5).toInt();
    QList<QUuid> caseIds;
    for (qsizetype i = 6; i < args.size(); ++i)
        caseIds.append(uuidFromString(args.at(i)));

    auto opened = storage::CacheDatabase::open(args.at(3), QByteArray::fromHex(args.at(4).toLatin1()));
    if (!opened)
        return failWith(opened.error().toString());
    storage::CacheDatabase &cache = **opened;
    auto clientId = storage::SyncStore(cache).clientId();
    if (!clientId)
        return failWith(clientId.error().toString());

    test::InMemoryTokenStore tokens;
    test::ManualRetryTimer retry;
    sync::ServerApi api(serverUrl, tokens);
    std::optional<sync::ApiResponse> answer;
    api.login(args.at(2), test::TestUsers::password(), *clientId,
              [&answer](const sync::ApiResponse &r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, timeoutMs) || !answer->ok())
        return failWith(
            QStringLiteral("login failed: %1").arg(answer ? answer->describe() : QStringLiteral("no answer")));
    const QUuid userId = tokens.tokens()->userId;

    sync::SyncEngine engine(api, cache, retry);
    QString problem;
    if (!test::syncUntilDone(engine, retry, timeoutMs, &problem))
        return failWith(QStringLiteral("first sync: %1").arg(problem));

    // Small batches and pages: more pushes and pages, so more steps between them to stop at.
    sync::SyncEngine::Options options;
    options.pushBatch = 2;
    options.pullLimit = 2;
    engine.setOptions(options);
    storage::FailPoint::arm(failPoint, storage::FailPoint::Action::Abort);
    storage::Outbox outbox(cache);
    storage::CaseRepository repository(cache);
    for (qsizetype i = 0; i < caseIds.size(); ++i) {
        const QUuid caseId = caseIds.at(i);
        auto visible = repository.visibleCase(caseId);
        if (!visible || !*visible)
            return failWith(QStringLiteral("case %1 is not in the cache").arg(uuidToString(caseId)));
        const QJsonValue oldValue = (*visible)->formData.value(field);
        const QJsonObject edit{
            {QStringLiteral("fields"),
             QJsonObject{{field, QJsonObject{{QStringLiteral("old"), oldValue.isUndefined() ? QJsonValue() : oldValue},
                                             {QStringLiteral("new"),
                                              QStringLiteral("Lauf %1, Fall %2").arg(failPoint).arg(i)}}}}}};
        const QJsonObject note{
            {QStringLiteral("id"), uuidToString(createUuidV7())},
            {QStringLiteral("caseId"), uuidToString(caseId)},
            {QStringLiteral("authorId"), uuidToString(userId)},
            {QStringLiteral("createdAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {QStringLiteral("text"), QStringLiteral("Vermerk aus Lauf %1").arg(failPoint)}};
        for (const auto &[name, commandArgs] :
             {std::pair{CommandName::SetFields, edit},
              std::pair{CommandName::AddNote, QJsonObject{{QStringLiteral("note"), note}}}}) {
            auto submitted = outbox.submit(name, caseId, commandArgs, userId);
            if (!submitted)
                return failWith(QStringLiteral("submit: %1").arg(submitted.error().toString()));
            say(QStringLiteral("submitted %1").arg(submitted->clientSeq));
        }
        if (!test::syncUntilDone(engine, retry, timeoutMs, &problem))
            return failWith(QStringLiteral("sync: %1").arg(problem));
    }
    const int points = storage::FailPoint::hits();
    storage::FailPoint::disarm();
    say(QStringLiteral("points %1").arg(points));
    return 0;
}
