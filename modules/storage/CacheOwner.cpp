#include "storage/CacheOwner.h"

#include "core/Uuid.h"
#include "storage/CacheDatabase.h"
#include "storage/ReferenceRepository.h"
#include "storage/SearchIndexer.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageLog.h"

#include <QCoreApplication>

namespace casedesk::storage {

namespace {

const QString OwnerKey = QStringLiteral("owner");
// Where caches written before the owner was kept remember the user of the last login.
const QString LastLoginKey = QStringLiteral("sessionUser");

Result<QUuid> readOwner(ReferenceRepository &settings)
{
    for (const QString &key : {OwnerKey, LastLoginKey}) {
        const Result<QString> stored = settings.setting(key);
        if (!stored)
            return stored.error();
        if (const QUuid user = uuidFromString(*stored); !user.isNull())
            return user;
    }
    return QUuid();
}

} // namespace

CacheOwner::CacheOwner(CacheDatabase &db) : m_db(db) {}

Result<QUuid> CacheOwner::owner()
{
    ReferenceRepository settings(m_db);
    return readOwner(settings);
}

Result<bool> CacheOwner::takeOver(const QUuid &user)
{
    if (user.isNull())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Storage", "The login names no user. Please "
                                                                                    "report this problem to your IT "
                                                                                    "support."));
    SqliteDatabase &db = m_db.sqlite();
    SqliteTransaction transaction(db);
    if (!transaction.began())
        return transaction.began().error();
    ReferenceRepository settings(db);
    const Result<QUuid> stored = readOwner(settings);
    if (!stored)
        return stored.error();
    const QUuid previous = stored.value();
    const bool startsOver = !previous.isNull() && previous != user;
    if (startsOver) {
        const Result<qint64> count = db.queryInt64(QStringLiteral("SELECT count(*) FROM outbox"));
        if (!count)
            return count.error();
        if (*count > 0)
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Storage",
                                                         "This installation holds %n change(s) of the "
                                                         "previous user that are not on the server yet. "
                                                         "Log in as that user once to send them, then "
                                                         "log in again.",
                                                         nullptr, int(*count)),
                             QStringLiteral("outbox of %1 not empty").arg(uuidToString(previous)));
        // Everything of the previous user; the settings go too: clientId, sequence, cursor, reference tag.
        const QStringList tables{QStringLiteral("case_view"),      QStringLiteral("case_confirmed"),
                                 QStringLiteral("note_confirmed"), QStringLiteral("document_confirmed"),
                                 SearchIndexer::tableName(),       SearchIndexer::originalTableName(),
                                 QStringLiteral("users"),          QStringLiteral("teams"),
                                 QStringLiteral("settings")};
        for (const QString &table : tables) {
            if (auto cleared = db.exec(QStringLiteral("DELETE FROM ") + table); !cleared)
                return cleared.error();
        }
        qCInfo(lcStorage).noquote() << "the cache of" << uuidToString(previous) << "starts over for"
                                    << uuidToString(user);
    }
    if (auto kept = settings.setSetting(OwnerKey, uuidToString(user)); !kept)
        return kept.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return startsOver;
}

} // namespace casedesk::storage
