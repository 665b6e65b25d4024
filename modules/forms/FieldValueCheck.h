// The checks of one value against its field's type and limits: the per-type part of validation, apart from the
// walk over definition and data (FormValidatorWalker), which reads and normalises the values and hands them here.
// Private to the forms module.
#pragma once

#include "forms/FormField.h"
#include "forms/FormProblem.h"

#include <QDate>
#include <QJsonValue>
#include <QString>

namespace casedesk::forms {

// Where value checks report: the walker, which knows the value's path and the limits on problems and size.
class ProblemSink {
public:
    virtual void report(FormProblem::Code code, const QString &message) = 0;
    // Adds `count` characters of text to the application's total; false (the problem reported) once it is too large.
    virtual bool countCharacters(qsizetype count) = 0;

protected:
    ~ProblemSink() = default;
};

class FieldValueCheck {
public:
    // `today` (Europe/Berlin, from the caller's Clock) resolves relative date limits.
    FieldValueCheck(ProblemSink &sink, const QDate &today) : m_sink(sink), m_today(today) {}

    // A value of a string type as text, normalised and not empty, its characters already counted.
    void text(const FormField &field, const QString &text) const;
    // A normalised value that is not empty and not such a text: integers, money, booleans, multiple choices, and
    // values of the wrong kind for a string type.
    void nonText(const FormField &field, const QJsonValue &value) const;

    // The problems the walker finds before a value reaches the checks above.
    void required(const FormField &field) const;
    void tooLong(const FormField &field) const; // more than FormDefinition::MaxStringLength: not even normalised
    void notANumber(const FormField &field) const;

private:
    void pattern(const FormField &field, const QString &text) const;
    void date(const FormField &field, const QString &text) const;
    void decimal(const FormField &field, const QString &text) const;
    void integer(const FormField &field, const QJsonValue &value) const;
    void multiChoice(const FormField &field, const QJsonValue &value) const;

    ProblemSink &m_sink;
    const QDate m_today;
};

} // namespace casedesk::forms
