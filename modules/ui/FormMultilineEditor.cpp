#include "ui/FormMultilineEditor.h"

#include <QFontMetrics>
#include <QPlainTextEdit>

namespace casedesk::ui {

FormMultilineEditor::FormMultilineEditor(const forms::FormField &field) : FormEditor(field), m_edit(new QPlainTextEdit)
{
    m_edit->setTabChangesFocus(true);
    m_edit->setMinimumHeight(m_edit->fontMetrics().lineSpacing() * 4);
    m_edit->setMaximumHeight(m_edit->fontMetrics().lineSpacing() * 10);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &FormMultilineEditor::inputChanged);
}

QWidget *FormMultilineEditor::widget() const
{
    return m_edit;
}

QWidget *FormMultilineEditor::input() const
{
    return m_edit;
}

QJsonValue FormMultilineEditor::value() const
{
    const QString text = m_edit->toPlainText();
    return text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text);
}

void FormMultilineEditor::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
    // Read-only text stays selectable and readable with the keyboard.
    m_edit->setTextInteractionFlags(readOnly ? Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard
                                             : Qt::TextEditorInteraction);
}

void FormMultilineEditor::show(const QJsonValue &value)
{
    m_edit->setPlainText(plainText(value));
}

} // namespace casedesk::ui
