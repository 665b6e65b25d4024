#include "ReplyDropProxy.h"

#include <QTcpSocket>

namespace casedesk::test {

ReplyDropProxy::ReplyDropProxy()
{
    connect(&m_server, &QTcpServer::newConnection, this, &ReplyDropProxy::accept);
}

bool ReplyDropProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost);
}

QUrl ReplyDropProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.serverPort()));
}

void ReplyDropProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_upstreamPort == 0) {
            // Dark: as if nothing listened behind the proxy.
            client->abort();
            client->deleteLater();
            continue;
        }
        auto *upstream = new QTcpSocket(client);
        // Whether this connection's current request is the one whose reply is to be lost.
        auto doomed = std::make_shared<bool>(false);
        connect(client, &QTcpSocket::readyRead, upstream, [this, client, upstream, doomed] {
            const QByteArray data = client->readAll();
            if (!m_dropRequest.isEmpty() && data.startsWith(m_dropRequest)) {
                *doomed = true;
                m_dropRequest.clear();
            }
            upstream->write(data);
        });
        connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream, doomed] {
            const QByteArray data = upstream->readAll();
            if (*doomed) {
                *doomed = false;
                ++m_dropped;
                // Before the client hears of the cut: Qt resends a request whose connection closed, on this
                // connection or on another one it keeps open.
                if (m_afterwards == Afterwards::GoDark)
                    goDark();
                client->abort();
                upstream->abort();
                return;
            }
            client->write(data);
        });
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(upstream, &QTcpSocket::errorOccurred, client, [client] { client->disconnectFromHost(); });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }
}

void ReplyDropProxy::goDark()
{
    m_upstreamPort = 0;
    cutOpenConnections();
}

void ReplyDropProxy::cutOpenConnections()
{
    const QList<QTcpSocket *> open = m_server.findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
    for (QTcpSocket *client : open)
        client->abort();
}

} // namespace casedesk::test
