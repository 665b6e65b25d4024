#include "ui/FormNumberEditor.h"

#include "forms/Decimal.h"
#include "forms/FieldFormats.h"
#include "forms/FormField.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace casedesk::ui {

using forms::Decimal;
using forms::FieldType;

namespace {

// Up to 16 digits: the integers JSON keeps exactly (2^53) have at most that many.
const QRegularExpression &integerPattern()
{
    static const QRegularExpression pattern(QStringLiteral("-?\\d{0,16}"));
    return pattern;
}

const QRegularExpression &decimalPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("-?\\d{0,%1}([.,]\\d{0,%1})?").arg(forms::Decimal::MaxDigits));
    return pattern;
}

} // namespace

FormNumberEditor::FormNumberEditor(const forms::FormField &field)
    : FormEditor(field), m_widget(new QWidget), m_edit(new QLineEdit)
{
    const bool isDecimal = field.type == FieldType::Decimal;
    m_edit->setValidator(new QRegularExpressionValidator(isDecimal ? decimalPattern() : integerPattern(), m_edit));
    m_edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_edit->setInputMethodHints(isDecimal ? Qt::ImhFormattedNumbersOnly : Qt::ImhDigitsOnly);
    auto *layout = new QHBoxLayout(m_widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    if (!field.unit.isEmpty()) {
        auto *unit = new QLabel(field.unit);
        unit->setBuddy(m_edit);
        layout->addWidget(unit);
    }
    layout->addStretch(1);
    connect(m_edit, &QLineEdit::textChanged, this, &FormNumberEditor::inputChanged);
}

QWidget *FormNumberEditor::widget() const
{
    return m_widget;
}

QWidget *FormNumberEditor::input() const
{
    return m_edit;
}

QJsonValue FormNumberEditor::value() const
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty())
        return QJsonValue::Undefined;
    if (field().type == FieldType::Integer) {
        bool ok = false;
        const qint64 number = text.toLongLong(&ok);
        return ok ? QJsonValue(number) : QJsonValue(text); // "-" alone stays text: validation asks for a number
    }
    // "12," is on its way to "12,5": store what is there so far rather than flag the half-typed number.
    const QString complete = text.endsWith(u'.') || text.endsWith(u',') ? text.chopped(1) : text;
    const std::optional<Decimal> decimal = Decimal::parse(complete);
    return decimal ? QJsonValue(decimal->toString()) : QJsonValue(text);
}

void FormNumberEditor::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
}

void FormNumberEditor::show(const QJsonValue &value)
{
    if (field().type == FieldType::Decimal) {
        const std::optional<Decimal> decimal =
            value.isDouble() ? Decimal::fromDouble(value.toDouble()) : Decimal::parse(value.toString());
        m_edit->setText(decimal ? forms::FieldFormats::formatDecimal(decimal->toString()) : plainText(value));
        return;
    }
    const std::optional<qint64> number = exactInteger(value);
    m_edit->setText(number ? QString::number(*number) : plainText(value));
}

} // namespace casedesk::ui
