// The parsed form of an Expression (private to core): an immutable tree of nodes and the values they
// compute. See Expression.h for the language.
#pragma once

#include "core/ExpressionValue.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace casedesk::expression {

using Value = ExpressionValue;

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
