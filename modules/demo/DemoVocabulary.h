// The word lists behind the demo data: German names, Stuttgart's 23 Stadtbezirke with real streets and
// postcodes, trades, trees, reasons, proposals and Vermerk texts. Built once, shared read-only.
#pragma once

#include "core/Role.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace casedesk::demo {

struct DemoName {
    QString text;  // as written: "Müller"
    QString ascii; // lower-case ASCII for logins and e-mail addresses: "mueller"
};

struct DemoStreet {
    QString name;
    QString postcode; // 70xxx
};

struct DemoDistrict {
    QString name;   // "Bad Cannstatt"
    int population; // in thousands, weights where applicants live
    int parkZones;  // Bewohnerparkzonen "S-<name> 1..n"; 0 where there is no residents' parking
    QList<DemoStreet> streets;
};

struct DemoProposal {
    QString title; // "{district}" and "{street}" are replaced
    QString text;
    int minEuro;
    int maxEuro;
};

// A Vermerk text; "{applicant}", "{date}" (the note's day), "{deadline}" (two weeks later), "{district}" and
// "{plate}" are replaced.
struct DemoNoteText {
    int stage;        // how far the case must be: 0 intake .. 5 closed (the status order)
    QString caseType; // empty: any case type
    QString text;
    bool byTeamLead; // written by the team lead (co-signing), not the clerk
};

struct DemoStaffMember {
    QString givenName;
    QString familyName;
    Role role;
    QStringList teamCodes; // the teams the person works in (or audits); empty for mailroom and admin
};

struct DemoVocabulary {
    QList<DemoName> femaleNames;
    QList<DemoName> maleNames;
    QList<DemoName> familyNames;
    QList<DemoDistrict> districts;
    QList<DemoStaffMember> staff;    // the city office's people, in a fixed order (their ids follow it)
    QStringList trades;              // "Schreinerei"
    QStringList legalForms;          // "GmbH"
    QStringList associationPatterns; // "Bürgerverein {district} e. V."
    QStringList mailProviders;
    QStringList mobilePrefixes;
    QStringList neighbourPlates; // registration districts around Stuttgart: "LB", "ES", ...
    QStringList emissionClasses;
    QStringList exemptionReasons;
    QStringList treeSpecies;
    QStringList treeReasons;
    QList<DemoProposal> proposals;
    QList<DemoNoteText> noteTexts; // Vermerke, generic and per case type

    static const DemoVocabulary &instance();

    // "Müller" -> "mueller", "Öztürk" -> "oeztuerk", "Yılmaz" -> "yilmaz": German transliteration, then
    // accents dropped; what is left outside [a-z0-9] is removed.
    static QString asciiFold(const QString &text);

private:
    DemoVocabulary();
};

} // namespace casedesk::demo
