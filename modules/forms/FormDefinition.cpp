#include "forms/FormDefinition.h"

#include "forms/FormPath.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace casedesk::forms {

struct FormDefinition::Data {
    QString id;
    int version = 0;
    LocalizedText title;
    LocalizedText description;
    FormField root;
    QHash<QString, std::shared_ptr<const CodeList>> codeLists;
    QJsonObject example;
    QJsonObject json;
};

namespace {

constexpr int MaxTextLength = 4000;                    // labels, help, messages
constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

bool isIdentifier(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_]{0,63}$"));
    return pattern.match(id).hasMatch();
}

// Default maxLength per string type: enough for any real value, small enough to bound the work per value.
int defaultMaxLength(FieldType type)
{
    switch (type) {
    case FieldType::Multiline:
        return 10000;
    case FieldType::Email:
        return 254;
    case FieldType::Iban:
        return 42; // 34 characters grouped by spaces
    case FieldType::Phone:
    case FieldType::Postcode:
    case FieldType::KfzKennzeichen:
    case FieldType::Date:
    case FieldType::Decimal:
        return 40;
    case FieldType::DocumentRef:
        return 38;
    case FieldType::Choice:
    case FieldType::District:
        return 200;
    default:
        return 500;
    }
}

// Reads a definition, remembering where it is ("fields[2].min") so that the first problem names its path.
class DefinitionReader {
public:
    std::optional<Error> error;
    int fieldCount = 0;
    QHash<QString, std::shared_ptr<const CodeList>> codeLists;

    QString path() const { return m_path.join(QString()); }

    void fail(const QString &key, const QString &reason)
    {
        if (error)
            return;
        QString where = path();
        if (!key.isEmpty())
            where += (where.isEmpty() || key.startsWith(u'[') ? QString() : QStringLiteral(".")) + key;
        if (where.isEmpty())
            where = QStringLiteral("/");
        error = makeError(ErrorCode::Invalid,
                          QCoreApplication::translate(
                              "Forms", "The form definition is not valid at “%1”: %2. Correct the definition file.")
                              .arg(where, reason),
                          where);
    }

    void push(const QString &segment)
    {
        m_path.append(m_path.isEmpty() || segment.startsWith(u'[') ? segment : u'.' + segment);
    }
    void pop() { m_path.removeLast(); }

    bool checkKeys(const QJsonObject &object, std::initializer_list<const char *> allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            bool known = false;
            for (const char *key : allowed)
                known = known || it.key() == QLatin1String(key);
            if (!known) {
                fail(it.key(), QCoreApplication::translate("Forms", "this key is not known; check its spelling"));
                return false;
            }
        }
        return true;
    }

    QString string(const QJsonObject &object, const char *key, bool required, int maxLength = MaxTextLength)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(QLatin1String(key), QCoreApplication::translate("Forms", "a value is required here"));
            return {};
        }
        if (!value.isString()) {
            fail(QLatin1String(key), QCoreApplication::translate("Forms", "expected text"));
            return {};
        }
        const QString text = value.toString();
        if (required && text.trimmed().isEmpty())
            fail(QLatin1String(key), QCoreApplication::translate("Forms", "a value is required here"));
        else if (text.size() > maxLength)
            fail(QLatin1String(key),
                 QCoreApplication::translate("Forms", "the text is too long (at most %1 characters)").arg(maxLength));
        return text;
    }

    std::optional<qint64> integer(const QJsonObject &object, const char *key, qint64 min, qint64 max)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || number != std::floor(number) || number < double(min) || number > double(max)) {
            fail(QLatin1String(key),
                 QCoreApplication::translate("Forms", "expected a whole number from %1 to %2").arg(min).arg(max));
            return std::nullopt;
        }
        return qint64(number);
    }

    bool boolean(const QJsonObject &object, const char *key)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return false;
        if (!value.isBool())
            fail(QLatin1String(key), QCoreApplication::translate("Forms", "expected true or false"));
        return value.toBool();
    }

    LocalizedText text(const QJsonObject &object, const char *key, bool required)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(QLatin1String(key),
                     QCoreApplication::translate("Forms",
                                                 "needs a text in English and German, like {\"en\": …, \"de\": …}"));
            return {};
        }
        if (!value.isObject()) {
            fail(QLatin1String(key), QCoreApplication::translate(
                                         "Forms", "needs a text in English and German, like {\"en\": …, \"de\": …}"));
            return {};
        }
        push(QLatin1String(key));
        const QJsonObject texts = value.toObject();
        LocalizedText result;
        if (checkKeys(texts, {"en", "de"})) {
            result.en = string(texts, "en", false).trimmed();
            result.de = string(texts, "de", false).trimmed();
        }
        pop();
        if (required && !error && result.isEmpty())
            fail(QLatin1String(key), QCoreApplication::translate(
                                         "Forms", "needs a text in English and German, like {\"en\": …, \"de\": …}"));
        return result;
    }

    Expression expression(const QJsonObject &object, const char *key)
    {
        const QString text = string(object, key, false, Expression::MaxLength);
        if (error || text.isEmpty())
            return {};
        Result<Expression> parsed = Expression::parse(text);
        if (!parsed) {
            fail(QLatin1String(key),
                 QCoreApplication::translate("Forms", "the expression is not valid: %1").arg(parsed.error().message));
            return {};
        }
        return std::move(parsed).value();
    }

    std::shared_ptr<const CodeList> codeList(const QJsonValue &value, const QString &name)
    {
        if (value.isObject() && !name.isEmpty()) {
            // A list kept elsewhere (imported XDatenfelder codelisteReferenz): {"external": "urn:..."}.
            const QJsonObject object = value.toObject();
            if (!checkKeys(object, {"external"}))
                return {};
            const QString uri = string(object, "external", true, 500);
            return error ? nullptr : std::make_shared<const CodeList>(CodeList::external(name, uri));
        }
        if (!value.isArray()) {
            fail(QString(),
                 QCoreApplication::translate("Forms", "expected a list of entries like {\"code\": …, \"label\": {…}}"));
            return {};
        }
        const QJsonArray array = value.toArray();
        if (array.isEmpty() || array.size() > FormDefinition::MaxCodeListEntries) {
            fail(QString(), QCoreApplication::translate("Forms", "a code list needs 1 to %1 entries")
                                .arg(FormDefinition::MaxCodeListEntries));
            return {};
        }
        QList<CodeListEntry> entries;
        QSet<QString> codes;
        for (qsizetype i = 0; i < array.size() && !error; ++i) {
            push(QStringLiteral("[%1]").arg(i));
            const QJsonObject entry = array.at(i).toObject();
            if (!array.at(i).isObject())
                fail(QString(), QCoreApplication::translate("Forms", "expected an object"));
            else if (checkKeys(entry, {"code", "label"})) {
                CodeListEntry item;
                item.code = string(entry, "code", true, 200);
                item.label = text(entry, "label", true);
                if (!error && item.code != item.code.trimmed())
                    fail(QStringLiteral("code"),
                         QCoreApplication::translate("Forms", "a code must not start or end with spaces"));
                if (!error && codes.contains(item.code))
                    fail(QStringLiteral("code"),
                         QCoreApplication::translate("Forms", "the code “%1” is listed twice").arg(item.code));
                codes.insert(item.code);
                entries.append(item);
            }
            pop();
        }
        if (error)
            return {};
        return std::make_shared<const CodeList>(name, std::move(entries));
    }

    QList<FormRule> rules(const QJsonObject &object)
    {
        QList<FormRule> result;
        const QJsonValue value = object.value(QLatin1String("rules"));
        if (value.isUndefined() || value.isNull())
            return result;
        if (!value.isArray()) {
            fail(QStringLiteral("rules"), QCoreApplication::translate("Forms", "expected a list"));
            return result;
        }
        push(QStringLiteral("rules"));
        const QJsonArray array = value.toArray();
        QSet<QString> ids;
        for (qsizetype i = 0; i < array.size() && !error; ++i) {
            push(QStringLiteral("[%1]").arg(i));
            const QJsonObject json = array.at(i).toObject();
            if (!array.at(i).isObject()) {
                fail(QString(), QCoreApplication::translate("Forms", "expected an object"));
            } else if (checkKeys(json, {"id", "check", "field", "message"})) {
                FormRule rule;
                rule.id = string(json, "id", true, 64);
                if (!error && !isIdentifier(rule.id))
                    fail(QStringLiteral("id"), idReason());
                if (!error && ids.contains(rule.id))
                    fail(QStringLiteral("id"),
                         QCoreApplication::translate("Forms", "the id “%1” is used twice").arg(rule.id));
                ids.insert(rule.id);
                if (!error && string(json, "check", true).isEmpty())
                    break;
                rule.check = expression(json, "check");
                rule.field = string(json, "field", false, 200);
                rule.message = text(json, "message", true);
                result.append(rule);
            }
            pop();
        }
        pop();
        return result;
    }

    static QString idReason()
    {
        return QCoreApplication::translate(
            "Forms", "an id must start with a letter and contain only letters, digits and “_” (at most 64 characters)");
    }

    void limits(const QJsonObject &json, FormField &field)
    {
        const QString typeName = fieldTypeToString(field.type);
        const auto notFor = [&](const char *key) {
            if (json.contains(QLatin1String(key)))
                fail(QLatin1String(key),
                     QCoreApplication::translate("Forms", "not allowed for fields of type “%1”").arg(typeName));
        };
        const bool isString =
            isStringType(field.type) && field.type != FieldType::Date && field.type != FieldType::Decimal;
        if (isString) {
            field.minLength = int(integer(json, "minLength", 0, FormDefinition::MaxStringLength).value_or(0));
            field.maxLength = int(
                integer(json, "maxLength", 1, FormDefinition::MaxStringLength).value_or(defaultMaxLength(field.type)));
            if (!error && field.minLength > field.maxLength)
                fail(QStringLiteral("minLength"),
                     QCoreApplication::translate("Forms", "the minimum is greater than the maximum"));
        } else {
            notFor("minLength");
            notFor("maxLength");
            field.maxLength = defaultMaxLength(field.type);
        }

        if (field.type == FieldType::Text || field.type == FieldType::Multiline || field.type == FieldType::Phone) {
            const QString pattern = string(json, "pattern", false, FormDefinition::MaxPatternLength);
            if (!pattern.isEmpty() && !error) {
                field.pattern.setPattern(QRegularExpression::anchoredPattern(pattern));
                if (!field.pattern.isValid())
                    fail(QStringLiteral("pattern"),
                         QCoreApplication::translate("Forms", "the pattern is not a valid regular expression: %1")
                             .arg(field.pattern.errorString()));
                else if (field.maxLength > FormDefinition::MaxPatternInput)
                    fail(QStringLiteral("maxLength"),
                         QCoreApplication::translate("Forms", "a field with a pattern allows at most %1 characters")
                             .arg(FormDefinition::MaxPatternInput));
                field.pattern.optimize();
            }
            field.patternHint = text(json, "patternHint", false);
        } else {
            notFor("pattern");
            notFor("patternHint");
        }

        if (field.type == FieldType::Integer || field.type == FieldType::Money) {
            constexpr qint64 limit = qint64(MaxExactInteger);
            field.minInteger = integer(json, "min", -limit, limit);
            field.maxInteger = integer(json, "max", -limit, limit);
            if (!error && field.minInteger && field.maxInteger && *field.minInteger > *field.maxInteger)
                fail(QStringLiteral("min"),
                     QCoreApplication::translate("Forms", "the minimum is greater than the maximum"));
        } else if (field.type == FieldType::Decimal) {
            field.minDecimal = decimal(json, "min");
            field.maxDecimal = decimal(json, "max");
            field.decimals = int(integer(json, "decimals", 0, Decimal::MaxDigits).value_or(-1));
            if (!error && field.minDecimal && field.maxDecimal && *field.maxDecimal < *field.minDecimal)
                fail(QStringLiteral("min"),
                     QCoreApplication::translate("Forms", "the minimum is greater than the maximum"));
        } else if (field.type == FieldType::Date) {
            field.minDate = dateBound(json, "min");
            field.maxDate = dateBound(json, "max");
            if (!error && field.minDate && field.maxDate && !field.minDate->isRelative() &&
                !field.maxDate->isRelative() && field.minDate->resolve({}) > field.maxDate->resolve({}))
                fail(QStringLiteral("min"),
                     QCoreApplication::translate("Forms", "the minimum is greater than the maximum"));
        } else {
            notFor("min");
            notFor("max");
        }
        if (field.type != FieldType::Decimal)
            notFor("decimals");
        if (field.type != FieldType::Integer && field.type != FieldType::Decimal && field.type != FieldType::Money)
            notFor("unit");
        else
            field.unit = string(json, "unit", false, 20);

        if (usesCodeList(field.type)) {
            const QJsonValue list = json.value(QLatin1String("codeList"));
            if (list.isString()) {
                field.codeList = codeLists.value(list.toString());
                if (!field.codeList)
                    fail(
                        QStringLiteral("codeList"),
                        QCoreApplication::translate("Forms", "the code list “%1” does not exist").arg(list.toString()));
            } else if (list.isUndefined() || list.isNull()) {
                fail(QStringLiteral("codeList"),
                     QCoreApplication::translate("Forms", "a choice needs a code list (a name or a list of entries)"));
            } else {
                push(QStringLiteral("codeList"));
                field.codeList = codeList(list, QString());
                pop();
            }
        } else {
            notFor("codeList");
            if (field.type == FieldType::District)
                field.codeList =
                    std::shared_ptr<const CodeList>(&CodeList::stuttgartDistricts(), [](const CodeList *) {});
        }

        const bool counted = field.type == FieldType::MultiChoice || (field.isGroup() && field.repeatable);
        if (counted) {
            field.minCount = int(integer(json, "minCount", 0, FormDefinition::MaxRows).value_or(0));
            field.maxCount = int(integer(json, "maxCount", 1, FormDefinition::MaxRows)
                                     .value_or(field.isGroup() ? 50 : FormDefinition::MaxRows));
            if (field.required)
                field.minCount = std::max(field.minCount, 1);
            if (!error && field.minCount > field.maxCount)
                fail(QStringLiteral("minCount"),
                     QCoreApplication::translate("Forms", "the minimum is greater than the maximum"));
        } else {
            notFor("minCount");
            notFor("maxCount");
        }
        if (!field.isGroup()) {
            notFor("repeatable");
            notFor("fields");
            notFor("rules");
        }
    }

    std::optional<Decimal> decimal(const QJsonObject &json, const char *key)
    {
        const QJsonValue value = json.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        std::optional<Decimal> result = value.isString() ? Decimal::parse(value.toString()) : std::nullopt;
        if (!result)
            fail(QLatin1String(key),
                 QCoreApplication::translate("Forms", "expected a decimal number written as text, like \"12.5\""));
        return result;
    }

    std::optional<DateBound> dateBound(const QJsonObject &json, const char *key)
    {
        const QJsonValue value = json.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        std::optional<DateBound> result = value.isString() ? DateBound::parse(value.toString()) : std::nullopt;
        if (!result)
            fail(QLatin1String(key),
                 QCoreApplication::translate(
                     "Forms",
                     "expected a date like 2026-03-02 or a date relative to today like today+14d or today-18y"));
        return result;
    }

    FormField field(const QJsonValue &value, int depth)
    {
        FormField field;
        if (!value.isObject()) {
            fail(QString(), QCoreApplication::translate("Forms", "expected an object"));
            return field;
        }
        const QJsonObject json = value.toObject();
        if (!checkKeys(json, {"id",         "type",      "label",       "help",     "unit",     "required",
                              "requiredIf", "visibleIf", "min",         "max",      "decimals", "minLength",
                              "maxLength",  "pattern",   "patternHint", "codeList", "minCount", "maxCount",
                              "repeatable", "fields",    "rules",       "source"}))
            return field;
        if (++fieldCount > FormDefinition::MaxFields) {
            fail(QString(), QCoreApplication::translate("Forms", "the definition has too many fields (at most %1)")
                                .arg(FormDefinition::MaxFields));
            return field;
        }
        field.id = string(json, "id", true, 64);
        if (!error && !isIdentifier(field.id))
            fail(QStringLiteral("id"), idReason());
        const QString typeName = string(json, "type", true, 40);
        if (!error && !fieldTypeFromString(typeName, &field.type))
            fail(QStringLiteral("type"), QCoreApplication::translate("Forms", "unknown field type “%1”").arg(typeName));
        field.label = text(json, "label", true);
        field.help = text(json, "help", false);
        field.source = string(json, "source", false, 200);
        field.required = boolean(json, "required");
        field.requiredIf = expression(json, "requiredIf");
        field.visibleIf = expression(json, "visibleIf");
        if (field.isGroup())
            field.repeatable = boolean(json, "repeatable");
        if (error)
            return field;
        limits(json, field);
        if (field.isGroup() && !error) {
            if (depth >= FormDefinition::MaxNesting) {
                fail(QString(), QCoreApplication::translate("Forms", "groups are nested too deeply (at most %1 levels)")
                                    .arg(FormDefinition::MaxNesting));
                return field;
            }
            fields(json, field, depth + 1);
        }
        return field;
    }

    // Reads "fields" and "rules" of `json` into `group`.
    void fields(const QJsonObject &json, FormField &group, int depth)
    {
        const QJsonValue value = json.value(QLatin1String("fields"));
        if (!value.isArray() && !value.isUndefined() && !value.isNull()) {
            fail(QStringLiteral("fields"), QCoreApplication::translate("Forms", "expected a list"));
            return;
        }
        const QJsonArray array = value.toArray();
        if (group.isGroup() && !group.id.isEmpty() && array.isEmpty()) {
            fail(QStringLiteral("fields"), QCoreApplication::translate("Forms", "a group needs at least one field"));
            return;
        }
        push(QStringLiteral("fields"));
        for (qsizetype i = 0; i < array.size() && !error; ++i) {
            push(QStringLiteral("[%1]").arg(i));
            FormField child = field(array.at(i), depth);
            if (!error && group.index.contains(child.id))
                fail(QStringLiteral("id"),
                     QCoreApplication::translate("Forms", "the id “%1” is used twice").arg(child.id));
            group.index.insert(child.id, group.fields.size());
            group.fields.append(std::move(child));
            pop();
        }
        pop();
        QList<qsizetype> byId(group.fields.size());
        std::iota(byId.begin(), byId.end(), 0);
        std::sort(byId.begin(), byId.end(),
                  [&](qsizetype a, qsizetype b) { return group.fields.at(a).id < group.fields.at(b).id; });
        for (const qsizetype position : byId)
            group.keyOrder.append({QCborValue(group.fields.at(position).id), position});
        if (!error)
            group.rules = rules(json);
    }

    // Second pass, once every field is known: expressions and rules may only name existing fields, and where each
    // name is found is kept for the validator.
    void checkReferences(FormField &group, QList<const FormField *> &scopes)
    {
        scopes.append(&group);
        for (qsizetype i = 0; i < group.fields.size() && !error; ++i) {
            FormField &child = group.fields[i];
            push(QStringLiteral("fields"));
            push(QStringLiteral("[%1]").arg(i));
            child.visibleIfReferences = references(child.visibleIf, scopes, QStringLiteral("visibleIf"));
            child.requiredIfReferences = references(child.requiredIf, scopes, QStringLiteral("requiredIf"));
            if (child.isGroup())
                checkReferences(child, scopes);
            pop();
            pop();
        }
        for (qsizetype i = 0; i < group.rules.size() && !error; ++i) {
            FormRule &rule = group.rules[i];
            push(QStringLiteral("rules"));
            push(QStringLiteral("[%1]").arg(i));
            rule.references = references(rule.check, scopes, QStringLiteral("check"));
            if (!error && !rule.field.isEmpty() && !resolve(rule.field.split(u'.'), {&group}))
                fail(QStringLiteral("field"),
                     QCoreApplication::translate("Forms", "the rule names the field “%1”, which is not in this group")
                         .arg(rule.field));
            pop();
            pop();
        }
        scopes.removeLast();
    }

    QList<FieldReference> references(const Expression &expression, const QList<const FormField *> &scopes,
                                     const QString &key)
    {
        QList<FieldReference> result;
        if (expression.isNull() || error)
            return result;
        for (qsizetype i = 0; i < expression.variables().size(); ++i) {
            std::optional<FieldReference> reference = resolve(expression.variablePaths().at(i), scopes);
            if (!reference) {
                fail(key,
                     QCoreApplication::translate("Forms", "the expression refers to “%1”, which is not a field here")
                         .arg(expression.variables().at(i)));
                return {};
            }
            result.append(std::move(*reference));
        }
        return result;
    }

    // Same lookup as the validator: innermost group first, then into non-repeatable groups.
    static std::optional<FieldReference> resolve(const QStringList &names, const QList<const FormField *> &scopes)
    {
        for (qsizetype s = scopes.size() - 1; s >= 0; --s) {
            const FormField *field = scopes.at(s)->child(names.first());
            if (!field)
                continue;
            FieldReference reference{int(scopes.size() - 1 - s), {scopes.at(s)->index.value(names.first())}};
            for (qsizetype i = 1; i < names.size(); ++i) {
                if (!field->isGroup() || field->repeatable)
                    return std::nullopt;
                reference.positions.append(field->index.value(names.at(i), -1));
                field = field->child(names.at(i));
                if (!field)
                    return std::nullopt;
            }
            return reference;
        }
        return std::nullopt;
    }

private:
    QStringList m_path;
};

} // namespace

Result<FormDefinition> FormDefinition::fromJson(const QJsonObject &json)
{
    DefinitionReader reader;
    auto data = std::make_shared<Data>();
    data->json = json;
    data->root.type = FieldType::Group;
    if (reader.checkKeys(
            json, {"id", "version", "title", "description", "source", "codeLists", "fields", "rules", "example"})) {
        data->id = reader.string(json, "id", true, 64);
        static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_.-]{0,63}$"));
        if (!reader.error && !idPattern.match(data->id).hasMatch())
            reader.fail(QStringLiteral("id"), DefinitionReader::idReason());
        if (!json.contains(QLatin1String("version")))
            reader.fail(QStringLiteral("version"), QCoreApplication::translate("Forms", "a value is required here"));
        data->version = int(reader.integer(json, "version", 1, 1000000).value_or(0));
        data->title = reader.text(json, "title", true);
        data->description = reader.text(json, "description", false);
        if (json.contains(QLatin1String("source")) && !json.value(QLatin1String("source")).isObject())
            reader.fail(QStringLiteral("source"), QCoreApplication::translate("Forms", "expected an object"));
        const QJsonValue lists = json.value(QLatin1String("codeLists"));
        if (!lists.isUndefined() && !lists.isObject())
            reader.fail(QStringLiteral("codeLists"), QCoreApplication::translate("Forms", "expected an object"));
        const QJsonObject listObject = lists.toObject();
        reader.push(QStringLiteral("codeLists"));
        for (auto it = listObject.begin(); it != listObject.end() && !reader.error; ++it) {
            reader.push(it.key());
            if (!isIdentifier(it.key()))
                reader.fail(QString(), DefinitionReader::idReason());
            else
                reader.codeLists.insert(it.key(), reader.codeList(it.value(), it.key()));
            reader.pop();
        }
        reader.pop();
        if (!reader.error)
            reader.fields(json, data->root, 0);
        if (!reader.error) {
            QList<const FormField *> scopes;
            reader.checkReferences(data->root, scopes);
        }
        const QJsonValue example = json.value(QLatin1String("example"));
        if (!reader.error && !example.isUndefined() && !example.isObject())
            reader.fail(QStringLiteral("example"), QCoreApplication::translate("Forms", "expected an object"));
        data->example = example.toObject();
    }
    if (reader.error)
        return *reader.error;
    data->codeLists = reader.codeLists;
    FormDefinition definition;
    definition.d = std::move(data);
    return definition;
}

Result<FormDefinition> FormDefinition::fromJsonBytes(const QByteArray &bytes)
{
    if (bytes.size() > MaxBytes)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate(
                             "Forms", "The form definition is larger than %1 MB; split it or remove unused code lists.")
                             .arg(MaxBytes / (1024 * 1024)));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate(
                             "Forms", "The form definition is not valid JSON (%1 at character %2); correct the file.")
                             .arg(parseError.errorString())
                             .arg(parseError.offset));
    if (!document.isObject())
        return makeError(
            ErrorCode::Invalid,
            QCoreApplication::translate("Forms", "The form definition must be a JSON object; correct the file."));
    return fromJson(document.object());
}

const QString &FormDefinition::id() const
{
    static const QString none;
    return d ? d->id : none;
}

int FormDefinition::version() const
{
    return d ? d->version : 0;
}

const LocalizedText &FormDefinition::title() const
{
    static const LocalizedText none;
    return d ? d->title : none;
}

const LocalizedText &FormDefinition::description() const
{
    static const LocalizedText none;
    return d ? d->description : none;
}

const FormField &FormDefinition::root() const
{
    static const FormField none = [] {
        FormField group;
        group.type = FieldType::Group;
        return group;
    }();
    return d ? d->root : none;
}

const QHash<QString, std::shared_ptr<const CodeList>> &FormDefinition::codeLists() const
{
    static const QHash<QString, std::shared_ptr<const CodeList>> none;
    return d ? d->codeLists : none;
}

const QJsonObject &FormDefinition::example() const
{
    static const QJsonObject none;
    return d ? d->example : none;
}

const QJsonObject &FormDefinition::json() const
{
    static const QJsonObject none;
    return d ? d->json : none;
}

const FormField *FormDefinition::field(const QString &dataPath) const
{
    const std::optional<QList<FormPath::Segment>> segments = FormPath::parse(dataPath);
    if (!segments)
        return nullptr;
    const FormField *field = &root();
    for (const FormPath::Segment &segment : *segments) {
        if (!field->isGroup())
            return nullptr;
        field = field->child(segment.key);
        if (!field)
            return nullptr;
    }
    return field;
}

} // namespace casedesk::forms
