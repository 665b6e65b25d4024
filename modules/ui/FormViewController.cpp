#include "ui/FormViewController.h"

#include "core/Clock.h"
#include "forms/FormPath.h"
#include "forms/FormValidator.h"
#include "ui/FormEditor.h"
#include "ui/FormGroupRows.h"
#include "ui/FormProblemSummary.h"
#include "ui/FormViewBuilder.h"

#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>

namespace casedesk::ui {

using forms::FormPath;
using forms::FormValidator;

namespace {

// "trees[1].species" -> "trees[1]" -> "trees" -> "".
QString parentPath(const QString &path)
{
    const qsizetype cut = std::max(path.lastIndexOf(u'.'), path.lastIndexOf(u'['));
    return cut < 0 ? QString() : path.left(cut);
}

QString rowPath(const QString &groupPath, int row)
{
    return groupPath + u'[' + QString::number(row) + u']';
}

// Writes `value` at `path`. Where hostile data put something else than an object on the way (a string where
// a group belongs), that part is replaced by an empty group first: the clerk's edit wins over broken data.
bool assign(QJsonObject &data, const QString &path, const QJsonValue &value, int depth = 0)
{
    if (FormPath::setValue(data, path, value) || value.isUndefined())
        return true;
    const std::optional<QList<FormPath::Segment>> segments = FormPath::parse(path);
    if (!segments || segments->size() < 2 || depth > forms::FormDefinition::MaxNesting)
        return false;
    const QString parent = FormPath::toString(segments->first(segments->size() - 1));
    return assign(data, parent, QJsonObject(), depth + 1) && FormPath::setValue(data, path, value);
}

QString withMarker(const QString &text, bool required)
{
    return required ? text + QStringLiteral(" *") : text;
}

} // namespace

FormViewController::FormViewController(forms::FormDefinition definition, QScrollArea *area, FormProblemSummary *summary,
                                       QObject *parent)
    : QObject(parent), m_definition(std::move(definition)), m_area(area), m_summary(summary)
{
    connect(m_summary, &FormProblemSummary::problemActivated, this, &FormViewController::focusPath);
    rebuild();
}

void FormViewController::setData(const QJsonObject &data)
{
    // Normalised, so that showing the data is no change and changes() name only the clerk's edits.
    m_original = FormValidator::normalize(m_definition, data);
    m_current = m_original;
    rebuild();
}

QJsonObject FormViewController::data() const
{
    return FormValidator::normalize(m_definition, m_current);
}

QList<forms::FormChange> FormViewController::changes() const
{
    return forms::FormChange::diff(m_original, data());
}

void FormViewController::setDocuments(const QList<FormDocument> &documents)
{
    m_documents = documents;
    rebuild();
}

void FormViewController::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    applyReadOnly();
}

const FormBinding *FormViewController::binding(const QString &path) const
{
    const auto it = m_index.constFind(path);
    return it == m_index.cend() ? nullptr : &m_bindings.at(*it);
}

bool FormViewController::focusPath(const QString &path)
{
    QWidget *target = focusTarget(path);
    if (!target)
        return false;
    m_area->ensureWidgetVisible(target);
    target->setFocus(Qt::OtherFocusReason);
    return true;
}

void FormViewController::rebuild()
{
    const int scroll = m_area->verticalScrollBar()->value();
    // Connections of the old widgets end here, so a late signal of theirs cannot write to a stale path.
    delete m_connections;
    m_connections = new QObject(this);

    FormViewBuilder builder(m_documents);
    QWidget *content = builder.build(m_definition.root(), m_current);
    if (QWidget *old = m_area->takeWidget()) {
        old->hide();
        old->deleteLater(); // a button of it may be the sender that asked for this rebuild
    }
    m_area->setWidget(content);
    m_bindings = builder.bindings();
    m_index.clear();
    for (int i = 0; i < m_bindings.size(); ++i) {
        const FormBinding &binding = m_bindings.at(i);
        m_index.insert(binding.path, i);
        if (binding.editor)
            connect(binding.editor, &FormEditor::edited, m_connections, [this, i] { edited(i); });
        if (binding.rows) {
            const QString path = binding.path;
            connect(binding.rows, &FormGroupRows::addRequested, m_connections, [this, path] { addEntry(path); });
            connect(binding.rows, &FormGroupRows::removeRequested, m_connections,
                    [this, path](int row) { removeEntry(path, row); });
        }
    }
    QWidget *previous = m_summary->list();
    for (QWidget *next : builder.focusChain()) {
        QWidget::setTabOrder(previous, next);
        previous = next;
    }
    applyReadOnly();
    refresh();
    m_area->verticalScrollBar()->setValue(scroll);
}

void FormViewController::edited(int bindingIndex)
{
    const FormBinding &binding = m_bindings.at(bindingIndex);
    if (m_readOnly)
        return; // editors refuse input then; this guards against any that slips through
    assign(m_current, binding.path, binding.editor->value());
    refresh();
    emit dataEdited();
}

void FormViewController::addEntry(const QString &path)
{
    QJsonArray entries = FormPath::valueAt(m_current, path).toArray(); // anything else than a list: start anew
    const forms::FormField *group = m_definition.field(path);
    if (m_readOnly || !group || entries.size() >= group->maxCount)
        return;
    entries.append(QJsonObject());
    assign(m_current, path, entries);
    rebuild();
    focusPath(rowPath(path, int(entries.size()) - 1));
    emit dataEdited();
}

void FormViewController::removeEntry(const QString &path, int row)
{
    QJsonArray entries = FormPath::valueAt(m_current, path).toArray();
    const forms::FormField *group = m_definition.field(path);
    if (m_readOnly || !group || row < 0 || row >= entries.size() || entries.size() <= group->minCount)
        return;
    entries.removeAt(row);
    assign(m_current, path, entries);
    rebuild();
    // The focus stays where the clerk was: the next entry's Remove button, else Add.
    if (const FormBinding *rows = binding(path); rows && rows->rows) {
        QPushButton *next = rows->rows->removeButton(row);
        QWidget *target = next && next->isEnabled() ? next : rows->rows->addButton();
        m_area->ensureWidgetVisible(target);
        target->setFocus(Qt::OtherFocusReason);
    }
    emit dataEdited();
}

void FormViewController::refresh()
{
    const QDate today = Clock::current().today();
    m_problems = FormValidator::validate(m_definition, m_current, today);
    const FormValidator::State state = FormValidator::state(m_definition, m_current, today);

    QList<QStringList> messages(m_bindings.size());
    for (const forms::FormProblem &problem : std::as_const(m_problems)) {
        const int index = bindingShowing(problem.path);
        if (index >= 0)
            messages[index].append(problem.message);
    }
    for (int i = 0; i < m_bindings.size(); ++i) {
        FormBinding &binding = m_bindings[i];
        binding.container->setHidden(state.hidden.contains(binding.path));
        const bool required = state.required.contains(binding.path);
        if (required != binding.required) {
            binding.required = required;
            const QString title = withMarker(binding.field->label.text(), required);
            if (binding.label)
                binding.label->setText(title);
            else if (binding.box)
                binding.box->setTitle(title);
        }
        const QString text = messages.at(i).join(u'\n');
        if (binding.message->text() != text) {
            binding.message->setText(text);
            binding.message->setAccessibleName(text);
            binding.message->setVisible(!text.isEmpty());
        }
    }
    m_summary->setProblems(m_problems);
    emit problemsChanged();
}

void FormViewController::applyReadOnly()
{
    for (const FormBinding &binding : std::as_const(m_bindings)) {
        if (binding.editor)
            binding.editor->setReadOnly(m_readOnly);
        if (binding.rows)
            binding.rows->setReadOnly(m_readOnly);
    }
}

// The binding whose inline message shows a problem: the field itself, else the nearest enclosing group
// (unknown keys inside a group, a problem of a whole entry); -1 for problems of the whole form.
int FormViewController::bindingShowing(const QString &problemPath) const
{
    for (QString path = problemPath; !path.isEmpty(); path = parentPath(path)) {
        const auto it = m_index.constFind(path);
        if (it != m_index.cend())
            return *it;
    }
    return -1;
}

QWidget *FormViewController::focusTarget(const QString &path) const
{
    QWidget *content = m_area->widget();
    for (QString current = path; !current.isEmpty(); current = parentPath(current)) {
        // The first shown editor at or under the path, in form order.
        for (const FormBinding &binding : m_bindings) {
            const bool inside = binding.path == current || binding.path.startsWith(current + u'.') ||
                                binding.path.startsWith(current + u'[');
            if (inside && binding.editor && binding.container->isVisibleTo(content))
                return binding.editor->input();
        }
        if (const FormBinding *group = binding(current); group && group->rows && group->rows->isVisibleTo(content))
            return group->rows->addButton();
    }
    return nullptr;
}

} // namespace casedesk::ui
