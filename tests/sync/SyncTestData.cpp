#include "SyncTestData.h"

#include "core/Uuid.h"

#include <QSqlQuery>

namespace casedesk::test {

Case parkingApplication(const QUuid &team, const QString &title)
{
    Case c;
    c.id = createUuidV7();
    c.caseType = QStringLiteral("bewohnerparken");
    c.title = title;
    c.applicant.givenName = QStringLiteral("Erika");
    c.applicant.familyName = QStringLiteral("Mustermann");
    c.teamId = team;
    return c;
}

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
