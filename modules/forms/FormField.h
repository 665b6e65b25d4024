// One field or group of a form definition, and the cross-field rules of a group. Plain data, filled by
// FormDefinition's reader (which checks every combination) and read by the validator and the form view.
#pragma once

#include "core/Expression.h"
#include "forms/CodeList.h"
#include "forms/DateBound.h"
#include "forms/Decimal.h"
#include "forms/FieldType.h"
#include "forms/LocalizedText.h"

#include <QCborValue>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <memory>
#include <optional>

namespace casedesk::forms {

// Where a variable of an expression is found, worked out once by FormDefinition with the lookup rule of
// FormDefinition.h, relative to the group the expression is evaluated in (the group of the field it belongs to,
// or of the rule): `up` enclosing groups outwards, then the field at positions.first() there and, for a dotted
// name, the fields at the next positions inside non-repeatable groups.
struct FieldReference {
    int up = 0;
    QList<qsizetype> positions;
};

// A cross-field rule (JSON: {"id", "check", "field", "message"}): `check` is a condition over fields of the
// group it belongs to (and of enclosing groups) that must hold, e.g. `felledOn >= applicationDate`. It is only
// checked when every field it reads has a value (missing values are the business of "required"). When it
// fails, a problem with `message` is reported at `field` (a field id of the same group; empty: the group).
struct FormRule {
    QString id;
    Expression check;
    QString field;
    LocalizedText message;
    QList<FieldReference> references; // of check.variables(), in the same order
};

struct FormField {
    QString id; // the key in form data: letters, digits, "_", not starting with a digit
    FieldType type = FieldType::Text;
    LocalizedText label;
    LocalizedText help; // tooltip and accessible description
    QString unit;       // shown next to integer and decimal editors ("cm", "kW")
    QString source;     // where an imported field came from (XDatenfelder "F60000227 1.1"), else empty

    bool required = false; // a Boolean must then be true; a non-repeatable group: see `fields`
    Expression requiredIf; // null: no condition
    Expression visibleIf;  // null: always visible; hidden fields are neither required nor checked
    QList<FieldReference> requiredIfReferences, visibleIfReferences; // of their variables(), in the same order

    // Limits; each is only set for the types it applies to.
    std::optional<qint64> minInteger, maxInteger;  // Integer; Money (cents)
    std::optional<Decimal> minDecimal, maxDecimal; // Decimal
    int decimals = -1;                             // Decimal: most digits after the point (-1: any)
    std::optional<DateBound> minDate, maxDate;     // Date
    int minLength = 0;                             // string types (in characters, after trimming)
    int maxLength = 0;                             // string types; always set (a default per type)
    QRegularExpression pattern;                    // Text, Multiline, Phone: whole value must match
    LocalizedText patternHint;                     // what the pattern expects ("like 12-345"), for the message
    std::shared_ptr<const CodeList> codeList;      // Choice, MultiChoice, District

    // Groups: `repeatable` makes the value an array of rows with minCount..maxCount rows; MultiChoice uses
    // minCount/maxCount for the number of codes. A non-repeatable group that is not `required` may be left
    // empty as a whole: only when one of its fields has a value are the others' requirements checked.
    bool repeatable = false;
    int minCount = 0;
    int maxCount = 0;
    QList<FormField> fields;         // Group: its fields, in display order
    QList<FormRule> rules;           // Group: rules checked per row
    QHash<QString, qsizetype> index; // Group: field id -> position in `fields`
    // Group: (field id, position in `fields`) sorted by id, the order QJsonObject keeps its keys in, so the
    // validator can pair data keys with fields without copying each key out of the data.
    QList<std::pair<QCborValue, qsizetype>> keyOrder;

    bool isGroup() const { return type == FieldType::Group; }
    // The field `id` of this group, or nullptr.
    const FormField *child(const QString &id) const
    {
        const auto it = index.constFind(id);
        return it == index.cend() ? nullptr : &fields.at(*it);
    }
};

} // namespace casedesk::forms
