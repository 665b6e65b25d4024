#include "storage/ColumnValue.h"

#include "core/Uuid.h"

namespace casedesk::storage {

QString ColumnValue::text(const QString &text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

QString ColumnValue::id(const QUuid &id)
{
    return text(uuidToString(id));
}

} // namespace casedesk::storage
