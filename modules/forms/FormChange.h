// An edit of form data: one field's old and new value. The form view turns edits into these; the sync client
// turns them into setFields commands; the server applies them only where the stored value still equals
// `oldValue` (DESIGN.md, decision 3: form fields never merge silently).
#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace casedesk::forms {

struct FormChange {
    QString path;        // "applicant.surname", "trees[1].species", or a whole repeatable group "trees"
    QJsonValue oldValue; // Undefined: the field had no value
    QJsonValue newValue; // Undefined: the value is removed

    friend bool operator==(const FormChange &, const FormChange &) = default;

    QJsonObject toJson() const; // {"path", "old", "new"}, absent values left out
    static Result<FormChange> fromJson(const QJsonObject &json);

    // The changes that turn `before` into `after`, in key order. Objects are compared field by field
    // ("address.street"); arrays of the same length row by row ("trees[1].species"); an array whose length
    // changed (a row added or removed) or any other value is one change of the whole value.
    static QList<FormChange> diff(const QJsonObject &before, const QJsonObject &after);

    // Applies the changes to `data` in order. A change whose `oldValue` is not the current value is a conflict
    // (ErrorCode::Conflict naming the path) and nothing is applied.
    static Result<void> apply(QJsonObject &data, const QList<FormChange> &changes);
};

} // namespace casedesk::forms
