// The editor for single choices (a code list, Stuttgart's districts, a document of the case): a combo box the
// clerk can type into to search (entries containing the typed text, any case). Stores the entry's code; a
// list kept elsewhere (external code list) also takes free text.
#pragma once

#include "ui/FormEditor.h"

#include <QList>

class QComboBox;

namespace casedesk::ui {

class FormChoiceEditor : public FormEditor {
    Q_OBJECT

public:
    struct Entry {
        QString code;  // stored value
        QString label; // shown text
    };

    FormChoiceEditor(const forms::FormField &field, const QList<Entry> &entries, bool acceptsFreeText);

    QWidget *widget() const override;
    QWidget *input() const override;
    QJsonValue value() const override;
    void setReadOnly(bool readOnly) override;

protected:
    void show(const QJsonValue &value) override;

private:
    QComboBox *m_combo;
};

} // namespace casedesk::ui
