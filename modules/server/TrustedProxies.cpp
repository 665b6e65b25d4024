#include "server/TrustedProxies.h"

#include <QCoreApplication>

namespace casedesk::server {

namespace {

QHostAddress normalized(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool mapped = false;
        const quint32 ipv4 = address.toIPv4Address(&mapped);
        if (mapped)
            return QHostAddress(ipv4);
    }
    QHostAddress plain = address;
    plain.setScopeId({});
    return plain;
}

// One hop of X-Forwarded-For: an address, IPv6 possibly in brackets; a null address for anything else.
QHostAddress parseHop(QByteArray hop)
{
    hop = hop.trimmed();
    if (hop.startsWith('[') && hop.endsWith(']'))
        hop = hop.mid(1, hop.size() - 2);
    QHostAddress address;
    if (hop.isEmpty() || !address.setAddress(QString::fromLatin1(hop)))
        return {};
    return normalized(address);
}

} // namespace

Result<TrustedProxies> TrustedProxies::parse(const QStringList &entries)
{
    TrustedProxies proxies;
    for (const QString &entry : entries) {
        QPair<QHostAddress, int> network;
        if (entry.contains(u'/')) {
            network = QHostAddress::parseSubnet(entry);
        } else if (QHostAddress address; address.setAddress(entry)) {
            const QHostAddress plain = normalized(address);
            network = {plain, plain.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        }
        if (network.first.isNull())
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Server", "The trusted proxy “%1” is neither an address nor "
                                                                   "a network. Write it like 127.0.0.1 or "
                                                                   "10.0.0.0/8.")
                                 .arg(entry));
        proxies.m_networks.append(network);
    }
    return proxies;
}

bool TrustedProxies::contains(const QHostAddress &address) const
{
    const QHostAddress plain = normalized(address);
    for (const auto &network : m_networks) {
        if (plain.isInSubnet(network))
            return true;
    }
    return false;
}

QHostAddress TrustedProxies::clientAddress(const QHostAddress &peer, const QList<QByteArray> &forwardedFor) const
{
    QHostAddress client = normalized(peer);
    if (!contains(client))
        return client;
    QList<QByteArray> hops;
    for (const QByteArray &header : forwardedFor)
        hops.append(header.split(','));
    // From the nearest hop outwards; stop at the first one no trusted proxy vouches for. A malformed hop ends
    // the walk at the trusted proxy that reported it.
    for (auto hop = hops.crbegin(); hop != hops.crend(); ++hop) {
        const QHostAddress address = parseHop(*hop);
        if (address.isNull())
            return client;
        client = address;
        if (!contains(client))
            return client;
    }
    return client;
}

} // namespace casedesk::server
