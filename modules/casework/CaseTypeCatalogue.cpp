#include "casework/CaseTypeCatalogue.h"

#include "workflow/ProcessParser.h"

#include <algorithm>

namespace casedesk::casework {

CaseTypeCatalogue::CaseTypeCatalogue(const QList<ProcessVersion> &processes, const QList<forms::FormDefinition> &forms)
{
    QHash<QString, QList<const forms::FormDefinition *>> formsByType;
    for (const forms::FormDefinition &form : forms)
        formsByType[form.id()].append(&form);
    for (const ProcessVersion &process : processes) {
        const QList<const forms::FormDefinition *> typeForms = formsByType.value(process.caseType);
        if (typeForms.isEmpty())
            continue;
        if (!m_order.contains(process.caseType))
            m_order.append(process.caseType);
        for (const forms::FormDefinition *form : typeForms) {
            const Key key{process.caseType, process.version, form->version()};
            m_contents.insert(key, demo::CaseTypeContent{process.caseType, *form, process.model, process.version});
            // Every pairing exists, so the highest (lowest) of each version make one.
            Key &latest = m_latest[process.caseType];
            Key &earliest = m_earliest[process.caseType];
            if (latest.caseType.isEmpty())
                latest = earliest = key;
            latest = {key.caseType, std::max(latest.processVersion, key.processVersion),
                      std::max(latest.formVersion, key.formVersion)};
            earliest = {key.caseType, std::min(earliest.processVersion, key.processVersion),
                        std::min(earliest.formVersion, key.formVersion)};
        }
    }
}

std::shared_ptr<const CaseTypeCatalogue> CaseTypeCatalogue::fromDeployed(const QList<DeployedProcess> &processes,
                                                                         const QList<QJsonObject> &forms,
                                                                         QStringList *leftOut)
{
    QList<ProcessVersion> models;
    for (const DeployedProcess &process : processes) {
        workflow::ParsedModel parsed = workflow::ProcessParser::parse(process.bpmn.toUtf8());
        if (parsed.ok() && process.version > 0)
            models.append({process.caseType, process.version, std::move(parsed.model)});
        else
            leftOut->append(QStringLiteral("process model %1 version %2: %3")
                                .arg(process.caseType)
                                .arg(process.version)
                                .arg(parsed.problems.isEmpty() ? QStringLiteral("no valid version")
                                                               : parsed.problems.constFirst().toString()));
    }
    QList<forms::FormDefinition> definitions;
    for (const QJsonObject &json : forms) {
        Result<forms::FormDefinition> definition = forms::FormDefinition::fromJson(json);
        if (definition)
            definitions.append(std::move(definition).value());
        else
            leftOut->append(QStringLiteral("form %1 version %2: %3")
                                .arg(json.value(QLatin1String("id")).toString())
                                .arg(json.value(QLatin1String("version")).toInt())
                                .arg(definition.error().toString()));
    }
    return std::make_shared<const CaseTypeCatalogue>(models, definitions);
}

std::shared_ptr<const CaseTypeCatalogue> CaseTypeCatalogue::bundled()
{
    static const std::shared_ptr<const CaseTypeCatalogue> catalogue = [] {
        QList<ProcessVersion> processes;
        QList<forms::FormDefinition> forms;
        if (const Result<demo::BundledContent> &content = demo::BundledContent::instance(); content) {
            for (const demo::CaseTypeContent &type : content->caseTypes()) {
                processes.append({type.caseType, type.processVersion, type.process});
                forms.append(type.form);
            }
        }
        return std::make_shared<const CaseTypeCatalogue>(processes, forms);
    }();
    return catalogue;
}

const demo::CaseTypeContent *CaseTypeCatalogue::latest(const QString &caseType) const
{
    const auto key = m_latest.constFind(caseType);
    return key == m_latest.cend() ? nullptr : &m_contents.find(*key).value();
}

const demo::CaseTypeContent *CaseTypeCatalogue::of(const Case &theCase) const
{
    const auto earliest = m_earliest.constFind(theCase.caseType);
    if (earliest == m_earliest.cend())
        return nullptr;
    const Key key{theCase.caseType, theCase.processVersion > 0 ? theCase.processVersion : earliest->processVersion,
                  theCase.formVersion > 0 ? theCase.formVersion : earliest->formVersion};
    const auto found = m_contents.constFind(key);
    return found == m_contents.cend() ? nullptr : &found.value();
}

QList<const demo::CaseTypeContent *> CaseTypeCatalogue::latestOfEach() const
{
    QList<const demo::CaseTypeContent *> result;
    for (const QString &caseType : m_order)
        result.append(latest(caseType));
    return result;
}

} // namespace casedesk::casework
