// Aktenzeichen (file number): file plan code + running number + year, e.g. "32.10-000123/2026".
// Assigned by the server; a case created offline has none yet (isNull()) and shows a provisional label.
#pragma once

#include "core/Result.h"

#include <QString>

namespace casedesk {

class Aktenzeichen {
public:
    Aktenzeichen() = default;
    Aktenzeichen(QString filePlanCode, int number, int year);

    // Accepts the canonical form; surrounding blanks are ignored. The file plan code is one to four groups
    // of digits separated by dots ("32", "32.10", "32.10.2"); number 1..999999; year 1900..2999.
    static Result<Aktenzeichen> parse(const QString &text);

    // One to four dot-separated groups of one to four digits ("32", "32.10", "32.10.2"); also used for teams.
    static bool isValidFilePlanCode(const QString &code);

    bool isNull() const { return m_number == 0; }
    bool isValid() const; // every part in range

    QString filePlanCode() const { return m_filePlanCode; }
    int number() const { return m_number; }
    int year() const { return m_year; }

    QString toString() const; // "32.10-000123/2026"; empty when null
    // Digits only, for search and for sort keys that should not care about separators: "32100001232026".
    QString compactForm() const;

    bool operator==(const Aktenzeichen &) const = default;

private:
    QString m_filePlanCode;
    int m_number = 0;
    int m_year = 0;
};

} // namespace casedesk
