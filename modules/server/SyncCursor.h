// Where a client stands in the change feed, as the opaque text pull hands out. A change's place in commit
// order is (xid, seq): its transaction's id and its sequence number. Sequence numbers are taken before commit,
// so alone they are not commit order; ordering by (xid, seq) and delivering only changes whose transaction
// is older than every running one (xid below the snapshot's xmin) makes the delivered part of the feed a prefix
// that later commits never insert into (see ChangeFeed). The scope fingerprint (ScopeFilter) travels with it.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace casedesk::server {

struct SyncCursor {
    quint64 xid = 0; // 0 with seq 0: before the first change
    qint64 seq = 0;
    QByteArray scopeFingerprint;

    QString toText() const;
    // Anything not made by toText() (also a cut or edited one) is nullopt.
    static std::optional<SyncCursor> fromText(const QString &text);
    bool operator==(const SyncCursor &) const = default;
};

} // namespace casedesk::server
