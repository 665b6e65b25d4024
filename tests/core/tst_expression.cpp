// The safe expression language: both spellings, every operator, the type rules, and hostile input.
#include "core/Expression.h"
#include "mock/TestSupport.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using casedesk::Expression;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class TestExpression : public QObject {
    Q_OBJECT

private slots:
    void evaluates_data();
    void evaluates();
    void refusesMalformedText_data();
    void refusesMalformedText();
    void reportsEvaluationErrors_data();
    void reportsEvaluationErrors();
    void conditionsNeedBooleans();
    void listsVariables();
    void resolverSeesPaths();
    void positionalVariables();
    void longFlatChainsEvaluate();
    void randomTextNeverCrashes();
};

void TestExpression::evaluates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("expected"); // JSON of the result, wrapped in an array

    const QString order = QStringLiteral(R"({"amount": 1500, "zone": "A"})");
    QTest::newRow("juel") << QStringLiteral(R"(${amount > 1000 && zone == "A"})") << order << "[true]";
    QTest::newRow("juel deferred") << QStringLiteral(R"(#{amount > 1000})") << order << "[true]";
    QTest::newRow("feel") << QStringLiteral(R"(= amount > 1000 and zone = "A")") << order << "[true]";
    QTest::newRow("bare") << QStringLiteral(R"(amount > 1000 and zone = "B")") << order << "[false]";
    QTest::newRow("juel words") << QStringLiteral("${amount gt 1000 and not (amount ge 2000)}") << order << "[true]";
    QTest::newRow("juel lt le eq ne") << QStringLiteral(
                                             R"(amount lt 2000 && amount le 1500 && zone eq "A" && zone ne "B")")
                                      << order << "[true]";
    QTest::newRow("or") << QStringLiteral("amount < 10 || amount > 1000") << order << "[true]";
    QTest::newRow("and binds tighter than or") << QStringLiteral("true or false and false") << "{}"
                                               << "[true]";
    QTest::newRow("parentheses") << QStringLiteral("(true or false) and false") << "{}"
                                 << "[false]";
    QTest::newRow("not missing") << QStringLiteral("not approved") << "{}"
                                 << "[true]";
    QTest::newRow("bang true") << QStringLiteral("!approved") << R"({"approved": true})"
                               << "[false]";
    QTest::newRow("feel not()") << QStringLiteral("not(approved)") << R"({"approved": false})"
                                << "[true]";
    QTest::newRow("empty missing") << QStringLiteral("empty documents") << "{}"
                                   << "[true]";
    QTest::newRow("empty list") << QStringLiteral("empty documents") << R"({"documents": []})"
                                << "[true]";
    QTest::newRow("not empty list") << QStringLiteral("empty(documents)") << R"({"documents": ["a"]})"
                                    << "[false]";
    QTest::newRow("empty text") << QStringLiteral("empty name") << R"({"name": ""})"
                                << "[true]";
    QTest::newRow("empty object") << QStringLiteral("empty vehicle") << R"({"vehicle": {}})"
                                  << "[true]";
    QTest::newRow("nested path") << QStringLiteral("vehicle.emissionClass == 4")
                                 << R"({"vehicle": {"emissionClass": 4}})"
                                 << "[true]";
    QTest::newRow("path through a non-object") << QStringLiteral("vehicle.emissionClass == null") << R"({"vehicle": 3})"
                                               << "[true]";
    QTest::newRow("unicode names") << QStringLiteral("Straße == \"Königstraße\"") << R"({"Straße": "Königstraße"})"
                                   << "[true]";
    QTest::newRow("string order") << QStringLiteral(R"(name < "B")") << R"({"name": "Albrecht"})"
                                  << "[true]";
    QTest::newRow("decimal text as number") << QStringLiteral("area > 12.4") << R"({"area": "12.50"})"
                                            << "[true]";
    QTest::newRow("decimal text equal") << QStringLiteral("area == 12.5") << R"({"area": "12.50"})"
                                        << "[true]";
    QTest::newRow("dates as text") << QStringLiteral("start < end") << R"({"start": "2026-03-02", "end": "2026-12-31"})"
                                   << "[true]";
    QTest::newRow("date literal") << QStringLiteral(R"(start >= date("2026-03-03"))") << R"({"start": "2026-03-02"})"
                                  << "[false]";
    QTest::newRow("today") << QStringLiteral("today() > deadline") << R"({"deadline": "2026-11-25"})"
                           << "[true]";
    QTest::newRow("today value") << QStringLiteral("today()") << "{}"
                                 << R"(["2026-11-26"])";
    QTest::newRow("in feel list") << QStringLiteral(R"(zone in ("A", "B"))") << order << "[true]";
    QTest::newRow("in bracket list") << QStringLiteral(R"(zone in ["B"])") << order << "[false]";
    QTest::newRow("in variable list") << QStringLiteral("4 in classes") << R"({"classes": [2, 3, 4]})"
                                      << "[true]";
    QTest::newRow("in missing list") << QStringLiteral("4 in classes") << "{}"
                                     << "[false]";
    QTest::newRow("null equals null") << QStringLiteral("missing == null") << "{}"
                                      << "[true]";
    QTest::newRow("null ordering is false") << QStringLiteral("missing > 3 or missing <= 3") << "{}"
                                            << "[false]";
    QTest::newRow("short circuit") << QStringLiteral(R"(x != null and x > "oops")") << "{}"
                                   << "[false]";
    QTest::newRow("negation") << QStringLiteral("-x < 0") << R"({"x": 2})"
                              << "[true]";
    QTest::newRow("double negation") << QStringLiteral("--x") << R"({"x": 2})"
                                     << "[2]";
    QTest::newRow("exponent") << QStringLiteral("1e3 == 1000") << "{}"
                              << "[true]";
    QTest::newRow("fraction") << QStringLiteral("0.1 < 0.2") << "{}"
                              << "[true]";
    QTest::newRow("escaped quote") << QStringLiteral(R"(name == "a\"b")") << R"({"name": "a\"b"})"
                                   << "[true]";
    QTest::newRow("single quotes") << QStringLiteral("name == 'x'") << R"({"name": "x"})"
                                   << "[true]";
    QTest::newRow("mixed types are unequal") << QStringLiteral(R"(flag == "true")") << R"({"flag": true})"
                                             << "[false]";
    QTest::newRow("list equality") << QStringLiteral("[1, 2] == list") << R"({"list": [1, 2]})"
                                   << "[true]";
    QTest::newRow("value of a path") << QStringLiteral("vehicle") << R"({"vehicle": {"plate": "S-AB 1"}})"
                                     << R"([{"plate": "S-AB 1"}])";
    QTest::newRow("largest exact integer") << QStringLiteral("9007199254740992 > 1") << "{}"
                                           << "[true]";
}

void TestExpression::evaluates()
{
    QFETCH(QString, text);
    QFETCH(QString, variables);
    QFETCH(QString, expected);
    const auto parsed = Expression::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
    const auto value = parsed->evaluate(object(variables.toUtf8().constData()), QDate(2026, 11, 26));
    QVERIFY2(value.ok(), qPrintable(value.error().toString()));
    QCOMPARE(QJsonDocument(QJsonArray{*value}).toJson(QJsonDocument::Compact),
             QJsonDocument::fromJson(expected.toUtf8()).toJson(QJsonDocument::Compact));
}

void TestExpression::refusesMalformedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions"); // a piece of the message that locates or names the problem

    QTest::newRow("empty") << QString() << "empty";
    QTest::newRow("blank juel") << QStringLiteral("${  }") << "empty";
    QTest::newRow("unclosed juel") << QStringLiteral("${a > 1") << "closing '}'";
    QTest::newRow("missing operand") << QStringLiteral("a >") << "column 4";
    QTest::newRow("missing parenthesis") << QStringLiteral("(a") << "expected ')'";
    QTest::newRow("unterminated string") << QStringLiteral("name == \"abc") << "column 9";
    QTest::newRow("single ampersand") << QStringLiteral("a & b") << "'&'";
    QTest::newRow("huge integer") << QStringLiteral("99999999999999999999") << "too large";
    QTest::newRow("overflowing exponent") << QStringLiteral("1e999") << "too large";
    QTest::newRow("chained comparison") << QStringLiteral("a < b < c") << "chained";
    QTest::newRow("deep parentheses") << QString(100, u'(') + u'a' + QString(100, u')') << "nested";
    QTest::newRow("deep negation") << QString(200, u'!') + u'a' << "nested";
    QTest::newRow("deep minus") << QString(200, u'-') + u'1' << "nested";
    QTest::newRow("too long") << QStringLiteral("a").repeated(Expression::MaxLength + 1) << "longer";
    QTest::newRow("impossible date") << QStringLiteral(R"(date("2026-02-30"))") << "not a date";
    QTest::newRow("date needs text") << QStringLiteral("date(20260302)") << "not a date";
    QTest::newRow("dangling dot") << QStringLiteral("a.b. == 1") << "after '.'";
    QTest::newRow("method call") << QStringLiteral("a.b()") << "'('";
    QTest::newRow("function call") << QStringLiteral("exec(\"rm\")") << "'('";
    QTest::newRow("assignment-like") << QStringLiteral("a = b = c") << "chained";
    QTest::newRow("keyword as value") << QStringLiteral("and") << "'and'";
    QTest::newRow("two values") << QStringLiteral("a b") << "'b'";
    QTest::newRow("control character") << QStringLiteral("a \x01 b") << "column 3";
}

void TestExpression::refusesMalformedText()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    const auto parsed = Expression::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, casedesk::ErrorCode::Invalid);
    QVERIFY2(parsed.error().message.contains(mentions), qPrintable(parsed.error().message));
}

void TestExpression::reportsEvaluationErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("number with text") << QStringLiteral(R"(a > "x")") << R"({"a": 1})"
                                      << "cannot compare";
    QTest::newRow("boolean operand") << QStringLiteral("a and true") << R"({"a": 1})"
                                     << "true or false";
    QTest::newRow("not of text") << QStringLiteral("not a") << R"({"a": "yes"})"
                                 << "true or false";
    QTest::newRow("negate text") << QStringLiteral("-a") << R"({"a": "x"})"
                                 << "needs a number";
    QTest::newRow("in a number") << QStringLiteral("1 in a") << R"({"a": 3})"
                                 << "needs a list";
    QTest::newRow("ordering objects") << QStringLiteral("a < b") << R"({"a": {}, "b": {}})"
                                      << "cannot compare";
    QTest::newRow("column of the operator") << QStringLiteral("true and a < \"x\"") << R"({"a": 2})"
                                            << "column 12";
}

void TestExpression::reportsEvaluationErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, variables);
    QFETCH(QString, mentions);
    const auto parsed = Expression::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
    const auto value = parsed->evaluate(object(variables.toUtf8().constData()));
    QVERIFY(!value.ok());
    QVERIFY2(value.error().message.contains(mentions), qPrintable(value.error().message));
}

void TestExpression::conditionsNeedBooleans()
{
    const auto count = Expression::parse(QStringLiteral("count"));
    QVERIFY(count.ok());
    QCOMPARE(count->test(object(R"({"count": true})")).value(), true);
    QCOMPARE(count->test(object("{}")).value(), false); // unset counts as no
    QVERIFY(!count->test(object(R"({"count": 3})")).ok());

    const auto today = Expression::parse(QStringLiteral("today() > date(\"2026-01-01\")"));
    QVERIFY(today.ok());
    QVERIFY(!today->test(QJsonObject()).ok()); // no clock given: an error, not a guess
    QCOMPARE(today->test(QJsonObject(), QDate(2026, 1, 2)).value(), true);

    QVERIFY(!Expression().test(QJsonObject()).ok());
    QVERIFY(Expression().isNull());
}

void TestExpression::listsVariables()
{
    const auto parsed = Expression::parse(QStringLiteral("${a.b > 1 && c == a.b || empty(z) && today() > d}"));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->variables(),
             (QStringList{QStringLiteral("a.b"), QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("z")}));
    QCOMPARE(parsed->text(), QStringLiteral("${a.b > 1 && c == a.b || empty(z) && today() > d}"));
}

void TestExpression::resolverSeesPaths()
{
    const auto parsed = Expression::parse(QStringLiteral("row.species == \"Bergahorn\" and count > 2"));
    QVERIFY(parsed.ok());
    QList<QStringList> asked;
    const casedesk::ExpressionResolver resolve = [&asked](const QStringList &path) -> std::optional<QJsonValue> {
        asked.append(path);
        if (path == QStringList{QStringLiteral("row"), QStringLiteral("species")})
            return QJsonValue(QStringLiteral("Bergahorn"));
        if (path == QStringList{QStringLiteral("count")})
            return QJsonValue(3);
        return std::nullopt;
    };
    QCOMPARE(parsed->test(resolve).value(), true);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked.first(), (QStringList{QStringLiteral("row"), QStringLiteral("species")}));
}

void TestExpression::positionalVariables()
{
    // Values by position in variables() (sorted): "row.species", then "zone"; the fast path for == on text
    // and the general rules must agree with the path-based evaluation.
    struct Fixed : casedesk::ExpressionVariables {
        QList<std::optional<QJsonValue>> values;
        std::optional<casedesk::ExpressionValue> value(qsizetype index) const override
        {
            const std::optional<QJsonValue> json = values.value(index);
            return json ? std::optional(casedesk::ExpressionValue::fromJson(*json)) : std::nullopt;
        }
    };
    const auto parsed = Expression::parse(QStringLiteral("zone == 'A' and row.species != 'acer' or empty(zone)"));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->variables(), (QStringList{QStringLiteral("row.species"), QStringLiteral("zone")}));
    QCOMPARE(parsed->variablePaths().first(), (QStringList{QStringLiteral("row"), QStringLiteral("species")}));
    Fixed fixed;
    fixed.values = {QJsonValue(QStringLiteral("quercus")), QJsonValue(QStringLiteral("A"))};
    QCOMPARE(parsed->test(fixed).value(), true);
    fixed.values = {QJsonValue(QStringLiteral("acer")), QJsonValue(QStringLiteral("A"))};
    QCOMPARE(parsed->test(fixed).value(), false);
    fixed.values = {QJsonValue(QStringLiteral("acer")), std::nullopt}; // a missing variable is null
    QCOMPARE(parsed->test(fixed).value(), true);
    fixed.values = {QJsonValue(QStringLiteral("acer")), QJsonValue(3)}; // a number is not the text 'A'
    QCOMPARE(parsed->test(fixed).value(), false);
    QCOMPARE(parsed->test(object(R"({"zone": 3, "row": {"species": "acer"}})")).value(), false);
}

void TestExpression::longFlatChainsEvaluate()
{
    // The longest text allowed, as one flat chain: no depth limit applies, and evaluation must not fail.
    QString text = QStringLiteral("a");
    while (text.size() + 8 <= Expression::MaxLength)
        text += QStringLiteral(" and a");
    const auto parsed = Expression::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
    QCOMPARE(parsed->test(object(R"({"a": true})")).value(), true);
    QCOMPARE(parsed->test(object(R"({"a": false})")).value(), false);
}

void TestExpression::randomTextNeverCrashes()
{
    QRandomGenerator random(casedesk::test::testSeed());
    static const char *const pieces[] = {"a",       "b.c",   "1",    "2.5",  "\"x\"", "'y",    "(",  ")",  "[",
                                         "]",       ",",     "==",   "=",    "!=",    "<",     ">=", "&&", "||",
                                         "!",       "not",   "and",  "or",   "in",    "empty", "-",  "${", "}",
                                         "today()", "date(", "null", "true", "\\",    "e9",    "."};
    const QJsonObject variables = object(R"({"a": 1, "b": {"c": "x"}})");
    int parsedCount = 0;
    for (int i = 0; i < 20000; ++i) {
        QString text;
        const int length = random.bounded(1, 12);
        for (int j = 0; j < length; ++j)
            text += QLatin1String(pieces[random.bounded(int(std::size(pieces)))]) + u' ';
        const auto parsed = Expression::parse(text);
        if (!parsed.ok()) {
            QVERIFY2(!parsed.error().message.isEmpty(), qPrintable(text));
            continue;
        }
        ++parsedCount;
        const auto value = parsed->evaluate(variables, QDate(2026, 11, 26));
        QVERIFY2(value.ok() || !value.error().message.isEmpty(), qPrintable(text));
    }
    QVERIFY(parsedCount > 0); // the generator must reach the evaluator, or this test proves little
}

QTEST_GUILESS_MAIN(TestExpression)
#include "tst_expression.moc"
