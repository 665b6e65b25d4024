// Property test: random and hostile data never crashes validation, every problem names a valid path ("" only for
// the whole form), and normalising first changes nothing about the verdict. Prints its seed.
#include "forms/FormDefinition.h"
#include "forms/FormPath.h"
#include "forms/FormValidator.h"
#include "mock/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace casedesk;
using namespace casedesk::forms;

namespace {

const QStringList interestingStrings{
    QString(),
    QStringLiteral("   "),
    QStringLiteral("S-AB 1234"),
    QStringLiteral("DE89 3704 0044 0532 0130 00"),
    QStringLiteral("70173"),
    QStringLiteral("2026-02-30"),
    QStringLiteral("2026-11-26"),
    QStringLiteral("12,50"),
    QStringLiteral("1e308"),
    QStringLiteral("-0"),
    QStringLiteral("01"),
    QStringLiteral("oak"),
    QStringLiteral("a@b.de"),
    QStringLiteral("\u0000\u0007\n"),
    QStringLiteral("((((((((((((((((((((a"),
    QStringLiteral("0193a1c2-7d4e-7f00-8a11-3c5d2e6f7a80"),
    QStringLiteral("Straße ÄÖÜ 😀"),
};

class Generator {
public:
    explicit Generator(quint32 seed) : m_random(seed) {}

    int below(int n) { return int(m_random.bounded(quint32(n))); }

    QJsonValue value(int depth)
    {
        switch (below(depth > 4 ? 5 : 9)) {
        case 0:
            return QJsonValue();
        case 1:
            return below(2) == 0;
        case 2: {
            const double numbers[] = {0, -1, 1, 2.5, 1e300, -1e300, 9007199254740993.0, 1e-9, 120, 3500};
            return numbers[below(10)];
        }
        case 3:
            return interestingStrings.at(below(int(interestingStrings.size())));
        case 4:
            return randomString();
        case 5:
            return below(50) == 0 ? QString(FormDefinition::MaxStringLength + 10, u'x') : randomString();
        case 6: {
            QJsonArray array;
            // Now and then a long array, of scalars only, so the data stays bounded.
            const bool longArray = below(20) == 0;
            const int count = longArray ? 2000 : below(5);
            for (int i = 0; i < count; ++i)
                array.append(value(longArray ? 99 : depth + 1));
            return array;
        }
        default:
            return object(depth + 1, {});
        }
    }

    QJsonObject object(int depth, const QStringList &keys)
    {
        QJsonObject object;
        const int count = below(8);
        for (int i = 0; i < count; ++i) {
            const QString key = !keys.isEmpty() && below(3) > 0 ? keys.at(below(int(keys.size()))) : randomString();
            object.insert(key, value(depth));
        }
        return object;
    }

    // The example with some of its values replaced, removed or retyped.
    QJsonObject mutate(const FormDefinition &definition, QJsonObject data)
    {
        const int edits = 1 + below(6);
        for (int i = 0; i < edits; ++i) {
            QList<const FormField *> scope;
            for (const FormField &field : definition.fields())
                scope.append(&field);
            QString path;
            const FormField *field = scope.at(below(int(scope.size())));
            path = field->id;
            while (field->isGroup() && below(3) > 0) {
                if (field->repeatable)
                    path += u'[' + QString::number(below(3)) + u']';
                field = &field->fields.at(below(int(field->fields.size())));
                path += u'.' + field->id;
            }
            FormPath::setValue(data, path, below(5) == 0 ? QJsonValue(QJsonValue::Undefined) : value(3));
        }
        return data;
    }

private:
    QString randomString()
    {
        QString text;
        const int length = below(12);
        for (int i = 0; i < length; ++i)
            text += QChar(char16_t(below(4) == 0 ? below(0xd7ff) + 1 : 0x20 + below(0x5f)));
        return text;
    }

    QRandomGenerator m_random;
};

QList<FormDefinition> bundledDefinitions()
{
    QList<FormDefinition> definitions;
    for (const char *name : {"bewohnerparken", "umweltzone", "baumfaellung", "buergerhaushalt"}) {
        QFile file(test::resourcePath(QStringLiteral("forms/%1.json").arg(QLatin1String(name))));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        const Result<FormDefinition> definition = FormDefinition::fromJsonBytes(file.readAll());
        if (!definition)
            qFatal("%s: %s", name, qPrintable(definition.error().toString()));
        definitions.append(*definition);
    }
    return definitions;
}

QStringList verdict(const QList<FormProblem> &problems)
{
    QStringList lines;
    for (const FormProblem &problem : problems)
        lines.append(problem.path + u' ' + problem.codeString());
    return lines;
}

} // namespace

class TestFormProperty : public QObject {
    Q_OBJECT

private slots:
    void randomData();
};

void TestFormProperty::randomData()
{
    const quint32 seed = test::testSeed();
    Generator generator(seed);
    const QList<FormDefinition> definitions = bundledDefinitions();
    const QDate today(2026, 11, 26);
    for (int round = 0; round < 3000; ++round) {
        const FormDefinition &definition = definitions.at(round % definitions.size());
        QStringList keys;
        for (const FormField &field : definition.fields())
            keys.append(field.id);
        const QJsonObject data =
            round % 3 == 0 ? generator.object(0, keys) : generator.mutate(definition, definition.example());
        const QList<FormProblem> problems = FormValidator::validate(definition, data, today);
        QVERIFY(problems.size() <= FormValidator::MaxProblems + 1);
        for (const FormProblem &problem : problems) {
            QVERIFY2(!problem.message.isEmpty(), qPrintable(problem.path));
            QVERIFY(!problem.codeString().isEmpty());
            if (!problem.path.isEmpty() || problem.code == FormProblem::Code::Required)
                QVERIFY2(FormPath::parse(problem.path).has_value(),
                         qPrintable(QStringLiteral("round %1: problem without a path: %2 %3")
                                        .arg(round)
                                        .arg(problem.codeString(), problem.message)));
        }
        const QJsonObject normalized = FormValidator::normalize(definition, data);
        QCOMPARE(FormValidator::normalize(definition, normalized), normalized);
        QCOMPARE(verdict(FormValidator::validate(definition, normalized, today)), verdict(problems));
        FormValidator::state(definition, data, today);
    }
}

QTEST_GUILESS_MAIN(TestFormProperty)
#include "tst_formproperty.moc"
