// KeychainTokenStore against a real Secret Service (gnome-keyring in a throwaway D-Bus session, KEYCHAIN in
// CMakeLists.txt): what is stored is read back by a new instance, rotation replaces it, clearing removes it,
// users and servers are kept apart, and an entry that is not a session is an error, not an empty session.
#include "core/Uuid.h"
#include "sync/KeychainTokenStore.h"

#include <QTest>
#include <qt6keychain/keychain.h>

using namespace casedesk;
using namespace casedesk::sync;

namespace {

const QUrl server(QStringLiteral("https://akte.stuttgart.example/"));

SessionTokens session(const QString &tag)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return {QStringLiteral("access-") + tag,
            QStringLiteral("refresh-") + tag,
            now.addSecs(900),
            now.addDays(14),
            createUuidV7(),
            createUuidV7()};
}

// The first field in which `actual` differs from `expected`; empty when it does not.
QString difference(const std::optional<SessionTokens> &actual, const SessionTokens &expected)
{
    if (!actual)
        return QStringLiteral("no tokens");
    if (actual->accessToken != expected.accessToken)
        return QStringLiteral("access token ") + actual->accessToken;
    if (actual->refreshToken != expected.refreshToken)
        return QStringLiteral("refresh token ") + actual->refreshToken;
    if (actual->accessExpiresAt != expected.accessExpiresAt)
        return QStringLiteral("access expiry ") + actual->accessExpiresAt.toString(Qt::ISODateWithMs);
    if (actual->refreshExpiresAt != expected.refreshExpiresAt)
        return QStringLiteral("refresh expiry ") + actual->refreshExpiresAt.toString(Qt::ISODateWithMs);
    if (actual->userId != expected.userId)
        return QStringLiteral("user ") + uuidToString(actual->userId);
    if (actual->sessionId != expected.sessionId)
        return QStringLiteral("session ") + uuidToString(actual->sessionId);
    return {};
}

// What a new start of the application finds.
std::optional<SessionTokens> reload(const QUrl &url, const QString &login)
{
    KeychainTokenStore store(url, login);
    const Result<void> loaded = store.load();
    if (!loaded)
        qWarning().noquote() << loaded.error().toString();
    return loaded ? store.tokens() : std::nullopt;
}

} // namespace

class TestKeychainTokenStore : public QObject {
    Q_OBJECT

private slots:
    void nothingStoredIsNoSession();
    void storedTokensAreReadBackByANewInstance();
    void rotationOverwrites();
    void clearRemovesTheSession();
    void usersAndServersAreApart();
    void aDamagedEntryIsAnError();
};

void TestKeychainTokenStore::nothingStoredIsNoSession()
{
    KeychainTokenStore store(server, QStringLiteral("niemand"));
    const Result<void> loaded = store.load();
    QVERIFY2(loaded, qPrintable(loaded.error().toString()));
    QVERIFY(!store.tokens());
}

void TestKeychainTokenStore::storedTokensAreReadBackByANewInstance()
{
    const SessionTokens tokens = session(QStringLiteral("a"));
    KeychainTokenStore store(server, QStringLiteral("anna"));
    const Result<void> stored = store.store(tokens);
    QVERIFY2(stored, qPrintable(stored.error().toString()));
    QCOMPARE(difference(store.tokens(), tokens), QString());
    QCOMPARE(difference(reload(server, QStringLiteral("anna")), tokens), QString());
}

void TestKeychainTokenStore::rotationOverwrites()
{
    KeychainTokenStore store(server, QStringLiteral("rotation"));
    const SessionTokens first = session(QStringLiteral("first"));
    const SessionTokens rotated = session(QStringLiteral("rotated"));
    QVERIFY(store.store(first));
    QVERIFY(store.store(rotated));
    QCOMPARE(difference(store.tokens(), rotated), QString());
    QCOMPARE(difference(reload(server, QStringLiteral("rotation")), rotated), QString());
}

void TestKeychainTokenStore::clearRemovesTheSession()
{
    KeychainTokenStore store(server, QStringLiteral("cleared"));
    QVERIFY(store.store(session(QStringLiteral("c"))));
    const Result<void> cleared = store.clear();
    QVERIFY2(cleared, qPrintable(cleared.error().toString()));
    QVERIFY(!store.tokens());
    QVERIFY(!reload(server, QStringLiteral("cleared")));
    // Nothing left to remove is no failure.
    QVERIFY(store.clear());
}

void TestKeychainTokenStore::usersAndServersAreApart()
{
    const QUrl otherServer(QStringLiteral("https://akte-test.stuttgart.example"));
    const SessionTokens annas = session(QStringLiteral("anna"));
    const SessionTokens berts = session(QStringLiteral("bert"));
    const SessionTokens annasElsewhere = session(QStringLiteral("anna-test"));
    KeychainTokenStore anna(server, QStringLiteral("apart-anna"));
    KeychainTokenStore bert(server, QStringLiteral("apart-bert"));
    KeychainTokenStore annaElsewhere(otherServer, QStringLiteral("apart-anna"));
    QVERIFY(anna.service() != annaElsewhere.service());
    QVERIFY(anna.store(annas));
    QVERIFY(bert.store(berts));
    QVERIFY(annaElsewhere.store(annasElsewhere));

    QCOMPARE(difference(reload(server, QStringLiteral("apart-anna")), annas), QString());
    QCOMPARE(difference(reload(server, QStringLiteral("apart-bert")), berts), QString());
    QCOMPARE(difference(reload(otherServer, QStringLiteral("apart-anna")), annasElsewhere), QString());

    QVERIFY(bert.clear());
    QVERIFY(!reload(server, QStringLiteral("apart-bert")));
    QCOMPARE(difference(reload(server, QStringLiteral("apart-anna")), annas), QString());
    QCOMPARE(difference(reload(otherServer, QStringLiteral("apart-anna")), annasElsewhere), QString());
}

void TestKeychainTokenStore::aDamagedEntryIsAnError()
{
    KeychainTokenStore store(server, QStringLiteral("damaged"));
    // Something else wrote under our name.
    QKeychain::WritePasswordJob job(store.service());
    job.setAutoDelete(false);
    job.setKey(QStringLiteral("damaged"));
    job.setBinaryData(QByteArrayLiteral("not a session"));
    QSignalSpy finished(&job, &QKeychain::Job::finished);
    job.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(job.error(), QKeychain::NoError);

    const Result<void> loaded = store.load();
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::Corrupt);
    QVERIFY(!loaded.error().message.isEmpty());
    QVERIFY(!store.tokens());
    // Logging in again replaces it.
    const SessionTokens fresh = session(QStringLiteral("fresh"));
    QVERIFY(store.store(fresh));
    QCOMPARE(difference(reload(server, QStringLiteral("damaged")), fresh), QString());
}

QTEST_GUILESS_MAIN(TestKeychainTokenStore)
#include "tst_keychaintokenstore.moc"
