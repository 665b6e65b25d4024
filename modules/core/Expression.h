// The safe expression language shared by workflow conditions and form rules (one implementation, so a
// condition means the same in a process model, a form and on client and server).
//
// Accepted spellings: the JUEL form of Camunda 7 (`${amount > 1000 && zone == "A"}`), FEEL style
// (`= amount > 1000 and zone = "A"`) and a bare expression (`amount > 1000`). Grammar, loosest first:
//   or:         and { ("||" | "or") and }
//   and:        not { ("&&" | "and") not }
//   not:        ("!" | "not") not | "empty" unary | comparison      (also `not(x)`, `empty(x)`)
//   comparison: unary [ ("==" | "=" | "eq" | "!=" | "ne" | "<" | "lt" | "<=" | "le" | ">" | "gt" | ">=" | "ge")
//                       unary | "in" list ]
//   unary:      ["-"] primary
//   primary:    number | "string" | 'string' | true | false | null | path | "(" or ")" | list
//               | date("2026-03-02") | today()
//   path:       name { "." name }        (a name is letters, digits and "_", not starting with a digit)
//   list:       "[" [ or { "," or } ] "]"
// Values are null, booleans, numbers (exact integers up to 2^53, decimals), strings, dates and lists. A
// missing variable is null. Comparisons: numbers with numbers (a string holding a number counts as one, as
// form data keeps decimals as text), strings with strings, dates with dates (an ISO date string counts as a
// date when compared with one); ordering against null is false; other mixes are an error. `empty` is true
// for null, "" and []. Conditions must give a boolean (null counts as false).
// There is no function call beyond date/today/empty/not, no assignment, no method call, no script.
#pragma once

#include "core/ExpressionValue.h"
#include "core/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace casedesk {

namespace expression {
struct Node;
}

// Looks a variable up by its path (`vehicle.emissionClass` arrives as {"vehicle", "emissionClass"});
// nullopt when it does not exist (the expression then sees null).
using ExpressionResolver = std::function<std::optional<QJsonValue>(const QStringList &path)>;

// Variables by position, for callers that evaluate the same expression very often (form validation): they map
// each entry of Expression::variables() to where its value lives once, instead of looking a path up each time.
class ExpressionVariables {
public:
    virtual ~ExpressionVariables() = default;
    // The value of variables().at(index); nullopt when it does not exist (the expression then sees null).
    virtual std::optional<ExpressionValue> value(qsizetype index) const = 0;
};

class Expression {
public:
    // Limits that keep hostile input harmless: longer text, deeper nesting or bigger numbers are refused.
    static constexpr int MaxLength = 4096;
    static constexpr int MaxDepth = 64;

    Expression() = default; // a null expression; parse() gives the usable ones

    // Parses `text` in any of the accepted spellings. Errors are ErrorCode::Invalid with a translated message
    // that names the column and what was expected.
    static Result<Expression> parse(const QString &text);

    bool isNull() const { return !m_root; }
    const QString &text() const { return m_text; }
    // Every variable path the expression reads, dotted ("vehicle.emissionClass"), sorted and unique; lets
    // callers check models and forms for references to fields that do not exist.
    const QStringList &variables() const { return m_variables; }
    // The same paths split at the dots ({"vehicle", "emissionClass"}), in the same order.
    const QList<QStringList> &variablePaths() const { return m_variablePaths; }

    // Evaluates to a JSON value (dates as ISO strings, lists as arrays). `today` backs today(); when it is a
    // null date, today() is an evaluation error (the engines have no clock of their own).
    Result<QJsonValue> evaluate(const ExpressionResolver &resolve, const QDate &today = {}) const;
    // Variables from a JSON object; a path walks nested objects.
    Result<QJsonValue> evaluate(const QJsonObject &variables, const QDate &today = {}) const;
    Result<QJsonValue> evaluate(const ExpressionVariables &variables, const QDate &today = {}) const;

    // A condition: a boolean result, null counting as false; any other type is an error.
    Result<bool> test(const ExpressionResolver &resolve, const QDate &today = {}) const;
    Result<bool> test(const QJsonObject &variables, const QDate &today = {}) const;
    Result<bool> test(const ExpressionVariables &variables, const QDate &today = {}) const;

private:
    std::shared_ptr<const expression::Node> m_root; // immutable, so copies share it across threads
    QString m_text;
    QStringList m_variables;
    QList<QStringList> m_variablePaths;
};

} // namespace casedesk
