#include "core/JsonFields.h"

#include "core/Uuid.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

namespace casedesk::json {

namespace {

thread_local QStringList scopeStack;

// Reads `count` ASCII digits at `pos`; -1 when any of them is not a digit (no locale digits, no signs).
int digitsAt(const QString &text, qsizetype pos, int count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = text.at(pos + i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

QDate strictDate(const QString &text, qsizetype pos)
{
    if (text.size() < pos + 10 || text.at(pos + 4) != u'-' || text.at(pos + 7) != u'-')
        return {};
    const int year = digitsAt(text, pos, 4);
    const int month = digitsAt(text, pos + 5, 2);
    const int day = digitsAt(text, pos + 8, 2);
    if (year < 0 || month < 0 || day < 0)
        return {};
    return QDate(year, month, day); // invalid for month 13, 30 February, ...
}

Error invalidField(const QString &path, const QString &message)
{
    return makeError(ErrorCode::Invalid, message, QStringLiteral("field %1").arg(path));
}

// The dotted path of `key` below the current FieldScope, as error messages show it.
QString fieldPath(const QString &key)
{
    if (scopeStack.isEmpty())
        return key;
    return scopeStack.join(u'.') + u'.' + key;
}

} // namespace

// Dates are written by hand: QDate::toString and QDateTime::toString format through a printf-style path that cost
// as much as all the rest of a case's JSON (measured in the cache's bulk load). Years outside 1..9999 take
// Qt's path.
namespace {

void writeDigits(QChar *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = QChar(u'0' + value % 10);
        value /= 10;
    }
}

// "YYYY-MM-DD" at out[0..9].
void writeDate(QChar *out, int year, int month, int day)
{
    writeDigits(out, year, 4);
    out[4] = u'-';
    writeDigits(out + 5, month, 2);
    out[7] = u'-';
    writeDigits(out + 8, day, 2);
}

} // namespace

QString dateToString(const QDate &date)
{
    if (!date.isValid())
        return {};
    int year = 0, month = 0, day = 0;
    date.getDate(&year, &month, &day);
    if (year < 1 || year > 9999)
        return date.toString(Qt::ISODate);
    QString text(10, Qt::Uninitialized);
    writeDate(text.data(), year, month, day);
    return text;
}

QString dateTimeToString(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    // UTC from the instant itself: no time zone lookup.
    constexpr qint64 msPerDay = 86'400'000;
    constexpr qint64 unixEpochJulianDay = 2'440'588;
    const qint64 ms = dateTime.toMSecsSinceEpoch();
    const qint64 days = ms >= 0 ? ms / msPerDay : -((-ms + msPerDay - 1) / msPerDay);
    const qint64 msOfDay = ms - days * msPerDay;
    int year = 0, month = 0, day = 0;
    QDate::fromJulianDay(unixEpochJulianDay + days).getDate(&year, &month, &day);
    if (year < 1 || year > 9999)
        return dateTime.toUTC().toString(Qt::ISODateWithMs);
    QString text(24, Qt::Uninitialized); // YYYY-MM-DDTHH:MM:SS.zzzZ
    QChar *out = text.data();
    writeDate(out, year, month, day);
    out[10] = u'T';
    writeDigits(out + 11, int(msOfDay / 3'600'000), 2);
    out[13] = u':';
    writeDigits(out + 14, int(msOfDay / 60'000 % 60), 2);
    out[16] = u':';
    writeDigits(out + 17, int(msOfDay / 1000 % 60), 2);
    out[19] = u'.';
    writeDigits(out + 20, int(msOfDay % 1000), 3);
    out[23] = u'Z';
    return text;
}

std::optional<QDate> dateFromString(const QString &text)
{
    if (text.isEmpty())
        return QDate();
    const QDate date = strictDate(text, 0);
    if (text.size() != 10 || !date.isValid())
        return std::nullopt;
    return date;
}

std::optional<QDateTime> dateTimeFromString(const QString &text)
{
    if (text.isEmpty())
        return QDateTime();
    // YYYY-MM-DDTHH:MM:SS[.f{1,3}](Z|+HH:MM|-HH:MM): a zone is required, a local time would be ambiguous.
    const QDate date = strictDate(text, 0);
    if (!date.isValid() || text.size() < 20 || text.at(10) != u'T' || text.at(13) != u':' || text.at(16) != u':')
        return std::nullopt;
    const int hour = digitsAt(text, 11, 2);
    const int minute = digitsAt(text, 14, 2);
    const int second = digitsAt(text, 17, 2);
    qsizetype pos = 19;
    int millisecond = 0;
    if (text.at(pos) == u'.') {
        int digits = 0;
        ++pos;
        while (pos < text.size() && digits < 3 && digitsAt(text, pos, 1) >= 0) {
            millisecond = millisecond * 10 + digitsAt(text, pos, 1);
            ++digits;
            ++pos;
        }
        if (digits == 0)
            return std::nullopt;
        for (; digits < 3; ++digits)
            millisecond *= 10;
    }
    int offsetSeconds = 0;
    if (pos + 1 == text.size() && text.at(pos) == u'Z') {
        offsetSeconds = 0;
    } else if (pos + 6 == text.size() && (text.at(pos) == u'+' || text.at(pos) == u'-') && text.at(pos + 3) == u':') {
        const int offsetHours = digitsAt(text, pos + 1, 2);
        const int offsetMinutes = digitsAt(text, pos + 4, 2);
        if (offsetHours < 0 || offsetHours > 14 || offsetMinutes < 0 || offsetMinutes > 59)
            return std::nullopt;
        offsetSeconds = (offsetHours * 60 + offsetMinutes) * 60 * (text.at(pos) == u'-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    const QTime time(hour, minute, second, millisecond);
    if (hour < 0 || minute < 0 || second < 0 || !time.isValid())
        return std::nullopt;
    const QDateTime result = QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds).toUTC();
    // An offset can carry 0001-01-01 or 9999-12-31 out of the four-digit years the wire format has.
    if (!result.isValid() || result.date().year() < 1 || result.date().year() > 9999)
        return std::nullopt;
    return result;
}

void putUuid(QJsonObject &json, QLatin1String key, const QUuid &id)
{
    if (!id.isNull())
        json.insert(key, uuidToString(id));
}

void putDate(QJsonObject &json, QLatin1String key, const QDate &date)
{
    if (date.isValid())
        json.insert(key, dateToString(date));
}

void putDateTime(QJsonObject &json, QLatin1String key, const QDateTime &dateTime)
{
    if (dateTime.isValid())
        json.insert(key, dateTimeToString(dateTime));
}

void putString(QJsonObject &json, QLatin1String key, const QString &text)
{
    if (!text.isEmpty())
        json.insert(key, text);
}

FieldScope::FieldScope(const QString &key)
{
    scopeStack.append(key);
}

FieldScope::~FieldScope()
{
    scopeStack.removeLast();
}

Error fieldError(const QString &key, const QString &problemTemplate)
{
    const QString path = fieldPath(key);
    return invalidField(path, problemTemplate.arg(path));
}

void Reader::fail(const QString &key, const QString &problemTemplate)
{
    if (ok())
        m_error = fieldError(key, problemTemplate);
}

QString Reader::unknownValueTemplate()
{
    return QCoreApplication::translate(
        "Core", "The field “%1” has a value CaseDesk does not know. Correct the value or update CaseDesk.");
}

bool Reader::present(QLatin1String key) const
{
    const auto it = m_json.constFind(key);
    return it != m_json.constEnd() && !it->isNull() && !it->isUndefined();
}

bool Reader::requirePresent(QLatin1String key)
{
    if (ok() && !present(key))
        fail(key, QCoreApplication::translate("Core", "The field “%1” is missing. It must be filled in."));
    return ok();
}

QString Reader::requiredString(QLatin1String key)
{
    if (!requirePresent(key))
        return {};
    const QString text = optionalString(key);
    if (ok() && text.trimmed().isEmpty())
        fail(key, QCoreApplication::translate("Core", "The field “%1” is empty. It must be filled in."));
    return ok() ? text : QString();
}

QString Reader::optionalString(QLatin1String key)
{
    if (!ok() || !present(key))
        return {};
    const QJsonValue value = m_json.value(key);
    if (!value.isString()) {
        fail(key, QCoreApplication::translate("Core", "The field “%1” must be text."));
        return {};
    }
    return value.toString();
}

QUuid Reader::requiredUuid(QLatin1String key)
{
    const QString text = requiredString(key);
    const QUuid id = uuidFromString(text);
    if (ok() && id.isNull())
        fail(key, QCoreApplication::translate(
                      "Core", "The field “%1” must be an id like 0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d."));
    return ok() ? id : QUuid();
}

QUuid Reader::optionalUuid(QLatin1String key)
{
    if (optionalString(key).isEmpty())
        return {};
    return requiredUuid(key);
}

QDate Reader::requiredDate(QLatin1String key)
{
    const QString text = requiredString(key);
    const std::optional<QDate> date = dateFromString(text);
    if (ok() && !date) {
        fail(key,
             QCoreApplication::translate("Core", "The field “%1” must be a date like 2026-03-02 (year-month-day)."));
        return {};
    }
    return ok() ? *date : QDate();
}

QDate Reader::optionalDate(QLatin1String key)
{
    if (optionalString(key).isEmpty())
        return {};
    return requiredDate(key);
}

QDateTime Reader::requiredDateTime(QLatin1String key)
{
    const QString text = requiredString(key);
    const std::optional<QDateTime> dateTime = dateTimeFromString(text);
    if (ok() && !dateTime) {
        fail(key, QCoreApplication::translate(
                      "Core", "The field “%1” must be a date and time with time zone like 2026-03-02T09:00:00.000Z."));
        return {};
    }
    return ok() ? *dateTime : QDateTime();
}

QDateTime Reader::optionalDateTime(QLatin1String key)
{
    if (optionalString(key).isEmpty())
        return {};
    return requiredDateTime(key);
}

qint64 Reader::requiredInteger(QLatin1String key, qint64 min, qint64 max)
{
    if (!requirePresent(key))
        return min;
    const QJsonValue value = m_json.value(key);
    const double number = value.toDouble();
    // Beyond 2^63 a double no longer converts to qint64; such values are out of every range here anyway.
    const bool integral =
        value.isDouble() && std::isfinite(number) && std::trunc(number) == number && std::fabs(number) < 9.2e18;
    const qint64 integer = integral ? value.toInteger() : 0;
    if (!integral || integer < min || integer > max) {
        const QString path = fieldPath(key);
        m_error = invalidField(
            path, QCoreApplication::translate("Core", "The field “%1” must be a whole number from %2 to %3.")
                      .arg(path, QString::number(min), QString::number(max)));
        return min;
    }
    return integer;
}

qint64 Reader::optionalInteger(QLatin1String key, qint64 min, qint64 max, qint64 fallback)
{
    return present(key) ? requiredInteger(key, min, max) : fallback;
}

bool Reader::optionalBool(QLatin1String key, bool fallback)
{
    if (!ok() || !present(key))
        return fallback;
    const QJsonValue value = m_json.value(key);
    if (!value.isBool()) {
        fail(key, QCoreApplication::translate("Core", "The field “%1” must be true or false."));
        return fallback;
    }
    return value.toBool();
}

QJsonObject Reader::requiredObject(QLatin1String key)
{
    return requirePresent(key) ? optionalObject(key) : QJsonObject();
}

QJsonObject Reader::optionalObject(QLatin1String key)
{
    if (!ok() || !present(key))
        return {};
    const QJsonValue value = m_json.value(key);
    if (!value.isObject()) {
        fail(key, QCoreApplication::translate("Core", "The field “%1” must be a JSON object."));
        return {};
    }
    return value.toObject();
}

QJsonArray Reader::optionalArray(QLatin1String key)
{
    if (!ok() || !present(key))
        return {};
    const QJsonValue value = m_json.value(key);
    if (!value.isArray()) {
        fail(key, QCoreApplication::translate("Core", "The field “%1” must be a list."));
        return {};
    }
    return value.toArray();
}

QList<QUuid> Reader::optionalUuidList(QLatin1String key)
{
    QList<QUuid> ids;
    const QJsonArray array = optionalArray(key);
    for (const QJsonValue &item : array) {
        const QUuid id = uuidFromString(item.toString());
        if (id.isNull()) {
            fail(key, QCoreApplication::translate(
                          "Core", "The field “%1” must be a list of ids like 0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d."));
            return {};
        }
        ids.append(id);
    }
    return ids;
}

} // namespace casedesk::json
