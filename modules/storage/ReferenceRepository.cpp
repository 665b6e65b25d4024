#include "storage/ReferenceRepository.h"

#include "core/Uuid.h"
#include "storage/CacheDatabase.h"
#include "storage/ColumnValue.h"
#include "storage/ReferenceSnapshot.h"
#include "storage/SortKey.h"
#include "storage/SqliteDatabase.h"
#include "storage/SqliteStatement.h"
#include "storage/StorageLog.h"
#include "storage/StoredJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>

#include <sqlite3.h>

namespace casedesk::storage {

namespace {

// Settings keys of the last reference snapshot.
constexpr const char *EtagKey = "reference.etag";
constexpr const char *RestKey = "reference.rest";
// The deputyships of the rest once more, on their own: every local check reads them, and the rest is large
// (process models, form definitions).
constexpr const char *DeputyshipsKey = "reference.deputyships";

template <typename T> Result<QList<T>> readAll(SqliteDatabase &db, const QString &sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    return StoredJson::parseAll<T>(**stmt);
}

} // namespace

ReferenceRepository::ReferenceRepository(CacheDatabase &db) : m_db(db.sqlite()) {}

ReferenceRepository::ReferenceRepository(SqliteDatabase &db) : m_db(db) {}

Result<void> ReferenceRepository::storeUsers(const QList<User> &users)
{
    SqliteDatabase &db = m_db;
    SqliteTransaction transaction(db);
    if (!transaction.began())
        return transaction.began();
    if (auto written = writeUsers(db, users); !written)
        return written;
    return transaction.commit();
}

Result<void> ReferenceRepository::writeUsers(SqliteDatabase &db, const QList<User> &users)
{
    auto store = db.prepare(QStringLiteral("INSERT OR REPLACE INTO users (id, login, display_name, name_key, active, "
                                           "json) VALUES (?, ?, ?, ?, ?, ?)"));
    if (!store)
        return store.error();
    // The inbox shows and sorts by the assignee's name, kept beside each visible case.
    auto rename =
        db.prepare(QStringLiteral("UPDATE case_view SET assignee_name = ?, assignee_key = ? WHERE assignee_id = ?"));
    if (!rename)
        return rename.error();
    for (const User &user : users) {
        const QString id = uuidToString(user.id);
        const QString name = ColumnValue::text(user.displayName);
        auto stored = (*store)
                          ->bind(1, id)
                          .bind(2, ColumnValue::text(user.login))
                          .bind(3, name)
                          .bind(4, SortKey::german(name))
                          .bind(5, qint64(user.active))
                          .bind(6, StoredJson::text(user.toJson()))
                          .run();
        if (!stored)
            return stored;
        auto renamed = (*rename)->bind(1, name).bind(2, SortKey::assignee(true, name)).bind(3, id).run();
        if (!renamed)
            return renamed;
    }
    return {};
}

Result<void> ReferenceRepository::storeTeams(const QList<Team> &teams)
{
    SqliteDatabase &db = m_db;
    SqliteTransaction transaction(db);
    if (!transaction.began())
        return transaction.began();
    if (auto written = writeTeams(db, teams); !written)
        return written;
    return transaction.commit();
}

Result<void> ReferenceRepository::writeTeams(SqliteDatabase &db, const QList<Team> &teams)
{
    auto store = db.prepare(QStringLiteral("INSERT OR REPLACE INTO teams (id, code, name, json) VALUES (?, ?, ?, ?)"));
    if (!store)
        return store.error();
    for (const Team &team : teams) {
        auto stored = (*store)
                          ->bind(1, uuidToString(team.id))
                          .bind(2, ColumnValue::text(team.code))
                          .bind(3, ColumnValue::text(team.name))
                          .bind(4, StoredJson::text(team.toJson()))
                          .run();
        if (!stored)
            return stored;
    }
    return {};
}

Result<void> ReferenceRepository::replaceReference(const ReferenceSnapshot &snapshot)
{
    SqliteDatabase &db = m_db;
    SqliteTransaction transaction(db);
    if (!transaction.began())
        return transaction.began();
    for (const QString &sql : {QStringLiteral("DELETE FROM users"), QStringLiteral("DELETE FROM teams")}) {
        if (auto cleared = db.exec(sql); !cleared)
            return cleared;
    }
    if (auto written = writeUsers(db, snapshot.users); !written)
        return written;
    if (auto written = writeTeams(db, snapshot.teams); !written)
        return written;
    if (auto kept = setSetting(QString::fromLatin1(RestKey), StoredJson::text(snapshot.rest)); !kept)
        return kept;
    if (auto kept = setSetting(QString::fromLatin1(EtagKey), QString::fromLatin1(snapshot.etag)); !kept)
        return kept;
    const QJsonArray deputyships = snapshot.rest.value(QLatin1String("deputyships")).toArray();
    if (auto kept = setSetting(QString::fromLatin1(DeputyshipsKey),
                               QString::fromUtf8(QJsonDocument(deputyships).toJson(QJsonDocument::Compact)));
        !kept)
        return kept;
    return transaction.commit();
}

Result<QByteArray> ReferenceRepository::referenceEtag()
{
    Result<QString> etag = setting(QString::fromLatin1(EtagKey));
    if (!etag)
        return etag.error();
    return etag->toLatin1();
}

Result<QJsonObject> ReferenceRepository::referenceRest()
{
    Result<QString> rest = setting(QString::fromLatin1(RestKey));
    if (!rest)
        return rest.error();
    if (rest->isEmpty())
        return QJsonObject();
    return StoredJson::object(*rest);
}

namespace {

std::shared_ptr<const casework::CaseTypeCatalogue> catalogueOf(const QJsonObject &rest)
{
    const QJsonArray models = rest.value(QLatin1String("processModels")).toArray();
    if (models.isEmpty())
        return casework::CaseTypeCatalogue::bundled();
    QList<casework::CaseTypeCatalogue::DeployedProcess> processes;
    for (const QJsonValue &value : models) {
        const QJsonObject model = value.toObject();
        processes.append({model.value(QLatin1String("caseType")).toString(),
                          model.value(QLatin1String("version")).toInt(),
                          model.value(QLatin1String("bpmn")).toString()});
    }
    QList<QJsonObject> forms;
    for (const QJsonValue &value : rest.value(QLatin1String("forms")).toArray())
        forms.append(value.toObject().value(QLatin1String("definition")).toObject());
    QStringList leftOut;
    std::shared_ptr<const casework::CaseTypeCatalogue> catalogue =
        casework::CaseTypeCatalogue::fromDeployed(processes, forms, &leftOut);
    for (const QString &why : std::as_const(leftOut))
        qCWarning(lcStorage).noquote() << "the server's content that does not load here is left out:" << why;
    return catalogue;
}

} // namespace

Result<std::shared_ptr<const casework::CaseTypeCatalogue>> ReferenceRepository::caseTypes()
{
    // Reading the models again for every check would cost more than the check: the last catalogue is kept
    // with the cache file and the ETag of the snapshot it came from (the server's ETag is a hash of the content).
    static QMutex mutex;
    static QByteArray cachedKey;
    static std::shared_ptr<const casework::CaseTypeCatalogue> cached;
    const Result<QByteArray> etag = referenceEtag();
    if (!etag)
        return etag.error();
    if (etag->isEmpty())
        return casework::CaseTypeCatalogue::bundled();
    const QByteArray key = QByteArray(sqlite3_db_filename(m_db.handle(), "main")) + '\n' + etag.value();
    QMutexLocker lock(&mutex);
    if (cached && cachedKey == key)
        return cached;
    const Result<QJsonObject> rest = referenceRest();
    if (!rest)
        return rest.error();
    cached = catalogueOf(rest.value());
    cachedKey = key;
    return cached;
}

Result<QList<Deputyship>> ReferenceRepository::deputyships()
{
    Result<QString> kept = setting(QString::fromLatin1(DeputyshipsKey));
    if (!kept)
        return kept.error();
    QJsonArray rows;
    if (!kept->isEmpty()) {
        rows = QJsonDocument::fromJson(kept->toUtf8()).array();
    } else {
        // Stored before the deputyships were kept on their own: an unchanged snapshot is not sent again.
        const Result<QJsonObject> rest = referenceRest();
        if (!rest)
            return rest.error();
        rows = rest->value(QLatin1String("deputyships")).toArray();
    }
    QList<Deputyship> deputyships;
    // The snapshot was checked when it was stored; a row that does not read is no deputyship.
    for (const QJsonValue &row : std::as_const(rows)) {
        if (Result<Deputyship> deputyship = Deputyship::fromJson(row.toObject()))
            deputyships.append(std::move(deputyship).value());
    }
    return deputyships;
}

Result<QList<User>> ReferenceRepository::users()
{
    return readAll<User>(m_db, QStringLiteral("SELECT json FROM users ORDER BY name_key, id"));
}

Result<QList<Team>> ReferenceRepository::teams()
{
    return readAll<Team>(m_db, QStringLiteral("SELECT json FROM teams ORDER BY code, id"));
}

Result<std::optional<User>> ReferenceRepository::user(const QUuid &id)
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT json FROM users WHERE id = ?"));
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, uuidToString(id));
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<User>();
    auto json = StoredJson::object((*stmt)->text(0));
    (*stmt)->reset();
    if (!json)
        return json.error();
    auto user = User::fromJson(*json);
    if (!user)
        return user.error();
    return std::optional<User>(std::move(user).value());
}

Result<QString> ReferenceRepository::setting(const QString &key)
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, key);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    const QString value = *row ? (*stmt)->text(0) : QString();
    (*stmt)->reset();
    return value;
}

Result<void> ReferenceRepository::setSetting(const QString &key, const QString &value)
{
    auto stmt = m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
    if (!stmt)
        return stmt.error();
    return (*stmt)->bind(1, key).bind(2, ColumnValue::text(value)).run();
}

} // namespace casedesk::storage
