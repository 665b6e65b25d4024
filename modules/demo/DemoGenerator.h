// Deterministic generator of realistic demo data for a city like Stuttgart: teams, users and cases of the
// four case types of DESIGN.md. Same seed, same data; used by the client, the server and the benchmarks.
#pragma once

#include "core/Case.h"
#include "core/DocumentRef.h"
#include "core/Note.h"
#include "core/Team.h"
#include "core/User.h"

#include <QDate>
#include <QHash>
#include <QList>

#include <memory>

namespace casedesk::demo {

struct DemoWorld {
    QList<Team> teams;
    QList<User> users;                    // clerks, team leads, a mailroom clerk, an auditor, an administrator
    QHash<QString, QUuid> teamByCaseType; // case type -> the team that handles it
};

class DemoGenerator {
public:
    // Aktenzeichen numbers run from 1 to 999,999 (number = index + 1), which bounds the cases per seed.
    static constexpr qint64 maxCaseCount = 999'999;

    // `today` anchors received dates and deadlines (some cases overdue, some due this week). The world
    // (teams, users and their ids) is the same for every seed and day, so client, server and benchmarks
    // agree on who is who. An invalid `today` is replaced by Clock::current().today() (with a warning).
    DemoGenerator(quint64 seed, QDate today);

    const DemoWorld &world() const { return m_world; }

    // Case number `index` (0-based) of this seed: the same index always gives the same case, so cases can
    // be made in chunks or in parallel. Ids are UUIDv7 derived from the seed, received date and index.
    // An index outside [0, maxCaseCount) gives a null Case (null id).
    Case makeCase(qint64 index) const;
    // The cases first .. first + count - 1, clipped to [0, maxCaseCount).
    QList<Case> makeCases(qint64 first, qint64 count) const;

    QList<Note> notesFor(const Case &c) const;            // 0..3 Vermerke that fit how far the case is
    QList<DocumentRef> documentsFor(const Case &c) const; // the application and what its form references

    // The (first) vehicle's registration number in a case's form data, empty when it has none.
    static QString registrationOf(const Case &c);

private:
    struct Tables; // per-day dates and deadlines, teams' staff, weights: computed once, shared by copies

    quint64 m_seed;
    QDate m_today;
    DemoWorld m_world;
    std::shared_ptr<const Tables> m_tables;
};

} // namespace casedesk::demo
