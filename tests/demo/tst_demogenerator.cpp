// Demo generator: determinism, unique ids and Aktenzeichen, JSON round-trips, the invariants every case
// keeps, a realistic spread of states.
#include "core/DeadlineCalendar.h"
#include "core/Uuid.h"
#include "demo/BundledContent.h"
#include "demo/DemoGenerator.h"
#include "demo/DemoProcessWalker.h"
#include "forms/FormValidator.h"
#include "mock/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <limits>

using namespace casedesk;
using namespace casedesk::demo;

namespace {

// "Today" of most tests.
QDate anchor()
{
    return {2026, 3, 2};
}

QByteArray casesJson(const QList<Case> &cases)
{
    QJsonArray array;
    for (const Case &c : cases)
        array.append(c.toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

const User *findUser(const DemoWorld &world, const QUuid &id)
{
    for (const User &user : world.users) {
        if (user.id == id)
            return &user;
    }
    return nullptr;
}

const Team *findTeam(const DemoWorld &world, const QUuid &id)
{
    for (const Team &team : world.teams) {
        if (team.id == id)
            return &team;
    }
    return nullptr;
}

// The 23 Stadtbezirke of Stuttgart.
const QStringList &stadtbezirke()
{
    static const QStringList list = {
        QStringLiteral("Mitte"),         QStringLiteral("Nord"),         QStringLiteral("Ost"),
        QStringLiteral("Süd"),           QStringLiteral("West"),         QStringLiteral("Bad Cannstatt"),
        QStringLiteral("Birkach"),       QStringLiteral("Botnang"),      QStringLiteral("Degerloch"),
        QStringLiteral("Feuerbach"),     QStringLiteral("Hedelfingen"),  QStringLiteral("Möhringen"),
        QStringLiteral("Mühlhausen"),    QStringLiteral("Münster"),      QStringLiteral("Obertürkheim"),
        QStringLiteral("Plieningen"),    QStringLiteral("Sillenbuch"),   QStringLiteral("Stammheim"),
        QStringLiteral("Untertürkheim"), QStringLiteral("Vaihingen"),    QStringLiteral("Wangen"),
        QStringLiteral("Weilimdorf"),    QStringLiteral("Zuffenhausen"),
    };
    return list;
}

// The bundled model and definition of a case type; the test fails when the bundle does not load.
const CaseTypeContent &contentOf(const QString &caseType)
{
    const Result<BundledContent> &bundled = BundledContent::instance();
    if (!bundled)
        qFatal("bundled content does not load: %s", qPrintable(bundled.error().toString()));
    const CaseTypeContent *content = bundled->find(caseType);
    if (!content)
        qFatal("no bundled content for %s", qPrintable(caseType));
    return *content;
}

const QStringList &caseTypes()
{
    static const QStringList list = {QStringLiteral("bewohnerparken"), QStringLiteral("umweltzone"),
                                     QStringLiteral("baumfaellung"), QStringLiteral("buergerhaushalt")};
    return list;
}

} // namespace

class TestDemoGenerator : public QObject {
    Q_OBJECT

private slots:
    void world();
    void worldIsTheSameForEverySeedAndDay();
    void determinism();
    void notesAndDocumentsAreDeterministic();
    void uniqueIdsAndAktenzeichen();
    void jsonRoundTrip();
    void invariants_data();
    void invariants();
    void notesAndDocuments();
    void distribution();
    void makeCasesMatchesMakeCase();
    void indexesOutOfRange();
    void todayShiftsTheDates();
};

void TestDemoGenerator::world()
{
    const DemoGenerator generator(1, anchor());
    const DemoWorld &w = generator.world();

    struct ExpectedTeam {
        QString code;
        QString name;
        QString filePlanCode;
        QStringList caseTypes;
    };
    const QList<ExpectedTeam> expected = {
        {QStringLiteral("32.1"),
         QStringLiteral("Straßenverkehr"),
         QStringLiteral("32.10"),
         {QStringLiteral("bewohnerparken"), QStringLiteral("umweltzone")}},
        {QStringLiteral("67.2"),
         QStringLiteral("Baumschutz"),
         QStringLiteral("67.20"),
         {QStringLiteral("baumfaellung")}},
        {QStringLiteral("20.3"),
         QStringLiteral("Bürgerhaushalt"),
         QStringLiteral("20.30"),
         {QStringLiteral("buergerhaushalt")}},
        // Consulted by the processes (Beteiligung): no case type of their own, one clerk each.
        {QStringLiteral("36.3"), QStringLiteral("Untere Naturschutzbehörde"), QStringLiteral("36.30"), {}},
        {QStringLiteral("61.1"), QStringLiteral("Stadtplanung"), QStringLiteral("61.10"), {}},
    };
    QCOMPARE(w.teams.size(), expected.size());
    QCOMPARE(w.teamByCaseType.size(), qsizetype(4));
    for (const ExpectedTeam &e : expected) {
        const auto team = std::find_if(w.teams.begin(), w.teams.end(), [&](const Team &t) { return t.code == e.code; });
        QVERIFY2(team != w.teams.end(), qPrintable(e.code));
        QCOMPARE(team->name, e.name);
        QCOMPARE(team->filePlanCode, e.filePlanCode);
        QVERIFY(uuidV7Milliseconds(team->id) >= 0);
        for (const QString &type : e.caseTypes)
            QCOMPARE(w.teamByCaseType.value(type), team->id);

        int leads = 0;
        int clerks = 0;
        for (const User &user : w.users) {
            if (!user.teamIds.contains(team->id))
                continue;
            leads += user.hasRole(Role::TeamLead) ? 1 : 0;
            clerks += user.hasRole(Role::Clerk) ? 1 : 0;
        }
        if (e.caseTypes.isEmpty()) {
            QCOMPARE(leads, 0);
            QCOMPARE(clerks, 1);
        } else {
            QCOMPARE(leads, 1);
            QVERIFY2(clerks >= 4 && clerks <= 6, qPrintable(QString::number(clerks)));
        }
    }

    int mailroom = 0;
    int auditors = 0;
    int administrators = 0;
    QSet<QUuid> ids;
    QSet<QString> logins;
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z]\\.[a-z]+$"));
    for (const User &user : w.users) {
        QVERIFY(!user.id.isNull());
        QVERIFY(uuidV7Milliseconds(user.id) >= 0);
        ids.insert(user.id);
        logins.insert(user.login);
        QVERIFY2(loginPattern.match(user.login).hasMatch(), qPrintable(user.login));
        QVERIFY(user.active);
        QCOMPARE(user.roles.size(), qsizetype(1));
        mailroom += user.hasRole(Role::Mailroom) ? 1 : 0;
        auditors += user.hasRole(Role::Auditor) ? 1 : 0;
        administrators += user.hasRole(Role::Administrator) ? 1 : 0;
        for (const QUuid &teamId : user.teamIds)
            QVERIFY(findTeam(w, teamId));
        const Result<User> back = User::fromJson(user.toJson());
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
        QCOMPARE(back.value(), user);
    }
    QCOMPARE(ids.size(), w.users.size());
    QCOMPARE(logins.size(), w.users.size());
    QCOMPARE(mailroom, 1);
    QCOMPARE(auditors, 1);
    QCOMPARE(administrators, 1);

    // Logins transliterate umlauts and ß the German way.
    const auto mueller = std::find_if(w.users.begin(), w.users.end(),
                                      [](const User &u) { return u.displayName == QStringLiteral("Andreas Müller"); });
    QVERIFY(mueller != w.users.end());
    QCOMPARE(mueller->login, QStringLiteral("a.mueller"));
    for (const Team &team : w.teams) {
        const Result<Team> back = Team::fromJson(team.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back.value(), team);
    }
}

void TestDemoGenerator::worldIsTheSameForEverySeedAndDay()
{
    const DemoGenerator a(1, anchor());
    const DemoGenerator b(987654321, QDate(2031, 7, 15));
    QCOMPARE(a.world().teams, b.world().teams);
    QCOMPARE(a.world().users, b.world().users);
    QCOMPARE(a.world().teamByCaseType, b.world().teamByCaseType);
}

void TestDemoGenerator::determinism()
{
    const quint64 seed = casedesk::test::testSeed();
    const QByteArray first = casesJson(DemoGenerator(seed, anchor()).makeCases(0, 1000));
    const QByteArray second = casesJson(DemoGenerator(seed, anchor()).makeCases(0, 1000));
    QCOMPARE(first, second);
    const QByteArray otherSeed = casesJson(DemoGenerator(seed + 1, anchor()).makeCases(0, 1000));
    QVERIFY(first != otherSeed);

    // Not only the JSON as a whole: almost every single case differs under another seed.
    const DemoGenerator a(seed, anchor());
    const DemoGenerator b(seed ^ 0x5555, anchor());
    int same = 0;
    for (qint64 i = 0; i < 200; ++i)
        same += a.makeCase(i).toJson() == b.makeCase(i).toJson() ? 1 : 0;
    QCOMPARE(same, 0);
}

void TestDemoGenerator::notesAndDocumentsAreDeterministic()
{
    const DemoGenerator a(7, anchor());
    const DemoGenerator b(7, anchor());
    for (qint64 i = 0; i < 300; ++i) {
        const Case c = a.makeCase(i);
        QCOMPARE(a.notesFor(c), b.notesFor(c));
        QCOMPARE(a.documentsFor(c), b.documentsFor(c));
    }
}

void TestDemoGenerator::uniqueIdsAndAktenzeichen()
{
    const DemoGenerator generator(casedesk::test::testSeed(), anchor());
    const QList<Case> cases = generator.makeCases(0, 20'000);
    QCOMPARE(cases.size(), qsizetype(20'000));
    QSet<QUuid> ids;
    QSet<QString> aktenzeichen;
    for (const Case &c : cases) {
        ids.insert(c.id);
        aktenzeichen.insert(c.aktenzeichen.toString());
    }
    QCOMPARE(ids.size(), cases.size());
    QCOMPARE(aktenzeichen.size(), cases.size());

    // Notes and documents of the first 3,000 cases never reuse an id of a case or of each other.
    qsizetype expected = ids.size();
    for (qsizetype i = 0; i < 3000; ++i) {
        for (const Note &note : generator.notesFor(cases.at(i))) {
            ids.insert(note.id);
            ++expected;
        }
        for (const DocumentRef &document : generator.documentsFor(cases.at(i))) {
            ids.insert(document.id);
            ++expected;
        }
    }
    QCOMPARE(ids.size(), expected);
}

void TestDemoGenerator::jsonRoundTrip()
{
    const DemoGenerator generator(casedesk::test::testSeed(), anchor());
    for (const Case &c : generator.makeCases(0, 5000)) {
        const Result<Case> back = Case::fromJson(c.toJson());
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
        QCOMPARE(back.value(), c);
    }
    for (const Case &c : generator.makeCases(0, 500)) {
        for (const Note &note : generator.notesFor(c)) {
            const Result<Note> back = Note::fromJson(note.toJson());
            QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
            QCOMPARE(back.value(), note);
        }
        for (const DocumentRef &document : generator.documentsFor(c)) {
            const Result<DocumentRef> back = DocumentRef::fromJson(document.toJson());
            QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
            QCOMPARE(back.value(), document);
        }
    }
}

void TestDemoGenerator::invariants_data()
{
    QTest::addColumn<QDate>("today");
    QTest::newRow("spring, across the DST change") << QDate(2026, 4, 20);
    QTest::newRow("year end in the window") << QDate(2027, 1, 12);
    QTest::newRow("leap day in the window") << QDate(2028, 3, 15);
}

void TestDemoGenerator::invariants()
{
    QFETCH(QDate, today);
    const quint64 seed = casedesk::test::testSeed();
    const DemoGenerator generator(seed, today);
    const DemoWorld &w = generator.world();
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    static const QRegularExpression postcode(QStringLiteral("^70[0-9]{3}$"));
    static const QRegularExpression plate(QStringLiteral("^[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} [1-9][0-9]{0,3}$"));

    const QList<Case> cases = generator.makeCases(0, 5000);
    for (qsizetype index = 0; index < cases.size(); ++index) {
        const Case &c = cases.at(index);
        const QByteArray where = QStringLiteral("case %1 (%2)").arg(index).arg(c.aktenzeichen.toString()).toUtf8();
        const char *at = where.constData();

        QVERIFY2(caseTypes().contains(c.caseType), at);
        QVERIFY2(!c.title.isEmpty(), at);
        QVERIFY2(c.receivedDate <= today && c.receivedDate > today.addDays(-121), at);
        QVERIFY2(c.statutoryDeadline >= c.receivedDate, at);
        // Every statutory deadline is § 31 (3)-conform: it never ends on a weekend or holiday.
        QVERIFY2(DeadlineCalendar::isWorkingDay(c.statutoryDeadline), at);
        const int months = c.caseType == QLatin1String("bewohnerparken") ? 1 : 3;
        QCOMPARE(c.statutoryDeadline, DeadlineCalendar::periodEnd(c.receivedDate, Period{months, PeriodUnit::Months}));

        // A genuine engine state of the case type's bundled model, and the status derived from it.
        const CaseTypeContent &content = contentOf(c.caseType);
        const Result<workflow::WorkflowState> state =
            workflow::WorkflowState::fromJson(content.process, c.workflowState);
        QVERIFY2(state.ok(), qPrintable(QString::fromUtf8(where) + QStringLiteral(": ") + state.error().toString()));
        QCOMPARE(c.statusText, DemoProcessWalker::statusText(content.process, *state));
        QVERIFY2(!c.statusText.isEmpty(),
                 qPrintable(QString::fromUtf8(where) +
                            QString::fromUtf8(QJsonDocument(c.workflowState).toJson(QJsonDocument::Compact))));
        QCOMPARE(c.closed, state->ended);
        // Valid form data for the bundled definition, on the day the application arrived.
        const QList<forms::FormProblem> problems =
            forms::FormValidator::validate(content.form, c.formData, c.receivedDate);
        QVERIFY2(problems.isEmpty(), problems.isEmpty()
                                         ? at
                                         : qPrintable(QString::fromUtf8(where) + QStringLiteral(": ") +
                                                      problems.first().path + u' ' + problems.first().message));
        if (c.closed)
            QVERIFY2(c.followUpDate.isNull(), at);
        if (c.followUpDate.isValid())
            QVERIFY2(c.followUpDate >= c.receivedDate, at);

        const Team *team = findTeam(w, c.teamId);
        QVERIFY2(team, at);
        QCOMPARE(w.teamByCaseType.value(c.caseType), c.teamId);
        if (!c.assigneeId.isNull()) {
            const User *assignee = findUser(w, c.assigneeId);
            QVERIFY2(assignee, at);
            QVERIFY2(assignee->teamIds.contains(c.teamId), at);
            QVERIFY2(assignee->hasRole(Role::Clerk), at);
        }

        QVERIFY2(c.aktenzeichen.isValid(), at);
        QCOMPARE(c.aktenzeichen.filePlanCode(), team->filePlanCode);
        QCOMPARE(c.aktenzeichen.number(), int(index + 1));
        QCOMPARE(c.aktenzeichen.year(), c.receivedDate.year());

        const PostalAddress &address = c.applicant.address;
        QVERIFY2(postcode.match(address.postcode).hasMatch(), qPrintable(address.postcode));
        QCOMPARE(address.city, QStringLiteral("Stuttgart"));
        QVERIFY2(address.district.startsWith(QStringLiteral("Stuttgart-")), at);
        QVERIFY2(stadtbezirke().contains(address.district.mid(10)), qPrintable(address.district));
        QVERIFY2(!address.street.isEmpty() && !address.houseNumber.isEmpty(), at);
        QVERIFY2(!c.applicant.displayName().isEmpty(), at);
        if (!c.applicant.email.isEmpty())
            QVERIFY2(c.applicant.email.count(u'@') == 1, qPrintable(c.applicant.email));

        QCOMPARE(c.formVersion, content.form.version());
        QCOMPARE(c.version, qint64(1));
        QVERIFY2(c.createdAt.isValid() && c.createdAt <= c.updatedAt, at);
        QCOMPARE(c.createdAt.toTimeZone(berlin).date(), c.receivedDate);
        QCOMPARE(uuidV7Milliseconds(c.id), c.createdAt.toMSecsSinceEpoch());

        const QJsonObject &form = c.formData;
        if (c.caseType == QLatin1String("bewohnerparken") || c.caseType == QLatin1String("umweltzone")) {
            const QString registration = DemoGenerator::registrationOf(c);
            QVERIFY2(plate.match(registration).hasMatch(), qPrintable(registration));
            QVERIFY2(c.title.contains(registration), at);
        } else if (c.caseType == QLatin1String("baumfaellung")) {
            for (const QJsonValue &tree : form.value(QLatin1String("trees")).toArray()) {
                // Protected by the Baumschutzsatzung only from 80 cm trunk circumference.
                QVERIFY2(tree.toObject().value(QLatin1String("trunkCircumference")).toInteger() >= 80, at);
            }
        } else {
            QVERIFY2(!form.value(QLatin1String("description")).toString().contains(u'{'), at);
            QVERIFY2(form.value(QLatin1String("estimatedCost")).toInteger() > 0, at);
        }
    }
}

void TestDemoGenerator::notesAndDocuments()
{
    const DemoGenerator generator(casedesk::test::testSeed(), anchor());
    const DemoWorld &w = generator.world();
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
    int withNotes = 0;
    int withEvidence = 0;
    for (const Case &c : generator.makeCases(0, 2000)) {
        const QList<Note> notes = generator.notesFor(c);
        QVERIFY(notes.size() <= 3);
        withNotes += notes.isEmpty() ? 0 : 1;
        QSet<QString> texts;
        QDateTime previous = c.createdAt;
        for (const Note &note : notes) {
            QVERIFY(note.createdAt > previous); // in the order they were written
            previous = note.createdAt;
            // New intake has not been decided: its Vermerke never speak of the decision (Bescheid).
            if (c.statusText == QStringLiteral("Antrag erfassen"))
                QVERIFY2(!note.text.contains(QStringLiteral("Bescheid")), qPrintable(note.text));
            QCOMPARE(note.caseId, c.id);
            QVERIFY(note.createdAt.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/Berlin"))).date() >= c.receivedDate);
            const User *author = findUser(w, note.authorId);
            QVERIFY(author);
            QVERIFY(author->teamIds.contains(c.teamId));
            QVERIFY(!note.text.isEmpty());
            QVERIFY2(!note.text.contains(u'{'), qPrintable(note.text));
            texts.insert(note.text);
        }
        QCOMPARE(texts.size(), notes.size());

        const QList<DocumentRef> documents = generator.documentsFor(c);
        QVERIFY(!documents.isEmpty());
        QCOMPARE(documents.first().kind, DocumentKind::Application);
        QVERIFY(documents.first().text.contains(c.applicant.displayName()));
        withEvidence += documents.size() > 1 ? 1 : 0;
        // Every document the form refers to is in the case file.
        QSet<QString> documentIds;
        for (const DocumentRef &document : documents)
            documentIds.insert(uuidToString(document.id));
        const QByteArray formJson = QJsonDocument(c.formData).toJson(QJsonDocument::Compact);
        static const QRegularExpression uuidInForm(
            QStringLiteral("\"([0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12})\""));
        for (auto match = uuidInForm.globalMatch(QString::fromUtf8(formJson)); match.hasNext();)
            QVERIFY2(documentIds.contains(match.next().captured(1)), qPrintable(c.aktenzeichen.toString()));
        for (const DocumentRef &document : documents) {
            QCOMPARE(document.caseId, c.id);
            QVERIFY2(sha.match(document.sha256).hasMatch(), qPrintable(document.sha256));
            QVERIFY(document.size > 0);
            QVERIFY(!document.name.isEmpty());
            QVERIFY(!document.mimeType.isEmpty());
            QVERIFY(document.addedAt >= c.createdAt);
        }
    }
    QVERIFY(withNotes > 1000);
    QVERIFY(withEvidence > 500);

    // A case that is not from the generator's world gets nothing rather than a crash.
    QVERIFY(generator.notesFor(Case{}).isEmpty());
    QVERIFY(generator.documentsFor(Case{}).isEmpty());
}

void TestDemoGenerator::distribution()
{
    const DemoGenerator generator(casedesk::test::testSeed(), anchor());
    const QList<Case> cases = generator.makeCases(0, 5000);
    QHash<QString, int> types;
    QHash<QString, int> statuses;
    QHash<int, int> stages;     // by DemoProcessWalker::stage
    QHash<int, int> priorities; // by Priority
    int overdue = 0;
    int dueThisWeek = 0;
    int unassigned = 0;
    int closed = 0;
    int followUps = 0;
    int organisations = 0;
    int umlautNames = 0;
    for (const Case &c : cases) {
        ++types[c.caseType];
        ++statuses[c.statusText];
        const CaseTypeContent &content = contentOf(c.caseType);
        const auto state = workflow::WorkflowState::fromJson(content.process, c.workflowState);
        QVERIFY(state.ok());
        ++stages[DemoProcessWalker::stage(content.process, *state)];
        ++priorities[static_cast<int>(c.priority)];
        closed += c.closed ? 1 : 0;
        unassigned += c.assigneeId.isNull() ? 1 : 0;
        followUps += c.followUpDate.isValid() ? 1 : 0;
        organisations += c.applicant.organisation.isEmpty() ? 0 : 1;
        static const QRegularExpression umlaut(QStringLiteral("[äöüÄÖÜß]"));
        umlautNames += c.applicant.familyName.contains(umlaut) ? 1 : 0;
        if (!c.closed && c.statutoryDeadline < anchor())
            ++overdue;
        if (!c.closed && c.statutoryDeadline >= anchor() && c.statutoryDeadline <= anchor().addDays(7))
            ++dueThisWeek;
    }
    const auto share = [&](int n) { return double(n) / double(cases.size()); };
    for (const QString &type : caseTypes())
        QVERIFY2(share(types.value(type)) > 0.08, qPrintable(type));
    QVERIFY(types.value(QStringLiteral("bewohnerparken")) > types.value(QStringLiteral("umweltzone")));
    // Every stage of the processes is well represented (intake .. closed), through many different tasks.
    QString spread;
    for (auto it = stages.cbegin(); it != stages.cend(); ++it)
        spread += QStringLiteral("%1:%2 ").arg(it.key()).arg(it.value());
    qInfo() << "stages" << spread << "statuses" << statuses;
    for (int stage = 0; stage <= 5; ++stage)
        QVERIFY2(stages.value(stage) > 50, qPrintable(spread));
    QVERIFY2(statuses.size() >= 10, qPrintable(QString::number(statuses.size())));
    QCOMPARE(priorities.size(), qsizetype(4));
    QVERIFY2(share(closed) > 0.10 && share(closed) < 0.25, qPrintable(QString::number(share(closed))));
    QVERIFY2(share(unassigned) > 0.12 && share(unassigned) < 0.28, qPrintable(QString::number(share(unassigned))));
    QVERIFY2(share(overdue) > 0.05 && share(overdue) < 0.5, qPrintable(QString::number(share(overdue))));
    QVERIFY2(dueThisWeek > 20, qPrintable(QString::number(dueThisWeek)));
    QVERIFY(followUps > 100);
    QVERIFY(organisations > 50);
    QVERIFY(umlautNames > 100);
}

void TestDemoGenerator::makeCasesMatchesMakeCase()
{
    const DemoGenerator generator(casedesk::test::testSeed(), anchor());
    const QList<Case> chunk = generator.makeCases(12'345, 300);
    QCOMPARE(chunk.size(), qsizetype(300));
    for (qint64 i = 0; i < chunk.size(); ++i)
        QCOMPARE(chunk.at(i), generator.makeCase(12'345 + i));
    // Chunks glue together to the same list.
    QCOMPARE(generator.makeCases(0, 100) + generator.makeCases(100, 50), generator.makeCases(0, 150));
    // Copies of a generator make the same cases.
    const DemoGenerator copy = generator; // NOLINT(performance-unnecessary-copy-initialization): copying is the test
    QCOMPARE(copy.makeCase(77), generator.makeCase(77));
}

void TestDemoGenerator::indexesOutOfRange()
{
    const DemoGenerator generator(3, anchor());
    constexpr qint64 max = DemoGenerator::maxCaseCount;
    QVERIFY(generator.makeCase(-1).id.isNull());
    QVERIFY(generator.makeCase(max).id.isNull());
    QVERIFY(generator.makeCase(std::numeric_limits<qint64>::min()).id.isNull());
    QVERIFY(!generator.makeCase(max - 1).id.isNull());
    QCOMPARE(generator.makeCase(max - 1).aktenzeichen.number(), 999'999);

    const QList<Case> clippedLow = generator.makeCases(-5, 10);
    QCOMPARE(clippedLow.size(), qsizetype(5));
    QCOMPARE(clippedLow.first(), generator.makeCase(0));
    QCOMPARE(generator.makeCases(max - 2, 10).size(), qsizetype(2));
    QVERIFY(generator.makeCases(0, 0).isEmpty());
    QVERIFY(generator.makeCases(0, -3).isEmpty());
    QVERIFY(generator.makeCases(max, 5).isEmpty());
    QVERIFY(generator.makeCases(std::numeric_limits<qint64>::min(), 3).isEmpty());
    QCOMPARE(generator.makeCases(max - 1, std::numeric_limits<qint64>::max()).size(), qsizetype(1));
}

void TestDemoGenerator::todayShiftsTheDates()
{
    // The same seed a day later: the same cases, received one day later (the window moves with today).
    const DemoGenerator a(11, anchor());
    const DemoGenerator b(11, anchor().addDays(1));
    for (qint64 i = 0; i < 100; ++i) {
        const Case x = a.makeCase(i);
        const Case y = b.makeCase(i);
        QCOMPARE(x.receivedDate.daysTo(y.receivedDate), qint64(1));
        QCOMPARE(x.applicant, y.applicant);
        QCOMPARE(x.caseType, y.caseType);
    }
}

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
