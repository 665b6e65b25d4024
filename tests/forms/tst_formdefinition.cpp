// Reading form definitions: every definition error names its JSON path; the bundled definitions load and their
// examples validate.
#include "forms/FormDefinition.h"
#include "forms/FormValidator.h"
#include "mock/TestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace casedesk;
using namespace casedesk::forms;

namespace {

// A minimal valid definition with `field` (JSON text of one field object) as its only field.
QByteArray withField(const char *field)
{
    return QByteArray(R"({"id": "t", "version": 1, "title": {"en": "T"}, "fields": [)") + field + "]}";
}

} // namespace

class TestFormDefinition : public QObject {
    Q_OBJECT

private slots:
    void errors_data();
    void errors();
    void minimal();
    void fieldLookup();
    void bundled_data();
    void bundled();
};

void TestFormDefinition::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path"); // the JSON path the error must name

    const char *label = R"("label": {"en": "X"})";
    const auto field = [&](const char *rest) {
        return withField((QByteArray(R"({"id": "x", )") + label + ", " + rest + "}").constData());
    };
    QTest::newRow("not json") << QByteArray("{") << QString();
    QTest::newRow("not an object") << QByteArray("[]") << QString();
    QTest::newRow("unknown top key") << QByteArray(R"({"id": "t", "version": 1, "title": {"en": "T"}, "feilds": []})")
                                     << QStringLiteral("feilds");
    QTest::newRow("missing id") << QByteArray(R"({"version": 1, "title": {"en": "T"}})") << QStringLiteral("id");
    QTest::newRow("bad id") << QByteArray(R"({"id": "1x", "version": 1, "title": {"en": "T"}})")
                            << QStringLiteral("id");
    QTest::newRow("missing version") << QByteArray(R"({"id": "t", "title": {"en": "T"}})") << QStringLiteral("version");
    QTest::newRow("version zero") << QByteArray(R"({"id": "t", "version": 0, "title": {"en": "T"}})")
                                  << QStringLiteral("version");
    QTest::newRow("title plain text") << QByteArray(R"({"id": "t", "version": 1, "title": "T"})")
                                      << QStringLiteral("title");
    QTest::newRow("title unknown language")
        << QByteArray(R"({"id": "t", "version": 1, "title": {"fr": "T"}})") << QStringLiteral("title.fr");
    QTest::newRow("field not object") << withField("5") << QStringLiteral("fields[0]");
    QTest::newRow("field unknown key") << field(R"("type": "text", "requird": true)")
                                       << QStringLiteral("fields[0].requird");
    QTest::newRow("field unknown type") << field(R"("type": "txt")") << QStringLiteral("fields[0].type");
    QTest::newRow("field bad id") << withField(R"({"id": "a b", "type": "text", "label": {"en": "X"}})")
                                  << QStringLiteral("fields[0].id");
    QTest::newRow("field without label") << withField(R"({"id": "x", "type": "text"})")
                                         << QStringLiteral("fields[0].label");
    QTest::newRow("duplicate id")
        << withField(
               R"({"id": "x", "type": "text", "label": {"en": "X"}}, {"id": "x", "type": "date", "label": {"en": "Y"}})")
        << QStringLiteral("fields[1].id");
    QTest::newRow("required not bool") << field(R"("type": "text", "required": "yes")")
                                       << QStringLiteral("fields[0].required");
    QTest::newRow("min on text") << field(R"("type": "text", "min": 1)") << QStringLiteral("fields[0].min");
    QTest::newRow("minLength on integer")
        << field(R"("type": "integer", "minLength": 1)") << QStringLiteral("fields[0].minLength");
    QTest::newRow("integer min fraction")
        << field(R"("type": "integer", "min": 1.5)") << QStringLiteral("fields[0].min");
    QTest::newRow("min above max") << field(R"("type": "integer", "min": 5, "max": 1)")
                                   << QStringLiteral("fields[0].min");
    QTest::newRow("decimal min as number")
        << field(R"("type": "decimal", "min": 0.1)") << QStringLiteral("fields[0].min");
    QTest::newRow("decimal min above max")
        << field(R"("type": "decimal", "min": "2.5", "max": "2.49")") << QStringLiteral("fields[0].min");
    QTest::newRow("date bound") << field(R"("type": "date", "max": "tomorrow")") << QStringLiteral("fields[0].max");
    QTest::newRow("date bound unit") << field(R"("type": "date", "max": "today+3x")")
                                     << QStringLiteral("fields[0].max");
    QTest::newRow("bad pattern") << field(R"("type": "text", "pattern": "([a-z]")")
                                 << QStringLiteral("fields[0].pattern");
    QTest::newRow("long pattern")
        << field((QByteArray(R"("type": "text", "pattern": ")") + QByteArray(201, 'a') + "\"").constData())
        << QStringLiteral("fields[0].pattern");
    QTest::newRow("pattern on long field")
        << field(R"("type": "text", "pattern": "a+", "maxLength": 5000)") << QStringLiteral("fields[0].maxLength");
    QTest::newRow("pattern on date") << field(R"("type": "date", "pattern": "a")")
                                     << QStringLiteral("fields[0].pattern");
    QTest::newRow("choice without list") << field(R"("type": "choice")") << QStringLiteral("fields[0].codeList");
    QTest::newRow("unknown list") << field(R"("type": "choice", "codeList": "nope")")
                                  << QStringLiteral("fields[0].codeList");
    QTest::newRow("empty inline list") << field(R"("type": "choice", "codeList": [])")
                                       << QStringLiteral("fields[0].codeList");
    QTest::newRow("duplicate code")
        << field(
               R"("type": "choice", "codeList": [{"code": "a", "label": {"en": "A"}}, {"code": "a", "label": {"en": "B"}}])")
        << QStringLiteral("fields[0].codeList[1].code");
    QTest::newRow("list on district") << field(R"("type": "district", "codeList": "x")")
                                      << QStringLiteral("fields[0].codeList");
    QTest::newRow("bad expression") << field(R"("type": "text", "visibleIf": "a ==")")
                                    << QStringLiteral("fields[0].visibleIf");
    QTest::newRow("expression unknown field")
        << field(R"("type": "text", "requiredIf": "other == 1")") << QStringLiteral("fields[0].requiredIf");
    QTest::newRow("group without fields")
        << field(R"("type": "group", "fields": [])") << QStringLiteral("fields[0].fields");
    QTest::newRow("nested field error")
        << field(R"("type": "group", "fields": [{"id": "y", "type": "text", "label": {"en": "Y"}, "max": 3}])")
        << QStringLiteral("fields[0].fields[0].max");
    QTest::newRow("repeatable on text") << field(R"("type": "text", "repeatable": true)")
                                        << QStringLiteral("fields[0].repeatable");
    QTest::newRow("minCount above maxCount")
        << field(
               R"("type": "group", "repeatable": true, "minCount": 3, "maxCount": 2, "fields": [{"id": "y", "type": "text", "label": {"en": "Y"}}])")
        << QStringLiteral("fields[0].minCount");
    QTest::newRow("maxCount over limit")
        << field(
               R"("type": "group", "repeatable": true, "maxCount": 100000, "fields": [{"id": "y", "type": "text", "label": {"en": "Y"}}])")
        << QStringLiteral("fields[0].maxCount");
    QTest::newRow("row field from outside") // a repeatable group's rows are not reachable by a dotted name
        << withField(
               R"({"id": "rows", "type": "group", "repeatable": true, "label": {"en": "R"}, "fields": [{"id": "y", "type": "text", "label": {"en": "Y"}}]},
                        {"id": "z", "type": "text", "label": {"en": "Z"}, "visibleIf": "rows.y == 'a'"})")
        << QStringLiteral("fields[1].visibleIf");
    QTest::newRow("rule unknown field")
        << QByteArray(
               R"({"id": "t", "version": 1, "title": {"en": "T"}, "fields": [{"id": "a", "type": "date", "label": {"en": "A"}}],
                          "rules": [{"id": "r", "check": "a > b", "message": {"en": "M"}}]})")
        << QStringLiteral("rules[0].check");
    QTest::newRow("rule reports at unknown field")
        << QByteArray(
               R"({"id": "t", "version": 1, "title": {"en": "T"}, "fields": [{"id": "a", "type": "date", "label": {"en": "A"}}],
                          "rules": [{"id": "r", "check": "today() < a", "field": "b", "message": {"en": "M"}}]})")
        << QStringLiteral("rules[0].field");
    QTest::newRow("rule without message")
        << QByteArray(
               R"({"id": "t", "version": 1, "title": {"en": "T"}, "fields": [{"id": "a", "type": "date", "label": {"en": "A"}}],
                          "rules": [{"id": "r", "check": "today() < a"}]})")
        << QStringLiteral("rules[0].message");
    QTest::newRow("example not object")
        << QByteArray(R"({"id": "t", "version": 1, "title": {"en": "T"}, "fields": [], "example": []})")
        << QStringLiteral("example");
    QByteArray deep = R"({"id": "g0", "type": "group", "label": {"en": "G"}, "fields": [%]})";
    for (int i = 1; i <= FormDefinition::MaxNesting; ++i)
        deep.replace("%", QByteArray(R"({"id": "g)") + QByteArray::number(i) +
                              R"(", "type": "group", "label": {"en": "G"}, "fields": [%]})");
    deep.replace("%", R"({"id": "leaf", "type": "text", "label": {"en": "L"}})");
    QTest::newRow("nested too deep") << withField(deep.constData())
                                     << QStringLiteral(
                                            "fields[0].fields[0].fields[0].fields[0].fields[0].fields[0].fields[0]");
}

void TestFormDefinition::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    const Result<FormDefinition> definition = FormDefinition::fromJsonBytes(json);
    QVERIFY(!definition);
    QCOMPARE(definition.error().code, ErrorCode::Invalid);
    QVERIFY(!definition.error().message.isEmpty());
    if (!path.isEmpty()) {
        QCOMPARE(definition.error().detail, path);
        QVERIFY2(definition.error().message.contains(u'“' + path + u'”'), qPrintable(definition.error().message));
    }
}

void TestFormDefinition::minimal()
{
    const Result<FormDefinition> definition = FormDefinition::fromJsonBytes(withField(
        R"({"id": "weight", "type": "decimal", "label": {"de": "Gewicht"}, "unit": "kg", "min": "0.001", "decimals": 3})"));
    QVERIFY2(definition, qPrintable(definition.error().toString()));
    QCOMPARE(definition->id(), QStringLiteral("t"));
    QCOMPARE(definition->version(), 1);
    QCOMPARE(definition->fields().size(), 1);
    const FormField &field = definition->fields().first();
    QCOMPARE(field.type, FieldType::Decimal);
    QCOMPARE(field.unit, QStringLiteral("kg"));
    QCOMPARE(field.decimals, 3);
    QCOMPARE(field.minDecimal->toString(), QStringLiteral("0.001"));
    // Only German given: English falls back to it.
    QCOMPARE(field.label.text(QLocale::English), QStringLiteral("Gewicht"));
}

void TestFormDefinition::fieldLookup()
{
    const QString path = test::resourcePath(QStringLiteral("forms/baumfaellung.json"));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const Result<FormDefinition> definition = FormDefinition::fromJsonBytes(file.readAll());
    QVERIFY2(definition, qPrintable(definition.error().toString()));
    const FormField *species = definition->field(QStringLiteral("trees[3].species"));
    QVERIFY(species);
    QCOMPARE(species->type, FieldType::Choice);
    QVERIFY(species->codeList->contains(QStringLiteral("quercus")));
    const FormField *district = definition->field(QStringLiteral("location.district"));
    QVERIFY(district);
    QCOMPARE(district->codeList->entries().size(), 23);
    QVERIFY(!definition->field(QStringLiteral("trees[0].nope")));
    QVERIFY(!definition->field(QStringLiteral("reason.x")));
    QVERIFY(!definition->field(QStringLiteral("bad path[")));
}

void TestFormDefinition::bundled_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name : {"bewohnerparken", "umweltzone", "baumfaellung", "buergerhaushalt"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestFormDefinition::bundled()
{
    QFETCH(QString, name);
    QFile file(test::resourcePath(QStringLiteral("forms/%1.json").arg(name)));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const Result<FormDefinition> definition = FormDefinition::fromJsonBytes(file.readAll());
    QVERIFY2(definition, qPrintable(definition.error().toString()));
    QCOMPARE(definition->id(), name);
    QVERIFY(definition->version() >= 1);
    QVERIFY(!definition->title().en.isEmpty());
    QVERIFY(!definition->title().de.isEmpty());
    // Every label and help text exists in both languages.
    QList<const FormField *> pending;
    for (const FormField &field : definition->fields())
        pending.append(&field);
    while (!pending.isEmpty()) {
        const FormField *field = pending.takeLast();
        QVERIFY2(!field->label.en.isEmpty() && !field->label.de.isEmpty(), qPrintable(field->id));
        QVERIFY2(field->help.en.isEmpty() == field->help.de.isEmpty(), qPrintable(field->id));
        for (const FormField &child : field->fields)
            pending.append(&child);
    }
    QVERIFY(!definition->example().isEmpty());
    const QDate today(2026, 11, 26);
    const QList<FormProblem> problems = FormValidator::validate(*definition, definition->example(), today);
    QStringList text;
    for (const FormProblem &problem : problems)
        text.append(problem.path + QStringLiteral(": ") + problem.message);
    QVERIFY2(problems.isEmpty(), qPrintable(text.join(u'\n')));
    // The example really is checked: emptying it gives required-field problems.
    QVERIFY(!FormValidator::validate(*definition, QJsonObject(), today).isEmpty());
}

QTEST_GUILESS_MAIN(TestFormDefinition)
#include "tst_formdefinition.moc"
