// Fires the workflow timers of cases when they are due (issue 5: deadlines reached, reminders), in every
// `serve` process at once and still exactly once: due cases are found by cases.next_timer_at (kept by a
// trigger from the stored workflow state, migration 9) and taken with FOR UPDATE SKIP LOCKED, so two
// processes never hold the same case; the engine state read under the lock says whether the timer still waits.
// Each firing has the effects of a command in one transaction: the engine's step, version + 1, a change row
// (NOTIFY casedesk_changes) and an audit row whose actor is the server itself (no user; actor_id NULL).
//
// Follow-up dates (Wiedervorlage) are not fired: the date is part of the case that every client has, and the
// client shows it as due from that day on (DESIGN.md, decision 7: clients show computed dates). Firing them
// would add a version without changing anything a reader can see.
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "server/ServerDatabase.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace casedesk::server {

class TimerService : public QObject {
    Q_OBJECT

public:
    static constexpr std::chrono::seconds DefaultInterval{30};
    static constexpr int MaxFiringsPerRun = 500; // the rest waits for the next run, so a backlog never blocks

    // `clock` decides what is due; it must outlive the service.
    explicit TimerService(ServerDatabase database, const Clock &clock = Clock::current(), QObject *parent = nullptr);

    // Runs fireDueTimers() now and then every `interval` on this object's thread.
    void start(std::chrono::milliseconds interval = DefaultInterval);

    // Fires the timers due at the clock's now on the calling thread's connection, one per transaction, until
    // none is due or MaxFiringsPerRun; the number fired. A case whose timer cannot fire (unreadable state, no
    // process model) is logged and left for the next run.
    Result<int> fireDueTimers();

private:
    void run();

    ServerDatabase m_database;
    const Clock &m_clock;
    QTimer m_timer;
};

} // namespace casedesk::server
