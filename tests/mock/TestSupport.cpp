#include "mock/TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QtGlobal>

#include <cstdio>

namespace casedesk::test {

QString testDataPath(const QString &relative)
{
    return QDir(qEnvironmentVariable("CASEDESK_TEST_DATA")).filePath(relative);
}

QString resourcePath(const QString &relative)
{
    return QDir(qEnvironmentVariable("CASEDESK_RESOURCES")).filePath(relative);
}

QString corpusPath(const QString &relative)
{
    const QString root = qEnvironmentVariable("CASEDESK_CORPUS");
    if (root.isEmpty())
        return {};
    const QString path = QDir(root).filePath(relative);
    return QFileInfo::exists(path) ? path : QString();
}

quint32 testSeed()
{
    bool ok = false;
    quint32 seed = qEnvironmentVariable("CASEDESK_SEED").toUInt(&ok);
    if (!ok)
        seed = QRandomGenerator::global()->generate();
    std::fprintf(stderr, "random seed: %u (set CASEDESK_SEED=%u to replay)\n", seed, seed);
    return seed;
}

CommandRun runServerCommand(const QStringList &arguments, const QByteArray &input,
                            const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/casedesk-server"), arguments);
    if (!process.waitForStarted(30000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace casedesk::test
