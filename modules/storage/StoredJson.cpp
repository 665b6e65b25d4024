#include "storage/StoredJson.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace casedesk::storage {

QString StoredJson::text(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Result<QJsonObject> StoredJson::object(const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Storage",
                                                     "The local case cache holds damaged data. You can move it aside; "
                                                     "CaseDesk then builds a new cache and fetches your cases from "
                                                     "the server again."),
                         QStringLiteral("stored JSON: %1").arg(parseError.errorString()));
    return document.object();
}

} // namespace casedesk::storage
