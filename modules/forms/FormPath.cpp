#include "forms/FormPath.h"

#include "forms/FormDefinition.h"

#include <QJsonArray>

namespace casedesk::forms {

namespace {

bool isKeyChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-';
}

// Applies `value` at segments[from..] inside `node` (an object or, for an indexed segment, the array).
bool setIn(QJsonValue &node, const QList<FormPath::Segment> &segments, qsizetype from, const QJsonValue &value)
{
    if (from == segments.size()) {
        node = value;
        return true;
    }
    const FormPath::Segment &segment = segments.at(from);
    if (!node.isObject() && !node.isUndefined() && !node.isNull())
        return false;
    QJsonObject object = node.toObject();
    QJsonValue child = object.value(segment.key);
    if (segment.index >= 0) {
        if (!child.isArray() && !child.isUndefined() && !child.isNull())
            return false;
        QJsonArray array = child.toArray();
        if (segment.index > array.size())
            return false;
        QJsonValue row = segment.index < array.size() ? array.at(segment.index) : QJsonValue(QJsonValue::Undefined);
        if (!setIn(row, segments, from + 1, value))
            return false;
        if (segment.index == array.size()) {
            if (!row.isUndefined())
                array.append(row);
        } else if (row.isUndefined()) {
            array.removeAt(segment.index);
        } else {
            array.replace(segment.index, row);
        }
        child = array;
    } else if (!setIn(child, segments, from + 1, value)) {
        return false;
    }
    if (child.isUndefined())
        object.remove(segment.key);
    else
        object.insert(segment.key, child);
    node = object;
    return true;
}

} // namespace

std::optional<QList<FormPath::Segment>> FormPath::parse(const QString &text)
{
    QList<Segment> segments;
    qsizetype pos = 0;
    while (true) {
        const qsizetype start = pos;
        while (pos < text.size() && isKeyChar(text.at(pos)))
            ++pos;
        if (pos == start)
            return std::nullopt;
        Segment segment{text.mid(start, pos - start), -1};
        if (pos < text.size() && text.at(pos) == u'[') {
            const qsizetype close = text.indexOf(u']', pos);
            bool ok = false;
            const int index = close > pos + 1 && close - pos <= 6 ? text.mid(pos + 1, close - pos - 1).toInt(&ok) : -1;
            if (!ok || index < 0 || index > FormDefinition::MaxRows)
                return std::nullopt;
            segment.index = index;
            pos = close + 1;
        }
        segments.append(segment);
        if (pos == text.size())
            return segments;
        if (text.at(pos) != u'.')
            return std::nullopt;
        ++pos;
    }
}

QString FormPath::toString(const QList<Segment> &segments)
{
    QString text;
    for (const Segment &segment : segments) {
        if (!text.isEmpty())
            text += u'.';
        text += segment.key;
        if (segment.index >= 0)
            text += u'[' + QString::number(segment.index) + u']';
    }
    return text;
}

bool FormPath::isKey(const QString &key)
{
    if (key.isEmpty() || key.size() > 200)
        return false;
    for (QChar c : key) {
        if (!isKeyChar(c))
            return false;
    }
    return true;
}

QJsonValue FormPath::valueAt(const QJsonObject &data, const QString &path)
{
    const std::optional<QList<Segment>> segments = parse(path);
    if (!segments)
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue node = data;
    for (const Segment &segment : *segments) {
        if (!node.isObject())
            return QJsonValue(QJsonValue::Undefined);
        node = node.toObject().value(segment.key);
        if (segment.index >= 0) {
            if (!node.isArray() || segment.index >= node.toArray().size())
                return QJsonValue(QJsonValue::Undefined);
            node = node.toArray().at(segment.index);
        }
    }
    return node;
}

bool FormPath::setValue(QJsonObject &data, const QString &path, const QJsonValue &value)
{
    const std::optional<QList<Segment>> segments = parse(path);
    if (!segments)
        return false;
    QJsonValue root = data;
    if (!setIn(root, *segments, 0, value))
        return false;
    data = root.toObject();
    return true;
}

} // namespace casedesk::forms
