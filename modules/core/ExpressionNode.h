// The parsed form of an Expression (private to core): an immutable tree of nodes and the values they
// compute. See Expression.h for the language.
#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace casedesk::expression {

struct Value {
    enum class Type { Null, Bool, Number, String, Date, List, Object };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    QString string;
    QDate date;
    QList<Value> list;
    QJsonObject object; // only kept so `empty` can look at it; objects cannot be compared

    static Value fromBool(bool b)
    {
        Value v;
        v.type = Type::Bool;
        v.boolean = b;
        return v;
    }
    static Value fromNumber(double n)
    {
        Value v;
        v.type = Type::Number;
        v.number = n;
        return v;
    }
    static Value fromString(QString s)
    {
        Value v;
        v.type = Type::String;
        v.string = std::move(s);
        return v;
    }
    static Value fromDate(QDate d)
    {
        Value v;
        v.type = Type::Date;
        v.date = d;
        return v;
    }
};

enum class Op {
    Literal,  // value
    Variable, // path
    Today,
    List, // children are the elements
    Not,
    Empty,
    Negate,
    And,
    Or,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    In,
};

struct Node {
    Op op = Op::Literal;
    Value value;             // Literal
    QStringList path;        // Variable
    qsizetype variable = -1; // Variable: its position in Expression::variables()
    int column = 0;          // 1-based, in the text as written, for evaluation errors
    std::vector<std::unique_ptr<const Node>> children;
};

} // namespace casedesk::expression
