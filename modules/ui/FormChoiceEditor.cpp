#include "ui/FormChoiceEditor.h"

#include <QComboBox>
#include <QCompleter>
#include <QKeyEvent>
#include <QLineEdit>

namespace casedesk::ui {

namespace {

// QComboBox has no read-only mode, and a disabled one cannot be reached by keyboard: this one stays
// focusable and readable but neither opens nor changes.
class ReadOnlyComboBox : public QComboBox {
public:
    bool readOnly = false;

    void showPopup() override
    {
        if (!readOnly)
            QComboBox::showPopup();
    }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        // Copying (Ctrl+C) and moving within the text stay possible.
        const bool harmless = event->matches(QKeySequence::Copy) || event->key() == Qt::Key_Left ||
                              event->key() == Qt::Key_Right || event->matches(QKeySequence::SelectAll);
        if (readOnly && !harmless) {
            event->ignore();
            return;
        }
        QComboBox::keyPressEvent(event);
    }
    void wheelEvent(QWheelEvent *event) override
    {
        if (readOnly)
            event->ignore();
        else
            QComboBox::wheelEvent(event);
    }
};

} // namespace

FormChoiceEditor::FormChoiceEditor(const forms::FormField &field, const QList<Entry> &entries, bool acceptsFreeText)
    : FormEditor(field), m_combo(new ReadOnlyComboBox)
{
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->addItem(QString()); // no choice
    for (const Entry &entry : entries)
        m_combo->addItem(entry.label, entry.code);
    m_combo->lineEdit()->setPlaceholderText(acceptsFreeText ? tr("Type a value or search") : tr("Type to search"));
    auto *completer = new QCompleter(m_combo->model(), m_combo);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_combo->setCompleter(completer);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(20);
    connect(m_combo, &QComboBox::currentTextChanged, this, &FormChoiceEditor::inputChanged);
}

QWidget *FormChoiceEditor::widget() const
{
    return m_combo;
}

QWidget *FormChoiceEditor::input() const
{
    return m_combo;
}

QJsonValue FormChoiceEditor::value() const
{
    const QString text = m_combo->currentText().trimmed();
    if (text.isEmpty())
        return QJsonValue::Undefined;
    // The shown label stands for its code; a typed code is taken as well.
    int index = m_combo->findText(text, Qt::MatchFixedString);
    if (index < 0)
        index = m_combo->findData(text);
    if (index > 0)
        return m_combo->itemData(index).toString();
    // Typed text that is no entry: free text for an external list, else kept so validation can say so.
    return text;
}

void FormChoiceEditor::setReadOnly(bool readOnly)
{
    static_cast<ReadOnlyComboBox *>(m_combo)->readOnly = readOnly;
    m_combo->lineEdit()->setReadOnly(readOnly);
}

void FormChoiceEditor::show(const QJsonValue &value)
{
    const QString code = plainText(value);
    int index = code.isEmpty() ? 0 : m_combo->findData(code);
    if (index < 0) {
        // A code the list does not know (old data, an external list): shown as itself, so nothing is lost.
        m_combo->addItem(code, code);
        index = m_combo->count() - 1;
    }
    m_combo->setCurrentIndex(index);
    m_combo->setEditText(m_combo->itemText(index));
}

} // namespace casedesk::ui
