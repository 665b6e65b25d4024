#include "core/ExpressionParser.h"

#include "core/Expression.h"

#include <QCoreApplication>

#include <cmath>
#include <optional>

namespace casedesk::expression {
namespace {

// Integers beyond 2^53 cannot be held exactly; refusing them beats comparing rounded numbers.
constexpr double MaxExactNumber = 9007199254740992.0;

struct Token {
    enum class Kind { End, Number, String, Name, Punct };
    Kind kind = Kind::End;
    QString text;
    double number = 0;
    int column = 0; // 1-based in the original text
};

class Parser {
public:
    Parser(const QString &text, int begin, int end) : m_text(text), m_pos(begin), m_end(end) {}

    Result<ParsedExpression> run()
    {
        if (!advance())
            return *m_error;
        auto root = parseOr();
        if (m_error)
            return *m_error;
        if (m_token.kind != Token::Kind::End)
            return fail(m_token.column,
                        QCoreApplication::translate("Core", "unexpected '%1' after the end of the expression")
                            .arg(m_token.text));
        m_variables.removeDuplicates();
        m_variables.sort();
        for (Node *node : m_variableNodes)
            node->variable = m_variables.indexOf(node->path.join(u'.'));
        return ParsedExpression{std::move(root), std::move(m_variables)};
    }

private:
    using NodePtr = std::unique_ptr<const Node>;

    Error fail(int column, const QString &what)
    {
        if (!m_error) {
            m_error = makeError(
                ErrorCode::Invalid,
                QCoreApplication::translate("Core", "Error in expression at column %1: %2.").arg(column).arg(what),
                m_text);
        }
        return *m_error;
    }

    // --- lexer -----------------------------------------------------------------------------------------
    bool advance()
    {
        while (m_pos < m_end && m_text.at(m_pos).isSpace())
            ++m_pos;
        m_token = Token{};
        m_token.column = m_pos + 1;
        if (m_pos >= m_end) {
            m_token.text = QCoreApplication::translate("Core", "end of expression");
            return true;
        }
        const QChar c = m_text.at(m_pos);
        if (c.isDigit())
            return lexNumber();
        if (c == u'"' || c == u'\'')
            return lexString(c);
        if (c.isLetter() || c == u'_') {
            const int start = m_pos;
            while (m_pos < m_end && (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'_'))
                ++m_pos;
            m_token.kind = Token::Kind::Name;
            m_token.text = m_text.mid(start, m_pos - start);
            return true;
        }
        static const char *const punctuation[] = {"&&", "||", "==", "!=", "<=", ">=", "<", ">", "=",
                                                  "!",  "(",  ")",  "[",  "]",  ",",  ".", "-"};
        for (const char *p : punctuation) {
            const QLatin1String candidate(p);
            if (QStringView(m_text).mid(m_pos, m_end - m_pos).startsWith(candidate)) {
                m_token.kind = Token::Kind::Punct;
                m_token.text = candidate;
                m_pos += int(candidate.size());
                return true;
            }
        }
        fail(m_token.column, QCoreApplication::translate("Core", "unexpected character '%1'").arg(c));
        return false;
    }

    bool lexNumber()
    {
        const int start = m_pos;
        auto digits = [this] {
            while (m_pos < m_end && m_text.at(m_pos).isDigit())
                ++m_pos;
        };
        digits();
        if (m_pos + 1 < m_end && m_text.at(m_pos) == u'.' && m_text.at(m_pos + 1).isDigit()) {
            ++m_pos;
            digits();
        }
        if (m_pos < m_end && (m_text.at(m_pos) == u'e' || m_text.at(m_pos) == u'E')) {
            int look = m_pos + 1;
            if (look < m_end && (m_text.at(look) == u'+' || m_text.at(look) == u'-'))
                ++look;
            if (look < m_end && m_text.at(look).isDigit()) {
                m_pos = look;
                digits();
            }
        }
        m_token.kind = Token::Kind::Number;
        m_token.text = m_text.mid(start, m_pos - start);
        bool ok = false;
        m_token.number = m_token.text.toDouble(&ok);
        if (!ok || !std::isfinite(m_token.number) || std::fabs(m_token.number) > MaxExactNumber) {
            fail(m_token.column,
                 QCoreApplication::translate("Core", "the number %1 is too large").arg(m_token.text.left(40)));
            return false;
        }
        return true;
    }

    bool lexString(QChar quote)
    {
        ++m_pos;
        QString value;
        while (m_pos < m_end && m_text.at(m_pos) != quote) {
            QChar c = m_text.at(m_pos++);
            if (c == u'\\' && m_pos < m_end) {
                const QChar escaped = m_text.at(m_pos++);
                c = escaped == u'n' ? QChar(u'\n') : escaped == u't' ? QChar(u'\t') : escaped;
            }
            value.append(c);
        }
        if (m_pos >= m_end) {
            fail(m_token.column, QCoreApplication::translate("Core", "the text that starts here has no closing quote"));
            return false;
        }
        ++m_pos;
        m_token.kind = Token::Kind::String;
        m_token.text = value;
        return true;
    }

    // --- grammar ---------------------------------------------------------------------------------------
    bool isPunct(const char *p) const { return m_token.kind == Token::Kind::Punct && m_token.text == QLatin1String(p); }
    bool isName(const char *n) const { return m_token.kind == Token::Kind::Name && m_token.text == QLatin1String(n); }

    bool expect(const char *p)
    {
        if (!isPunct(p)) {
            fail(m_token.column,
                 QCoreApplication::translate("Core", "expected '%1', found '%2'").arg(QLatin1String(p), m_token.text));
            return false;
        }
        return advance();
    }

    // Every recursion goes through here, so nesting is bounded however the input is written.
    bool enter()
    {
        if (++m_depth > Expression::MaxDepth) {
            fail(
                m_token.column,
                QCoreApplication::translate("Core", "it is nested more than %1 levels deep").arg(Expression::MaxDepth));
            return false;
        }
        return true;
    }

    std::unique_ptr<Node> makeNode(Op op, int column, std::vector<NodePtr> children = {})
    {
        auto node = std::make_unique<Node>();
        node->op = op;
        node->column = column;
        node->children = std::move(children);
        return node;
    }

    NodePtr binary(Op op, int column, NodePtr left, NodePtr right)
    {
        std::vector<NodePtr> children;
        children.push_back(std::move(left));
        children.push_back(std::move(right));
        return makeNode(op, column, std::move(children));
    }

    NodePtr unaryNode(Op op, int column, NodePtr operand)
    {
        std::vector<NodePtr> children;
        children.push_back(std::move(operand));
        return makeNode(op, column, std::move(children));
    }

    NodePtr parseOr()
    {
        if (!enter())
            return {};
        NodePtr left = parseAnd();
        while (!m_error && (isPunct("||") || isName("or"))) {
            const int column = m_token.column;
            if (!advance())
                return {};
            NodePtr right = parseAnd();
            left = binary(Op::Or, column, std::move(left), std::move(right));
        }
        --m_depth;
        return m_error ? NodePtr() : std::move(left);
    }

    NodePtr parseAnd()
    {
        NodePtr left = parseNot();
        while (!m_error && (isPunct("&&") || isName("and"))) {
            const int column = m_token.column;
            if (!advance())
                return {};
            NodePtr right = parseNot();
            left = binary(Op::And, column, std::move(left), std::move(right));
        }
        return m_error ? NodePtr() : std::move(left);
    }

    NodePtr parseNot()
    {
        if (isPunct("!") || isName("not")) {
            const int column = m_token.column;
            if (!enter() || !advance())
                return {};
            NodePtr operand = parseNot();
            --m_depth;
            return m_error ? NodePtr() : unaryNode(Op::Not, column, std::move(operand));
        }
        return parseComparison();
    }

    std::optional<Op> comparisonOp() const
    {
        static const struct {
            const char *punct;
            const char *word;
            Op op;
        } table[] = {{"==", "eq", Op::Equal},        {"=", nullptr, Op::Equal},   {"!=", "ne", Op::NotEqual},
                     {"<", "lt", Op::Less},          {"<=", "le", Op::LessEqual}, {">", "gt", Op::Greater},
                     {">=", "ge", Op::GreaterEqual}, {nullptr, "in", Op::In}};
        for (const auto &entry : table) {
            if ((entry.punct && isPunct(entry.punct)) || (entry.word && isName(entry.word)))
                return entry.op;
        }
        return std::nullopt;
    }

    NodePtr parseComparison()
    {
        NodePtr left = parseUnary();
        if (m_error)
            return {};
        if (const std::optional<Op> op = comparisonOp()) {
            const int column = m_token.column;
            if (!advance())
                return {};
            NodePtr right = parseUnary();
            if (m_error)
                return {};
            left = binary(*op, column, std::move(left), std::move(right));
            if (comparisonOp()) {
                fail(m_token.column,
                     QCoreApplication::translate("Core", "comparisons cannot be chained; join them with 'and'"));
                return {};
            }
        }
        return left;
    }

    NodePtr parseUnary()
    {
        const bool negate = isPunct("-");
        if (negate || isName("empty")) {
            const int column = m_token.column;
            if (!enter() || !advance())
                return {};
            NodePtr operand = parseUnary();
            --m_depth;
            return m_error ? NodePtr() : unaryNode(negate ? Op::Negate : Op::Empty, column, std::move(operand));
        }
        return parsePrimary();
    }

    NodePtr literal(Value value, int column)
    {
        auto node = makeNode(Op::Literal, column);
        node->value = std::move(value);
        return node;
    }

    NodePtr parsePrimary()
    {
        const Token token = m_token;
        switch (token.kind) {
        case Token::Kind::Number:
            return advance() ? literal(Value::fromNumber(token.number), token.column) : NodePtr();
        case Token::Kind::String:
            return advance() ? literal(Value::fromString(token.text), token.column) : NodePtr();
        case Token::Kind::Name:
            return parseName(token);
        case Token::Kind::Punct:
            if (token.text == QLatin1String("("))
                return parseGroup(")", token.column, /*listOnComma=*/true);
            if (token.text == QLatin1String("["))
                return parseGroup("]", token.column, /*listOnComma=*/false);
            break;
        case Token::Kind::End:
            break;
        }
        fail(token.column, QCoreApplication::translate("Core", "expected a value, found '%1'").arg(token.text));
        return {};
    }

    // "( a )" is grouping, "( a, b )" a FEEL list; "[ ... ]" is always a list.
    NodePtr parseGroup(const char *close, int column, bool listOnComma)
    {
        if (!enter() || !advance())
            return {};
        std::vector<NodePtr> elements;
        const bool emptyList = !listOnComma && isPunct(close);
        while (!emptyList && !m_error) {
            elements.push_back(parseOr());
            if (m_error || !isPunct(","))
                break;
            if (!advance())
                return {};
        }
        if (m_error || !expect(close))
            return {};
        --m_depth;
        if (listOnComma && elements.size() == 1)
            return std::move(elements.front());
        return makeNode(Op::List, column, std::move(elements));
    }

    NodePtr parseName(const Token &token)
    {
        static const char *const reserved[] = {"and", "or", "not", "in", "eq", "ne", "lt", "le", "gt", "ge"};
        for (const char *word : reserved) {
            if (token.text == QLatin1String(word)) {
                fail(token.column, QCoreApplication::translate("Core", "expected a value, found '%1'").arg(token.text));
                return {};
            }
        }
        if (!advance())
            return {};
        if (token.text == QLatin1String("true") || token.text == QLatin1String("false"))
            return literal(Value::fromBool(token.text == QLatin1String("true")), token.column);
        if (token.text == QLatin1String("null"))
            return literal(Value(), token.column);
        if (token.text == QLatin1String("today") && isPunct("("))
            return advance() && expect(")") ? makeNode(Op::Today, token.column) : NodePtr();
        if (token.text == QLatin1String("date") && isPunct("("))
            return parseDate(token.column);

        QStringList path{token.text};
        while (isPunct(".")) {
            if (!advance())
                return {};
            if (m_token.kind != Token::Kind::Name) {
                fail(m_token.column, QCoreApplication::translate("Core", "expected a field name after '.', found '%1'")
                                         .arg(m_token.text));
                return {};
            }
            path.append(m_token.text);
            if (!advance())
                return {};
        }
        m_variables.append(path.join(u'.'));
        auto node = makeNode(Op::Variable, token.column);
        node->path = std::move(path);
        m_variableNodes.push_back(node.get());
        return node;
    }

    NodePtr parseDate(int column)
    {
        if (!advance())
            return {};
        const Token argument = m_token;
        const QDate date =
            argument.kind == Token::Kind::String ? QDate::fromString(argument.text, Qt::ISODate) : QDate();
        if (!date.isValid() || argument.text.size() != 10) {
            fail(argument.column,
                 QCoreApplication::translate("Core", "'%1' is not a date; write it as date(\"2026-03-02\")")
                     .arg(argument.text));
            return {};
        }
        if (!advance() || !expect(")"))
            return {};
        return literal(Value::fromDate(date), column);
    }

    const QString &m_text;
    int m_pos;
    const int m_end;
    int m_depth = 0;
    Token m_token;
    std::optional<Error> m_error;
    QStringList m_variables;
    std::vector<Node *> m_variableNodes; // owned by the tree; numbered once the variables are sorted
};

} // namespace

Result<ParsedExpression> parseExpression(const QString &text)
{
    auto refuse = [&text](const QString &what) {
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Core", "Error in expression: %1.").arg(what),
                         text.left(200));
    };
    if (text.size() > Expression::MaxLength)
        return refuse(
            QCoreApplication::translate("Core", "it is longer than %1 characters").arg(Expression::MaxLength));

    // Strip the spelling's wrapper: ${...} and #{...} (JUEL), a leading "=" (FEEL); keep columns as written.
    int begin = 0;
    int end = int(text.size());
    while (begin < end && text.at(begin).isSpace())
        ++begin;
    while (end > begin && text.at(end - 1).isSpace())
        --end;
    const QStringView trimmed = QStringView(text).mid(begin, end - begin);
    if (trimmed.startsWith(QLatin1String("${")) || trimmed.startsWith(QLatin1String("#{"))) {
        if (!trimmed.endsWith(u'}'))
            return refuse(QCoreApplication::translate("Core", "'%1' has no closing '}'").arg(trimmed.left(2)));
        begin += 2;
        --end;
    } else if (trimmed.startsWith(u'=') && !trimmed.startsWith(QLatin1String("=="))) {
        ++begin;
    }
    if (QStringView(text).mid(begin, end - begin).trimmed().isEmpty())
        return refuse(QCoreApplication::translate("Core", "it is empty"));
    return Parser(text, begin, end).run();
}

} // namespace casedesk::expression
