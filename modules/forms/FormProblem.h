// One problem validation found in form data: where (a data path), what (a stable code) and a translated
// message that says what to do.
#pragma once

#include <QString>

namespace casedesk::forms {

struct FormProblem {
    // Stable codes (their strings, from codeToString, go over the wire and into tests).
    enum class Code {
        Required,        // "required": empty but required (a required boolean: not true)
        WrongType,       // "wrongType": a value of the wrong JSON kind
        UnknownField,    // "unknownField": the definition has no such field
        InvalidFormat,   // "invalidFormat": not a date, number, e-mail, postcode, IBAN, Kennzeichen, ...
        InvalidChecksum, // "invalidChecksum": IBAN check digits wrong
        TooShort,        // "tooShort": fewer characters than minLength
        TooLong,         // "tooLong": more characters than maxLength
        TooSmall,        // "tooSmall": below min (numbers, money)
        TooLarge,        // "tooLarge": above max
        TooEarly,        // "tooEarly": date before min
        TooLate,         // "tooLate": date after max
        TooPrecise,      // "tooPrecise": more decimal places than allowed
        TooFew,          // "tooFew": fewer rows or choices than minCount
        TooMany,         // "tooMany": more rows or choices than maxCount
        PatternMismatch, // "patternMismatch": does not match the field's pattern
        NotInCodeList,   // "notInCodeList": a code that is not in the list
        Duplicate,       // "duplicate": a code chosen twice
        RuleFailed,      // "ruleFailed": a cross-field rule does not hold (`rule` names it)
        RuleError,       // "ruleError": a rule or condition could not be evaluated
        DataTooLarge,    // "dataTooLarge": the whole application is too large
        TooManyProblems, // "tooManyProblems": validation stopped after FormValidator::MaxProblems
    };

    // "applicant.surname", "trees[2].species" (see FormPath); "" for the whole form (rules without a field,
    // DataTooLarge, TooManyProblems, an unknown key that is no path step, like "a b").
    QString path;
    Code code = Code::Required;
    QString message; // translated
    QString rule;    // the rule's id for RuleFailed / RuleError

    static QString codeToString(Code code);
    QString codeString() const { return codeToString(code); }
};

} // namespace casedesk::forms
