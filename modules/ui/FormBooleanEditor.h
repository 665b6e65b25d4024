// The editor for yes/no fields: a check box. Read-only keeps it focusable but refuses to toggle (QCheckBox has
// no read-only mode of its own, and a disabled one cannot be reached by keyboard).
#pragma once

#include "ui/FormEditor.h"

class QCheckBox;

namespace casedesk::ui {

class FormBooleanEditor : public FormEditor {
    Q_OBJECT

public:
    explicit FormBooleanEditor(const forms::FormField &field);

    QWidget *widget() const override;
    QWidget *input() const override;
    QJsonValue value() const override;
    void setReadOnly(bool readOnly) override;

protected:
    void show(const QJsonValue &value) override;

private:
    QCheckBox *m_box;
};

} // namespace casedesk::ui
