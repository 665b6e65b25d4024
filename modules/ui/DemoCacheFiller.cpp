#include "ui/DemoCacheFiller.h"

#include "demo/DemoGenerator.h"
#include "storage/CaseRepository.h"
#include "storage/ReferenceRepository.h"
#include "ui/UiLog.h"

#include <QElapsedTimer>

namespace casedesk::ui {

Result<void> DemoCacheFiller::fill(storage::CacheDatabase &db, qint64 count, const QDate &today,
                                   const std::function<void(qint64 stored)> &progress)
{
    QElapsedTimer timer;
    timer.start();
    const demo::DemoGenerator generator(Seed, today);
    storage::ReferenceRepository reference(db);
    if (auto stored = reference.storeTeams(generator.world().teams); !stored)
        return stored.error();
    if (auto stored = reference.storeUsers(generator.world().users); !stored)
        return stored.error();

    storage::CaseRepository cases(db);
    if (auto begun = cases.beginBulkLoad(); !begun)
        return begun.error();
    for (qint64 first = 0; first < count; first += ChunkSize) {
        const qint64 chunk = std::min<qint64>(ChunkSize, count - first);
        const QList<Case> batch = generator.makeCases(first, chunk);
        QList<Note> notes;
        QList<DocumentRef> documents;
        for (const Case &c : batch) {
            notes.append(generator.notesFor(c));
            documents.append(generator.documentsFor(c));
        }
        if (auto stored = cases.storeConfirmed(batch, notes, documents); !stored)
            return stored.error();
        progress(first + chunk);
    }
    if (auto finished = cases.finishBulkLoad(); !finished)
        return finished.error();
    qCInfo(lcUi) << "demo cache filled with" << count << "cases in" << timer.elapsed() << "ms";
    return {};
}

} // namespace casedesk::ui
