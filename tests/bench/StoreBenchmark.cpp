#include "StoreBenchmark.h"

#include "core/Clock.h"
#include "demo/DemoGenerator.h"
#include "storage/CacheDatabase.h"
#include "storage/CacheKey.h"
#include "storage/CaseRepository.h"
#include "storage/CaseSearch.h"
#include "storage/InboxRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/WalCheckpointer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <optional>
#include <sys/resource.h>
#include <time.h>

#include "LatencyStats.h"

namespace casedesk::bench {

using storage::InboxKey;
using storage::InboxQuery;
using storage::InboxSort;
using storage::InboxView;

namespace {

constexpr int PageSize = 50;
constexpr qint64 LoadChunk = 5000;

const QList<InboxView> allViews = {InboxView::MyCases, InboxView::Team,        InboxView::Unassigned,
                                   InboxView::Overdue, InboxView::DueThisWeek, InboxView::All};
const QList<InboxSort> allSorts = {InboxSort::Deadline,  InboxSort::Received, InboxSort::Aktenzeichen,
                                   InboxSort::Applicant, InboxSort::Status,   InboxSort::Assignee};

QString viewName(InboxView view)
{
    switch (view) {
    case InboxView::MyCases:
        return QStringLiteral("my");
    case InboxView::Team:
        return QStringLiteral("team");
    case InboxView::Unassigned:
        return QStringLiteral("unassigned");
    case InboxView::Overdue:
        return QStringLiteral("overdue");
    case InboxView::DueThisWeek:
        return QStringLiteral("due_this_week");
    case InboxView::All:
        return QStringLiteral("all");
    }
    return {};
}

QString sortName(InboxSort sort)
{
    switch (sort) {
    case InboxSort::Deadline:
        return QStringLiteral("deadline");
    case InboxSort::Received:
        return QStringLiteral("received");
    case InboxSort::Aktenzeichen:
        return QStringLiteral("aktenzeichen");
    case InboxSort::Applicant:
        return QStringLiteral("applicant");
    case InboxSort::Status:
        return QStringLiteral("status");
    case InboxSort::Assignee:
        return QStringLiteral("assignee");
    }
    return {};
}

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// CPU time of all threads of the process: against the wall time it shows how many cores the load kept busy.
double processCpuMs()
{
    timespec time{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time);
    return double(time.tv_sec) * 1e3 + double(time.tv_nsec) / 1e6;
}

// Wall and CPU time of the phases it is started and stopped around.
class PhaseClock {
public:
    void start()
    {
        m_wall.start();
        m_cpuStartMs = processCpuMs();
    }
    void stop()
    {
        m_wallMs += elapsedMs(m_wall);
        m_cpuMs += processCpuMs() - m_cpuStartMs;
    }
    double wallSeconds() const { return m_wallMs / 1000.0; }
    double cpuSeconds() const { return m_cpuMs / 1000.0; }

private:
    QElapsedTimer m_wall;
    double m_cpuStartMs = 0;
    double m_wallMs = 0;
    double m_cpuMs = 0;
};

struct LoadFigures {
    double storeSeconds = 0;      // the cache's cost
    double storeCpuSeconds = 0;   // CPU time of all threads while storing
    double generateSeconds = 0;   // the demo module's cost, reported apart
    double checkpointSeconds = 0; // after the load, until the checkpoint thread copied the WAL into the file
};

// Loads the demo world and `count` cases through the repositories, as one bulk load (the first full pull).
Result<LoadFigures> loadCache(storage::CacheDatabase &db, const demo::DemoGenerator &generator, qint64 count)
{
    storage::ReferenceRepository reference(db);
    storage::CaseRepository cases(db);
    PhaseClock storing;
    PhaseClock generating;
    storing.start();
    if (auto r = reference.storeTeams(generator.world().teams); !r)
        return r.error();
    if (auto r = reference.storeUsers(generator.world().users); !r)
        return r.error();
    if (auto r = cases.beginBulkLoad(); !r)
        return r.error();
    storing.stop();
    for (qint64 first = 0; first < count; first += LoadChunk) {
        generating.start();
        const QList<Case> chunk = generator.makeCases(first, std::min(LoadChunk, count - first));
        QList<Note> notes;
        QList<DocumentRef> documents;
        for (const Case &c : chunk) {
            notes.append(generator.notesFor(c));
            documents.append(generator.documentsFor(c));
        }
        generating.stop();
        storing.start();
        if (auto r = cases.storeConfirmed(chunk, notes, documents); !r)
            return r.error();
        storing.stop();
    }
    storing.start();
    if (auto r = cases.finishBulkLoad(); !r)
        return r.error();
    storing.stop();
    // The queries below measure a settled cache, not one sharing the disk with the copy.
    PhaseClock checkpointing;
    checkpointing.start();
    if (storage::WalCheckpointer *checkpointer = db.walCheckpointer();
        checkpointer && !checkpointer->waitUntilIdle(600'000))
        return makeError(ErrorCode::Internal,
                         QStringLiteral("the checkpoint after the load did not end in 10 minutes"));
    checkpointing.stop();
    return LoadFigures{storing.wallSeconds(), storing.cpuSeconds(), generating.wallSeconds(),
                       checkpointing.wallSeconds()};
}

// The 20 queries a clerk types most: names with and without umlauts, streets, plates and file numbers with
// and without separators, prefixes, subject words, two-word queries. Taken from the generated data.
QStringList typicalQueries(const demo::DemoGenerator &generator)
{
    const Case a = generator.makeCase(7);
    const Case b = generator.makeCase(4711);
    QString plate;
    for (qint64 i = 0; plate.isEmpty() && i < 500; ++i)
        plate = demo::DemoGenerator::registrationOf(generator.makeCase(i));
    return {a.applicant.familyName,
            QStringLiteral("Müller"),
            QStringLiteral("Mueller"),
            QStringLiteral("Weiss"),
            a.applicant.address.street,
            QStringLiteral("Königstraße"),
            QStringLiteral("Koenigstr*"),
            plate,
            QString(plate).remove(u'-').remove(u' '),
            b.aktenzeichen.toString(),
            b.aktenzeichen.compactForm(),
            QStringLiteral("baum*"),
            QStringLiteral("Bergahorn"),
            QStringLiteral("Ersatzpflanzung"),
            QStringLiteral("Bewohnerparkausweis"),
            a.applicant.familyName + u' ' + a.applicant.address.district,
            QStringLiteral("Fahrzeugschein"),
            QStringLiteral("Euro 4"),
            b.applicant.givenName.left(3) + u'*',
            QStringLiteral("Spielplatz Sanierung")};
}

struct SuiteFigures {
    QJsonObject perView;          // view -> sort -> {asc, desc, asc_filtered, ...}
    double builtinDefaultP50 = 0; // worst built-in view with its default sort
    double builtinDefaultP95 = 0;
    double anySortP95 = 0;
    LatencyStats fts;
    QJsonObject ftsPerQuery; // query text -> {p50, p95, n}: which query sets fts_p95_ms
    double totalMs = 0;      // every measured query, for the encrypted/plain ratio
};

Result<SuiteFigures> runQuerySuite(storage::CacheDatabase &db, const demo::DemoGenerator &generator,
                                   const StoreBenchmarkOptions &options)
{
    SuiteFigures figures;
    storage::InboxRepository inbox(db);
    const QDate today = Clock::current().today();
    const User *clerk = nullptr;
    for (const User &user : generator.world().users) {
        if (user.hasRole(Role::Clerk)) {
            clerk = &user;
            break;
        }
    }
    if (!clerk)
        return makeError(ErrorCode::Internal, QStringLiteral("demo world has no clerk"));
    QRandomGenerator rng(quint32(options.seed));

    for (InboxView view : allViews) {
        const InboxQuery base = InboxQuery::defaultFor(view, clerk->id, clerk->teamIds, today);
        QJsonObject viewFigures;
        for (InboxSort sort : allSorts) {
            QJsonObject sortFigures;
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                for (bool filtered : {false, true}) {
                    InboxQuery query = base;
                    query.sort = sort;
                    query.order = order;
                    if (filtered)
                        query.filter.caseType = QStringLiteral("bewohnerparken");
                    // Start positions: the first page and pages from random anchors (a scroll bar jump).
                    auto anchors = inbox.anchors(query, PageSize);
                    if (!anchors)
                        return anchors.error();
                    LatencyStats stats;
                    for (int i = 0; i < options.repetitions; ++i) {
                        std::optional<InboxKey> after;
                        if (i > 0 && !anchors->isEmpty())
                            after = anchors->at(rng.bounded(int(anchors->size())));
                        QElapsedTimer timer;
                        timer.start();
                        auto page = inbox.page(query, after, PageSize);
                        const double ms = elapsedMs(timer);
                        if (!page)
                            return page.error();
                        stats.add(ms);
                    }
                    figures.totalMs += stats.total();
                    figures.anySortP95 = std::max(figures.anySortP95, stats.percentile(95));
                    const bool isDefault = !filtered && sort == base.sort && order == base.order;
                    if (isDefault && view != InboxView::All) {
                        figures.builtinDefaultP50 = std::max(figures.builtinDefaultP50, stats.percentile(50));
                        figures.builtinDefaultP95 = std::max(figures.builtinDefaultP95, stats.percentile(95));
                    }
                    const QString key = QLatin1String(order == Qt::AscendingOrder ? "asc" : "desc") +
                                        QLatin1String(filtered ? "_filtered" : "");
                    sortFigures.insert(key, stats.toJson());
                }
            }
            viewFigures.insert(sortName(sort), sortFigures);
        }
        figures.perView.insert(viewName(view), viewFigures);
    }

    storage::CaseSearch search(db);
    for (const QString &text : typicalQueries(generator)) {
        LatencyStats stats;
        for (int i = 0; i < options.repetitions / 2; ++i) {
            QElapsedTimer timer;
            timer.start();
            auto hits = search.search(text, PageSize);
            const double ms = elapsedMs(timer);
            if (!hits)
                return hits.error();
            stats.add(ms);
        }
        figures.fts.merge(stats);
        figures.ftsPerQuery.insert(text, stats.toJson());
    }
    figures.totalMs += figures.fts.total();
    return figures;
}

qint64 fileSize(const QString &path)
{
    qint64 size = 0;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        size += QFileInfo(path + suffix).size();
    return size;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

QJsonObject failure(const Error &error)
{
    return {{QStringLiteral("error"), error.toString()}};
}

} // namespace

QJsonObject runStoreBenchmark(const StoreBenchmarkOptions &options)
{
    QTemporaryDir scratch;
    const QString encryptedPath =
        options.keepPath.isEmpty() ? scratch.filePath(QStringLiteral("cache.db")) : options.keepPath;
    const QString plainPath = scratch.filePath(QStringLiteral("plain.db"));
    if (!options.keepPath.isEmpty() && QFileInfo::exists(options.keepPath))
        return {{QStringLiteral("error"), QStringLiteral("--keep path exists already: ") + options.keepPath}};

    QByteArray key(storage::CacheDatabase::KeySize, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
    if (!options.keepPath.isEmpty()) {
        // A kept cache is one made without a keychain: `casedesk --cache PATH` asks for this passphrase.
        const QString passphrase = qEnvironmentVariable("CASEDESK_BENCH_PASSPHRASE");
        if (passphrase.isEmpty())
            return {{QStringLiteral("error"), QStringLiteral("--keep needs the cache passphrase in "
                                                             "CASEDESK_BENCH_PASSPHRASE")}};
        auto derived = storage::CacheKey::fromPassphrase(options.keepPath, passphrase);
        if (!derived)
            return failure(derived.error());
        key = *derived;
    }
    const demo::DemoGenerator generator(options.seed, Clock::current().today());

    auto encrypted = storage::CacheDatabase::open(encryptedPath, key);
    if (!encrypted)
        return failure(encrypted.error());
    const auto load = loadCache(**encrypted, generator, options.cases);
    if (!load)
        return failure(load.error());
    const auto encryptedFigures = runQuerySuite(**encrypted, generator, options);
    if (!encryptedFigures)
        return failure(encryptedFigures.error());

    auto plain = storage::CacheDatabase::openUnencryptedForComparison(plainPath);
    if (!plain)
        return failure(plain.error());
    const auto plainLoad = loadCache(**plain, generator, options.cases);
    if (!plainLoad)
        return failure(plainLoad.error());
    const auto plainFigures = runQuerySuite(**plain, generator, options);
    if (!plainFigures)
        return failure(plainFigures.error());

    return {
        {QStringLiteral("benchmark"), QStringLiteral("store")},
        {QStringLiteral("cases"), double(options.cases)},
        {QStringLiteral("load_s"), load->storeSeconds},
        {QStringLiteral("load_cpu_s"), load->storeCpuSeconds},
        {QStringLiteral("generate_s"), load->generateSeconds},
        {QStringLiteral("checkpoint_s"), load->checkpointSeconds},
        {QStringLiteral("plain_load_s"), plainLoad->storeSeconds},
        {QStringLiteral("inbox_p50_ms"), encryptedFigures->builtinDefaultP50},
        {QStringLiteral("inbox_p95_ms"), encryptedFigures->builtinDefaultP95},
        {QStringLiteral("inbox_any_sort_p95_ms"), encryptedFigures->anySortP95},
        {QStringLiteral("fts_p50_ms"), encryptedFigures->fts.percentile(50)},
        {QStringLiteral("fts_p95_ms"), encryptedFigures->fts.percentile(95)},
        {QStringLiteral("encrypted_vs_plain_ratio"), encryptedFigures->totalMs / plainFigures->totalMs},
        {QStringLiteral("cache_mb"), double(fileSize(encryptedPath)) / (1024.0 * 1024.0)},
        {QStringLiteral("peak_rss_mb"), peakRssMb()},
        {QStringLiteral("inbox_detail"), encryptedFigures->perView},
        {QStringLiteral("fts_detail"), encryptedFigures->ftsPerQuery},
        {QStringLiteral("plain_inbox_p95_ms"), plainFigures->builtinDefaultP95},
        {QStringLiteral("plain_fts_p95_ms"), plainFigures->fts.percentile(95)},
    };
}

} // namespace casedesk::bench
