// Validation of every field type and constraint, table-driven, against a test definition written here.
#include "forms/FormPath.h"
#include "forms/FormValidator.h"
#include "mock/TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QTranslator>

using namespace casedesk::forms;

namespace {

const QDate today(2026, 11, 26);

const char definitionJson[] = R"({
  "id": "test", "version": 3,
  "title": {"en": "Test form", "de": "Testformular"},
  "codeLists": {
    "colours": [
      {"code": "red", "label": {"en": "Red", "de": "Rot"}},
      {"code": "green", "label": {"en": "Green", "de": "Grün"}},
      {"code": "blue", "label": {"en": "Blue", "de": "Blau"}}
    ]
  },
  "fields": [
    {"id": "name", "type": "text", "label": {"en": "Name", "de": "Name"}, "required": true, "minLength": 2, "maxLength": 10},
    {"id": "code", "type": "text", "label": {"en": "Code", "de": "Kennung"}, "pattern": "[A-Z]{2}-\\d{3}",
     "patternHint": {"en": "like AB-123", "de": "wie AB-123"}},
    {"id": "notes", "type": "multiline", "label": {"en": "Notes", "de": "Notizen"}, "maxLength": 20},
    {"id": "count", "type": "integer", "label": {"en": "Count", "de": "Anzahl"}, "min": 1, "max": 5},
    {"id": "height", "type": "decimal", "label": {"en": "Height", "de": "Höhe"}, "unit": "m", "min": "0.5", "max": "2.75", "decimals": 2},
    {"id": "fee", "type": "money", "label": {"en": "Fee", "de": "Gebühr"}, "min": 0, "max": 100000},
    {"id": "start", "type": "date", "label": {"en": "Start", "de": "Beginn"}, "min": "today", "max": "today+1y"},
    {"id": "end", "type": "date", "label": {"en": "End", "de": "Ende"}},
    {"id": "birthDate", "type": "date", "label": {"en": "Date of birth", "de": "Geburtsdatum"}, "max": "-18y"},
    {"id": "consent", "type": "boolean", "label": {"en": "Consent", "de": "Einwilligung"}, "required": true},
    {"id": "colour", "type": "choice", "label": {"en": "Colour", "de": "Farbe"}, "codeList": "colours"},
    {"id": "colours", "type": "multiChoice", "label": {"en": "Colours", "de": "Farben"}, "codeList": "colours", "maxCount": 2},
    {"id": "size", "type": "choice", "label": {"en": "Size", "de": "Größe"},
     "codeList": [{"code": "s", "label": {"en": "Small", "de": "Klein"}}, {"code": "l", "label": {"en": "Large", "de": "Groß"}}]},
    {"id": "email", "type": "email", "label": {"en": "E-mail", "de": "E-Mail"}},
    {"id": "phone", "type": "phone", "label": {"en": "Phone", "de": "Telefon"}},
    {"id": "postcode", "type": "postcode", "label": {"en": "Postcode", "de": "PLZ"}},
    {"id": "iban", "type": "iban", "label": {"en": "IBAN", "de": "IBAN"}},
    {"id": "plate", "type": "kfzKennzeichen", "label": {"en": "Registration", "de": "Kennzeichen"}},
    {"id": "district", "type": "district", "label": {"en": "District", "de": "Stadtbezirk"}},
    {"id": "proof", "type": "documentRef", "label": {"en": "Proof", "de": "Nachweis"}},
    {"id": "hasPet", "type": "boolean", "label": {"en": "Has a pet", "de": "Haustier"}},
    {"id": "petName", "type": "text", "label": {"en": "Pet name", "de": "Name des Tiers"}, "visibleIf": "hasPet == true", "required": true},
    {"id": "reason", "type": "text", "label": {"en": "Reason", "de": "Grund"}, "requiredIf": "colour == 'red'"},
    {"id": "address", "type": "group", "label": {"en": "Address", "de": "Anschrift"}, "fields": [
      {"id": "street", "type": "text", "label": {"en": "Street", "de": "Straße"}, "required": true},
      {"id": "city", "type": "text", "label": {"en": "City", "de": "Ort"}, "required": true}
    ]},
    {"id": "trees", "type": "group", "repeatable": true, "minCount": 1, "maxCount": 3, "label": {"en": "Trees", "de": "Bäume"}, "fields": [
      {"id": "species", "type": "choice", "label": {"en": "Species", "de": "Baumart"}, "required": true,
       "codeList": [{"code": "oak", "label": {"en": "Oak", "de": "Eiche"}}, {"code": "lime", "label": {"en": "Lime", "de": "Linde"}}]},
      {"id": "circumference", "type": "integer", "label": {"en": "Circumference", "de": "Stammumfang"}, "unit": "cm", "min": 1},
      {"id": "replacement", "type": "boolean", "label": {"en": "Replacement", "de": "Ersatzpflanzung"}},
      {"id": "replacementSpecies", "type": "text", "label": {"en": "Replacement species", "de": "Ersatzbaumart"},
       "visibleIf": "replacement", "required": true},
      {"id": "petNote", "type": "text", "label": {"en": "Pet note", "de": "Tiernotiz"}, "visibleIf": "colour == 'green'", "required": true}
    ]}
  ],
  "rules": [
    {"id": "endAfterStart", "check": "end >= start", "field": "end",
     "message": {"en": "The end must not be before the start.", "de": "Das Ende darf nicht vor dem Beginn liegen."}}
  ]
})";

FormDefinition testDefinition()
{
    const auto definition = FormDefinition::fromJsonBytes(definitionJson);
    if (!definition)
        qFatal("test definition: %s", qPrintable(definition.error().toString()));
    return *definition;
}

QJsonObject baseData()
{
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("Anna")},
        {QStringLiteral("consent"), true},
        {QStringLiteral("trees"), QJsonArray{QJsonObject{{QStringLiteral("species"), QStringLiteral("oak")},
                                                         {QStringLiteral("circumference"), 120}}}}};
}

// `value` is JSON text of the value to put at `path`; "-" removes it.
QJsonObject patched(QJsonObject data, const QString &path, const QString &value)
{
    QJsonValue json(QJsonValue::Undefined);
    if (value != QLatin1String("-")) {
        const QJsonDocument document = QJsonDocument::fromJson("[" + value.toUtf8() + "]");
        if (!document.isArray())
            qFatal("bad test value %s", qPrintable(value));
        json = document.array().first();
    }
    if (!FormPath::setValue(data, path, json))
        qFatal("bad test path %s", qPrintable(path));
    return data;
}

QString describe(const QList<FormProblem> &problems)
{
    QStringList lines;
    for (const FormProblem &problem : problems)
        lines.append(problem.path + u' ' + problem.codeString() + QStringLiteral(": ") + problem.message);
    return lines.join(u'\n');
}

} // namespace

class TestFormValidator : public QObject {
    Q_OBJECT

private slots:
    void validate_data();
    void validate();
    void severalChanges_data();
    void severalChanges();
    void normalize();
    void state();
    void germanMessages();
    void everyKeyFoundInAnyMix();
};

void TestFormValidator::validate_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problemPath"); // empty: no problem expected
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message"); // expected English message, or empty to not compare

    const auto ok = [](const char *name, const char *path, const char *value) {
        QTest::newRow(name) << QString::fromUtf8(path) << QString::fromUtf8(value) << QString() << QString()
                            << QString();
    };
    const auto bad = [](const char *name, const char *path, const char *value, const char *problemPath,
                        const char *code, const char *message = "") {
        QTest::newRow(name) << QString::fromUtf8(path) << QString::fromUtf8(value) << QString::fromUtf8(problemPath)
                            << QString::fromUtf8(code) << QString::fromUtf8(message);
    };

    // text
    ok("text ok", "name", "\"Anna\"");
    ok("text trimmed to length", "name", "\"   Anna Maria  \"");
    bad("text missing", "name", "-", "name", "required", "Enter a value for “Name”.");
    bad("text blank", "name", "\"   \"", "name", "required", "Enter a value for “Name”.");
    bad("text null", "name", "null", "name", "required");
    bad("text too short", "name", "\"A\"", "name", "tooShort", "“Name” needs at least 2 characters.");
    bad("text too long", "name", "\"Annabellina\"", "name", "tooLong",
        "“Name” allows at most 10 characters; shorten it.");
    bad("text line break", "name", "\"An\\nna\"", "name", "invalidFormat");
    bad("text number", "name", "5", "name", "wrongType", "“Name” must be text; enter it again.");
    bad("text object", "name", "{}", "name", "wrongType");
    ok("pattern ok", "code", "\"AB-123\"");
    bad("pattern mismatch", "code", "\"ab-12\"", "code", "patternMismatch",
        "“Code” does not have the expected form (like AB-123); check the entry.");
    bad("pattern partial match", "code", "\"XAB-123\"", "code", "patternMismatch");
    // multiline
    ok("multiline line breaks", "notes", "\"one\\ntwo\\tthree\"");
    bad("multiline too long", "notes", "\"123456789012345678901\"", "notes", "tooLong");
    bad("multiline control char", "notes", "\"a\\u0007b\"", "notes", "invalidFormat");
    // integer
    ok("integer ok", "count", "3");
    ok("integer as text", "count", "\"3\"");
    ok("integer min boundary", "count", "1");
    ok("integer max boundary", "count", "5");
    bad("integer too small", "count", "0", "count", "tooSmall", "“Count” must be at least 1.");
    bad("integer too large", "count", "6", "count", "tooLarge", "“Count” must be at most 5.");
    bad("integer fraction", "count", "2.5", "count", "wrongType", "Enter a whole number for “Count”.");
    bad("integer text", "count", "\"three\"", "count", "wrongType");
    bad("integer bool", "count", "true", "count", "wrongType");
    bad("integer beyond 2^53", "count", "1e300", "count", "wrongType");
    // decimal: exact, no binary rounding
    ok("decimal ok", "height", "\"1.5\"");
    ok("decimal comma", "height", "\"1,25\"");
    ok("decimal number", "height", "1.25");
    ok("decimal min boundary", "height", "\"0.50\"");
    ok("decimal max boundary", "height", "\"2.75\"");
    bad("decimal too small", "height", "\"0.49\"", "height", "tooSmall", "“Height” must be at least 0.5 m.");
    bad("decimal too large", "height", "\"2.76\"", "height", "tooLarge", "“Height” must be at most 2.75 m.");
    bad("decimal just above max", "height", "\"2.7500000000000000001\"", "height", "tooPrecise");
    bad("decimal too precise", "height", "\"1.255\"", "height", "tooPrecise",
        "“Height” allows at most 2 decimal places; round the number.");
    bad("decimal text", "height", "\"abc\"", "height", "invalidFormat",
        "Enter a number for “Height”, for example 12.5.");
    bad("decimal exponent", "height", "\"1e0\"", "height", "invalidFormat");
    bad("decimal bool", "height", "false", "height", "wrongType");
    // money (cents)
    ok("money ok", "fee", "1250");
    ok("money zero", "fee", "0");
    bad("money negative", "fee", "-1", "fee", "tooSmall");
    bad("money too large", "fee", "100001", "fee", "tooLarge");
    bad("money fraction of a cent", "fee", "12.5", "fee", "wrongType", "Enter an amount of money for “Fee”.");
    // date, relative to today 2026-11-26
    ok("date today", "start", "\"2026-11-26\"");
    ok("date in a year", "start", "\"2027-11-26\"");
    bad("date too early", "start", "\"2026-11-25\"", "start", "tooEarly", "“Start” must not be before 2026-11-26.");
    bad("date too late", "start", "\"2027-11-27\"", "start", "tooLate", "“Start” must not be after 2027-11-26.");
    bad("date impossible", "start", "\"2026-02-30\"", "start", "invalidFormat");
    bad("date german format", "start", "\"26.11.2026\"", "start", "invalidFormat",
        "Enter “Start” as a date (year-month-day, for example 2026-03-02).");
    ok("date exactly 18 years", "birthDate", "\"2008-11-26\"");
    bad("date under 18", "birthDate", "\"2008-11-27\"", "birthDate", "tooLate");
    // boolean
    bad("required boolean false", "consent", "false", "consent", "required", "Confirm “Consent”.");
    bad("required boolean missing", "consent", "-", "consent", "required");
    bad("boolean text", "consent", "\"yes\"", "consent", "wrongType");
    // choice
    ok("choice ok", "colour", "\"blue\"");
    bad("choice unknown", "colour", "\"purple\"", "colour", "notInCodeList",
        "“Colour” has a value that is not in its list; choose one from the list.");
    ok("inline list ok", "size", "\"s\"");
    bad("inline list unknown", "size", "\"m\"", "size", "notInCodeList");
    bad("choice number", "size", "1", "size", "wrongType");
    // multiChoice
    ok("multi ok", "colours", "[\"red\", \"green\"]");
    ok("multi empty", "colours", "[]");
    bad("multi duplicate", "colours", "[\"red\", \"red\"]", "colours", "duplicate");
    bad("multi too many", "colours", "[\"red\", \"green\", \"blue\"]", "colours", "tooMany");
    bad("multi unknown", "colours", "[\"pink\"]", "colours", "notInCodeList");
    bad("multi not a list", "colours", "\"red\"", "colours", "wrongType");
    bad("multi number item", "colours", "[1]", "colours", "wrongType");
    // e-mail, phone
    ok("email ok", "email", "\"anna.muster@stuttgart.de\"");
    bad("email incomplete", "email", "\"anna@\"", "email", "invalidFormat");
    bad("email space", "email", "\"an na@example.de\"", "email", "invalidFormat");
    bad("email no domain dot", "email", "\"anna@localhost\"", "email", "invalidFormat");
    ok("phone international", "phone", "\"+49 711 216-0\"");
    ok("phone slash", "phone", "\"0711/2161234\"");
    bad("phone words", "phone", "\"call me\"", "phone", "invalidFormat");
    bad("phone too short", "phone", "\"123\"", "phone", "invalidFormat");
    bad("phone plus inside", "phone", "\"0711+123456\"", "phone", "invalidFormat");
    // postcode
    ok("postcode ok", "postcode", "\"70173\"");
    ok("postcode spaced", "postcode", "\" 70 173 \"");
    ok("postcode with D-", "postcode", "\"D-70173\"");
    bad("postcode short", "postcode", "\"7017\"", "postcode", "invalidFormat",
        "Enter a five-digit German postcode for “Postcode”.");
    bad("postcode 00", "postcode", "\"00123\"", "postcode", "invalidFormat");
    bad("postcode letters", "postcode", "\"7017A\"", "postcode", "invalidFormat");
    // IBAN
    ok("iban grouped", "iban", "\"DE89 3704 0044 0532 0130 00\"");
    ok("iban lower case", "iban", "\"de89370400440532013000\"");
    ok("iban austria", "iban", "\"AT61 1904 3002 3457 3201\"");
    bad("iban checksum", "iban", "\"DE89 3704 0044 0532 0130 01\"", "iban", "invalidChecksum");
    bad("iban swapped digits", "iban", "\"DE89 3704 0044 0532 0103 00\"", "iban", "invalidChecksum");
    bad("iban short", "iban", "\"DE89 3704\"", "iban", "invalidFormat");
    bad("iban german length", "iban", "\"DE89 3704 0044 0532 0130 0\"", "iban", "invalidFormat");
    bad("iban punctuation", "iban", "\"DE89-3704-0044-0532-0130-00\"", "iban", "invalidFormat");
    // Kfz-Kennzeichen
    ok("plate canonical", "plate", "\"S-AB 1234\"");
    ok("plate spaced lower", "plate", "\"s ab 1234\"");
    ok("plate electric", "plate", "\"S-AB 1234E\"");
    ok("plate historic spaced", "plate", "\"LB-X 1 H\"");
    ok("plate umlaut", "plate", "\"FÜS-A 12\"");
    bad("plate without separator", "plate", "\"SAB1234\"", "plate", "invalidFormat",
        "Enter a vehicle registration number for “Registration”, for example S-AB 1234.");
    bad("plate leading zero", "plate", "\"S-AB 0123\"", "plate", "invalidFormat");
    bad("plate three letters", "plate", "\"S-ABC 123\"", "plate", "invalidFormat");
    bad("plate four letter district", "plate", "\"ABCD-A 1\"", "plate", "invalidFormat");
    bad("plate five digits", "plate", "\"S-AB 12345\"", "plate", "invalidFormat");
    bad("plate nine characters", "plate", "\"WND-AB 1234\"", "plate", "invalidFormat");
    bad("plate bad suffix", "plate", "\"S-AB 1234X\"", "plate", "invalidFormat");
    // district
    ok("district first", "district", "\"01\"");
    ok("district last", "district", "\"23\"");
    bad("district 24", "district", "\"24\"", "district", "notInCodeList");
    bad("district name", "district", "\"Mitte\"", "district", "notInCodeList");
    // document reference
    ok("document id", "proof", "\"0192a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b\"");
    bad("document garbage", "proof", "\"scan.pdf\"", "proof", "invalidFormat");
    // visibleIf and requiredIf
    ok("hidden field not required", "hasPet", "false");
    bad("visible field required", "hasPet", "true", "petName", "required", "Enter a value for “Pet name”.");
    bad("required if true", "colour", "\"red\"", "reason", "required");
    ok("required if other part false", "colour", "\"blue\"");
    // groups
    ok("optional group empty", "address", "{}");
    ok("optional group blank values", "address", "{\"street\": \" \"}");
    ok("optional group complete", "address", "{\"street\": \"Marktplatz 1\", \"city\": \"Stuttgart\"}");
    bad("optional group started", "address", "{\"street\": \"Marktplatz 1\"}", "address.city", "required",
        "Enter a value for “City”.");
    bad("group not an object", "address", "\"Marktplatz 1\"", "address", "wrongType");
    bad("group unknown field", "address", "{\"street\": \"a\", \"city\": \"b\", \"zip\": 1}", "address.zip",
        "unknownField");
    bad("repeatable empty", "trees", "[]", "trees", "required", "Add an entry to “Trees”.");
    bad("repeatable missing", "trees", "-", "trees", "required");
    bad("repeatable too many", "trees",
        "[{\"species\": \"oak\"}, {\"species\": \"oak\"}, {\"species\": \"oak\"}, {\"species\": \"oak\"}]", "trees",
        "tooMany", "“Trees” allows at most 3 entries; remove the extra ones.");
    bad("repeatable row not an object", "trees", "[5]", "trees[0]", "wrongType");
    bad("repeatable not a list", "trees", "{}", "trees", "wrongType");
    bad("row field required", "trees[0].species", "-", "trees[0].species", "required");
    bad("second row field", "trees[1]", "{\"species\": \"elm\"}", "trees[1].species", "notInCodeList");
    bad("row field too small", "trees[0].circumference", "0", "trees[0].circumference", "tooSmall",
        "“Circumference” must be at least 1 cm.");
    bad("row visibleIf in row", "trees[0].replacement", "true", "trees[0].replacementSpecies", "required");
    ok("row visibleIf false", "trees[0].replacementSpecies", "12");
    bad("row unknown field", "trees[0].height", "12", "trees[0].height", "unknownField");
    // unknown fields and rules
    bad("unknown field", "colour2", "\"red\"", "colour2", "unknownField",
        "The form has no field “colour2”; remove this value or check the form version.");
    ok("rule needs both values", "end", "\"2026-01-01\"");
}

void TestFormValidator::validate()
{
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QString, problemPath);
    QFETCH(QString, code);
    QFETCH(QString, message);

    const QList<FormProblem> problems =
        FormValidator::validate(testDefinition(), patched(baseData(), path, value), today);
    if (problemPath.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
        return;
    }
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().path, problemPath);
    QCOMPARE(problems.first().codeString(), code);
    if (!message.isEmpty())
        QCOMPARE(problems.first().message, message);
}

void TestFormValidator::severalChanges_data()
{
    QTest::addColumn<QJsonObject>("changes");
    QTest::addColumn<QStringList>("expected"); // "path code" in form order

    QTest::newRow("rule fails") << QJsonObject{{QStringLiteral("start"), QStringLiteral("2026-12-01")},
                                               {QStringLiteral("end"), QStringLiteral("2026-11-30")}}
                                << QStringList{QStringLiteral("end ruleFailed")};
    QTest::newRow("rule holds") << QJsonObject{{QStringLiteral("start"), QStringLiteral("2026-12-01")},
                                               {QStringLiteral("end"), QStringLiteral("2026-12-01")}}
                                << QStringList{};
    QTest::newRow("outer scope from row") << QJsonObject{{QStringLiteral("colour"), QStringLiteral("green")}}
                                          << QStringList{QStringLiteral("trees[0].petNote required")};
    QTest::newRow("problems in form order")
        << QJsonObject{{QStringLiteral("name"), QJsonValue()},
                       {QStringLiteral("zzz"), 1},
                       {QStringLiteral("count"), 9},
                       {QStringLiteral("colour"), QStringLiteral("red")},
                       {QStringLiteral("trees"), QJsonArray{QJsonObject{}}}}
        << QStringList{QStringLiteral("name required"), QStringLiteral("count tooLarge"),
                       QStringLiteral("reason required"), QStringLiteral("trees[0].species required"),
                       QStringLiteral("zzz unknownField")};
}

void TestFormValidator::severalChanges()
{
    QFETCH(QJsonObject, changes);
    QFETCH(QStringList, expected);
    QJsonObject data = baseData();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        data.insert(it.key(), it.value());
    QStringList actual;
    for (const FormProblem &problem : FormValidator::validate(testDefinition(), data, today))
        actual.append(problem.path + u' ' + problem.codeString());
    QCOMPARE(actual, expected);
}

void TestFormValidator::normalize()
{
    QJsonObject data = baseData();
    data.insert(QStringLiteral("name"), QStringLiteral("  Anna  "));
    data.insert(QStringLiteral("iban"), QStringLiteral(" de89 3704 0044 0532 0130 00 "));
    data.insert(QStringLiteral("postcode"), QStringLiteral("D-70 173"));
    data.insert(QStringLiteral("plate"), QStringLiteral("s ab 1234 e"));
    data.insert(QStringLiteral("height"), QStringLiteral("01,50"));
    data.insert(QStringLiteral("count"), QStringLiteral("4"));
    data.insert(QStringLiteral("unknown"), QStringLiteral("  kept  "));
    data.insert(QStringLiteral("trees"),
                QJsonArray{QJsonObject{{QStringLiteral("species"), QStringLiteral(" lime ")}}});
    const QJsonObject normalized = FormValidator::normalize(testDefinition(), data);
    QCOMPARE(normalized.value(QStringLiteral("name")).toString(), QStringLiteral("Anna"));
    QCOMPARE(normalized.value(QStringLiteral("iban")).toString(), QStringLiteral("DE89370400440532013000"));
    QCOMPARE(normalized.value(QStringLiteral("postcode")).toString(), QStringLiteral("70173"));
    QCOMPARE(normalized.value(QStringLiteral("plate")).toString(), QStringLiteral("S-AB 1234E"));
    QCOMPARE(normalized.value(QStringLiteral("height")).toString(), QStringLiteral("1.50"));
    QCOMPARE(normalized.value(QStringLiteral("count")), QJsonValue(4));
    QCOMPARE(normalized.value(QStringLiteral("unknown")).toString(), QStringLiteral("  kept  "));
    QCOMPARE(FormPath::valueAt(normalized, QStringLiteral("trees[0].species")).toString(), QStringLiteral("lime"));
}

void TestFormValidator::state()
{
    QJsonObject data = baseData();
    data.insert(QStringLiteral("count"), 4);
    data.insert(QStringLiteral("colour"), QStringLiteral("red"));
    data.insert(QStringLiteral("trees"), QJsonArray{QJsonObject{{QStringLiteral("replacement"), true}}, QJsonObject{}});
    const FormValidator::State state = FormValidator::state(testDefinition(), data, today);
    QVERIFY(state.hidden.contains(QStringLiteral("petName")));
    QVERIFY(state.hidden.contains(QStringLiteral("trees[0].petNote")));
    QVERIFY(!state.hidden.contains(QStringLiteral("trees[0].replacementSpecies")));
    QVERIFY(state.hidden.contains(QStringLiteral("trees[1].replacementSpecies")));
    QVERIFY(state.required.contains(QStringLiteral("reason")));
    QVERIFY(state.required.contains(QStringLiteral("name")));
    QVERIFY(state.required.contains(QStringLiteral("address.street")));
    QVERIFY(state.required.contains(QStringLiteral("trees[0].replacementSpecies")));
    QVERIFY(!state.required.contains(QStringLiteral("colour")));

    data.insert(QStringLiteral("hasPet"), true);
    data.insert(QStringLiteral("count"), 2);
    data.insert(QStringLiteral("colour"), QStringLiteral("green"));
    const FormValidator::State changed = FormValidator::state(testDefinition(), data, today);
    QVERIFY(!changed.hidden.contains(QStringLiteral("petName")));
    QVERIFY(changed.required.contains(QStringLiteral("petName")));
    QVERIFY(!changed.required.contains(QStringLiteral("reason")));
    QVERIFY(!changed.hidden.contains(QStringLiteral("trees[1].petNote")));
    QVERIFY(changed.required.contains(QStringLiteral("trees[1].petNote")));
}

void TestFormValidator::germanMessages()
{
    const QString qmDir = qEnvironmentVariable("CASEDESK_QM_DIR");
    QTranslator translator;
    if (qmDir.isEmpty() || !translator.load(QDir(qmDir).filePath(QStringLiteral("casedesk_de.qm"))))
        QSKIP("CASEDESK_QM_DIR/casedesk_de.qm is not available");
    QCoreApplication::installTranslator(&translator);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QJsonObject data = baseData();
    data.remove(QStringLiteral("name"));
    data.insert(QStringLiteral("consent"), false);
    data.insert(QStringLiteral("start"), QStringLiteral("2026-11-25"));
    data.insert(QStringLiteral("iban"), QStringLiteral("DE89 3704 0044 0532 0130 01"));
    const QList<FormProblem> problems = FormValidator::validate(testDefinition(), data, today);
    QCoreApplication::removeTranslator(&translator);
    QLocale::setDefault(QLocale::c());
    QCOMPARE(problems.size(), 4);
    QCOMPARE(problems.at(0).message, QStringLiteral("Geben Sie einen Wert für „Name“ ein."));
    QCOMPARE(problems.at(1).message, QStringLiteral("„Beginn“ darf nicht vor dem 26.11.2026 liegen."));
    QCOMPARE(problems.at(2).message, QStringLiteral("Bestätigen Sie „Einwilligung“."));
    QCOMPARE(problems.at(3).message,
             QStringLiteral("Die IBAN in „IBAN“ ist ungültig (die Prüfziffern stimmen nicht); prüfen Sie sie auf "
                            "Tippfehler."));
}

QTEST_GUILESS_MAIN(TestFormValidator)
#include "tst_formvalidator.moc"

void TestFormValidator::everyKeyFoundInAnyMix()
{
    // The validator pairs data keys with fields in sorted order and looks the rest up by name: whatever fields
    // are left out and whatever unknown keys lie between them, each value must reach its own field.
    QJsonArray fields;
    QStringList ids;
    for (const char *id : {"a", "b_2", "beta", "c", "city", "date", "e1", "eMail", "f", "zeta", "zz"}) {
        ids.append(QString::fromLatin1(id));
        fields.append(QJsonObject{{QStringLiteral("id"), ids.last()},
                                  {QStringLiteral("type"), QStringLiteral("integer")},
                                  {QStringLiteral("max"), 10},
                                  {QStringLiteral("label"), QJsonObject{{QStringLiteral("en"), ids.last()}}}});
    }
    const auto definition = FormDefinition::fromJsonBytes(
        QJsonDocument(QJsonObject{{QStringLiteral("id"), QStringLiteral("mix")},
                                  {QStringLiteral("version"), 1},
                                  {QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Mix")}}},
                                  {QStringLiteral("fields"), fields}})
            .toJson());
    QVERIFY2(definition.ok(), qPrintable(definition ? QString() : definition.error().message));
    const QStringList unknown{QStringLiteral("A"),  QStringLiteral("b"),      QStringLiteral("b_1"),
                              QStringLiteral("cc"), QStringLiteral("e"),      QStringLiteral("eMails"),
                              QStringLiteral("z"),  QStringLiteral("\u00e4"), QStringLiteral("zzz")};
    QRandomGenerator random(casedesk::test::testSeed());
    for (int round = 0; round < 300; ++round) {
        QJsonObject data;
        QSet<QString> expected; // "code path" of each problem
        for (const QString &id : ids) {
            if (random.bounded(2) == 0)
                continue;
            const bool tooLarge = random.bounded(2) == 0;
            data.insert(id, tooLarge ? 11 : 5);
            if (tooLarge)
                expected.insert(QStringLiteral("tooLarge ") + id);
        }
        for (const QString &key : unknown) {
            if (random.bounded(3) == 0) {
                data.insert(key, 1);
                expected.insert(QStringLiteral("unknownField ") + key);
            }
        }
        QSet<QString> found;
        for (const FormProblem &problem : FormValidator::validate(*definition, data, today))
            found.insert(problem.codeString() + u' ' + problem.path);
        QCOMPARE(found, expected);
    }
}
