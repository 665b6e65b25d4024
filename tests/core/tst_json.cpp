// JSON codec of the core value types: round-trips of realistic German data, the wire formats, rejection of
// malformed input with the field named, and a fuzz loop that feeds mutated JSON to every fromJson.
#include "core/Case.h"
#include "core/Command.h"
#include "core/CommandReplay.h"
#include "core/DocumentRef.h"
#include "core/JsonFields.h"
#include "core/Note.h"
#include "core/Party.h"
#include "core/Role.h"
#include "core/Team.h"
#include "core/User.h"
#include "core/Uuid.h"
#include "mock/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <functional>
#include <optional>

using namespace casedesk;

Q_DECLARE_METATYPE(casedesk::Case)
Q_DECLARE_METATYPE(casedesk::Party)
Q_DECLARE_METATYPE(casedesk::Note)
Q_DECLARE_METATYPE(casedesk::DocumentRef)
Q_DECLARE_METATYPE(casedesk::User)
Q_DECLARE_METATYPE(casedesk::Team)
Q_DECLARE_METATYPE(casedesk::Command)

namespace {

QUuid id(const char16_t *text)
{
    return QUuid::fromString(QStringView(text));
}

const QUuid caseId = id(u"0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d");
const QUuid teamId = id(u"0190f5c2-0000-7000-8000-0000000000e1");
const QUuid clerkId = id(u"0190f5c2-0000-7000-8000-00000000a001");

QDateTime berlin(int year, int month, int day, int hour, int minute, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, 0, ms), QTimeZone("Europe/Berlin"));
}

Party person()
{
    Party party;
    party.salutation = QStringLiteral("Frau");
    party.givenName = QStringLiteral("Jürgen-Özlem");
    party.familyName = QStringLiteral("Müller-Weiß");
    party.address = {QStringLiteral("Königstraße"), QStringLiteral("12a"), QStringLiteral("70173"),
                     QStringLiteral("Stuttgart"), QStringLiteral("Stuttgart-Mitte")};
    party.email = QStringLiteral("oezlem.mueller@example.de");
    party.phone = QStringLiteral("+49 711 216-0");
    return party;
}

Party organisation()
{
    Party party;
    party.organisation = QStringLiteral("Bäckerei Größle GmbH & Co. KG");
    party.address = {QStringLiteral("Tübinger Straße"), QStringLiteral("5"), QStringLiteral("70178"),
                     QStringLiteral("Stuttgart"), QStringLiteral("Stuttgart-Süd")};
    return party;
}

Case fullCase()
{
    Case result;
    result.id = caseId;
    result.aktenzeichen = Aktenzeichen(QStringLiteral("32.10"), 123, 2026);
    result.caseType = QStringLiteral("bewohnerparken");
    result.title = QStringLiteral("Bewohnerparkausweis Zone S-West, Müller-Weiß");
    result.applicant = person();
    result.teamId = teamId;
    result.assigneeId = clerkId;
    result.priority = Priority::High;
    result.receivedDate = QDate(2026, 3, 2);
    result.statutoryDeadline = QDate(2026, 6, 2);
    result.followUpDate = QDate(2026, 3, 16);
    result.workflowState = QJsonObject{{QStringLiteral("tokens"), QJsonArray{QStringLiteral("pruefung")}}};
    result.statusText = QStringLiteral("Prüfung");
    result.formData = QJsonObject{
        {QStringLiteral("kennzeichen"), QStringLiteral("S-ÄÖ 1234")},
        {QStringLiteral("anzahl"), 2},
        {QStringLiteral("gebuehrCent"), 3070},
        {QStringLiteral("zweitwohnsitz"), false},
        {QStringLiteral("fahrzeuge"),
         QJsonArray{QJsonObject{{QStringLiteral("marke"), QStringLiteral("Škoda")}}, QJsonValue::Null}},
    };
    result.formVersion = 3;
    result.version = 42;
    result.createdAt = berlin(2026, 3, 2, 10, 0, 123);
    result.updatedAt = berlin(2026, 7, 1, 8, 15, 999); // summer time
    return result;
}

Case provisionalCase()
{
    Case result;
    result.id = caseId;
    result.caseType = QStringLiteral("baumfaellung");
    result.title = QStringLiteral("Fällung einer Blutbuche, Weißenhofsiedlung");
    result.applicant = organisation();
    result.receivedDate = QDate(2026, 2, 28);
    return result;
}

Note sampleNote()
{
    Note note;
    note.id = id(u"0190f5c2-0000-7000-8000-0000000000d1");
    note.caseId = caseId;
    note.authorId = clerkId;
    note.createdAt = berlin(2026, 3, 3, 14, 5);
    note.text = QStringLiteral("Telefonat mit Frau Müller-Weiß: Meldebescheinigung folgt.\nÄnderung der Straße "
                               "geprüft – „Königstraße“ ist korrekt.");
    return note;
}

DocumentRef sampleDocument()
{
    DocumentRef document;
    document.id = id(u"0190f5c2-0000-7000-8000-0000000000f1");
    document.caseId = caseId;
    document.sha256 = QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    document.size = 5'368'709'120; // beyond 32 bits
    document.name = QStringLiteral("Fahrzeugschein_Müller.pdf");
    document.mimeType = QStringLiteral("application/pdf");
    document.kind = DocumentKind::Evidence;
    document.addedAt = berlin(2026, 3, 2, 9, 30);
    document.text = QStringLiteral("Zulassungsbescheinigung Teil I … Halterin: Müller-Weiß");
    return document;
}

User sampleUser()
{
    User user;
    user.id = clerkId;
    user.login = QStringLiteral("j.mueller-weiss");
    user.displayName = QStringLiteral("Jürgen Müller-Weiß");
    user.roles = {Role::Clerk, Role::TeamLead};
    user.teamIds = {teamId, id(u"0190f5c2-0000-7000-8000-0000000000e2")};
    user.active = false;
    return user;
}

Team sampleTeam()
{
    Team team;
    team.id = teamId;
    team.code = QStringLiteral("67.2");
    team.name = QStringLiteral("Baumschutz und Grünflächen");
    team.filePlanCode = QStringLiteral("67.20");
    return team;
}

Command command(CommandName name, const QJsonObject &args)
{
    Command result;
    result.id = id(u"0190f5c2-1111-7000-8000-000000000001");
    result.clientId = id(u"0190f5c2-2222-7000-8000-000000000002");
    result.clientSeq = 17;
    result.caseId = caseId;
    result.name = name;
    result.args = args;
    result.madeAt = berlin(2026, 3, 2, 10, 0, 1);
    return result;
}

QJsonObject fieldEdit(const QJsonValue &oldValue, const QJsonValue &newValue)
{
    return QJsonObject{{QStringLiteral("old"), oldValue}, {QStringLiteral("new"), newValue}};
}

QList<Command> sampleCommands()
{
    return {
        command(CommandName::CreateCase, QJsonObject{{QStringLiteral("case"), provisionalCase().toJson()}}),
        command(CommandName::SetFields,
                QJsonObject{{QStringLiteral("fields"),
                             QJsonObject{{QStringLiteral("kennzeichen"),
                                          fieldEdit(QStringLiteral("S-ÄÖ 1234"), QStringLiteral("S-ÜB 99"))},
                                         {QStringLiteral("bemerkung"), fieldEdit(QJsonValue::Null, 1)}}}}),
        command(CommandName::Assign, QJsonObject{{QStringLiteral("expected"), QString()},
                                                 {QStringLiteral("assignee"), uuidToString(clerkId)}}),
        command(CommandName::Claim, QJsonObject{{QStringLiteral("expected"), uuidToString(clerkId)}}),
        command(CommandName::AddNote, QJsonObject{{QStringLiteral("note"), sampleNote().toJson()}}),
        command(CommandName::SetFollowUp, QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-03-16")}}),
        command(CommandName::CompleteTask, QJsonObject{{QStringLiteral("taskId"), QStringLiteral("pruefung")}}),
    };
}

// One entry per type: its JSON samples and a parse that reports failure as an Error. `stable` says whether a
// value that parsed survives toJson -> fromJson unchanged (the fuzz loop's property).
struct Codec {
    QString type;
    QList<QJsonObject> samples;
    std::function<std::optional<Error>(const QJsonObject &, QString *unstable)> parse;
};

template <typename T> std::optional<Error> parseStable(const QJsonObject &json, QString *unstable)
{
    const Result<T> first = T::fromJson(json);
    if (!first)
        return first.error();
    const Result<T> second = T::fromJson(first->toJson());
    if (!second)
        *unstable = QStringLiteral("re-encoded value rejected: ") + second.error().toString();
    else if (!(*second == *first))
        *unstable = QStringLiteral("re-encoded value differs");
    return std::nullopt;
}

QList<Codec> codecs()
{
    QList<QJsonObject> commandSamples;
    for (const Command &sample : sampleCommands())
        commandSamples.append(sample.toJson());
    return {
        {QStringLiteral("case"), {fullCase().toJson(), provisionalCase().toJson()}, parseStable<Case>},
        {QStringLiteral("party"), {person().toJson(), organisation().toJson()}, parseStable<Party>},
        {QStringLiteral("address"), {person().address.toJson()}, parseStable<PostalAddress>},
        {QStringLiteral("note"), {sampleNote().toJson()}, parseStable<Note>},
        {QStringLiteral("document"), {sampleDocument().toJson()}, parseStable<DocumentRef>},
        {QStringLiteral("user"), {sampleUser().toJson()}, parseStable<User>},
        {QStringLiteral("team"), {sampleTeam().toJson()}, parseStable<Team>},
        {QStringLiteral("command"), commandSamples, parseStable<Command>},
    };
}

Codec codec(const QString &type)
{
    for (const Codec &entry : codecs()) {
        if (entry.type == type)
            return entry;
    }
    qFatal("no codec %s", qPrintable(type));
}

// Sets (or with an undefined value removes) the value at a dotted path of nested objects.
QJsonObject withValue(QJsonObject json, QStringView path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf(u'.');
    const QString key = (dot < 0 ? path : path.left(dot)).toString();
    if (dot >= 0)
        json.insert(key, withValue(json.value(key).toObject(), path.mid(dot + 1), value));
    else if (value.isUndefined())
        json.remove(key);
    else
        json.insert(key, value);
    return json;
}

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

    const QString commandType = QStringLiteral("command");
    const QList<Command> commands = sampleCommands();
    const QJsonObject create = commands.at(0).toJson();
    const QJsonObject setFields = commands.at(1).toJson();
    const QJsonObject assign = commands.at(2).toJson();
    const QJsonObject claim = commands.at(3).toJson();
    const QJsonObject addNote = commands.at(4).toJson();
    const QJsonObject followUp = commands.at(5).toJson();
    row("command: unknown name", commandType, create, "name", QStringLiteral("deleteCase"));
    row("command: id missing", commandType, create, "id", removed);
    row("command: client id garbage", commandType, create, "clientId", QStringLiteral("laptop-7"));
    row("command: negative sequence", commandType, create, "clientSeq", -1);
    row("command: sequence missing", commandType, create, "clientSeq", removed);
    row("command: made at missing", commandType, create, "madeAt", removed);
    row("command: args missing", commandType, create, "args", removed);
    row("command: args a list", commandType, create, "args", QJsonArray());
    row("createCase: case missing", commandType, create, "args.case", removed, "args.case");
    row("createCase: other case id", commandType, create, "args.case.id",
        QStringLiteral("0190f5c2-7d1e-7a3b-8c4d-ffffffffffff"));
    row("createCase: bad date inside", commandType, create, "args.case.receivedDate", QStringLiteral("morgen"));
    row("setFields: no fields", commandType, setFields, "args.fields", QJsonObject());
    row("setFields: fields a list", commandType, setFields, "args.fields", QJsonArray());
    row("setFields: edit not an object", commandType, setFields, "args.fields.kennzeichen", QStringLiteral("S-X 1"));
    row("setFields: old missing", commandType, setFields, "args.fields.kennzeichen.old", removed,
        "args.fields.kennzeichen");
    row("setFields: new missing", commandType, setFields, "args.fields.kennzeichen.new", removed,
        "args.fields.kennzeichen");
    row("assign: expected missing", commandType, assign, "args.expected", removed);
    row("assign: assignee garbage", commandType, assign, "args.assignee", QStringLiteral("Frau Müller"));
    row("assign: assignee null", commandType, assign, "args.assignee", QJsonValue::Null);
    row("claim: expected a number", commandType, claim, "args.expected", 5);
    row("addNote: note missing", commandType, addNote, "args.note", removed);
    row("addNote: note of another case", commandType, addNote, "args.note.caseId",
        QStringLiteral("0190f5c2-7d1e-7a3b-8c4d-ffffffffffff"));
    row("setFollowUp: German date", commandType, followUp, "args.date", QStringLiteral("16.03.2026"));
    row("setFollowUp: date missing", commandType, followUp, "args.date", removed);
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

namespace {

QJsonValue randomValue(QRandomGenerator &rng, int depth = 0);

QString randomString(QRandomGenerator &rng)
{
    static const QStringList interesting = {
        QString(),
        QStringLiteral(" "),
        QStringLiteral("0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d"),
        QStringLiteral("{0190F5C2-7D1E-7A3B-8C4D-5E6F7A8B9C0D}"),
        QStringLiteral("00000000-0000-0000-0000-000000000000"),
        QStringLiteral("2026-02-29"),
        QStringLiteral("2028-02-29"),
        QStringLiteral("2026-13-01"),
        QStringLiteral("0001-01-01"),
        QStringLiteral("9999-12-31"),
        QStringLiteral("2026-03-02T09:00:00Z"),
        QStringLiteral("2026-03-02T09:00:00.5+14:00"),
        QStringLiteral("0001-01-01T00:00:00.000-14:00"),
        QStringLiteral("0001-01-01T00:30:00+01:00"),
        QStringLiteral("9999-12-31T23:59:59.999+00:00"),
        QStringLiteral("9999-12-31T23:30:00-01:00"),
        QStringLiteral("2026-03-02T23:59:60Z"),
        QStringLiteral("32.10-000123/2026"),
        QStringLiteral(" 1.2.3.4-1/1900 "),
        QStringLiteral("32.10-0/2026"),
        QStringLiteral("clerk"),
        QStringLiteral("teamLead"),
        QStringLiteral("urgent"),
        QStringLiteral("scan"),
        QStringLiteral("createCase"),
        QStringLiteral("setFields"),
        QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        QStringLiteral("Müller-Lüdenscheidt, Straße"),
        QStringLiteral("%1 %2 %n"),
        QString(QChar(0xD800)),
        QString(QChar(u'\0')),
    };
    switch (rng.bounded(4)) {
    case 0: {
        QString text(rng.bounded(40), Qt::Uninitialized);
        for (QChar &c : text)
            c = QChar(char16_t(rng.bounded(rng.bounded(2) ? 0x80 : 0x10000)));
        return text;
    }
    default:
        return interesting.at(rng.bounded(interesting.size()));
    }
}

QJsonValue randomValue(QRandomGenerator &rng, int depth)
{
    switch (rng.bounded(depth > 3 ? 8 : 11)) {
    case 0:
        return QJsonValue::Null;
    case 1:
        return rng.bounded(2) == 1;
    case 2: {
        static const double numbers[] = {0, -0.0, 1, -1, 1.5, 3e9, -3e9, 9007199254740993.0, 1e300, -1e300, 1e-300};
        return numbers[rng.bounded(int(std::size(numbers)))];
    }
    case 3:
        return qint64(rng.generate64());
    case 4:
    case 5:
    case 6:
        return randomString(rng);
    case 7:
        // Rarely a huge string: big inputs must be handled, not just small ones.
        return rng.bounded(200) == 0 ? QJsonValue(QString(1 << 20, u'ß')) : QJsonValue(QString());
    case 8: {
        QJsonArray array;
        for (int i = rng.bounded(4); i > 0; --i)
            array.append(randomValue(rng, depth + 1));
        return array;
    }
    case 9: {
        QJsonObject object;
        for (int i = rng.bounded(4); i > 0; --i)
            object.insert(randomString(rng), randomValue(rng, depth + 1));
        return object;
    }
    default: {
        QJsonValue deep = 1;
        for (int i = rng.bounded(300); i > 0; --i)
            deep = QJsonObject{{QStringLiteral("a"), deep}};
        return deep;
    }
    }
}

// Replaces, removes or adds something somewhere inside `value`.
void mutate(QJsonValue &value, QRandomGenerator &rng)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        const QStringList keys = object.keys();
        const int choice = rng.bounded(10);
        if (!keys.isEmpty() && choice < 6) {
            const QString key = keys.at(rng.bounded(keys.size()));
            QJsonValue child = object.value(key);
            mutate(child, rng);
            object.insert(key, child);
        } else if (!keys.isEmpty() && choice < 8) {
            object.remove(keys.at(rng.bounded(keys.size())));
        } else if (choice < 9) {
            object.insert(randomString(rng), randomValue(rng));
        } else {
            value = randomValue(rng);
            return;
        }
        value = object;
    } else if (value.isArray() && !value.toArray().isEmpty() && rng.bounded(2)) {
        QJsonArray array = value.toArray();
        const qsizetype index = rng.bounded(array.size());
        QJsonValue child = array.at(index);
        mutate(child, rng);
        array.replace(index, child);
        value = array;
    } else {
        value = randomValue(rng);
    }
}

// Byte-level damage to the serialised text: what arrives over a broken connection or from a bad peer.
QJsonObject damagedText(const QJsonObject &json, QRandomGenerator &rng)
{
    QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
    for (int i = 1 + rng.bounded(4); i > 0 && !text.isEmpty(); --i) {
        const qsizetype at = rng.bounded(text.size());
        switch (rng.bounded(3)) {
        case 0:
            text[at] = char(rng.bounded(256));
            break;
        case 1:
            text.remove(at, 1 + rng.bounded(8));
            break;
        default:
            text.insert(at, "\"{[,:]}\\\"0-9e"[rng.bounded(14)]);
            break;
        }
    }
    return QJsonDocument::fromJson(text).object();
}

} // namespace

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
