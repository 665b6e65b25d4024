#include "ui/FormProblemSummary.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace casedesk::ui {

namespace {

constexpr int PathRole = Qt::UserRole;
constexpr int MaxVisibleRows = 5;

} // namespace

FormProblemSummary::FormProblemSummary(QWidget *parent)
    : QWidget(parent), m_heading(new QLabel), m_list(new QListWidget)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading->setBuddy(m_list);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_list->setAccessibleName(tr("Problems in this form"));
    m_list->setAccessibleDescription(tr("Choose a problem to go to its field."));
    m_list->setMaximumHeight(m_list->fontMetrics().lineSpacing() * MaxVisibleRows + 8);
    m_list->setWordWrap(true);
    layout->addWidget(m_heading);
    layout->addWidget(m_list);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit problemActivated(item->data(PathRole).toString()); });
    connect(m_list, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { emit problemActivated(item->data(PathRole).toString()); });
    setVisible(false);
}

void FormProblemSummary::setProblems(const QList<forms::FormProblem> &problems)
{
    m_heading->setText(tr("Problems to correct in this form: %1").arg(problems.size()));
    // Rewritten only when the problems changed, so typing does not reset the clerk's place in the list.
    QStringList current;
    for (int row = 0; row < m_list->count(); ++row)
        current.append(m_list->item(row)->data(PathRole).toString() + u'\n' + m_list->item(row)->text());
    QStringList wanted;
    for (const forms::FormProblem &problem : problems)
        wanted.append(problem.path + u'\n' + problem.message);
    if (current != wanted) {
        m_list->clear();
        for (const forms::FormProblem &problem : problems) {
            auto *item = new QListWidgetItem(problem.message, m_list);
            item->setData(PathRole, problem.path);
            item->setToolTip(problem.message);
        }
    }
    setVisible(!problems.isEmpty());
}

} // namespace casedesk::ui
