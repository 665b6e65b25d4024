// The single-line editor for text, e-mail, phone, postcode, IBAN and Kfz-Kennzeichen fields. An IBAN is shown
// in groups of four while it is typed and stored without spaces.
#pragma once

#include "ui/FormEditor.h"

class QLineEdit;

namespace casedesk::ui {

class FormTextEditor : public FormEditor {
    Q_OBJECT

public:
    explicit FormTextEditor(const forms::FormField &field);

    QWidget *widget() const override;
    QWidget *input() const override;
    QJsonValue value() const override;
    void setReadOnly(bool readOnly) override;

protected:
    void show(const QJsonValue &value) override;

private:
    void regroupIban();

    QLineEdit *m_edit;
};

} // namespace casedesk::ui
