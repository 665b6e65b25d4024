// A user-visible text of a form definition in English and German (labels, help, rule messages).
#pragma once

#include <QJsonValue>
#include <QLocale>
#include <QString>

namespace casedesk::forms {

struct LocalizedText {
    QString en;
    QString de;

    bool isEmpty() const { return en.isEmpty() && de.isEmpty(); }
    // The text in the language of QLocale() (the application's default locale): German under a German locale,
    // English otherwise; falls back to the other language when one is missing (imported XDatenfelder are
    // German only).
    QString text() const;
    QString text(QLocale::Language language) const;

    // {"en": ..., "de": ...}, leaving out the empty ones.
    QJsonValue toJson() const;

    friend bool operator==(const LocalizedText &, const LocalizedText &) = default;
};

} // namespace casedesk::forms
