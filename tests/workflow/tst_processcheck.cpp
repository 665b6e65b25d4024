// `casedesk-server process check FILE...`: summaries of good models, errors with line and id for bad ones,
// and the exit codes (0 fine, 1 errors, 2 usage).
#include "mock/TestSupport.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "WorkflowTestSupport.h"

using namespace casedesk::workflow::test;

namespace {

casedesk::test::CommandRun runServer(const QStringList &arguments)
{
    return casedesk::test::runServerCommand(QStringList{QStringLiteral("process")} + arguments);
}

} // namespace

class TestProcessCheck : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_bad;
    QString m_good;
    QByteArray m_badXml;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_badXml = bpmn(QStringLiteral("<bpmn:startEvent id=\"Start\"/>\n"
                                       "<bpmn:sequenceFlow id=\"F1\" sourceRef=\"Start\" targetRef=\"Check\"/>\n"
                                       "<bpmn:userTask id=\"Check\" casedesk:role=\"chef\"/>\n"
                                       "<bpmn:sequenceFlow id=\"F2\" sourceRef=\"Check\" targetRef=\"Nowhere\"/>\n"));
        m_bad = m_dir.filePath(QStringLiteral("bad.bpmn"));
        QFile bad(m_bad);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(m_badXml);
        bad.close();
        m_good = casedesk::test::resourcePath(QStringLiteral("processes/umweltzone.bpmn"));
        QVERIFY(QFile::exists(m_good));
    }

    void goodModelSummary()
    {
        const casedesk::test::CommandRun run = runServer({QStringLiteral("check"), m_good});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(m_good + QStringLiteral(": ok")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("process Process_Umweltzone")));
        QVERIFY(run.out.contains(QStringLiteral("Task_CoSign \"Mitzeichnung\": role teamLead")));
        QVERIFY(run.out.contains(QStringLiteral("four-eyes with Task_DraftDecision")));
        QVERIFY(run.out.contains(QStringLiteral("Boundary_DocumentsOverdue")));
        QVERIFY(run.out.contains(QStringLiteral("P14D, statutory calendar, interrupting on Task_AwaitDocuments")));
        QVERIFY(run.out.contains(QStringLiteral("Gateway_Complete")));
        QVERIFY(run.out.contains(QStringLiteral("exclusiveGateway")));
    }

    void badModelErrors()
    {
        const casedesk::test::CommandRun run = runServer({QStringLiteral("check"), m_bad});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("line %1, Check:").arg(lineOf(m_badXml, QStringLiteral("chef")))),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("line %1, F2:").arg(lineOf(m_badXml, QStringLiteral("Nowhere")))),
                 qPrintable(run.out));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("good and bad") << QStringList{QStringLiteral("check"), QStringLiteral("GOOD"),
                                                     QStringLiteral("BAD")}
                                      << 1;
        QTest::newRow("two good") << QStringList{QStringLiteral("check"), QStringLiteral("GOOD"),
                                                 QStringLiteral("GOOD")}
                                  << 0;
        QTest::newRow("missing file") << QStringList{QStringLiteral("check"), QStringLiteral("/nonexistent/x.bpmn")}
                                      << 1;
        QTest::newRow("no arguments") << QStringList{} << 2;
        QTest::newRow("check without files") << QStringList{QStringLiteral("check")} << 2;
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("deploy"), QStringLiteral("GOOD")} << 2;
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0;
    }
    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        arguments.replaceInStrings(QStringLiteral("GOOD"), m_good);
        arguments.replaceInStrings(QStringLiteral("BAD"), m_bad);
        const casedesk::test::CommandRun run = runServer(arguments);
        QCOMPARE(run.exitCode, exitCode);
        if (exitCode == 2)
            QVERIFY(run.err.contains(QStringLiteral("usage:")));
    }
};

QTEST_GUILESS_MAIN(TestProcessCheck)
#include "tst_processcheck.moc"
