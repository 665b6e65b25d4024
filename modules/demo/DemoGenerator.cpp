#include "demo/DemoGenerator.h"

#include "core/Clock.h"
#include "core/DeadlineCalendar.h"
#include "demo/DemoLog.h"
#include "demo/DemoRandom.h"
#include "demo/DemoVocabulary.h"

#include <QTimeZone>

#include <algorithm>
#include <array>
#include <vector>

namespace casedesk::demo {

namespace {

constexpr int receivedWindowDays = 120; // received dates lie in the last 120 days, today included
constexpr qint64 msPerHour = 3'600'000;
constexpr quint64 tagIndexMask = (quint64(1) << 40) - 1;

// What an id's last 48 bits say, so ids of different entities never collide (see makeId).
enum class IdKind : quint64 { Case = 0, Note = 1, Document = 2, Team = 3, User = 4 };

// A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, variant 10; 12 bits of rand_a and the top
// 14 bits of rand_b from `random`, the low 48 bits of rand_b a tag (ordinal 4 bits, kind 4 bits, index
// 40 bits) that makes ids unique across indexes whatever the random bits are.
QUuid makeId(qint64 ms, quint64 random, IdKind kind, quint64 index, quint64 ordinal = 0)
{
    const quint64 tag = ((ordinal & 0xF) << 44) | (static_cast<quint64>(kind) << 40) | (index & tagIndexMask);
    const quint64 randB = (((random >> 12) & 0x3FFF) << 48) | tag; // 62 bits
    const quint64 timestamp = static_cast<quint64>(ms) & 0xFFFF'FFFF'FFFFULL;
    std::array<char, 16> bytes{};
    for (int i = 0; i < 6; ++i)
        bytes[static_cast<std::size_t>(i)] = static_cast<char>((timestamp >> (8 * (5 - i))) & 0xFF);
    bytes[6] = static_cast<char>(0x70 | ((random >> 8) & 0x0F));
    bytes[7] = static_cast<char>(random & 0xFF);
    bytes[8] = static_cast<char>(0x80 | ((randB >> 56) & 0x3F));
    for (int i = 9; i < 16; ++i)
        bytes[static_cast<std::size_t>(i)] = static_cast<char>((randB >> (8 * (15 - i))) & 0xFF);
    return QUuid::fromRfc4122(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
}

// The index bits of an id made by makeId (for notes and documents of a case).
quint64 idIndex(const QUuid &id)
{
    const QByteArray bytes = id.toRfc4122();
    quint64 tail = 0;
    for (int i = 11; i < 16; ++i)
        tail = (tail << 8) | static_cast<quint8>(bytes.at(i));
    return tail & tagIndexMask;
}

quint64 idBits(const QUuid &id)
{
    const QByteArray bytes = id.toRfc4122();
    quint64 bits = 0;
    for (int i = 0; i < 16; ++i)
        bits = DemoRandom::mix(bits ^ static_cast<quint8>(bytes.at(i)));
    return bits;
}

// Fixed world ids: timestamp 2024-01-01T00:00:00Z, no random bits.
constexpr qint64 worldEpochMs = 1'704'067'200'000;

struct CaseTypeSpec {
    const char *key;
    int weight; // per cent of all cases
    const char *teamCode;
    int periodMonths;     // statutory period from receipt
    const char *formFile; // the application form as a document
    const char *formHeading;
};

// Residents' parking dominates a Straßenverkehr team's intake; tree permits peak in winter.
constexpr CaseTypeSpec caseTypes[] = {
    {"bewohnerparken", 45, "32.1", 1, "Antrag_Bewohnerparkausweis.pdf", "Antrag auf einen Bewohnerparkausweis"},
    {"umweltzone", 15, "32.1", 3, "Antrag_Ausnahmegenehmigung_Umweltzone.pdf",
     "Antrag auf Ausnahmegenehmigung vom Verkehrsverbot in der Umweltzone"},
    {"baumfaellung", 25, "67.2", 3, "Antrag_Baumfaellgenehmigung.pdf",
     "Antrag auf Fällgenehmigung nach der Baumschutzsatzung"},
    {"buergerhaushalt", 15, "20.3", 3, "Vorschlag_Buergerhaushalt.pdf", "Vorschlag zum Bürgerhaushalt"},
};

struct TeamSpec {
    const char *code;
    const char *name;
    const char *filePlanCode;
};

constexpr TeamSpec teamSpecs[] = {
    {"32.1", "Straßenverkehr", "32.10"},
    {"67.2", "Baumschutz", "67.20"},
    {"20.3", "Bürgerhaushalt", "20.30"},
};

enum class Status { Eingang, Pruefung, Nachforderung, Mitzeichnung, Bescheid, Abgeschlossen };

struct StatusSpec {
    const char *key;
    const char *text;
};

constexpr StatusSpec statusSpecs[] = {
    {"eingang", "Eingang"},           {"pruefung", "Prüfung"},  {"nachforderung", "Nachforderung"},
    {"mitzeichnung", "Mitzeichnung"}, {"bescheid", "Bescheid"}, {"abgeschlossen", "Abgeschlossen"},
};

// Older cases are further along: closed grows from 0 % to 48 % over the window; with most cases recent
// that is about 15 % overall.
Status pickStatus(DemoRandom &rng, int ageDays)
{
    if (static_cast<int>(rng.below(1000)) < 480 * ageDays / (receivedWindowDays - 1))
        return Status::Abgeschlossen;
    const int roll = static_cast<int>(rng.below(100));
    if (ageDays < 7)
        return roll < 60 ? Status::Eingang : Status::Pruefung;
    if (roll < 10)
        return Status::Eingang;
    if (roll < 50)
        return Status::Pruefung;
    if (roll < 70)
        return Status::Nachforderung;
    if (roll < 85)
        return Status::Mitzeichnung;
    return Status::Bescheid;
}

Priority pickPriority(DemoRandom &rng)
{
    const quint32 roll = rng.below(100);
    if (roll < 12)
        return Priority::Low;
    if (roll < 78)
        return Priority::Normal;
    if (roll < 95)
        return Priority::High;
    return Priority::Urgent;
}

QString plate(DemoRandom &rng, const QString &prefix)
{
    static const QLatin1String letters("ABCDEFGHIJKLMNOPRSTUVWXYZ");
    QString text = prefix;
    text += u'-';
    const int letterCount = rng.percent(70) ? 2 : 1;
    for (int i = 0; i < letterCount; ++i)
        text += QChar(letters.at(rng.below(static_cast<quint32>(letters.size()))));
    text += u' ';
    text += QString::number(rng.between(1, 9999));
    return text;
}

QString digits(DemoRandom &rng, int count)
{
    QString text;
    text.reserve(count);
    text += QChar(static_cast<char16_t>(u'1' + rng.below(9))); // no leading zero
    for (int i = 1; i < count; ++i)
        text += QChar(static_cast<char16_t>(u'0' + rng.below(10)));
    return text;
}

QString sha256Hex(DemoRandom &rng)
{
    static const QLatin1String hex("0123456789abcdef");
    QString text;
    text.reserve(64);
    for (int word = 0; word < 4; ++word) {
        const quint64 bits = rng.next();
        for (int i = 15; i >= 0; --i)
            text += QChar(hex.at(static_cast<qsizetype>((bits >> (4 * i)) & 0xF)));
    }
    return text;
}

// Weighted choice over cumulative weights.
int pickWeighted(DemoRandom &rng, const std::vector<int> &cumulative)
{
    const int roll = static_cast<int>(rng.below(static_cast<quint32>(cumulative.back())));
    int i = 0;
    while (cumulative[static_cast<std::size_t>(i)] <= roll)
        ++i;
    return i;
}

QString replaced(QString text, const QString &token, const QString &value)
{
    return text.replace(token, value);
}

QString germanDate(const QDate &date)
{
    return date.toString(QStringLiteral("dd.MM.yyyy"));
}

// Labels of the form fields in the application's extracted text.
QString fieldLabel(const QString &key)
{
    static const QHash<QString, QString> labels = {
        {QStringLiteral("kennzeichen"), QStringLiteral("Kennzeichen")},
        {QStringLiteral("parkzone"), QStringLiteral("Parkzone")},
        {QStringLiteral("emissionsklasse"), QStringLiteral("Schadstoffklasse")},
        {QStringLiteral("grund"), QStringLiteral("Begründung")},
        {QStringLiteral("baumart"), QStringLiteral("Baumart")},
        {QStringLiteral("stammumfang_cm"), QStringLiteral("Stammumfang in cm")},
        {QStringLiteral("ersatzpflanzung"), QStringLiteral("Ersatzpflanzung")},
        {QStringLiteral("vorschlag"), QStringLiteral("Vorschlag")},
        {QStringLiteral("kosten_cent"), QStringLiteral("Geschätzte Kosten")},
    };
    return labels.value(key, key);
}

QString fieldText(const QString &key, const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? QStringLiteral("ja") : QStringLiteral("nein");
    if (key == QLatin1String("kosten_cent"))
        return QString::number(value.toInteger() / 100) + QStringLiteral(" €");
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

} // namespace

struct DemoGenerator::Tables {
    struct Day {
        QDate date;
        qint64 localNoonUtcMs; // 12:00 Europe/Berlin of that day, in ms since the epoch
        QDate deadline[2];     // received + 1 month, + 3 months (§ 31 LVwVfG)
    };
    struct TeamStaff {
        QUuid id;
        QString filePlanCode;
        QUuid leadId;
        QList<QUuid> clerkIds;
    };

    QTimeZone zone;
    std::vector<Day> days; // index: age in days (0 = today)
    std::vector<TeamStaff> teams;
    QHash<QUuid, int> teamIndex;
    std::array<int, std::size(caseTypes)> caseTypeTeam{};
    std::array<QString, std::size(caseTypes)> caseTypeKeys;
    std::vector<int> caseTypeWeights;  // cumulative
    std::vector<int> districtWeights;  // cumulative, by population
    std::vector<int> parkingDistricts; // indexes of districts with residents' parking
    std::vector<int> parkingWeights;   // cumulative over parkingDistricts
    QStringList districtLabels;        // "Stuttgart-West"
    QJsonObject placeholderStates[std::size(statusSpecs)];
    QString statusTexts[std::size(statusSpecs)];

    // Ms since the epoch of `secondsOfDay` after local midnight (Europe/Berlin) on `date`; the day table
    // answers for the received window, the time zone for anything else.
    qint64 localMs(const QDate &date, int secondsOfDay) const
    {
        const qint64 age = date.daysTo(days.front().date);
        if (age >= 0 && age < qint64(days.size()))
            return days[static_cast<std::size_t>(age)].localNoonUtcMs + (secondsOfDay - 43'200) * qint64(1000);
        return QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch() + secondsOfDay * qint64(1000);
    }

    // A moment in office hours (7:30 to 17:00) on the first working day from `date`, but not after `latest`.
    qint64 officeTime(DemoRandom &rng, const QDate &date, const QDate &latest) const
    {
        const QDate day = std::min(DeadlineCalendar::nextWorkingDay(date), latest);
        return localMs(day, rng.between(7 * 3600 + 1800, 17 * 3600));
    }

    QDate localDate(qint64 ms) const { return QDateTime::fromMSecsSinceEpoch(ms, zone).date(); }

    int stageOf(const QString &statusText) const
    {
        for (std::size_t i = 0; i < std::size(statusTexts); ++i) {
            if (statusTexts[i] == statusText)
                return static_cast<int>(i);
        }
        return static_cast<int>(Status::Pruefung);
    }

    int caseTypeOf(const QString &key) const
    {
        for (std::size_t i = 0; i < caseTypeKeys.size(); ++i) {
            if (caseTypeKeys[i] == key)
                return static_cast<int>(i);
        }
        return -1;
    }
};

DemoGenerator::DemoGenerator(quint64 seed, QDate today) : m_seed(seed), m_today(today)
{
    if (!m_today.isValid()) {
        m_today = Clock::current().today();
        qCWarning(lcDemo) << "Demo generator: invalid anchor date, using today" << m_today;
    }
    const DemoVocabulary &vocabulary = DemoVocabulary::instance();
    auto tables = std::make_shared<Tables>();
    tables->zone = QTimeZone(QByteArrayLiteral("Europe/Berlin"));
    if (!tables->zone.isValid())
        tables->zone = QTimeZone(3600); // no time zone database: Central European (standard) Time

    for (int age = 0; age < receivedWindowDays; ++age) {
        const QDate date = m_today.addDays(-age);
        const qint64 noon = QDateTime(date, QTime(12, 0), tables->zone).toMSecsSinceEpoch();
        tables->days.push_back({date,
                                noon,
                                {DeadlineCalendar::periodEnd(date, Period{1, PeriodUnit::Months}),
                                 DeadlineCalendar::periodEnd(date, Period{3, PeriodUnit::Months})}});
    }

    for (const TeamSpec &spec : teamSpecs) {
        const auto number = static_cast<quint64>(m_world.teams.size());
        Team team{makeId(worldEpochMs, 0, IdKind::Team, number), QString::fromUtf8(spec.code),
                  QString::fromUtf8(spec.name), QString::fromUtf8(spec.filePlanCode)};
        tables->teamIndex.insert(team.id, int(number));
        tables->teams.push_back({team.id, team.filePlanCode, {}, {}});
        m_world.teams.append(team);
    }
    auto teamByCode = [this](const QString &code) {
        for (qsizetype i = 0; i < m_world.teams.size(); ++i) {
            if (m_world.teams.at(i).code == code)
                return int(i);
        }
        return -1;
    };

    for (const DemoStaffMember &member : vocabulary.staff) {
        User user;
        user.id = makeId(worldEpochMs, 0, IdKind::User, quint64(m_world.users.size()));
        user.login =
            DemoVocabulary::asciiFold(member.givenName.left(1)) + u'.' + DemoVocabulary::asciiFold(member.familyName);
        user.displayName = member.givenName + u' ' + member.familyName;
        user.roles = {member.role};
        for (const QString &code : member.teamCodes) {
            const int team = teamByCode(code);
            user.teamIds.append(m_world.teams.at(team).id);
            Tables::TeamStaff &staff = tables->teams[static_cast<std::size_t>(team)];
            if (member.role == Role::TeamLead)
                staff.leadId = user.id;
            else if (member.role == Role::Clerk)
                staff.clerkIds.append(user.id);
        }
        m_world.users.append(user);
    }

    int cumulative = 0;
    for (std::size_t i = 0; i < std::size(caseTypes); ++i) {
        const CaseTypeSpec &type = caseTypes[i];
        tables->caseTypeKeys[i] = QString::fromLatin1(type.key);
        tables->caseTypeTeam[i] = teamByCode(QString::fromLatin1(type.teamCode));
        m_world.teamByCaseType.insert(tables->caseTypeKeys[i], m_world.teams.at(tables->caseTypeTeam[i]).id);
        cumulative += type.weight;
        tables->caseTypeWeights.push_back(cumulative);
    }

    int population = 0;
    int parking = 0;
    for (qsizetype i = 0; i < vocabulary.districts.size(); ++i) {
        const DemoDistrict &district = vocabulary.districts.at(i);
        population += district.population;
        tables->districtWeights.push_back(population);
        tables->districtLabels.append(QStringLiteral("Stuttgart-") + district.name);
        if (district.parkZones > 0) {
            parking += district.population;
            tables->parkingDistricts.push_back(int(i));
            tables->parkingWeights.push_back(parking);
        }
    }

    for (std::size_t i = 0; i < std::size(statusSpecs); ++i) {
        tables->statusTexts[i] = QString::fromUtf8(statusSpecs[i].text);
        // Placeholder until the workflow engine lands (issue "workflow"): then this becomes a real engine
        // state of the case type's bundled process model.
        tables->placeholderStates[i] = QJsonObject{{QStringLiteral("placeholder"), true},
                                                   {QStringLiteral("status"), QString::fromLatin1(statusSpecs[i].key)}};
    }
    m_tables = std::move(tables);
}

Case DemoGenerator::makeCase(qint64 index) const
{
    if (index < 0 || index >= maxCaseCount)
        return {};
    const Tables &t = *m_tables;
    const DemoVocabulary &v = DemoVocabulary::instance();
    DemoRandom rng(DemoRandom::mix(DemoRandom::mix(m_seed) ^ DemoRandom::mix(quint64(index) + 1)));

    const int typeIndex = pickWeighted(rng, t.caseTypeWeights);
    const CaseTypeSpec &type = caseTypes[typeIndex];
    const Tables::TeamStaff &team = t.teams[static_cast<std::size_t>(t.caseTypeTeam[typeIndex])];
    // Most of an inbox is recent: 60 % from the last 45 days, the rest spread over the whole window.
    const int age = static_cast<int>(rng.percent(60) ? rng.below(45) : rng.below(receivedWindowDays));
    const Tables::Day &day = t.days[static_cast<std::size_t>(age)];
    const int secondsOfDay = rng.between(6 * 3600, 22 * 3600 - 1); // portal submissions and mail hours
    const qint64 createdMs = day.localNoonUtcMs + (secondsOfDay - 43'200) * qint64(1000) + rng.below(1000);

    Case c;
    c.id = makeId(createdMs, rng.next(), IdKind::Case, quint64(index));
    c.aktenzeichen = Aktenzeichen(team.filePlanCode, int(index + 1), day.date.year());
    c.caseType = t.caseTypeKeys[static_cast<std::size_t>(typeIndex)];
    c.teamId = team.id;
    c.receivedDate = day.date;
    c.statutoryDeadline = day.deadline[type.periodMonths == 1 ? 0 : 1];

    const Status status = pickStatus(rng, age);
    const auto statusIndex = static_cast<std::size_t>(status);
    c.statusText = t.statusTexts[statusIndex];
    c.closed = status == Status::Abgeschlossen;
    c.workflowState = t.placeholderStates[statusIndex];

    // New intake waits for the team lead to distribute it; a few older cases lost their clerk (absence).
    const int unassignedChance = status == Status::Eingang ? 85 : (c.closed ? 0 : 12);
    if (!rng.percent(unassignedChance))
        c.assigneeId = rng.pick(team.clerkIds);
    c.priority = pickPriority(rng);
    if (!c.closed) {
        if (status == Status::Nachforderung)
            c.followUpDate = m_today.addDays(rng.between(-4, 14)); // when the requested papers are due
        else if (rng.percent(15))
            c.followUpDate = m_today.addDays(rng.between(-2, 28));
        if (c.followUpDate.isValid() && c.followUpDate < c.receivedDate)
            c.followUpDate = c.receivedDate.addDays(1);
    }

    // The applicant: where they live decides the parking zone and the district in the title.
    const bool bewohnerparken = typeIndex == 0;
    const int districtIndex = bewohnerparken
                                  ? t.parkingDistricts[static_cast<std::size_t>(pickWeighted(rng, t.parkingWeights))]
                                  : pickWeighted(rng, t.districtWeights);
    const DemoDistrict &district = v.districts.at(districtIndex);
    const DemoStreet &street = rng.pick(district.streets);
    QString houseNumber = QString::number(rng.between(1, 140));
    if (rng.percent(8))
        houseNumber += QChar(static_cast<char16_t>(u'a' + rng.below(3)));

    Party &p = c.applicant;
    const bool female = rng.percent(52);
    const DemoName &given = rng.pick(female ? v.femaleNames : v.maleNames);
    const DemoName &family = rng.pick(v.familyNames);
    p.givenName = given.text;
    p.familyName = family.text;
    p.address = {street.name, houseNumber, street.postcode, QStringLiteral("Stuttgart"),
                 t.districtLabels.at(districtIndex)};
    const bool company = typeIndex == 1 && rng.percent(35);
    const bool association = typeIndex == 3 && rng.percent(25);
    if (company) {
        const QString &trade = rng.pick(v.trades);
        p.organisation = trade + u' ' + family.text + u' ' + rng.pick(v.legalForms);
        p.email =
            QStringLiteral("info@") + DemoVocabulary::asciiFold(trade) + u'-' + family.ascii + QStringLiteral(".de");
    } else if (association) {
        p.organisation =
            replaced(replaced(rng.pick(v.associationPatterns), QStringLiteral("{district}"), district.name),
                     QStringLiteral("{street}"), street.name);
        p.email =
            QStringLiteral("kontakt@") + DemoVocabulary::asciiFold(p.organisation).left(28) + QStringLiteral(".de");
    } else {
        p.salutation = female ? QStringLiteral("Frau") : QStringLiteral("Herr");
        if (rng.percent(85)) {
            static const QLatin1String separators[] = {QLatin1String("."), QLatin1String(""), QLatin1String("_")};
            p.email = given.ascii + separators[rng.below(3)] + family.ascii +
                      (rng.percent(30) ? QString::number(rng.between(1, 99)) : QString()) + u'@' +
                      rng.pick(v.mailProviders);
        }
    }
    if (rng.percent(75)) {
        p.phone = rng.percent(50) ? QStringLiteral("0711 ") + digits(rng, rng.between(6, 8))
                                  : rng.pick(v.mobilePrefixes) + u' ' + digits(rng, 8);
    }

    // Form data per case type, as the applicant filled it in.
    switch (typeIndex) {
    case 0: {
        const QString zone =
            QStringLiteral("S-") + district.name + u' ' + QString::number(rng.between(1, district.parkZones));
        const QString kennzeichen = plate(rng, rng.percent(95) ? QStringLiteral("S") : rng.pick(v.neighbourPlates));
        c.title = QStringLiteral("Bewohnerparkausweis Zone ") + zone;
        c.formData = {{QStringLiteral("kennzeichen"), kennzeichen}, {QStringLiteral("parkzone"), zone}};
        break;
    }
    case 1: {
        const QString kennzeichen = plate(rng, rng.percent(70) ? QStringLiteral("S") : rng.pick(v.neighbourPlates));
        c.title = QStringLiteral("Ausnahmegenehmigung Umweltzone ") + kennzeichen;
        c.formData = {{QStringLiteral("kennzeichen"), kennzeichen},
                      {QStringLiteral("emissionsklasse"), rng.pick(v.emissionClasses)},
                      {QStringLiteral("grund"), rng.pick(v.exemptionReasons)}};
        break;
    }
    case 2: {
        const QString &baumart = rng.pick(v.treeSpecies);
        c.title =
            QStringLiteral("Baumfällgenehmigung ") + baumart + QStringLiteral(", ") + street.name + u' ' + houseNumber;
        // Stuttgart's Baumschutzsatzung protects trees from 80 cm trunk circumference (at 1 m height).
        c.formData = {{QStringLiteral("baumart"), baumart},
                      {QStringLiteral("stammumfang_cm"), rng.between(80, 360)},
                      {QStringLiteral("grund"), rng.pick(v.treeReasons)},
                      {QStringLiteral("ersatzpflanzung"), rng.percent(60)}};
        break;
    }
    default: {
        const DemoProposal &proposal = rng.pick(v.proposals);
        auto fill = [&](const QString &text) {
            return replaced(replaced(text, QStringLiteral("{district}"), district.name), QStringLiteral("{street}"),
                            street.name);
        };
        const qint64 euros = qint64(rng.between(proposal.minEuro / 100, proposal.maxEuro / 100)) * 100;
        c.title = QStringLiteral("Bürgerhaushalt: ") + fill(proposal.title);
        c.formData = {{QStringLiteral("vorschlag"), fill(proposal.text)}, {QStringLiteral("kosten_cent"), euros * 100}};
        break;
    }
    }

    c.formVersion = 1;
    c.version = 1;
    c.createdAt = QDateTime::fromMSecsSinceEpoch(createdMs, Qt::UTC);
    // Last change: at once for new intake, later the further along the case is, in office hours.
    qint64 updatedMs = createdMs;
    if (status != Status::Eingang) {
        const QDate updatedDay = day.date.addDays(age * rng.between(30, 100) / 100);
        updatedMs = std::max(createdMs + msPerHour, t.officeTime(rng, updatedDay, m_today));
    }
    c.updatedAt = QDateTime::fromMSecsSinceEpoch(updatedMs, Qt::UTC);
    return c;
}

QList<Case> DemoGenerator::makeCases(qint64 first, qint64 count) const
{
    QList<Case> cases;
    if (count <= 0 || first >= maxCaseCount)
        return cases;
    const qint64 begin = std::max<qint64>(first, 0);
    // first + count cannot overflow when first < 0; for first >= 0 compare with the room left instead.
    const qint64 end =
        first >= 0 && count > maxCaseCount - first ? maxCaseCount : std::min(first + count, maxCaseCount);
    if (end <= begin)
        return cases;
    cases.reserve(end - begin);
    for (qint64 index = begin; index < end; ++index)
        cases.append(makeCase(index));
    return cases;
}

QList<Note> DemoGenerator::notesFor(const Case &c) const
{
    const Tables &t = *m_tables;
    const DemoVocabulary &v = DemoVocabulary::instance();
    const auto team = t.teamIndex.constFind(c.teamId);
    if (c.id.isNull() || team == t.teamIndex.constEnd() || !c.createdAt.isValid())
        return {};
    const Tables::TeamStaff &staff = t.teams[static_cast<std::size_t>(*team)];
    DemoRandom rng(DemoRandom::mix(DemoRandom::mix(m_seed) ^ idBits(c.id) ^ static_cast<quint64>(IdKind::Note)));

    const int stage = t.stageOf(c.statusText);
    QList<const DemoNoteText *> candidates;
    for (const DemoNoteText &text : v.noteTexts) {
        if (text.stage <= stage && (text.caseType.isEmpty() || text.caseType == c.caseType))
            candidates.append(&text);
    }
    const int wanted = stage == static_cast<int>(Status::Eingang)    ? static_cast<int>(rng.below(2))
                       : stage == static_cast<int>(Status::Pruefung) ? rng.between(1, 2)
                                                                     : rng.between(1, 3);
    const int count = std::min(wanted, static_cast<int>(candidates.size()));
    // Distinct texts (partial Fisher-Yates), then in process order.
    for (int k = 0; k < count; ++k)
        candidates.swapItemsAt(k, k + rng.below(static_cast<quint32>(candidates.size() - k)));
    candidates.resize(count);
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const DemoNoteText *a, const DemoNoteText *b) { return a->stage < b->stage; });

    const qint64 createdMs = c.createdAt.toMSecsSinceEpoch();
    const QDate firstDay = t.localDate(createdMs);
    const QDate lastDay = std::max(firstDay, t.localDate(c.updatedAt.toMSecsSinceEpoch()));
    const qint64 days = firstDay.daysTo(lastDay);
    const quint64 caseIndex = idIndex(c.id);
    const QString district = c.applicant.address.district.section(u'-', 1);
    const QString plateText = c.formData.value(QLatin1String("kennzeichen")).toString();
    QList<Note> notes;
    qint64 previousMs = createdMs;
    for (int k = 0; k < count; ++k) {
        const QDate day = firstDay.addDays(days * (k + 1) / (count + 1));
        const qint64 ms = std::max(t.officeTime(rng, day, lastDay), previousMs + qint64(15) * 60'000);
        previousMs = ms;
        const QDate noteDay = t.localDate(ms);
        const DemoNoteText &text = *candidates.at(k);
        Note note;
        note.id = makeId(ms, rng.next(), IdKind::Note, caseIndex, quint64(k));
        note.caseId = c.id;
        const bool byClerk = !text.byTeamLead && !c.assigneeId.isNull() && rng.percent(85);
        note.authorId = byClerk ? c.assigneeId : staff.leadId;
        note.createdAt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        note.text =
            QString(text.text)
                .replace(QLatin1String("{applicant}"), c.applicant.displayName())
                .replace(QLatin1String("{date}"), germanDate(noteDay))
                .replace(QLatin1String("{deadline}"), germanDate(noteDay.addDays(14)))
                .replace(QLatin1String("{district}"), district)
                .replace(QLatin1String("{plate}"), plateText.isEmpty() ? QStringLiteral("das Fahrzeug") : plateText);
        notes.append(note);
    }
    return notes;
}

QList<DocumentRef> DemoGenerator::documentsFor(const Case &c) const
{
    const Tables &t = *m_tables;
    const int typeIndex = t.caseTypeOf(c.caseType);
    if (c.id.isNull() || typeIndex < 0 || !c.createdAt.isValid())
        return {};
    const CaseTypeSpec &type = caseTypes[typeIndex];
    DemoRandom rng(DemoRandom::mix(DemoRandom::mix(m_seed) ^ idBits(c.id) ^ static_cast<quint64>(IdKind::Document)));
    const quint64 caseIndex = idIndex(c.id);
    const qint64 createdMs = c.createdAt.toMSecsSinceEpoch();
    const QDate firstDay = t.localDate(createdMs);
    const QDate lastDay = std::max(firstDay, t.localDate(c.updatedAt.toMSecsSinceEpoch()));
    const QString holder = c.applicant.displayName();
    const QString plateText = c.formData.value(QLatin1String("kennzeichen")).toString();

    QList<DocumentRef> documents;
    auto add = [&](const char *name, const char *mime, DocumentKind kind, int minSize, int maxSize, qint64 ms,
                   QString text) {
        DocumentRef document;
        document.id = makeId(ms, rng.next(), IdKind::Document, caseIndex, quint64(documents.size()));
        document.caseId = c.id;
        document.sha256 = sha256Hex(rng);
        document.size = rng.between(minSize, maxSize);
        document.name = QString::fromUtf8(name);
        document.mimeType = QString::fromLatin1(mime);
        document.kind = kind;
        document.addedAt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        document.text = std::move(text);
        documents.append(document);
    };
    // Evidence comes with the application, or later when it was asked for (Nachforderung).
    auto evidenceMs = [&] {
        if (lastDay > firstDay && rng.percent(30)) {
            const QDate day = firstDay.addDays(rng.between(1, static_cast<int>(firstDay.daysTo(lastDay))));
            return std::max(t.officeTime(rng, day, lastDay), createdMs + 60'000);
        }
        return createdMs + rng.between(1, 120) * qint64(1000);
    };

    QString application = QString::fromUtf8(type.formHeading) + u'\n' + c.title +
                          QStringLiteral("\nAntragsteller/in: ") + holder + QStringLiteral("\nAnschrift: ") +
                          c.applicant.address.street + u' ' + c.applicant.address.houseNumber + QStringLiteral(", ") +
                          c.applicant.address.postcode + u' ' + c.applicant.address.city;
    QStringList keys = c.formData.keys(); // sorted: a stable text
    for (const QString &key : std::as_const(keys))
        application += u'\n' + fieldLabel(key) + QStringLiteral(": ") + fieldText(key, c.formData.value(key));
    add(type.formFile, "application/pdf", DocumentKind::Application, 38'000, 260'000, createdMs, application);

    const QString vehicleText = QStringLiteral("Zulassungsbescheinigung Teil I\nKennzeichen: ") + plateText +
                                QStringLiteral("\nHalter: ") + holder;
    switch (typeIndex) {
    case 0:
        if (rng.percent(70))
            add("Fahrzeugschein.pdf", "application/pdf", DocumentKind::Evidence, 90'000, 900'000, evidenceMs(),
                vehicleText);
        if (rng.percent(20))
            add("Meldebescheinigung.pdf", "application/pdf", DocumentKind::Evidence, 60'000, 400'000, evidenceMs(),
                QStringLiteral("Meldebescheinigung (Hauptwohnsitz)\n") + holder + u'\n' + c.applicant.address.street +
                    u' ' + c.applicant.address.houseNumber);
        break;
    case 1:
        if (rng.percent(80))
            add("Fahrzeugschein.pdf", "application/pdf", DocumentKind::Evidence, 90'000, 900'000, evidenceMs(),
                vehicleText);
        if (!c.applicant.organisation.isEmpty() && rng.percent(50))
            add("Gewerbeanmeldung.pdf", "application/pdf", DocumentKind::Evidence, 80'000, 500'000, evidenceMs(),
                QStringLiteral("Gewerbeanmeldung\n") + c.applicant.organisation);
        break;
    case 2:
        if (rng.percent(75))
            add("Foto_Baum.jpg", "image/jpeg", DocumentKind::Evidence, 1'200'000, 4'800'000, evidenceMs(), {});
        if (rng.percent(40))
            add("Lageplan.pdf", "application/pdf", DocumentKind::Evidence, 150'000, 1'500'000, evidenceMs(),
                QStringLiteral("Lageplan M 1:500\nStandort des Baumes: ") + c.applicant.address.street + u' ' +
                    c.applicant.address.houseNumber);
        break;
    default:
        if (rng.percent(25))
            add("Skizze.png", "image/png", DocumentKind::Evidence, 200'000, 2'500'000, evidenceMs(), {});
        break;
    }
    return documents;
}

} // namespace casedesk::demo
