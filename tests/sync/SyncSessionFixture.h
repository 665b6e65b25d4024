// The set-up the SyncSession tests share: a PostgreSQL database with team 32.1, its lead and "anna", a real
// casedesk-server behind a proxy, the application's keychain token stores (recording their threads), and one
// installation of the application per test. Test classes derive from it next to QObject and call its
// lifecycle from their initTestCase, cleanupTestCase, init and cleanup.
#pragma once

#include "core/Uuid.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"
#include "storage/CacheDatabase.h"
#include "storage/CacheKey.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "sync/KeychainTokenStore.h"
#include "sync/SyncSession.h"
#include "ui/StartupPrompts.h"

#include <QMutex>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

#include "PostgresTestDatabase.h"
#include "ReplyDropProxy.h"
#include "ServerProcess.h"
#include "SyncTestData.h"
#include "TestUsers.h"

namespace casedesk::test {

using namespace casedesk::storage;
using namespace casedesk::sync;

inline constexpr int timeoutMs = 60000;
inline const QString leadLogin = QStringLiteral("lena"); // the team lead of 32.1

// The application's token store, recording which threads use it.
struct RecordingTokenStores {
    QMutex mutex;
    QList<QThread *> threads;

    SyncSession::TokenStoreFactory factory()
    {
        return [this](const QUrl &server, const QString &login) -> Result<std::unique_ptr<TokenStore>> {
            {
                QMutexLocker lock(&mutex);
                threads.append(QThread::currentThread());
            }
            auto store = std::make_unique<KeychainTokenStore>(server, login);
            if (Result<void> loaded = store->load(); !loaded)
                return loaded.error();
            return std::unique_ptr<TokenStore>(std::move(store));
        };
    }
    QList<QThread *> recorded()
    {
        QMutexLocker lock(&mutex);
        return threads;
    }
};

// One installation of the application: a cache file with its key in the keychain, the UI's connection to it.
struct Installation {
    QTemporaryDir dir;
    QString name = uuidToString(createUuidV7()); // the keychain entry of the cache key
    QByteArray key;
    std::unique_ptr<CacheDatabase> ui;

    QString path() const { return dir.filePath(QStringLiteral("cache.db")); }
    QString open()
    {
        Result<QByteArray> fromKeychain = CacheKey::fromKeychain(name, true);
        if (!fromKeychain)
            return fromKeychain.error().toString();
        key = fromKeychain.value();
        auto opened = CacheDatabase::open(path(), key);
        if (!opened)
            return opened.error().toString();
        ui = std::move(opened).value();
        return {};
    }
    bool hasConfirmed(const QUuid &id)
    {
        auto found = CaseRepository(*ui).confirmedCase(id);
        return found && found->has_value();
    }
};

// Start-up's questions answered by a script: the login is a real one, through the session, with `password`.
class ScriptedLogin final : public ui::StartupPrompts {
public:
    QString login;
    QString password;
    int loginQuestions = 0;
    QList<Error> errors;

    LoginAnswer askLogin(SyncSession &session, const QUrl &server, const QString &, const QString &) override
    {
        ++loginQuestions;
        QSignalSpy loggedIn(&session, &SyncSession::loggedIn);
        QSignalSpy failed(&session, &SyncSession::loginFailed);
        session.logIn(server, login, password);
        LoginAnswer answer{LoginAnswer::Choice::Quit, server, login};
        if (QTest::qWaitFor([&] { return !loggedIn.isEmpty() || !failed.isEmpty(); }, timeoutMs) && !loggedIn.isEmpty())
            answer.choice = LoginAnswer::Choice::LoggedIn;
        return answer;
    }
    std::optional<QString> askPassphrase(PassphraseMode, const QString &) override { return std::nullopt; }
    Recovery askRecovery(const Error &error, bool) override
    {
        errors.append(error);
        return Recovery::Quit;
    }
    std::optional<QUuid> chooseDemoUser(const QList<User> &, const QList<Team> &) override
    {
        errors.append(makeError(ErrorCode::Internal, QStringLiteral("asked for a demo user")));
        return std::nullopt;
    }
    void showError(const Error &error) override { errors.append(error); }
    void beginProgress(const QString &, int) override {}
    void setProgress(int) override {}
    void endProgress() override {}
};

class SyncSessionFixture {
protected:
    // initTestCase: the database, the users and the server. A failed check here fails initTestCase, so no test runs.
    void setUpServer()
    {
        m_pg = std::make_unique<PostgresTestDatabase>();
        QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorString()));
        TestUsers users(m_pg->connectionString());
        const QString problem = users.setUp({QStringLiteral("anna")});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        Result<server::ServerDatabase> database =
            server::ServerDatabase::fromConnectionString(m_pg->connectionString());
        QVERIFY(database.ok());
        {
            QSqlQuery query(database.value().connection().value());
            QVERIFY(query.exec(QStringLiteral("SELECT id::text FROM teams WHERE code = '32.1'")) && query.next());
            m_team = uuidFromString(query.value(0).toString());
        }
        const Result<User> lead =
            server::UserDirectory(database.value().connection().value())
                .addUser({leadLogin, QStringLiteral("Lena Leitung"), {Role::TeamLead}, {QStringLiteral("32.1")}},
                         TestUsers::password());
        QVERIFY2(lead, qPrintable(lead ? QString() : lead.error().toString()));
        database.value().closeConnection();
        QVERIFY(!m_team.isNull());
        m_server = std::make_unique<ServerProcess>(m_pg->connectionString());
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        QVERIFY(m_proxy.listen());
        m_proxy.setUpstreamPort(m_server->port());
    }

    void tearDownServer()
    {
        m_installation.reset();
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
        m_server.reset();
        m_pg.reset();
    }

    // init: a fresh installation per test.
    void openInstallation()
    {
        m_installation = std::make_unique<Installation>();
        const QString problem = m_installation->open();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // cleanup: what the server said around a failure, for the CI log.
    void reportFailure()
    {
        // What the server said around a failure, for the CI log.
        if (QTest::currentTestFailed())
            qWarning().noquote() << "the server (running:" << m_server->isRunning()
                                 << ") logged:" << m_server->standardError().right(6000);
    }

    // A new user of team 32.1, so that tests do not share sessions; empty on failure.
    QString newUser()
    {
        const QString login = QStringLiteral("clerk%1").arg(++m_users);
        const QString problem = TestUsers(m_pg->connectionString()).add(login);
        if (!problem.isEmpty()) {
            qWarning().noquote() << problem;
            return {};
        }
        return login;
    }

    std::unique_ptr<SyncSession> session(Installation &installation)
    {
        return std::make_unique<SyncSession>(installation.path(), installation.key, m_tokenStores.factory());
    }

    bool logIn(SyncSession &session, const QString &login)
    {
        QSignalSpy loggedIn(&session, &SyncSession::loggedIn);
        QSignalSpy failed(&session, &SyncSession::loginFailed);
        session.logIn(m_proxy.url(), login, TestUsers::password());
        if (!QTest::qWaitFor([&] { return !loggedIn.isEmpty() || !failed.isEmpty(); }, timeoutMs) ||
            loggedIn.isEmpty()) {
            qWarning() << "login failed:"
                       << (failed.isEmpty() ? QStringLiteral("no answer") : failed.at(0).at(0).toString());
            return false;
        }
        return true;
    }

    QUuid submitCase(CacheDatabase &db, const QUuid &actor, const QString &title)
    {
        const Case c = parkingApplication(m_team, title);
        const auto created =
            Outbox(db).submit(CommandName::CreateCase, c.id, {{QStringLiteral("case"), c.toJson()}}, actor);
        if (!created) {
            qWarning().noquote() << created.error().toString();
            return {};
        }
        return c.id;
    }

    std::unique_ptr<PostgresTestDatabase> m_pg;
    QUuid m_team;
    std::unique_ptr<ServerProcess> m_server;
    ReplyDropProxy m_proxy;
    RecordingTokenStores m_tokenStores;
    std::unique_ptr<Installation> m_installation;
    int m_users = 0;
};

} // namespace casedesk::test
