#include "forms/FormValidatorWalker.h"

#include "core/JsonFields.h"
#include "forms/Decimal.h"
#include "forms/FieldFormats.h"
#include "forms/FormPath.h"

#include <QCborMap>
#include <QCoreApplication>
#include <QJsonArray>

namespace casedesk::forms {

namespace {

using Code = FormProblem::Code;

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

QString label(const FormField &field)
{
    return field.label.text();
}

// Whether a value can take part in a rule: present and of its field's kind (a wrong value is reported at its
// field; the rule would only repeat that).
bool usable(const FormField &field, const ExpressionValue &value)
{
    using Type = ExpressionValue::Type;
    if (value.type == Type::Null || (value.type == Type::String && value.string.isEmpty()) ||
        (value.type == Type::List && value.list.isEmpty()))
        return false;
    switch (field.type) {
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

} // namespace

// An expression's variables, found through the references FormDefinition worked out for it.
class FormValidatorWalker::Variables final : public ExpressionVariables {
public:
    Variables(FormValidatorWalker &walker, const QList<FieldReference> &references)
        : m_walker(walker), m_references(references)
    {
    }
    std::optional<ExpressionValue> value(qsizetype index) const override
    {
        const FormField *field = nullptr;
        const ExpressionValue *value = m_walker.lookUp(m_references.at(index), field);
        return value ? std::optional<ExpressionValue>(*value) : std::nullopt;
    }

private:
    FormValidatorWalker &m_walker;
    const QList<FieldReference> &m_references;
};

void FormValidatorWalker::group(const FormField &group, const QJsonObject &object)
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
    for (auto key = keys.constBegin(), end = keys.constEnd(); key != end; ++key, ++entry) {
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
        Slot &slot = fieldValues[i];
        pushKey(field.id);
        if (!field.visibleIf.isNull() && !condition(field.visibleIf, field.visibleIfReferences, true)) {
            if (m_state)
                m_state->hidden.insert(path());
        } else {
            const bool required = field.required || (!field.requiredIf.isNull() &&
                                                     condition(field.requiredIf, field.requiredIfReferences, false));
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

QString FormValidatorWalker::path() const
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

void FormValidatorWalker::report(FormProblem::Code code, const QString &message)
{
    add(code, message, QString());
}

void FormValidatorWalker::add(FormProblem::Code code, const QString &message, const QString &rule)
{
    if (!m_problems || m_stopped)
        return;
    if (m_problems->size() >= FormValidator::MaxProblems) {
        m_problems->append({QString(), Code::TooManyProblems,
                            QCoreApplication::translate(
                                "Forms", "The form has more than %1 problems; correct the ones shown and check again.")
                                .arg(FormValidator::MaxProblems),
                            QString()});
        m_stopped = true;
        return;
    }
    m_problems->append({path(), code, message, rule});
}

bool FormValidatorWalker::countCharacters(qsizetype count)
{
    m_characters += count;
    if (m_characters <= FormValidator::MaxDataCharacters)
        return true;
    if (m_problems && !m_stopped) {
        m_problems->append({QString(), Code::DataTooLarge,
                            QCoreApplication::translate(
                                "Forms", "The application is too large (more than %1 characters of text); shorten "
                                         "long texts or attach them as documents.")
                                .arg(FormValidator::MaxDataCharacters),
                            QString()});
    }
    m_stopped = true;
    return false;
}

void FormValidatorWalker::unknownKeys(const FormField &group, const QJsonObject &object)
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
               QCoreApplication::translate("Forms",
                                           "The form has no field “%1”; remove this value or check the form version.")
                   .arg(pathKey ? key : printable(key)));
        if (pathKey)
            popSegment();
    }
}

void FormValidatorWalker::groupValue(const FormField &field, const QJsonValue &value, bool required)
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
            report(rows.isEmpty() && field.minCount == 1 ? Code::Required : Code::TooFew,
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

void FormValidatorWalker::value(const FormField &field, Slot &slot, bool required)
{
    const QJsonValue::Type type = slot.type();
    if (isStringType(field.type) &&
        (type == QJsonValue::String || (field.type == FieldType::Decimal && type == QJsonValue::Double))) {
        // The common case, kept to one string: read, normalise, check.
        QString original = type == QJsonValue::String ? slot.stored->toString() : QString();
        if (type != QJsonValue::String) {
            const QJsonValue number = FieldFormats::normalize(field.type, slot.raw());
            if (!number.isString()) {
                m_check.notANumber(field);
                return;
            }
            original = number.toString();
        }
        if (original.size() > FormDefinition::MaxStringLength) {
            // Reported before any work on it (trimming, patterns) is done.
            if (countCharacters(original.size()))
                m_check.tooLong(field);
            return;
        }
        const QString normalized = FieldFormats::normalizeText(field.type, original);
        // Expressions see a string of a string type normalised just so (see lookUp).
        if (type == QJsonValue::String && !slot.normalized) {
            slot.normalized.emplace().type = ExpressionValue::Type::String; // made in place: most are never read
            slot.normalized->string = normalized;
        }
        if (normalized.isEmpty()) {
            if (required)
                m_check.required(field);
            return;
        }
        if (m_problems && countCharacters(normalized.size()))
            m_check.text(field, normalized);
        return;
    }
    const QJsonValue value = FieldFormats::normalize(field.type, slot.raw());
    if (isEmptyValue(value) || (field.type == FieldType::Boolean && required && value == QJsonValue(false))) {
        if (required)
            m_check.required(field);
        return;
    }
    if (m_problems)
        m_check.nonText(field, value);
}

// The value an expression sees at `reference` (see FieldReference) and its field, or nullptr when it has none. A value
// inside a group (a dotted name) is kept in m_nested until the next call.
const ExpressionValue *FormValidatorWalker::lookUp(const FieldReference &reference, const FormField *&field)
{
    const Scope &scope = m_scopes.at(m_scopes.size() - 1 - reference.up);
    const qsizetype first = reference.positions.first();
    field = &scope.group->fields.at(first);
    Slot &slot = scope.fieldValues[first];
    if (!slot.stored)
        return nullptr;
    if (reference.positions.size() == 1) {
        if (!slot.normalized) {
            // A string is read once, without a JSON value on the way.
            slot.normalized =
                slot.type() == QJsonValue::String && FieldFormats::staysText(field->type)
                    ? ExpressionValue::fromString(FieldFormats::normalizeText(field->type, slot.stored->toString()))
                    : ExpressionValue::fromJson(field->isGroup() ? slot.raw()
                                                                 : FieldFormats::normalize(field->type, slot.raw()));
        }
        return &*slot.normalized;
    }
    QJsonValue value = slot.raw();
    for (qsizetype i = 1; i < reference.positions.size(); ++i) {
        if (!field->isGroup() || !value.isObject())
            return nullptr;
        field = &field->fields.at(reference.positions.at(i));
        value = value.toObject().value(field->id);
    }
    if (value.isUndefined())
        return nullptr;
    m_nested = ExpressionValue::fromJson(field->isGroup() ? value : FieldFormats::normalize(field->type, value));
    return &m_nested;
}

bool FormValidatorWalker::condition(const Expression &expression, const QList<FieldReference> &references, bool onError)
{
    // An error here comes from a value of the wrong kind, which its own field reports.
    const Result<bool> result = expression.test(Variables(*this, references), m_today);
    return result ? *result : onError;
}

void FormValidatorWalker::checkRule(const FormRule &rule)
{
    for (const FieldReference &reference : rule.references) {
        const FormField *field = nullptr;
        const ExpressionValue *value = lookUp(reference, field);
        if (!value || !usable(*field, *value))
            return;
    }
    if (!rule.field.isEmpty())
        pushKey(rule.field);
    const Result<bool> result = rule.check.test(Variables(*this, rule.references), m_today);
    if (!result)
        add(Code::RuleError,
            QCoreApplication::translate("Forms",
                                        "The rule “%1” could not be checked (%2); check the values it refers to.")
                .arg(rule.message.text(), result.error().message),
            rule.id);
    else if (!*result)
        add(Code::RuleFailed, rule.message.text(), rule.id);
    if (!rule.field.isEmpty())
        popSegment();
}

} // namespace casedesk::forms
