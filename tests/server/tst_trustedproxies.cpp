// TrustedProxies: which address a request comes from, given its peer and X-Forwarded-For, and which proxy
// lists are accepted.
#include "server/TrustedProxies.h"

#include <QTest>

using namespace casedesk;
using namespace casedesk::server;

class TestTrustedProxies : public QObject {
    Q_OBJECT

private slots:
    void clientAddress_data();
    void clientAddress();
    void parse_data();
    void parse();
};

void TestTrustedProxies::clientAddress_data()
{
    QTest::addColumn<QStringList>("proxies");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QList<QByteArray>>("forwardedFor");
    QTest::addColumn<QString>("expected");

    const QStringList none;
    const QStringList local{QStringLiteral("127.0.0.1")};
    const QStringList chain{QStringLiteral("127.0.0.1"), QStringLiteral("10.0.0.0/8")};
    using Headers = QList<QByteArray>;

    QTest::newRow("no proxies: peer") << none << "192.0.2.1" << Headers{"203.0.113.5"} << "192.0.2.1";
    QTest::newRow("untrusted peer: header ignored") << local << "192.0.2.1" << Headers{"203.0.113.5"} << "192.0.2.1";
    QTest::newRow("trusted peer without header") << local << "127.0.0.1" << Headers{} << "127.0.0.1";
    QTest::newRow("trusted peer: its client") << local << "127.0.0.1" << Headers{"203.0.113.5"} << "203.0.113.5";
    QTest::newRow("spoofed hops left of the client")
        << local << "127.0.0.1" << Headers{"198.51.100.9, 1.2.3.4, 203.0.113.5"} << "203.0.113.5";
    QTest::newRow("chain of trusted proxies")
        << chain << "127.0.0.1" << Headers{"203.0.113.5, 10.1.2.3, 10.4.5.6"} << "203.0.113.5";
    QTest::newRow("several headers in order")
        << chain << "127.0.0.1" << Headers{"198.51.100.9", "203.0.113.5, 10.1.2.3"} << "203.0.113.5";
    QTest::newRow("only trusted hops: the farthest")
        << chain << "127.0.0.1" << Headers{"10.1.2.3, 10.4.5.6"} << "10.1.2.3";
    QTest::newRow("malformed hop: the proxy that reported it")
        << chain << "127.0.0.1" << Headers{"203.0.113.5, not-an-address, 10.4.5.6"} << "10.4.5.6";
    QTest::newRow("IPv6 client in brackets") << local << "127.0.0.1" << Headers{"[2001:db8::7]"} << "2001:db8::7";
    QTest::newRow("IPv4-mapped peer is IPv4") << local << "::ffff:127.0.0.1" << Headers{"203.0.113.5"} << "203.0.113.5";
    QTest::newRow("IPv4-mapped client is IPv4") << none << "::ffff:192.0.2.1" << Headers{} << "192.0.2.1";
}

void TestTrustedProxies::clientAddress()
{
    QFETCH(QStringList, proxies);
    QFETCH(QString, peer);
    QFETCH(QList<QByteArray>, forwardedFor);
    QFETCH(QString, expected);

    const Result<TrustedProxies> trusted = TrustedProxies::parse(proxies);
    QVERIFY2(trusted.ok(), qPrintable(trusted.error().toString()));
    QCOMPARE(trusted->clientAddress(QHostAddress(peer), forwardedFor), QHostAddress(expected));
}

void TestTrustedProxies::parse_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<bool>("valid");

    QTest::newRow("IPv4") << "127.0.0.1" << true;
    QTest::newRow("IPv6") << "::1" << true;
    QTest::newRow("IPv4 network") << "10.0.0.0/8" << true;
    QTest::newRow("IPv6 network") << "fd00::/8" << true;
    QTest::newRow("host name") << "proxy.example" << false;
    QTest::newRow("bad prefix") << "10.0.0.0/40" << false;
    QTest::newRow("empty") << "" << false;
}

void TestTrustedProxies::parse()
{
    QFETCH(QString, entry);
    QFETCH(bool, valid);

    const Result<TrustedProxies> trusted = TrustedProxies::parse({entry});
    QCOMPARE(trusted.ok(), valid);
    if (!valid)
        QVERIFY2(trusted.error().message.contains(entry), qPrintable(trusted.error().message));
}

QTEST_GUILESS_MAIN(TestTrustedProxies)
#include "tst_trustedproxies.moc"
