// ReferenceRepository: users, teams and the installation's settings inside the encrypted cache.
#include "core/Uuid.h"
#include "storage/ReferenceRepository.h"

#include <QTest>

#include "TemporaryCache.h"

using namespace casedesk;
using namespace casedesk::storage;

namespace {

User makeUser(const QString &displayName, const QString &login)
{
    User user;
    user.id = createUuidV7();
    user.login = login;
    user.displayName = displayName;
    user.roles = {Role::Clerk};
    user.teamIds = {createUuidV7()};
    return user;
}

QStringList names(const QList<User> &users)
{
    QStringList result;
    for (const User &user : users)
        result << user.displayName;
    return result;
}

} // namespace

class TestReferenceRepository : public QObject {
    Q_OBJECT

private slots:
    void usersSortByDisplayNameInGermanOrder()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        ReferenceRepository repository(cache.db());
        const QList<User> users{makeUser(QStringLiteral("Zander, Eva"), QStringLiteral("e.zander")),
                                makeUser(QStringLiteral("Özkan, Ali"), QStringLiteral("a.oezkan")),
                                makeUser(QStringLiteral("Ärmel, Ute"), QStringLiteral("u.aermel")),
                                makeUser(QStringLiteral("Oberle, Jo"), QStringLiteral("j.oberle")),
                                makeUser(QStringLiteral("Abel, Max"), QStringLiteral("m.abel")),
                                makeUser(QStringLiteral("Strauß, Lea"), QStringLiteral("l.strauss")),
                                makeUser(QStringLiteral("Straub, Tim"), QStringLiteral("t.straub"))};
        auto stored = repository.storeUsers(users);
        QVERIFY2(stored, test::errorText(stored).constData());
        auto read = repository.users();
        QVERIFY2(read, test::errorText(read).constData());
        // DIN 5007-1: Ä as A, Ö as O, ß as ss ("strauss" after "straub").
        QCOMPARE(names(*read),
                 (QStringList{QStringLiteral("Abel, Max"), QStringLiteral("Ärmel, Ute"), QStringLiteral("Oberle, Jo"),
                              QStringLiteral("Özkan, Ali"), QStringLiteral("Straub, Tim"),
                              QStringLiteral("Strauß, Lea"), QStringLiteral("Zander, Eva")}));
        for (const User &user : users)
            QVERIFY(read->contains(user));
    }

    void storeReplacesAndFindsById()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        ReferenceRepository repository(cache.db());
        User user = makeUser(QStringLiteral("Müller, Anna"), QStringLiteral("a.mueller"));
        QVERIFY(repository.storeUsers({user}));
        user.displayName = QStringLiteral("Müller-Lüdenscheidt, Anna");
        user.active = false;
        QVERIFY(repository.storeUsers({user}));
        QCOMPARE(repository.users()->size(), 1);
        auto found = repository.user(user.id);
        QVERIFY(found && found->has_value());
        QCOMPARE(**found, user);
        auto missing = repository.user(createUuidV7());
        QVERIFY(missing && !missing->has_value());
    }

    void teamsByCode()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        ReferenceRepository repository(cache.db());
        const Team baumschutz{createUuidV7(), QStringLiteral("67.2"), QStringLiteral("Baumschutz"),
                              QStringLiteral("67.20")};
        const Team verkehr{createUuidV7(), QStringLiteral("32.1"), QStringLiteral("Straßenverkehr"),
                           QStringLiteral("32.10")};
        const Team haushalt{createUuidV7(), QStringLiteral("20.3"), QStringLiteral("Bürgerhaushalt"),
                            QStringLiteral("20.30")};
        QVERIFY(repository.storeTeams({baumschutz, verkehr, haushalt}));
        QCOMPARE(*repository.teams(), (QList<Team>{haushalt, verkehr, baumschutz}));
        Team renamed = verkehr;
        renamed.name = QStringLiteral("Verkehrsbehörde");
        QVERIFY(repository.storeTeams({renamed}));
        QCOMPARE(*repository.teams(), (QList<Team>{haushalt, renamed, baumschutz}));
    }

    void settings()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        ReferenceRepository repository(cache.db());
        QVERIFY(repository.setting(QStringLiteral("demo_user"))->isEmpty());
        QVERIFY(repository.setSetting(QStringLiteral("demo_user"), QStringLiteral("a.mueller")));
        QVERIFY(repository.setSetting(QStringLiteral("other"), QStringLiteral("x")));
        QCOMPARE(*repository.setting(QStringLiteral("demo_user")), QStringLiteral("a.mueller"));
        QVERIFY(repository.setSetting(QStringLiteral("demo_user"), QStringLiteral("b.schaefer")));
        QVERIFY2(cache.reopen(), qPrintable(cache.error()));
        ReferenceRepository reopened(cache.db());
        QCOMPARE(*reopened.setting(QStringLiteral("demo_user")), QStringLiteral("b.schaefer"));
        QCOMPARE(*reopened.setting(QStringLiteral("other")), QStringLiteral("x"));
    }
};

QTEST_GUILESS_MAIN(TestReferenceRepository)
#include "tst_referencerepository.moc"
