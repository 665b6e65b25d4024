#include "forms/FieldFormats.h"

#include "core/JsonFields.h"
#include "forms/Decimal.h"
#include "forms/FormField.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>

namespace casedesk::forms {

namespace {

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isUpperAscii(QChar c)
{
    return c.unicode() >= u'A' && c.unicode() <= u'Z';
}

QString withoutWhitespace(const QString &text)
{
    if (std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); }))
        return text; // most values come without: no copy
    QString result;
    result.reserve(text.size());
    for (QChar c : text) {
        if (!c.isSpace())
            result += c;
    }
    return result;
}

bool isTrimmed(QStringView text)
{
    return text.isEmpty() || (!text.front().isSpace() && !text.back().isSpace());
}

// Whether QString::simplified() would leave trimmed `text` as it is: no whitespace but single spaces.
bool isSimplified(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isSpace() && (text.at(i) != u' ' || text.at(i + 1).isSpace()))
            return false;
    }
    return true;
}

// Integer given as text ("1250", "-3"): the number, or nullopt.
std::optional<double> integerFromText(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^-?\\d{1,16}$"));
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    return text.toDouble();
}

int ibanLength(const QString &country)
{
    // The countries applications here come from; others only need the general length range.
    static const QHash<QString, int> lengths{
        {QStringLiteral("DE"), 22}, {QStringLiteral("AT"), 20}, {QStringLiteral("CH"), 21}, {QStringLiteral("FR"), 27},
        {QStringLiteral("IT"), 27}, {QStringLiteral("NL"), 18}, {QStringLiteral("BE"), 16}, {QStringLiteral("LU"), 20},
        {QStringLiteral("ES"), 24}, {QStringLiteral("PL"), 28}, {QStringLiteral("CZ"), 24}, {QStringLiteral("DK"), 18},
        {QStringLiteral("LI"), 21}, {QStringLiteral("GB"), 22}, {QStringLiteral("PT"), 25},
    };
    return lengths.value(country, 0);
}

} // namespace

QJsonValue FieldFormats::normalize(FieldType type, const QJsonValue &value)
{
    if (type == FieldType::Decimal && value.isDouble()) {
        const std::optional<Decimal> decimal = Decimal::fromDouble(value.toDouble());
        return decimal ? QJsonValue(decimal->toString()) : value;
    }
    if (!value.isString())
        return value;
    if (!staysText(type)) {
        const QString text = value.toString().trimmed();
        const std::optional<double> number = integerFromText(text);
        return number ? QJsonValue(*number) : QJsonValue(text);
    }
    const QString text = value.toString();
    const QString normalized = normalizeText(type, text);
    return normalized == text ? value : QJsonValue(normalized); // most values are stored normalised already
}

bool FieldFormats::staysText(FieldType type)
{
    return type != FieldType::Integer && type != FieldType::Money;
}

QString FieldFormats::normalizeText(FieldType type, const QString &raw)
{
    // Every value of a form passes here: what needs no change is returned as it is, without a copy.
    const QString text = isTrimmed(raw) ? raw : raw.trimmed();
    switch (type) {
    case FieldType::Iban:
        return compactIban(text);
    case FieldType::Postcode:
        return normalizePostcode(text);
    case FieldType::KfzKennzeichen:
        if (std::optional<QString> canonical = canonicalKennzeichen(text))
            return *std::move(canonical);
        return text.toUpper();
    case FieldType::Phone:
        return isSimplified(text) ? text : text.simplified();
    case FieldType::Decimal: {
        if (Decimal::isCanonical(text))
            return text;
        const std::optional<Decimal> decimal = Decimal::parse(text);
        return decimal ? decimal->toString() : text;
    }
    default:
        return text;
    }
}

QString FieldFormats::compactIban(const QString &text)
{
    return withoutWhitespace(text).toUpper();
}

bool FieldFormats::isIbanWellFormed(const QString &compact)
{
    if (compact.size() < 15 || compact.size() > 34)
        return false;
    if (!isUpperAscii(compact.at(0)) || !isUpperAscii(compact.at(1)) || !isDigit(compact.at(2)) ||
        !isDigit(compact.at(3)))
        return false;
    for (QChar c : compact) {
        if (!isDigit(c) && !isUpperAscii(c))
            return false;
    }
    const int expected = ibanLength(compact.left(2));
    return expected == 0 || compact.size() == expected;
}

bool FieldFormats::isIbanChecksumValid(const QString &compact)
{
    if (compact.size() < 5)
        return false;
    // Move the first four characters to the end, letters become 10..35, and the number mod 97 must be 1;
    // computed digit by digit so it never overflows.
    const QString rearranged = compact.mid(4) + compact.left(4);
    int remainder = 0;
    for (QChar c : rearranged) {
        if (isDigit(c)) {
            remainder = (remainder * 10 + (c.unicode() - u'0')) % 97;
        } else if (isUpperAscii(c)) {
            const int value = c.unicode() - u'A' + 10;
            remainder = (remainder * 100 + value) % 97;
        } else {
            return false;
        }
    }
    return remainder == 1;
}

QString FieldFormats::groupIban(const QString &compact)
{
    QString grouped;
    for (qsizetype i = 0; i < compact.size(); i += 4) {
        if (i > 0)
            grouped += u' ';
        grouped += compact.mid(i, 4);
    }
    return grouped;
}

std::optional<QString> FieldFormats::canonicalKennzeichen(const QString &text)
{
    // District (1-3 letters, umlauts allowed), separator, 1-2 letters, 1-4 digits not starting with 0, an optional
    // E (electric) or H (historic); at most 8 letters and digits. Read by hand: a regular expression was the
    // largest cost of validating a form with a vehicle.
    constexpr qsizetype MaxSize = 20;
    if (text.size() > MaxSize)
        return std::nullopt;
    // Upper case: by hand into a buffer for ASCII and umlauts (what plates are written with), through Qt for
    // anything else (its full case mapping turns some letters into two).
    std::array<QChar, MaxSize> buffer{};
    QString mapped;
    QStringView upper;
    const bool simple = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() < 0x80 || c == u'ä' || c == u'ö' || c == u'ü' || c == u'Ä' || c == u'Ö' || c == u'Ü';
    });
    if (simple) {
        std::transform(text.cbegin(), text.cend(), buffer.begin(), [](QChar c) {
            const char16_t unit = c.unicode();
            const bool lower = (unit >= u'a' && unit <= u'z') || unit == u'ä' || unit == u'ö' || unit == u'ü';
            return QChar(lower ? char16_t(unit - 0x20) : unit); // Ä, Ö, Ü lie 0x20 below ä, ö, ü as in ASCII
        });
        upper = QStringView(buffer.data(), text.size()).trimmed();
    } else {
        mapped = text.trimmed().toUpper();
        upper = mapped;
    }
    const auto isSeparator = [](QChar c) { return c == u'-' || c.isSpace(); };
    const auto isDistrictLetter = [](QChar c) { return isUpperAscii(c) || c == u'Ä' || c == u'Ö' || c == u'Ü'; };
    qsizetype i = 0;
    const qsizetype size = upper.size();
    const auto run = [&](auto accept) {
        const qsizetype start = i;
        while (i < size && accept(upper.at(i)))
            ++i;
        return upper.mid(start, i - start);
    };
    const QStringView district = run(isDistrictLetter);
    if (district.isEmpty() || district.size() > 3 || run(isSeparator).isEmpty())
        return std::nullopt;
    const QStringView letters = run(isUpperAscii);
    if (letters.isEmpty() || letters.size() > 2)
        return std::nullopt;
    run(isSeparator);
    const QStringView digits = run(isDigit);
    if (digits.isEmpty() || digits.size() > 4 || digits.front() == u'0')
        return std::nullopt;
    while (i < size && upper.at(i).isSpace())
        ++i;
    const QStringView suffix = upper.mid(i);
    if (suffix.size() > 1 || (suffix.size() == 1 && suffix.front() != u'E' && suffix.front() != u'H'))
        return std::nullopt;
    if (district.size() + letters.size() + digits.size() > 8)
        return std::nullopt;
    // At most 3 + 1 + 2 + 1 + 4 + 1 characters.
    std::array<QChar, 12> canonical{};
    qsizetype length = 0;
    const auto append = [&](QStringView part) {
        std::copy(part.begin(), part.end(), canonical.begin() + length);
        length += part.size();
    };
    append(district);
    append(u"-");
    append(letters);
    append(u" ");
    append(digits);
    append(suffix);
    const QStringView result(canonical.data(), length);
    // Values are checked after they were normalised, so most arrive canonical: then no new string is made.
    return result == text ? text : result.toString();
}

QString FieldFormats::normalizePostcode(const QString &text)
{
    QString compact = withoutWhitespace(text);
    if (compact.startsWith(QLatin1String("D-"), Qt::CaseInsensitive))
        compact = compact.mid(2);
    return compact;
}

bool FieldFormats::isValidPostcode(const QString &text)
{
    if (text.size() != 5)
        return false;
    for (QChar c : text) {
        if (!isDigit(c))
            return false;
    }
    return !text.startsWith(QLatin1String("00")) && text != QLatin1String("99999");
}

bool FieldFormats::isValidEmail(const QString &text)
{
    // The common form of RFC 5321 addresses: a local part of "atext" characters and dots (no dot first, last or
    // twice), "@", a host name of at least two labels (letters, digits, inner hyphens, at most 63 each), the
    // last one letters only. Read by hand: a regular expression cost more than the rest of a form's checks.
    if (text.size() > 254)
        return false;
    const qsizetype at = text.indexOf(u'@');
    if (at < 1 || at > 64)
        return false;
    static constexpr QLatin1StringView atextSpecials("!#$%&'*+/=?^_`{|}~-");
    const auto isAlnum = [](QChar c) { return isDigit(c) || isUpperAscii(c) || (c >= u'a' && c <= u'z'); };
    for (qsizetype i = 0; i < at; ++i) {
        const QChar c = text.at(i);
        if (c == u'.') {
            if (i == 0 || i == at - 1 || text.at(i - 1) == u'.')
                return false;
        } else if (!isAlnum(c) && !atextSpecials.contains(c)) {
            return false;
        }
    }
    qsizetype labelStart = at + 1;
    int labels = 0;
    for (qsizetype i = labelStart; i <= text.size(); ++i) {
        if (i < text.size() && text.at(i) != u'.') {
            if (!isAlnum(text.at(i)) && text.at(i) != u'-')
                return false;
            continue;
        }
        const QStringView label = QStringView(text).mid(labelStart, i - labelStart);
        if (label.isEmpty() || label.size() > 63 || label.front() == u'-' || label.back() == u'-')
            return false;
        ++labels;
        if (i == text.size()) { // the top-level domain: letters only, at least two
            if (labels < 2 || label.size() < 2)
                return false;
            for (QChar c : label) {
                if (isDigit(c) || c == u'-')
                    return false;
            }
        }
        labelStart = i + 1;
    }
    return true;
}

bool FieldFormats::isValidPhone(const QString &text)
{
    int digits = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (isDigit(c))
            ++digits;
        else if (c == u'+' ? i != 0 : !(c == u' ' || c == u'/' || c == u'-' || c == u'(' || c == u')'))
            return false;
    }
    return digits >= 5 && digits <= 20;
}

bool FieldFormats::isDocumentId(const QString &text)
{
    // 8-4-4-4-12 hexadecimal digits, as QUuid writes them without braces: the dashes first, then the digits of each
    // part in a tight loop.
    static constexpr auto hexDigits = [] {
        std::array<bool, 128> table{};
        for (char c : QByteArrayView("0123456789abcdefABCDEF"))
            table[uchar(c)] = true;
        return table;
    }();
    if (text.size() != 36 || text.at(8) != u'-' || text.at(13) != u'-' || text.at(18) != u'-' || text.at(23) != u'-')
        return false;
    char16_t nonZero = 0;
    for (const auto &[start, length] :
         {std::pair(0, 8), std::pair(9, 4), std::pair(14, 4), std::pair(19, 4), std::pair(24, 12)}) {
        for (const QChar c : QStringView(text).mid(start, length)) {
            if (c.unicode() >= 128 || !hexDigits[c.unicode()])
                return false;
            nonZero |= c.unicode() ^ u'0';
        }
    }
    return nonZero != 0; // the nil UUID names nothing
}

QString FieldFormats::formatMoney(qint64 cents)
{
    const QLocale locale;
    const qint64 magnitude = cents < 0 ? -cents : cents;
    const QString number = locale.toString(magnitude / 100) + locale.decimalPoint() +
                           QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    const QString sign = cents < 0 ? QStringLiteral("-") : QString();
    return locale.language() == QLocale::German ? sign + number + QStringLiteral(" €")
                                                : sign + QStringLiteral("€") + number;
}

QString FieldFormats::formatDate(const QDate &date)
{
    return QLocale().language() == QLocale::German ? date.toString(QStringLiteral("dd.MM.yyyy"))
                                                   : json::dateToString(date);
}

QString FieldFormats::formatDecimal(const QString &canonical)
{
    QString text = canonical;
    return text.replace(u'.', QLocale().decimalPoint());
}

QString FieldFormats::displayText(const FormField &field, const QJsonValue &raw)
{
    const QJsonValue value = normalize(field.type, raw);
    const auto withUnit = [&](const QString &text) { return field.unit.isEmpty() ? text : text + u' ' + field.unit; };
    switch (field.type) {
    case FieldType::Integer:
        return value.isDouble() ? withUnit(QLocale().toString(qint64(value.toDouble()))) : value.toString();
    case FieldType::Money:
        return value.isDouble() ? formatMoney(qint64(value.toDouble())) : value.toString();
    case FieldType::Decimal:
        return value.isString() && !value.toString().isEmpty() ? withUnit(formatDecimal(value.toString())) : QString();
    case FieldType::Date: {
        const std::optional<QDate> date = json::dateFromString(value.toString());
        return date && date->isValid() ? formatDate(*date) : value.toString();
    }
    case FieldType::Boolean:
        if (!value.isBool())
            return {};
        return value.toBool() ? QCoreApplication::translate("Forms", "Yes")
                              : QCoreApplication::translate("Forms", "No");
    case FieldType::Choice:
    case FieldType::District: {
        const CodeListEntry *entry = field.codeList ? field.codeList->entry(value.toString()) : nullptr;
        return entry ? entry->label.text() : value.toString();
    }
    case FieldType::MultiChoice: {
        QStringList labels;
        for (const QJsonValue &item : value.toArray()) {
            const CodeListEntry *entry = field.codeList ? field.codeList->entry(item.toString()) : nullptr;
            labels.append(entry ? entry->label.text() : item.toString());
        }
        return labels.join(QStringLiteral(", "));
    }
    case FieldType::Iban:
        return groupIban(value.toString());
    case FieldType::Group:
        return {};
    default:
        return value.toString();
    }
}

} // namespace casedesk::forms
