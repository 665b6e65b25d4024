// The process models and form definitions shipped with CaseDesk (resources/processes/*.bpmn and
// resources/forms/*.json, embedded as Qt resources), one of each per case type of DESIGN.md. The demo
// generator runs its cases through them; migration 14 deploys them on a fresh server, and a client runs on them
// until the server's reference data brings the deployed ones (casework/CaseTypeCatalogue).
#pragma once

#include "core/Result.h"
#include "forms/FormDefinition.h"
#include "workflow/ProcessModel.h"

#include <QList>
#include <QString>

namespace casedesk::demo {

struct CaseTypeContent {
    QString caseType; // "bewohnerparken", "umweltzone", "baumfaellung", "buergerhaushalt"
    forms::FormDefinition form;
    workflow::ProcessModel process;
    int processVersion = 1; // the bundled models are version 1 (casework/CaseTypeCatalogue)
};

class BundledContent {
public:
    // The four case types, read and checked once (thread-safe). A failure names the file and its first
    // problem: it means a broken build, and every caller reports it instead of crashing.
    static const Result<BundledContent> &instance();

    const QList<CaseTypeContent> &caseTypes() const { return m_caseTypes; }
    const CaseTypeContent *find(const QString &caseType) const; // nullptr for an unknown type

private:
    static Result<BundledContent> loadAll();

    QList<CaseTypeContent> m_caseTypes;
};

} // namespace casedesk::demo
