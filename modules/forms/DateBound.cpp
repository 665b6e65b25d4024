#include "forms/DateBound.h"

#include "core/JsonFields.h"

#include <QRegularExpression>

namespace casedesk::forms {

std::optional<DateBound> DateBound::parse(const QString &text)
{
    DateBound bound;
    if (const std::optional<QDate> date = json::dateFromString(text); date && date->isValid()) {
        bound.m_date = *date;
        return bound;
    }
    static const QRegularExpression relative(QStringLiteral("^(?:today)?(?:([+-])(\\d{1,4})([dwmy]))?$"));
    const QRegularExpressionMatch match = relative.match(text);
    if (text.isEmpty() || !match.hasMatch())
        return std::nullopt;
    bound.m_relative = true;
    if (match.hasCaptured(1)) {
        bound.m_amount = match.captured(2).toInt() * (match.captured(1) == QLatin1String("-") ? -1 : 1);
        bound.m_unit = char(match.captured(3).at(0).toLatin1());
    }
    return bound;
}

QDate DateBound::resolve(const QDate &today) const
{
    if (!m_relative)
        return m_date;
    if (!today.isValid())
        return {};
    switch (m_unit) {
    case 'w':
        return today.addDays(qint64(m_amount) * 7);
    case 'm':
        return today.addMonths(m_amount);
    case 'y':
        return today.addYears(m_amount);
    default:
        return today.addDays(m_amount);
    }
}

QString DateBound::toString() const
{
    if (!m_relative)
        return json::dateToString(m_date);
    if (m_amount == 0)
        return QStringLiteral("today");
    return QStringLiteral("today%1%2%3")
        .arg(m_amount < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(std::abs(m_amount))
        .arg(QLatin1Char(m_unit));
}

} // namespace casedesk::forms
