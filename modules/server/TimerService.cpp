#include "server/TimerService.h"

#include "casework/CommandRules.h"
#include "core/JsonFields.h"
#include "core/Uuid.h"
#include "server/AuditLog.h"
#include "server/CaseStore.h"
#include "server/DeployedCaseTypes.h"
#include "server/ServerLog.h"
#include "workflow/WorkflowEngine.h"

#include <QSqlError>
#include <QSqlQuery>

namespace casedesk::server {

namespace {

enum class Step {
    Fired,
    NoneDue,
    Skipped, // this case's timer cannot fire; the run goes on without it
};

QString uuidArray(const QStringList &ids)
{
    return u'{' + ids.join(u',') + u'}';
}

// The audit row of a firing, chained like a command's (AuditLog::rowHash), with no command and no actor: the
// server did it. The case row's lock, held by the caller, orders it with every other row of the case's chain.
// Fires the earliest due timer of one due case that no other process holds, in the caller's transaction.
Result<Step> fireOne(QSqlDatabase db, const QDateTime &now, QStringList *skipped)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id::text FROM cases WHERE next_timer_at <= CAST(:now AS timestamptz)"
                                 " AND NOT id = ANY(CAST(:skipped AS uuid[])) ORDER BY next_timer_at LIMIT 1"
                                 " FOR UPDATE SKIP LOCKED"));
    query.bindValue(QStringLiteral(":now"), now.toUTC().toString(Qt::ISODateWithMs));
    query.bindValue(QStringLiteral(":skipped"), uuidArray(*skipped));
    if (!query.exec())
        return CaseStore::sqlError(query.lastError());
    if (!query.next())
        return Step::NoneDue;
    const QString caseId = query.value(0).toString();
    const auto skip = [&](const QString &why) {
        qCWarning(lcServer).noquote() << "cannot fire the timers of case" << caseId << "-" << why;
        skipped->append(caseId);
        return Step::Skipped;
    };

    CaseStore store(db);
    Result<std::optional<Case>> stored = store.lockCase(uuidFromString(caseId));
    if (!stored && stored.error().code == ErrorCode::Corrupt)
        return skip(stored.error().toString());
    if (!stored)
        return stored.error();
    if (!stored.value())
        return skip(QStringLiteral("the case vanished"));
    Case &theCase = *stored.value();
    const Result<std::shared_ptr<const casework::CaseTypeCatalogue>> caseTypes = DeployedCaseTypes::current(db);
    if (!caseTypes)
        return caseTypes.error();
    const demo::CaseTypeContent *content = caseTypes.value()->of(theCase);
    if (!content)
        return skip(QStringLiteral("no process model for case type %1 version %2")
                        .arg(theCase.caseType)
                        .arg(theCase.processVersion));
    const Result<workflow::WorkflowState> state =
        workflow::WorkflowState::fromJson(content->process, theCase.workflowState);
    if (!state)
        return skip(state.error().toString());
    const QList<workflow::DueTimer> due = workflow::WorkflowEngine::dueTimers(content->process, state.value(), now);
    if (due.isEmpty())
        return skip(QStringLiteral("next_timer_at says due, but no timer of its state is"));
    const workflow::TransitionResult fired =
        workflow::WorkflowEngine::fire(content->process, state.value(), due.first().timerId, now);
    if (!fired)
        return skip(fired.error().toString());

    casework::CommandRules::takeTransition(content->process, fired.value(), &theCase);
    theCase.version += 1;
    theCase.updatedAt = now;
    if (Result<void> saved = store.updateCase(theCase); !saved)
        return saved.error();
    if (Result<qint64> change = store.addChange(theCase.id, theCase.version, QUuid()); !change)
        return change.error();
    QJsonObject firing{{QStringLiteral("caseId"), caseId},
                       {QStringLiteral("event"), QStringLiteral("timerFired")},
                       {QStringLiteral("timer"), due.first().eventId},
                       {QStringLiteral("caseVersion"), theCase.version}};
    json::putDateTime(firing, QLatin1String("due"), due.first().due);
    if (Result<void> audited = AuditLog(db).appendServerEvent(theCase.id, firing, now); !audited)
        return audited.error();
    qCInfo(lcServer).noquote() << "fired timer" << due.first().eventId << "of case" << caseId << "due"
                               << json::dateTimeToString(due.first().due);
    return Step::Fired;
}

} // namespace

TimerService::TimerService(ServerDatabase database, const Clock &clock, QObject *parent)
    : QObject(parent), m_database(std::move(database)), m_clock(clock)
{
    connect(&m_timer, &QTimer::timeout, this, &TimerService::run);
}

void TimerService::start(std::chrono::milliseconds interval)
{
    m_timer.start(interval);
    QTimer::singleShot(0, this, &TimerService::run);
}

void TimerService::run()
{
    if (const Result<int> fired = fireDueTimers(); !fired)
        qCWarning(lcServer).noquote() << "firing due timers failed, trying again later:" << fired.error().toString();
}

Result<int> TimerService::fireDueTimers()
{
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    QSqlDatabase db = connection.value();
    const QDateTime now = m_clock.now();
    QStringList skipped;
    int fired = 0;
    while (fired < MaxFiringsPerRun) {
        if (!db.transaction())
            return CaseStore::sqlError(db.lastError());
        const Result<Step> step = fireOne(db, now, &skipped);
        if (!step || step.value() != Step::Fired) {
            db.rollback();
            if (!step)
                return step.error();
            if (step.value() == Step::NoneDue)
                break;
            continue;
        }
        if (!db.commit()) {
            const QSqlError error = db.lastError();
            db.rollback();
            return CaseStore::sqlError(error);
        }
        ++fired;
    }
    return fired;
}

} // namespace casedesk::server
