#include "forms/LocalizedText.h"

#include <QJsonObject>

namespace casedesk::forms {

QString LocalizedText::text() const
{
    return text(QLocale().language());
}

QString LocalizedText::text(QLocale::Language language) const
{
    if (language == QLocale::German)
        return de.isEmpty() ? en : de;
    return en.isEmpty() ? de : en;
}

QJsonValue LocalizedText::toJson() const
{
    QJsonObject json;
    if (!en.isEmpty())
        json.insert(QLatin1String("en"), en);
    if (!de.isEmpty())
        json.insert(QLatin1String("de"), de);
    return json;
}

} // namespace casedesk::forms
