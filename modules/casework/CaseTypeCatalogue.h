// The case types the case rules know, each as the versions of its process model and form definition. A case
// runs on the versions it was opened with (Case::processVersion, Case::formVersion), a new case on the latest:
// deploying a new version changes new cases only. The server's catalogue comes from its deployments
// (server/DeployedCaseTypes), the client's from the server's reference data (storage/ReferenceRepository), and
// before there are any, from the content bundled with CaseDesk (version 1 of each process). Immutable, so one
// catalogue can serve many threads while a newer one replaces it.
#pragma once

#include "core/Case.h"
#include "demo/BundledContent.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace casedesk::casework {

class CaseTypeCatalogue {
public:
    struct ProcessVersion {
        QString caseType;
        int version = 0;
        workflow::ProcessModel model;
    };

    // A process model as deployed: its BPMN text.
    struct DeployedProcess {
        QString caseType;
        int version = 0;
        QString bpmn;
    };

    // A case type is known when it has a process model and a form definition (whose id is the case type).
    CaseTypeCatalogue(const QList<ProcessVersion> &processes, const QList<forms::FormDefinition> &forms);
    // From deployed content (the server's tables, the client's reference data). A version that does not load in
    // this build is left out, and `leftOut` says which and why: its cases are for a newer build to run.
    static std::shared_ptr<const CaseTypeCatalogue> fromDeployed(const QList<DeployedProcess> &processes,
                                                                 const QList<QJsonObject> &forms, QStringList *leftOut);
    // The bundled content as process version 1; empty when the build's content is broken (BundledContent says why).
    static std::shared_ptr<const CaseTypeCatalogue> bundled();

    bool isEmpty() const { return m_latest.isEmpty(); }
    // For a new case of `caseType`: its latest process and form; nullptr for an unknown case type.
    const demo::CaseTypeContent *latest(const QString &caseType) const;
    // For `theCase`: the versions it runs on (0: the earliest); nullptr when this catalogue lacks one of them.
    const demo::CaseTypeContent *of(const Case &theCase) const;
    // The latest of every case type, in the order the processes were listed.
    QList<const demo::CaseTypeContent *> latestOfEach() const;

private:
    struct Key {
        QString caseType;
        int processVersion = 0;
        int formVersion = 0;
        bool operator==(const Key &) const = default;
    };
    friend size_t qHash(const Key &key, size_t seed)
    {
        return qHashMulti(seed, key.caseType, key.processVersion, key.formVersion);
    }

    QHash<Key, demo::CaseTypeContent> m_contents; // every pairing of a type's process and form versions
    QHash<QString, Key> m_latest;
    QHash<QString, Key> m_earliest;
    QList<QString> m_order;
};

} // namespace casedesk::casework
