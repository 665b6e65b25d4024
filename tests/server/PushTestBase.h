// What the push tests share: a PostgreSQL database, two casedesk-server processes on it, the test users and
// teams, and helpers that log in and push commands as one client installation would.
#pragma once

#include "core/Command.h"
#include "core/Uuid.h"
#include "server/ServerDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

#include <memory>
#include <optional>

#include "HttpClient.h"
#include "PostgresTestDatabase.h"
#include "ServerProcess.h"

namespace casedesk::test {

inline const QString pushPath = QStringLiteral("/api/v1/sync/push");
inline const QString caseType = QStringLiteral("bewohnerparken");

inline QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// One logged-in installation: its token, clientId and the next clientSeq.
struct Client {
    QString token;
    QUuid clientId;
    QUuid userId;
    qint64 nextSeq = 1;
};

inline QJsonObject fieldEdit(const QJsonValue &oldValue, const QJsonValue &newValue)
{
    return {{QStringLiteral("old"), oldValue}, {QStringLiteral("new"), newValue}};
}

// The base of the push test classes (each a QObject with its own slots): setUpServers() in initTestCase,
// tearDownServers() in cleanupTestCase.
class PushTestBase : public QObject {
protected:
    void setUpServers();
    void tearDownServers();

    Client login(const QString &login, ServerProcess *server = nullptr);
    Command command(Client &client, const QUuid &caseId, CommandName name, const QJsonObject &args);
    Command createCommand(Client &client, const QUuid &teamId, const QUuid &caseId = createUuidV7());
    HttpReply push(Client &client, const QList<Command> &commands, ServerProcess *server = nullptr);
    QJsonObject pushOne(Client &client, const Command &command, ServerProcess *server = nullptr);
    QVariant scalar(const QString &sql);
    QUuid newCase(Client &client);

    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    HttpClient m_http;
    std::optional<server::ServerDatabase> m_database;
    QUuid m_team;      // 32.1: anna, bert, carl (clerks), lea (team lead), audi (auditor)
    QUuid m_otherTeam; // 67.2: olga (clerk); post (mailroom) and admin (administrator) have no team
};

} // namespace casedesk::test
