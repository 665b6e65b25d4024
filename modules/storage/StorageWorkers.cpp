#include "storage/StorageWorkers.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace casedesk::storage {

namespace {

QThreadPool *makeWorkers()
{
    auto *pool = new QThreadPool;
    pool->setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    pool->setObjectName(QStringLiteral("casedesk storage workers"));
    return pool;
}

} // namespace

QThreadPool &storageWorkers()
{
    // Made on first use and kept to the end: a bulk load may run on any thread, and QThreadPool's destructor
    // at static teardown would wait for threads Qt may have stopped already.
    static QThreadPool *const workers = makeWorkers();
    return *workers;
}

} // namespace casedesk::storage
