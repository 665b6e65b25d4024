// How every sync test ends (issue 6: "each client's confirmed state equals the server's projection of its
// scope"): the confirmed state in one client's cache against what the server's PostgreSQL holds for the cases
// its user may read now. The scope is the server's own (ScopeFilter), so the check never decides visibility
// differently from pull; the contents are read from the tables, not through pull, so a page the client stored
// wrongly cannot hide behind the same mistake made twice.
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace casedesk::test {

struct SyncTestClient;

class ConvergenceCheck {
public:
    // `server`: this thread's connection to the server's database.
    explicit ConvergenceCheck(QSqlDatabase server) : m_server(server) {}

    // Runs the client's engine until a run completes, firing each retry it schedules at once (the server may be
    // restarting); false with the reason in `problem` when the run fails, needs a login or does not complete
    // within `timeoutMs`.
    static bool settle(SyncTestClient &client, int timeoutMs, QString *problem);

    // The differences between the client's confirmed cases (version and contents, their Vermerke and their
    // documents' ids) and the server's cases in the scope of the client's user, one line each; empty when none.
    QString differences(SyncTestClient &client) const;

private:
    QSqlDatabase m_server;
};

} // namespace casedesk::test
