#include "server/SyncCursor.h"

#include <QList>

#include <algorithm>

namespace casedesk::server {

namespace {

constexpr QByteArrayView formatVersion = "1";
constexpr qsizetype maxCursorLength = 200; // a real one is about 70 characters

bool isFingerprint(const QByteArray &text)
{
    return !text.isEmpty() && text.size() <= 64 && std::all_of(text.cbegin(), text.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

} // namespace

QString SyncCursor::toText() const
{
    const QByteArray plain = formatVersion.toByteArray() + '.' + QByteArray::number(xid) + '.' +
                             QByteArray::number(seq) + '.' + scopeFingerprint;
    return QString::fromLatin1(plain.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<SyncCursor> SyncCursor::fromText(const QString &text)
{
    if (text.isEmpty() || text.size() > maxCursorLength)
        return std::nullopt;
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split('.');
    if (parts.size() != 4 || parts.at(0) != formatVersion)
        return std::nullopt;
    SyncCursor cursor;
    bool xidOk = false;
    bool seqOk = false;
    cursor.xid = parts.at(1).toULongLong(&xidOk);
    cursor.seq = parts.at(2).toLongLong(&seqOk);
    cursor.scopeFingerprint = parts.at(3);
    if (!xidOk || !seqOk || cursor.seq < 0 || !isFingerprint(cursor.scopeFingerprint))
        return std::nullopt;
    // Canonical form only: "+5" or "05" would decode to the same numbers.
    if (cursor.toText() != text)
        return std::nullopt;
    return cursor;
}

} // namespace casedesk::server
