#include "server/JsonFields.h"

#include "core/Uuid.h"

namespace casedesk::server {

JsonFields::JsonFields(QJsonObject object) : m_object(std::move(object)) {}

QString JsonFields::text(const QString &name, qsizetype maxLength)
{
    const QJsonValue value = m_object.value(name);
    const QString text = value.toString();
    if (!value.isString() || text.isEmpty() || text.size() > maxLength) {
        fail(name, QStringLiteral("a string of 1 to %1 characters").arg(maxLength));
        return {};
    }
    return text;
}

QUuid JsonFields::uuid(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    const QUuid id = value.isString() ? uuidFromString(value.toString()) : QUuid();
    if (id.isNull()) {
        fail(name, QStringLiteral("a UUID string"));
        return {};
    }
    return id;
}

void JsonFields::fail(const QString &name, const QString &expected)
{
    if (!m_error)
        m_error = ApiError::invalidField(name, expected);
}

} // namespace casedesk::server
