// One client installation in the sync tests: its cache, session and sync engine, logged in to a real
// casedesk-server. Test-only: the tokens stay in memory (InMemoryTokenStore), retries fire when told.
#pragma once

#include "core/Case.h"
#include "storage/Outbox.h"
#include "sync/ServerApi.h"
#include "sync/SyncEngine.h"

#include <QUrl>

#include <memory>
#include <optional>

#include "../storage/TemporaryCache.h"
#include "InMemoryTokenStore.h"
#include "ManualRetryTimer.h"

namespace casedesk::test {

struct SyncTestClient {
    TemporaryCache cache;
    InMemoryTokenStore tokens;
    ManualRetryTimer retry; // the engine's
    std::unique_ptr<sync::ServerApi> api;
    std::unique_ptr<sync::SyncEngine> engine;
    QUuid userId;

    // Logs `login` in at `serverUrl` with this cache's clientId and makes the engine; false (with a warning)
    // when that fails within `timeoutMs`.
    bool logIn(const QUrl &serverUrl, const QString &login, int timeoutMs);

    std::optional<Case> confirmed(const QUuid &id);
    std::optional<Case> visible(const QUuid &id);
    QList<storage::OutboxEntry> outbox();
    Result<Command> submit(CommandName name, const QUuid &caseId, const QJsonObject &args);
};

} // namespace casedesk::test
