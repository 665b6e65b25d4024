// What the form view keeps per field or group it shows: the data path it edits and its widgets.
#pragma once

#include <QString>

class QGroupBox;
class QLabel;
class QWidget;

namespace casedesk::forms {
struct FormField;
}

namespace casedesk::ui {

class FormEditor;
class FormGroupRows;

struct FormBinding {
    QString path; // "applicant.surname", "trees[1].species", "trees"
    const forms::FormField *field = nullptr;
    QWidget *container = nullptr;  // shown and hidden with the field's visibility
    QLabel *label = nullptr;       // a field's label (its buddy is the editor)
    QGroupBox *box = nullptr;      // a group's titled section
    FormEditor *editor = nullptr;  // fields only
    FormGroupRows *rows = nullptr; // repeatable groups only
    QLabel *message = nullptr;     // inline problems
    bool required = false;         // the marker currently shown
};

} // namespace casedesk::ui
