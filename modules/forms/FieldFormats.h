// Formats of single values: normalising what people type (trim, IBAN without spaces, postcode digits,
// canonical Kfz-Kennzeichen, exact decimals), checking special formats, and writing values for display.
// Used by the validator, and by the form view and letters for display.
#pragma once

#include "forms/FieldType.h"

#include <QDate>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace casedesk::forms {

struct FormField;

class FieldFormats {
public:
    // The value as stored: strings trimmed; Iban upper case without spaces; Postcode without spaces and a
    // leading "D-"; KfzKennzeichen canonical ("S-AB 1234", or upper case as typed when it is not one); Phone
    // with single spaces; Decimal as canonical exact text (a JSON number becomes text); Integer and Money given
    // as text of digits become numbers. Values of the wrong kind are returned unchanged (validation reports
    // them).
    static QJsonValue normalize(FieldType type, const QJsonValue &value);
    // The same for a value given as text (trimmed, then as above; integers stay text here).
    static QString normalizeText(FieldType type, const QString &text);
    // Whether normalize() keeps a string a string (all types but Integer and Money): then it is normalizeText().
    static bool staysText(FieldType type);

    static QString compactIban(const QString &text);
    // Country code, check digits and length (22 for DE, 15 to 34 elsewhere) of a compact IBAN.
    static bool isIbanWellFormed(const QString &compact);
    // ISO 13616 check digits (mod 97 == 1) of a well-formed compact IBAN.
    static bool isIbanChecksumValid(const QString &compact);
    // For display: groups of four ("DE89 3704 0044 0532 0130 00").
    static QString groupIban(const QString &compact);

    // "S-AB 1234", "s ab 1234", "S-AB-1234 E" -> "S-AB 1234" / "S-AB 1234E": a district code of 1 to 3 letters
    // (umlauts allowed), a separator, 1 or 2 letters, 1 to 4 digits not starting with 0 (at most 8 letters and
    // digits together), an optional E (electric) or H (historic). nullopt when it is not such a number.
    static std::optional<QString> canonicalKennzeichen(const QString &text);

    static QString normalizePostcode(const QString &text);
    static bool isValidPostcode(const QString &text); // five digits, 01001 to 99998
    static bool isValidEmail(const QString &text);    // name@domain.tld, no spaces, at most 254 characters
    static bool isValidPhone(const QString &text);    // digits, spaces, + / - ( ); 5 to 20 digits
    static bool isDocumentId(const QString &text);    // a UUID without braces

    // A readable text in the current language (QLocale()): money "1.234,50 €" / "€1,234.50", dates
    // "02.03.2026" / "2026-03-02", code labels instead of codes, IBAN grouped, yes/no for booleans,
    // decimals and integers with their unit. Empty for empty values.
    static QString displayText(const FormField &field, const QJsonValue &value);
    static QString formatMoney(qint64 cents);
    static QString formatDate(const QDate &date);
    static QString formatDecimal(const QString &canonical); // "12.5" -> "12,5" under a German locale
};

} // namespace casedesk::forms
