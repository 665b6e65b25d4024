// Typed, validated reading of JSON fields for every fromJson in core: one place that knows what a valid
// uuid, date, date-time, integer or enum looks like on the wire, and that names the offending field in a
// translated error. Also the matching writers, so toJson and fromJson agree on the formats.
#pragma once

#include "core/Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QUuid>

#include <cstddef>
#include <optional>

namespace casedesk::json {

// Wire formats: dates "2026-03-02", date-times "2026-03-02T09:00:00.000Z" (UTC, milliseconds),
// uuids without braces. Null values give an empty string.
QString dateToString(const QDate &date);
QString dateTimeToString(const QDateTime &dateTime);
std::optional<QDate> dateFromString(const QString &text);         // nullopt when malformed; "" is a null date
std::optional<QDateTime> dateTimeFromString(const QString &text); // nullopt when malformed or without a zone

// Writers that leave null or empty optional values out, so the JSON stays small and readers see "absent".
void putUuid(QJsonObject &json, QLatin1String key, const QUuid &id);
void putDate(QJsonObject &json, QLatin1String key, const QDate &date);
void putDateTime(QJsonObject &json, QLatin1String key, const QDateTime &dateTime);
void putString(QJsonObject &json, QLatin1String key, const QString &text);

// Enums on the wire are stable lower-camel strings from a table per enum; these two do the look-ups.
template <typename E> struct EnumKey {
    E value;
    const char *key;
};
template <typename E, std::size_t N> QString enumToString(const EnumKey<E> (&table)[N], E value)
{
    for (const EnumKey<E> &entry : table) {
        if (entry.value == value)
            return QLatin1String(entry.key);
    }
    return {}; // only for a value cast from an out-of-range integer
}
template <typename E, std::size_t N> bool enumFromString(const EnumKey<E> (&table)[N], const QString &text, E *value)
{
    for (const EnumKey<E> &entry : table) {
        if (text == QLatin1String(entry.key)) {
            *value = entry.value;
            return true;
        }
    }
    return false;
}

// While a FieldScope lives, errors from readers on this thread name fields below `key` ("applicant.address.
// city"), so a nested fromJson reports the full path without knowing where it is called from.
class FieldScope {
public:
    explicit FieldScope(const QString &key);
    ~FieldScope();
    FieldScope(const FieldScope &) = delete;
    FieldScope &operator=(const FieldScope &) = delete;
};

// An Invalid error naming the field at `key` (below the current FieldScope): `problemTemplate` is a
// translated sentence in which %1 stands for the field's path. The path also goes into Error::detail.
Error fieldError(const QString &key, const QString &problemTemplate);

// Reads fields of one object. The first problem wins and later reads return defaults, so a fromJson is a
// straight list of reads followed by one `if (!reader.ok()) return reader.error();`.
class Reader {
public:
    explicit Reader(const QJsonObject &json) : m_json(json) {}

    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }
    void fail(const QString &key, const QString &problemTemplate); // records a caller's own check

    bool requirePresent(QLatin1String key); // fails with "missing" when absent or null

    QString requiredString(QLatin1String key); // present, a string, not blank
    QString optionalString(QLatin1String key); // absent or null gives ""
    QUuid requiredUuid(QLatin1String key);     // present and a valid, non-nil uuid
    QUuid optionalUuid(QLatin1String key);     // absent, null or "" gives a null uuid
    QDate requiredDate(QLatin1String key);
    QDate optionalDate(QLatin1String key);
    QDateTime requiredDateTime(QLatin1String key);
    QDateTime optionalDateTime(QLatin1String key);
    qint64 requiredInteger(QLatin1String key, qint64 min, qint64 max);
    qint64 optionalInteger(QLatin1String key, qint64 min, qint64 max, qint64 fallback);
    bool optionalBool(QLatin1String key, bool fallback);
    QJsonObject requiredObject(QLatin1String key);
    QJsonObject optionalObject(QLatin1String key); // absent or null gives {}
    QJsonArray optionalArray(QLatin1String key);   // absent or null gives []
    QList<QUuid> optionalUuidList(QLatin1String key);

    // A value read by T::fromJson, with errors inside it named by their full path.
    template <typename T> T optionalNested(QLatin1String key)
    {
        const QJsonObject object = optionalObject(key);
        return ok() ? nested<T>(key, object) : T{};
    }
    template <typename T> T requiredNested(QLatin1String key)
    {
        const QJsonObject object = requiredObject(key);
        return ok() ? nested<T>(key, object) : T{};
    }

    // An enum written as a string and read back by its from-string function (`bool f(const QString &, E *)`).
    template <typename E> E requiredEnum(QLatin1String key, bool (*fromString)(const QString &, E *))
    {
        E value{};
        const QString text = requiredString(key);
        if (ok() && !fromString(text, &value))
            fail(key, unknownValueTemplate());
        return value;
    }
    template <typename E> E optionalEnum(QLatin1String key, bool (*fromString)(const QString &, E *), E fallback)
    {
        if (!present(key))
            return fallback;
        return requiredEnum(key, fromString);
    }
    template <typename E> QList<E> optionalEnumList(QLatin1String key, bool (*fromString)(const QString &, E *))
    {
        QList<E> values;
        const QJsonArray array = optionalArray(key);
        for (const QJsonValue &item : array) {
            E value{};
            if (!item.isString() || !fromString(item.toString(), &value)) {
                fail(key, unknownValueTemplate());
                return {};
            }
            values.append(value);
        }
        return values;
    }

private:
    static QString unknownValueTemplate(); // "The field “%1” has a value CaseDesk does not know."
    bool present(QLatin1String key) const; // there and not null
    template <typename T> T nested(QLatin1String key, const QJsonObject &object)
    {
        const FieldScope scope(key);
        Result<T> result = T::fromJson(object);
        if (!result) {
            m_error = result.error();
            return T{};
        }
        return std::move(result).value();
    }

    QJsonObject m_json;
    std::optional<Error> m_error;
};

} // namespace casedesk::json
