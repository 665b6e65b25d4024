// The process models and form definitions deployed on the server ("casedesk-server process deploy", "form
// deploy", and migration 14 for the bundled ones), which cases run on (DeployedCaseTypes) and clients receive
// as reference data (ReferenceApi). Versions are immutable and never removed, because cases keep the version
// they started with: deploying a version again with the same content changes nothing, with other
// content it is refused. Only checked content is stored: a model the workflow engine or a definition the form
// validator would refuse never gets a version.
#pragma once

#include "core/Result.h"
#include "forms/FormDefinition.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace casedesk::server {

struct DeployedProcessModel {
    QString caseType; // "baumfaellung"
    int version = 0;  // 1, 2, ... per case type
    QString bpmn;     // the BPMN 2.0 XML as deployed
    QString sha256;   // of the XML's UTF-8 bytes, hex
    QString deployedBy;
    QDateTime deployedAt;
};

struct DeployedForm {
    QString formId;         // the case type's ("baumfaellung")
    int version = 0;        // the definition's own "version"
    QJsonObject definition; // as FormDefinition::fromJson reads it
    QString sha256;         // of the definition's compact JSON, hex: reformatting a file changes nothing
    QString deployedBy;
    QDateTime deployedAt;
};

struct Deployment {
    int version = 0;
    bool added = false; // false: this content was deployed as this version already, nothing changed
};

class ModelRepository {
public:
    // `db`: an open connection of the calling thread, migrated to the current schema.
    explicit ModelRepository(QSqlDatabase db);

    // A case type: lower-case letters, digits, "-" and "_", starting with a letter, at most 64 characters.
    static bool isValidCaseType(const QString &caseType);
    // What a deployment's sha256 is taken of: a model's bytes as deployed, a form's compact JSON.
    static QString sha256Hex(const QByteArray &bytes);
    static QByteArray formContent(const forms::FormDefinition &definition);

    // Checks `bpmn` with ProcessParser (Invalid with the first problem otherwise; it must be UTF-8) and
    // stores it for `caseType`. `version` 0 takes the next version, or none when the latest version has this
    // content. An explicit version that exists with other content is a Conflict; a new explicit version must
    // be above the latest (Invalid), so the latest version is always the highest.
    Result<Deployment> deployProcess(const QString &caseType, const QByteArray &bpmn, int version,
                                     const QString &deployedBy);
    // Stores the definition under its id and version; Conflict when that version exists with other content.
    Result<Deployment> deployForm(const forms::FormDefinition &definition, const QString &deployedBy);

    Result<QList<DeployedProcessModel>> processModels() const; // by case type, then version
    Result<QList<DeployedForm>> forms() const;                 // by form id, then version

private:
    QSqlDatabase m_db;
};

} // namespace casedesk::server
