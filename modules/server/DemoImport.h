// The demo module's world and cases written into the server's database (casedesk-server demo): the demo
// teams and users with the generator's ids (so that the cases' teams and assignees are theirs), the routing of
// each case type to the demo team that handles it (case_type_routes), and generated cases through the store
// rows of every new case (case row, createCase command row by the demo administrator, change row, audit row
// with the hashes of AuditLog), written set-wise in batches of one transaction each, so that 10,000 cases take
// seconds. Each case gets its Aktenzeichen from the server's counters, so numbers stay unique across seeds and
// later intake. Notes and documents of the generator are not imported.
#pragma once

#include "core/Command.h"
#include "core/Result.h"
#include "demo/DemoGenerator.h"

#include <QSet>
#include <QSqlDatabase>

#include <functional>

namespace casedesk::server {

struct DemoWorldImport {
    int teamsAdded = 0;
    int usersAdded = 0;
};

class DemoImport {
public:
    static constexpr int BatchSize = 500; // cases per transaction

    // Every demo user's password, documented in "casedesk-server demo --help": demo data is for trying
    // CaseDesk out, never for a server with real cases.
    static QString password();

    explicit DemoImport(QSqlDatabase db);

    // Adds the teams and users that are missing (Argon2id hash of password()) and routes the demo case types.
    // Conflict when a team code or login exists with another id (a database not made by the demo).
    Result<DemoWorldImport> importWorld(const demo::DemoWorld &world);
    // Cases 0 .. count - 1 of the generator (after importWorld); cases stored before (same seed) are skipped.
    // `progress` is told the number of cases done after each batch. Returns the number of cases added.
    Result<qint64> importCases(const demo::DemoGenerator &generator, qint64 count,
                               const std::function<void(qint64 done)> &progress);

private:
    Result<QSet<QUuid>> storedIds(const QList<Case> &cases);
    Result<void> assignAktenzeichen(QList<Case> *cases);
    Result<void> writeBatch(const QList<Case> &cases, const QList<Command> &commands, const QUuid &actorId,
                            const QDateTime &now);

    QSqlDatabase m_db;
};

} // namespace casedesk::server
