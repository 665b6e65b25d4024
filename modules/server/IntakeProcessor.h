// Applies a citizen portal's submission (issue 5, "Intake") in one PostgreSQL transaction: the case opened
// like a pushed createCase (CaseOpening: form data checked, with every required value demanded; process
// started, statutory deadline; the routed team's next Aktenzeichen), unassigned in the team that
// case_type_routes names for its case type; attachments stored as verified blobs and documents of the case;
// the command row (with the portal as its author), the change row (pull delivers the case, LISTEN is told)
// and the audit row. The portal's submission id is unique per portal: a repeated id, also one sent twice at
// the same moment to two server processes, answers with the case of the first.
#pragma once

#include "core/Aktenzeichen.h"
#include "core/Party.h"
#include "server/ApiError.h"
#include "server/CaseOpening.h"
#include "server/PortalCredentials.h"

#include <QDate>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>
#include <variant>

namespace casedesk::server {

struct IntakeAttachment {
    QByteArray sha256; // 32 bytes
    QString name;
    QString kind; // core's DocumentKind key
    QString mimeType;
    // The bytes, checked against sha256 already; without them the blob must be on the server (an earlier
    // submission brought the same file).
    std::optional<QByteArray> content;
};

struct IntakeSubmission {
    QString submissionId;
    QString caseType;
    QString title; // may be empty: the form's title and the applicant's name
    Party applicant;
    QJsonObject formData;
    QList<IntakeAttachment> attachments;
};

struct IntakeReceipt {
    QUuid caseId;
    Aktenzeichen aktenzeichen;
    QDate statutoryDeadline;
    bool created = true; // false: the submission id was seen before

    QJsonObject toJson() const; // {caseId, aktenzeichen, statutoryDeadline (null when none runs)}
};

// A receipt, a refusal of the application (422; invalid_form carries the field problems), or an error.
using IntakeResult = std::variant<IntakeReceipt, CaseRefusal, ApiError>;

class IntakeProcessor {
public:
    static constexpr int MaxAttempts = 5; // on serialization failures, deadlocks and a racing duplicate

    IntakeProcessor(QSqlDatabase db, Portal portal);

    IntakeResult process(const IntakeSubmission &submission);

private:
    QSqlDatabase m_db;
    Portal m_portal;
};

} // namespace casedesk::server
