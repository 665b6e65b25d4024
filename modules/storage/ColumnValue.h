// How values go into the cache's NOT NULL text columns: missing text and null ids are stored as ''.
#pragma once

#include <QString>
#include <QUuid>

namespace casedesk::storage {

class ColumnValue {
public:
    // A null QString would bind NULL; the cache stores '' so that sort keys and filters need no NULL cases.
    static QString text(const QString &text);
    static QString id(const QUuid &id); // '' for a null id
};

} // namespace casedesk::storage
