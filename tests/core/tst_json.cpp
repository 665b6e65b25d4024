// JSON codec of the core value types: round-trips of realistic German data, the wire formats, rejection of
// malformed input with the field named, and a fuzz loop that feeds mutated JSON to every fromJson. Command
// arguments: tst_commandargs; the samples: JsonSamples.h.
#include "core/CommandReplay.h"
#include "core/JsonFields.h"
#include "core/Role.h"
#include "mock/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <optional>

#include "JsonSamples.h"

using namespace casedesk;
using namespace casedesk::test;

Q_DECLARE_METATYPE(casedesk::Case)
Q_DECLARE_METATYPE(casedesk::Party)
Q_DECLARE_METATYPE(casedesk::Note)
Q_DECLARE_METATYPE(casedesk::DocumentRef)
Q_DECLARE_METATYPE(casedesk::User)
Q_DECLARE_METATYPE(casedesk::Team)
Q_DECLARE_METATYPE(casedesk::Command)

namespace {

template <typename T> void checkRoundTrip(const T &value)
{
    // Through text, as it travels: toJson -> bytes -> parse -> fromJson.
    const QByteArray text = QJsonDocument(value.toJson()).toJson(QJsonDocument::Compact);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const Result<T> back = T::fromJson(document.object());
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    QVERIFY2(*back == value, text.constData());
}

} // namespace

class TestJson : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void wireFormats();
    void emptyAndNullReadBackAsNull();
    void dateTimeWithOffsetIsUtc();
    void datesWrittenLikeQt_data();
    void datesWrittenLikeQt();
    void enumStrings();
    void roleDisplayNames();
    void displayAktenzeichen();
    void partyDisplayName_data();
    void partyDisplayName();
    void malformed_data();
    void malformed();
    void deeplyNestedFormData();
    void fuzz();
};

void TestJson::roundTrip_data()
{
    QTest::addColumn<QVariant>("value");

    QTest::newRow("case, full") << QVariant::fromValue(fullCase());
    QTest::newRow("case, provisional") << QVariant::fromValue(provisionalCase());
    Case bare;
    bare.id = caseId;
    QTest::newRow("case, only id") << QVariant::fromValue(bare);
    Case urgent = fullCase();
    urgent.priority = Priority::Urgent;
    urgent.closed = true;
    urgent.assigneeId = QUuid();
    urgent.aktenzeichen = Aktenzeichen(QStringLiteral("20.3.1"), 999999, 2999);
    QTest::newRow("case, closed, unassigned") << QVariant::fromValue(urgent);
    QTest::newRow("party, person") << QVariant::fromValue(person());
    QTest::newRow("party, organisation") << QVariant::fromValue(organisation());
    QTest::newRow("party, empty") << QVariant::fromValue(Party());
    QTest::newRow("note") << QVariant::fromValue(sampleNote());
    QTest::newRow("document") << QVariant::fromValue(sampleDocument());
    DocumentRef empty = sampleDocument();
    empty.size = 0;
    empty.kind = DocumentKind::Scan;
    empty.text.clear();
    empty.addedAt = QDateTime();
    QTest::newRow("document, empty file") << QVariant::fromValue(empty);
    QTest::newRow("user") << QVariant::fromValue(sampleUser());
    User plain;
    plain.id = clerkId;
    plain.login = QStringLiteral("poststelle");
    QTest::newRow("user, no roles") << QVariant::fromValue(plain);
    QTest::newRow("team") << QVariant::fromValue(sampleTeam());
    for (const Command &sample : sampleCommands())
        QTest::newRow(qPrintable(QStringLiteral("command ") + commandNameToString(sample.name)))
            << QVariant::fromValue(sample);
}

void TestJson::roundTrip()
{
    QFETCH(QVariant, value);
    if (value.canConvert<Case>())
        checkRoundTrip(value.value<Case>());
    else if (value.canConvert<Party>())
        checkRoundTrip(value.value<Party>());
    else if (value.canConvert<Note>())
        checkRoundTrip(value.value<Note>());
    else if (value.canConvert<DocumentRef>())
        checkRoundTrip(value.value<DocumentRef>());
    else if (value.canConvert<User>())
        checkRoundTrip(value.value<User>());
    else if (value.canConvert<Team>())
        checkRoundTrip(value.value<Team>());
    else if (value.canConvert<Command>())
        checkRoundTrip(value.value<Command>());
    else
        QFAIL("unknown type in the table");
}

void TestJson::wireFormats()
{
    const QJsonObject json = fullCase().toJson();
    QCOMPARE(json.value(QLatin1String("id")).toString(), QStringLiteral("0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d"));
    QCOMPARE(json.value(QLatin1String("aktenzeichen")).toString(), QStringLiteral("32.10-000123/2026"));
    QCOMPARE(json.value(QLatin1String("priority")).toString(), QStringLiteral("high"));
    QCOMPARE(json.value(QLatin1String("receivedDate")).toString(), QStringLiteral("2026-03-02"));
    // 10:00:00.123 in Berlin (winter time, UTC+1) and 08:15:00.999 in summer time (UTC+2).
    QCOMPARE(json.value(QLatin1String("createdAt")).toString(), QStringLiteral("2026-03-02T09:00:00.123Z"));
    QCOMPARE(json.value(QLatin1String("updatedAt")).toString(), QStringLiteral("2026-07-01T06:15:00.999Z"));
    QCOMPARE(json.value(QLatin1String("applicant")).toObject().value(QLatin1String("familyName")).toString(),
             QStringLiteral("Müller-Weiß"));
    QCOMPARE(json.value(QLatin1String("version")).toInteger(), 42);

    const QJsonObject provisional = provisionalCase().toJson();
    for (const char *absent : {"aktenzeichen", "assigneeId", "teamId", "followUpDate", "createdAt"}) {
        const QJsonValue value = provisional.value(QLatin1String(absent));
        QVERIFY2(value.isUndefined() || value.toString().isEmpty(), absent);
    }

    const QJsonObject user = sampleUser().toJson();
    QCOMPARE(user.value(QLatin1String("roles")).toArray(),
             (QJsonArray{QStringLiteral("clerk"), QStringLiteral("teamLead")}));
    QCOMPARE(sampleDocument().toJson().value(QLatin1String("kind")).toString(), QStringLiteral("evidence"));
    QCOMPARE(sampleDocument().toJson().value(QLatin1String("size")).toInteger(), 5'368'709'120);
    const QJsonObject envelope = sampleCommands().constFirst().toJson();
    QCOMPARE(envelope.value(QLatin1String("name")).toString(), QStringLiteral("createCase"));
    QCOMPARE(envelope.value(QLatin1String("madeAt")).toString(), QStringLiteral("2026-03-02T09:00:00.001Z"));
    QCOMPARE(envelope.value(QLatin1String("clientSeq")).toInteger(), 17);
}

void TestJson::emptyAndNullReadBackAsNull()
{
    QJsonObject json = fullCase().toJson();
    json.insert(QLatin1String("aktenzeichen"), QString());
    json.insert(QLatin1String("assigneeId"), QJsonValue::Null);
    json.insert(QLatin1String("teamId"), QString());
    json.insert(QLatin1String("followUpDate"), QString());
    json.insert(QLatin1String("statutoryDeadline"), QJsonValue::Null);
    json.insert(QLatin1String("updatedAt"), QString());
    json.remove(QLatin1String("createdAt"));
    const Result<Case> parsed = Case::fromJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QVERIFY(parsed->aktenzeichen.isNull());
    QVERIFY(parsed->assigneeId.isNull());
    QVERIFY(parsed->teamId.isNull());
    QVERIFY(parsed->followUpDate.isNull());
    QVERIFY(parsed->statutoryDeadline.isNull());
    QVERIFY(!parsed->updatedAt.isValid());
    QVERIFY(!parsed->createdAt.isValid());
    QCOMPARE(parsed->title, fullCase().title);
}

void TestJson::dateTimeWithOffsetIsUtc()
{
    QJsonObject json = sampleNote().toJson();
    const QDateTime expected(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    for (const char *text : {"2026-03-02T09:00:00Z", "2026-03-02T09:00:00.000Z", "2026-03-02T10:00:00+01:00",
                             "2026-03-02T04:30:00.0-04:30"}) {
        json.insert(QLatin1String("createdAt"), QLatin1String(text));
        const Result<Note> note = Note::fromJson(json);
        QVERIFY2(note.ok(), text);
        QCOMPARE(note->createdAt, expected);
        QCOMPARE(note->createdAt.timeSpec(), Qt::UTC);
        QCOMPARE(note->toJson().value(QLatin1String("createdAt")).toString(),
                 QStringLiteral("2026-03-02T09:00:00.000Z"));
    }
}

void TestJson::datesWrittenLikeQt_data()
{
    // The hand-written formatters against Qt's own ISO output, across zones, day ends and the epoch.
    QTest::addColumn<QDateTime>("dateTime");
    QTest::newRow("utc") << QDateTime(QDate(2026, 11, 26), QTime(10, 5, 7, 42), Qt::UTC);
    QTest::newRow("berlin winter") << berlin(2026, 1, 1, 0, 30, 5);
    QTest::newRow("berlin summer") << berlin(2026, 7, 1, 1, 59, 999);
    QTest::newRow("last ms of a day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    QTest::newRow("before the epoch") << QDateTime::fromMSecsSinceEpoch(-1, Qt::UTC);
    QTest::newRow("1900") << QDateTime(QDate(1900, 3, 1), QTime(12, 0), Qt::UTC);
    QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("year 10000") << QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("year 0") << QDateTime(QDate(-1, 12, 31), QTime(0, 0), Qt::UTC);
}

void TestJson::datesWrittenLikeQt()
{
    QFETCH(QDateTime, dateTime);
    QCOMPARE(json::dateTimeToString(dateTime), dateTime.toUTC().toString(Qt::ISODateWithMs));
    const QDate date = dateTime.date();
    QCOMPARE(json::dateToString(date), date.toString(Qt::ISODate));
    if (date.year() >= 1 && date.year() <= 9999) // the wire format has four-digit years
        QCOMPARE(json::dateTimeFromString(json::dateTimeToString(dateTime)).value_or(QDateTime()), dateTime);
}

void TestJson::enumStrings()
{
    // Every enum value has a distinct key that reads back as itself; unknown keys are rejected.
    const auto check = [](auto count, auto toString, auto fromString) {
        using Enum = decltype(count);
        QSet<QString> keys;
        for (int i = 0; i <= int(count); ++i) {
            const Enum value = Enum(i);
            const QString key = toString(value);
            QVERIFY(!key.isEmpty());
            QVERIFY2(key.at(0).isLower() && !key.contains(u' ') && !key.contains(u'_'), qPrintable(key));
            keys.insert(key);
            Enum back{};
            QVERIFY(fromString(key, &back));
            QCOMPARE(back, value);
            QVERIFY(!fromString(key.toUpper(), &back));
        }
        QCOMPARE(keys.size(), qsizetype(int(count) + 1));
        Enum unused{};
        QVERIFY(!fromString(QString(), &unused));
        QVERIFY(!fromString(QStringLiteral("unbekannt"), &unused));
    };
    check(Priority::Urgent, priorityToString, priorityFromString);
    check(DocumentKind::Other, documentKindToString, documentKindFromString);
    check(CommandName::SetDeputy, commandNameToString, commandNameFromString);
    check(Role::Auditor, roleToString, roleFromString);

    QCOMPARE(roleToString(Role::TeamLead), QStringLiteral("teamLead"));
    QCOMPARE(commandNameToString(CommandName::UpdateDocumentMeta), QStringLiteral("updateDocumentMeta"));
    QCOMPARE(priorityToString(Priority::Normal), QStringLiteral("normal"));
    QCOMPARE(documentKindToString(DocumentKind::Correspondence), QStringLiteral("correspondence"));
}

void TestJson::roleDisplayNames()
{
    // No translator is installed in the test: the English source strings show.
    QCOMPARE(roleDisplayName(Role::Clerk), QStringLiteral("Clerk"));
    QCOMPARE(roleDisplayName(Role::TeamLead), QStringLiteral("Team lead"));
    QCOMPARE(roleDisplayName(Role::Mailroom), QStringLiteral("Mailroom"));
    QCOMPARE(roleDisplayName(Role::Administrator), QStringLiteral("Administrator"));
    QCOMPARE(roleDisplayName(Role::Auditor), QStringLiteral("Auditor"));
}

void TestJson::displayAktenzeichen()
{
    QCOMPARE(fullCase().displayAktenzeichen(), QStringLiteral("32.10-000123/2026"));
    QCOMPARE(provisionalCase().displayAktenzeichen(), QStringLiteral("provisional 0190F5C2"));
    Case other = provisionalCase();
    other.id = id(u"abcdef12-0000-7000-8000-000000000000");
    QCOMPARE(other.displayAktenzeichen(), QStringLiteral("provisional ABCDEF12"));
}

void TestJson::partyDisplayName_data()
{
    QTest::addColumn<QString>("givenName");
    QTest::addColumn<QString>("familyName");
    QTest::addColumn<QString>("organisation");
    QTest::addColumn<QString>("expected");

    QTest::newRow("person") << "Anna"
                            << "Müller"
                            << ""
                            << "Müller, Anna";
    QTest::newRow("organisation wins") << "Anna"
                                       << "Müller"
                                       << "Größle GmbH"
                                       << "Größle GmbH";
    QTest::newRow("organisation only") << ""
                                       << ""
                                       << "Verein für Straßenbäume e. V."
                                       << "Verein für Straßenbäume e. V.";
    QTest::newRow("family name only") << ""
                                      << "Özdemir"
                                      << ""
                                      << "Özdemir";
    QTest::newRow("given name only") << "Jürgen"
                                     << ""
                                     << ""
                                     << "Jürgen";
    QTest::newRow("nothing") << ""
                             << ""
                             << ""
                             << "";
}

void TestJson::partyDisplayName()
{
    QFETCH(QString, givenName);
    QFETCH(QString, familyName);
    QFETCH(QString, organisation);
    QFETCH(QString, expected);
    Party party;
    party.givenName = givenName;
    party.familyName = familyName;
    party.organisation = organisation;
    QCOMPARE(party.displayName(), expected);
}

void TestJson::malformed_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonObject>("base");
    QTest::addColumn<QString>("path");     // dotted path of the value to replace
    QTest::addColumn<QJsonValue>("value"); // undefined: remove it
    QTest::addColumn<QString>("field");    // the field the message must name

    const QJsonValue removed(QJsonValue::Undefined);
    const auto row = [](const char *tag, const QString &type, const QJsonObject &base, const char *path,
                        const QJsonValue &value, const char *field = nullptr) {
        QTest::newRow(tag) << type << base << QString::fromLatin1(path) << value
                           << QString::fromLatin1(field ? field : path);
    };
    const QString caseType = QStringLiteral("case");
    const QJsonObject caseJson = fullCase().toJson();
    row("case: id missing", caseType, caseJson, "id", removed);
    row("case: id empty", caseType, caseJson, "id", QString());
    row("case: id malformed", caseType, caseJson, "id", QStringLiteral("0190f5c2-7d1e-7a3b-8c4d"));
    row("case: id nil", caseType, caseJson, "id", QStringLiteral("00000000-0000-0000-0000-000000000000"));
    row("case: id a number", caseType, caseJson, "id", 42);
    row("case: teamId garbage", caseType, caseJson, "teamId", QStringLiteral("Team 32.1"));
    row("case: assigneeId array", caseType, caseJson, "assigneeId", QJsonArray());
    row("case: date 30 February", caseType, caseJson, "receivedDate", QStringLiteral("2026-02-30"));
    row("case: German date", caseType, caseJson, "receivedDate", QStringLiteral("02.03.2026"));
    row("case: date unpadded", caseType, caseJson, "statutoryDeadline", QStringLiteral("2026-3-2"));
    row("case: date with time", caseType, caseJson, "followUpDate", QStringLiteral("2026-03-02T00:00:00Z"));
    row("case: date a number", caseType, caseJson, "followUpDate", 20260302);
    row("case: year zero", caseType, caseJson, "receivedDate", QStringLiteral("0000-01-01"));
    row("case: date-time without zone", caseType, caseJson, "createdAt", QStringLiteral("2026-03-02T09:00:00"));
    row("case: date-time with blank", caseType, caseJson, "createdAt", QStringLiteral("2026-03-02 09:00:00Z"));
    row("case: date-time hour 24", caseType, caseJson, "updatedAt", QStringLiteral("2026-03-02T24:00:00Z"));
    row("case: date-time offset 15h", caseType, caseJson, "updatedAt", QStringLiteral("2026-03-02T09:00:00+15:00"));
    row("case: date-time before year 1", caseType, caseJson, "updatedAt", QStringLiteral("0001-01-01T00:30:00+01:00"));
    row("case: date-time after 9999", caseType, caseJson, "updatedAt", QStringLiteral("9999-12-31T23:30:00-01:00"));
    row("case: date-time four fraction digits", caseType, caseJson, "updatedAt",
        QStringLiteral("2026-03-02T09:00:00.1234Z"));
    row("case: unknown priority", caseType, caseJson, "priority", QStringLiteral("sehr hoch"));
    row("case: priority upper case", caseType, caseJson, "priority", QStringLiteral("High"));
    row("case: priority a number", caseType, caseJson, "priority", 2);
    row("case: invalid Aktenzeichen", caseType, caseJson, "aktenzeichen", QStringLiteral("32.10/123"));
    row("case: Aktenzeichen year", caseType, caseJson, "aktenzeichen", QStringLiteral("32.10-123/1850"));
    row("case: title a number", caseType, caseJson, "title", 5);
    row("case: applicant a string", caseType, caseJson, "applicant", QStringLiteral("Müller"));
    row("case: nested postcode a number", caseType, caseJson, "applicant.address.postcode", 70173);
    row("case: nested given name", caseType, caseJson, "applicant.givenName", true);
    row("case: form data an array", caseType, caseJson, "formData", QJsonArray{1, 2});
    row("case: workflow state a string", caseType, caseJson, "workflowState", QStringLiteral("pruefung"));
    row("case: negative version", caseType, caseJson, "version", -1);
    row("case: fractional version", caseType, caseJson, "version", 1.5);
    row("case: version as text", caseType, caseJson, "version", QStringLiteral("42"));
    row("case: huge version", caseType, caseJson, "version", 1e300);
    row("case: form version beyond int", caseType, caseJson, "formVersion", 3e9);
    row("case: negative process version", caseType, caseJson, "processVersion", -1);
    row("case: closed as text", caseType, caseJson, "closed", QStringLiteral("yes"));

    const QString documentType = QStringLiteral("document");
    const QJsonObject documentJson = sampleDocument().toJson();
    const QString sha = sampleDocument().sha256;
    row("document: sha256 upper case", documentType, documentJson, "sha256", sha.toUpper());
    row("document: sha256 too short", documentType, documentJson, "sha256", sha.left(63));
    row("document: sha256 too long", documentType, documentJson, "sha256", sha + u'0');
    row("document: sha256 not hex", documentType, documentJson, "sha256", sha.left(63) + u'g');
    row("document: sha256 missing", documentType, documentJson, "sha256", removed);
    row("document: negative size", documentType, documentJson, "size", -1);
    row("document: size as text", documentType, documentJson, "size", QStringLiteral("1024"));
    row("document: size missing", documentType, documentJson, "size", removed);
    row("document: unknown kind", documentType, documentJson, "kind", QStringLiteral("foto"));
    row("document: case id missing", documentType, documentJson, "caseId", removed);

    const QString userType = QStringLiteral("user");
    const QJsonObject userJson = sampleUser().toJson();
    row("user: unknown role", userType, userJson, "roles", QJsonArray{QStringLiteral("clerk"), QStringLiteral("boss")});
    row("user: role not in a list", userType, userJson, "roles", QStringLiteral("clerk"));
    row("user: role a number", userType, userJson, "roles", QJsonArray{1});
    row("user: team id garbage", userType, userJson, "teamIds", QJsonArray{QStringLiteral("32.1")});
    row("user: login missing", userType, userJson, "login", removed);
    row("user: login blank", userType, userJson, "login", QStringLiteral("  "));
    row("user: active as text", userType, userJson, "active", QStringLiteral("true"));

    const QString teamType = QStringLiteral("team");
    const QJsonObject teamJson = sampleTeam().toJson();
    row("team: file plan code", teamType, teamJson, "filePlanCode", QStringLiteral("32/10"));
    row("team: id missing", teamType, teamJson, "id", removed);
    row("team: name an object", teamType, teamJson, "name", QJsonObject());

    const QString noteType = QStringLiteral("note");
    const QJsonObject noteJson = sampleNote().toJson();
    row("note: case id missing", noteType, noteJson, "caseId", removed);
    row("note: created at in words", noteType, noteJson, "createdAt", QStringLiteral("gestern"));
    row("note: text a list", noteType, noteJson, "text", QJsonArray{QStringLiteral("a")});
}

void TestJson::malformed()
{
    QFETCH(QString, type);
    QFETCH(QJsonObject, base);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);

    QString unstable;
    // The unmodified sample is valid, so the rejection below is caused by the change alone.
    QVERIFY(!codec(type).parse(base, &unstable).has_value());
    const std::optional<Error> error = codec(type).parse(withValue(base, path, value), &unstable);
    QVERIFY2(error.has_value(), "accepted");
    QCOMPARE(error->code, ErrorCode::Invalid);
    QVERIFY2(error->message.contains(u'“' + field + u'”'), qPrintable(error->toString()));
}

void TestJson::deeplyNestedFormData()
{
    // What a hostile peer can send: the parser's nesting limit, and just below it.
    const auto nested = [](int depth) {
        QByteArray text = "{\"id\":\"0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d\",\"formData\":";
        text += QByteArray("{\"a\":").repeated(depth) + "1" + QByteArray("}").repeated(depth) + "}";
        return QJsonDocument::fromJson(text);
    };
    const QJsonDocument deep = nested(1000);
    QVERIFY(deep.isObject());
    const Result<Case> parsed = Case::fromJson(deep.object());
    QVERIFY(parsed.ok());
    checkRoundTrip(*parsed);
    // Beyond the parser's limit nothing reaches fromJson at all.
    QVERIFY(nested(100000).isNull());
}

void TestJson::fuzz()
{
    QRandomGenerator rng(test::testSeed());
    const QList<Codec> all = codecs();
    const Case replayTarget = fullCase();
    int accepted = 0;
    int rejected = 0;
    for (int iteration = 0; iteration < 20000; ++iteration) {
        const Codec &entry = all.at(rng.bounded(all.size()));
        const QJsonObject sample = entry.samples.at(rng.bounded(entry.samples.size()));
        QJsonObject input;
        if (rng.bounded(5) == 0) {
            input = damagedText(sample, rng);
        } else {
            QJsonValue value = sample;
            for (int i = 1 + rng.bounded(4); i > 0; --i)
                mutate(value, rng);
            input = value.toObject();
        }

        QString unstable;
        const std::optional<Error> error = entry.parse(input, &unstable);
        const QByteArray shown = QJsonDocument(input).toJson(QJsonDocument::Compact).left(2000);
        QVERIFY2(unstable.isEmpty(), qPrintable(entry.type + QStringLiteral(": ") + unstable + QStringLiteral(": ") +
                                                QString::fromUtf8(shown)));
        if (error) {
            ++rejected;
            QCOMPARE(error->code, ErrorCode::Invalid);
            QVERIFY2(!error->message.isEmpty(), shown.constData());
        } else {
            ++accepted;
        }

        // Whatever command survived the codec also replays without harm.
        if (entry.type == QLatin1String("command") && !error) {
            Case target = replayTarget;
            const Result<void> replayed = replayCommand(*Command::fromJson(input), clerkId, &target);
            if (!replayed)
                QCOMPARE(target, replayTarget);
        }
    }
    qInfo("fuzz: %d accepted, %d rejected", accepted, rejected);
    // The mutations must exercise both paths, or the loop tests nothing.
    QVERIFY(accepted > 100);
    QVERIFY(rejected > 100);
}

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
