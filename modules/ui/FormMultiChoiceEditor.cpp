#include "ui/FormMultiChoiceEditor.h"

#include "forms/FormField.h"

#include <QJsonArray>
#include <QListWidget>
#include <QSet>

namespace casedesk::ui {

namespace {

constexpr int MaxVisibleRows = 8;
constexpr int MaxUnknownCodes = 100; // hostile data cannot flood the list; validation reports them anyway

} // namespace

FormMultiChoiceEditor::FormMultiChoiceEditor(const forms::FormField &field) : FormEditor(field), m_list(new QListWidget)
{
    if (field.codeList) {
        for (const forms::CodeListEntry &entry : field.codeList->entries())
            addItem(entry.code, entry.label.text());
    }
    const int rows = std::clamp(m_list->count(), 2, MaxVisibleRows);
    m_list->setMaximumHeight(m_list->sizeHintForRow(0) * rows + 2 * m_list->frameWidth() + 4);
    connect(m_list, &QListWidget::itemChanged, this, &FormMultiChoiceEditor::inputChanged);
}

QWidget *FormMultiChoiceEditor::widget() const
{
    return m_list;
}

QWidget *FormMultiChoiceEditor::input() const
{
    return m_list;
}

QJsonValue FormMultiChoiceEditor::value() const
{
    QJsonArray codes;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() == Qt::Checked)
            codes.append(item->data(Qt::UserRole).toString());
    }
    return codes.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(codes);
}

void FormMultiChoiceEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setFlags(readOnly ? item->flags() & ~Qt::ItemIsUserCheckable : item->flags() | Qt::ItemIsUserCheckable);
    }
}

void FormMultiChoiceEditor::show(const QJsonValue &value)
{
    QSet<QString> chosen;
    for (const QJsonValue &code : value.toArray()) {
        if (code.isString())
            chosen.insert(code.toString());
    }
    QSet<QString> listed;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const QString code = item->data(Qt::UserRole).toString();
        listed.insert(code);
        item->setCheckState(chosen.contains(code) ? Qt::Checked : Qt::Unchecked);
    }
    // Codes the list does not know (old data, an external list) are shown as themselves, so nothing is lost.
    int unknown = 0;
    for (const QJsonValue &code : value.toArray()) {
        if (code.isString() && !listed.contains(code.toString()) && unknown++ < MaxUnknownCodes) {
            listed.insert(code.toString());
            addItem(code.toString(), code.toString());
            m_list->item(m_list->count() - 1)->setCheckState(Qt::Checked);
        }
    }
}

void FormMultiChoiceEditor::addItem(const QString &code, const QString &label)
{
    auto *item = new QListWidgetItem(label, m_list);
    item->setData(Qt::UserRole, code);
    item->setCheckState(Qt::Unchecked);
    if (m_readOnly)
        item->setFlags(item->flags() & ~Qt::ItemIsUserCheckable);
}

} // namespace casedesk::ui
