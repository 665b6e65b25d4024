// The reverse proxies (nginx in front of the server) whose X-Forwarded-For header is believed. A client's
// address decides login throttling, so it is taken from X-Forwarded-For only when the peer is such a proxy,
// and then it is the last hop that is not itself a trusted proxy: everything left of that hop is whatever
// the client chose to send.
#pragma once

#include "core/Result.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QStringList>

namespace casedesk::server {

class TrustedProxies {
public:
    // Addresses ("127.0.0.1", "::1") or networks ("10.0.0.0/8"); Invalid naming the first entry that is neither.
    static Result<TrustedProxies> parse(const QStringList &entries);

    bool isEmpty() const { return m_networks.isEmpty(); }
    bool contains(const QHostAddress &address) const;
    // The client's address for a request from `peer` with these X-Forwarded-For values ("a, b, c"; several
    // headers in order). An IPv4 address mapped into IPv6 comes back as IPv4.
    QHostAddress clientAddress(const QHostAddress &peer, const QList<QByteArray> &forwardedFor) const;

private:
    QList<QPair<QHostAddress, int>> m_networks;
};

} // namespace casedesk::server
