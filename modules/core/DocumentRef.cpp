#include "core/DocumentRef.h"

#include "core/JsonFields.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace casedesk {

namespace {

constexpr json::EnumKey<DocumentKind> documentKindKeys[] = {
    {DocumentKind::Application, "application"},
    {DocumentKind::Evidence, "evidence"},
    {DocumentKind::Correspondence, "correspondence"},
    {DocumentKind::Letter, "letter"},
    {DocumentKind::Scan, "scan"},
    {DocumentKind::Other, "other"},
};

// Lower case only, so one blob has exactly one name (content addressing compares the text).
bool isSha256Hex(const QString &text)
{
    if (text.size() != 64)
        return false;
    return std::all_of(text.cbegin(), text.cend(),
                       [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

} // namespace

QString documentKindToString(DocumentKind kind)
{
    return json::enumToString(documentKindKeys, kind);
}

bool documentKindFromString(const QString &text, DocumentKind *kind)
{
    return json::enumFromString(documentKindKeys, text, kind);
}

QJsonObject DocumentRef::toJson() const
{
    QJsonObject json;
    json::putUuid(json, QLatin1String("id"), id);
    json::putUuid(json, QLatin1String("caseId"), caseId);
    json.insert(QLatin1String("sha256"), sha256);
    json.insert(QLatin1String("size"), size);
    json.insert(QLatin1String("name"), name);
    json::putString(json, QLatin1String("mimeType"), mimeType);
    json.insert(QLatin1String("kind"), documentKindToString(kind));
    json::putDateTime(json, QLatin1String("addedAt"), addedAt);
    json::putString(json, QLatin1String("text"), text);
    return json;
}

Result<DocumentRef> DocumentRef::fromJson(const QJsonObject &object)
{
    json::Reader reader(object);
    DocumentRef document;
    document.id = reader.requiredUuid(QLatin1String("id"));
    document.caseId = reader.requiredUuid(QLatin1String("caseId"));
    document.sha256 = reader.requiredString(QLatin1String("sha256"));
    if (reader.ok() && !isSha256Hex(document.sha256))
        reader.fail(QStringLiteral("sha256"),
                    QCoreApplication::translate("Core", "The field “%1” must be a SHA-256 hash: 64 digits 0-9 "
                                                        "and a-f in lower case."));
    document.size = reader.requiredInteger(QLatin1String("size"), 0, std::numeric_limits<qint64>::max());
    document.name = reader.optionalString(QLatin1String("name"));
    document.mimeType = reader.optionalString(QLatin1String("mimeType"));
    document.kind = reader.optionalEnum(QLatin1String("kind"), &documentKindFromString, DocumentKind::Other);
    document.addedAt = reader.optionalDateTime(QLatin1String("addedAt"));
    document.text = reader.optionalString(QLatin1String("text"));
    if (!reader.ok())
        return reader.error();
    return document;
}

} // namespace casedesk
