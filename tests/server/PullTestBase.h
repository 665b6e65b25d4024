// What the pull tests share: a PostgreSQL database with teams, users, deputyships, consultations and cases of
// every scope, two casedesk-server processes on it, and helpers that write cases and changes with SQL (each
// change in a transaction the way a command writes it) and pull as one logged-in client.
#pragma once

#include "core/Uuid.h"
#include "server/ServerDatabase.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>
#include <optional>

#include "HttpClient.h"
#include "PostgresTestDatabase.h"
#include "PushTestBase.h"
#include "ServerProcess.h"

namespace casedesk::test {

inline constexpr int settleTimeoutMs = 20000; // parallel tests' transactions on the cluster may hold the feed back

// The titles of a pull's cases: each test case's title is its label.
QStringList titles(const QJsonObject &page);

struct Caller {
    QString accessToken;
    QUuid clientId;
    QUuid userId;
};

// The base of the pull test classes (each a QObject with its own slots): setUpServers() in initTestCase,
// tearDownServers() in cleanupTestCase. The cases made there are titled "team<n>-...", by their scope:
// team1-open, team1-anna, team2-open, team3-bert, team3-dora, team3-consulted (team 32.2 consulted),
// team3-consultation-ended, team3-open. carla deputises for dora (running), emil did until yesterday.
class PullTestBase : public QObject {
protected:
    void setUpServers();
    void tearDownServers();

    QSqlDatabase db() const;
    QString exec(QSqlDatabase db, const QString &sql, const QVariantMap &values = {});
    QUuid teamId(const QString &code);
    QUuid userId(const QString &login);
    // A case and its first change in one transaction, as createCase writes them.
    QUuid addCase(const QString &title, const QString &teamCode, const QString &assignee = {});
    // A new version of the case and its change row, in the transaction of `connection` (none: its own).
    QString touch(QSqlDatabase connection, const QUuid &caseId);
    bool feedSettled();
    Caller login(const QString &login);
    HttpReply pull(const Caller &caller, const QString &cursor = {}, const QString &extra = {},
                   ServerProcess *server = nullptr);
    // Pulls from `cursor` until "more" is false; all titles, the last page.
    QStringList pullAll(const Caller &caller, const QString &cursor, QJsonObject *last = nullptr);
    QString headCursor(const Caller &caller);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::optional<server::ServerDatabase> m_database;
    std::optional<server::ServerDatabase> m_second; // another connection for transactions held open
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    HttpClient m_http;
    QHash<QString, QUuid> m_cases; // by title
};

} // namespace casedesk::test
