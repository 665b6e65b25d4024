#include "ui/FormEditorFactory.h"

#include "forms/CodeList.h"
#include "forms/FormField.h"
#include "ui/FormBooleanEditor.h"
#include "ui/FormChoiceEditor.h"
#include "ui/FormDateEditor.h"
#include "ui/FormMoneyEditor.h"
#include "ui/FormMultiChoiceEditor.h"
#include "ui/FormMultilineEditor.h"
#include "ui/FormNumberEditor.h"
#include "ui/FormTextEditor.h"

#include <QWidget>

namespace casedesk::ui {

using forms::FieldType;

namespace {

FormEditor *makeEditor(const forms::FormField &field, const QList<FormDocument> &documents)
{
    switch (field.type) {
    case FieldType::Multiline:
        return new FormMultilineEditor(field);
    case FieldType::Integer:
    case FieldType::Decimal:
        return new FormNumberEditor(field);
    case FieldType::Money:
        return new FormMoneyEditor(field);
    case FieldType::Date:
        return new FormDateEditor(field);
    case FieldType::Boolean:
        return new FormBooleanEditor(field);
    case FieldType::MultiChoice:
        return new FormMultiChoiceEditor(field);
    case FieldType::Choice:
    case FieldType::District: {
        const forms::CodeList &list =
            field.codeList ? *field.codeList : forms::CodeList::stuttgartDistricts(); // District's own list
        QList<FormChoiceEditor::Entry> entries;
        for (const forms::CodeListEntry &entry : list.entries())
            entries.append({entry.code, entry.label.text()});
        return new FormChoiceEditor(field, entries, list.isExternal());
    }
    case FieldType::DocumentRef: {
        QList<FormChoiceEditor::Entry> entries;
        for (const FormDocument &document : documents)
            entries.append({document.id, document.name});
        return new FormChoiceEditor(field, entries, false);
    }
    case FieldType::Text:
    case FieldType::Email:
    case FieldType::Phone:
    case FieldType::Postcode:
    case FieldType::Iban:
    case FieldType::KfzKennzeichen:
    case FieldType::Group: // never asked for; a text editor keeps the switch total
        break;
    }
    return new FormTextEditor(field);
}

} // namespace

FormEditor *FormEditorFactory::create(const forms::FormField &field, const QList<FormDocument> &documents)
{
    FormEditor *editor = makeEditor(field, documents);
    editor->setParent(editor->widget());
    QWidget *input = editor->input();
    const QString help = field.help.text();
    input->setAccessibleName(field.label.text());
    input->setAccessibleDescription(help);
    input->setToolTip(help);
    return editor;
}

} // namespace casedesk::ui
