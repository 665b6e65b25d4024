// The logic behind FormView: keeps the data as loaded (the original) and as edited, writes each editor's
// input into the data, validates on every edit (FormValidator is pure and fast), and updates inline
// messages, the summary, conditional visibility and required markers. Adding or removing an entry of a
// repeatable group rebuilds the widgets from the data (FormViewBuilder).
#pragma once

#include "forms/FormChange.h"
#include "forms/FormDefinition.h"
#include "forms/FormProblem.h"
#include "ui/FormBinding.h"
#include "ui/FormDocument.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QScrollArea;

namespace casedesk::ui {

class FormProblemSummary;

class FormViewController : public QObject {
    Q_OBJECT

public:
    // Shows the form's widgets in `area` and its problems in `summary` (both owned by the caller).
    FormViewController(forms::FormDefinition definition, QScrollArea *area, FormProblemSummary *summary,
                       QObject *parent = nullptr);

    const forms::FormDefinition &definition() const { return m_definition; }
    // Loads data (normalised) as the new original; changes() start from it.
    void setData(const QJsonObject &data);
    QJsonObject data() const;
    QList<forms::FormChange> changes() const;
    const QList<forms::FormProblem> &problems() const { return m_problems; }

    void setDocuments(const QList<FormDocument> &documents);
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // The bindings in form order (groups before their fields); valid until the next rebuild.
    const QList<FormBinding> &bindings() const { return m_bindings; }
    const FormBinding *binding(const QString &path) const;
    // Moves the focus to the field at `path`, or the nearest thing shown for it (a group's first editor, the
    // "Add" button of an empty repeatable group, an enclosing group). False when nothing fits.
    bool focusPath(const QString &path);

signals:
    void dataEdited();      // the clerk changed the data (not emitted by setData)
    void problemsChanged(); // after every validation

private:
    void rebuild();
    void edited(int bindingIndex);
    void addEntry(const QString &path);
    void removeEntry(const QString &path, int row);
    void refresh();
    void applyReadOnly();
    int bindingShowing(const QString &problemPath) const;
    QWidget *focusTarget(const QString &path) const;

    forms::FormDefinition m_definition;
    QScrollArea *m_area;
    FormProblemSummary *m_summary;
    QJsonObject m_original;
    QJsonObject m_current;
    QList<FormDocument> m_documents;
    bool m_readOnly = false;
    QList<FormBinding> m_bindings;
    QHash<QString, int> m_index; // path -> position in m_bindings
    QList<forms::FormProblem> m_problems;
    QPointer<QObject> m_connections; // context of the current widgets' connections, replaced on rebuild
};

} // namespace casedesk::ui
