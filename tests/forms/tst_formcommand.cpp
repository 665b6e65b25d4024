// `casedesk-server form ...` end to end: exit codes, import output that `form check` accepts, messages.
#include "mock/TestSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace casedesk;

namespace {

test::CommandRun server(const QStringList &arguments)
{
    return test::runServerCommand(QStringList{QStringLiteral("form")} + arguments);
}

QStringList bundled()
{
    QStringList paths;
    for (const char *name : {"bewohnerparken", "umweltzone", "baumfaellung", "buergerhaushalt"})
        paths.append(test::resourcePath(QStringLiteral("forms/%1.json").arg(QLatin1String(name))));
    return paths;
}

} // namespace

class TestFormCommand : public QObject {
    Q_OBJECT

private slots:
    void usage_data();
    void usage();
    void checkBundled();
    void checkBroken();
    void importThenCheck_data();
    void importThenCheck();
    void importRefused_data();
    void importRefused();
};

void TestFormCommand::usage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0;
    QTest::newRow("nothing") << QStringList{} << 2;
    QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("export")} << 2;
    QTest::newRow("import without file") << QStringList{QStringLiteral("import")} << 2;
    QTest::newRow("import two files") << QStringList{QStringLiteral("import"), QStringLiteral("a"), QStringLiteral("b")}
                                      << 2;
    QTest::newRow("check without file") << QStringList{QStringLiteral("check")} << 2;
}

void TestFormCommand::usage()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const test::CommandRun run = server(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY((exitCode == 0 ? run.out : run.err).contains(QStringLiteral("form import FILE.xml")));
}

void TestFormCommand::checkBundled()
{
    const test::CommandRun run = server(QStringList{QStringLiteral("check")} + bundled());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out.count(QStringLiteral(": ok (")), 4);
    QVERIFY(run.out.contains(QStringLiteral("(baumfaellung, version 1,")));
}

void TestFormCommand::checkBroken()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"id": "x", "version": 1, "title": {"en": "X"}, "fields": [{"id": "a", "type": "colour", "label": {"en": "A"}}]})");
    file.close();
    const test::CommandRun run =
        server({QStringLiteral("check"), bundled().first(), broken, dir.filePath(QStringLiteral("missing.json"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.contains(QStringLiteral(": ok (bewohnerparken")));
    QVERIFY2(run.err.contains(broken + QStringLiteral(": ")) && run.err.contains(QStringLiteral("“fields[0].type”")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("missing.json: cannot read")), qPrintable(run.err));
}

void TestFormCommand::importThenCheck_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("warnings");
    QTest::newRow("2.0 simple") << QStringLiteral("xdf2-flxbe-tests/simple.xml") << 1;
    QTest::newRow("2.0 select") << QStringLiteral("xdf2-flxbe-tests/select.xml") << 1;
    QTest::newRow("3.0 simple") << QStringLiteral("xdf3-flxbe-tests/simple.xml") << 2;
}

void TestFormCommand::importThenCheck()
{
    QFETCH(QString, file);
    QFETCH(int, warnings);
    const QString input = test::corpusPath(QStringLiteral("xdatenfelder/") + file);
    if (input.isEmpty())
        QSKIP("the XDatenfelder corpus is not available");
    const test::CommandRun imported = server({QStringLiteral("import"), input});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QCOMPARE(imported.err.count(QStringLiteral(": warning: ")), warnings);
    QVERIFY(imported.out.trimmed().startsWith(u'{'));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString output = dir.filePath(QStringLiteral("imported.json"));
    QFile json(output);
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(imported.out.toUtf8());
    json.close();
    const test::CommandRun checked = server({QStringLiteral("check"), output});
    QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));
    QVERIFY(checked.out.contains(QStringLiteral(": ok (")));
}

void TestFormCommand::importRefused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("mention");
    QTest::newRow("duplicate") << QStringLiteral("xdatenfelder/xdf2-flxbe-tests/duplicate-optional-value.xml")
                               << QStringLiteral("xdf:beschreibung");
    QTest::newRow("unexpected node") << QStringLiteral("xdatenfelder/xdf3-flxbe-tests/unexpected-node.xml")
                                     << QStringLiteral("xdf:unknown");
    QTest::newRow("not xdatenfelder") << QStringLiteral("xdatenfelder/README.txt") << QStringLiteral("well-formed");
}

void TestFormCommand::importRefused()
{
    QFETCH(QString, file);
    QFETCH(QString, mention);
    const QString input = test::corpusPath(file);
    if (input.isEmpty())
        QSKIP("the XDatenfelder corpus is not available");
    const test::CommandRun run = server({QStringLiteral("import"), input});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(input + QStringLiteral(": ")) && run.err.contains(mention), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestFormCommand)
#include "tst_formcommand.moc"
