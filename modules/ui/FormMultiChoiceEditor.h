// The editor for multiple choices: a list of check boxes, one per code. Stores the checked codes in list order.
#pragma once

#include "ui/FormEditor.h"

class QListWidget;

namespace casedesk::ui {

class FormMultiChoiceEditor : public FormEditor {
    Q_OBJECT

public:
    explicit FormMultiChoiceEditor(const forms::FormField &field);

    QWidget *widget() const override;
    QWidget *input() const override;
    QJsonValue value() const override;
    void setReadOnly(bool readOnly) override;

protected:
    void show(const QJsonValue &value) override;

private:
    void addItem(const QString &code, const QString &label);

    QListWidget *m_list;
    bool m_readOnly = false;
};

} // namespace casedesk::ui
