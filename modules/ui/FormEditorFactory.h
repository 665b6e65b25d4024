// Makes the editor that suits a field's type (see FormEditor and its subclasses).
#pragma once

#include "ui/FormDocument.h"

namespace casedesk::forms {
struct FormField;
}

namespace casedesk::ui {

class FormEditor;

class FormEditorFactory {
public:
    // A new editor for a field that is not a group, labelled for assistive technology (accessible name = the
    // field's label, description and tooltip = its help). `documents` are offered by document references.
    // The editor is owned by its widget().
    static FormEditor *create(const forms::FormField &field, const QList<FormDocument> &documents);
};

} // namespace casedesk::ui
