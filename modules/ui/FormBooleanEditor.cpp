#include "ui/FormBooleanEditor.h"

#include <QCheckBox>

namespace casedesk::ui {

namespace {

class ReadOnlyCheckBox : public QCheckBox {
public:
    bool readOnly = false;

protected:
    // Mouse and keyboard toggling both go through here.
    void nextCheckState() override
    {
        if (!readOnly)
            QCheckBox::nextCheckState();
    }
};

} // namespace

FormBooleanEditor::FormBooleanEditor(const forms::FormField &field) : FormEditor(field), m_box(new ReadOnlyCheckBox)
{
    m_box->setText(tr("Yes"));
    connect(m_box, &QCheckBox::toggled, this, &FormBooleanEditor::inputChanged);
}

QWidget *FormBooleanEditor::widget() const
{
    return m_box;
}

QWidget *FormBooleanEditor::input() const
{
    return m_box;
}

QJsonValue FormBooleanEditor::value() const
{
    return m_box->isChecked();
}

void FormBooleanEditor::setReadOnly(bool readOnly)
{
    static_cast<ReadOnlyCheckBox *>(m_box)->readOnly = readOnly;
}

void FormBooleanEditor::show(const QJsonValue &value)
{
    m_box->setChecked(value.toBool(false));
}

} // namespace casedesk::ui
