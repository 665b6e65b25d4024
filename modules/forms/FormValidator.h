// Validation of form data against a definition: pure and fast, the same code on the client (as the clerk
// types) and on the server (intake and every pushed change). Never crashes on any JSON; hostile data gives
// problems, bounded in number.
#pragma once

#include "forms/FormDefinition.h"
#include "forms/FormProblem.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSet>

namespace casedesk::forms {

class FormValidator {
public:
    static constexpr int MaxProblems = 200;              // then one TooManyProblems and stop
    static constexpr qint64 MaxDataCharacters = 1000000; // all strings and unknown keys together

    // What the form view needs to show the form in its current state: data paths of fields and groups that
    // are hidden (visibleIf false) and of those that are required now (required or requiredIf true; inside
    // an optional group they apply once the group has a value).
    struct State {
        QSet<QString> hidden;
        QSet<QString> required;
    };

    // Checks `data` (normalised first, see FieldFormats::normalize) against `definition`. `today` (Europe/
    // Berlin, from the caller's Clock) resolves relative date limits and today() in expressions. Problems
    // come in form order (keys that are no field after the fields of their group, rules last). Hidden fields are
    // neither required nor checked; visibleIf that cannot be evaluated counts as visible, requiredIf as not required.
    // Rules are checked only when every field they read has a value of its kind (a wrong value is reported at its own
    // field).
    static QList<FormProblem> validate(const FormDefinition &definition, const QJsonObject &data, const QDate &today);

    // The data as it should be stored: every known value normalised; unknown keys are kept (validation
    // reports them).
    static QJsonObject normalize(const FormDefinition &definition, const QJsonObject &data);

    static State state(const FormDefinition &definition, const QJsonObject &data, const QDate &today);
};

} // namespace casedesk::forms
