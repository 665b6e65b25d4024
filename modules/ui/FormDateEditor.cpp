#include "ui/FormDateEditor.h"

#include "core/Clock.h"
#include "core/JsonFields.h"
#include "forms/FieldFormats.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QToolButton>

namespace casedesk::ui {

FormDateEditor::FormDateEditor(const forms::FormField &field)
    : FormEditor(field), m_widget(new QWidget), m_edit(new QLineEdit), m_button(new QToolButton),
      m_calendar(new QCalendarWidget(m_widget))
{
    m_edit->setPlaceholderText(QLocale().language() == QLocale::German ? tr("DD.MM.YYYY") : tr("YYYY-MM-DD"));
    m_edit->installEventFilter(this);
    // The calendar is reached from the input with Alt+Down or F4, so the button stays out of the tab order.
    m_button->setText(QStringLiteral("…"));
    m_button->setFocusPolicy(Qt::NoFocus);
    m_button->setToolTip(tr("Choose a date (Alt+Down)"));
    m_button->setAccessibleName(tr("Choose a date"));
    m_calendar->setWindowFlags(Qt::Popup);
    m_calendar->setGridVisible(true);
    auto *layout = new QHBoxLayout(m_widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_button);
    layout->addStretch(1);
    connect(m_edit, &QLineEdit::textChanged, this, &FormDateEditor::inputChanged);
    connect(m_edit, &QLineEdit::editingFinished, this, [this] {
        const QDate date = parseDate(m_edit->text());
        if (date.isValid())
            m_edit->setText(forms::FieldFormats::formatDate(date)); // same value, written the usual way
    });
    connect(m_button, &QToolButton::clicked, this, &FormDateEditor::showCalendar);
    connect(m_calendar, &QCalendarWidget::activated, this, &FormDateEditor::choose);
    connect(m_calendar, &QCalendarWidget::clicked, this, &FormDateEditor::choose);
}

QWidget *FormDateEditor::widget() const
{
    return m_widget;
}

QWidget *FormDateEditor::input() const
{
    return m_edit;
}

QJsonValue FormDateEditor::value() const
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty())
        return QJsonValue::Undefined;
    const QDate date = parseDate(text);
    return date.isValid() ? json::dateToString(date) : text; // not a date: validation says so
}

void FormDateEditor::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
    m_button->setEnabled(!readOnly);
}

QDate FormDateEditor::parseDate(const QString &text)
{
    const QString trimmed = text.trimmed();
    for (const QLatin1String format : {QLatin1String("d.M.yyyy"), QLatin1String("yyyy-MM-dd")}) {
        const QDate date = QDate::fromString(trimmed, format);
        if (date.isValid())
            return date;
    }
    return {};
}

void FormDateEditor::showCalendar()
{
    if (m_edit->isReadOnly())
        return;
    const QDate current = parseDate(m_edit->text());
    const QDate shown = current.isValid() ? current : Clock::current().today();
    m_calendar->setSelectedDate(shown);
    m_calendar->move(m_edit->mapToGlobal(QPoint(0, m_edit->height())));
    m_calendar->show();
    m_calendar->setFocus();
}

void FormDateEditor::show(const QJsonValue &value)
{
    const std::optional<QDate> date = json::dateFromString(value.toString());
    m_edit->setText(date && date->isValid() ? forms::FieldFormats::formatDate(*date) : plainText(value));
}

bool FormDateEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_F4 || (key->key() == Qt::Key_Down && key->modifiers() & Qt::AltModifier)) {
            showCalendar();
            return true;
        }
    }
    return FormEditor::eventFilter(watched, event);
}

void FormDateEditor::choose(const QDate &date)
{
    m_calendar->hide();
    m_edit->setText(forms::FieldFormats::formatDate(date));
    m_edit->setFocus();
}

} // namespace casedesk::ui
