#include "ui/InboxFilterBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>

namespace casedesk::ui {

namespace {

// The first entry ("any") carries an empty value; the others carry their text. True when the selected
// value is gone and the combo fell back to "any".
bool fillCombo(QComboBox *combo, const QString &anyText, const QStringList &values)
{
    const QString current = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(anyText, QString());
    for (const QString &value : values)
        combo->addItem(value, value);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
    return combo->currentData().toString() != current;
}

} // namespace

InboxFilterBar::InboxFilterBar(QWidget *parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_status(new QComboBox(this)), m_caseType(new QComboBox(this))
{
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search name, file number, address, licence plate…"));
    m_search->setAccessibleName(tr("Search cases"));
    m_search->setToolTip(tr("Search all cases (Ctrl+F). Esc clears the search."));
    m_search->setMinimumWidth(320);
    // Esc clears only while the field has focus, so it does not steal Esc from dialogs.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_search, nullptr, nullptr, Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, this, &InboxFilterBar::clearSearch);
    connect(m_search, &QLineEdit::textChanged, this, &InboxFilterBar::searchTextChanged);

    // Combo boxes take their accessible name from a visible buddy label (PLATFORM.md, Qt 6.4).
    auto *statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    auto *caseTypeLabel = new QLabel(tr("Case &type:"), this);
    caseTypeLabel->setBuddy(m_caseType);
    for (QComboBox *combo : {m_status, m_caseType})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setChoices({}, {});
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { emit statusFilterChanged(m_status->currentData().toString()); });
    connect(m_caseType, &QComboBox::currentIndexChanged, this,
            [this] { emit caseTypeFilterChanged(m_caseType->currentData().toString()); });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 1);
    layout->addSpacing(12);
    layout->addWidget(statusLabel);
    layout->addWidget(m_status);
    layout->addSpacing(8);
    layout->addWidget(caseTypeLabel);
    layout->addWidget(m_caseType);
}

void InboxFilterBar::setChoices(const QStringList &statusTexts, const QStringList &caseTypes)
{
    if (fillCombo(m_status, tr("Any status"), statusTexts))
        emit statusFilterChanged(QString());
    if (fillCombo(m_caseType, tr("Any case type"), caseTypes))
        emit caseTypeFilterChanged(QString());
}

void InboxFilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void InboxFilterBar::clearSearch()
{
    m_search->clear();
}

} // namespace casedesk::ui
