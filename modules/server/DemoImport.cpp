#include "server/DemoImport.h"

#include "core/Clock.h"
#include "core/Uuid.h"
#include "server/AuditLog.h"
#include "server/CaseTypeRoutes.h"
#include "server/CommandResult.h"
#include "server/PasswordHash.h"
#include "server/SqlError.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSqlQuery>
#include <QVariant>

namespace casedesk::server {

namespace {

// Fails unless `table` has the row `id` under `key` = `value` (inserted now or by an earlier demo run).
Result<bool> insertedOrOurs(QSqlQuery &query, const QString &table, const QString &key, const QString &value,
                            const QUuid &id)
{
    const bool inserted = query.numRowsAffected() == 1;
    query.prepare(QStringLiteral("SELECT id::text FROM %1 WHERE %2 = :value").arg(table, key));
    query.bindValue(QStringLiteral(":value"), value);
    if (!query.exec() || !query.next())
        return databaseError(query.lastError());
    if (uuidFromString(query.value(0).toString()) != id)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Server", "The database has its own \"%1\" already, so the demo "
                                                               "data cannot be added. Use an empty database for the "
                                                               "demo.")
                             .arg(value));
    return inserted;
}

QString rolesArray(const User &user)
{
    QStringList roles;
    for (Role role : user.roles)
        roles.append(roleToString(role));
    return u'{' + roles.join(u',') + u'}';
}

} // namespace

QString DemoImport::password()
{
    return QStringLiteral("casedesk-demo");
}

DemoImport::DemoImport(QSqlDatabase db) : m_db(std::move(db)) {}

Result<DemoWorldImport> DemoImport::importWorld(const demo::DemoWorld &world)
{
    // One hash for all: the password is public anyway, and Argon2id per user would cost seconds.
    const Result<QString> hash = PasswordHash::hash(password());
    if (!hash)
        return hash.error();
    if (!m_db.transaction())
        return databaseError(m_db.lastError());
    const auto fail = [this](const Error &error) -> Result<DemoWorldImport> {
        m_db.rollback();
        return error;
    };
    DemoWorldImport report;
    QSqlQuery query(m_db);
    for (const Team &team : world.teams) {
        query.prepare(QStringLiteral("INSERT INTO teams (id, code, name, file_plan_code) VALUES (CAST(:id AS uuid),"
                                     " :code, :name, :plan) ON CONFLICT DO NOTHING"));
        query.bindValue(QStringLiteral(":id"), uuidToString(team.id));
        query.bindValue(QStringLiteral(":code"), team.code);
        query.bindValue(QStringLiteral(":name"), team.name);
        query.bindValue(QStringLiteral(":plan"), team.filePlanCode);
        if (!query.exec())
            return fail(databaseError(query.lastError()));
        const Result<bool> added =
            insertedOrOurs(query, QStringLiteral("teams"), QStringLiteral("code"), team.code, team.id);
        if (!added)
            return fail(added.error());
        report.teamsAdded += added.value() ? 1 : 0;
    }
    for (const User &user : world.users) {
        query.prepare(QStringLiteral("INSERT INTO users (id, login, display_name, roles, password_hash) VALUES"
                                     " (CAST(:id AS uuid), :login, :name, CAST(:roles AS text[]), :hash)"
                                     " ON CONFLICT DO NOTHING"));
        query.bindValue(QStringLiteral(":id"), uuidToString(user.id));
        query.bindValue(QStringLiteral(":login"), user.login);
        query.bindValue(QStringLiteral(":name"), user.displayName);
        query.bindValue(QStringLiteral(":roles"), rolesArray(user));
        query.bindValue(QStringLiteral(":hash"), hash.value());
        if (!query.exec())
            return fail(databaseError(query.lastError()));
        const Result<bool> added =
            insertedOrOurs(query, QStringLiteral("users"), QStringLiteral("login"), user.login, user.id);
        if (!added)
            return fail(added.error());
        if (!added.value())
            continue; // an earlier run's user keeps the teams an administrator may have changed since
        ++report.usersAdded;
        for (const QUuid &teamId : user.teamIds) {
            query.prepare(QStringLiteral("INSERT INTO user_teams (user_id, team_id) VALUES (CAST(:user AS uuid),"
                                         " CAST(:team AS uuid))"));
            query.bindValue(QStringLiteral(":user"), uuidToString(user.id));
            query.bindValue(QStringLiteral(":team"), uuidToString(teamId));
            if (!query.exec())
                return fail(databaseError(query.lastError()));
        }
    }
    CaseTypeRoutes routes(m_db);
    for (auto it = world.teamByCaseType.cbegin(); it != world.teamByCaseType.cend(); ++it) {
        const auto team = std::find_if(world.teams.cbegin(), world.teams.cend(),
                                       [&it](const Team &candidate) { return candidate.id == it.value(); });
        if (team == world.teams.cend())
            continue;
        if (const Result<CaseTypeRoute> routed = routes.set(it.key(), team->code); !routed)
            return fail(routed.error());
    }
    if (!m_db.commit())
        return fail(databaseError(m_db.lastError()));
    return report;
}

Result<qint64> DemoImport::importCases(const demo::DemoGenerator &generator, qint64 count,
                                       const std::function<void(qint64 done)> &progress)
{
    const auto administrator = std::find_if(generator.world().users.cbegin(), generator.world().users.cend(),
                                            [](const User &user) { return user.hasRole(Role::Administrator); });
    if (administrator == generator.world().users.cend())
        return makeError(ErrorCode::Invalid, QStringLiteral("the demo world has no administrator"));
    const QUuid clientId = createUuidV7(); // this run's commands form one sequence
    qint64 added = 0;
    for (qint64 first = 0; first < count; first += BatchSize) {
        QList<Case> cases = generator.makeCases(first, std::min<qint64>(BatchSize, count - first));
        if (!m_db.transaction())
            return databaseError(m_db.lastError());
        const auto fail = [this](const Error &error) -> Result<qint64> {
            m_db.rollback();
            return error;
        };
        const Result<QSet<QUuid>> stored = storedIds(cases);
        if (!stored)
            return fail(stored.error());
        cases.removeIf([&stored](const Case &theCase) { return stored->contains(theCase.id); });
        if (Result<void> numbered = assignAktenzeichen(&cases); !numbered)
            return fail(numbered.error());
        const QDateTime now = Clock::current().now();
        QList<Command> commands;
        for (Case &theCase : cases) {
            theCase.version = 1; // one createCase command stands for its history
            theCase.updatedAt = now;
            Command command;
            command.id = createUuidV7();
            command.clientId = clientId;
            command.clientSeq = added + commands.size() + 1;
            command.caseId = theCase.id;
            command.name = CommandName::CreateCase;
            command.args = QJsonObject{{QStringLiteral("case"), theCase.toJson()}};
            command.madeAt = now;
            commands.append(command);
        }
        if (Result<void> written = writeBatch(cases, commands, administrator->id, now); !written)
            return fail(written.error());
        if (!m_db.commit())
            return fail(databaseError(m_db.lastError()));
        added += cases.size();
        if (progress)
            progress(std::min(first + BatchSize, count));
    }
    // The planner's statistics: without them, until autovacuum comes by a minute later, the feed's queries
    // guess at the tables just filled and read all of `changes` for a pull of one change (60 ms at 100,000
    // cases, on every live update).
    if (added > 0) {
        QSqlQuery analyze(m_db);
        if (!analyze.exec(QStringLiteral("ANALYZE cases, changes, commands, audit_log")))
            return databaseError(analyze.lastError());
    }
    return added;
}

Result<QSet<QUuid>> DemoImport::storedIds(const QList<Case> &cases)
{
    QStringList ids;
    for (const Case &theCase : cases)
        ids.append(uuidToString(theCase.id));
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id::text FROM cases WHERE id = ANY (CAST(:ids AS uuid[]))"));
    query.bindValue(QStringLiteral(":ids"), u'{' + ids.join(u',') + u'}');
    if (!query.exec())
        return databaseError(query.lastError());
    QSet<QUuid> stored;
    while (query.next())
        stored.insert(uuidFromString(query.value(0).toString()));
    return stored;
}

Result<void> DemoImport::assignAktenzeichen(QList<Case> *cases)
{
    // One block of numbers per team and year from the counters that intake and push take theirs from.
    QMap<QPair<QUuid, int>, QList<qsizetype>> groups;
    for (qsizetype i = 0; i < cases->size(); ++i)
        groups[{cases->at(i).teamId, cases->at(i).receivedDate.year()}].append(i);
    QSqlQuery query(m_db);
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        query.prepare(QStringLiteral(
            "INSERT INTO aktenzeichen_counters (file_plan_code, year, last_number)"
            " SELECT file_plan_code, :year, :count FROM teams WHERE id = CAST(:team AS uuid)"
            " ON CONFLICT (file_plan_code, year) DO UPDATE SET last_number = aktenzeichen_counters.last_number"
            " + EXCLUDED.last_number RETURNING file_plan_code, last_number"));
        query.bindValue(QStringLiteral(":year"), it.key().second);
        query.bindValue(QStringLiteral(":count"), int(it.value().size()));
        query.bindValue(QStringLiteral(":team"), uuidToString(it.key().first));
        if (!query.exec())
            return databaseError(query.lastError());
        if (!query.next())
            return makeError(ErrorCode::NotFound, QStringLiteral("the demo team of a case is missing"));
        const QString filePlanCode = query.value(0).toString();
        int number = query.value(1).toInt() - int(it.value().size());
        for (const qsizetype index : it.value())
            (*cases)[index].aktenzeichen = Aktenzeichen(filePlanCode, ++number, it.key().second);
    }
    return {};
}

Result<void> DemoImport::writeBatch(const QList<Case> &cases, const QList<Command> &commands, const QUuid &actorId,
                                    const QDateTime &now)
{
    if (cases.isEmpty())
        return {};
    // The rows of each table as one JSON array, so a batch costs a few statements instead of several per case.
    const QString at = now.toUTC().toString(Qt::ISODateWithMs); // as AuditLog hashes it
    QJsonArray caseRows;
    QJsonArray commandRows;
    QJsonArray auditRows;
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const Case &theCase = cases.at(i);
        const Command &command = commands.at(i);
        caseRows.append(
            QJsonObject{{QStringLiteral("id"), uuidToString(theCase.id)},
                        {QStringLiteral("aktenzeichen"), theCase.aktenzeichen.toString()},
                        {QStringLiteral("case_type"), theCase.caseType},
                        {QStringLiteral("team_id"), uuidToString(theCase.teamId)},
                        {QStringLiteral("assignee_id"),
                         theCase.assigneeId.isNull() ? QJsonValue() : QJsonValue(uuidToString(theCase.assigneeId))},
                        {QStringLiteral("data"), theCase.toJson()},
                        {QStringLiteral("created_at"), theCase.createdAt.toUTC().toString(Qt::ISODateWithMs)}});
        CommandResult applied = CommandResult::applied(1);
        applied.commandId = command.id;
        applied.clientSeq = command.clientSeq;
        commandRows.append(QJsonObject{{QStringLiteral("id"), uuidToString(command.id)},
                                       {QStringLiteral("client_seq"), command.clientSeq},
                                       {QStringLiteral("case_id"), uuidToString(command.caseId)},
                                       {QStringLiteral("args"), command.args},
                                       {QStringLiteral("detail"), applied.detailJson()}});
        // Each case's chain starts here: no previous row.
        const QByteArray payload = AuditLog::payloadHash(command);
        auditRows.append(
            QJsonObject{{QStringLiteral("case_id"), uuidToString(theCase.id)},
                        {QStringLiteral("command_id"), uuidToString(command.id)},
                        {QStringLiteral("payload"), QString::fromLatin1(payload.toHex())},
                        {QStringLiteral("row"),
                         QString::fromLatin1(AuditLog::rowHash({}, payload, theCase.id, actorId, at).toHex())}});
    }
    const auto jsonText = [](const QJsonArray &rows) {
        return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
    };
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO cases (id, aktenzeichen, case_type, team_id, assignee_id, version, data, created_at, updated_at)"
        " SELECT id, aktenzeichen, case_type, team_id, assignee_id, 1, data, created_at, CAST(:at AS timestamptz)"
        " FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, aktenzeichen text, case_type text,"
        " team_id uuid, assignee_id uuid, data jsonb, created_at timestamptz)"));
    query.bindValue(QStringLiteral(":at"), at);
    query.bindValue(QStringLiteral(":rows"), jsonText(caseRows));
    if (!query.exec())
        return databaseError(query.lastError());
    query.prepare(QStringLiteral(
        "INSERT INTO commands (id, client_id, client_seq, user_id, case_id, name, args, made_at, result,"
        " result_detail) SELECT id, CAST(:client AS uuid), client_seq, CAST(:user AS uuid), case_id, 'createCase',"
        " args, CAST(:at AS timestamptz), 'applied', detail FROM jsonb_to_recordset(CAST(:rows AS jsonb))"
        " AS r(id uuid, client_seq bigint, case_id uuid, args jsonb, detail jsonb)"));
    query.bindValue(QStringLiteral(":client"), uuidToString(commands.constFirst().clientId));
    query.bindValue(QStringLiteral(":user"), uuidToString(actorId));
    query.bindValue(QStringLiteral(":at"), at);
    query.bindValue(QStringLiteral(":rows"), jsonText(commandRows));
    if (!query.exec())
        return databaseError(query.lastError());
    query.prepare(QStringLiteral(
        "INSERT INTO audit_log (case_id, command_id, actor_id, at, payload_hash, row_hash)"
        " SELECT case_id, command_id, CAST(:actor AS uuid), CAST(:at AS timestamptz), decode(payload, 'hex'),"
        " decode(row, 'hex') FROM jsonb_to_recordset(CAST(:rows AS jsonb))"
        " AS r(case_id uuid, command_id uuid, payload text, row text)"));
    query.bindValue(QStringLiteral(":actor"), uuidToString(actorId));
    query.bindValue(QStringLiteral(":at"), at);
    query.bindValue(QStringLiteral(":rows"), jsonText(auditRows));
    if (!query.exec())
        return databaseError(query.lastError());
    // The change rows (pull delivers the cases), and one notification for the batch.
    query.prepare(QStringLiteral("WITH added AS (INSERT INTO changes (case_id, case_version, command_id)"
                                 " SELECT case_id, 1, id FROM jsonb_to_recordset(CAST(:rows AS jsonb))"
                                 " AS r(id uuid, case_id uuid) RETURNING seq)"
                                 " SELECT pg_notify('casedesk_changes', max(seq)::text) FROM added"));
    query.bindValue(QStringLiteral(":rows"), jsonText(commandRows));
    if (!query.exec())
        return databaseError(query.lastError());
    return {};
}

} // namespace casedesk::server
