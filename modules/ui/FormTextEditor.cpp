#include "ui/FormTextEditor.h"

#include "forms/FieldFormats.h"
#include "forms/FormField.h"

#include <QLineEdit>

namespace casedesk::ui {

using forms::FieldFormats;
using forms::FieldType;

FormTextEditor::FormTextEditor(const forms::FormField &field) : FormEditor(field), m_edit(new QLineEdit)
{
    switch (field.type) {
    case FieldType::Email:
        m_edit->setInputMethodHints(Qt::ImhEmailCharactersOnly);
        m_edit->setPlaceholderText(QStringLiteral("name@example.de"));
        break;
    case FieldType::Phone:
        m_edit->setInputMethodHints(Qt::ImhDialableCharactersOnly);
        break;
    case FieldType::Postcode:
        m_edit->setInputMethodHints(Qt::ImhDigitsOnly);
        m_edit->setPlaceholderText(QStringLiteral("70173"));
        break;
    case FieldType::Iban:
        m_edit->setPlaceholderText(QStringLiteral("DE89 3704 0044 0532 0130 00"));
        break;
    case FieldType::KfzKennzeichen:
        m_edit->setPlaceholderText(QStringLiteral("S-AB 1234"));
        break;
    default:
        break;
    }
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        if (this->field().type == FieldType::Iban)
            regroupIban();
        inputChanged();
    });
}

QWidget *FormTextEditor::widget() const
{
    return m_edit;
}

QWidget *FormTextEditor::input() const
{
    return m_edit;
}

QJsonValue FormTextEditor::value() const
{
    const QString text = m_edit->text();
    if (text.trimmed().isEmpty())
        return QJsonValue::Undefined;
    // The other types are normalised with the whole form (FormValidator::normalize); an IBAN is stored as the
    // clerk sees it minus the display grouping.
    return field().type == FieldType::Iban ? FieldFormats::compactIban(text) : text;
}

void FormTextEditor::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
}

void FormTextEditor::show(const QJsonValue &value)
{
    const QString text = plainText(value);
    m_edit->setText(field().type == FieldType::Iban && value.isString()
                        ? FieldFormats::groupIban(FieldFormats::compactIban(text))
                        : text);
}

// Rewrites the text in groups of four, keeping the cursor behind the same character.
void FormTextEditor::regroupIban()
{
    const QString text = m_edit->text();
    const QString grouped = FieldFormats::groupIban(FieldFormats::compactIban(text));
    if (grouped == text)
        return;
    int significant = 0;
    for (qsizetype i = 0; i < m_edit->cursorPosition() && i < text.size(); ++i) {
        if (!text.at(i).isSpace())
            ++significant;
    }
    int cursor = 0;
    for (int seen = 0; cursor < grouped.size() && seen < significant; ++cursor) {
        if (!grouped.at(cursor).isSpace())
            ++seen;
    }
    const QSignalBlocker blocker(m_edit);
    m_edit->setText(grouped);
    m_edit->setCursorPosition(cursor);
}

} // namespace casedesk::ui
