// ReferenceRepository: users, teams, the server's reference snapshot (ReferenceSnapshot, read here too) and the
// installation's settings inside the encrypted cache.
#include "core/Uuid.h"
#include "mock/TestSupport.h"
#include "storage/ReferenceRepository.h"
#include "storage/ReferenceSnapshot.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
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

// A reply of GET /api/v1/reference as the server shapes it.
QJsonObject serverReply(const QList<User> &users, const QList<Team> &teams)
{
    QJsonArray userArray;
    for (const User &user : users)
        userArray.append(user.toJson());
    QJsonArray teamArray;
    for (const Team &team : teams)
        teamArray.append(team.toJson());
    return {{QStringLiteral("users"), userArray},
            {QStringLiteral("teams"), teamArray},
            {QStringLiteral("processModels"), QJsonArray{}},
            {QStringLiteral("forms"), QJsonArray{}},
            {QStringLiteral("deputyships"), QJsonArray{}},
            {QStringLiteral("codeLists"), QJsonObject{{QStringLiteral("kinds"), QJsonArray{}}}},
            {QStringLiteral("holidays"), QJsonObject{}}};
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
    // The server's snapshot replaces users and teams (one it no longer lists goes) and keeps the rest and its tag.
    void replaceReferenceTakesTheServersState()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        ReferenceRepository repository(cache.db());
        const User gone = makeUser(QStringLiteral("Alt, Otto"), QStringLiteral("o.alt"));
        QVERIFY(repository.storeUsers({gone}));
        QCOMPARE(repository.referenceEtag().value(), QByteArray());
        QCOMPARE(repository.referenceRest().value(), QJsonObject());

        const User anna = makeUser(QStringLiteral("Müller, Anna"), QStringLiteral("a.mueller"));
        const Team team{anna.teamIds.at(0), QStringLiteral("32.1"), QStringLiteral("Straßenverkehr"),
                        QStringLiteral("32.10")};
        const auto snapshot = ReferenceSnapshot::fromJson(serverReply({anna}, {team}), "\"v1\"");
        QVERIFY2(snapshot, test::errorText(snapshot).constData());
        auto replaced = repository.replaceReference(*snapshot);
        QVERIFY2(replaced, test::errorText(replaced).constData());
        QCOMPARE(repository.users().value(), QList<User>{anna});
        QCOMPARE(repository.teams().value(), QList<Team>{team});
        QCOMPARE(repository.referenceEtag().value(), QByteArray("\"v1\""));
        QCOMPARE(repository.referenceRest()->value(QStringLiteral("codeLists")).toObject().size(), 1);
        QVERIFY(repository.referenceRest()->value(QStringLiteral("processModels")).isArray());
    }

    // The case types run on the server's process models and forms, those bundled with CaseDesk before the first
    // snapshot; a model that does not load is left out, and a new snapshot brings its versions.
    void caseTypesOfTheSnapshot()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        ReferenceRepository repository(cache.db());
        QCOMPARE(repository.caseTypes().value().get(), casework::CaseTypeCatalogue::bundled().get());

        QFile bpmnFile(test::resourcePath(QStringLiteral("processes/bewohnerparken.bpmn")));
        QVERIFY(bpmnFile.open(QIODevice::ReadOnly));
        const QString bpmn = QString::fromUtf8(bpmnFile.readAll());
        QString renamed = bpmn;
        renamed.replace(QStringLiteral("name=\"Antrag erfassen\""), QStringLiteral("name=\"Antrag aufnehmen\""));
        QFile formFile(test::resourcePath(QStringLiteral("forms/bewohnerparken.json")));
        QVERIFY(formFile.open(QIODevice::ReadOnly));
        const QJsonObject form = QJsonDocument::fromJson(formFile.readAll()).object();
        const auto model = [](const QString &type, int version, const QString &xml) {
            return QJsonObject{{QStringLiteral("caseType"), type},
                               {QStringLiteral("version"), version},
                               {QStringLiteral("bpmn"), xml}};
        };
        QJsonObject reply = serverReply({}, {});
        reply.insert(QStringLiteral("processModels"),
                     QJsonArray{model(QStringLiteral("bewohnerparken"), 1, bpmn),
                                model(QStringLiteral("bewohnerparken"), 2, renamed),
                                model(QStringLiteral("umweltzone"), 1, QStringLiteral("<definitions"))});
        reply.insert(QStringLiteral("forms"),
                     QJsonArray{QJsonObject{{QStringLiteral("id"), form.value(QStringLiteral("id"))},
                                            {QStringLiteral("version"), 1},
                                            {QStringLiteral("definition"), form}}});
        const auto first = ReferenceSnapshot::fromJson(reply, "\"v1\"");
        QVERIFY2(first, test::errorText(first).constData());
        QVERIFY(repository.replaceReference(*first));
        const auto caseTypes = repository.caseTypes();
        QVERIFY2(caseTypes, test::errorText(caseTypes).constData());
        const demo::CaseTypeContent *parking = caseTypes.value()->latest(QStringLiteral("bewohnerparken"));
        QVERIFY(parking);
        QCOMPARE(parking->processVersion, 2);
        QCOMPARE(parking->process.element(parking->process.indexOf(QStringLiteral("Task_Intake"))).name,
                 QStringLiteral("Antrag aufnehmen"));
        QVERIFY(!caseTypes.value()->latest(QStringLiteral("umweltzone")));       // does not load
        QVERIFY(!caseTypes.value()->latest(QStringLiteral("baumfaellung")));     // not the server's
        QCOMPARE(repository.caseTypes().value().get(), caseTypes.value().get()); // read once per snapshot

        QJsonArray three = reply.value(QStringLiteral("processModels")).toArray();
        three.append(model(QStringLiteral("bewohnerparken"), 3, bpmn));
        reply.insert(QStringLiteral("processModels"), three);
        const auto second = ReferenceSnapshot::fromJson(reply, "\"v2\"");
        QVERIFY(second);
        QVERIFY(repository.replaceReference(*second));
        QCOMPARE(repository.caseTypes().value()->latest(QStringLiteral("bewohnerparken"))->processVersion, 3);
    }

    // The deputyships come back on their own, as the local checks read them; also from a snapshot stored before
    // they were kept apart (an unchanged snapshot is not sent again).
    void deputyshipsOfTheSnapshot()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        ReferenceRepository repository(cache.db());
        QCOMPARE(repository.deputyships().value(), QList<Deputyship>());
        const User anna = makeUser(QStringLiteral("Müller, Anna"), QStringLiteral("a.mueller"));
        const User bert = makeUser(QStringLiteral("Bauer, Bert"), QStringLiteral("b.bauer"));
        const QList<Deputyship> expected{{anna.id, bert.id, QDate(2026, 3, 2), QDate(2026, 3, 13)},
                                         {bert.id, anna.id, QDate(), QDate()}};
        QJsonArray rows;
        for (const Deputyship &deputyship : expected)
            rows.append(deputyship.toJson());
        QJsonObject reply = serverReply({anna, bert}, {});
        reply.insert(QStringLiteral("deputyships"), rows);
        const auto snapshot = ReferenceSnapshot::fromJson(reply, "\"v2\"");
        QVERIFY2(snapshot, test::errorText(snapshot).constData());
        QVERIFY(repository.replaceReference(*snapshot));
        QCOMPARE(repository.deputyships().value(), expected);

        QVERIFY(repository.setSetting(QStringLiteral("reference.deputyships"), QString()));
        QCOMPARE(repository.deputyships().value(), expected);
    }

    // Whatever part of the reply does not read, nothing of it is taken.
    void malformedReferenceIsRefusedWhole_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        const QJsonObject badUser{{QStringLiteral("id"), QStringLiteral("not a uuid")}};
        QTest::newRow("users not an array") << QStringLiteral("users") << QJsonValue(QStringLiteral("anna"));
        QTest::newRow("a user that does not read") << QStringLiteral("users") << QJsonValue(QJsonArray{badUser});
        QTest::newRow("a number for a team") << QStringLiteral("teams") << QJsonValue(QJsonArray{42});
        QTest::newRow("teams missing") << QStringLiteral("teams") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("forms an object") << QStringLiteral("forms") << QJsonValue(QJsonObject{});
        QTest::newRow("holidays an array") << QStringLiteral("holidays") << QJsonValue(QJsonArray{});
        QTest::newRow("deputyships null") << QStringLiteral("deputyships") << QJsonValue(QJsonValue::Null);
    }

    void malformedReferenceIsRefusedWhole()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        const User anna = makeUser(QStringLiteral("Müller, Anna"), QStringLiteral("a.mueller"));
        QJsonObject reply = serverReply({anna}, {});
        if (value.isUndefined())
            reply.remove(key);
        else
            reply.insert(key, value);
        const auto snapshot = ReferenceSnapshot::fromJson(reply, "\"v2\"");
        QVERIFY(!snapshot);
        QCOMPARE(snapshot.error().code, ErrorCode::Invalid);
        QVERIFY2(snapshot.error().toString().contains(key), qPrintable(snapshot.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestReferenceRepository)
#include "tst_referencerepository.moc"
