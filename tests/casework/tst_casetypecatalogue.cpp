// CaseTypeCatalogue: which process model and form version a new case and an existing case run on.
#include "casework/CaseTypeCatalogue.h"

#include <QFile>
#include <QJsonObject>
#include <QTest>

using namespace casedesk;
using namespace casedesk::casework;

namespace {

const demo::CaseTypeContent &bundledParking()
{
    const demo::CaseTypeContent *content = demo::BundledContent::instance()->find(QStringLiteral("bewohnerparken"));
    Q_ASSERT(content);
    return *content;
}

// The bundled parking form under another version number.
forms::FormDefinition parkingForm(int version)
{
    QJsonObject json = bundledParking().form.json();
    json.insert(QStringLiteral("version"), version);
    return forms::FormDefinition::fromJson(json).value();
}

Case parkingCase(int processVersion, int formVersion)
{
    Case c;
    c.caseType = QStringLiteral("bewohnerparken");
    c.processVersion = processVersion;
    c.formVersion = formVersion;
    return c;
}

} // namespace

class TestCaseTypeCatalogue : public QObject {
    Q_OBJECT

private slots:
    void bundledKnowsTheFourCaseTypes();
    void latestAndOwnVersions_data();
    void latestAndOwnVersions();
    void caseTypeWithoutFormIsUnknown();
    void deployedContentThatDoesNotLoadIsLeftOut();
};

void TestCaseTypeCatalogue::bundledKnowsTheFourCaseTypes()
{
    const auto catalogue = CaseTypeCatalogue::bundled();
    QVERIFY(catalogue && !catalogue->isEmpty());
    QStringList types;
    for (const demo::CaseTypeContent *content : catalogue->latestOfEach()) {
        types.append(content->caseType);
        QCOMPARE(content->processVersion, 1);
    }
    QCOMPARE(types, (QStringList{QStringLiteral("bewohnerparken"), QStringLiteral("umweltzone"),
                                 QStringLiteral("baumfaellung"), QStringLiteral("buergerhaushalt")}));
    QVERIFY(!catalogue->latest(QStringLiteral("hundesteuer")));
}

void TestCaseTypeCatalogue::latestAndOwnVersions_data()
{
    QTest::addColumn<int>("processVersion");
    QTest::addColumn<int>("formVersion");
    QTest::addColumn<int>("expectedProcess"); // 0: nullptr expected
    QTest::addColumn<int>("expectedForm");
    QTest::newRow("own versions") << 2 << 1 << 2 << 1;
    QTest::newRow("earliest process, latest form") << 1 << 3 << 1 << 3;
    QTest::newRow("none recorded: the earliest") << 0 << 0 << 1 << 1;
    QTest::newRow("process version not deployed") << 4 << 1 << 0 << 0;
    QTest::newRow("form version not deployed") << 1 << 2 << 0 << 0;
}

void TestCaseTypeCatalogue::latestAndOwnVersions()
{
    QFETCH(int, processVersion);
    QFETCH(int, formVersion);
    QFETCH(int, expectedProcess);
    QFETCH(int, expectedForm);
    // Processes listed out of order, forms 1 and 3.
    const CaseTypeCatalogue catalogue({{QStringLiteral("bewohnerparken"), 3, bundledParking().process},
                                       {QStringLiteral("bewohnerparken"), 1, bundledParking().process},
                                       {QStringLiteral("bewohnerparken"), 2, bundledParking().process}},
                                      {parkingForm(3), parkingForm(1)});
    const demo::CaseTypeContent *latest = catalogue.latest(QStringLiteral("bewohnerparken"));
    QVERIFY(latest);
    QCOMPARE(latest->processVersion, 3);
    QCOMPARE(latest->form.version(), 3);

    const demo::CaseTypeContent *own = catalogue.of(parkingCase(processVersion, formVersion));
    if (expectedProcess == 0) {
        QVERIFY(!own);
        return;
    }
    QVERIFY(own);
    QCOMPARE(own->caseType, QStringLiteral("bewohnerparken"));
    QCOMPARE(own->processVersion, expectedProcess);
    QCOMPARE(own->form.version(), expectedForm);
}

void TestCaseTypeCatalogue::caseTypeWithoutFormIsUnknown()
{
    const CaseTypeCatalogue catalogue({{QStringLiteral("hundesteuer"), 1, bundledParking().process}},
                                      {bundledParking().form});
    QVERIFY(catalogue.isEmpty());
    QVERIFY(!catalogue.latest(QStringLiteral("hundesteuer")));
    QVERIFY(!catalogue.of(parkingCase(1, 1)));
    QVERIFY(catalogue.latestOfEach().isEmpty());
}

void TestCaseTypeCatalogue::deployedContentThatDoesNotLoadIsLeftOut()
{
    QFile bpmnFile(QStringLiteral(":/processes/bewohnerparken.bpmn"));
    QVERIFY(bpmnFile.open(QIODevice::ReadOnly));
    const QString bpmn = QString::fromUtf8(bpmnFile.readAll());
    QJsonObject brokenForm = bundledParking().form.json();
    brokenForm.insert(QStringLiteral("version"), QStringLiteral("zwei"));
    brokenForm.insert(QStringLiteral("id"), QStringLiteral("umweltzone"));
    QStringList leftOut;
    const auto catalogue =
        CaseTypeCatalogue::fromDeployed({{QStringLiteral("bewohnerparken"), 1, bpmn},
                                         {QStringLiteral("bewohnerparken"), 2, bpmn.left(bpmn.size() / 2)}, // cut off
                                         {QStringLiteral("umweltzone"), 1, bpmn},
                                         {QStringLiteral("baumfaellung"), 0, bpmn}}, // no valid version
                                        {bundledParking().form.json(), brokenForm}, &leftOut);
    QCOMPARE(leftOut.size(), 3);
    QVERIFY2(leftOut.at(0).startsWith(QLatin1String("process model bewohnerparken version 2: ")),
             qPrintable(leftOut.at(0)));
    QVERIFY2(leftOut.at(1).startsWith(QLatin1String("process model baumfaellung version 0")),
             qPrintable(leftOut.at(1)));
    QVERIFY2(leftOut.at(2).startsWith(QLatin1String("form umweltzone")), qPrintable(leftOut.at(2)));
    QCOMPARE(catalogue->latest(QStringLiteral("bewohnerparken"))->processVersion, 1);
    QVERIFY(!catalogue->latest(QStringLiteral("umweltzone"))); // its form did not load
    QCOMPARE(catalogue->latestOfEach().size(), 1);
}

QTEST_GUILESS_MAIN(TestCaseTypeCatalogue)
#include "tst_casetypecatalogue.moc"
