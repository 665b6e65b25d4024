#include "core/ExpressionValue.h"

#include <QJsonArray>

namespace casedesk {

ExpressionValue ExpressionValue::fromJson(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Bool:
        return fromBool(json.toBool());
    case QJsonValue::Double:
        return fromNumber(json.toDouble());
    case QJsonValue::String:
        return fromString(json.toString());
    case QJsonValue::Array: {
        ExpressionValue list;
        list.type = Type::List;
        for (const QJsonValue &element : json.toArray())
            list.list.append(fromJson(element));
        return list;
    }
    case QJsonValue::Object: {
        ExpressionValue object;
        object.type = Type::Object;
        object.object = json.toObject();
        return object;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QJsonValue ExpressionValue::toJson() const
{
    switch (type) {
    case Type::Null:
        return QJsonValue::Null;
    case Type::Bool:
        return boolean;
    case Type::Number:
        return number;
    case Type::String:
        return string;
    case Type::Date:
        return date.toString(Qt::ISODate);
    case Type::List: {
        QJsonArray array;
        for (const ExpressionValue &element : list)
            array.append(element.toJson());
        return array;
    }
    case Type::Object:
        return object.value_or(QJsonObject());
    }
    return QJsonValue::Null;
}

} // namespace casedesk
