// Small pieces every sync test needs: a new case to create, the arguments of a setFields command for one field,
// and one value read from the server's database.
#pragma once

#include "core/Case.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include "ParkingApplication.h"

namespace casedesk::test {

QJsonObject fieldEdit(const QString &field, const QJsonValue &oldValue, const QJsonValue &newValue);
// The first column of the first row; invalid when the query fails or returns no row.
QVariant queryScalar(QSqlDatabase db, const QString &sql);

} // namespace casedesk::test
