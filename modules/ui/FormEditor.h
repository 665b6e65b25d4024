// One field's editor in the form view: the input widget, how it shows a stored value, and which value the
// clerk's input stands for. FormEditorFactory makes the right one per field type.
#pragma once

#include <QJsonValue>
#include <QObject>

#include <optional>

class QWidget;

namespace casedesk::forms {
struct FormField;
}

namespace casedesk::ui {

class FormEditor : public QObject {
    Q_OBJECT

public:
    explicit FormEditor(const forms::FormField &field);

    const forms::FormField &field() const { return m_field; }
    // The widget placed in the form (the input, perhaps with a unit or a button next to it).
    virtual QWidget *widget() const = 0;
    // The widget that takes the keyboard focus, joins the tab order and carries the accessible name.
    virtual QWidget *input() const = 0;
    // Shows a stored value without emitting edited(); values of the wrong kind are shown as far as possible
    // (validation reports them), never altered until the clerk edits.
    void setValue(const QJsonValue &value);
    // The value the current input stands for; Undefined when the input is empty.
    virtual QJsonValue value() const = 0;
    virtual void setReadOnly(bool readOnly) = 0;

signals:
    void edited(); // the clerk changed the input

protected:
    virtual void show(const QJsonValue &value) = 0;
    // A stored value as plain text: strings as they are, numbers and booleans written out, others empty.
    static QString plainText(const QJsonValue &value);
    // A JSON number that is a whole number JSON keeps exactly (|n| < 2^53), else nullopt.
    static std::optional<qint64> exactInteger(const QJsonValue &value);
    // Called by the concrete editors on every change of their input. Emits edited() only when the value the
    // input stands for changed: showing a value, reformatting it or switching read-only is no edit.
    void inputChanged();

private:
    const forms::FormField &m_field;
    bool m_showing = false;
    QJsonValue m_lastValue;
};

} // namespace casedesk::ui
