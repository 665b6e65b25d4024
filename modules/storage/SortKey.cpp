#include "storage/SortKey.h"

#include <QStringList>

namespace casedesk::storage {

namespace {

// Greater than every digit, so missing dates and provisional numbers come last.
const QChar LastMarker = QLatin1Char('~');

} // namespace

QString SortKey::german(const QString &text)
{
    // Compatibility decomposition splits "ä" into "a" + combining diaeresis (and ligatures into letters);
    // dropping the combining marks then removes every diacritic.
    const QString decomposed = text.toLower().normalized(QString::NormalizationForm_KD);
    QString key;
    key.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(0x00DF)) // ß (also the lower case of capital ẞ)
            key += QLatin1String("ss");
        else
            key += c;
    }
    return key;
}

QString SortKey::date(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString(LastMarker);
}

QString SortKey::aktenzeichen(const Case &c)
{
    if (c.aktenzeichen.isNull())
        return LastMarker + c.displayAktenzeichen();
    // Digit groups padded to the same width compare numerically; ' ' sorts before '.', so "32" < "32.10".
    QStringList groups = c.aktenzeichen.filePlanCode().split(QLatin1Char('.'));
    for (QString &group : groups)
        group = group.rightJustified(4, QLatin1Char('0'));
    return groups.join(QLatin1Char('.')) + QLatin1Char(' ') +
           QString::number(c.aktenzeichen.year()).rightJustified(4, QLatin1Char('0')) + QLatin1Char('-') +
           QString::number(c.aktenzeichen.number()).rightJustified(6, QLatin1Char('0'));
}

QString SortKey::assignee(bool assigned, const QString &name)
{
    return assigned ? QLatin1Char('0') + german(name) : QStringLiteral("1");
}

} // namespace casedesk::storage
