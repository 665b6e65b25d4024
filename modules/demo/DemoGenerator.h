// Deterministic generator of realistic demo data for a city like Stuttgart: teams, users and cases of the
// four case types of DESIGN.md. Same seed, same data; used by the client, the server and the benchmarks.
#pragma once

#include "core/Case.h"
#include "core/DocumentRef.h"
#include "core/Note.h"
#include "core/Team.h"
#include "core/User.h"

#include <QDate>
#include <QList>

namespace casedesk::demo {

struct DemoWorld {
    QList<Team> teams;
    QList<User> users; // clerks, team leads, a mailroom clerk, an auditor, an administrator
};

class DemoGenerator {
public:
    // `today` anchors received dates and deadlines (some cases overdue, some due this week).
    DemoGenerator(quint64 seed, QDate today);

    const DemoWorld &world() const { return m_world; }

    // Case number `index` (0-based) of this seed: the same index always gives the same case, so cases can
    // be made in chunks or in parallel. Ids are UUIDv7 derived from the seed, received date and index.
    Case makeCase(qint64 index) const;
    QList<Case> makeCases(qint64 first, qint64 count) const;

    QList<Note> notesFor(const Case &c) const;            // 0..3 Vermerke
    QList<DocumentRef> documentsFor(const Case &c) const; // the application form and some evidence

private:
    quint64 m_seed;
    QDate m_today;
    DemoWorld m_world;
};

} // namespace casedesk::demo
