// Sample values and helpers shared by the JSON tests; see JsonSamples.h.
#include "JsonSamples.h"

#include "core/Role.h"
#include "core/Uuid.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStringList>
#include <QTime>
#include <QTimeZone>

#include <iterator>

namespace casedesk::test {

QUuid id(const char16_t *text)
{
    return QUuid::fromString(QStringView(text));
}

const QUuid caseId = id(u"0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d");
const QUuid teamId = id(u"0190f5c2-0000-7000-8000-0000000000e1");
const QUuid clerkId = id(u"0190f5c2-0000-7000-8000-00000000a001");

QDateTime berlin(int year, int month, int day, int hour, int minute, int ms)
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
    result.processVersion = 2;
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

DocumentRef attachableDocument()
{
    DocumentRef document = sampleDocument();
    document.size = CommandLimits::DocumentSize; // the most a document may have
    return document;
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
        command(CommandName::AttachDocument, QJsonObject{{QStringLiteral("document"), attachableDocument().toJson()}}),
        command(CommandName::UpdateDocumentMeta,
                QJsonObject{{QStringLiteral("documentId"), uuidToString(sampleDocument().id)},
                            {QStringLiteral("name"), QStringLiteral("Fahrzeugschein_Müller-Weiß.pdf")},
                            {QStringLiteral("kind"), QStringLiteral("correspondence")}}),
        command(CommandName::RequestConsultation,
                QJsonObject{{QStringLiteral("team"), QStringLiteral("0190f5c2-0000-7000-8000-0000000000e2")}}),
        command(CommandName::SetDeputy,
                QJsonObject{{QStringLiteral("user"), uuidToString(clerkId)},
                            {QStringLiteral("deputy"), QStringLiteral("0190f5c2-0000-7000-8000-00000000a002")},
                            {QStringLiteral("from"), QStringLiteral("2026-03-02")},
                            {QStringLiteral("until"), QStringLiteral("2026-03-13")}}),
        command(CommandName::EndConsultation,
                QJsonObject{{QStringLiteral("team"), QStringLiteral("0190f5c2-0000-7000-8000-0000000000e2")}}),
    };
}

namespace {

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

} // namespace

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

} // namespace

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

} // namespace casedesk::test
