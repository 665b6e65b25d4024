#include "core/Note.h"

#include "core/JsonFields.h"

namespace casedesk {

QJsonObject Note::toJson() const
{
    QJsonObject json;
    json::putUuid(json, QLatin1String("id"), id);
    json::putUuid(json, QLatin1String("caseId"), caseId);
    json::putUuid(json, QLatin1String("authorId"), authorId);
    json::putDateTime(json, QLatin1String("createdAt"), createdAt);
    json.insert(QLatin1String("text"), text);
    return json;
}

Result<Note> Note::fromJson(const QJsonObject &object)
{
    json::Reader reader(object);
    Note note;
    note.id = reader.requiredUuid(QLatin1String("id"));
    note.caseId = reader.requiredUuid(QLatin1String("caseId"));
    note.authorId = reader.optionalUuid(QLatin1String("authorId"));
    note.createdAt = reader.optionalDateTime(QLatin1String("createdAt"));
    note.text = reader.optionalString(QLatin1String("text"));
    if (!reader.ok())
        return reader.error();
    return note;
}

} // namespace casedesk
