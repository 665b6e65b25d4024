#include "core/Aktenzeichen.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace casedesk {

namespace {

constexpr int maxNumber = 999'999;
constexpr int minYear = 1900;
constexpr int maxYear = 2999;
// Four groups of four digits; the longest canonical text adds dash, six digits, slash and year. Longer
// input is rejected before any pattern matching.
constexpr qsizetype maxFilePlanCodeLength = 4 * 4 + 3;
constexpr qsizetype maxTextLength = maxFilePlanCodeLength + 1 + 6 + 1 + 4;

// ASCII digits only: \d would also accept Arabic-Indic or full-width digits.
const QLatin1String filePlanCodePattern("[0-9]{1,4}(?:\\.[0-9]{1,4}){0,3}");

// The user's input in a message, cut short so a pasted novel does not become the message.
QString quoted(const QString &text)
{
    constexpr qsizetype shown = 40;
    return text.size() <= shown ? text : text.left(shown) + QStringLiteral("…");
}

} // namespace

Aktenzeichen::Aktenzeichen(QString filePlanCode, int number, int year)
    : m_filePlanCode(std::move(filePlanCode)), m_number(number), m_year(year)
{
}

bool Aktenzeichen::isValidFilePlanCode(const QString &code)
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(filePlanCodePattern));
    return code.size() <= maxFilePlanCodeLength && pattern.match(code).hasMatch();
}

Result<Aktenzeichen> Aktenzeichen::parse(const QString &input)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("(%1)-([0-9]{1,6})/([0-9]{4})").arg(filePlanCodePattern)));
    const QString text = input.trimmed();
    const QRegularExpressionMatch match =
        text.size() <= maxTextLength ? pattern.match(text) : QRegularExpressionMatch();
    if (!match.hasMatch()) {
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Core", "“%1” is not a valid file number (Aktenzeichen). Enter "
                                                             "file plan code, number and year, for example "
                                                             "32.10-000123/2026.")
                             .arg(quoted(text)),
                         QStringLiteral("Aktenzeichen::parse"));
    }
    const int number = match.captured(2).toInt();
    const int year = match.captured(3).toInt();
    if (number < 1) {
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Core", "The number in the file number “%1” must be from 1 to "
                                                             "%2. Check the number.")
                             .arg(text, QString::number(maxNumber)),
                         QStringLiteral("Aktenzeichen::parse"));
    }
    if (year < minYear || year > maxYear) {
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Core", "The year in the file number “%1” must be from %2 to "
                                                             "%3. Check the year.")
                             .arg(text, QString::number(minYear), QString::number(maxYear)),
                         QStringLiteral("Aktenzeichen::parse"));
    }
    return Aktenzeichen(match.captured(1), number, year);
}

bool Aktenzeichen::isValid() const
{
    return isValidFilePlanCode(m_filePlanCode) && m_number >= 1 && m_number <= maxNumber && m_year >= minYear &&
           m_year <= maxYear;
}

QString Aktenzeichen::toString() const
{
    if (isNull())
        return {};
    // Concatenated, not QString::arg-chained: a "%1" inside an unvalidated code must stay literal.
    return m_filePlanCode + u'-' + QStringLiteral("%1").arg(m_number, 6, 10, QLatin1Char('0')) + u'/' +
           QString::number(m_year);
}

QString Aktenzeichen::compactForm() const
{
    QString digits = toString();
    digits.removeIf([](QChar c) { return !c.isDigit(); });
    return digits;
}

} // namespace casedesk
