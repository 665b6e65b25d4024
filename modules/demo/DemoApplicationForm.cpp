#include "demo/DemoApplicationForm.h"

#include "core/Uuid.h"
#include "demo/DemoVocabulary.h"

#include <QJsonArray>

namespace casedesk::demo {

namespace {

using Fill = std::function<QUuid()>;

QString documentId(const Fill &next)
{
    return uuidToString(next());
}

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

// The portal requires an e-mail address; paper applications get the one the clerk noted.
QString emailOf(const Party &party)
{
    if (!party.email.isEmpty())
        return party.email;
    return DemoVocabulary::asciiFold(party.givenName.isEmpty() ? party.organisation : party.givenName).left(20) + u'.' +
           DemoVocabulary::asciiFold(party.familyName).left(20) + QStringLiteral("@example.de");
}

QJsonObject person(const Party &party)
{
    QJsonObject applicant{{QStringLiteral("firstName"), party.givenName},
                          {QStringLiteral("lastName"), party.familyName},
                          {QStringLiteral("email"), emailOf(party)}};
    if (!party.phone.isEmpty())
        applicant.insert(QStringLiteral("phone"), party.phone);
    return applicant;
}

QJsonObject postalAddress(const PostalAddress &address)
{
    return {{QStringLiteral("street"), address.street},
            {QStringLiteral("houseNumber"), address.houseNumber},
            {QStringLiteral("postcode"), address.postcode},
            {QStringLiteral("city"), address.city}};
}

// A registration number: district code, one or two letters, up to four digits, together at most eight
// characters (Fahrzeug-Zulassungsverordnung), so "RMK" leaves room for three digits only.
QString plate(DemoRandom &rng, const QString &prefix)
{
    static const QLatin1String letters("ABCDEFGHIJKLMNOPRSTUVWXYZ");
    QString text = prefix + u'-';
    const int letterCount = rng.percent(70) ? 2 : 1;
    for (int i = 0; i < letterCount; ++i)
        text += QChar(letters.at(rng.below(static_cast<quint32>(letters.size()))));
    const int maxDigits = std::min(4, 8 - int(prefix.size()) - letterCount);
    int largest = 1;
    for (int i = 0; i < maxDigits; ++i)
        largest *= 10;
    return text + u' ' + QString::number(rng.between(1, largest - 1));
}

QString pick(DemoRandom &rng, std::initializer_list<const char *> choices)
{
    return QString::fromUtf8(*(choices.begin() + rng.below(quint32(choices.size()))));
}

// Parking areas of the bewohnerparken code list, by district (Stuttgart's residents' parking zones).
QString parkingArea(DemoRandom &rng, const QString &district)
{
    static const QHash<QString, QStringList> areas = {
        {QStringLiteral("Mitte"), {QStringLiteral("M1"), QStringLiteral("M2")}},
        {QStringLiteral("Nord"), {QStringLiteral("N1"), QStringLiteral("N2")}},
        {QStringLiteral("Ost"), {QStringLiteral("O1"), QStringLiteral("O2")}},
        {QStringLiteral("Süd"), {QStringLiteral("S1"), QStringLiteral("S2")}},
        {QStringLiteral("West"), {QStringLiteral("W1"), QStringLiteral("W2"), QStringLiteral("W3")}},
        {QStringLiteral("Bad Cannstatt"), {QStringLiteral("C1")}},
    };
    const QStringList codes = areas.value(district, {QStringLiteral("M1")});
    return rng.pick(codes);
}

DemoApplication bewohnerparken(const DemoApplicationInput &in, DemoRandom &rng, const Fill &next)
{
    const Party &p = *in.applicant;
    QJsonObject applicant = person(p);
    const QDate born = in.received.addYears(-rng.between(18, 85)).addDays(-rng.between(0, 364));
    applicant.insert(QStringLiteral("dateOfBirth"), isoDate(born));
    QJsonObject address = postalAddress(p.address);
    address.insert(QStringLiteral("district"), in.districtCode);

    const int vehicleCount = rng.percent(92) ? 1 : 2;
    QJsonArray vehicles;
    QString firstPlate;
    for (int i = 0; i < vehicleCount; ++i) {
        const QString registration = plate(rng, rng.percent(95) ? QStringLiteral("S") : QStringLiteral("LB"));
        if (firstPlate.isEmpty())
            firstPlate = registration;
        const QString keeper = rng.percent(80) ? QStringLiteral("keeper")
                                               : pick(rng, {"companyCar", "leased", "longTermRental", "family"});
        QJsonObject vehicle{
            {QStringLiteral("registration"), registration},
            {QStringLiteral("make"),
             pick(rng, {"VW Golf", "Mercedes-Benz C 220 d", "Opel Corsa", "BMW 320d", "Audi A4 Avant", "Skoda Octavia",
                        "Fiat 500", "Toyota Yaris Hybrid", "Porsche Macan", "Smart fortwo", "Renault Zoe"})},
            {QStringLiteral("maxWeightKg"), rng.between(9, 34) * 100},
            {QStringLiteral("keeperStatus"), keeper},
            {QStringLiteral("registrationCertificate"), documentId(next)}};
        if (keeper != QLatin1String("keeper"))
            vehicle.insert(QStringLiteral("usageProof"), documentId(next));
        vehicles.append(vehicle);
    }
    QJsonObject data{
        {QStringLiteral("applicant"), applicant},
        {QStringLiteral("address"), address},
        {QStringLiteral("residence"), rng.percent(93) ? QStringLiteral("main") : QStringLiteral("secondary")},
        {QStringLiteral("parkingArea"), parkingArea(rng, in.districtName)},
        {QStringLiteral("vehicles"), vehicles},
        {QStringLiteral("secondVehicle"), vehicleCount == 2},
        {QStringLiteral("validFrom"), isoDate(in.received.addDays(rng.between(0, 30)))},
        {QStringLiteral("duration"), rng.percent(70) ? QStringLiteral("12") : QStringLiteral("24")},
        {QStringLiteral("feeAcknowledged"), true},
        {QStringLiteral("privacyConsent"), true}};
    if (vehicleCount == 2) {
        data.insert(QStringLiteral("secondVehicleReason"),
                    QStringLiteral("Zweitfahrzeug für den Schichtdienst meiner Partnerin, keine Verbindung mit Bus "
                                   "und Bahn zu Schichtbeginn."));
    }
    return {data, QStringLiteral("Bewohnerparkausweis %1 (%2)").arg(firstPlate, in.districtName)};
}

DemoApplication umweltzone(const DemoApplicationInput &in, DemoRandom &rng, const Fill &next)
{
    const DemoVocabulary &v = DemoVocabulary::instance();
    const Party &p = *in.applicant;
    const bool business = !p.organisation.isEmpty();
    QJsonObject applicant = person(p);
    if (business)
        applicant.insert(QStringLiteral("companyName"), p.organisation);
    const QString registration = plate(rng, rng.percent(70) ? QStringLiteral("S") : rng.pick(v.neighbourPlates));
    const QDate firstRegistration = QDate(rng.between(1996, 2014), rng.between(1, 12), rng.between(1, 28));
    static const char *const classes[] = {"euro1", "euro2", "euro3", "euro4", "euro4", "euro5", "euro5", "euro5"};
    QJsonObject vehicle{
        {QStringLiteral("registration"), registration},
        {QStringLiteral("make"), business ? pick(rng, {"Mercedes-Benz Sprinter 313 CDI", "VW T5 Transporter 2.0 TDI",
                                                       "Ford Transit 2.2 TDCi", "Iveco Daily 35S13"})
                                          : pick(rng, {"VW Passat 2.0 TDI", "Mercedes-Benz E 220 CDI", "BMW 520d",
                                                       "Opel Zafira 1.9 CDTI", "Audi A6 2.7 TDI"})},
        {QStringLiteral("vehicleClass"), business ? pick(rng, {"N1", "N2"}) : QStringLiteral("M1")},
        {QStringLiteral("fuel"), rng.percent(88) ? QStringLiteral("diesel") : QStringLiteral("petrol")},
        {QStringLiteral("emissionClass"), QLatin1String(classes[rng.below(std::size(classes))])},
        {QStringLiteral("firstRegistration"), isoDate(firstRegistration)},
        {QStringLiteral("registrationCertificate"), documentId(next)}};

    const QString reason = business ? QStringLiteral("business")
                                    : pick(rng, {"hardship", "hardship", "health", "retrofitPending", "other"});
    const QDate validFrom = in.received.addDays(rng.between(7, 30));
    QJsonObject data{
        {QStringLiteral("applicantType"), business ? QStringLiteral("business") : QStringLiteral("private")},
        {QStringLiteral("applicant"), applicant},
        {QStringLiteral("address"), postalAddress(p.address)},
        {QStringLiteral("vehicle"), vehicle},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("hardshipExplanation"),
         rng.pick(v.exemptionReasons) + QStringLiteral(". Ich bitte um eine befristete Ausnahme vom Verkehrsverbot.")},
        {QStringLiteral("validFrom"), isoDate(validFrom)},
        {QStringLiteral("validUntil"), isoDate(validFrom.addMonths(rng.between(3, 11)))},
        {QStringLiteral("privacyConsent"), true}};
    QJsonArray proofs{
        QJsonObject{{QStringLiteral("kind"), business                              ? QStringLiteral("business")
                                             : reason == QLatin1String("health")   ? QStringLiteral("medical")
                                             : reason == QLatin1String("hardship") ? QStringLiteral("income")
                                                                                   : QStringLiteral("other")},
                    {QStringLiteral("document"), documentId(next)}}};
    if (rng.percent(30))
        proofs.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("other")},
                                  {QStringLiteral("document"), documentId(next)}});
    data.insert(QStringLiteral("proofs"), proofs);
    if (reason == QLatin1String("hardship"))
        data.insert(QStringLiteral("annualIncome"), qint64(rng.between(9'000, 32'000)) * 100);
    else if (reason == QLatin1String("health"))
        data.insert(QStringLiteral("disabilityMark"), pick(rng, {"aG", "aG", "Bl", "H"}));
    else if (reason == QLatin1String("retrofitPending"))
        data.insert(QStringLiteral("retrofitDelivery"), isoDate(in.received.addDays(rng.between(14, 150))));
    return {data, QStringLiteral("Ausnahmegenehmigung Umweltzone ") + registration};
}

// The vocabulary's German species names and the definition's species codes.
QString speciesCode(const QString &name)
{
    static const QHash<QString, QString> codes = {
        {QStringLiteral("Bergahorn"), QStringLiteral("acer")},
        {QStringLiteral("Spitzahorn"), QStringLiteral("acer")},
        {QStringLiteral("Stieleiche"), QStringLiteral("quercus")},
        {QStringLiteral("Rotbuche"), QStringLiteral("fagus")},
        {QStringLiteral("Hainbuche"), QStringLiteral("carpinus")},
        {QStringLiteral("Winterlinde"), QStringLiteral("tilia")},
        {QStringLiteral("Gemeine Esche"), QStringLiteral("fraxinus")},
        {QStringLiteral("Rosskastanie"), QStringLiteral("aesculus")},
        {QStringLiteral("Hängebirke"), QStringLiteral("betula")},
        {QStringLiteral("Walnuss"), QStringLiteral("juglans")},
        {QStringLiteral("Waldkiefer"), QStringLiteral("pinus")},
        {QStringLiteral("Gemeine Fichte"), QStringLiteral("picea")},
        {QStringLiteral("Platane"), QStringLiteral("platanus")},
        {QStringLiteral("Vogelkirsche"), QStringLiteral("fruit")},
        {QStringLiteral("Robinie"), QStringLiteral("robinia")},
    };
    return codes.value(name, QStringLiteral("other"));
}

DemoApplication baumfaellung(const DemoApplicationInput &in, DemoRandom &rng, const Fill &next)
{
    const DemoVocabulary &v = DemoVocabulary::instance();
    const Party &p = *in.applicant;
    const QString role = rng.percent(70) ? QStringLiteral("owner") : pick(rng, {"tenant", "management", "contractor"});
    QJsonObject data{{QStringLiteral("applicantRole"), role},
                     {QStringLiteral("applicant"), person(p)},
                     {QStringLiteral("applicantAddress"), postalAddress(p.address)},
                     {QStringLiteral("privacyConsent"), true}};
    if (role != QLatin1String("owner"))
        data.insert(QStringLiteral("ownerConsent"), documentId(next));
    data.insert(QStringLiteral("location"),
                QJsonObject{{QStringLiteral("street"), p.address.street},
                            {QStringLiteral("houseNumber"), p.address.houseNumber},
                            {QStringLiteral("postcode"), p.address.postcode},
                            {QStringLiteral("district"), in.districtCode},
                            {QStringLiteral("parcel"),
                             QStringLiteral("%1/%2").arg(rng.between(100, 9999)).arg(rng.between(1, 40))},
                            {QStringLiteral("sitePlan"), documentId(next)}});

    const QString &firstSpecies = rng.pick(v.treeSpecies);
    const int treeCount = rng.percent(75) ? 1 : rng.between(2, 3);
    QJsonArray trees;
    for (int i = 0; i < treeCount; ++i) {
        const QString &species = i == 0 ? firstSpecies : rng.pick(v.treeSpecies);
        // Stuttgart's Baumschutzsatzung protects trees from 80 cm trunk circumference (at 1 m height).
        QJsonObject tree{
            {QStringLiteral("species"), speciesCode(species)},
            {QStringLiteral("trunkCircumference"), rng.between(80, 360)},
            {QStringLiteral("stems"), rng.percent(85) ? QStringLiteral("single") : QStringLiteral("multi")},
            {QStringLiteral("condition"), pick(rng, {"healthy", "damaged", "damaged", "diseased", "dead"})}};
        if (rng.percent(60))
            tree.insert(QStringLiteral("height"), QStringLiteral("%1.%2").arg(rng.between(4, 30)).arg(rng.below(10)));
        if (i == 0 && rng.percent(75))
            tree.insert(QStringLiteral("photo"), documentId(next));
        trees.append(tree);
    }
    data.insert(QStringLiteral("trees"), trees);

    const QString reason = pick(rng, {"safety", "disease", "disease", "construction", "damage", "light", "other"});
    data.insert(QStringLiteral("reason"), reason);
    data.insert(QStringLiteral("reasonDetails"), rng.pick(v.treeReasons));
    if (reason == QLatin1String("safety") || reason == QLatin1String("disease"))
        data.insert(QStringLiteral("expertReport"), documentId(next));
    if (reason == QLatin1String("construction"))
        data.insert(
            QStringLiteral("buildingPermit"),
            QStringLiteral("BV %1/%2").arg(in.received.year()).arg(rng.between(100, 9999), 5, 10, QLatin1Char('0')));
    if (rng.percent(60))
        data.insert(QStringLiteral("plannedDate"), isoDate(in.received.addDays(rng.between(21, 200))));
    const QString replacement = rng.percent(60)   ? QStringLiteral("planting")
                                : rng.percent(75) ? QStringLiteral("payment")
                                                  : QStringLiteral("none");
    data.insert(QStringLiteral("replacement"), replacement);
    if (replacement == QLatin1String("planting")) {
        data.insert(QStringLiteral("replacementTrees"), treeCount + rng.between(0, 1));
        data.insert(QStringLiteral("replacementSpecies"), speciesCode(rng.pick(v.treeSpecies)));
        data.insert(QStringLiteral("replacementCircumference"), rng.between(18, 25));
    } else if (replacement == QLatin1String("none")) {
        data.insert(QStringLiteral("noReplacementReason"),
                    QStringLiteral("Auf dem Grundstück ist nach dem Anbau kein Platz für eine Ersatzpflanzung."));
    }
    return {data,
            QStringLiteral("Baumfällgenehmigung %1, %2 %3").arg(firstSpecies, p.address.street, p.address.houseNumber)};
}

QString proposalCategory(const QString &title)
{
    if (title.contains(QLatin1String("Radweg")) || title.contains(QLatin1String("Zebrastreifen")))
        return QStringLiteral("mobility");
    if (title.contains(QLatin1String("bäume")) || title.contains(QLatin1String("Trinkbrunnen")))
        return QStringLiteral("environment");
    if (title.contains(QLatin1String("Jugend")) || title.contains(QLatin1String("Spielplatz")))
        return QStringLiteral("social");
    return QStringLiteral("urban");
}

DemoApplication buergerhaushalt(const DemoApplicationInput &in, DemoRandom &rng, const Fill &next)
{
    const DemoVocabulary &v = DemoVocabulary::instance();
    const Party &p = *in.applicant;
    const DemoProposal &proposal = rng.pick(v.proposals);
    auto fill = [&](QString text) {
        return text.replace(QLatin1String("{district}"), in.districtName)
            .replace(QLatin1String("{street}"), p.address.street);
    };
    const QString title = fill(proposal.title);
    const qint64 estimatedCents = qint64(rng.between(proposal.minEuro / 100, proposal.maxEuro / 100)) * 100 * 100;
    const QString publicName =
        p.organisation.isEmpty() ? p.givenName + u' ' + p.familyName.left(1) + u'.' : p.organisation.left(40).trimmed();
    QJsonObject proposer{{QStringLiteral("publicName"), publicName},
                         {QStringLiteral("email"), emailOf(p)},
                         {QStringLiteral("postcode"), p.address.postcode}};
    if (rng.percent(70))
        proposer.insert(QStringLiteral("ageGroup"), pick(rng, {"18to29", "30to49", "30to49", "50to64", "65plus"}));
    QJsonObject data{{QStringLiteral("title"), title.left(120)},
                     {QStringLiteral("description"), fill(proposal.text)},
                     {QStringLiteral("category"), proposalCategory(title)},
                     {QStringLiteral("scope"), QStringLiteral("district")},
                     {QStringLiteral("district"), in.districtCode},
                     {QStringLiteral("place"), p.address.street},
                     {QStringLiteral("kind"), QStringLiteral("spend")},
                     {QStringLiteral("estimatedCost"), estimatedCents},
                     {QStringLiteral("annualCost"), estimatedCents / 20},
                     {QStringLiteral("proposer"), proposer},
                     {QStringLiteral("publicationConsent"), true},
                     {QStringLiteral("privacyConsent"), true}};
    if (rng.percent(25)) {
        data.insert(QStringLiteral("attachments"),
                    QJsonArray{QJsonObject{{QStringLiteral("document"), documentId(next)},
                                           {QStringLiteral("caption"), QStringLiteral("Skizze des Standorts")}}});
    }
    return {data, QStringLiteral("Bürgerhaushalt: ") + title};
}

} // namespace

DemoApplication DemoApplicationForm::make(const DemoApplicationInput &input, DemoRandom &rng,
                                          const std::function<QUuid()> &nextDocumentId)
{
    if (input.caseType == QLatin1String("bewohnerparken"))
        return bewohnerparken(input, rng, nextDocumentId);
    if (input.caseType == QLatin1String("umweltzone"))
        return umweltzone(input, rng, nextDocumentId);
    if (input.caseType == QLatin1String("baumfaellung"))
        return baumfaellung(input, rng, nextDocumentId);
    return buergerhaushalt(input, rng, nextDocumentId);
}

} // namespace casedesk::demo
