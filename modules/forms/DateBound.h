// A date limit of a date field: a fixed date ("2026-01-01") or one relative to today ("today", "today+14d",
// "today-18y", or the short "+14d", "-18y"; units d, w, m, y). Relative limits are resolved against the
// `today` passed to validation (Europe/Berlin, from the caller's Clock), so the module stays pure.
#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace casedesk::forms {

class DateBound {
public:
    static std::optional<DateBound> parse(const QString &text);

    bool isRelative() const { return m_relative; }
    // The limit on `today`; a null date when it is relative and `today` is null.
    QDate resolve(const QDate &today) const;
    QString toString() const; // as written in definitions, canonical

private:
    bool m_relative = false;
    QDate m_date;      // fixed limit
    int m_amount = 0;  // relative offset
    char m_unit = 'd'; // d, w, m or y
};

} // namespace casedesk::forms
