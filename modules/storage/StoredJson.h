// JSON objects as the cache stores them (compact UTF-8 text columns), and back.
#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>

namespace casedesk::storage {

class StoredJson {
public:
    static QString text(const QJsonObject &object);
    // Corrupt when the text is not a JSON object: the cache only ever stores objects it wrote itself.
    static Result<QJsonObject> object(const QString &text);
};

} // namespace casedesk::storage
