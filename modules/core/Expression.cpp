#include "core/Expression.h"

#include "core/ExpressionNode.h"
#include "core/ExpressionParser.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace casedesk {
namespace {

using expression::Node;
using expression::Op;
using expression::Value;
using Type = Value::Type;

QString typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return QCoreApplication::translate("Core", "nothing");
    case Type::Bool:
        return QCoreApplication::translate("Core", "true/false");
    case Type::Number:
        return QCoreApplication::translate("Core", "a number");
    case Type::String:
        return QCoreApplication::translate("Core", "text");
    case Type::Date:
        return QCoreApplication::translate("Core", "a date");
    case Type::List:
        return QCoreApplication::translate("Core", "a list");
    case Type::Object:
        return QCoreApplication::translate("Core", "a group of fields");
    }
    return {};
}

// Form data keeps decimals as text ("12.50"), so a string that reads as a number compares as one.
std::optional<double> toDouble(QStringView text)
{
    bool ok = false;
    const double number = text.toDouble(&ok);
    return ok && std::isfinite(number) ? std::optional<double>(number) : std::nullopt;
}

std::optional<double> asNumber(const Value &value)
{
    if (value.type == Type::Number)
        return value.number;
    if (value.type == Type::String) {
        // Form values are short ASCII numbers: std::from_chars reads them exactly, at a small part of the cost of
        // QString::toDouble. Anything else (long, not ASCII) still goes through Qt.
        const QStringView text = QStringView(value.string).trimmed();
        std::array<char, 40> ascii{};
        if (text.isEmpty() || text.size() > qsizetype(ascii.size()))
            return text.isEmpty() ? std::nullopt : toDouble(text);
        qsizetype length = 0;
        for (const QChar c : text) {
            if (c.unicode() > 0x7f)
                return toDouble(text);
            ascii[length++] = char(c.unicode());
        }
        const char *begin = ascii.data() + (ascii[0] == '+' ? 1 : 0); // QString::toDouble reads a leading plus
        double number = 0;
        const std::from_chars_result read = std::from_chars(begin, ascii.data() + length, number);
        if (read.ec == std::errc() && read.ptr == ascii.data() + length && std::isfinite(number))
            return number;
    }
    return std::nullopt;
}

std::optional<QDate> asDate(const Value &value)
{
    if (value.type == Type::Date)
        return value.date;
    if (value.type == Type::String && value.string.size() == 10) {
        const QDate date = QDate::fromString(value.string, Qt::ISODate);
        if (date.isValid())
            return date;
    }
    return std::nullopt;
}

// -1, 0, 1, or nullopt when the two cannot be ordered.
std::optional<int> compare(const Value &a, const Value &b)
{
    auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    if (a.type == Type::Number || b.type == Type::Number) {
        const auto x = asNumber(a);
        const auto y = asNumber(b);
        if (x && y)
            return sign(*x, *y);
        return std::nullopt;
    }
    if (a.type == Type::Date || b.type == Type::Date) {
        const auto x = asDate(a);
        const auto y = asDate(b);
        if (x && y)
            return sign(*x, *y);
        return std::nullopt;
    }
    if (a.type == Type::String && b.type == Type::String)
        return sign(QStringView(a.string).compare(b.string), 0);
    if (a.type == Type::Bool && b.type == Type::Bool)
        return sign(a.boolean, b.boolean);
    return std::nullopt;
}

bool equals(const Value &a, const Value &b)
{
    if (a.type == Type::Null || b.type == Type::Null)
        return a.type == b.type;
    if (a.type == Type::List && b.type == Type::List) {
        if (a.list.size() != b.list.size())
            return false;
        for (qsizetype i = 0; i < a.list.size(); ++i) {
            if (!equals(a.list.at(i), b.list.at(i)))
                return false;
        }
        return true;
    }
    const std::optional<int> order = compare(a, b);
    return order && *order == 0;
}

class Evaluator {
public:
    Evaluator(const ExpressionVariables &variables, const QDate &today, const QString &text)
        : m_variables(variables), m_today(today), m_text(text)
    {
    }

    Result<Value> eval(const Node &node) const
    {
        switch (node.op) {
        case Op::Literal:
            return node.value;
        case Op::Variable: {
            std::optional<Value> found = m_variables.value(node.variable);
            return found ? std::move(*found) : Value();
        }
        case Op::Today:
            if (!m_today.isValid())
                return fail(node, QCoreApplication::translate("Core", "today() is not available here"));
            return Value::fromDate(m_today);
        case Op::List: {
            Value list;
            list.type = Type::List;
            for (const auto &child : node.children) {
                Result<Value> element = eval(*child);
                if (!element)
                    return element;
                list.list.append(std::move(element).value());
            }
            return list;
        }
        case Op::Negate: {
            const Result<Value> operand = eval(*node.children[0]);
            if (!operand)
                return operand;
            const std::optional<double> number = asNumber(*operand);
            if (!number)
                return fail(
                    node,
                    QCoreApplication::translate("Core", "'-' needs a number, not %1").arg(typeName(operand->type)));
            return Value::fromNumber(-*number);
        }
        default: {
            const Result<bool> value = *boolean(node);
            if (!value)
                return value.error();
            return Value::fromBool(*value);
        }
        }
    }

    // The operators that always give a boolean (logic, `empty`, comparisons), answered without building a value
    // for their result (conditions are made of them); nullopt for the others.
    std::optional<Result<bool>> boolean(const Node &node) const
    {
        switch (node.op) {
        case Op::Not: {
            const Result<std::optional<bool>> operand = truth(node, *node.children[0]);
            if (!operand)
                return Result<bool>(operand.error());
            return Result<bool>(!operand->value_or(false));
        }
        case Op::And:
        case Op::Or:
            return logical(node);
        case Op::Empty: {
            const Result<Value> operand = eval(*node.children[0]);
            if (!operand)
                return Result<bool>(operand.error());
            return Result<bool>(isEmpty(*operand));
        }
        case Op::Equal:
        case Op::NotEqual:
        case Op::Less:
        case Op::LessEqual:
        case Op::Greater:
        case Op::GreaterEqual:
        case Op::In:
            return comparison(node);
        default:
            return std::nullopt;
        }
    }

    // A boolean operand: null counts as "no" (nullopt); anything else is an error.
    Result<std::optional<bool>> truth(const Node &parent, const Node &operand) const
    {
        if (const std::optional<Result<bool>> known = boolean(operand)) {
            if (!*known)
                return known->error();
            return std::optional<bool>(**known);
        }
        const Result<Value> value = eval(operand);
        if (!value)
            return value.error();
        if (value->type == Type::Null)
            return std::optional<bool>();
        if (value->type != Type::Bool)
            return fail(
                parent,
                QCoreApplication::translate("Core", "expected true or false, found %1").arg(typeName(value->type)));
        return std::optional<bool>(value->boolean);
    }

    Error fail(const Node &node, const QString &what) const
    {
        return makeError(
            ErrorCode::Invalid,
            QCoreApplication::translate("Core", "Error in expression at column %1: %2.").arg(node.column).arg(what),
            m_text);
    }

private:
    static bool isEmpty(const Value &value)
    {
        return value.type == Type::Null || (value.type == Type::String && value.string.isEmpty()) ||
               (value.type == Type::List && value.list.isEmpty()) ||
               (value.type == Type::Object && (!value.object || value.object->isEmpty()));
    }

    Result<bool> logical(const Node &node) const
    {
        const bool isAnd = node.op == Op::And;
        const Result<std::optional<bool>> left = truth(node, *node.children[0]);
        if (!left)
            return left.error();
        // Short-circuit, so `x != null and x > 3` never compares null.
        if (left->value_or(false) != isAnd)
            return !isAnd;
        const Result<std::optional<bool>> right = truth(node, *node.children[1]);
        if (!right)
            return right.error();
        return right->value_or(false);
    }

    // An operand's value: a literal's own, without a copy; anything else evaluated into `storage`.
    Result<const Value *> operand(const Node &node, std::optional<Value> &storage) const
    {
        if (node.op == Op::Literal)
            return &node.value;
        Result<Value> value = eval(node);
        if (!value)
            return value.error();
        return &storage.emplace(std::move(value).value());
    }

    Result<bool> comparison(const Node &node) const
    {
        if (const std::optional<bool> equal = textEquality(node))
            return *equal == (node.op == Op::Equal);
        std::optional<Value> leftStorage, rightStorage;
        const Result<const Value *> leftOperand = operand(*node.children[0], leftStorage);
        if (!leftOperand)
            return leftOperand.error();
        const Value &left = **leftOperand;
        const Node &rightNode = *node.children[1];
        // `x in ['a', 'b']`: the literals compared where they are, without building the list.
        if (node.op == Op::In && rightNode.op == Op::List &&
            std::all_of(rightNode.children.cbegin(), rightNode.children.cend(),
                        [](const auto &child) { return child->op == Op::Literal; }))
            return std::any_of(rightNode.children.cbegin(), rightNode.children.cend(),
                               [&](const auto &child) { return equals(left, child->value); });
        const Result<const Value *> rightOperand = operand(rightNode, rightStorage);
        if (!rightOperand)
            return rightOperand.error();
        const Value &right = **rightOperand;
        switch (node.op) {
        case Op::Equal:
            return equals(left, right);
        case Op::NotEqual:
            return !equals(left, right);
        case Op::In:
            if (right.type == Type::Null)
                return false;
            if (right.type != Type::List)
                return fail(node, QCoreApplication::translate("Core", "'in' needs a list on its right, not %1")
                                      .arg(typeName(right.type)));
            return std::any_of(right.list.cbegin(), right.list.cend(),
                               [&](const Value &element) { return equals(left, element); });
        default:
            break;
        }
        // Ordering with a missing value is false rather than an error: a form field not filled in yet.
        if (left.type == Type::Null || right.type == Type::Null)
            return false;
        const std::optional<int> order = compare(left, right);
        if (!order)
            return fail(node, QCoreApplication::translate("Core", "cannot compare %1 with %2")
                                  .arg(typeName(left.type), typeName(right.type)));
        switch (node.op) {
        case Op::Less:
            return *order < 0;
        case Op::LessEqual:
            return *order <= 0;
        case Op::Greater:
            return *order > 0;
        default:
            return *order >= 0;
        }
    }

    // The most common condition in forms, `field == 'code'` (or `!=`), answered without building values when the
    // field holds text or nothing: whether the two are equal, or nullopt when the general rules must decide.
    std::optional<bool> textEquality(const Node &node) const
    {
        if (node.op != Op::Equal && node.op != Op::NotEqual)
            return std::nullopt;
        const Node &left = *node.children[0];
        const Node &right = *node.children[1];
        const bool variableFirst = left.op == Op::Variable && right.op == Op::Literal;
        const Node &variable = variableFirst ? left : right;
        const Node &literal = variableFirst ? right : left;
        if (variable.op != Op::Variable || literal.op != Op::Literal || literal.value.type != Type::String)
            return std::nullopt;
        const std::optional<Value> found = m_variables.value(variable.variable);
        if (!found || found->type == Type::Null)
            return false; // null equals nothing but null
        if (found->type != Type::String)
            return std::nullopt; // a number or date in text compares by value
        return found->string == literal.value.string;
    }

    const ExpressionVariables &m_variables;
    const QDate m_today;
    const QString &m_text;
};

// Variables looked up by path, one call per use.
class ResolverVariables final : public ExpressionVariables {
public:
    ResolverVariables(const ExpressionResolver &resolve, const QList<QStringList> &paths)
        : m_resolve(resolve), m_paths(paths)
    {
    }
    std::optional<ExpressionValue> value(qsizetype index) const override
    {
        const std::optional<QJsonValue> json = m_resolve ? m_resolve(m_paths.at(index)) : std::nullopt;
        return json ? std::optional<ExpressionValue>(ExpressionValue::fromJson(*json)) : std::nullopt;
    }

private:
    const ExpressionResolver &m_resolve;
    const QList<QStringList> &m_paths;
};

// Variables from a JSON object; a path walks nested objects.
class ObjectVariables final : public ExpressionVariables {
public:
    ObjectVariables(const QJsonObject &object, const QList<QStringList> &paths) : m_object(object), m_paths(paths) {}
    std::optional<ExpressionValue> value(qsizetype index) const override
    {
        QJsonValue current = m_object;
        for (const QString &name : m_paths.at(index)) {
            if (!current.isObject())
                return std::nullopt;
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(name);
            if (it == object.constEnd())
                return std::nullopt;
            current = *it;
        }
        return ExpressionValue::fromJson(current);
    }

private:
    const QJsonObject &m_object;
    const QList<QStringList> &m_paths;
};

} // namespace

Result<Expression> Expression::parse(const QString &text)
{
    Result<expression::ParsedExpression> parsed = expression::parseExpression(text);
    if (!parsed)
        return parsed.error();
    Expression result;
    result.m_root = std::shared_ptr<const Node>(std::move(parsed.value().root));
    result.m_variables = std::move(parsed.value().variables);
    for (const QString &variable : std::as_const(result.m_variables))
        result.m_variablePaths.append(variable.split(u'.'));
    result.m_text = text;
    return result;
}

Result<QJsonValue> Expression::evaluate(const ExpressionVariables &variables, const QDate &today) const
{
    if (!m_root)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Core", "The expression is empty."));
    const Result<Value> value = Evaluator(variables, today, m_text).eval(*m_root);
    if (!value)
        return value.error();
    return value->toJson();
}

Result<QJsonValue> Expression::evaluate(const ExpressionResolver &resolve, const QDate &today) const
{
    return evaluate(ResolverVariables(resolve, m_variablePaths), today);
}

Result<QJsonValue> Expression::evaluate(const QJsonObject &variables, const QDate &today) const
{
    return evaluate(ObjectVariables(variables, m_variablePaths), today);
}

Result<bool> Expression::test(const ExpressionVariables &variables, const QDate &today) const
{
    if (!m_root)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Core", "The expression is empty."));
    const Evaluator evaluator(variables, today, m_text);
    if (std::optional<Result<bool>> known = evaluator.boolean(*m_root))
        return std::move(*known);
    const Result<Value> value = evaluator.eval(*m_root);
    if (!value)
        return value.error();
    if (value->type == Type::Null)
        return false;
    if (value->type != Type::Bool)
        return evaluator.fail(*m_root, QCoreApplication::translate("Core", "a condition must give true or false, "
                                                                           "not %1")
                                           .arg(typeName(value->type)));
    return value->boolean;
}

Result<bool> Expression::test(const ExpressionResolver &resolve, const QDate &today) const
{
    return test(ResolverVariables(resolve, m_variablePaths), today);
}

Result<bool> Expression::test(const QJsonObject &variables, const QDate &today) const
{
    return test(ObjectVariables(variables, m_variablePaths), today);
}

} // namespace casedesk
