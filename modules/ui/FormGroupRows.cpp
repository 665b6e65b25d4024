#include "ui/FormGroupRows.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace casedesk::ui {

FormGroupRows::FormGroupRows(const QString &title, int minCount, int maxCount, QWidget *parent)
    : QGroupBox(title, parent), m_title(title), m_minCount(minCount), m_maxCount(maxCount),
      m_layout(new QVBoxLayout(this)), m_rows(new QVBoxLayout), m_add(new QPushButton(tr("Add entry")))
{
    m_add->setAccessibleName(tr("Add an entry to “%1”").arg(title));
    m_layout->addLayout(m_rows);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    m_layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, &FormGroupRows::addRequested);
    updateButtons();
}

void FormGroupRows::setMessageLabel(QLabel *message)
{
    m_layout->insertWidget(0, message);
}

void FormGroupRows::addRow(QWidget *fields)
{
    const int row = rowCount();
    auto *frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    auto *heading = new QLabel(tr("Entry %1").arg(row + 1));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    layout->addWidget(fields);
    auto *remove = new QPushButton(tr("Remove entry %1").arg(row + 1));
    remove->setAccessibleName(tr("Remove entry %1 of “%2”").arg(row + 1).arg(m_title));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(remove);
    layout->addLayout(buttons);
    m_rows->addWidget(frame);
    m_removeButtons.append(remove);
    connect(remove, &QPushButton::clicked, this, [this, row] { emit removeRequested(row); });
    updateButtons();
}

void FormGroupRows::setEntryCount(int count)
{
    m_entryCount = count;
    updateButtons();
}

void FormGroupRows::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateButtons();
}

void FormGroupRows::updateButtons()
{
    m_add->setEnabled(!m_readOnly && m_entryCount < m_maxCount);
    for (QPushButton *remove : std::as_const(m_removeButtons))
        remove->setEnabled(!m_readOnly && m_entryCount > m_minCount);
}

} // namespace casedesk::ui
