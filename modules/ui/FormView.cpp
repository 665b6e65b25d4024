#include "ui/FormView.h"

#include "ui/FormEditor.h"
#include "ui/FormProblemSummary.h"
#include "ui/FormViewController.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace casedesk::ui {

FormView::FormView(forms::FormDefinition definition, QWidget *parent)
    : QWidget(parent), m_summary(new FormProblemSummary), m_area(new QScrollArea)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_area, 1);
    m_area->setWidgetResizable(true);
    m_area->setFrameShape(QFrame::NoFrame);
    m_controller = new FormViewController(std::move(definition), m_area, m_summary, this);
    connect(m_controller, &FormViewController::dataEdited, this, &FormView::dataEdited);
    connect(m_controller, &FormViewController::problemsChanged, this, &FormView::problemsChanged);
}

const forms::FormDefinition &FormView::definition() const
{
    return m_controller->definition();
}

void FormView::setData(const QJsonObject &data)
{
    m_controller->setData(data);
}

QJsonObject FormView::data() const
{
    return m_controller->data();
}

QList<forms::FormChange> FormView::changes() const
{
    return m_controller->changes();
}

QList<forms::FormProblem> FormView::problems() const
{
    return m_controller->problems();
}

void FormView::setDocuments(const QList<FormDocument> &documents)
{
    m_controller->setDocuments(documents);
}

void FormView::setReadOnly(bool readOnly)
{
    m_controller->setReadOnly(readOnly);
}

bool FormView::isReadOnly() const
{
    return m_controller->isReadOnly();
}

bool FormView::focusField(const QString &path)
{
    return m_controller->focusPath(path);
}

QWidget *FormView::editor(const QString &path) const
{
    const FormBinding *binding = m_controller->binding(path);
    return binding && binding->editor ? binding->editor->input() : nullptr;
}

QLabel *FormView::fieldLabel(const QString &path) const
{
    const FormBinding *binding = m_controller->binding(path);
    return binding ? binding->label : nullptr;
}

QLabel *FormView::messageLabel(const QString &path) const
{
    const FormBinding *binding = m_controller->binding(path);
    return binding ? binding->message : nullptr;
}

FormGroupRows *FormView::groupRows(const QString &path) const
{
    const FormBinding *binding = m_controller->binding(path);
    return binding ? binding->rows : nullptr;
}

const QList<FormBinding> &FormView::bindings() const
{
    return m_controller->bindings();
}

} // namespace casedesk::ui
