// A value as expressions compute with it: what variables give them and what they give back. Callers that
// evaluate very often (form validation) hand values over in this form, so no JSON value has to be built for
// each read (a JSON string costs several allocations in Qt 6.4).
#pragma once

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace casedesk {

struct ExpressionValue {
    enum class Type { Null, Bool, Number, String, Date, List, Object };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    QString string;
    QDate date;
    QList<ExpressionValue> list;
    // Only kept so `empty` can look at it (objects cannot be compared); optional, so values of the other types
    // are made, copied and destroyed without a call into Qt.
    std::optional<QJsonObject> object;

    static ExpressionValue fromBool(bool b)
    {
        ExpressionValue v;
        v.type = Type::Bool;
        v.boolean = b;
        return v;
    }
    static ExpressionValue fromNumber(double n)
    {
        ExpressionValue v;
        v.type = Type::Number;
        v.number = n;
        return v;
    }
    static ExpressionValue fromString(QString s)
    {
        ExpressionValue v;
        v.type = Type::String;
        v.string = std::move(s);
        return v;
    }
    static ExpressionValue fromDate(QDate d)
    {
        ExpressionValue v;
        v.type = Type::Date;
        v.date = d;
        return v;
    }
    // JSON null and undefined become Null; arrays become lists.
    static ExpressionValue fromJson(const QJsonValue &json);
    // Dates as ISO text, lists as arrays.
    QJsonValue toJson() const;
};

} // namespace casedesk
