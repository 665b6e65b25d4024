// The generated form view, offscreen with real widgets: one editor per field type, typing shows inline
// messages and the summary, repeatable groups within their limits, conditional sections, exact money and
// decimals, IBAN display, read-only mode, tab order, accessibility, change sets and hostile data.
#include "core/Clock.h"
#include "forms/FormValidator.h"
#include "mock/MockClock.h"
#include "mock/TestSupport.h"
#include "ui/FormDateEditor.h"
#include "ui/FormEditor.h"
#include "ui/FormGroupRows.h"
#include "ui/FormProblemSummary.h"
#include "ui/FormView.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace casedesk;
using forms::FormChange;
using forms::FormDefinition;
using forms::FormProblem;
using forms::FormValidator;
using ui::FormView;

namespace {

const char definitionJson[] = R"({
  "id": "viewtest", "version": 1,
  "title": {"en": "View test", "de": "Ansichtstest"},
  "codeLists": {
    "species": [
      {"code": "oak", "label": {"en": "Oak", "de": "Eiche"}},
      {"code": "beech", "label": {"en": "Beech", "de": "Buche"}},
      {"code": "lime", "label": {"en": "Lime", "de": "Linde"}}
    ]
  },
  "fields": [
    {"id": "name", "type": "text", "label": {"en": "Name", "de": "Name"}, "help": {"en": "Your full name", "de": "Ihr voller Name"},
     "required": true, "maxLength": 40},
    {"id": "notes", "type": "multiline", "label": {"en": "Notes", "de": "Notizen"}, "help": {"en": "Anything else", "de": "Sonstiges"}},
    {"id": "count", "type": "integer", "label": {"en": "Count", "de": "Anzahl"}, "unit": "cm", "min": 1, "max": 500},
    {"id": "height", "type": "decimal", "label": {"en": "Height", "de": "Höhe"}, "unit": "m", "decimals": 2, "max": "100"},
    {"id": "fee", "type": "money", "label": {"en": "Fee", "de": "Gebühr"}, "min": 0},
    {"id": "start", "type": "date", "label": {"en": "Start", "de": "Beginn"}, "min": "today"},
    {"id": "end", "type": "date", "label": {"en": "End", "de": "Ende"}},
    {"id": "species", "type": "choice", "label": {"en": "Species", "de": "Baumart"}, "codeList": "species"},
    {"id": "reason", "type": "text", "label": {"en": "Reason", "de": "Grund"}, "requiredIf": "species == 'oak'"},
    {"id": "colours", "type": "multiChoice", "label": {"en": "Colours", "de": "Farben"}, "maxCount": 2,
     "codeList": [{"code": "red", "label": {"en": "Red", "de": "Rot"}}, {"code": "green", "label": {"en": "Green", "de": "Grün"}},
                  {"code": "blue", "label": {"en": "Blue", "de": "Blau"}}]},
    {"id": "email", "type": "email", "label": {"en": "E-mail", "de": "E-Mail"}},
    {"id": "phone", "type": "phone", "label": {"en": "Phone", "de": "Telefon"}},
    {"id": "postcode", "type": "postcode", "label": {"en": "Postcode", "de": "PLZ"}},
    {"id": "iban", "type": "iban", "label": {"en": "IBAN", "de": "IBAN"}},
    {"id": "plate", "type": "kfzKennzeichen", "label": {"en": "Registration", "de": "Kennzeichen"}},
    {"id": "district", "type": "district", "label": {"en": "District", "de": "Stadtbezirk"}},
    {"id": "proof", "type": "documentRef", "label": {"en": "Proof", "de": "Nachweis"}},
    {"id": "consent", "type": "boolean", "label": {"en": "Consent", "de": "Einwilligung"}, "required": true},
    {"id": "hasVehicle", "type": "boolean", "label": {"en": "Has a vehicle", "de": "Hat ein Fahrzeug"}},
    {"id": "vehicle", "type": "group", "label": {"en": "Vehicle", "de": "Fahrzeug"}, "visibleIf": "hasVehicle == true",
     "required": true, "fields": [
      {"id": "registration", "type": "kfzKennzeichen", "label": {"en": "Vehicle registration", "de": "Fahrzeugkennzeichen"},
       "required": true}
    ]},
    {"id": "trees", "type": "group", "repeatable": true, "minCount": 1, "maxCount": 2, "label": {"en": "Trees", "de": "Bäume"},
     "fields": [
      {"id": "species", "type": "choice", "label": {"en": "Tree species", "de": "Art des Baums"}, "codeList": "species", "required": true},
      {"id": "girth", "type": "integer", "label": {"en": "Trunk circumference", "de": "Stammumfang"}, "unit": "cm"}
    ]}
  ],
  "rules": [
    {"id": "endAfterStart", "check": "end >= start", "field": "end",
     "message": {"en": "The end must not be before the start.", "de": "Das Ende darf nicht vor dem Beginn liegen."}}
  ]
})";

const QString DocumentId = QStringLiteral("0190f0c2-1b2c-7d3e-8f40-123456789abc");

FormDefinition testDefinition()
{
    const auto definition = FormDefinition::fromJsonBytes(definitionJson);
    if (!definition)
        qFatal("test definition: %s", qPrintable(definition.error().toString()));
    return *definition;
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

// The messages validation gives for `path` in `data`, computed without the view.
QStringList expectedMessages(const FormDefinition &definition, const QJsonObject &data, const QString &path)
{
    QStringList messages;
    for (const FormProblem &problem : FormValidator::validate(definition, data, Clock::current().today())) {
        if (problem.path == path)
            messages.append(problem.message);
    }
    return messages;
}

QStringList summaryPaths(FormView &view)
{
    QStringList paths;
    for (int row = 0; row < view.summary()->list()->count(); ++row)
        paths.append(view.summary()->list()->item(row)->data(Qt::UserRole).toString());
    return paths;
}

// A click where a check box's indicator is (its middle may be empty space in a wide layout).
void clickCheckBox(QCheckBox *box)
{
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
}

// Whether `widget` is `input` or inside it (an editable combo box focuses its line edit).
bool within(const QWidget *widget, const QWidget *input)
{
    return widget && (widget == input || input->isAncestorOf(widget) || widget->focusProxy() == input);
}

} // namespace

class TestFormView : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void bundledDefinitions_data();
    void bundledDefinitions();
    void editorPerType_data();
    void editorPerType();
    void accessibleNamesAndHelp();
    void germanLabels();
    void typingShowsMessagesAndSummary();
    void summaryEntryFocusesField();
    void repeatableGroupRows();
    void conditionalSection();
    void requiredMarkerFollowsState();
    void moneyStoresCents_data();
    void moneyStoresCents();
    void decimalStaysExact_data();
    void decimalStaysExact();
    void dateEditor_data();
    void dateEditor();
    void calendarPopup();
    void ibanGroupedForDisplay();
    void choiceSearch();
    void multiChoiceAndDocuments();
    void readOnlyBlocksEdits();
    void tabOrderFollowsForm();
    void changesAfterEdits();
    void hostileData_data();
    void hostileData();

private:
    test::MockClock m_clock; // today is 2026-03-02
    std::unique_ptr<test::ScopedClock> m_scopedClock;
};

void TestFormView::init()
{
    m_scopedClock = std::make_unique<test::ScopedClock>(m_clock);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestFormView::cleanup()
{
    m_scopedClock.reset();
    QLocale::setDefault(QLocale::c());
}

void TestFormView::bundledDefinitions_data()
{
    QTest::addColumn<QString>("file");
    const QDir forms(test::resourcePath(QStringLiteral("forms")));
    const QStringList files = forms.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        QSKIP("no bundled form definitions in resources/forms yet");
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << forms.filePath(file);
}

void TestFormView::bundledDefinitions()
{
    QFETCH(QString, file);
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const auto definition = FormDefinition::fromJsonBytes(in.readAll());
    QVERIFY2(definition, qPrintable(definition ? QString() : definition.error().toString()));
    // The embedded copy is the one the application uses; it must be the same definition.
    QFile embedded(QStringLiteral(":/forms/") + QFileInfo(file).fileName());
    QVERIFY(embedded.open(QIODevice::ReadOnly));

    FormView view(*definition);
    view.setData(definition->example());
    view.show();
    QVERIFY(view.changes().isEmpty());
    const QList<FormProblem> expected =
        FormValidator::validate(*definition, definition->example(), Clock::current().today());
    QCOMPARE(view.problems().size(), expected.size());
    QCOMPARE(view.summary()->isVisibleTo(&view), !expected.isEmpty());
    int editors = 0;
    for (const ui::FormBinding &binding : view.bindings()) {
        QVERIFY2(binding.field->isGroup() == !binding.editor, qPrintable(binding.path));
        if (!binding.editor)
            continue;
        ++editors;
        QCOMPARE(binding.editor->input()->accessibleName(), binding.field->label.text());
        QVERIFY2(!binding.editor->input()->accessibleName().isEmpty(), qPrintable(binding.path));
    }
    QVERIFY(editors > 0);
    // Typing into the first text field is an edit the view reports.
    for (const ui::FormBinding &binding : view.bindings()) {
        auto *edit = qobject_cast<QLineEdit *>(binding.editor ? binding.editor->input() : nullptr);
        if (!edit || !binding.container->isVisibleTo(&view))
            continue;
        QSignalSpy edited(&view, &FormView::dataEdited);
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("12"));
        QVERIFY(edited.count() > 0);
        QVERIFY(!view.changes().isEmpty() || binding.field->type == forms::FieldType::Date);
        break;
    }
}

void TestFormView::editorPerType_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("className");
    QTest::newRow("text") << "name"
                          << "QLineEdit";
    QTest::newRow("multiline") << "notes"
                               << "QPlainTextEdit";
    QTest::newRow("integer") << "count"
                             << "QLineEdit";
    QTest::newRow("decimal") << "height"
                             << "QLineEdit";
    QTest::newRow("money") << "fee"
                           << "QLineEdit";
    QTest::newRow("date") << "start"
                          << "QLineEdit";
    QTest::newRow("choice") << "species"
                            << "QComboBox";
    QTest::newRow("multiChoice") << "colours"
                                 << "QListWidget";
    QTest::newRow("email") << "email"
                           << "QLineEdit";
    QTest::newRow("phone") << "phone"
                           << "QLineEdit";
    QTest::newRow("postcode") << "postcode"
                              << "QLineEdit";
    QTest::newRow("iban") << "iban"
                          << "QLineEdit";
    QTest::newRow("kfz") << "plate"
                         << "QLineEdit";
    QTest::newRow("district") << "district"
                              << "QComboBox";
    QTest::newRow("documentRef") << "proof"
                                 << "QComboBox";
    QTest::newRow("boolean") << "consent"
                             << "QCheckBox";
    QTest::newRow("in group") << "vehicle.registration"
                              << "QLineEdit";
}

void TestFormView::editorPerType()
{
    QFETCH(QString, path);
    QFETCH(QString, className);
    FormView view(testDefinition());
    QWidget *editor = view.editor(path);
    QVERIFY2(editor, qPrintable(path));
    QVERIFY2(editor->inherits(className.toLatin1().constData()), editor->metaObject()->className());
    QVERIFY(editor->focusPolicy() & Qt::TabFocus);
    QCOMPARE(view.fieldLabel(path)->buddy(), editor);
}

void TestFormView::accessibleNamesAndHelp()
{
    const FormDefinition definition = testDefinition();
    FormView view(definition);
    view.setData(json(R"({"trees": [{}]})"));
    QCOMPARE(view.editor(QStringLiteral("name"))->accessibleName(), QStringLiteral("Name"));
    QCOMPARE(view.editor(QStringLiteral("name"))->accessibleDescription(), QStringLiteral("Your full name"));
    QCOMPARE(view.editor(QStringLiteral("name"))->toolTip(), QStringLiteral("Your full name"));
    QCOMPARE(view.editor(QStringLiteral("notes"))->accessibleDescription(), QStringLiteral("Anything else"));
    QCOMPARE(view.editor(QStringLiteral("trees[0].girth"))->accessibleName(), QStringLiteral("Trunk circumference"));
    for (const ui::FormBinding &binding : view.bindings()) {
        if (binding.editor)
            QCOMPARE(binding.editor->input()->accessibleName(), binding.field->label.text());
    }
    ui::FormGroupRows *rows = view.groupRows(QStringLiteral("trees"));
    QVERIFY(rows);
    QVERIFY(rows->addButton()->accessibleName().contains(QStringLiteral("Trees")));
    QVERIFY(rows->removeButton(0)->accessibleName().contains(QStringLiteral("Trees")));
    QVERIFY(rows->removeButton(0)->accessibleName().contains(QStringLiteral("1")));
}

void TestFormView::germanLabels()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    FormView view(testDefinition());
    view.setData(json(R"({"trees": [{}]})"));
    QCOMPARE(view.fieldLabel(QStringLiteral("notes"))->text(), QStringLiteral("Notizen"));
    QCOMPARE(view.editor(QStringLiteral("trees[0].girth"))->accessibleName(), QStringLiteral("Stammumfang"));
    QCOMPARE(view.editor(QStringLiteral("name"))->accessibleDescription(), QStringLiteral("Ihr voller Name"));
    // Codes are offered with their German labels.
    auto *species = qobject_cast<QComboBox *>(view.editor(QStringLiteral("species")));
    QVERIFY(species->findText(QStringLiteral("Eiche")) > 0);
}

void TestFormView::typingShowsMessagesAndSummary()
{
    const FormDefinition definition = testDefinition();
    FormView view(definition);
    view.setData(json(R"({"name": "Anna", "consent": true, "trees": [{"species": "oak"}]})"));
    view.show();
    QVERIFY(!summaryPaths(view).contains(QStringLiteral("email")));
    QLabel *message = view.messageLabel(QStringLiteral("email"));
    QVERIFY(message->isHidden());

    auto *email = qobject_cast<QLineEdit *>(view.editor(QStringLiteral("email")));
    QTest::keyClicks(email, QStringLiteral("anna@"));
    const QStringList expected = expectedMessages(definition, view.data(), QStringLiteral("email"));
    QCOMPARE(expected.size(), 1);
    QTRY_VERIFY(message->isVisibleTo(&view));
    QCOMPARE(message->text(), expected.first());
    QCOMPARE(message->accessibleName(), expected.first());
    QVERIFY(summaryPaths(view).contains(QStringLiteral("email")));
    QVERIFY(view.summary()->isVisibleTo(&view));

    QTest::keyClicks(email, QStringLiteral("example.de"));
    QTRY_VERIFY(message->isHidden());
    QVERIFY(!summaryPaths(view).contains(QStringLiteral("email")));

    // A required field emptied shows its message; filled again, it goes away.
    auto *name = qobject_cast<QLineEdit *>(view.editor(QStringLiteral("name")));
    name->selectAll();
    QTest::keyClick(name, Qt::Key_Delete);
    QTRY_VERIFY(view.messageLabel(QStringLiteral("name"))->isVisibleTo(&view));
    QCOMPARE(view.messageLabel(QStringLiteral("name"))->text(),
             expectedMessages(definition, view.data(), QStringLiteral("name")).join(u'\n'));
    QTest::keyClicks(name, QStringLiteral("Bea"));
    QTRY_VERIFY(view.messageLabel(QStringLiteral("name"))->isHidden());
    QVERIFY(view.summary()->isHidden());
    QVERIFY(view.problems().isEmpty());
}

void TestFormView::summaryEntryFocusesField()
{
    FormView view(testDefinition());
    view.setData(json(R"({"consent": true, "email": "nope", "trees": [{"species": "oak"}]})"));
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QListWidget *list = view.summary()->list();
    const QStringList paths = summaryPaths(view);
    QVERIFY(paths.contains(QStringLiteral("name")));
    QVERIFY(paths.contains(QStringLiteral("email")));
    for (const QString &path : {QStringLiteral("email"), QStringLiteral("name")}) {
        list->setFocus();
        list->setCurrentRow(int(paths.indexOf(path)));
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_VERIFY(within(QApplication::focusWidget(), view.editor(path)));
    }
}

void TestFormView::repeatableGroupRows()
{
    FormView view(testDefinition());
    view.setData(json(R"({"name": "Anna", "consent": true})"));
    view.show();
    ui::FormGroupRows *rows = view.groupRows(QStringLiteral("trees"));
    QCOMPARE(rows->rowCount(), 0);
    QVERIFY(rows->addButton()->isEnabled());
    QVERIFY(summaryPaths(view).contains(QStringLiteral("trees"))); // at least one entry
    QVERIFY(view.messageLabel(QStringLiteral("trees"))->isVisibleTo(&view));

    QSignalSpy edited(&view, &FormView::dataEdited);
    QTest::mouseClick(rows->addButton(), Qt::LeftButton);
    QTRY_COMPARE(view.data().value(QStringLiteral("trees")).toArray().size(), 1);
    rows = view.groupRows(QStringLiteral("trees"));
    QCOMPARE(rows->rowCount(), 1);

    QCOMPARE(edited.count(), 1);
    QVERIFY(!rows->removeButton(0)->isEnabled()); // at the minimum
    QVERIFY(rows->addButton()->isEnabled());
    QVERIFY(view.editor(QStringLiteral("trees[0].species")));
    QVERIFY(!summaryPaths(view).contains(QStringLiteral("trees")));
    QVERIFY(summaryPaths(view).contains(QStringLiteral("trees[0].species")));

    QTest::keyClicks(view.editor(QStringLiteral("trees[0].girth")), QStringLiteral("80"));
    QTest::mouseClick(rows->addButton(), Qt::LeftButton);
    QTRY_COMPARE(view.groupRows(QStringLiteral("trees"))->rowCount(), 2);
    rows = view.groupRows(QStringLiteral("trees"));
    QVERIFY(!rows->addButton()->isEnabled()); // at the maximum
    QVERIFY(rows->removeButton(0)->isEnabled());
    QVERIFY(rows->removeButton(1)->isEnabled());
    QTest::keyClicks(view.editor(QStringLiteral("trees[1].girth")), QStringLiteral("95"));

    QTest::mouseClick(rows->removeButton(0), Qt::LeftButton);
    QTRY_COMPARE(view.groupRows(QStringLiteral("trees"))->rowCount(), 1);
    const QJsonArray trees = view.data().value(QStringLiteral("trees")).toArray();
    QCOMPARE(trees.size(), 1);
    QCOMPARE(trees.at(0).toObject().value(QStringLiteral("girth")), QJsonValue(95)); // the second entry stayed
    QCOMPARE(qobject_cast<QLineEdit *>(view.editor(QStringLiteral("trees[0].girth")))->text(), QStringLiteral("95"));
    QVERIFY(view.groupRows(QStringLiteral("trees"))->addButton()->isEnabled());
}

void TestFormView::conditionalSection()
{
    FormView view(testDefinition());
    view.setData(json(R"({"name": "Anna", "consent": true, "trees": [{"species": "oak"}]})"));
    view.show();
    QGroupBox *vehicle = nullptr;
    for (const ui::FormBinding &binding : view.bindings()) {
        if (binding.path == QLatin1String("vehicle"))
            vehicle = binding.box;
    }
    QVERIFY(vehicle);
    QVERIFY(!vehicle->isVisibleTo(&view));
    QVERIFY(!summaryPaths(view).contains(QStringLiteral("vehicle.registration")));

    auto *hasVehicle = qobject_cast<QCheckBox *>(view.editor(QStringLiteral("hasVehicle")));
    clickCheckBox(hasVehicle);
    QTRY_VERIFY(vehicle->isVisibleTo(&view));
    QVERIFY(summaryPaths(view).contains(QStringLiteral("vehicle.registration")));
    QVERIFY(view.fieldLabel(QStringLiteral("vehicle.registration"))->text().endsWith(QLatin1String(" *")));

    clickCheckBox(hasVehicle);
    QTRY_VERIFY(!vehicle->isVisibleTo(&view));
    QVERIFY(!summaryPaths(view).contains(QStringLiteral("vehicle.registration")));
}

void TestFormView::requiredMarkerFollowsState()
{
    FormView view(testDefinition());
    view.setData(json(R"({"trees": [{}]})"));
    QVERIFY(view.fieldLabel(QStringLiteral("name"))->text().endsWith(QLatin1String(" *")));
    QCOMPARE(view.fieldLabel(QStringLiteral("reason"))->text(), QStringLiteral("Reason"));
    QTest::keyClicks(view.editor(QStringLiteral("species")), QStringLiteral("Oak"));
    QCOMPARE(view.data().value(QStringLiteral("species")).toString(), QStringLiteral("oak"));
    QTRY_COMPARE(view.fieldLabel(QStringLiteral("reason"))->text(), QStringLiteral("Reason *"));
    QVERIFY(summaryPaths(view).contains(QStringLiteral("reason")));
}

void TestFormView::moneyStoresCents_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QJsonValue>("stored");
    QTest::addColumn<QString>("shown"); // after leaving the field
    const QLocale german(QLocale::German, QLocale::Germany);
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    QTest::newRow("de grouped") << german << "1.234,56" << QJsonValue(123456) << QString::fromUtf8("1.234,56 €");
    QTest::newRow("de euros") << german << "12" << QJsonValue(1200) << QString::fromUtf8("12,00 €");
    QTest::newRow("de one digit") << german << "0,5" << QJsonValue(50) << QString::fromUtf8("0,50 €");
    QTest::newRow("de spaces") << german << "1 234,5" << QJsonValue(123450) << QString::fromUtf8("1.234,50 €");
    QTest::newRow("de large") << german << "1234567890,99" << QJsonValue(qint64(123456789099))
                              << QString::fromUtf8("1.234.567.890,99 €");
    QTest::newRow("de too precise") << german << "1,234" << QJsonValue(QStringLiteral("1,234")) << "1,234";
    QTest::newRow("en grouped") << english << "1,234.56" << QJsonValue(123456) << QString::fromUtf8("€1,234.56");
}

void TestFormView::moneyStoresCents()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, typed);
    QFETCH(QJsonValue, stored);
    QFETCH(QString, shown);
    QLocale::setDefault(locale);
    FormView view(testDefinition());
    view.setData(json(R"({"trees": [{}]})"));
    auto *fee = qobject_cast<QLineEdit *>(view.editor(QStringLiteral("fee")));
    QTest::keyClicks(fee, typed);
    QCOMPARE(view.data().value(QStringLiteral("fee")), stored);
    QCOMPARE(summaryPaths(view).contains(QStringLiteral("fee")), !stored.isDouble());
    emit fee->editingFinished();
    QCOMPARE(fee->text(), shown);
    QCOMPARE(view.data().value(QStringLiteral("fee")), stored);
    // Shown from stored data the same way.
    view.setData(QJsonObject{{QStringLiteral("fee"), stored}});
    QCOMPARE(qobject_cast<QLineEdit *>(view.editor(QStringLiteral("fee")))->text(), shown);
}

void TestFormView::decimalStaysExact_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QJsonValue>("stored");
    QTest::addColumn<bool>("problem");
    QTest::newRow("comma") << "12,50" << QJsonValue(QStringLiteral("12.50")) << false;
    QTest::newRow("point") << "0.1" << QJsonValue(QStringLiteral("0.1")) << false;
    QTest::newRow("half typed") << "7," << QJsonValue(QStringLiteral("7")) << false;
    QTest::newRow("too precise") << "0.125" << QJsonValue(QStringLiteral("0.125")) << true;
    QTest::newRow("too large") << "100.01" << QJsonValue(QStringLiteral("100.01")) << true;
    QTest::newRow("letters refused") << "1a2" << QJsonValue(QStringLiteral("12")) << false;
}

void TestFormView::decimalStaysExact()
{
    QFETCH(QString, typed);
    QFETCH(QJsonValue, stored);
    QFETCH(bool, problem);
    FormView view(testDefinition());
    view.setData(json(R"({"trees": [{}]})"));
    QTest::keyClicks(view.editor(QStringLiteral("height")), typed);
    QCOMPARE(view.data().value(QStringLiteral("height")), stored);
    QCOMPARE(summaryPaths(view).contains(QStringLiteral("height")), problem);
}

void TestFormView::dateEditor_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QJsonValue>("stored");
    QTest::addColumn<QString>("problem"); // code at "start", or empty
    const QLocale german(QLocale::German, QLocale::Germany);
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    QTest::newRow("german") << german << "05.03.2026" << QJsonValue(QStringLiteral("2026-03-05")) << QString();
    QTest::newRow("short") << german << "5.3.2026" << QJsonValue(QStringLiteral("2026-03-05")) << QString();
    QTest::newRow("iso") << english << "2026-03-02" << QJsonValue(QStringLiteral("2026-03-02")) << QString();
    QTest::newRow("before today") << german << "01.03.2026" << QJsonValue(QStringLiteral("2026-03-01"))
                                  << QStringLiteral("tooEarly");
    QTest::newRow("no date") << german << "31.02.2026" << QJsonValue(QStringLiteral("31.02.2026"))
                             << QStringLiteral("invalidFormat");
}

void TestFormView::dateEditor()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, typed);
    QFETCH(QJsonValue, stored);
    QFETCH(QString, problem);
    QLocale::setDefault(locale);
    FormView view(testDefinition());
    view.setData(json(R"({"trees": [{}]})"));
    auto *start = qobject_cast<QLineEdit *>(view.editor(QStringLiteral("start")));
    QVERIFY(!view.data().contains(QStringLiteral("start"))); // empty is allowed
    QTest::keyClicks(start, typed);
    QCOMPARE(view.data().value(QStringLiteral("start")), stored);
    QString code;
    for (const FormProblem &found : view.problems()) {
        if (found.path == QLatin1String("start"))
            code = found.codeString();
    }
    QCOMPARE(code, problem);
    start->clear();
    QVERIFY(!view.data().contains(QStringLiteral("start")));
}

void TestFormView::calendarPopup()
{
    FormView view(testDefinition());
    view.setData(json(R"({"trees": [{}]})"));
    view.show();
    ui::FormDateEditor *end = nullptr;
    for (const ui::FormBinding &binding : view.bindings()) {
        if (binding.path == QLatin1String("end"))
            end = qobject_cast<ui::FormDateEditor *>(binding.editor);
    }
    QVERIFY(end);
    QTest::keyClick(end->input(), Qt::Key_Down, Qt::AltModifier);
    QTRY_VERIFY(end->calendar()->isVisible());
    QCOMPARE(end->calendar()->selectedDate(), m_clock.today()); // no date yet: opens at today
    QSignalSpy edited(&view, &FormView::dataEdited);
    emit end->calendar()->activated(QDate(2026, 4, 1));
    QTRY_VERIFY(!end->calendar()->isVisible());
    QCOMPARE(edited.count(), 1);
    QCOMPARE(view.data().value(QStringLiteral("end")).toString(), QStringLiteral("2026-04-01"));
    view.setReadOnly(true);
    end->showCalendar();
    QVERIFY(!end->calendar()->isVisible());
}

void TestFormView::ibanGroupedForDisplay()
{
    FormView view(testDefinition());
    view.setData(json(R"({"iban": "DE89370400440532013000", "trees": [{}]})"));
    auto *iban = qobject_cast<QLineEdit *>(view.editor(QStringLiteral("iban")));
    QCOMPARE(iban->text(), QStringLiteral("DE89 3704 0044 0532 0130 00"));
    QVERIFY(view.changes().isEmpty());
    iban->clear();
    QTest::keyClicks(iban, QStringLiteral("de44500105175407324931"));
    QCOMPARE(iban->text(), QStringLiteral("DE44 5001 0517 5407 3249 31"));
    QCOMPARE(view.data().value(QStringLiteral("iban")).toString(), QStringLiteral("DE44500105175407324931"));
    QVERIFY(!summaryPaths(view).contains(QStringLiteral("iban")));
    // A typo in the middle keeps the cursor in place and the checksum catches it.
    iban->setCursorPosition(5);
    QTest::keyClick(iban, Qt::Key_Delete);
    QTest::keyClicks(iban, QStringLiteral("4"));
    QCOMPARE(iban->text(), QStringLiteral("DE44 4001 0517 5407 3249 31"));
    QCOMPARE(iban->cursorPosition(), 6);
    QVERIFY(summaryPaths(view).contains(QStringLiteral("iban")));
}

void TestFormView::choiceSearch()
{
    FormView view(testDefinition());
    view.setData(json(R"({"trees": [{}]})"));
    auto *species = qobject_cast<QComboBox *>(view.editor(QStringLiteral("species")));
    QVERIFY(species->isEditable());
    QCompleter *completer = species->completer();
    QVERIFY(completer);
    QCOMPARE(completer->filterMode(), Qt::MatchContains);
    completer->setCompletionPrefix(QStringLiteral("EEC"));
    QCOMPARE(completer->completionCount(), 1);
    QCOMPARE(completer->currentCompletion(), QStringLiteral("Beech"));
    QTest::keyClicks(species, QStringLiteral("beech"));
    QCOMPARE(view.data().value(QStringLiteral("species")).toString(), QStringLiteral("beech"));
    QVERIFY(!summaryPaths(view).contains(QStringLiteral("species")));
    species->clearEditText();
    QTest::keyClicks(species, QStringLiteral("Birch"));
    QVERIFY(summaryPaths(view).contains(QStringLiteral("species"))); // not in the list

    auto *district = qobject_cast<QComboBox *>(view.editor(QStringLiteral("district")));
    QCOMPARE(district->count(), 24); // no choice + the 23 Stadtbezirke
    QTest::keyClicks(district, QStringLiteral("Vaihingen"));
    QVERIFY(!view.data().value(QStringLiteral("district")).toString().isEmpty());
    QVERIFY(!summaryPaths(view).contains(QStringLiteral("district")));
}

void TestFormView::multiChoiceAndDocuments()
{
    FormView view(testDefinition());
    view.setDocuments({{DocumentId, QStringLiteral("Fahrzeugschein.pdf")}});
    view.setData(json(R"({"trees": [{}]})"));
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    auto *colours = qobject_cast<QListWidget *>(view.editor(QStringLiteral("colours")));
    colours->setFocus();
    for (int row : {0, 2}) {
        colours->setCurrentRow(row);
        QTest::keyClick(colours, Qt::Key_Space);
    }
    QCOMPARE(view.data().value(QStringLiteral("colours")).toArray(),
             (QJsonArray{QStringLiteral("red"), QStringLiteral("blue")}));
    colours->setCurrentRow(1);
    QTest::keyClick(colours, Qt::Key_Space);
    QVERIFY(summaryPaths(view).contains(QStringLiteral("colours"))); // at most two

    auto *proof = qobject_cast<QComboBox *>(view.editor(QStringLiteral("proof")));
    QCOMPARE(proof->count(), 2);
    QTest::keyClicks(proof, QStringLiteral("Fahrzeugschein.pdf"));
    QCOMPARE(view.data().value(QStringLiteral("proof")).toString(), DocumentId);
    QVERIFY(!summaryPaths(view).contains(QStringLiteral("proof")));
}

void TestFormView::readOnlyBlocksEdits()
{
    FormView view(testDefinition());
    const QJsonObject data = json(R"({"name": "Anna", "consent": true, "species": "oak", "colours": ["red"],
                                      "trees": [{"species": "lime"}], "notes": "Hello"})");
    view.setData(data);
    view.setReadOnly(true);
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QSignalSpy edited(&view, &FormView::dataEdited);
    for (const ui::FormBinding &binding : view.bindings()) {
        if (!binding.editor || !binding.container->isVisibleTo(&view))
            continue;
        QWidget *input = binding.editor->input();
        QVERIFY2(input->isEnabled() && (input->focusPolicy() & Qt::TabFocus), qPrintable(binding.path));
        const QJsonValue before = binding.editor->value();
        input->setFocus();
        QTRY_VERIFY2(within(QApplication::focusWidget(), input), qPrintable(binding.path));
        QTest::keyClicks(input, QStringLiteral("12"));
        QTest::keyClick(input, Qt::Key_Space);
        QTest::keyClick(input, Qt::Key_Down);
        QTest::keyClick(input, Qt::Key_Backspace);
        QVERIFY2(binding.editor->value() == before, qPrintable(binding.path));
        QTest::mouseClick(input, Qt::LeftButton, {}, QPoint(6, input->height() / 2));
        QVERIFY2(binding.editor->value() == before, qPrintable(binding.path)); // the input itself is unchanged
    }
    QCOMPARE(edited.count(), 0);
    QVERIFY(view.changes().isEmpty());
    QCOMPARE(qobject_cast<QPlainTextEdit *>(view.editor(QStringLiteral("notes")))->toPlainText(),
             QStringLiteral("Hello"));
    ui::FormGroupRows *rows = view.groupRows(QStringLiteral("trees"));
    QVERIFY(!rows->addButton()->isEnabled());
    QVERIFY(!rows->removeButton(0)->isEnabled());

    view.setReadOnly(false);
    QTest::keyClicks(view.editor(QStringLiteral("name")), QStringLiteral("!"));
    QCOMPARE(edited.count(), 1);
    QVERIFY(view.groupRows(QStringLiteral("trees"))->addButton()->isEnabled());
}

void TestFormView::tabOrderFollowsForm()
{
    FormView view(testDefinition());
    view.setData(json(R"({"hasVehicle": true, "trees": [{}, {}]})"));
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    // Expected: every shown editor, each entry's Remove button after its fields and Add after the entries.
    QList<QWidget *> expected;
    for (const ui::FormBinding &binding : view.bindings()) {
        if (binding.editor && binding.container->isVisibleTo(&view))
            expected.append(binding.editor->input());
    }
    QCOMPARE(expected.size(), 24);
    view.editor(QStringLiteral("name"))->setFocus();
    QTRY_VERIFY(within(QApplication::focusWidget(), expected.first()));
    QList<QWidget *> visited{expected.first()};
    QList<QWidget *> buttons;
    for (int step = 0; step < 60 && visited.size() < expected.size(); ++step) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focus = QApplication::focusWidget();
        if (qobject_cast<QPushButton *>(focus)) {
            buttons.append(focus);
            continue;
        }
        const auto it =
            std::find_if(expected.cbegin(), expected.cend(), [focus](QWidget *input) { return within(focus, input); });
        QVERIFY2(it != expected.cend(), focus ? focus->metaObject()->className() : "no focus");
        if (*it != visited.last())
            visited.append(*it);
    }
    QCOMPARE(visited, expected);
    ui::FormGroupRows *rows = view.groupRows(QStringLiteral("trees"));
    QCOMPARE(buttons, (QList<QWidget *>{rows->removeButton(0)}));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), rows->removeButton(1)); // Add is disabled at the maximum
}

void TestFormView::changesAfterEdits()
{
    FormView view(testDefinition());
    const QJsonObject original = json(R"({"name": "Anna", "consent": true, "fee": 1000, "unknown": 1,
                                          "trees": [{"species": "oak", "girth": 80}]})");
    view.setData(original);
    QVERIFY(view.changes().isEmpty());
    QTest::keyClicks(view.editor(QStringLiteral("name")), QStringLiteral(" Berg"));
    auto *girth = qobject_cast<QLineEdit *>(view.editor(QStringLiteral("trees[0].girth")));
    girth->clear();
    QTest::keyClicks(girth, QStringLiteral("95"));
    auto *fee = qobject_cast<QLineEdit *>(view.editor(QStringLiteral("fee")));
    fee->clear();
    QTest::keyClicks(fee, QStringLiteral("12.5"));
    QTest::keyClicks(view.editor(QStringLiteral("postcode")), QStringLiteral("70173"));

    const QList<FormChange> expected{
        {QStringLiteral("fee"), 1000, 1250},
        {QStringLiteral("name"), QStringLiteral("Anna"), QStringLiteral("Anna Berg")},
        {QStringLiteral("postcode"), QJsonValue::Undefined, QStringLiteral("70173")},
        {QStringLiteral("trees[0].girth"), 80, 95},
    };
    const QList<FormChange> changes = view.changes();
    QCOMPARE(changes.size(), expected.size());
    for (const FormChange &change : expected)
        QVERIFY2(changes.contains(change), qPrintable(change.path));
    // The change set turns the original into what the view shows.
    QJsonObject applied = FormValidator::normalize(view.definition(), original);
    QVERIFY(FormChange::apply(applied, changes));
    QCOMPARE(applied, view.data());

    // A removed entry is a change of the whole group; setData starts afresh.
    QTest::mouseClick(view.groupRows(QStringLiteral("trees"))->addButton(), Qt::LeftButton);
    QTRY_VERIFY(view.changes().size() == expected.size());
    bool groupChanged = false;
    for (const FormChange &change : view.changes())
        groupChanged = groupChanged || change.path == QLatin1String("trees");
    QVERIFY(groupChanged);
    view.setData(view.data());
    QVERIFY(view.changes().isEmpty());
}

void TestFormView::hostileData_data()
{
    QTest::addColumn<QJsonObject>("data");
    const QString huge(300000, u'x');
    QJsonArray manyRows;
    for (int i = 0; i < 3000; ++i)
        manyRows.append(QJsonObject{{QStringLiteral("species"), QString::number(i)}});
    QJsonArray manyCodes;
    for (int i = 0; i < 5000; ++i)
        manyCodes.append(QString::number(i));
    QTest::newRow("wrong types") << json(R"({"name": 5, "notes": [1], "count": "abc", "height": true, "fee": "lots",
        "start": 12, "species": {"a": 1}, "colours": "red", "consent": "yes", "vehicle": [1, 2], "trees": "x",
        "iban": 7, "proof": "not-a-uuid", "district": 99})");
    QTest::newRow("huge strings") << QJsonObject{{QStringLiteral("name"), huge},
                                                 {QStringLiteral("notes"), huge},
                                                 {QStringLiteral("iban"), huge},
                                                 {QStringLiteral(u"ünknown"), huge}};
    QTest::newRow("unknown keys") << json(R"({"a": 1, "b": {"c": [1, 2]}, "vehicle": {"x": 1},
        "trees": [{"bogus": true}, 5, null], "__proto__": "x"})");
    QTest::newRow("too many entries") << QJsonObject{{QStringLiteral("trees"), manyRows},
                                                     {QStringLiteral("colours"), manyCodes}};
    QTest::newRow("extreme numbers") << json(R"({"count": 1e300, "fee": -1e300, "height": 1e-300,
        "trees": [{"girth": 9007199254740993}]})");
}

void TestFormView::hostileData()
{
    QFETCH(QJsonObject, data);
    FormView view(testDefinition());
    view.setDocuments({{DocumentId, QStringLiteral("Scan.pdf")}});
    view.setData(data);
    view.show();
    QVERIFY(!view.problems().isEmpty());
    QVERIFY(view.summary()->isVisibleTo(&view));
    QVERIFY(view.changes().isEmpty());
    QVERIFY(view.groupRows(QStringLiteral("trees"))->rowCount() <= 2);
    // The clerk can still correct the data: typing replaces the broken value.
    auto *name = qobject_cast<QLineEdit *>(view.editor(QStringLiteral("name")));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Anna"));
    QCOMPARE(view.data().value(QStringLiteral("name")).toString(), QStringLiteral("Anna"));
    QVERIFY(!summaryPaths(view).contains(QStringLiteral("name")));
    if (QWidget *girth = view.editor(QStringLiteral("trees[0].girth"))) {
        qobject_cast<QLineEdit *>(girth)->clear();
        QTest::keyClicks(girth, QStringLiteral("3"));
        QCOMPARE(view.data().value(QStringLiteral("trees")).toArray().at(0).toObject().value(QStringLiteral("girth")),
                 QJsonValue(3));
    }
    QTest::keyClicks(view.editor(QStringLiteral("vehicle.registration")), QStringLiteral("S-AB 1"));
    QCOMPARE(view.data().value(QStringLiteral("vehicle")).toObject().value(QStringLiteral("registration")).toString(),
             QStringLiteral("S-AB 1"));
}

QTEST_MAIN(TestFormView)
#include "tst_formview.moc"
