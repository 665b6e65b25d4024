#include "mock/TestSupport.h"

#include <QDir>
#include <QFileInfo>
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

} // namespace casedesk::test
