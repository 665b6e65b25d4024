// The editor for multi-line text fields; Tab leaves it (line breaks only with Enter) so the form stays
// keyboard-navigable.
#pragma once

#include "ui/FormEditor.h"

class QPlainTextEdit;

namespace casedesk::ui {

class FormMultilineEditor : public FormEditor {
    Q_OBJECT

public:
    explicit FormMultilineEditor(const forms::FormField &field);

    QWidget *widget() const override;
    QWidget *input() const override;
    QJsonValue value() const override;
    void setReadOnly(bool readOnly) override;

protected:
    void show(const QJsonValue &value) override;

private:
    QPlainTextEdit *m_edit;
};

} // namespace casedesk::ui
