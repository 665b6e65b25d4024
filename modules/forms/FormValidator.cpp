#include "forms/FormValidator.h"

#include "core/JsonFields.h"
#include "forms/Decimal.h"
#include "forms/FieldFormats.h"
#include "forms/FormPath.h"

#include <QCborMap>
#include <QCoreApplication>
#include <QJsonArray>
#include <QVarLengthArray>

#include <cmath>
#include <cstring>

namespace casedesk::forms {

namespace {

using Code = FormProblem::Code;

constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

bool isEmptyValue(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()) ||
           (value.isArray() && value.toArray().isEmpty());
}

// Whether an optional group holds anything a person entered (a false checkbox is the untouched default).
bool hasContent(const QJsonValue &value, int depth = 0)
{
    if (depth > 8)
        return true;
    switch (value.type()) {
    case QJsonValue::String:
        return !value.toString().trimmed().isEmpty();
    case QJsonValue::Double:
        return true;
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Array:
        for (const QJsonValue &item : value.toArray()) {
            if (hasContent(item, depth + 1))
                return true;
        }
        return false;
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (hasContent(it.value(), depth + 1))
                return true;
        }
        return false;
    }
    default:
        return false;
    }
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

// A key for a message: control characters replaced, long keys shortened.
QString printable(const QString &key)
{
    QString text = key.left(40);
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u'?';
    }
    return key.size() > 40 ? text + QStringLiteral("…") : text;
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

// One walk over definition and data: problems (when `problems` is set) and the form state (when `state` is).
class Walker {
public:
    Walker(const QDate &today, QList<FormProblem> *problems, FormValidator::State *state)
        : m_today(today), m_problems(problems), m_state(state)
    {
    }

    void group(const FormField &group, const QJsonObject &object)
    {
        // Each value is read once: the walk below and the expressions of this group and the groups inside use it.
        QVarLengthArray<Slot, 32> fieldValues(group.fields.size());
        qsizetype known = 0;
        // Data keys come in QJsonObject's sorted order and so meet the fields of keyOrder one after the other:
        // each is compared in place (copying it out, as QJsonObject's key() does, cost a fifth of validation).
        // A key that is not met so (an unknown one, a field left out further back) is looked up by name.
        const QCborMap keys = QCborMap::fromJsonObject(object); // the same entries, in the same order
        qsizetype next = 0;
        auto entry = object.constBegin();
        for (auto key = keys.constBegin(); key != keys.constEnd(); ++key, ++entry) {
            qsizetype position = -1;
            const qsizetype lookAhead = std::min<qsizetype>(next + 3, group.keyOrder.size());
            for (qsizetype candidate = next; candidate < lookAhead && position < 0; ++candidate) {
                if (key.key() == group.keyOrder.at(candidate).first) {
                    position = group.keyOrder.at(candidate).second;
                    next = candidate + 1;
                }
            }
            if (position < 0) {
                const auto found = group.index.constFind(entry.key());
                if (found == group.index.cend())
                    continue;
                position = *found;
            }
            fieldValues[position].stored.emplace(*entry);
            ++known;
        }
        m_scopes.append({&group, fieldValues.data()});
        for (qsizetype i = 0; i < group.fields.size() && !m_stopped; ++i) {
            const FormField &field = group.fields.at(i);
            const Slot &slot = fieldValues[i];
            pushKey(field.id);
            if (!field.visibleIf.isNull() && !condition(field.visibleIf, field.visibleIfReferences, true)) {
                if (m_state)
                    m_state->hidden.insert(path());
            } else {
                const bool required =
                    field.required ||
                    (!field.requiredIf.isNull() && condition(field.requiredIf, field.requiredIfReferences, false));
                if (m_state && required)
                    m_state->required.insert(path());
                if (field.isGroup())
                    groupValue(field, slot.raw(), required);
                else
                    value(field, slot, required);
            }
            popSegment();
        }
        // Keys are only walked (each costs a string) when some of them are not fields.
        if (m_problems && known < object.size())
            unknownKeys(group, object);
        if (m_problems) {
            for (const FormRule &rule : group.rules)
                checkRule(rule);
        }
        m_scopes.removeLast();
    }

private:
    // A field's value in the group being walked.
    struct Slot {
        // Read in place: a string read from here is copied once, through a QJsonValue three times.
        std::optional<QJsonValueConstRef> stored;
        std::optional<ExpressionValue> normalized; // as expressions see it; worked out on first use

        QJsonValue::Type type() const { return stored ? stored->type() : QJsonValue::Undefined; }
        QJsonValue raw() const { return stored ? QJsonValue(*stored) : QJsonValue(QJsonValue::Undefined); }
    };
    struct Scope {
        const FormField *group;
        Slot *fieldValues; // parallel to group->fields
    };

    // The path is kept as segments and only written out for a problem or the form state: most fields have none.
    void pushKey(const QString &key) { m_segments.append({&key, -1}); }
    void pushIndex(qsizetype index) { m_segments.append({nullptr, index}); }
    void popSegment() { m_segments.removeLast(); }
    QString path() const
    {
        QString text;
        for (const Segment &segment : m_segments) {
            if (segment.key) {
                if (!text.isEmpty())
                    text += u'.';
                text += *segment.key;
            } else {
                text += u'[' + QString::number(segment.index) + u']';
            }
        }
        return text;
    }

    void unknownKeys(const FormField &group, const QJsonObject &object)
    {
        for (auto it = object.begin(); it != object.end() && !m_stopped; ++it) {
            const QString key = it.key();
            if (group.index.contains(key))
                continue;
            if (!countCharacters(key.size()))
                break;
            // A key that cannot be written as a path is reported at its group, named in the message.
            const bool pathKey = FormPath::isKey(key);
            if (pathKey)
                pushKey(key);
            report(Code::UnknownField,
                   QCoreApplication::translate(
                       "Forms", "The form has no field “%1”; remove this value or check the form version.")
                       .arg(pathKey ? key : printable(key)));
            if (pathKey)
                popSegment();
        }
    }

    void report(Code code, const QString &message, const QString &rule = {})
    {
        if (!m_problems || m_stopped)
            return;
        if (m_problems->size() >= FormValidator::MaxProblems) {
            m_problems->append(
                {QString(), Code::TooManyProblems,
                 QCoreApplication::translate(
                     "Forms", "The form has more than %1 problems; correct the ones shown and check again.")
                     .arg(FormValidator::MaxProblems),
                 QString()});
            m_stopped = true;
            return;
        }
        m_problems->append({path(), code, message, rule});
    }

    bool countCharacters(qsizetype count)
    {
        m_characters += count;
        if (m_characters <= FormValidator::MaxDataCharacters)
            return true;
        if (m_problems && !m_stopped) {
            m_problems->append(
                {QString(), Code::DataTooLarge,
                 QCoreApplication::translate(
                     "Forms", "The application is too large (more than %1 characters of text); shorten long "
                              "texts or attach them as documents.")
                     .arg(FormValidator::MaxDataCharacters),
                 QString()});
        }
        m_stopped = true;
        return false;
    }

    struct Resolved {
        const FormField *field = nullptr;
        ExpressionValue value; // normalised
    };

    // A field's value normalised, as expressions see it. A string is read once, without a JSON value on the way.
    static ExpressionValue expressionValue(const FormField &field, const Slot &slot)
    {
        if (slot.type() == QJsonValue::String && FieldFormats::staysText(field.type))
            return ExpressionValue::fromString(FieldFormats::normalizeText(field.type, slot.stored->toString()));
        return ExpressionValue::fromJson(field.isGroup() ? slot.raw()
                                                         : FieldFormats::normalize(field.type, slot.raw()));
    }

    // The field and value an expression sees at `reference` (see FieldReference), or nullopt when it has none.
    std::optional<Resolved> lookUp(const FieldReference &reference)
    {
        const Scope &scope = m_scopes.at(m_scopes.size() - 1 - reference.up);
        const qsizetype first = reference.positions.first();
        const FormField *field = &scope.group->fields.at(first);
        Slot &slot = scope.fieldValues[first];
        if (!slot.stored)
            return std::nullopt;
        if (reference.positions.size() == 1) {
            if (!slot.normalized)
                slot.normalized = expressionValue(*field, slot);
            return Resolved{field, *slot.normalized};
        }
        QJsonValue value = slot.raw();
        for (qsizetype i = 1; i < reference.positions.size(); ++i) {
            if (!field->isGroup() || !value.isObject())
                return std::nullopt;
            field = &field->fields.at(reference.positions.at(i));
            value = value.toObject().value(field->id);
        }
        if (value.isUndefined())
            return std::nullopt;
        return Resolved{
            field, ExpressionValue::fromJson(field->isGroup() ? value : FieldFormats::normalize(field->type, value))};
    }

    // An expression's variables, found through the references FormDefinition worked out for it.
    class Variables final : public ExpressionVariables {
    public:
        Variables(Walker &walker, const QList<FieldReference> &references) : m_walker(walker), m_references(references)
        {
        }
        std::optional<ExpressionValue> value(qsizetype index) const override
        {
            std::optional<Resolved> resolved = m_walker.lookUp(m_references.at(index));
            return resolved ? std::optional<ExpressionValue>(std::move(resolved->value)) : std::nullopt;
        }

    private:
        Walker &m_walker;
        const QList<FieldReference> &m_references;
    };

    bool condition(const Expression &expression, const QList<FieldReference> &references, bool onError)
    {
        // An error here comes from a value of the wrong kind, which its own field reports.
        const Result<bool> result = expression.test(Variables(*this, references), m_today);
        return result ? *result : onError;
    }

    // Whether a value can take part in a rule: present and of its field's kind (a wrong value is reported at its
    // field; the rule would only repeat that).
    static bool usable(const Resolved &resolved)
    {
        using Type = ExpressionValue::Type;
        const ExpressionValue &value = resolved.value;
        if (value.type == Type::Null || (value.type == Type::String && value.string.isEmpty()) ||
            (value.type == Type::List && value.list.isEmpty()))
            return false;
        switch (resolved.field->type) {
        case FieldType::Integer:
        case FieldType::Money:
            return value.type == Type::Number;
        case FieldType::Decimal:
            return value.type == Type::String && Decimal::parse(value.string).has_value();
        case FieldType::Date: {
            const std::optional<QDate> date = json::dateFromString(value.string);
            return value.type == Type::String && date && date->isValid();
        }
        case FieldType::Boolean:
            return value.type == Type::Bool;
        case FieldType::MultiChoice:
            return value.type == Type::List;
        case FieldType::Group:
            return value.type == Type::Object || value.type == Type::List;
        default:
            return value.type == Type::String;
        }
    }

    void checkRule(const FormRule &rule)
    {
        for (const FieldReference &reference : rule.references) {
            const std::optional<Resolved> resolved = lookUp(reference);
            if (!resolved || !usable(*resolved))
                return;
        }
        if (!rule.field.isEmpty())
            pushKey(rule.field);
        const Result<bool> result = rule.check.test(Variables(*this, rule.references), m_today);
        if (!result)
            report(Code::RuleError,
                   QCoreApplication::translate(
                       "Forms", "The rule “%1” could not be checked (%2); check the values it refers to.")
                       .arg(rule.message.text(), result.error().message),
                   rule.id);
        else if (!*result)
            report(Code::RuleFailed, rule.message.text(), rule.id);
        if (!rule.field.isEmpty())
            popSegment();
    }

    void groupValue(const FormField &field, const QJsonValue &value, bool required)
    {
        if (field.repeatable) {
            if (!value.isArray() && !value.isUndefined() && !value.isNull()) {
                report(Code::WrongType,
                       QCoreApplication::translate("Forms", "“%1” must be a list of entries; enter them again.")
                           .arg(label(field)));
                return;
            }
            const QJsonArray rows = value.toArray();
            if (rows.size() < field.minCount)
                report(
                    rows.isEmpty() && field.minCount == 1 ? Code::Required : Code::TooFew,
                    rows.isEmpty() && field.minCount == 1
                        ? QCoreApplication::translate("Forms", "Add an entry to “%1”.").arg(label(field))
                        : QCoreApplication::translate("Forms", "“%1” needs at least %2 entries; add the missing ones.")
                              .arg(label(field))
                              .arg(field.minCount));
            if (rows.size() > field.maxCount)
                report(Code::TooMany,
                       QCoreApplication::translate("Forms", "“%1” allows at most %2 entries; remove the extra ones.")
                           .arg(label(field))
                           .arg(field.maxCount));
            const qsizetype count = std::min<qsizetype>(rows.size(), field.maxCount);
            for (qsizetype i = 0; i < count && !m_stopped; ++i) {
                pushIndex(i);
                const QJsonValue row = rows.at(i);
                if (row.isObject())
                    group(field, row.toObject());
                else
                    report(Code::WrongType,
                           QCoreApplication::translate("Forms", "An entry of “%1” has the wrong form; enter it again.")
                               .arg(label(field)));
                popSegment();
            }
            return;
        }
        if (!value.isObject() && !value.isUndefined() && !value.isNull()) {
            report(Code::WrongType,
                   QCoreApplication::translate("Forms", "“%1” has the wrong form; enter it again.").arg(label(field)));
            return;
        }
        // An optional group left empty is fine; the form state still lists what it would require.
        if (!required && m_problems && !hasContent(value))
            return;
        group(field, value.toObject());
    }

    static QString label(const FormField &field) { return field.label.text(); }

    void requiredProblem(const FormField &field)
    {
        report(Code::Required, field.type == FieldType::Boolean
                                   ? QCoreApplication::translate("Forms", "Confirm “%1”.").arg(label(field))
                                   : QCoreApplication::translate("Forms", "Enter a value for “%1”.").arg(label(field)));
    }

    void value(const FormField &field, const Slot &slot, bool required)
    {
        const QJsonValue::Type type = slot.type();
        if (isStringType(field.type) &&
            (type == QJsonValue::String || (field.type == FieldType::Decimal && type == QJsonValue::Double))) {
            // The common case, kept to one string: read, normalise, check.
            QString original;
            if (type == QJsonValue::String) {
                original = slot.stored->toString();
            } else {
                const QJsonValue number = FieldFormats::normalize(field.type, slot.raw());
                if (!number.isString()) {
                    report(Code::InvalidFormat,
                           QCoreApplication::translate("Forms", "Enter a number for “%1”, for example 12.5.")
                               .arg(label(field)));
                    return;
                }
                original = number.toString();
            }
            if (original.size() > FormDefinition::MaxStringLength) {
                // Reported before any work on it (trimming, patterns) is done.
                if (countCharacters(original.size()))
                    report(Code::TooLong,
                           QCoreApplication::translate("Forms", "“%1” allows at most %2 characters; shorten it.")
                               .arg(label(field))
                               .arg(field.maxLength));
                return;
            }
            const QString normalized = FieldFormats::normalizeText(field.type, original);
            if (normalized.isEmpty()) {
                if (required)
                    requiredProblem(field);
                return;
            }
            if (m_problems && countCharacters(normalized.size()))
                stringValue(field, normalized);
            return;
        }
        const QJsonValue value = FieldFormats::normalize(field.type, slot.raw());
        if (isEmptyValue(value) || (field.type == FieldType::Boolean && required && value == QJsonValue(false))) {
            if (required)
                requiredProblem(field);
            return;
        }
        if (!m_problems)
            return;
        switch (field.type) {
        case FieldType::Integer:
        case FieldType::Money:
            integerCheck(field, value);
            break;
        case FieldType::Boolean:
            if (!value.isBool())
                report(Code::WrongType,
                       QCoreApplication::translate("Forms", "“%1” must be yes or no; choose again.").arg(label(field)));
            break;
        case FieldType::MultiChoice:
            multiChoiceCheck(field, value);
            break;
        case FieldType::Group:
            break;
        default: // a string type with a value that is no string
            report(Code::WrongType,
                   QCoreApplication::translate("Forms", "“%1” must be text; enter it again.").arg(label(field)));
            break;
        }
    }

    void stringValue(const FormField &field, const QString &text)
    {
        if (text.size() > field.maxLength) {
            report(Code::TooLong, QCoreApplication::translate("Forms", "“%1” allows at most %2 characters; shorten it.")
                                      .arg(label(field))
                                      .arg(field.maxLength));
            return;
        }
        if (text.size() < field.minLength) {
            report(Code::TooShort, QCoreApplication::translate("Forms", "“%1” needs at least %2 characters.")
                                       .arg(label(field))
                                       .arg(field.minLength));
            return;
        }
        if (hasControlCharacters(text, field.type == FieldType::Multiline)) {
            report(Code::InvalidFormat,
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
            patternCheck(field, text);
            break;
        case FieldType::Phone:
            if (!FieldFormats::isValidPhone(text))
                report(Code::InvalidFormat,
                       QCoreApplication::translate(
                           "Forms",
                           "Enter a phone number for “%1” with digits, spaces and + / - ( ), for example +49 711 "
                           "216-0.")
                           .arg(label(field)));
            else
                patternCheck(field, text);
            break;
        case FieldType::Email:
            if (!FieldFormats::isValidEmail(text))
                report(Code::InvalidFormat,
                       QCoreApplication::translate("Forms",
                                                   "Enter an e-mail address for “%1”, for example name@example.de.")
                           .arg(label(field)));
            break;
        case FieldType::Postcode:
            if (!FieldFormats::isValidPostcode(text))
                report(Code::InvalidFormat,
                       QCoreApplication::translate("Forms", "Enter a five-digit German postcode for “%1”.")
                           .arg(label(field)));
            break;
        case FieldType::Iban:
            if (!FieldFormats::isIbanWellFormed(text))
                report(Code::InvalidFormat,
                       QCoreApplication::translate("Forms",
                                                   "Enter an IBAN for “%1”, for example DE89 3704 0044 0532 0130 00.")
                           .arg(label(field)));
            else if (!FieldFormats::isIbanChecksumValid(text))
                report(Code::InvalidChecksum,
                       QCoreApplication::translate(
                           "Forms",
                           "The IBAN in “%1” is not valid (its check digits do not match); check it for typing "
                           "errors.")
                           .arg(label(field)));
            break;
        case FieldType::KfzKennzeichen:
            if (!FieldFormats::canonicalKennzeichen(text))
                report(Code::InvalidFormat,
                       QCoreApplication::translate(
                           "Forms", "Enter a vehicle registration number for “%1”, for example S-AB 1234.")
                           .arg(label(field)));
            break;
        case FieldType::DocumentRef:
            if (!FieldFormats::isDocumentId(text))
                report(Code::InvalidFormat,
                       QCoreApplication::translate(
                           "Forms", "“%1” does not refer to a document of this case; attach the document again.")
                           .arg(label(field)));
            break;
        case FieldType::Choice:
        case FieldType::District:
            if (!field.codeList || !field.codeList->contains(text))
                report(Code::NotInCodeList,
                       QCoreApplication::translate(
                           "Forms", "“%1” has a value that is not in its list; choose one from the list.")
                           .arg(label(field)));
            break;
        case FieldType::Date:
            dateCheck(field, text);
            break;
        case FieldType::Decimal:
            decimalCheck(field, text);
            break;
        default:
            break;
        }
    }

    void patternCheck(const FormField &field, const QString &text)
    {
        if (field.pattern.pattern().isEmpty() || field.pattern.match(text).hasMatch())
            return;
        const QString hint = field.patternHint.text();
        report(Code::PatternMismatch,
               hint.isEmpty()
                   ? QCoreApplication::translate("Forms", "“%1” does not have the expected form; check the entry.")
                         .arg(field.label.text())
                   : QCoreApplication::translate("Forms", "“%1” does not have the expected form (%2); check the entry.")
                         .arg(field.label.text(), hint));
    }

    void dateCheck(const FormField &field, const QString &text)
    {
        const std::optional<QDate> date = json::dateFromString(text);
        if (!date || !date->isValid()) {
            report(Code::InvalidFormat, QCoreApplication::translate(
                                            "Forms", "Enter “%1” as a date (year-month-day, for example 2026-03-02).")
                                            .arg(label(field)));
            return;
        }
        const QDate earliest = field.minDate ? field.minDate->resolve(m_today) : QDate();
        const QDate latest = field.maxDate ? field.maxDate->resolve(m_today) : QDate();
        if (earliest.isValid() && *date < earliest)
            report(Code::TooEarly, QCoreApplication::translate("Forms", "“%1” must not be before %2.")
                                       .arg(label(field), FieldFormats::formatDate(earliest)));
        else if (latest.isValid() && *date > latest)
            report(Code::TooLate, QCoreApplication::translate("Forms", "“%1” must not be after %2.")
                                      .arg(label(field), FieldFormats::formatDate(latest)));
    }

    void decimalCheck(const FormField &field, const QString &text)
    {
        const std::optional<Decimal> number = Decimal::parse(text);
        if (!number) {
            report(
                Code::InvalidFormat,
                QCoreApplication::translate("Forms", "Enter a number for “%1”, for example 12.5.").arg(label(field)));
            return;
        }
        if (field.decimals >= 0 && number->fractionDigits() > field.decimals)
            report(Code::TooPrecise,
                   QCoreApplication::translate("Forms", "“%1” allows at most %2 decimal places; round the number.")
                       .arg(label(field))
                       .arg(field.decimals));
        else if (field.minDecimal && *number < *field.minDecimal)
            report(Code::TooSmall, QCoreApplication::translate("Forms", "“%1” must be at least %2.")
                                       .arg(label(field), formatDecimal(field, *field.minDecimal)));
        else if (field.maxDecimal && *field.maxDecimal < *number)
            report(Code::TooLarge, QCoreApplication::translate("Forms", "“%1” must be at most %2.")
                                       .arg(label(field), formatDecimal(field, *field.maxDecimal)));
    }

    void integerCheck(const FormField &field, const QJsonValue &value)
    {
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || number != std::floor(number) || std::fabs(number) > MaxExactInteger) {
            report(Code::WrongType,
                   field.type == FieldType::Money
                       ? QCoreApplication::translate("Forms", "Enter an amount of money for “%1”.").arg(label(field))
                       : QCoreApplication::translate("Forms", "Enter a whole number for “%1”.").arg(label(field)));
            return;
        }
        const qint64 integer = qint64(number);
        if (field.minInteger && integer < *field.minInteger)
            report(Code::TooSmall, QCoreApplication::translate("Forms", "“%1” must be at least %2.")
                                       .arg(label(field), formatInteger(field, *field.minInteger)));
        else if (field.maxInteger && integer > *field.maxInteger)
            report(Code::TooLarge, QCoreApplication::translate("Forms", "“%1” must be at most %2.")
                                       .arg(label(field), formatInteger(field, *field.maxInteger)));
    }

    void multiChoiceCheck(const FormField &field, const QJsonValue &value)
    {
        if (!value.isArray()) {
            report(Code::WrongType,
                   QCoreApplication::translate("Forms", "“%1” must be a list of choices; choose again.")
                       .arg(label(field)));
            return;
        }
        const QJsonArray items = value.toArray();
        if (items.size() < field.minCount)
            report(Code::TooFew, QCoreApplication::translate("Forms", "Choose at least %2 entries for “%1”.")
                                     .arg(label(field))
                                     .arg(field.minCount));
        if (items.size() > field.maxCount) {
            report(Code::TooMany, QCoreApplication::translate("Forms", "Choose at most %2 entries for “%1”.")
                                      .arg(label(field))
                                      .arg(field.maxCount));
            return;
        }
        QSet<QString> seen;
        for (const QJsonValue &item : items) {
            if (!item.isString()) {
                report(Code::WrongType,
                       QCoreApplication::translate("Forms", "“%1” must be a list of choices; choose again.")
                           .arg(label(field)));
                return;
            }
            const QString code = item.toString();
            if (!countCharacters(code.size()))
                return;
            if (!field.codeList || !field.codeList->contains(code)) {
                report(Code::NotInCodeList,
                       QCoreApplication::translate(
                           "Forms", "“%1” has a value that is not in its list; choose one from the list.")
                           .arg(label(field)));
                return;
            }
            if (seen.contains(code)) {
                report(Code::Duplicate,
                       QCoreApplication::translate("Forms", "“%1” lists a choice twice; remove the duplicate.")
                           .arg(label(field)));
                return;
            }
            seen.insert(code);
        }
    }

    const QDate m_today;
    QList<FormProblem> *m_problems;
    FormValidator::State *m_state;
    QVarLengthArray<Scope, 8> m_scopes;
    struct Segment {
        const QString *key; // null for a row index; points into the definition or a caller's local
        qsizetype index;
    };
    QVarLengthArray<Segment, 16> m_segments;
    qint64 m_characters = 0;
    bool m_stopped = false;
};

QJsonObject normalizeGroup(const FormField &group, const QJsonObject &object, int depth);

QJsonValue normalizeValue(const FormField &field, const QJsonValue &value, int depth)
{
    if (!field.isGroup())
        return FieldFormats::normalize(field.type, value);
    if (field.repeatable && value.isArray()) {
        QJsonArray rows = value.toArray();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows.at(i).isObject())
                rows.replace(i, normalizeGroup(field, rows.at(i).toObject(), depth + 1));
        }
        return rows;
    }
    if (!field.repeatable && value.isObject())
        return normalizeGroup(field, value.toObject(), depth + 1);
    return value;
}

QJsonObject normalizeGroup(const FormField &group, const QJsonObject &object, int depth)
{
    QJsonObject result = object;
    if (depth > FormDefinition::MaxNesting)
        return result;
    for (const FormField &field : group.fields) {
        const auto it = object.constFind(field.id);
        if (it != object.constEnd())
            result.insert(field.id, normalizeValue(field, it.value(), depth));
    }
    return result;
}

} // namespace

QList<FormProblem> FormValidator::validate(const FormDefinition &definition, const QJsonObject &data,
                                           const QDate &today)
{
    QList<FormProblem> problems;
    Walker walker(today, &problems, nullptr);
    walker.group(definition.root(), data);
    return problems;
}

QJsonObject FormValidator::normalize(const FormDefinition &definition, const QJsonObject &data)
{
    return normalizeGroup(definition.root(), data, 0);
}

FormValidator::State FormValidator::state(const FormDefinition &definition, const QJsonObject &data, const QDate &today)
{
    State state;
    Walker walker(today, nullptr, &state);
    walker.group(definition.root(), data);
    return state;
}

} // namespace casedesk::forms
