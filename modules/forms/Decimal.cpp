#include "forms/Decimal.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace casedesk::forms {

namespace {

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool allZero(const QString &digits)
{
    for (QChar c : digits) {
        if (c != u'0')
            return false;
    }
    return true;
}

} // namespace

std::optional<Decimal> Decimal::parse(QStringView text)
{
    Decimal result;
    qsizetype pos = 0;
    if (pos < text.size() && (text.at(pos) == u'-' || text.at(pos) == u'+')) {
        result.m_negative = text.at(pos) == u'-';
        ++pos;
    }
    const qsizetype integerStart = pos;
    while (pos < text.size() && isAsciiDigit(text.at(pos)))
        ++pos;
    const qsizetype integerLength = pos - integerStart;
    if (integerLength == 0 || integerLength > MaxDigits)
        return std::nullopt;
    QStringView integer = text.mid(integerStart, integerLength);
    while (integer.size() > 1 && integer.front() == u'0')
        integer = integer.mid(1);
    result.m_integer = integer.toString();
    if (pos < text.size()) {
        if (text.at(pos) != u'.' && text.at(pos) != u',')
            return std::nullopt;
        ++pos;
        const qsizetype fractionStart = pos;
        while (pos < text.size() && isAsciiDigit(text.at(pos)))
            ++pos;
        const qsizetype fractionLength = pos - fractionStart;
        if (fractionLength == 0 || fractionLength > MaxDigits || pos != text.size())
            return std::nullopt;
        result.m_fraction = text.mid(fractionStart, fractionLength).toString();
    }
    if (result.m_integer == QLatin1String("0") && allZero(result.m_fraction))
        result.m_negative = false; // "-0.0" is zero
    return result;
}

std::optional<Decimal> Decimal::fromDouble(double value)
{
    if (!std::isfinite(value) || std::fabs(value) >= 1e30)
        return std::nullopt;
    // 'f' with the shortest round-trip precision writes the digits a person typed, without an exponent.
    return parse(QString::number(value, 'f', QLocale::FloatingPointShortest));
}

QString Decimal::toString() const
{
    QString text;
    text.reserve(1 + m_integer.size() + 1 + m_fraction.size()); // one allocation: every decimal value is written
    if (m_negative)
        text += u'-';
    text += m_integer;
    if (!m_fraction.isEmpty()) {
        text += u'.';
        text += m_fraction;
    }
    return text;
}

bool Decimal::isCanonical(QStringView text)
{
    const bool negative = text.startsWith(u'-');
    const QStringView number = text.mid(negative ? 1 : 0);
    const qsizetype point = number.indexOf(u'.');
    const QStringView integer = number.left(point);
    const QStringView fraction = point < 0 ? QStringView() : number.mid(point + 1);
    const auto digits = [](QStringView part) { return std::all_of(part.begin(), part.end(), isAsciiDigit); };
    if (integer.isEmpty() || integer.size() > MaxDigits || !digits(integer) ||
        (integer.size() > 1 && integer.front() == u'0'))
        return false;
    if (point >= 0 && (fraction.isEmpty() || fraction.size() > MaxDigits || !digits(fraction)))
        return false;
    // Zero is never written negative.
    return !negative || integer != u"0" ||
           !std::all_of(fraction.begin(), fraction.end(), [](QChar c) { return c == u'0'; });
}

int Decimal::compareMagnitude(const Decimal &other) const
{
    if (m_integer.size() != other.m_integer.size())
        return m_integer.size() < other.m_integer.size() ? -1 : 1;
    if (const int c = m_integer.compare(other.m_integer); c != 0)
        return c < 0 ? -1 : 1;
    const qsizetype length = std::max(m_fraction.size(), other.m_fraction.size());
    for (qsizetype i = 0; i < length; ++i) {
        const QChar a = i < m_fraction.size() ? m_fraction.at(i) : QChar(u'0');
        const QChar b = i < other.m_fraction.size() ? other.m_fraction.at(i) : QChar(u'0');
        if (a != b)
            return a < b ? -1 : 1;
    }
    return 0;
}

int Decimal::compare(const Decimal &other) const
{
    if (m_negative != other.m_negative)
        return m_negative ? -1 : 1; // zero is never negative, so signs differ only for non-zero values
    const int magnitude = compareMagnitude(other);
    return m_negative ? -magnitude : magnitude;
}

} // namespace casedesk::forms
