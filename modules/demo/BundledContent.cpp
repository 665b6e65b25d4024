#include "demo/BundledContent.h"

#include "workflow/ProcessParser.h"

#include <QCoreApplication>
#include <QFile>

namespace casedesk::demo {

namespace {

Result<QByteArray> readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Internal,
            QCoreApplication::translate("Demo", "The bundled file %1 is missing from this build.").arg(path),
            file.errorString());
    return file.readAll();
}

Result<CaseTypeContent> load(const QString &caseType)
{
    const Result<QByteArray> formBytes = readResource(QStringLiteral(":/forms/%1.json").arg(caseType));
    if (!formBytes)
        return formBytes.error();
    Result<forms::FormDefinition> form = forms::FormDefinition::fromJsonBytes(*formBytes);
    if (!form)
        return form.error();
    const Result<QByteArray> processBytes = readResource(QStringLiteral(":/processes/%1.bpmn").arg(caseType));
    if (!processBytes)
        return processBytes.error();
    workflow::ParsedModel process = workflow::ProcessParser::parse(*processBytes);
    if (!process.ok()) {
        return makeError(
            ErrorCode::Internal,
            QCoreApplication::translate("Demo", "The bundled process model for %1 does not load.").arg(caseType),
            process.problems.isEmpty() ? QString() : process.problems.first().toString());
    }
    return CaseTypeContent{caseType, std::move(form).value(), std::move(process.model)};
}

} // namespace

Result<BundledContent> BundledContent::loadAll()
{
    BundledContent content;
    for (const char *caseType : {"bewohnerparken", "umweltzone", "baumfaellung", "buergerhaushalt"}) {
        Result<CaseTypeContent> loaded = load(QLatin1String(caseType));
        if (!loaded)
            return loaded.error();
        content.m_caseTypes.append(std::move(loaded).value());
    }
    return content;
}

const Result<BundledContent> &BundledContent::instance()
{
    static const Result<BundledContent> content = loadAll();
    return content;
}

const CaseTypeContent *BundledContent::find(const QString &caseType) const
{
    for (const CaseTypeContent &content : m_caseTypes) {
        if (content.caseType == caseType)
            return &content;
    }
    return nullptr;
}

} // namespace casedesk::demo
