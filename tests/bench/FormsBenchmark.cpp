#include "FormsBenchmark.h"

#include "core/Clock.h"
#include "core/JsonFields.h"
#include "forms/FormDefinition.h"
#include "forms/FormValidator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QUuid>

#include <ctime>
#include <limits>

namespace casedesk::bench {

namespace {

using forms::FieldType;
using forms::FormDefinition;
using forms::FormField;

constexpr int Applications = 100000;
constexpr int Batch = 1000; // generated per batch so that memory stays small; only validation is timed
// Each batch is validated this often and its fastest pass counts: on a shared machine a pass that other
// processes slowed down measures them, not the validator (the first passes are reported too).
constexpr int Passes = 3;

// CPU time of this thread: on a shared machine wall time also counts other processes.
qint64 threadCpuNs()
{
    timespec time{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
    return qint64(time.tv_sec) * 1000000000 + time.tv_nsec;
}

// Filled-in applications: values drawn anew for every field (codes, numbers, dates, registration numbers, rows),
// texts from the definition's example where it has them; about one in ten with a broken value. Values are drawn
// independently, so some applications break cross-field rules, like the mix intake sees.
class ApplicationGenerator {
public:
    ApplicationGenerator(quint64 seed, const QDate &today) : m_random(seed), m_today(today) {}

    QJsonObject application(const FormDefinition &definition)
    {
        QJsonObject data = group(definition.root(), definition.example());
        if (m_random.bounded(10) == 0)
            breakOneValue(definition, data);
        return data;
    }

private:
    int between(int low, int high) { return low + int(m_random.bounded(quint32(high - low + 1))); }

    QJsonObject group(const FormField &group, const QJsonObject &example)
    {
        QJsonObject data;
        for (const FormField &field : group.fields) {
            const QJsonValue value = this->value(field, example.value(field.id));
            if (!value.isUndefined())
                data.insert(field.id, value);
        }
        return data;
    }

    QJsonValue value(const FormField &field, const QJsonValue &example)
    {
        switch (field.type) {
        case FieldType::Group: {
            if (!field.repeatable)
                return group(field, example.toObject());
            const QJsonArray exampleRows = example.toArray();
            QJsonArray rows;
            const int count = between(field.minCount, std::min(field.maxCount, field.minCount + 3));
            for (int i = 0; i < count; ++i)
                rows.append(group(field, exampleRows.isEmpty() ? QJsonObject()
                                                               : exampleRows.at(i % exampleRows.size()).toObject()));
            return rows;
        }
        case FieldType::Choice:
        case FieldType::District:
            return field.codeList->entries().at(between(0, int(field.codeList->entries().size()) - 1)).code;
        case FieldType::MultiChoice:
            return QJsonArray{field.codeList->entries().first().code};
        case FieldType::Integer:
        case FieldType::Money: {
            const qint64 low = field.minInteger.value_or(0);
            const qint64 high = std::min<qint64>(field.maxInteger.value_or(low + 100000), low + 100000);
            return double(low + qint64(m_random.bounded(quint64(high - low + 1))));
        }
        case FieldType::Decimal:
            return example.isUndefined()
                       ? QJsonValue(field.minDecimal ? field.minDecimal->toString() : QStringLiteral("1"))
                       : example;
        case FieldType::Date: {
            const QDate low = field.minDate ? field.minDate->resolve(m_today) : m_today.addYears(-60);
            const QDate high = field.maxDate ? field.maxDate->resolve(m_today) : m_today.addYears(1);
            return json::dateToString(low.addDays(between(0, int(low.daysTo(high)))));
        }
        case FieldType::KfzKennzeichen: {
            static const char *const districts[] = {"S", "LB", "ES", "BB", "WN", "GP", "RT", "TÜ"};
            const QString letters = QString(QChar(u'A' + between(0, 25))) +
                                    (between(0, 1) ? QString(QChar(u'A' + between(0, 25))) : QString());
            return QString::fromUtf8(districts[between(0, 7)]) + u'-' + letters + u' ' +
                   QString::number(between(1, 999)) + (between(0, 20) == 0 ? QStringLiteral("E") : QString());
        }
        case FieldType::Postcode:
            return QString::number(between(70173, 70629));
        case FieldType::Iban:
            return QStringLiteral("DE89 3704 0044 0532 0130 00");
        case FieldType::Email:
            return example.isUndefined() ? QJsonValue(QStringLiteral("antrag@example.de")) : example;
        case FieldType::Phone:
            return example.isUndefined() ? QJsonValue(QStringLiteral("0711 216-0")) : example;
        case FieldType::DocumentRef:
            return QUuid::createUuidV5(QUuid(), QString::number(m_random.generate64())).toString(QUuid::WithoutBraces);
        case FieldType::Boolean:
            return field.required ? QJsonValue(true) : QJsonValue(between(0, 1) == 1);
        case FieldType::Text:
        case FieldType::Multiline:
            if (!example.isUndefined() || !field.pattern.pattern().isEmpty())
                return example; // as in the example, which meets patterns and rules
            return sampleText(field);
        }
        return example;
    }

    static QString sampleText(const FormField &field)
    {
        QString text = QStringLiteral("Beispielangabe");
        while (text.size() < field.minLength)
            text += QStringLiteral(" mit weiteren Worten");
        return text.left(field.maxLength);
    }

    // Replaces one top-level value by one of the wrong kind or out of range.
    void breakOneValue(const FormDefinition &definition, QJsonObject &data)
    {
        const FormField &field = definition.fields().at(between(0, int(definition.fields().size()) - 1));
        const QJsonValue broken[] = {QJsonValue(), QJsonValue(-1), QJsonValue(QStringLiteral("x")),
                                     QJsonValue(QString(20000, u'y')), QJsonValue(QJsonArray{1, 2})};
        data.insert(field.id, broken[between(0, 4)]);
    }

    QRandomGenerator64 m_random;
    QDate m_today;
};

} // namespace

QJsonObject runFormsBenchmark(const QString &resourceDir, quint64 seed)
{
    QList<FormDefinition> definitions;
    for (const char *name : {"bewohnerparken", "umweltzone", "baumfaellung", "buergerhaushalt"}) {
        QFile file(QDir(resourceDir).filePath(QStringLiteral("forms/%1.json").arg(QLatin1String(name))));
        if (!file.open(QIODevice::ReadOnly))
            return {{QStringLiteral("error"), QStringLiteral("cannot read %1").arg(file.fileName())}};
        const Result<FormDefinition> definition = FormDefinition::fromJsonBytes(file.readAll());
        if (!definition)
            return {{QStringLiteral("error"), definition.error().toString()}};
        definitions.append(*definition);
    }

    const QDate today = Clock::current().today();
    ApplicationGenerator generator(seed, today);
    qint64 validateNs = 0;    // per batch the fastest of its passes
    qint64 firstPassNs = 0;   // per batch its first pass
    qint64 validateCpuNs = 0; // CPU time of the fastest passes
    qint64 generateNs = 0;
    qint64 problems = 0;
    int withProblems = 0;
    QHash<QString, int> problemsByCode;
    QList<QJsonObject> batch;
    batch.reserve(Batch);
    QList<QList<forms::FormProblem>> found(Batch);
    QElapsedTimer timer;
    for (int done = 0; done < Applications; done += Batch) {
        batch.clear();
        timer.start();
        for (int i = 0; i < Batch; ++i)
            batch.append(generator.application(definitions.at((done + i) % definitions.size())));
        generateNs += timer.nsecsElapsed();
        qint64 fastestNs = std::numeric_limits<qint64>::max();
        qint64 fastestCpuNs = 0;
        for (int pass = 0; pass < Passes; ++pass) {
            timer.start();
            const qint64 cpuStart = threadCpuNs();
            for (int i = 0; i < Batch; ++i)
                found[i] =
                    forms::FormValidator::validate(definitions.at((done + i) % definitions.size()), batch.at(i), today);
            const qint64 passNs = timer.nsecsElapsed();
            if (pass == 0)
                firstPassNs += passNs;
            if (passNs < fastestNs) {
                fastestNs = passNs;
                fastestCpuNs = threadCpuNs() - cpuStart;
            }
        }
        validateNs += fastestNs;
        validateCpuNs += fastestCpuNs;
        for (const QList<forms::FormProblem> &problemsOfOne : std::as_const(found)) {
            problems += problemsOfOne.size();
            withProblems += problemsOfOne.isEmpty() ? 0 : 1;
            for (const forms::FormProblem &problem : problemsOfOne)
                ++problemsByCode[problem.codeString() + u' ' + problem.path];
        }
    }

    QJsonObject byCode;
    for (auto it = problemsByCode.begin(); it != problemsByCode.end(); ++it)
        byCode.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("problems_by_code"), byCode},
        {QStringLiteral("benchmark"), QStringLiteral("forms")},
        {QStringLiteral("seed"), QString::number(seed)},
        {QStringLiteral("applications"), Applications},
        {QStringLiteral("definitions"), int(definitions.size())},
        {QStringLiteral("validate_100k_s"), double(validateNs) / 1e9 * (100000.0 / Applications)},
        {QStringLiteral("validate_100k_first_pass_s"), double(firstPassNs) / 1e9 * (100000.0 / Applications)},
        {QStringLiteral("passes_per_batch"), Passes},
        {QStringLiteral("validate_100k_cpu_s"), double(validateCpuNs) / 1e9 * (100000.0 / Applications)},
        {QStringLiteral("validate_per_application_us"), double(validateNs) / 1e3 / Applications},
        {QStringLiteral("generate_s"), double(generateNs) / 1e9},
        {QStringLiteral("applications_with_problems"), withProblems},
        {QStringLiteral("problems"), double(problems)},
        {QStringLiteral("target_validate_100k_s"), 1.0},
    };
}

} // namespace casedesk::bench
