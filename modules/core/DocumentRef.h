// Metadata of a document attached to a case. The content is an immutable, content-addressed blob (SHA-256).
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

namespace casedesk {

enum class DocumentKind { Application, Evidence, Correspondence, Letter, Scan, Other };
QString documentKindToString(DocumentKind kind); // "application", "evidence", "correspondence", "letter", ...
bool documentKindFromString(const QString &text, DocumentKind *kind);

struct DocumentRef {
    QUuid id;
    QUuid caseId;
    QString sha256; // 64 lowercase hex digits
    qint64 size = 0;
    QString name; // file name shown to the user
    QString mimeType;
    DocumentKind kind = DocumentKind::Other;
    QDateTime addedAt; // UTC
    QString text;      // extracted text (text layer or OCR), for search; may be empty

    QJsonObject toJson() const;
    static Result<DocumentRef> fromJson(const QJsonObject &json); // checks the hash form and a size >= 0
    bool operator==(const DocumentRef &) const = default;
};

} // namespace casedesk
