#include "forms/FieldValueCheck.h"

#include "core/JsonFields.h"
#include "forms/FieldFormats.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QSet>

#include <cmath>
#include <cstring>

namespace casedesk::forms {

namespace {

using Code = FormProblem::Code;

constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

QString label(const FormField &field)
{
    return field.label.text();
}

// Whether any of the four UTF-16 code units in `word` is below U+0020 or is U+007F (the "has less than" and
// "has zero" bit tricks on 16-bit lanes).
constexpr bool hasControlUnit(quint64 word)
{
    constexpr quint64 ones = 0x0001000100010001;
    constexpr quint64 highs = 0x8000800080008000;
    const quint64 delete_ = word ^ (ones * 0x7f);
    return (((word - ones * 0x20) & ~word) | ((delete_ - ones) & ~delete_)) & highs;
}

bool hasControlCharacters(const QString &text, bool allowLineBreaks)
{
    // Nearly all text has none; four characters at a time answer that (the scan was a large part of validation).
    qsizetype i = 0;
    for (; i + 4 <= text.size(); i += 4) {
        quint64 word;
        std::memcpy(&word, text.constData() + i, sizeof word);
        if (hasControlUnit(word))
            break;
    }
    if (i == text.size())
        return false;
    for (QChar c : QStringView(text).mid(i)) {
        if (c.unicode() >= 0x20 && c.unicode() != 0x7f)
            continue;
        if (allowLineBreaks && (c == u'\n' || c == u'\r' || c == u'\t'))
            continue;
        return true;
    }
    return false;
}

QString formatInteger(const FormField &field, qint64 value)
{
    if (field.type == FieldType::Money)
        return FieldFormats::formatMoney(value);
    const QString number = QLocale().toString(value);
    return field.unit.isEmpty() ? number : number + u' ' + field.unit;
}

QString formatDecimal(const FormField &field, const Decimal &value)
{
    const QString number = FieldFormats::formatDecimal(value.toString());
    return field.unit.isEmpty() ? number : number + u' ' + field.unit;
}

} // namespace

void FieldValueCheck::text(const FormField &field, const QString &text) const
{
    if (text.size() > field.maxLength) {
        m_sink.report(Code::TooLong,
                      QCoreApplication::translate("Forms", "“%1” allows at most %2 characters; shorten it.")
                          .arg(label(field))
                          .arg(field.maxLength));
        return;
    }
    if (text.size() < field.minLength) {
        m_sink.report(Code::TooShort, QCoreApplication::translate("Forms", "“%1” needs at least %2 characters.")
                                          .arg(label(field))
                                          .arg(field.minLength));
        return;
    }
    if (hasControlCharacters(text, field.type == FieldType::Multiline)) {
        m_sink.report(
            Code::InvalidFormat,
            field.type == FieldType::Text
                ? QCoreApplication::translate(
                      "Forms", "“%1” must be a single line without control characters; remove the line breaks.")
                      .arg(label(field))
                : QCoreApplication::translate("Forms", "“%1” contains control characters; remove them.")
                      .arg(label(field)));
        return;
    }
    switch (field.type) {
    case FieldType::Text:
    case FieldType::Multiline:
        pattern(field, text);
        break;
    case FieldType::Phone:
        if (!FieldFormats::isValidPhone(text))
            m_sink.report(Code::InvalidFormat,
                          QCoreApplication::translate(
                              "Forms",
                              "Enter a phone number for “%1” with digits, spaces and + / - ( ), for example +49 711 "
                              "216-0.")
                              .arg(label(field)));
        else
            pattern(field, text);
        break;
    case FieldType::Email:
        if (!FieldFormats::isValidEmail(text))
            m_sink.report(
                Code::InvalidFormat,
                QCoreApplication::translate("Forms", "Enter an e-mail address for “%1”, for example name@example.de.")
                    .arg(label(field)));
        break;
    case FieldType::Postcode:
        if (!FieldFormats::isValidPostcode(text))
            m_sink.report(
                Code::InvalidFormat,
                QCoreApplication::translate("Forms", "Enter a five-digit German postcode for “%1”.").arg(label(field)));
        break;
    case FieldType::Iban:
        if (!FieldFormats::isIbanWellFormed(text))
            m_sink.report(
                Code::InvalidFormat,
                QCoreApplication::translate("Forms", "Enter an IBAN for “%1”, for example DE89 3704 0044 0532 0130 00.")
                    .arg(label(field)));
        else if (!FieldFormats::isIbanChecksumValid(text))
            m_sink.report(Code::InvalidChecksum,
                          QCoreApplication::translate(
                              "Forms",
                              "The IBAN in “%1” is not valid (its check digits do not match); check it for typing "
                              "errors.")
                              .arg(label(field)));
        break;
    case FieldType::KfzKennzeichen:
        if (!FieldFormats::canonicalKennzeichen(text))
            m_sink.report(Code::InvalidFormat,
                          QCoreApplication::translate(
                              "Forms", "Enter a vehicle registration number for “%1”, for example S-AB 1234.")
                              .arg(label(field)));
        break;
    case FieldType::DocumentRef:
        if (!FieldFormats::isDocumentId(text))
            m_sink.report(Code::InvalidFormat,
                          QCoreApplication::translate(
                              "Forms", "“%1” does not refer to a document of this case; attach the document again.")
                              .arg(label(field)));
        break;
    case FieldType::Choice:
    case FieldType::District:
        if (!field.codeList || !field.codeList->contains(text))
            m_sink.report(Code::NotInCodeList,
                          QCoreApplication::translate(
                              "Forms", "“%1” has a value that is not in its list; choose one from the list.")
                              .arg(label(field)));
        break;
    case FieldType::Date:
        date(field, text);
        break;
    case FieldType::Decimal:
        decimal(field, text);
        break;
    default:
        break;
    }
}

void FieldValueCheck::nonText(const FormField &field, const QJsonValue &value) const
{
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Money:
        integer(field, value);
        break;
    case FieldType::Boolean:
        if (!value.isBool())
            m_sink.report(
                Code::WrongType,
                QCoreApplication::translate("Forms", "“%1” must be yes or no; choose again.").arg(label(field)));
        break;
    case FieldType::MultiChoice:
        multiChoice(field, value);
        break;
    case FieldType::Group:
        break;
    default: // a string type with a value that is no string
        m_sink.report(Code::WrongType,
                      QCoreApplication::translate("Forms", "“%1” must be text; enter it again.").arg(label(field)));
        break;
    }
}

void FieldValueCheck::required(const FormField &field) const
{
    m_sink.report(Code::Required,
                  field.type == FieldType::Boolean
                      ? QCoreApplication::translate("Forms", "Confirm “%1”.").arg(label(field))
                      : QCoreApplication::translate("Forms", "Enter a value for “%1”.").arg(label(field)));
}

void FieldValueCheck::tooLong(const FormField &field) const
{
    m_sink.report(Code::TooLong, QCoreApplication::translate("Forms", "“%1” allows at most %2 characters; shorten it.")
                                     .arg(label(field))
                                     .arg(field.maxLength));
}

void FieldValueCheck::notANumber(const FormField &field) const
{
    m_sink.report(Code::InvalidFormat,
                  QCoreApplication::translate("Forms", "Enter a number for “%1”, for example 12.5.").arg(label(field)));
}

void FieldValueCheck::pattern(const FormField &field, const QString &text) const
{
    // Matched on a view: a QString argument is copied into the match object.
    if (field.pattern.pattern().isEmpty() || field.pattern.match(QStringView(text)).hasMatch())
        return;
    const QString hint = field.patternHint.text();
    m_sink.report(
        Code::PatternMismatch,
        hint.isEmpty()
            ? QCoreApplication::translate("Forms", "“%1” does not have the expected form; check the entry.")
                  .arg(label(field))
            : QCoreApplication::translate("Forms", "“%1” does not have the expected form (%2); check the entry.")
                  .arg(label(field), hint));
}

void FieldValueCheck::date(const FormField &field, const QString &text) const
{
    const std::optional<QDate> date = json::dateFromString(text);
    if (!date || !date->isValid()) {
        m_sink.report(
            Code::InvalidFormat,
            QCoreApplication::translate("Forms", "Enter “%1” as a date (year-month-day, for example 2026-03-02).")
                .arg(label(field)));
        return;
    }
    const QDate earliest = field.minDate ? field.minDate->resolve(m_today) : QDate();
    const QDate latest = field.maxDate ? field.maxDate->resolve(m_today) : QDate();
    if (earliest.isValid() && *date < earliest)
        m_sink.report(Code::TooEarly, QCoreApplication::translate("Forms", "“%1” must not be before %2.")
                                          .arg(label(field), FieldFormats::formatDate(earliest)));
    else if (latest.isValid() && *date > latest)
        m_sink.report(Code::TooLate, QCoreApplication::translate("Forms", "“%1” must not be after %2.")
                                         .arg(label(field), FieldFormats::formatDate(latest)));
}

void FieldValueCheck::decimal(const FormField &field, const QString &text) const
{
    const std::optional<Decimal> number = Decimal::parse(text);
    if (!number) {
        notANumber(field);
        return;
    }
    if (field.decimals >= 0 && number->fractionDigits() > field.decimals)
        m_sink.report(Code::TooPrecise,
                      QCoreApplication::translate("Forms", "“%1” allows at most %2 decimal places; round the number.")
                          .arg(label(field))
                          .arg(field.decimals));
    else if (field.minDecimal && *number < *field.minDecimal)
        m_sink.report(Code::TooSmall, QCoreApplication::translate("Forms", "“%1” must be at least %2.")
                                          .arg(label(field), formatDecimal(field, *field.minDecimal)));
    else if (field.maxDecimal && *field.maxDecimal < *number)
        m_sink.report(Code::TooLarge, QCoreApplication::translate("Forms", "“%1” must be at most %2.")
                                          .arg(label(field), formatDecimal(field, *field.maxDecimal)));
}

void FieldValueCheck::integer(const FormField &field, const QJsonValue &value) const
{
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || number != std::floor(number) || std::fabs(number) > MaxExactInteger) {
        m_sink.report(Code::WrongType,
                      field.type == FieldType::Money
                          ? QCoreApplication::translate("Forms", "Enter an amount of money for “%1”.").arg(label(field))
                          : QCoreApplication::translate("Forms", "Enter a whole number for “%1”.").arg(label(field)));
        return;
    }
    const qint64 integer = qint64(number);
    if (field.minInteger && integer < *field.minInteger)
        m_sink.report(Code::TooSmall, QCoreApplication::translate("Forms", "“%1” must be at least %2.")
                                          .arg(label(field), formatInteger(field, *field.minInteger)));
    else if (field.maxInteger && integer > *field.maxInteger)
        m_sink.report(Code::TooLarge, QCoreApplication::translate("Forms", "“%1” must be at most %2.")
                                          .arg(label(field), formatInteger(field, *field.maxInteger)));
}

void FieldValueCheck::multiChoice(const FormField &field, const QJsonValue &value) const
{
    if (!value.isArray()) {
        m_sink.report(
            Code::WrongType,
            QCoreApplication::translate("Forms", "“%1” must be a list of choices; choose again.").arg(label(field)));
        return;
    }
    const QJsonArray items = value.toArray();
    if (items.size() < field.minCount)
        m_sink.report(Code::TooFew, QCoreApplication::translate("Forms", "Choose at least %2 entries for “%1”.")
                                        .arg(label(field))
                                        .arg(field.minCount));
    if (items.size() > field.maxCount) {
        m_sink.report(Code::TooMany, QCoreApplication::translate("Forms", "Choose at most %2 entries for “%1”.")
                                         .arg(label(field))
                                         .arg(field.maxCount));
        return;
    }
    QSet<QString> seen;
    for (const QJsonValue &item : items) {
        if (!item.isString()) {
            m_sink.report(Code::WrongType,
                          QCoreApplication::translate("Forms", "“%1” must be a list of choices; choose again.")
                              .arg(label(field)));
            return;
        }
        const QString code = item.toString();
        if (!m_sink.countCharacters(code.size()))
            return;
        if (!field.codeList || !field.codeList->contains(code)) {
            m_sink.report(Code::NotInCodeList,
                          QCoreApplication::translate(
                              "Forms", "“%1” has a value that is not in its list; choose one from the list.")
                              .arg(label(field)));
            return;
        }
        if (seen.contains(code)) {
            m_sink.report(Code::Duplicate,
                          QCoreApplication::translate("Forms", "“%1” lists a choice twice; remove the duplicate.")
                              .arg(label(field)));
            return;
        }
        seen.insert(code);
    }
}

} // namespace casedesk::forms
