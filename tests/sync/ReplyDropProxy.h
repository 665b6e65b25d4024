// A TCP proxy on loopback in front of the server that can swallow one reply: the request reaches the server,
// which commits and answers, and the client's connection is cut instead of the answer reaching it (a reply lost
// after the commit, as when the server dies right after it or the network drops).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace casedesk::test {

class ReplyDropProxy : public QObject {
    Q_OBJECT

public:
    ReplyDropProxy();
    bool listen(); // on 127.0.0.1, a port chosen by the system
    QUrl url() const;
    void setUpstreamPort(quint16 port) { m_upstreamPort = port; }

    // What the proxy does after it swallowed the reply.
    enum class Afterwards {
        Forward, // later requests reach the server (a network glitch)
        GoDark,  // later connections are cut at once until setUpstreamPort() (the server died with the reply)
    };
    // The reply to the next request whose first line starts with `requestStart` ("POST /api/v1/sync/push").
    void dropNextReplyTo(const QByteArray &requestStart, Afterwards afterwards = Afterwards::Forward)
    {
        m_dropRequest = requestStart;
        m_afterwards = afterwards;
    }
    int droppedReplies() const { return m_dropped; }
    // Aborts every open connection, as a network that drops out for a moment.
    void cutOpenConnections();

private:
    void accept();
    void goDark();

    QTcpServer m_server;
    quint16 m_upstreamPort = 0;
    QByteArray m_dropRequest;
    Afterwards m_afterwards = Afterwards::Forward;
    int m_dropped = 0;
};

} // namespace casedesk::test
