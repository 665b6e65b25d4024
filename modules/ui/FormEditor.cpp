#include "ui/FormEditor.h"

#include "forms/FormField.h"

#include <cmath>

namespace casedesk::ui {

FormEditor::FormEditor(const forms::FormField &field) : m_field(field) {}

void FormEditor::setValue(const QJsonValue &value)
{
    m_showing = true;
    show(value);
    m_showing = false;
    m_lastValue = this->value();
}

QString FormEditor::plainText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}

std::optional<qint64> FormEditor::exactInteger(const QJsonValue &value)
{
    const double number = value.toDouble();
    if (!value.isDouble() || number != std::floor(number) || std::fabs(number) >= 9007199254740992.0)
        return std::nullopt;
    return qint64(number);
}

void FormEditor::inputChanged()
{
    if (m_showing)
        return;
    const QJsonValue current = value();
    if (current == m_lastValue)
        return;
    m_lastValue = current;
    emit edited();
}

} // namespace casedesk::ui
