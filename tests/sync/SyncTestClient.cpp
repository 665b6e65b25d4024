#include "SyncTestClient.h"

#include "storage/CaseRepository.h"
#include "storage/SyncStore.h"

#include <QTest>

#include "TestUsers.h"

namespace casedesk::test {

bool SyncTestClient::logIn(const QUrl &serverUrl, const QString &login, int timeoutMs)
{
    if (!cache.isOpen())
        return false;
    const Result<QUuid> clientId = storage::SyncStore(cache.db()).clientId();
    if (!clientId)
        return false;
    api = std::make_unique<sync::ServerApi>(serverUrl, tokens);
    std::optional<sync::ApiResponse> answer;
    api->login(login, TestUsers::password(), *clientId, [&answer](const sync::ApiResponse &r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, timeoutMs) || !answer->ok()) {
        qWarning() << "login failed" << (answer ? answer->describe() : QStringLiteral("no answer"));
        return false;
    }
    userId = tokens.tokens()->userId;
    engine = std::make_unique<sync::SyncEngine>(*api, cache.db(), retry);
    return true;
}

std::optional<Case> SyncTestClient::confirmed(const QUuid &id)
{
    auto found = storage::CaseRepository(cache.db()).confirmedCase(id);
    return found ? *found : std::nullopt;
}

std::optional<Case> SyncTestClient::visible(const QUuid &id)
{
    auto found = storage::CaseRepository(cache.db()).visibleCase(id);
    return found ? *found : std::nullopt;
}

QList<storage::OutboxEntry> SyncTestClient::outbox()
{
    return storage::Outbox(cache.db()).entries().value();
}

Result<Command> SyncTestClient::submit(CommandName name, const QUuid &caseId, const QJsonObject &args)
{
    return storage::Outbox(cache.db()).submit(name, caseId, args, userId);
}

} // namespace casedesk::test
