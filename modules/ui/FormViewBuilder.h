// Builds the widgets of a form for one state of its data: a label, an editor and an inline message per
// field, a titled section per group, a FormGroupRows per repeatable group with one row per entry. Records a
// binding per field and group, and the editors and buttons in form order for the tab order.
#pragma once

#include "ui/FormBinding.h"
#include "ui/FormDocument.h"

#include <QJsonObject>
#include <QList>

class QVBoxLayout;

namespace casedesk::ui {

class FormViewBuilder {
public:
    explicit FormViewBuilder(const QList<FormDocument> &documents) : m_documents(documents) {}

    // The widget with all fields of `root` (a definition's root group), showing `data`.
    QWidget *build(const forms::FormField &root, const QJsonObject &data);

    const QList<FormBinding> &bindings() const { return m_bindings; }
    const QList<QWidget *> &focusChain() const { return m_focusChain; }

private:
    void addFields(const forms::FormField &group, const QJsonObject &object, const QString &prefix,
                   QVBoxLayout *layout);
    void addField(const forms::FormField &field, const QJsonValue &value, const QString &path, QVBoxLayout *layout);
    void addGroup(const forms::FormField &group, const QJsonValue &value, const QString &path, QVBoxLayout *layout);
    void addRepeatable(const forms::FormField &group, const QJsonValue &value, const QString &path,
                       QVBoxLayout *layout);

    QList<FormDocument> m_documents;
    QList<FormBinding> m_bindings;
    QList<QWidget *> m_focusChain;
};

} // namespace casedesk::ui
