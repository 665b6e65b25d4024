#include "demo/DemoGenerator.h"

#include "core/Clock.h"
#include "core/Uuid.h"
#include "demo/DemoApplicationForm.h"
#include "demo/DemoIds.h"
#include "demo/DemoLog.h"
#include "demo/DemoProcessWalker.h"
#include "demo/DemoTables.h"
#include "demo/DemoVocabulary.h"
#include "forms/CodeList.h"

namespace casedesk::demo {

namespace {

// Fixed world ids: timestamp 2024-01-01T00:00:00Z, no random bits.
constexpr qint64 worldEpochMs = 1'704'067'200'000;

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

QString digits(DemoRandom &rng, int count)
{
    QString text;
    text.reserve(count);
    text += QChar(static_cast<char16_t>(u'1' + rng.below(9))); // no leading zero
    for (int i = 1; i < count; ++i)
        text += QChar(static_cast<char16_t>(u'0' + rng.below(10)));
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

// The forms' Stadtbezirk code ("06") for a district name ("Bad Cannstatt").
QString districtCode(const QString &name)
{
    for (const forms::CodeListEntry &entry : forms::CodeList::stuttgartDistricts().entries()) {
        if (entry.label.de == name)
            return entry.code;
    }
    return {};
}

workflow::Actor actorOf(const QUuid &userId, Role role, const QString &teamCode)
{
    workflow::Actor actor;
    actor.userId = uuidToString(userId);
    actor.roles.insert(role);
    actor.teams = {teamCode};
    return actor;
}

} // namespace

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
        Team team{makeDemoId(worldEpochMs, 0, DemoIdKind::Team, number), QString::fromUtf8(spec.code),
                  QString::fromUtf8(spec.name), QString::fromUtf8(spec.filePlanCode)};
        tables->teamIndex.insert(team.id, int(number));
        tables->teams.push_back({team.id, team.code, team.filePlanCode, {}, {}});
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
        user.id = makeDemoId(worldEpochMs, 0, DemoIdKind::User, quint64(m_world.users.size()));
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

    const Result<BundledContent> &bundled = BundledContent::instance();
    if (!bundled)
        qCCritical(lcDemo) << "Demo generator: bundled content does not load:" << bundled.error().toString();
    int cumulative = 0;
    for (std::size_t i = 0; i < std::size(caseTypes); ++i) {
        const CaseTypeSpec &type = caseTypes[i];
        tables->caseTypeKeys[i] = QString::fromLatin1(type.key);
        tables->caseTypeTeam[i] = teamByCode(QString::fromLatin1(type.teamCode));
        tables->content[i] = bundled ? bundled->find(tables->caseTypeKeys[i]) : nullptr;
        m_world.teamByCaseType.insert(tables->caseTypeKeys[i], m_world.teams.at(tables->caseTypeTeam[i]).id);
        cumulative += type.weight;
        tables->caseTypeWeights.push_back(cumulative);
    }
    // Teams without a case type of their own are the ones the processes consult.
    for (const Tables::TeamStaff &staff : tables->teams) {
        if (std::find(tables->caseTypeTeam.begin(), tables->caseTypeTeam.end(), &staff - tables->teams.data()) ==
                tables->caseTypeTeam.end() &&
            !staff.clerkIds.isEmpty())
            tables->consulted.push_back(actorOf(staff.clerkIds.first(), Role::Clerk, staff.code));
    }

    int population = 0;
    int parking = 0;
    for (qsizetype i = 0; i < vocabulary.districts.size(); ++i) {
        const DemoDistrict &district = vocabulary.districts.at(i);
        population += district.population;
        tables->districtWeights.push_back(population);
        tables->districtLabels.append(QStringLiteral("Stuttgart-") + district.name);
        tables->districtCodes.append(districtCode(district.name));
        if (district.parkZones > 0) {
            parking += district.population;
            tables->parkingDistricts.push_back(int(i));
            tables->parkingWeights.push_back(parking);
        }
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
    c.id = makeDemoId(createdMs, rng.next(), DemoIdKind::Case, quint64(index));
    c.aktenzeichen = Aktenzeichen(team.filePlanCode, int(index + 1), day.date.year());
    c.caseType = t.caseTypeKeys[static_cast<std::size_t>(typeIndex)];
    c.teamId = team.id;
    c.receivedDate = day.date;
    c.statutoryDeadline = day.deadline[type.periodMonths == 1 ? 0 : 1];
    c.priority = pickPriority(rng);

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

    // The form as the applicant filled it in; its documents get ids now, their metadata in documentsFor.
    quint64 documentOrdinal = 0;
    const DemoApplication application = DemoApplicationForm::make(
        {c.caseType, &p, district.name, t.districtCodes.at(districtIndex), day.date}, rng, [&] {
            ++documentOrdinal;
            return makeDemoId(createdMs + qint64(documentOrdinal) * 1000, rng.next(), DemoIdKind::Document,
                              quint64(index), documentOrdinal);
        });
    c.title = application.title;
    c.formData = application.data;
    const CaseTypeContent *content = t.content[static_cast<std::size_t>(typeIndex)];
    c.formVersion = content ? content->form.version() : 1;
    c.processVersion = content ? content->processVersion : 1;

    // The office's work so far, run through the case type's process model by its clerk and team lead. The
    // bundled models decide on task outcomes only, so the state need not carry a copy of the form data.
    const QUuid clerk = rng.pick(team.clerkIds);
    QList<workflow::Actor> performers{actorOf(clerk, Role::Clerk, team.code),
                                      actorOf(team.leadId, Role::TeamLead, team.code)};
    performers.append(QList<workflow::Actor>(t.consulted.begin(), t.consulted.end()));
    const qint64 endMs = t.localMs(m_today, 17 * 3600);
    DemoProcessRun run;
    // Some cases stall (an absent clerk, a difficult case): they are the ones that run past their deadline.
    const int paceHours = rng.percent(15) ? rng.between(600, 1500) : rng.between(96, 600);
    if (content)
        run = DemoProcessWalker::walk(content->process, QJsonObject(), performers, createdMs, endMs, paceHours, rng);
    if (!run.error.isEmpty())
        qCWarning(lcDemo) << "Demo case" << index << "could not run its process:" << run.error;
    c.workflowState = run.state;
    c.statusText = run.statusText;
    c.closed = run.ended;

    // New intake waits for the team lead to distribute it; a few older cases lost their clerk (absence).
    const int unassignedChance = run.stage == 0 ? 85 : (c.closed ? 0 : 10);
    if (!rng.percent(unassignedChance))
        c.assigneeId = clerk;
    if (!c.closed) {
        if (run.due.isValid())
            c.followUpDate = t.localDate(run.due.toMSecsSinceEpoch()); // when the requested papers are due
        else if (rng.percent(15))
            c.followUpDate = m_today.addDays(rng.between(-2, 28));
        if (c.followUpDate.isValid() && c.followUpDate < c.receivedDate)
            c.followUpDate = c.receivedDate.addDays(1);
    }

    c.version = 1;
    c.createdAt = QDateTime::fromMSecsSinceEpoch(createdMs, Qt::UTC);
    c.updatedAt = QDateTime::fromMSecsSinceEpoch(std::max(createdMs, run.lastChangeMs), Qt::UTC);
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

} // namespace casedesk::demo
