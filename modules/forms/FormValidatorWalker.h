// One walk over a form definition and its data (private to the forms module, behind FormValidator): pairs data
// keys with fields, decides visibility and requirements through the fields' expressions, checks the rules of each
// group and hands every value to FieldValueCheck. Gives problems (when `problems` is set) and the form state (when
// `state` is).
#pragma once

#include "core/ExpressionValue.h"
#include "forms/FieldValueCheck.h"
#include "forms/FormValidator.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QVarLengthArray>

#include <optional>

namespace casedesk::forms {

class FormValidatorWalker final : private ProblemSink {
public:
    FormValidatorWalker(const QDate &today, QList<FormProblem> *problems, FormValidator::State *state)
        : m_today(today), m_problems(problems), m_state(state), m_check(*this, today)
    {
    }

    // Walks `group` (the definition's root, a group or one row of a repeatable group) over `object`.
    void group(const FormField &group, const QJsonObject &object);

private:
    class Variables;

    // A field's value in the group being walked.
    struct Slot {
        // Read in place: a string read from here is copied once, through a QJsonValue three times.
        std::optional<QJsonValueConstRef> stored;
        // As expressions see it: worked out by the walk for a text (so the rules after it need not read it again),
        // else on first use.
        std::optional<ExpressionValue> normalized;

        QJsonValue::Type type() const { return stored ? stored->type() : QJsonValue::Undefined; }
        QJsonValue raw() const { return stored ? QJsonValue(*stored) : QJsonValue(QJsonValue::Undefined); }
    };
    struct Scope {
        const FormField *group;
        Slot *fieldValues; // parallel to group->fields
    };
    struct Segment {
        const QString *key; // null for a row index; points into the definition or a caller's local
        qsizetype index;
    };

    // The path is kept as segments and only written out for a problem or the form state: most fields have none.
    void pushKey(const QString &key) { m_segments.append({&key, -1}); }
    void pushIndex(qsizetype index) { m_segments.append({nullptr, index}); }
    void popSegment() { m_segments.removeLast(); }
    QString path() const;

    void report(FormProblem::Code code, const QString &message) override;
    bool countCharacters(qsizetype count) override;
    void add(FormProblem::Code code, const QString &message, const QString &rule);

    void unknownKeys(const FormField &group, const QJsonObject &object);
    void groupValue(const FormField &field, const QJsonValue &value, bool required);
    void value(const FormField &field, Slot &slot, bool required);

    const ExpressionValue *lookUp(const FieldReference &reference, const FormField *&field);
    bool condition(const Expression &expression, const QList<FieldReference> &references, bool onError);
    void checkRule(const FormRule &rule);

    const QDate m_today;
    QList<FormProblem> *m_problems;
    FormValidator::State *m_state;
    const FieldValueCheck m_check;
    QVarLengthArray<Scope, 8> m_scopes;
    QVarLengthArray<Segment, 16> m_segments;
    ExpressionValue m_nested; // see lookUp
    qint64 m_characters = 0;
    bool m_stopped = false;
};

} // namespace casedesk::forms
