// The selected case beside the inbox: what it is (Aktenzeichen, title, applicant, status, deadline), its
// application form, generated from the case type's form definition (read-only; CaseWorkBar opens it for editing
// where the user may), and sections for work on the case: who works on it (CaseAssignmentBar) below the header,
// saving the form and completing tasks (CaseWorkBar) and its Vermerke (CaseNotesPanel) below the form.
#pragma once

#include "core/Case.h"
#include "core/DocumentRef.h"
#include "forms/FormDefinition.h"

#include <QWidget>

class QLabel;

namespace casedesk::ui {

class FormView;

class CaseDetailPane : public QWidget {
    Q_OBJECT

public:
    explicit CaseDetailPane(QWidget *parent = nullptr);

    // Shows `c` in `form`, the definition of its form's version, with its documents (offered by the form's
    // document fields); without a form (null) the header and a sentence that says so.
    void showCase(const Case &c, const forms::FormDefinition &form, const QList<DocumentRef> &documents);
    void clear();
    enum class Placement { BelowHeader, BelowForm };
    // Puts `section` into the pane for as long as it lives; it stays when the case changes.
    void addSection(QWidget *section, Placement placement);

    QLabel *heading() const { return m_heading; }
    FormView *formView() const { return m_form; } // nullptr when no form is shown

private:
    QLabel *m_heading;
    QLabel *m_details;
    QLabel *m_placeholder;
    QWidget *m_formHolder;
    FormView *m_form = nullptr;
};

} // namespace casedesk::ui
