#include "forms/FormValidator.h"

#include "forms/FieldFormats.h"
#include "forms/FormValidatorWalker.h"

#include <QJsonArray>

namespace casedesk::forms {

namespace {

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
    FormValidatorWalker walker(today, &problems, nullptr);
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
    FormValidatorWalker walker(today, nullptr, &state);
    walker.group(definition.root(), data);
    return state;
}

} // namespace casedesk::forms
