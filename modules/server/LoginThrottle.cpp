#include "server/LoginThrottle.h"

#include "server/SqlError.h"

#include <QSqlQuery>

namespace casedesk::server {

namespace {

constexpr qsizetype maxKeyLogin = 200; // longer logins cannot exist; they must not make rows of any size

QString accountKey(const QString &login)
{
    return QStringLiteral("account:") + login.left(maxKeyLogin).toLower();
}

QString addressKey(const QHostAddress &address)
{
    return QStringLiteral("address:") + address.toString();
}

} // namespace

LoginThrottle::LoginThrottle(QSqlDatabase db, const ThrottlePolicy &policy) : m_db(std::move(db)), m_policy(policy) {}

Result<int> LoginThrottle::retryAfter(const QString &login, const QHostAddress &address) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT coalesce(ceil(extract(epoch FROM max(blocked_until) - now())), 0)"
                                 " FROM login_throttle WHERE key IN (:account, :address) AND blocked_until > now()"));
    query.bindValue(QStringLiteral(":account"), accountKey(login));
    query.bindValue(QStringLiteral(":address"), addressKey(address));
    if (!query.exec() || !query.next())
        return databaseError(query.lastError());
    return query.value(0).toInt();
}

Result<void> LoginThrottle::recordFailure(const QString &login, const QHostAddress &address)
{
    if (Result<void> account = recordFailure(accountKey(login), m_policy.accountFailureLimit); !account)
        return account;
    if (Result<void> byAddress = recordFailure(addressKey(address), m_policy.addressFailureLimit); !byAddress)
        return byAddress;
    // Rows of keys that stopped failing long ago go, so guessed logins do not pile up.
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM login_throttle WHERE last_failure_at < now() - make_interval(secs => "
                                 ":forget) AND (blocked_until IS NULL OR blocked_until < now())"));
    query.bindValue(QStringLiteral(":forget"), m_policy.forgetAfterSeconds);
    if (!query.exec())
        return databaseError(query.lastError());
    return {};
}

Result<void> LoginThrottle::recordFailure(const QString &key, int failureLimit)
{
    // One statement, so concurrent failures of one key in several processes all count. The casts give
    // PostgreSQL the parameters' types, which it cannot infer inside least() and power().
    const QString failures = QStringLiteral("(CASE WHEN t.last_failure_at < now() - make_interval(secs => "
                                            "CAST(:forget AS integer)) THEN 1 ELSE t.failures + 1 END)");
    const QString blockedUntil =
        QStringLiteral("CASE WHEN %1 >= CAST(:limit AS integer) THEN now() + make_interval(secs => "
                       "least(CAST(:max AS integer), CAST(:base AS integer) * power(2, least(%1 - CAST(:limit AS "
                       "integer), 30)))) END");
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO login_throttle AS t (key, failures, last_failure_at, blocked_until)"
                                 " VALUES (:key, 1, now(), CASE WHEN CAST(:limit AS integer) <= 1 THEN now() + "
                                 "make_interval(secs => CAST(:base AS integer)) END)"
                                 " ON CONFLICT (key) DO UPDATE SET failures = %1, last_failure_at = now(),"
                                 " blocked_until = %2")
                      .arg(failures, blockedUntil.arg(failures)));
    query.bindValue(QStringLiteral(":key"), key);
    query.bindValue(QStringLiteral(":limit"), failureLimit);
    query.bindValue(QStringLiteral(":base"), m_policy.baseDelaySeconds);
    query.bindValue(QStringLiteral(":max"), m_policy.maxDelaySeconds);
    query.bindValue(QStringLiteral(":forget"), m_policy.forgetAfterSeconds);
    if (!query.exec())
        return databaseError(query.lastError());
    return {};
}

Result<void> LoginThrottle::recordSuccess(const QString &login)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM login_throttle WHERE key = :key"));
    query.bindValue(QStringLiteral(":key"), accountKey(login));
    if (!query.exec())
        return databaseError(query.lastError());
    return {};
}

} // namespace casedesk::server
