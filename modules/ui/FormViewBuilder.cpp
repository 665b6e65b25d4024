#include "ui/FormViewBuilder.h"

#include "forms/FormField.h"
#include "ui/FormEditor.h"
#include "ui/FormEditorFactory.h"
#include "ui/FormGroupRows.h"

#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace casedesk::ui {

namespace {

// Inline problems under a field; empty and hidden while there are none.
QLabel *newMessageLabel()
{
    auto *message = new QLabel;
    message->setWordWrap(true);
    message->setTextFormat(Qt::PlainText);
    QPalette palette = message->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20)); // dark red, readable on light themes
    message->setPalette(palette);
    message->setVisible(false);
    return message;
}

QString childPath(const QString &prefix, const QString &id)
{
    return prefix.isEmpty() ? id : prefix + u'.' + id;
}

} // namespace

QWidget *FormViewBuilder::build(const forms::FormField &root, const QJsonObject &data)
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    addFields(root, data, QString(), layout);
    layout->addStretch(1);
    return content;
}

void FormViewBuilder::addFields(const forms::FormField &group, const QJsonObject &object, const QString &prefix,
                                QVBoxLayout *layout)
{
    for (const forms::FormField &field : group.fields) {
        const QString path = childPath(prefix, field.id);
        const QJsonValue value = object.value(field.id);
        if (field.isGroup() && field.repeatable)
            addRepeatable(field, value, path, layout);
        else if (field.isGroup())
            addGroup(field, value, path, layout);
        else
            addField(field, value, path, layout);
    }
}

void FormViewBuilder::addField(const forms::FormField &field, const QJsonValue &value, const QString &path,
                               QVBoxLayout *layout)
{
    FormBinding binding;
    binding.path = path;
    binding.field = &field;
    binding.container = new QWidget;
    auto *box = new QVBoxLayout(binding.container);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    binding.editor = FormEditorFactory::create(field, m_documents);
    binding.editor->setValue(value);
    binding.label = new QLabel(field.label.text());
    binding.label->setWordWrap(true);
    binding.label->setBuddy(binding.editor->input());
    binding.label->setToolTip(field.help.text());
    binding.message = newMessageLabel();
    box->addWidget(binding.label);
    box->addWidget(binding.editor->widget());
    box->addWidget(binding.message);
    layout->addWidget(binding.container);
    m_focusChain.append(binding.editor->input());
    m_bindings.append(binding);
}

void FormViewBuilder::addGroup(const forms::FormField &group, const QJsonValue &value, const QString &path,
                               QVBoxLayout *layout)
{
    FormBinding binding;
    binding.path = path;
    binding.field = &group;
    binding.box = new QGroupBox(group.label.text());
    binding.box->setToolTip(group.help.text());
    binding.container = binding.box;
    binding.message = newMessageLabel();
    auto *inner = new QVBoxLayout(binding.box);
    inner->addWidget(binding.message);
    layout->addWidget(binding.box);
    m_bindings.append(binding);
    addFields(group, value.toObject(), path, inner);
}

void FormViewBuilder::addRepeatable(const forms::FormField &group, const QJsonValue &value, const QString &path,
                                    QVBoxLayout *layout)
{
    FormBinding binding;
    binding.path = path;
    binding.field = &group;
    const QJsonArray entries = value.toArray();
    binding.rows = new FormGroupRows(group.label.text(), group.minCount, group.maxCount);
    binding.rows->setToolTip(group.help.text());
    binding.rows->setEntryCount(int(entries.size()));
    binding.box = binding.rows;
    binding.container = binding.rows;
    binding.message = newMessageLabel();
    binding.rows->setMessageLabel(binding.message);
    layout->addWidget(binding.rows);
    m_bindings.append(binding);
    // Entries beyond the maximum are not shown (validation reports them); removing rows brings them up.
    const qsizetype shown = std::min<qsizetype>(entries.size(), group.maxCount);
    for (qsizetype row = 0; row < shown; ++row) {
        auto *fields = new QWidget;
        auto *inner = new QVBoxLayout(fields);
        inner->setContentsMargins(0, 0, 0, 0);
        addFields(group, entries.at(row).toObject(), path + u'[' + QString::number(row) + u']', inner);
        binding.rows->addRow(fields);
        m_focusChain.append(binding.rows->removeButton(int(row)));
    }
    m_focusChain.append(binding.rows->addButton());
}

} // namespace casedesk::ui
