#include "sync/KeychainTokenStore.h"

#include "core/Uuid.h"
#include "sync/SyncLog.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <qt6keychain/keychain.h>

#include <chrono>
#include <future>
#include <memory>

namespace casedesk::sync {

namespace {

// A keychain that asks the user to unlock it waits for them; one that never answers is given up on after this
// long, so the session fails with an error instead of hanging.
constexpr std::chrono::seconds KeychainTimeout{120};

const QLatin1String AccessToken("accessToken");
const QLatin1String RefreshToken("refreshToken");
const QLatin1String AccessExpiresAt("accessExpiresAt");
const QLatin1String RefreshExpiresAt("refreshExpiresAt");
const QLatin1String UserId("userId");
const QLatin1String SessionId("sessionId");

Error keychainUnavailable(const QString &detail)
{
    return makeError(ErrorCode::KeychainUnavailable,
                     QCoreApplication::translate("Sync", "The system keychain cannot be reached, so CaseDesk cannot "
                                                         "keep your sign-in. Make sure the keychain is running and "
                                                         "unlocked, then log in again."),
                     detail);
}

QByteArray encode(const SessionTokens &tokens)
{
    const QJsonObject object{{AccessToken, tokens.accessToken},
                             {RefreshToken, tokens.refreshToken},
                             {AccessExpiresAt, tokens.accessExpiresAt.toUTC().toString(Qt::ISODateWithMs)},
                             {RefreshExpiresAt, tokens.refreshExpiresAt.toUTC().toString(Qt::ISODateWithMs)},
                             {UserId, uuidToString(tokens.userId)},
                             {SessionId, uuidToString(tokens.sessionId)}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<SessionTokens> decode(const QByteArray &data, const QString &entry)
{
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    SessionTokens tokens;
    tokens.accessToken = object.value(AccessToken).toString();
    tokens.refreshToken = object.value(RefreshToken).toString();
    tokens.accessExpiresAt = QDateTime::fromString(object.value(AccessExpiresAt).toString(), Qt::ISODateWithMs);
    tokens.refreshExpiresAt = QDateTime::fromString(object.value(RefreshExpiresAt).toString(), Qt::ISODateWithMs);
    tokens.userId = uuidFromString(object.value(UserId).toString());
    tokens.sessionId = uuidFromString(object.value(SessionId).toString());
    if (tokens.accessToken.isEmpty() || tokens.refreshToken.isEmpty() || tokens.userId.isNull())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Sync", "The sign-in stored in the system keychain is damaged. "
                                                             "Please log in again."),
                         entry + QStringLiteral(": not a session"));
    return tokens;
}

struct Outcome {
    bool finished = false; // false: the keychain did not answer in time
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QByteArray data; // what a read job found

    QString describe(const QString &what) const
    {
        if (!finished)
            return what + QStringLiteral(" timed out");
        return QStringLiteral("%1: %2 (QtKeychain error %3)").arg(what, errorString).arg(int(error));
    }
};

// One thread for the whole process, started at first use and kept to the end: libsecret binds its D-Bus
// connection to the event loop of the thread that first uses it, and once that thread has ended every later
// job waits forever.
QObject *keychainContext()
{
    static QObject *const context = [] {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("casedesk-keychain"));
        auto *object = new QObject;
        object->moveToThread(thread);
        thread->start();
        qAddPostRoutine([] {
            keychainContext()->thread()->quit();
            keychainContext()->thread()->wait();
        });
        return object;
    }();
    return context;
}

// Runs the job that `make` creates on the keychain thread and waits for its end (or the timeout). `make` owns
// copies of what it needs: after a timeout it may still run when the caller is gone.
Outcome run(std::function<QKeychain::Job *()> make)
{
    // Shared with the keychain thread, which may fill it after a timeout has made us stop waiting.
    auto promise = std::make_shared<std::promise<Outcome>>();
    std::future<Outcome> answer = promise->get_future();
    QMetaObject::invokeMethod(keychainContext(), [make = std::move(make), promise] {
        QKeychain::Job *job = make(); // deletes itself once finished
        QObject::connect(job, &QKeychain::Job::finished, job, [promise](QKeychain::Job *finished) {
            Outcome outcome{true, finished->error(), finished->errorString(), {}};
            if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                outcome.data = read->binaryData();
            promise->set_value(std::move(outcome));
        });
        job->start();
    });
    if (answer.wait_for(KeychainTimeout) != std::future_status::ready)
        return {};
    return answer.get();
}

} // namespace

KeychainTokenStore::KeychainTokenStore(const QUrl &serverUrl, const QString &login)
    : m_service(QStringLiteral("CaseDesk session ") +
                serverUrl.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments).toString()),
      m_key(login)
{
}

Result<void> KeychainTokenStore::load()
{
    const Outcome outcome = run([service = m_service, key = m_key] {
        auto *job = new QKeychain::ReadPasswordJob(service);
        job->setKey(key);
        return job;
    });
    if (outcome.finished && outcome.error == QKeychain::EntryNotFound) {
        m_tokens.reset();
        return {};
    }
    if (!outcome.finished || outcome.error != QKeychain::NoError)
        return keychainUnavailable(outcome.describe(QStringLiteral("reading the session")));
    Result<SessionTokens> tokens = decode(outcome.data, m_service);
    if (!tokens)
        return tokens.error();
    m_tokens = tokens.value();
    return {};
}

Result<void> KeychainTokenStore::store(const SessionTokens &tokens)
{
    const Outcome outcome = run([service = m_service, key = m_key, data = encode(tokens)] {
        auto *job = new QKeychain::WritePasswordJob(service);
        job->setKey(key);
        job->setBinaryData(data);
        return job;
    });
    if (!outcome.finished || outcome.error != QKeychain::NoError)
        return keychainUnavailable(outcome.describe(QStringLiteral("storing the session")));
    m_tokens = tokens;
    qCDebug(lcSync) << "stored the session tokens in the keychain";
    return {};
}

Result<void> KeychainTokenStore::clear()
{
    m_tokens.reset();
    const Outcome outcome = run([service = m_service, key = m_key] {
        auto *job = new QKeychain::DeletePasswordJob(service);
        job->setKey(key);
        return job;
    });
    // An entry that is not there leaves the keychain as wanted.
    if (outcome.finished && (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound))
        return {};
    return keychainUnavailable(outcome.describe(QStringLiteral("removing the session")));
}

} // namespace casedesk::sync
