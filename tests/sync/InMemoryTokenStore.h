// A TokenStore that keeps the tokens in memory only: for tests, never for the application (DESIGN.md,
// decision 4: the application keeps them in the OS keychain).
#pragma once

#include "sync/TokenStore.h"

namespace casedesk::test {

class InMemoryTokenStore final : public sync::TokenStore {
public:
    std::optional<sync::SessionTokens> tokens() const override { return m_tokens; }
    Result<void> store(const sync::SessionTokens &tokens) override;
    Result<void> clear() override;

    int storeCount() const { return m_stores; } // how many rotations were stored

private:
    std::optional<sync::SessionTokens> m_tokens;
    int m_stores = 0;
};

} // namespace casedesk::test
