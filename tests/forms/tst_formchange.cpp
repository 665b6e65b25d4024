// Change sets of form data (FormChange) and the data paths they use (FormPath).
#include "forms/FormChange.h"
#include "forms/FormPath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace casedesk;
using namespace casedesk::forms;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonValue value(const char *json)
{
    if (!*json)
        return QJsonValue(QJsonValue::Undefined);
    return QJsonDocument::fromJson(QByteArray("[") + json + "]").array().first();
}

} // namespace

class TestFormChange : public QObject {
    Q_OBJECT

private slots:
    void parsePath_data();
    void parsePath();
    void setValue();
    void diff_data();
    void diff();
    void applyConflict();
    void jsonRoundTrip();
};

void TestFormChange::parsePath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("valid");
    QTest::newRow("key") << QStringLiteral("name") << true;
    QTest::newRow("nested") << QStringLiteral("applicant.address.street") << true;
    QTest::newRow("row") << QStringLiteral("trees[12].species") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("empty segment") << QStringLiteral("a..b") << false;
    QTest::newRow("trailing dot") << QStringLiteral("a.") << false;
    QTest::newRow("negative index") << QStringLiteral("a[-1]") << false;
    QTest::newRow("huge index") << QStringLiteral("a[99999999]") << false;
    QTest::newRow("unclosed") << QStringLiteral("a[1") << false;
    QTest::newRow("garbage after index") << QStringLiteral("a[1]b") << false;
    QTest::newRow("space") << QStringLiteral("a b") << false;
}

void TestFormChange::parsePath()
{
    QFETCH(QString, path);
    QFETCH(bool, valid);
    const std::optional<QList<FormPath::Segment>> segments = FormPath::parse(path);
    QCOMPARE(segments.has_value(), valid);
    if (valid)
        QCOMPARE(FormPath::toString(*segments), path);
}

void TestFormChange::setValue()
{
    QJsonObject data = object(R"({"trees": [{"species": "oak"}]})");
    QVERIFY(FormPath::setValue(data, QStringLiteral("trees[0].height"), QStringLiteral("12.5")));
    QVERIFY(FormPath::setValue(data, QStringLiteral("trees[1].species"), QStringLiteral("lime"))); // appends
    QVERIFY(!FormPath::setValue(data, QStringLiteral("trees[5].species"), QStringLiteral("elm")));
    QVERIFY(FormPath::setValue(data, QStringLiteral("applicant.name"), QStringLiteral("Anna")));     // creates
    QVERIFY(!FormPath::setValue(data, QStringLiteral("applicant.name.first"), QStringLiteral("x"))); // not an object
    QVERIFY(FormPath::setValue(data, QStringLiteral("trees[0].species"), QJsonValue(QJsonValue::Undefined)));
    QCOMPARE(data, object(R"({"trees": [{"height": "12.5"}, {"species": "lime"}], "applicant": {"name": "Anna"}})"));
    QCOMPARE(FormPath::valueAt(data, QStringLiteral("trees[1].species")).toString(), QStringLiteral("lime"));
    QVERIFY(FormPath::valueAt(data, QStringLiteral("trees[2].species")).isUndefined());
    QVERIFY(FormPath::valueAt(data, QStringLiteral("applicant[0]")).isUndefined());
}

void TestFormChange::diff_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QStringList>("changes"); // "path: old -> new" with compact JSON, "" for absent

    QTest::newRow("same") << QByteArray(R"({"a": 1})") << QByteArray(R"({"a": 1})") << QStringList{};
    QTest::newRow("changed, added, removed")
        << QByteArray(R"({"a": 1, "b": "x"})") << QByteArray(R"({"a": 2, "c": true})")
        << QStringList{QStringLiteral("a: 1 -> 2"), QStringLiteral("b: \"x\" -> "), QStringLiteral("c:  -> true")};
    QTest::newRow("nested group field") << QByteArray(R"({"address": {"street": "A", "city": "S"}})")
                                        << QByteArray(R"({"address": {"street": "B", "city": "S"}})")
                                        << QStringList{QStringLiteral("address.street: \"A\" -> \"B\"")};
    QTest::newRow("row field") << QByteArray(R"({"trees": [{"s": "oak"}, {"s": "elm"}]})")
                               << QByteArray(R"({"trees": [{"s": "oak"}, {"s": "lime"}]})")
                               << QStringList{QStringLiteral("trees[1].s: \"elm\" -> \"lime\"")};
    QTest::newRow("row added is one change")
        << QByteArray(R"({"trees": [{"s": "oak"}]})") << QByteArray(R"({"trees": [{"s": "oak"}, {}]})")
        << QStringList{QStringLiteral("trees: [{\"s\":\"oak\"}] -> [{\"s\":\"oak\"},{}]")};
    QTest::newRow("multi choice is one change")
        << QByteArray(R"({"c": ["a", "b"]})") << QByteArray(R"({"c": ["b", "a"]})")
        << QStringList{QStringLiteral("c: [\"a\",\"b\"] -> [\"b\",\"a\"]")};
}

void TestFormChange::diff()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QStringList, changes);
    const auto text = [](const QJsonValue &v) {
        if (v.isUndefined())
            return QString();
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    };
    const QList<FormChange> actual = FormChange::diff(object(before), object(after));
    QStringList lines;
    for (const FormChange &change : actual)
        lines.append(change.path + QStringLiteral(": ") + text(change.oldValue) + QStringLiteral(" -> ") +
                     text(change.newValue));
    QCOMPARE(lines, changes);
    // Applying the diff to `before` gives `after`.
    QJsonObject data = object(before);
    const Result<void> applied = FormChange::apply(data, actual);
    QVERIFY2(applied, qPrintable(applied.error().toString()));
    QCOMPARE(data, object(after));
}

void TestFormChange::applyConflict()
{
    QJsonObject data = object(R"({"a": "server", "b": 1})");
    const QList<FormChange> changes{{QStringLiteral("b"), value("1"), value("2")},
                                    {QStringLiteral("a"), value("\"mine-old\""), value("\"mine\"")}};
    const Result<void> result = FormChange::apply(data, changes);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Conflict);
    QCOMPARE(result.error().detail, QStringLiteral("a"));
    QCOMPARE(data, object(R"({"a": "server", "b": 1})")); // nothing applied
    // An absent old value matches a stored null.
    QJsonObject withNull = object(R"({"a": null})");
    QVERIFY(FormChange::apply(withNull, {{QStringLiteral("a"), value(""), value("3")}}));
    QCOMPARE(withNull.value(QStringLiteral("a")), QJsonValue(3));
    QVERIFY(!FormChange::apply(withNull, {{QStringLiteral("bad path["), value(""), value("3")}}));
}

void TestFormChange::jsonRoundTrip()
{
    const FormChange change{QStringLiteral("trees[0].species"), value(""), value("\"oak\"")};
    const QJsonObject json = change.toJson();
    QVERIFY(!json.contains(QStringLiteral("old")));
    const Result<FormChange> back = FormChange::fromJson(json);
    QVERIFY(back);
    QCOMPARE(*back, change);
    QVERIFY(!FormChange::fromJson(QJsonObject{{QStringLiteral("path"), QStringLiteral("..")}}));
}

QTEST_GUILESS_MAIN(TestFormChange)
#include "tst_formchange.moc"
