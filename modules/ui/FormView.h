// The form of a case, generated from its form definition: a label, a suitable editor and an inline message
// per field, titled sections for groups, add and remove for repeatable groups, a summary of all problems at
// the top, conditional sections that appear and disappear as the data changes, and a read-only mode. The
// clerk's edits come out as change sets (field, old value, new value) for setFields commands.
//
//   auto *view = new ui::FormView(definition, parent);
//   view->setDocuments({{documentId, name}, ...}); // offered by document reference fields
//   view->setData(caseFormData);                    // the original that changes() compare against
//   view->setReadOnly(!policy.mayEdit(...));
//   connect(view, &ui::FormView::dataEdited, ...);  // view->changes() -> setFields command
#pragma once

#include "forms/FormChange.h"
#include "forms/FormDefinition.h"
#include "forms/FormProblem.h"
#include "ui/FormBinding.h"
#include "ui/FormDocument.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QScrollArea;

namespace casedesk::ui {

class FormGroupRows;
class FormProblemSummary;
class FormViewController;

class FormView : public QWidget {
    Q_OBJECT

public:
    explicit FormView(forms::FormDefinition definition, QWidget *parent = nullptr);

    const forms::FormDefinition &definition() const;

    // Shows `data` and makes it the original for changes(). Data of any shape is accepted: what does not fit
    // the definition is shown as far as possible and listed as problems.
    void setData(const QJsonObject &data);
    // The current data, normalised (FormValidator::normalize).
    QJsonObject data() const;
    // The edits since setData, one per changed field (a whole repeatable group when entries were added or
    // removed); FormChange::diff of the original and data().
    QList<forms::FormChange> changes() const;
    // The problems of the current data (as shown inline and in the summary).
    QList<forms::FormProblem> problems() const;

    // The case's documents, offered by document reference fields.
    void setDocuments(const QList<FormDocument> &documents);

    // Read-only: every editor still takes the focus and can be read and copied, but nothing changes.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const;

    // Moves the focus to the field at a data path ("trees[1].species"); false when it is not shown.
    bool focusField(const QString &path);

    // The widgets of a field or group by data path (nullptr when not shown), for embedding and tests.
    QWidget *editor(const QString &path) const;
    QLabel *fieldLabel(const QString &path) const;
    QLabel *messageLabel(const QString &path) const;
    FormGroupRows *groupRows(const QString &path) const;
    FormProblemSummary *summary() const { return m_summary; }
    // Every field and group shown, in form order; valid until the next structural change.
    const QList<FormBinding> &bindings() const;

signals:
    void dataEdited();      // the clerk changed the data; not emitted by setData
    void problemsChanged(); // the data was validated again

private:
    FormProblemSummary *m_summary;
    QScrollArea *m_area;
    FormViewController *m_controller;
};

} // namespace casedesk::ui
