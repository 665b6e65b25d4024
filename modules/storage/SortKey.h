// Sort keys stored beside the display values of the visible case state, so that SQLite's binary collation
// (SQLCipher has no ICU) sorts in the order a German user expects and an index can serve every sort.
#pragma once

#include "core/Case.h"

#include <QDate>
#include <QString>

namespace casedesk::storage {

class SortKey {
public:
    // DIN 5007-1: lower case, ä->a, ö->o, ü->u, ß->ss, other diacritics removed: "Äpfel" sorts beside
    // "Apfel", never after "Zebra".
    static QString german(const QString &text);

    // ISO date; a missing date sorts after every date.
    static QString date(const QDate &date);

    // Server-assigned numbers by file plan code (numerically, group by group), year and running number;
    // provisional numbers of cases not yet synced after all of them.
    static QString aktenzeichen(const Case &c);

    // By German name; unassigned cases after every assigned one.
    static QString assignee(bool assigned, const QString &name);
};

} // namespace casedesk::storage
