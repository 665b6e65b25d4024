// The editor for date fields: a line edit that takes "02.03.2026", "2.3.2026" or "2026-03-02" and may be
// left empty (QDateEdit cannot be empty, and typing into it goes section by section), with a calendar popup
// from the button or Alt+Down / F4. Stores ISO dates.
#pragma once

#include "ui/FormEditor.h"

#include <QDate>

class QCalendarWidget;
class QLineEdit;
class QToolButton;

namespace casedesk::ui {

class FormDateEditor : public FormEditor {
    Q_OBJECT

public:
    explicit FormDateEditor(const forms::FormField &field);

    QWidget *widget() const override;
    QWidget *input() const override;
    QJsonValue value() const override;
    void setReadOnly(bool readOnly) override;

    // The date `text` stands for (German or ISO form), or a null date.
    static QDate parseDate(const QString &text);
    // Opens the calendar at the entered date or, without one, at today (Clock::current()).
    void showCalendar();
    QCalendarWidget *calendar() const { return m_calendar; }

protected:
    void show(const QJsonValue &value) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose(const QDate &date);

    QWidget *m_widget;
    QLineEdit *m_edit;
    QToolButton *m_button;
    QCalendarWidget *m_calendar;
};

} // namespace casedesk::ui
