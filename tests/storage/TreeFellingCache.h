// A cache as the client has it when a user works on a case: the demo world's users and teams as reference data
// and a tree felling application as the server confirmed it (TreeFellingSamples). For the tests of what the
// client checks before a command enters the outbox, in storage and in the widgets that submit commands.
#pragma once

#include "mock/MockClock.h"
#include "storage/CaseRepository.h"
#include "storage/ReferenceRepository.h"

#include <memory>

#include "TemporaryCache.h"
#include "TreeFellingSamples.h"

namespace casedesk::test {

// Stores the reference data and `confirmed` into `cache`; the first failure's text, or empty.
inline QString fillForCasework(TemporaryCache &cache, const Case &confirmed)
{
    if (!cache.isOpen())
        return cache.error();
    storage::ReferenceRepository reference(cache.db());
    if (auto teams = reference.storeTeams(treeFellingDemo().world().teams); !teams)
        return teams.error().toString();
    if (auto users = reference.storeUsers(treeFellingDemo().world().users); !users)
        return users.error().toString();
    if (auto stored = storage::CaseRepository(cache.db()).storeConfirmed({confirmed}); !stored)
        return stored.error().toString();
    return {};
}

// What the tests of a user's work on one case share: the samples' day on the clock while the test object lives,
// and a fresh cache per test function. A base of the test class, beside QObject.
class CaseworkFixture {
protected:
    // A new cache holding the reference data and `confirmed`; the first failure's text, or empty.
    QString startCache(const Case &confirmed)
    {
        m_cache = std::make_unique<TemporaryCache>();
        return fillForCasework(*m_cache, confirmed);
    }

    // The opened sample as the server confirmed it after a few changes.
    static Case confirmedSample()
    {
        Case c = openedTreeFellingCase();
        c.version = 3;
        return c;
    }

    MockClock m_clock{treeFellingDay};
    ScopedClock m_scopedClock{m_clock};
    std::unique_ptr<TemporaryCache> m_cache;
};

} // namespace casedesk::test
