// The editor for integer and decimal fields: a line edit that accepts only digits (and for decimals one
// separator, "." or ","), with the field's unit next to it. Decimals are stored as exact text ("12.5"), never
// through a binary floating-point number; an empty input means no value.
#pragma once

#include "ui/FormEditor.h"

class QLineEdit;

namespace casedesk::ui {

class FormNumberEditor : public FormEditor {
    Q_OBJECT

public:
    explicit FormNumberEditor(const forms::FormField &field);

    QWidget *widget() const override;
    QWidget *input() const override;
    QJsonValue value() const override;
    void setReadOnly(bool readOnly) override;

protected:
    void show(const QJsonValue &value) override;

private:
    QWidget *m_widget;
    QLineEdit *m_edit;
};

} // namespace casedesk::ui
