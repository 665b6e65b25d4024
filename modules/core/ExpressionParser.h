// Turns expression text (JUEL `${...}`, FEEL `= ...` or bare) into a node tree (private to core; the
// public face is Expression::parse). Recursive descent with a depth limit, so hostile input is refused
// with an error instead of exhausting the stack.
#pragma once

#include "core/ExpressionNode.h"
#include "core/Result.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace casedesk::expression {

struct ParsedExpression {
    std::unique_ptr<const Node> root;
    QStringList variables; // dotted, sorted, unique
};

Result<ParsedExpression> parseExpression(const QString &text);

} // namespace casedesk::expression
