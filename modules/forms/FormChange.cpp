#include "forms/FormChange.h"

#include "forms/FormPath.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace casedesk::forms {

namespace {

constexpr int MaxDiffDepth = 16;

// Absent and null both mean "no value", so a change read back from JSON (where absent old values are left
// out) matches a stored null.
bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    const bool aEmpty = a.isUndefined() || a.isNull();
    const bool bEmpty = b.isUndefined() || b.isNull();
    return aEmpty || bEmpty ? aEmpty == bEmpty : a == b;
}

QString childPath(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}

void diffValues(const QString &path, const QJsonValue &before, const QJsonValue &after, QList<FormChange> &changes,
                int depth);

void diffObjects(const QString &path, const QJsonObject &before, const QJsonObject &after, QList<FormChange> &changes,
                 int depth)
{
    QStringList keys = before.keys();
    for (const QString &key : after.keys()) {
        if (!before.contains(key))
            keys.append(key);
    }
    std::sort(keys.begin(), keys.end());
    for (const QString &key : keys)
        diffValues(childPath(path, key), before.value(key), after.value(key), changes, depth + 1);
}

void diffValues(const QString &path, const QJsonValue &before, const QJsonValue &after, QList<FormChange> &changes,
                int depth)
{
    if (before == after)
        return;
    if (depth < MaxDiffDepth && before.isObject() && after.isObject()) {
        diffObjects(path, before.toObject(), after.toObject(), changes, depth);
        return;
    }
    if (depth < MaxDiffDepth && before.isArray() && after.isArray() &&
        before.toArray().size() == after.toArray().size()) {
        const QJsonArray a = before.toArray();
        const QJsonArray b = after.toArray();
        bool rowsAreObjects = true;
        for (qsizetype i = 0; i < a.size(); ++i)
            rowsAreObjects = rowsAreObjects && a.at(i).isObject() && b.at(i).isObject();
        if (rowsAreObjects) {
            for (qsizetype i = 0; i < a.size(); ++i)
                diffObjects(path + u'[' + QString::number(i) + u']', a.at(i).toObject(), b.at(i).toObject(), changes,
                            depth);
            return;
        }
    }
    changes.append({path, before, after});
}

} // namespace

QJsonObject FormChange::toJson() const
{
    QJsonObject json{{QLatin1String("path"), path}};
    if (!oldValue.isUndefined())
        json.insert(QLatin1String("old"), oldValue);
    if (!newValue.isUndefined())
        json.insert(QLatin1String("new"), newValue);
    return json;
}

Result<FormChange> FormChange::fromJson(const QJsonObject &json)
{
    FormChange change{json.value(QLatin1String("path")).toString(), json.value(QLatin1String("old")),
                      json.value(QLatin1String("new"))};
    if (!FormPath::parse(change.path))
        return makeError(
            ErrorCode::Invalid,
            QCoreApplication::translate("Forms", "The change names no valid field (“%1”).").arg(change.path.left(200)));
    return change;
}

QList<FormChange> FormChange::diff(const QJsonObject &before, const QJsonObject &after)
{
    QList<FormChange> changes;
    diffObjects(QString(), before, after, changes, 0);
    return changes;
}

Result<void> FormChange::apply(QJsonObject &data, const QList<FormChange> &changes)
{
    QJsonObject result = data;
    for (const FormChange &change : changes) {
        if (!sameValue(FormPath::valueAt(result, change.path), change.oldValue))
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Forms",
                                                         "Someone else changed “%1” in the meantime; look at the "
                                                         "current value and enter your change again.")
                                 .arg(change.path),
                             change.path);
        if (!FormPath::setValue(result, change.path, change.newValue))
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Forms", "The change names no valid field (“%1”).")
                                 .arg(change.path.left(200)),
                             change.path);
    }
    data = result;
    return {};
}

} // namespace casedesk::forms
