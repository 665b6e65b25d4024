// ApiReply: a JSON body with a member whose value is JSON text already (the cases of a pull page) is one valid
// JSON object holding every member, whatever else the body has.
#include "server/ApiReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace casedesk::server;

class TestApiReply : public QObject {
    Q_OBJECT

private slots:
    void splicedMember_data();
    void splicedMember();
};

void TestApiReply::splicedMember_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QByteArray>("value");

    QTest::newRow("empty body") << QJsonObject() << QByteArray("[]");
    QTest::newRow("page") << QJsonObject{{QStringLiteral("cursor"), QStringLiteral("1:2:ab")},
                                         {QStringLiteral("more"), true}}
                          << QByteArray(R"([{"case": {"title": "Baumfällung, \"Linde\""}, "version": 3}])");
    QTest::newRow("nested body") << QJsonObject{{QStringLiteral("results"),
                                                 QJsonArray{QJsonObject{{QStringLiteral("detail"), QJsonObject()}}}}}
                                 << QByteArray("{}");
}

void TestApiReply::splicedMember()
{
    QFETCH(QJsonObject, body);
    QFETCH(QByteArray, value);
    const QHttpServerResponse reply = ApiReply::json(body, QLatin1StringView("cases"), value);
    QCOMPARE(reply.statusCode(), QHttpServerResponse::StatusCode::Ok);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(reply.data(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError,
             qPrintable(error.errorString() + u' ' + QString::fromUtf8(reply.data())));
    QVERIFY(document.isObject());
    QJsonObject expected = body;
    expected.insert(QStringLiteral("cases"), QJsonDocument::fromJson(value).isArray()
                                                 ? QJsonValue(QJsonDocument::fromJson(value).array())
                                                 : QJsonValue(QJsonDocument::fromJson(value).object()));
    QCOMPARE(document.object(), expected);
    QCOMPARE(reply.mimeType(), QByteArray("application/json"));
}

QTEST_GUILESS_MAIN(TestApiReply)
#include "tst_apireply.moc"
