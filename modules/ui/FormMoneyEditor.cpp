#include "ui/FormMoneyEditor.h"

#include "forms/FieldFormats.h"

#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

namespace casedesk::ui {

namespace {

constexpr int MaxEuroDigits = 13; // cents then stay below 2^53, the integers JSON keeps exactly

} // namespace

FormMoneyEditor::FormMoneyEditor(const forms::FormField &field) : FormEditor(field), m_edit(new QLineEdit)
{
    // Digits, separators, a sign and the euro sign; the exact reading is parseCents' business.
    static const QRegularExpression allowed(QStringLiteral("-?€?\\s*-?[0-9.,'\\s\\x{00A0}\\x{202F}]{0,24}€?"));
    m_edit->setValidator(new QRegularExpressionValidator(allowed, m_edit));
    m_edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    m_edit->setPlaceholderText(forms::FieldFormats::formatMoney(0));
    connect(m_edit, &QLineEdit::textChanged, this, &FormMoneyEditor::inputChanged);
    // Shown formatted once the clerk leaves the field; while typing the text stays as typed.
    connect(m_edit, &QLineEdit::editingFinished, this, [this] {
        const QJsonValue current = value();
        if (current.isDouble())
            setValue(current);
    });
}

QWidget *FormMoneyEditor::widget() const
{
    return m_edit;
}

QWidget *FormMoneyEditor::input() const
{
    return m_edit;
}

QJsonValue FormMoneyEditor::value() const
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty())
        return QJsonValue::Undefined;
    const std::optional<qint64> cents = parseCents(text, QLocale());
    // What is no amount is kept as typed, so validation tells the clerk instead of a silent guess.
    return cents ? QJsonValue(*cents) : QJsonValue(text);
}

void FormMoneyEditor::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
}

std::optional<qint64> FormMoneyEditor::parseCents(const QString &text, const QLocale &locale)
{
    const QString decimalPoint = locale.decimalPoint();
    const QString groupSeparator = locale.groupSeparator();
    QString compact;
    for (const QChar c : text) {
        if (c.isSpace() || c == u'€' || c == u'\'' || QString(c) == groupSeparator)
            continue;
        compact += QString(c) == decimalPoint ? QChar(u'.') : c;
    }
    bool negative = false;
    if (compact.startsWith(u'-')) {
        negative = true;
        compact.remove(0, 1);
    }
    static const QRegularExpression amount(QStringLiteral("^(\\d{1,%1})(?:\\.(\\d{1,2}))?$").arg(MaxEuroDigits));
    const QRegularExpressionMatch match = amount.match(compact);
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 euros = match.captured(1).toLongLong();
    const QString fraction = match.captured(2);
    const qint64 cents = euros * 100 + (fraction.isEmpty() ? 0 : fraction.leftJustified(2, u'0').toLongLong());
    return negative ? -cents : cents;
}

void FormMoneyEditor::show(const QJsonValue &value)
{
    const std::optional<qint64> cents = exactInteger(value);
    m_edit->setText(cents ? forms::FieldFormats::formatMoney(*cents) : plainText(value));
}

} // namespace casedesk::ui
