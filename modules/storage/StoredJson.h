// JSON objects as the cache stores them (compact UTF-8 text columns), and back.
#pragma once

#include "core/Result.h"
#include "storage/SqliteStatement.h"

#include <QJsonObject>
#include <QString>

namespace casedesk::storage {

class StoredJson {
public:
    static QString text(const QJsonObject &object);
    // Corrupt when the text is not a JSON object: the cache only ever stores objects it wrote itself.
    static Result<QJsonObject> object(const QString &text);
    // A value type stored as JSON (Case, Note, DocumentRef, User, Team, Command): parsed and checked.
    template <typename T> static Result<T> parse(const QString &text)
    {
        auto json = object(text);
        if (!json)
            return json.error();
        return T::fromJson(*json);
    }
    // Every row of a prepared and bound statement whose first column holds a stored T, in the rows' order.
    template <typename T> static Result<QList<T>> parseAll(SqliteStatement &statement)
    {
        QList<T> items;
        auto read = statement.forEachRow([&](const SqliteStatement &row) -> Result<void> {
            auto item = parse<T>(row.text(0));
            if (!item)
                return item.error();
            items.append(std::move(item).value());
            return {};
        });
        if (!read)
            return read.error();
        return items;
    }
};

} // namespace casedesk::storage
