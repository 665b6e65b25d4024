// An exact decimal number as written ("12.50", "-0,5"): form data keeps decimals as text so that nothing is
// rounded through binary floating point; comparison works on the digits.
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace casedesk::forms {

class Decimal {
public:
    // At most this many digits before and after the decimal point; longer input is refused.
    static constexpr int MaxDigits = 30;

    // Accepts an optional sign, digits, and optionally "." or "," followed by digits ("12", "-3.25", "0,5").
    // No exponent, no grouping separators, no spaces.
    static std::optional<Decimal> parse(QStringView text);
    // The shortest decimal that reads back as `value` (for JSON numbers that arrive instead of text);
    // nullopt for NaN, infinities and values too large to write out.
    static std::optional<Decimal> fromDouble(double value);

    // Canonical text: "-" when negative, no leading zeros, "." as separator, fraction digits as written.
    QString toString() const;
    // Whether `text` is canonical text already (parse(text)->toString() == text), answered without making a Decimal.
    static bool isCanonical(QStringView text);
    int fractionDigits() const { return int(m_fraction.size()); }
    bool isNegative() const { return m_negative; }

    // <0, 0 or >0; "1.5" equals "1.50".
    int compare(const Decimal &other) const;
    friend bool operator==(const Decimal &a, const Decimal &b) { return a.compare(b) == 0; }
    friend bool operator<(const Decimal &a, const Decimal &b) { return a.compare(b) < 0; }

private:
    int compareMagnitude(const Decimal &other) const;

    bool m_negative = false;
    QString m_integer = QStringLiteral("0"); // digits, no leading zeros
    QString m_fraction;                      // digits as written (trailing zeros kept)
};

} // namespace casedesk::forms
