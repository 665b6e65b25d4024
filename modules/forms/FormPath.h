// Paths into form data, as problems and changes name them: "applicant.surname", "trees[2].species".
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace casedesk::forms {

class FormPath {
public:
    struct Segment {
        QString key;
        int index = -1; // row of a repeatable group, -1 when the segment is not indexed
        friend bool operator==(const Segment &, const Segment &) = default;
    };

    // nullopt when `text` is not a path (empty keys, bad brackets, an index above FormDefinition::MaxRows).
    static std::optional<QList<Segment>> parse(const QString &text);
    static QString toString(const QList<Segment> &segments);
    // Whether `key` can be one step of a path (letters, digits, "_" and "-").
    static bool isKey(const QString &key);

    // The value at `path`; Undefined when any step is missing or of another kind.
    static QJsonValue valueAt(const QJsonObject &data, const QString &path);
    // Sets (or with an Undefined value removes) the value at `path`, creating objects on the way; a row may
    // be addressed up to one past the end of its array (appending). False when the path does not fit the data.
    static bool setValue(QJsonObject &data, const QString &path, const QJsonValue &value);
};

} // namespace casedesk::forms
