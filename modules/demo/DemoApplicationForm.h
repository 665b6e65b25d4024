// What an applicant entered in the citizen portal's form for a case type: form data that is valid for the
// bundled definition (resources/forms) on the day the application arrived, with the attached documents
// referenced by id, and the case title that goes with it.
#pragma once

#include "core/Party.h"
#include "demo/DemoRandom.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <functional>

namespace casedesk::demo {

struct DemoApplicationInput {
    QString caseType;                 // "bewohnerparken", "umweltzone", "baumfaellung", "buergerhaushalt"
    const Party *applicant = nullptr; // address filled, e-mail may be empty (the form then gets one)
    QString districtName;             // "Bad Cannstatt"
    QString districtCode;             // "06": Stuttgart's Stadtbezirk code (forms' district code list)
    QDate received;                   // "today" for the form's date limits
};

struct DemoApplication {
    QJsonObject data;
    QString title;
};

class DemoApplicationForm {
public:
    // `nextDocumentId` gives a fresh id for each document the form references.
    static DemoApplication make(const DemoApplicationInput &input, DemoRandom &rng,
                                const std::function<QUuid()> &nextDocumentId);
};

} // namespace casedesk::demo
