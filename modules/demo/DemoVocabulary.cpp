#include "demo/DemoVocabulary.h"

namespace casedesk::demo {

namespace {

QList<DemoName> names(std::initializer_list<const char *> list)
{
    QList<DemoName> result;
    result.reserve(qsizetype(list.size()));
    for (const char *utf8 : list) {
        const QString text = QString::fromUtf8(utf8);
        result.append({text, DemoVocabulary::asciiFold(text)});
    }
    return result;
}

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList result;
    result.reserve(qsizetype(list.size()));
    for (const char *utf8 : list)
        result.append(QString::fromUtf8(utf8));
    return result;
}

// One Stadtbezirk: "Name", population in thousands, residents' parking zones, then street/postcode pairs.
DemoDistrict district(const char *name, int population, int parkZones,
                      std::initializer_list<std::pair<const char *, const char *>> streets)
{
    DemoDistrict result{QString::fromUtf8(name), population, parkZones, {}};
    for (const auto &[street, postcode] : streets)
        result.streets.append({QString::fromUtf8(street), QString::fromLatin1(postcode)});
    return result;
}

DemoStaffMember member(const char *given, const char *family, Role role, std::initializer_list<const char *> teams)
{
    QStringList codes;
    for (const char *code : teams)
        codes.append(QString::fromLatin1(code));
    return {QString::fromUtf8(given), QString::fromUtf8(family), role, codes};
}

} // namespace

QString DemoVocabulary::asciiFold(const QString &text)
{
    QString german;
    german.reserve(text.size() + 4);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'ä':
        case u'Ä':
            german += QLatin1String("ae");
            break;
        case u'ö':
        case u'Ö':
            german += QLatin1String("oe");
            break;
        case u'ü':
        case u'Ü':
            german += QLatin1String("ue");
            break;
        case u'ß':
            german += QLatin1String("ss");
            break;
        case u'ı': // Turkish dotless i
            german += u'i';
            break;
        default:
            german += c;
        }
    }
    // Decomposition splits "é" into "e" and a combining accent, which the filter below drops.
    const QString decomposed = german.normalized(QString::NormalizationForm_D).toLower();
    QString result;
    result.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            result += c;
    }
    return result;
}

const DemoVocabulary &DemoVocabulary::instance()
{
    static const DemoVocabulary vocabulary;
    return vocabulary;
}

DemoVocabulary::DemoVocabulary()
{
    femaleNames = names({"Anna",   "Maria",    "Sophie", "Lena",    "Laura",  "Julia",   "Katharina", "Sabine",
                         "Petra",  "Ursula",   "Monika", "Claudia", "Birgit", "Jutta",   "Elke",      "Sarah",
                         "Hannah", "Lea",      "Emma",   "Mia",     "Jana",   "Bärbel",  "Dörte",     "Gül",
                         "Elif",   "Ayşe",     "Zeynep", "Lan",     "Thu",    "Ioanna",  "Francesca", "Agnieszka",
                         "Renée",  "Svetlana", "Chiara", "Helga",   "Gisela", "Annegret"});
    maleNames = names({"Thomas",     "Michael",    "Andreas",    "Stefan",    "Markus", "Jürgen",   "Jörg",   "Günter",
                       "Björn",      "Klaus",      "Peter",      "Wolfgang",  "Frank",  "Matthias", "Tobias", "Lukas",
                       "Felix",      "Jonas",      "Maximilian", "Paul",      "Mehmet", "Ömer",     "Ahmet",  "Murat",
                       "Duc",        "Minh",       "Giuseppe",   "Dimitrios", "Piotr",  "Sergej",   "Uwe",    "Rüdiger",
                       "Hans-Peter", "Karl-Heinz", "René",       "Dragan"});
    familyNames =
        names({"Müller",     "Schmidt",  "Schneider", "Fischer",    "Weber",   "Meyer",   "Wagner",       "Becker",
               "Schulz",     "Hoffmann", "Schäfer",   "Koch",       "Bauer",   "Richter", "Klein",        "Wolf",
               "Schröder",   "Neumann",  "Schwarz",   "Zimmermann", "Braun",   "Krüger",  "Hofmann",      "Hartmann",
               "Lange",      "Schmitt",  "Werner",    "Krause",     "Maier",   "Lehmann", "Weiß",         "Groß",
               "Kuhn",       "Häußler",  "Böhm",      "Fuß",        "Strauß",  "Häberle", "Dürr",         "Kächele",
               "Bräuninger", "Eberle",   "Stäbler",   "Maurer",     "Gönner",  "Öztürk",  "Yılmaz",       "Kaya",
               "Demir",      "Şahin",    "Nguyen",    "Tran",       "Rossi",   "Russo",   "Papadopoulos", "Kowalski",
               "Nowak",      "Popović",  "Ivanović",  "Al-Hassan",  "Schmid",  "Mayer",   "Hahn",         "Vogel",
               "Jäger",      "Frank",    "Berger",    "Sommer",     "Löffler", "Würth"});

    // Postcodes as Deutsche Post assigns them for these streets (or the part of a long street in the district).
    districts = {
        district("Mitte", 23, 4,
                 {{"Königstraße", "70173"},
                  {"Eberhardstraße", "70173"},
                  {"Calwer Straße", "70173"},
                  {"Theodor-Heuss-Straße", "70174"},
                  {"Lange Straße", "70174"},
                  {"Hospitalstraße", "70174"},
                  {"Olgastraße", "70182"},
                  {"Urbanstraße", "70182"},
                  {"Charlottenstraße", "70182"}}),
        district("Nord", 28, 3,
                 {{"Nordbahnhofstraße", "70191"},
                  {"Heilbronner Straße", "70191"},
                  {"Birkenwaldstraße", "70191"},
                  {"Stresemannstraße", "70191"},
                  {"Am Kochenhof", "70192"},
                  {"Helfferichstraße", "70192"}}),
        district("Ost", 48, 4,
                 {{"Landhausstraße", "70190"},
                  {"Neckarstraße", "70190"},
                  {"Haußmannstraße", "70188"},
                  {"Ostendstraße", "70188"},
                  {"Wagenburgstraße", "70184"},
                  {"Gablenberger Hauptstraße", "70186"}}),
        district("Süd", 44, 4,
                 {{"Tübinger Straße", "70178"},
                  {"Marienstraße", "70178"},
                  {"Filderstraße", "70180"},
                  {"Heusteigstraße", "70180"},
                  {"Möhringer Straße", "70199"},
                  {"Schickardtstraße", "70199"},
                  {"Böblinger Straße", "70199"}}),
        district("West", 53, 5,
                 {{"Schwabstraße", "70197"},
                  {"Bismarckstraße", "70197"},
                  {"Vogelsangstraße", "70197"},
                  {"Johannesstraße", "70176"},
                  {"Silberburgstraße", "70176"},
                  {"Gutenbergstraße", "70176"},
                  {"Senefelderstraße", "70176"}}),
        district("Bad Cannstatt", 70, 3,
                 {{"Marktstraße", "70372"},
                  {"Waiblinger Straße", "70372"},
                  {"König-Karl-Straße", "70372"},
                  {"Daimlerstraße", "70372"},
                  {"Seelbergstraße", "70372"},
                  {"Nürnberger Straße", "70374"}}),
        district("Birkach", 7, 0, {{"Birkheckenstraße", "70599"}, {"Alte Dorfstraße", "70599"}}),
        district("Botnang", 13, 0, {{"Beethovenstraße", "70195"}, {"Griegstraße", "70195"}}),
        district("Degerloch", 17, 0,
                 {{"Epplestraße", "70597"},
                  {"Löffelstraße", "70597"},
                  {"Große Falterstraße", "70597"},
                  {"Jahnstraße", "70597"}}),
        district("Feuerbach", 30, 2,
                 {{"Stuttgarter Straße", "70469"},
                  {"Grazer Straße", "70469"},
                  {"Wiener Straße", "70469"},
                  {"Burgenlandstraße", "70469"}}),
        district("Hedelfingen", 9, 0, {{"Amstetter Straße", "70329"}, {"Heumadener Straße", "70329"}}),
        district("Möhringen", 31, 0,
                 {{"Filderbahnstraße", "70567"},
                  {"Vaihinger Straße", "70567"},
                  {"Plieninger Straße", "70567"},
                  {"Sigmaringer Straße", "70567"}}),
        district("Mühlhausen", 26, 0,
                 {{"Mönchfeldstraße", "70378"}, {"Aldinger Straße", "70378"}, {"Veitstraße", "70378"}}),
        district("Münster", 6, 0, {{"Austraße", "70376"}, {"Moselstraße", "70376"}}),
        district("Obertürkheim", 8, 0, {{"Augsburger Straße", "70329"}, {"Uhlbacher Straße", "70329"}}),
        district("Plieningen", 13, 0, {{"Paracelsusstraße", "70599"}, {"Mittlere Filderstraße", "70599"}}),
        district("Sillenbuch", 24, 0, {{"Kirchheimer Straße", "70619"}, {"Tuttlinger Straße", "70619"}}),
        district("Stammheim", 12, 0, {{"Freihofstraße", "70439"}, {"Kornwestheimer Straße", "70439"}}),
        district("Untertürkheim", 16, 0,
                 {{"Großglocknerstraße", "70327"}, {"Württembergstraße", "70327"}, {"Arlbergstraße", "70327"}}),
        district("Vaihingen", 46, 0,
                 {{"Hauptstraße", "70563"},
                  {"Robert-Leicht-Straße", "70563"},
                  {"Schockenriedstraße", "70565"},
                  {"Pfaffenwaldring", "70569"}}),
        district("Wangen", 9, 0, {{"Ulmer Straße", "70327"}, {"Kesselstraße", "70327"}}),
        district("Weilimdorf", 32, 0,
                 {{"Solitudestraße", "70499"}, {"Ditzinger Straße", "70499"}, {"Engelbergstraße", "70499"}}),
        district("Zuffenhausen", 38, 0,
                 {{"Unterländer Straße", "70435"},
                  {"Ludwigsburger Straße", "70435"},
                  {"Schwieberdinger Straße", "70435"},
                  {"Stammheimer Straße", "70435"}}),
    };

    staff = {
        member("Sabine", "Häußler", Role::TeamLead, {"32.1"}),
        member("Andreas", "Müller", Role::Clerk, {"32.1"}),
        member("Elif", "Öztürk", Role::Clerk, {"32.1"}),
        member("Jörg", "Weiß", Role::Clerk, {"32.1"}),
        member("Katharina", "Schäfer", Role::Clerk, {"32.1"}),
        member("Minh", "Nguyen", Role::Clerk, {"32.1"}),
        member("Tobias", "Groß", Role::Clerk, {"32.1"}),
        member("Rüdiger", "Eberle", Role::TeamLead, {"67.2"}),
        member("Bärbel", "Dürr", Role::Clerk, {"67.2"}),
        member("Lukas", "Kächele", Role::Clerk, {"67.2"}),
        member("Ioanna", "Papadopoulos", Role::Clerk, {"67.2"}),
        member("Felix", "Maurer", Role::Clerk, {"67.2"}),
        member("Claudia", "Bräuninger", Role::TeamLead, {"20.3"}),
        member("Mehmet", "Kaya", Role::Clerk, {"20.3"}),
        member("Julia", "Strauß", Role::Clerk, {"20.3"}),
        member("Peter", "Lehmann", Role::Clerk, {"20.3"}),
        member("Sophie", "Krüger", Role::Clerk, {"20.3"}),
        member("Günter", "Stäbler", Role::Clerk, {"20.3"}),
        member("Monika", "Fuß", Role::Mailroom, {}),
        member("Wolfgang", "Richter", Role::Auditor, {"32.1", "67.2", "20.3"}),
        member("Daniel", "Kowalski", Role::Administrator, {}),
        // Departments the processes consult (Beteiligung): nature conservation and urban planning.
        member("Carmen", "Haller", Role::Clerk, {"36.3"}),
        member("Stefan", "Vogt", Role::Clerk, {"61.1"}),
    };

    trades = strings({"Bäckerei", "Schreinerei", "Malerbetrieb", "Elektro", "Sanitär", "Gartenbau", "Umzüge",
                      "Getränkehandel", "Pflegedienst", "Gebäudereinigung", "Dachdeckerei", "Metzgerei"});
    legalForms = strings({"GmbH", "GmbH & Co. KG", "e. K.", "OHG", "GbR"});
    associationPatterns = strings({"Bürgerverein {district} e. V.", "Förderverein Grundschule {district} e. V.",
                                   "Initiative Lebenswertes {district}", "Elternbeirat Kita {street}",
                                   "Sportvereinigung {district} 1898 e. V."});
    mailProviders = strings({"web.de", "gmx.de", "t-online.de", "posteo.de", "gmail.com", "outlook.de", "mailbox.org"});
    mobilePrefixes = strings({"0151", "0152", "0157", "0160", "0170", "0171", "0176", "0179"});
    neighbourPlates = strings({"LB", "ES", "BB", "WN", "RMK", "GP", "TÜ"});
    emissionClasses = strings({"Euro 1", "Euro 2", "Euro 3", "Euro 4", "Euro 4", "Euro 5", "Euro 5", "Euro 5"});
    exemptionReasons = strings({
        "Handwerksbetrieb mit Spezialfahrzeug, Nachrüstung technisch nicht möglich",
        "Schwerbehinderung (Merkzeichen aG), auf das eigene Fahrzeug angewiesen",
        "Schichtdienst, zur Arbeitszeit keine Verbindung mit Bus und Bahn",
        "Lieferverkehr für den Wochenmarkt auf dem Marktplatz",
        "Ambulanter Pflegedienst mit Hausbesuchen im Stadtgebiet",
        "Wirtschaftliche Härte: Ersatzbeschaffung derzeit nicht zumutbar",
        "Umzug innerhalb der Umweltzone, Fahrzeug wird im Herbst ersetzt",
    });
    treeSpecies = strings({"Bergahorn", "Spitzahorn", "Stieleiche", "Rotbuche", "Hainbuche", "Winterlinde",
                           "Gemeine Esche", "Rosskastanie", "Hängebirke", "Walnuss", "Waldkiefer", "Gemeine Fichte",
                           "Platane", "Vogelkirsche", "Robinie"});
    treeReasons = strings({
        "Sturmschaden, Krone teilweise ausgebrochen",
        "Pilzbefall (Brandkrustenpilz) am Stammfuß",
        "Eschentriebsterben, zunehmend Totholz in der Krone",
        "Wurzeln beschädigen die Hausdrainage",
        "Bauvorhaben: Anbau eines Wintergartens",
        "Starke Verschattung der Wohnräume",
        "Wurzeln heben den Gehweg an, Stolpergefahr",
        "Baum abgestorben, nicht mehr standsicher",
    });
    proposals = {
        {QStringLiteral("Trinkbrunnen in {district}"),
         QStringLiteral("In der {street} soll ein öffentlicher Trinkbrunnen aufgestellt werden. Gerade im Sommer "
                        "fehlt Trinkwasser für Kinder, ältere Menschen und Radfahrende."),
         15'000, 40'000},
        {QStringLiteral("Durchgehender Radweg {street}"),
         QStringLiteral("Der Radweg in der {street} endet unvermittelt an der Kreuzung. Wir wünschen uns eine "
                        "durchgehende, baulich getrennte Radspur bis zur Stadtbahnhaltestelle."),
         50'000, 400'000},
        {QStringLiteral("Mehr Sitzbänke in {district}"),
         QStringLiteral("Entlang der {street} gibt es kaum Sitzgelegenheiten. Ältere Menschen brauchen etwa alle "
                        "200 Meter eine Bank, um sich auszuruhen."),
         5'000, 20'000},
        {QStringLiteral("Spielplatz {street} sanieren"),
         QStringLiteral("Der Spielplatz an der {street} ist in die Jahre gekommen: Die Schaukel ist gesperrt, der "
                        "Sandkasten verschmutzt. Bitte sanieren und barrierefrei gestalten."),
         80'000, 250'000},
        {QStringLiteral("Öffentliche Toilette in {district}"),
         QStringLiteral("Im Zentrum von {district} fehlt eine öffentliche, barrierefreie Toilette. Wir schlagen einen "
                        "Standort nahe der {street} vor."),
         120'000, 300'000},
        {QStringLiteral("Straßenbäume für die {street}"),
         QStringLiteral("Die {street} heizt sich im Sommer stark auf. Wir schlagen vor, auf den Parkstreifen "
                        "Straßenbäume zu pflanzen und die Flächen zu entsiegeln."),
         30'000, 150'000},
        {QStringLiteral("Jugendtreff in {district}"),
         QStringLiteral("Für Jugendliche in {district} gibt es abends keinen Treffpunkt. Ein offener Jugendtreff mit "
                        "Betreuung würde helfen."),
         100'000, 500'000},
        {QStringLiteral("Zebrastreifen vor der Grundschule {district}"),
         QStringLiteral("Vor der Grundschule in der {street} queren morgens viele Kinder die Fahrbahn. Wir bitten um "
                        "einen Zebrastreifen und Tempo 30."),
         10'000, 40'000},
    };

    // Stages follow the process: 0 intake, 1 review, 2 request for documents, 3 draft and co-signing,
    // 4 decision, 5 closed. A case gets Vermerke of its own stage and earlier ones only.
    const QString any;
    const QString parking = QStringLiteral("bewohnerparken");
    const QString exemption = QStringLiteral("umweltzone");
    const QString tree = QStringLiteral("baumfaellung");
    const QString budget = QStringLiteral("buergerhaushalt");
    auto note = [](int stage, const QString &caseType, const char *text, bool byTeamLead = false) {
        return DemoNoteText{stage, caseType, QString::fromUtf8(text), byTeamLead};
    };
    noteTexts = {
        note(0, any, "Eingangsbestätigung an {applicant} versandt."),
        note(1, any, "Antrag auf Vollständigkeit geprüft: Unterlagen liegen vollständig vor."),
        note(1, any, "Telefonat mit {applicant}: Sachstand erläutert, Rückfragen geklärt."),
        note(1, any, "Rückfrage per E-Mail beantwortet; weitere Unterlagen sind nicht erforderlich."),
        note(2, any, "Nachforderung versandt: fehlende Unterlagen bis {deadline} angefordert."),
        note(3, any, "Bescheidentwurf erstellt und zur Mitzeichnung an die Teamleitung gegeben."),
        note(4, any, "Mitgezeichnet. Bescheid kann versandt werden.", true),
        note(5, any, "Bescheid am {date} versandt, Vorgang abgeschlossen."),
        note(1, parking, "Hauptwohnsitz im Melderegister bestätigt."),
        note(2, parking,
             "Halter laut Zulassung abweichend; Nutzungsnachweis des Arbeitgebers für {plate} angefordert."),
        note(1, parking, "Für {plate} besteht noch ein gültiger Ausweis bis Monatsende; Verlängerung vorgemerkt."),
        note(4, parking, "Gebühr laut Gebührenordnung berechnet, Zahlungsaufforderung erstellt."),
        note(1, exemption, "Hersteller angefragt: für {plate} gibt es kein zugelassenes Nachrüstsystem."),
        note(1, exemption, "Arbeitgeberbescheinigung über den Schichtdienst liegt vor."),
        note(1, exemption, "Wirtschaftliche Verhältnisse plausibel dargelegt; Härtefall wird angenommen."),
        note(3, exemption, "Ausnahme auf zwölf Monate befristet vorgesehen, Auflage: Nachweis der Ersatzbeschaffung."),
        note(1, tree, "Ortstermin am {date}: Baum geschädigt, Standsicherheit eingeschränkt."),
        note(1, tree, "Fotodokumentation geprüft; Stammumfang vor Ort nachgemessen."),
        note(2, tree, "Untere Naturschutzbehörde beteiligt (Artenschutz, Brutzeit bis 30. September)."),
        note(3, tree, "Ersatzpflanzung mit {applicant} abgestimmt: Hainbuche, Stammumfang 18–20 cm."),
        note(1, budget, "Vorschlag dem Fachamt zur Stellungnahme übersandt."),
        note(1, budget, "Ähnlicher Vorschlag aus der letzten Runde zusammengeführt."),
        note(2, budget, "Kostenschätzung des Fachamts liegt vor; Vorschlag ist umsetzbar."),
        note(3, budget, "Bezirksbeirat {district} hat den Vorschlag beraten und unterstützt ihn."),
    };
}

} // namespace casedesk::demo
