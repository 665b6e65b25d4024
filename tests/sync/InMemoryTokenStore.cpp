#include "InMemoryTokenStore.h"

namespace casedesk::test {

Result<void> InMemoryTokenStore::store(const sync::SessionTokens &tokens)
{
    m_tokens = tokens;
    ++m_stores;
    return {};
}

Result<void> InMemoryTokenStore::clear()
{
    m_tokens.reset();
    return {};
}

} // namespace casedesk::test
