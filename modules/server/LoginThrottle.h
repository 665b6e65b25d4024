// Slows down password guessing, per account and per client address, with the counts in PostgreSQL so that all
// server processes share them. After `failureLimit` failures a key is blocked for baseDelay, and each further
// failure doubles the block (up to maxDelay); failures older than forgetAfter start a new count. A success
// resets the account's count (not the address's: one right password must not reopen an address that guesses).
#pragma once

#include "core/Result.h"

#include <QHostAddress>
#include <QSqlDatabase>
#include <QString>

namespace casedesk::server {

struct ThrottlePolicy {
    int accountFailureLimit = 5;
    int addressFailureLimit = 20; // higher: many people may share one address (an office's NAT)
    int baseDelaySeconds = 1;
    int maxDelaySeconds = 15 * 60;
    int forgetAfterSeconds = 60 * 60;
};

class LoginThrottle {
public:
    LoginThrottle(QSqlDatabase db, const ThrottlePolicy &policy);

    // Seconds until a login for `login` from `address` may be tried again; 0 when it may be tried now.
    Result<int> retryAfter(const QString &login, const QHostAddress &address) const;
    Result<void> recordFailure(const QString &login, const QHostAddress &address);
    Result<void> recordSuccess(const QString &login);

private:
    Result<void> recordFailure(const QString &key, int failureLimit);

    QSqlDatabase m_db;
    ThrottlePolicy m_policy;
};

} // namespace casedesk::server
