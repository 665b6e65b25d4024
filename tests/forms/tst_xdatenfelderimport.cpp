// XDatenfelder 2.0/3.0 import on the third-party corpus (../shared/corpus/xdatenfelder, see its README.txt):
// the valid files import into definitions FormDefinition accepts, the invalid ones are refused with a message
// naming what is wrong; plus hostile inputs written here.
#include "forms/FormDefinition.h"
#include "forms/FormPath.h"
#include "forms/XDatenfelderImport.h"
#include "mock/TestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace casedesk;
using namespace casedesk::forms;

namespace {

QByteArray corpusFile(const QString &name)
{
    const QString path = test::corpusPath(QStringLiteral("xdatenfelder/") + name);
    if (path.isEmpty())
        return {};
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestXDatenfelderImport : public QObject {
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void hostile_data();
    void hostile();
};

void TestXDatenfelderImport::valid_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("id");
    // Checks on the definition: "path=value" pairs on its JSON ("fields[0].type=group").
    QTest::addColumn<QStringList>("checks");
    QTest::addColumn<QStringList>("warnings"); // substrings, one warning each, in order

    QTest::newRow("2.0 minimal") << QStringLiteral("xdf2-flxbe-tests/minimal.xml") << QStringLiteral("T1234")
                                 << QStringList{QStringLiteral("title.de=Test"), QStringLiteral("version=1"),
                                                QStringLiteral("source.standard=XDatenfelder 2.0")}
                                 << QStringList{QStringLiteral("no data fields")};
    QTest::newRow("2.0 simple") << QStringLiteral("xdf2-flxbe-tests/simple.xml") << QStringLiteral("T1234")
                                << QStringList{QStringLiteral("fields[0].type=group"),
                                               QStringLiteral("fields[0].label.de=Natürliche Person"),
                                               QStringLiteral("fields[0].required=true"),
                                               QStringLiteral("fields[0].fields[0].id=familienname"),
                                               QStringLiteral("fields[0].fields[0].type=text"),
                                               QStringLiteral("fields[0].fields[0].required=true"),
                                               QStringLiteral("fields[0].fields[0].minLength=1"),
                                               QStringLiteral("fields[0].fields[0].maxLength=120"),
                                               QStringLiteral("fields[0].fields[0].help.de=Hilfe Eingabe"),
                                               QStringLiteral("fields[0].fields[0].source=F60000227 1.1")}
                                << QStringList{QStringLiteral("R60000037")};
    QTest::newRow("2.0 select") << QStringLiteral("xdf2-flxbe-tests/select.xml") << QStringLiteral("T1234")
                                << QStringList{QStringLiteral("fields[0].id=hinweis"),
                                               QStringLiteral("fields[0].type=choice"),
                                               QStringLiteral("fields[0].codeList=C123"),
                                               QStringLiteral("codeLists.C123.external=urn:de:example_1")}
                                << QStringList{QStringLiteral("urn:de:example_1")};
    QTest::newRow("2.0 label") << QStringLiteral("xdf2-flxbe-tests/label.xml") << QStringLiteral("T1234")
                               << QStringList{}
                               << QStringList{QStringLiteral("static text"), QStringLiteral("no data fields")};
    QTest::newRow("2.0 data field rule") << QStringLiteral("xdf2-flxbe-tests/data-field-rule.xml")
                                         << QStringLiteral("T1234")
                                         << QStringList{QStringLiteral("fields[0].id=hinweis"),
                                                        QStringLiteral("fields[0].type=text")}
                                         << QStringList{QStringLiteral("R60000037")};
    QTest::newRow("2.0 data group rule") << QStringLiteral("xdf2-flxbe-tests/data-group-rule.xml")
                                         << QStringLiteral("T1234") << QStringList{}
                                         << QStringList{QStringLiteral("R60000037"), QStringLiteral("has no fields"),
                                                        QStringLiteral("no data fields")};
    QTest::newRow("2.0 schema rule") << QStringLiteral("xdf2-flxbe-tests/rule.xml") << QStringLiteral("T1234")
                                     << QStringList{}
                                     << QStringList{QStringLiteral("R60000037"), QStringLiteral("no data fields")};
    QTest::newRow("3.0 simple") << QStringLiteral("xdf3-flxbe-tests/simple.xml") << QStringLiteral("G60000000088")
                                << QStringList{QStringLiteral("title.de=Anschrift in Deutschland"),
                                               QStringLiteral("source.standard=XDatenfelder 3.0"),
                                               QStringLiteral("source.version=1.2.0"),
                                               QStringLiteral("fields[0].type=group"),
                                               QStringLiteral("fields[0].label.de=Straßenanschrift"),
                                               QStringLiteral("fields[0].fields[0].id=strasse"),
                                               QStringLiteral("fields[0].fields[0].label.de=Straße"),
                                               QStringLiteral("fields[0].fields[0].required=true"),
                                               QStringLiteral("fields[0].fields[0].maxLength=55")}
                                << QStringList{QStringLiteral("R60000000019"), QStringLiteral("R60000000019")};
    QTest::newRow("3.0 input") << QStringLiteral("xdf3-flxbe-tests/input.xml") << QStringLiteral("G60000000088")
                               << QStringList{QStringLiteral("fields[0].id=strasse"),
                                              QStringLiteral("fields[0].type=text"),
                                              QStringLiteral("fields[0].pattern=abc"),
                                              QStringLiteral("fields[0].maxLength=1")}
                               << QStringList{QStringLiteral("no code list"), QStringLiteral("minValue=0")};
}

void TestXDatenfelderImport::valid()
{
    QFETCH(QString, file);
    QFETCH(QString, id);
    QFETCH(QStringList, checks);
    QFETCH(QStringList, warnings);
    const QByteArray xml = corpusFile(file);
    if (xml.isEmpty())
        QSKIP("the XDatenfelder corpus is not available");
    const Result<XDatenfelderImport::Output> result = XDatenfelderImport::convert(xml);
    QVERIFY2(result, qPrintable(result.error().toString()));
    const Result<FormDefinition> definition = FormDefinition::fromJson(result->definition);
    QVERIFY2(definition, qPrintable(definition.error().toString()));
    QCOMPARE(definition->id(), id);
    const QString json = QString::fromUtf8(QJsonDocument(result->definition).toJson());
    for (const QString &check : checks) {
        const QString path = check.section(u'=', 0, 0);
        const QString expected = check.section(u'=', 1);
        const QJsonValue value = FormPath::valueAt(result->definition, path);
        const QString actual = value.isString() ? value.toString()
                               : value.isBool() ? QLatin1String(value.toBool() ? "true" : "false")
                                                : QString::number(value.toDouble());
        QVERIFY2(actual == expected, qPrintable(path + QStringLiteral(": ") + actual + u'\n' + json));
    }
    QCOMPARE(result->warnings.size(), warnings.size());
    for (qsizetype i = 0; i < warnings.size(); ++i)
        QVERIFY2(result->warnings.at(i).contains(warnings.at(i)), qPrintable(result->warnings.at(i)));
}

void TestXDatenfelderImport::invalid_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("mentions"); // the message names these

    QTest::newRow("2.0 duplicate optional value")
        << QStringLiteral("xdf2-flxbe-tests/duplicate-optional-value.xml")
        << QStringList{QStringLiteral("xdf:beschreibung"), QStringLiteral("more than once"), QStringLiteral("line 15")};
    QTest::newRow("2.0 duplicate required value")
        << QStringLiteral("xdf2-flxbe-tests/duplicate-required-value.xml")
        << QStringList{QStringLiteral("xdf:name"), QStringLiteral("more than once"), QStringLiteral("line 13")};
    QTest::newRow("2.0 unknown namespace")
        << QStringLiteral("xdf2-flxbe-tests/unknown-namespace.xml")
        << QStringList{QStringLiteral("urn:xoev-de:fim:standard:xdatenfelder_unknown"), QStringLiteral("line 2")};
    QTest::newRow("3.0 duplicate id") << QStringLiteral("xdf3-flxbe-tests/duplicate-id-node.xml")
                                      << QStringList{QStringLiteral("xdf:id"), QStringLiteral("more than once"),
                                                     QStringLiteral("line 11")};
    QTest::newRow("3.0 empty id") << QStringLiteral("xdf3-flxbe-tests/empty-id-node.xml")
                                  << QStringList{QStringLiteral("xdf:id"), QStringLiteral("empty"),
                                                 QStringLiteral("line 10")};
    QTest::newRow("3.0 missing id") << QStringLiteral("xdf3-flxbe-tests/missing-id-node.xml")
                                    << QStringList{QStringLiteral("xdf:id"), QStringLiteral("missing"),
                                                   QStringLiteral("xdf:identifikation")};
    QTest::newRow("3.0 invalid freigabestatus")
        << QStringLiteral("xdf3-flxbe-tests/invalid-freigabestatus.xml")
        << QStringList{QStringLiteral("xdf:freigabestatus"), QStringLiteral("“10”")};
    QTest::newRow("3.0 unexpected node") << QStringLiteral("xdf3-flxbe-tests/unexpected-node.xml")
                                         << QStringList{QStringLiteral("xdf:unknown"),
                                                        QStringLiteral("xdf:identifikation"),
                                                        QStringLiteral("line 11")};
    QTest::newRow("3.0 unknown namespace") << QStringLiteral("xdf3-flxbe-tests/unknown-namespace.xml")
                                           << QStringList{QStringLiteral("xdatenfelder_unknown")};
}

void TestXDatenfelderImport::invalid()
{
    QFETCH(QString, file);
    QFETCH(QStringList, mentions);
    const QByteArray xml = corpusFile(file);
    if (xml.isEmpty())
        QSKIP("the XDatenfelder corpus is not available");
    const Result<XDatenfelderImport::Output> result = XDatenfelderImport::convert(xml);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Invalid);
    for (const QString &mention : mentions)
        QVERIFY2(result.error().message.contains(mention), qPrintable(result.error().message));
}

void TestXDatenfelderImport::hostile_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("mention");

    const QByteArray head = "<?xml version=\"1.0\"?>\n<xdf:xdatenfelder.stammdatenschema.0102 "
                            "xmlns:xdf=\"urn:xoev-de:fim:standard:xdatenfelder_2\"><xdf:header/>";
    QTest::newRow("empty") << QByteArray() << QStringLiteral("well-formed");
    QTest::newRow("not xml") << QByteArray("{\"id\": 1}") << QStringLiteral("well-formed");
    QTest::newRow("truncated") << QByteArray(head + "<xdf:stammdatenschema>") << QStringLiteral("well-formed");
    QTest::newRow("other root") << QByteArray("<form xmlns=\"urn:xoev-de:fim:standard:xdatenfelder_2\"/>")
                                << QStringLiteral("“form”");
    QTest::newRow("dtd entities")
        << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                      "<x>&b;</x>")
        << QStringLiteral("DTD");
    QTest::newRow("missing schema") << QByteArray(head + "</xdf:xdatenfelder.stammdatenschema.0102>")
                                    << QStringLiteral("xdf:stammdatenschema");
    QByteArray deep = head;
    for (int i = 0; i < 100; ++i)
        deep += "<xdf:a>";
    QTest::newRow("deep nesting") << deep << QStringLiteral("too deeply");
    QTest::newRow("bad cardinality")
        << QByteArray(head + "<xdf:stammdatenschema><xdf:identifikation><xdf:id>S1</xdf:id></xdf:identifikation>"
                             "<xdf:name>S</xdf:name><xdf:struktur><xdf:anzahl>2:1</xdf:anzahl><xdf:enthaelt>"
                             "<xdf:datenfeld><xdf:identifikation><xdf:id>F1</xdf:id></xdf:identifikation>"
                             "<xdf:name>F</xdf:name></xdf:datenfeld></xdf:enthaelt></xdf:struktur>"
                             "</xdf:stammdatenschema></xdf:xdatenfelder.stammdatenschema.0102>")
        << QStringLiteral("“2:1”");
    QTest::newRow("unknown datentyp")
        << QByteArray(head + "<xdf:stammdatenschema><xdf:identifikation><xdf:id>S1</xdf:id></xdf:identifikation>"
                             "<xdf:name>S</xdf:name><xdf:struktur><xdf:anzahl>0:1</xdf:anzahl><xdf:enthaelt>"
                             "<xdf:datenfeld><xdf:identifikation><xdf:id>F1</xdf:id></xdf:identifikation>"
                             "<xdf:name>F</xdf:name><xdf:datentyp><code>blob</code></xdf:datentyp></xdf:datenfeld>"
                             "</xdf:enthaelt></xdf:struktur></xdf:stammdatenschema>"
                             "</xdf:xdatenfelder.stammdatenschema.0102>")
        << QStringLiteral("“blob”");
}

void TestXDatenfelderImport::hostile()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, mention);
    const Result<XDatenfelderImport::Output> result = XDatenfelderImport::convert(xml);
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(mention), qPrintable(result.error().message));
}

QTEST_GUILESS_MAIN(TestXDatenfelderImport)
#include "tst_xdatenfelderimport.moc"
