// A cache as the client has it when a user works on a case: the demo world's users and teams as reference data
// and a tree felling application as the server confirmed it (TreeFellingSamples). For the tests of what the
// client checks before a command enters the outbox, in storage and in the widgets that submit commands.
#pragma once

#include "storage/CaseRepository.h"
#include "storage/ReferenceRepository.h"

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

} // namespace casedesk::test
