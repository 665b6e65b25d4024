#include "SyncTestData.h"

#include "core/Uuid.h"

#include <QSqlQuery>

namespace casedesk::test {

QJsonObject fieldEdit(const QString &field, const QJsonValue &oldValue, const QJsonValue &newValue)
{
    return {{QStringLiteral("fields"),
             QJsonObject{{field, QJsonObject{{QStringLiteral("old"), oldValue}, {QStringLiteral("new"), newValue}}}}}};
}

QVariant queryScalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

} // namespace casedesk::test
