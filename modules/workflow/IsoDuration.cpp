#include "workflow/IsoDuration.h"

#include <QTimeZone>

namespace casedesk::workflow {

namespace {

// Larger values make no sense for a case deadline and keep arithmetic far from overflow.
constexpr qint64 maxComponent = 100000;

const QTimeZone &berlin()
{
    static const QTimeZone zone(QByteArrayLiteral("Europe/Berlin"));
    return zone;
}

} // namespace

std::optional<IsoDuration> IsoDuration::parse(const QString &text)
{
    const QString s = text.trimmed();
    if (s.size() < 3 || s.at(0) != u'P')
        return std::nullopt;
    IsoDuration d;
    bool inTime = false;
    bool any = false;
    qint64 number = -1;
    QString lastUnits; // units must come in ISO order; each at most once
    for (qsizetype i = 1; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c.isDigit() && c.unicode() < 128) {
            number = (number < 0 ? 0 : number) * 10 + (c.unicode() - u'0');
            if (number > maxComponent)
                return std::nullopt;
            continue;
        }
        if (c == u'T') {
            if (inTime || number >= 0)
                return std::nullopt;
            inTime = true;
            lastUnits.clear();
            continue;
        }
        if (number < 0)
            return std::nullopt;
        const QString order = inTime ? QStringLiteral("HMS") : QStringLiteral("YMWD");
        const qsizetype position = order.indexOf(c);
        if (position < 0 || (!lastUnits.isEmpty() && order.indexOf(lastUnits.back()) >= position))
            return std::nullopt;
        lastUnits.append(c);
        const int value = static_cast<int>(number);
        if (!inTime) {
            if (c == u'Y')
                d.m_years = value;
            else if (c == u'M')
                d.m_months = value;
            else if (c == u'W')
                d.m_weeks = value;
            else
                d.m_days = value;
        } else {
            d.m_seconds += number * (c == u'H' ? 3600 : c == u'M' ? 60 : 1);
        }
        any = true;
        number = -1;
    }
    if (!any || number >= 0 || (inTime && lastUnits.isEmpty()))
        return std::nullopt;
    if (d == IsoDuration())
        return std::nullopt;
    return d;
}

QDateTime IsoDuration::addTo(const QDateTime &dateTime) const
{
    QDateTime local = dateTime.toTimeZone(berlin());
    local = local.addYears(m_years).addMonths(m_months).addDays(qint64(m_weeks) * 7 + m_days);
    return local.addSecs(m_seconds).toUTC();
}

std::optional<Period> IsoDuration::toPeriod() const
{
    const int units = (m_years > 0) + (m_months > 0) + (m_weeks > 0) + (m_days > 0) + (m_seconds > 0);
    if (units != 1 || m_seconds > 0)
        return std::nullopt;
    if (m_years > 0)
        return Period{m_years, PeriodUnit::Years};
    if (m_months > 0)
        return Period{m_months, PeriodUnit::Months};
    if (m_weeks > 0)
        return Period{m_weeks, PeriodUnit::Weeks};
    return Period{m_days, PeriodUnit::Days};
}

QString IsoDuration::toString() const
{
    QString text = QStringLiteral("P");
    if (m_years > 0)
        text += QString::number(m_years) + u'Y';
    if (m_months > 0)
        text += QString::number(m_months) + u'M';
    if (m_weeks > 0)
        text += QString::number(m_weeks) + u'W';
    if (m_days > 0)
        text += QString::number(m_days) + u'D';
    if (m_seconds > 0) {
        text += u'T';
        const qint64 hours = m_seconds / 3600;
        const qint64 minutes = (m_seconds % 3600) / 60;
        const qint64 seconds = m_seconds % 60;
        if (hours > 0)
            text += QString::number(hours) + u'H';
        if (minutes > 0)
            text += QString::number(minutes) + u'M';
        if (seconds > 0)
            text += QString::number(seconds) + u'S';
    }
    return text;
}

std::optional<IsoCycle> IsoCycle::parse(const QString &text)
{
    const QString s = text.trimmed();
    const qsizetype slash = s.indexOf(u'/');
    if (!s.startsWith(u'R') || slash < 1 || s.indexOf(u'/', slash + 1) >= 0)
        return std::nullopt;
    IsoCycle cycle;
    const QString count = s.mid(1, slash - 1);
    if (!count.isEmpty()) {
        bool ok = false;
        cycle.repetitions = count.toInt(&ok);
        if (!ok || cycle.repetitions < 1 || cycle.repetitions > maxComponent || !count.at(0).isDigit())
            return std::nullopt;
    }
    const std::optional<IsoDuration> interval = IsoDuration::parse(s.mid(slash + 1));
    if (!interval)
        return std::nullopt;
    cycle.interval = *interval;
    return cycle;
}

} // namespace casedesk::workflow
