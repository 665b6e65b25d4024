// The list of all problems at the top of the form view. Activating an entry (click, Enter) asks to move the
// focus to the field concerned; hidden while the form has no problems.
#pragma once

#include "forms/FormProblem.h"

#include <QList>
#include <QWidget>

class QLabel;
class QListWidget;

namespace casedesk::ui {

class FormProblemSummary : public QWidget {
    Q_OBJECT

public:
    explicit FormProblemSummary(QWidget *parent = nullptr);

    void setProblems(const QList<forms::FormProblem> &problems);
    QListWidget *list() const { return m_list; }

signals:
    void problemActivated(const QString &path);

private:
    QLabel *m_heading;
    QListWidget *m_list;
};

} // namespace casedesk::ui
