// A document attached to a case, as the form view offers it for document reference fields.
#pragma once

#include <QList>
#include <QString>

namespace casedesk::ui {

struct FormDocument {
    QString id;   // the document's UUID without braces (the value stored in the form data)
    QString name; // what the clerk sees ("Fahrzeugschein.pdf")
};

} // namespace casedesk::ui
