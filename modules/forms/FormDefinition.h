// A form definition (resources/forms/*.json): the fields, groups, code lists and rules of one case type's
// application form, in one version. Immutable once read; copies share the data and may be used from any thread.
//
// File format (every key is checked; unknown keys are errors, so typos do not go unnoticed):
//   {
//     "id": "baumfaellung", "version": 1,
//     "title": {"en": "Tree felling permit", "de": "Baumfällgenehmigung"},
//     "description": {...},                           optional
//     "source": {...},                                optional, free-form (where an import came from)
//     "codeLists": {"species": [{"code": "oak", "label": {"en": "Oak", "de": "Eiche"}}, ...],
//                   "kfzClasses": {"external": "urn:de:..."}},     a list kept elsewhere: any code accepted
//     "fields": [ field, ... ],
//     "rules": [ {"id", "check", "field", "message"}, ... ],    see FormRule
//     "example": { form data }                        optional, a filled-in sample (documentation, tests)
//   }
//   field:
//     "id", "type" (see FieldType.h), "label" {en, de}, "help" {en, de}, "unit",
//     "required": bool, "requiredIf": expression, "visibleIf": expression,
//     "min"/"max": integer (integer), cents (money), decimal text (decimal), date or relative date (date),
//     "decimals": most fraction digits (decimal),
//     "minLength"/"maxLength": characters (string types),
//     "pattern": regular expression the whole value must match, "patternHint" {en, de} (text, multiline, phone),
//     "codeList": name of a list in "codeLists" or an inline list (choice, multiChoice),
//     "minCount"/"maxCount": rows (repeatable group) or codes (multiChoice),
//     "repeatable": bool, "fields": [...], "rules": [...] (group).
// Expressions use core/Expression.h; a name refers to a field of the same group or, if it has none of that
// name, of an enclosing group ("vehicle.emissionClass" walks into a non-repeatable group).
#pragma once

#include "core/Result.h"
#include "forms/FormField.h"

#include <QByteArray>
#include <QJsonObject>

#include <memory>

namespace casedesk::forms {

class FormDefinition {
public:
    // Limits that keep hostile or broken definitions harmless.
    static constexpr int MaxBytes = 4 * 1024 * 1024;
    static constexpr int MaxFields = 2000; // fields and groups, all levels together
    static constexpr int MaxNesting = 6;   // levels of groups
    static constexpr int MaxCodeListEntries = 5000;
    static constexpr int MaxPatternLength = 200; // and patterns only ever see values of at most MaxPatternInput
    static constexpr int MaxPatternInput = 1000;
    static constexpr int MaxStringLength = 100000; // the largest maxLength a field may declare
    static constexpr int MaxRows = 1000;           // the largest maxCount

    FormDefinition() = default; // null; fromJson() gives the usable ones

    // Reads and checks a definition. Errors are ErrorCode::Invalid with a translated message naming the JSON
    // path of the problem ("fields[2].fields[0].min") and what to do.
    static Result<FormDefinition> fromJson(const QJsonObject &json);
    static Result<FormDefinition> fromJsonBytes(const QByteArray &bytes);

    bool isNull() const { return !d; }
    const QString &id() const;
    int version() const; // cases keep the version they were created with
    const LocalizedText &title() const;
    const LocalizedText &description() const;
    // The form itself as a group without id: its fields, rules and field index.
    const FormField &root() const;
    const QList<FormField> &fields() const { return root().fields; }
    // The named code lists ("codeLists").
    const QHash<QString, std::shared_ptr<const CodeList>> &codeLists() const;
    const QJsonObject &example() const;
    // The definition as read, for storing and handing to clients (GET /api/v1/reference).
    const QJsonObject &json() const;

    // The field at a data path ("trees[2].species", "applicant.surname"; row indices are ignored), or nullptr.
    const FormField *field(const QString &dataPath) const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace casedesk::forms
