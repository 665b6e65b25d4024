#include "ui/CaseWorkBar.h"

#include "core/Clock.h"
#include "storage/CacheDatabase.h"
#include "storage/CommandCheck.h"
#include "storage/Outbox.h"
#include "ui/FormView.h"
#include "ui/TaskOutcomeLabel.h"
#include "ui/UiLog.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace casedesk::ui {

namespace {

// setFields changes whole top-level values ("trees", not "trees[1].species"): the part of a change's path
// before its first member or index.
QString topLevelField(const QString &path)
{
    qsizetype end = path.size();
    for (const QChar separator : {u'.', u'['}) {
        const qsizetype at = path.indexOf(separator);
        if (at >= 0)
            end = std::min(end, at);
    }
    return path.left(end);
}

// A field the data lacks is null on the wire: "old": null matches a field never filled, "new": null removes it.
QJsonValue fieldValue(const QJsonObject &data, const QString &field)
{
    return data.contains(field) ? data.value(field) : QJsonValue(QJsonValue::Null);
}

CaseWorkBar::UnsavedChoice askWhatBecomesOfEdits(QWidget *parent, const Case &c)
{
    QMessageBox box(QMessageBox::Question, CaseWorkBar::tr("Unsaved changes"),
                    CaseWorkBar::tr("The changes to the form of %1 are not saved yet.").arg(c.displayAktenzeichen()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return CaseWorkBar::UnsavedChoice::Save;
    case QMessageBox::Discard:
        return CaseWorkBar::UnsavedChoice::Discard;
    default:
        return CaseWorkBar::UnsavedChoice::Stay;
    }
}

// A completed task moves the process on, and once sent it cannot be taken back: a click on an outcome is
// confirmed, with the outcome's own words on the button that does it.
bool confirmCompletion(QWidget *parent, const QString &taskName, const QString &outcomeLabel)
{
    QMessageBox box(QMessageBox::Question, CaseWorkBar::tr("Complete task"),
                    CaseWorkBar::tr("Complete the task “%1” with “%2”?").arg(taskName, outcomeLabel),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(CaseWorkBar::tr("The process moves on to its next step. Once the change has been sent "
                                           "to the server, it cannot be taken back."));
    QPushButton *confirm = box.addButton(outcomeLabel, QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(confirm);
    box.exec();
    return box.clickedButton() == confirm;
}

} // namespace

CaseWorkBar::CaseWorkBar(storage::CacheDatabase &db, const QUuid &actor, QWidget *parent)
    : QWidget(parent), m_db(db), m_actor(actor),
      m_prompt([this](const Case &c) { return askWhatBecomesOfEdits(window(), c); }),
      m_confirmCompletion([this](const QString &taskName, const QString &outcomeLabel) {
          return confirmCompletion(window(), taskName, outcomeLabel);
      }),
      m_save(new QPushButton(tr("Save changes"), this)), m_discard(new QPushButton(tr("Discard changes"), this)),
      m_followUpRow(new QWidget(this)), m_followUp(new QDateEdit(m_followUpRow)),
      m_setFollowUp(new QPushButton(tr("Set follow-up"), m_followUpRow)),
      m_clearFollowUp(new QPushButton(tr("Clear"), m_followUpRow)),
      m_error(new MessageLabel(QStringLiteral("caseWorkError"), this))
{
    m_save->setToolTip(tr("Saves your changes to the form (Ctrl+S)"));
    m_save->setShortcut(QKeySequence::Save);
    m_discard->setToolTip(tr("Shows the form as it was before your changes"));

    auto *followUpLabel = new QLabel(tr("Follow-up (Wiedervorlage):"), m_followUpRow);
    followUpLabel->setBuddy(m_followUp);
    m_followUp->setCalendarPopup(true);
    m_followUp->setAccessibleName(tr("Follow-up date"));
    m_setFollowUp->setToolTip(tr("The case comes up again on this day"));
    m_clearFollowUp->setToolTip(tr("Removes the follow-up date"));
    auto *followUp = new QHBoxLayout(m_followUpRow);
    followUp->setContentsMargins(0, 0, 0, 0);
    followUp->addWidget(followUpLabel);
    followUp->addWidget(m_followUp);
    followUp->addWidget(m_setFollowUp);
    followUp->addWidget(m_clearFollowUp);
    followUp->addStretch(1);

    auto *formButtons = new QHBoxLayout;
    formButtons->setContentsMargins(0, 0, 0, 0);
    formButtons->addStretch(1);
    formButtons->addWidget(m_discard);
    formButtons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(formButtons);
    layout->addWidget(m_followUpRow);
    layout->addWidget(m_error);

    connect(m_save, &QPushButton::clicked, this, &CaseWorkBar::save);
    connect(m_discard, &QPushButton::clicked, this, &CaseWorkBar::discard);
    connect(m_setFollowUp, &QPushButton::clicked, this, &CaseWorkBar::setFollowUp);
    connect(m_clearFollowUp, &QPushButton::clicked, this, &CaseWorkBar::clearFollowUp);
    connect(m_followUp, &QDateEdit::dateChanged, this, &CaseWorkBar::updateButtons);
    clear();
}

void CaseWorkBar::setUnsavedPrompt(UnsavedPrompt prompt)
{
    m_prompt = std::move(prompt);
}

void CaseWorkBar::setCompletionPrompt(CompletionPrompt prompt)
{
    m_confirmCompletion = std::move(prompt);
}

void CaseWorkBar::clear()
{
    m_case = {};
    m_form = nullptr;
    m_editBase = {};
    m_save->hide();
    m_discard->hide();
    showFollowUp(false);
    showTasks({});
    m_error->showMessage({});
    updateButtons();
}

void CaseWorkBar::showCase(const Case &c, FormView *form)
{
    const bool sameForm = form && form == m_form && c.id == m_case.id;
    if (c.id != m_case.id)
        m_error->showMessage({});
    m_case = c;
    if (!sameForm) {
        m_form = form;
        m_editBase = c.formData;
        if (form)
            connect(form, &FormView::dataEdited, this, &CaseWorkBar::updateButtons, Qt::UniqueConnection);
    }
    const Result<storage::CommandCheck::Offer> offer = storage::CommandCheck(m_db.sqlite()).offer(c, m_actor);
    if (!offer) {
        qCWarning(lcUi).noquote() << "reading what the user may do failed:" << offer.error().toString();
        m_error->showMessage(offer.error().message);
    }
    // Edits already made stay editable: a sync that narrowed the rights leaves the save to the rules.
    const bool editable = offer && (offer->formEditable || hasUnsavedChanges());
    if (m_form)
        m_form->setReadOnly(!editable);
    m_save->setVisible(m_form && editable);
    m_discard->setVisible(m_form && editable);
    showFollowUp(offer && offer->followUpSettable);
    showTasks(offer ? offer->tasks : QList<workflow::AvailableAction>());
    updateButtons();
}

void CaseWorkBar::showFollowUp(bool settable)
{
    m_followUpRow->setVisible(settable);
    // Without a date yet, a week ahead is the usual choice.
    m_followUp->setDate(m_case.followUpDate.isValid() ? m_case.followUpDate : Clock::current().today().addDays(7));
}

bool CaseWorkBar::setFollowUp()
{
    return submitFollowUp(m_followUp->date());
}

bool CaseWorkBar::clearFollowUp()
{
    return submitFollowUp({});
}

bool CaseWorkBar::submitFollowUp(const QDate &date)
{
    // An empty date clears it.
    if (!submit(CommandName::SetFollowUp, {{QStringLiteral("date"), date.toString(Qt::ISODate)}}))
        return false;
    m_case.followUpDate = date;
    updateButtons();
    emit outboxChanged(m_case.id);
    return true;
}

bool CaseWorkBar::hasUnsavedChanges() const
{
    return m_form && !m_form->isReadOnly() && !m_form->changes().isEmpty();
}

bool CaseWorkBar::mayLeaveFor(const QUuid &nextCaseId)
{
    if (!hasUnsavedChanges() || nextCaseId == m_case.id)
        return true;
    switch (m_prompt(m_case)) {
    case UnsavedChoice::Save:
        return save();
    case UnsavedChoice::Discard:
        discard();
        return true;
    case UnsavedChoice::Stay:
        break;
    }
    return false;
}

bool CaseWorkBar::save()
{
    if (!submitEdits())
        return false;
    emit outboxChanged(m_case.id);
    return true;
}

void CaseWorkBar::discard()
{
    if (!m_form)
        return;
    m_form->setData(m_editBase);
    m_error->showMessage({});
    updateButtons();
}

bool CaseWorkBar::completeTask(const QString &taskId, const QString &outcome)
{
    if (hasUnsavedChanges() && !submitEdits())
        return false;
    QJsonObject args{{QStringLiteral("taskId"), taskId}};
    if (!outcome.isEmpty())
        args.insert(QStringLiteral("outcome"), outcome);
    if (!submit(CommandName::CompleteTask, args))
        return false;
    emit outboxChanged(m_case.id);
    return true;
}

bool CaseWorkBar::submitEdits()
{
    if (!hasUnsavedChanges())
        return true;
    const QJsonObject data = m_form->data();
    QJsonObject fields;
    for (const forms::FormChange &change : m_form->changes()) {
        const QString field = topLevelField(change.path);
        fields.insert(field, QJsonObject{{QStringLiteral("old"), fieldValue(m_editBase, field)},
                                         {QStringLiteral("new"), fieldValue(data, field)}});
    }
    if (!submit(CommandName::SetFields, {{QStringLiteral("fields"), fields}}))
        return false;
    // Saved: what the form shows now is what later edits are compared against.
    m_editBase = data;
    m_form->setData(data);
    updateButtons();
    return true;
}

bool CaseWorkBar::submit(CommandName name, const QJsonObject &args)
{
    const Result<Command> queued = storage::Outbox(m_db).submit(name, m_case.id, args, m_actor);
    if (!queued) {
        qCInfo(lcUi).noquote() << commandNameToString(name) << "refused:" << queued.error().toString();
        m_error->showMessage(queued.error().message);
        return false;
    }
    m_error->showMessage({});
    return true;
}

void CaseWorkBar::showTasks(const QList<workflow::AvailableAction> &tasks)
{
    // The rows go later: this may run within a click on one of their buttons (a completed task shows the next).
    if (m_taskRows)
        m_taskRows->deleteLater();
    m_taskRows = nullptr;
    m_taskButtons.clear();
    if (tasks.isEmpty())
        return;
    m_taskRows = new QWidget(this);
    auto *rows = new QVBoxLayout(m_taskRows);
    rows->setContentsMargins(0, 0, 0, 0);
    for (const workflow::AvailableAction &task : tasks) {
        auto *row = new QHBoxLayout;
        row->addWidget(new QLabel(tr("Task: %1").arg(task.taskName), m_taskRows), 1);
        const QStringList outcomes = task.outcomes.isEmpty() ? QStringList{QString()} : task.outcomes;
        for (const QString &outcome : outcomes) {
            auto *button = new QPushButton(outcome.isEmpty() ? tr("Done") : taskOutcomeLabel(outcome), m_taskRows);
            button->setToolTip(tr("Completes the task “%1”").arg(task.taskName));
            button->setProperty("taskId", task.taskId);
            button->setProperty("outcome", outcome);
            connect(button, &QPushButton::clicked, this,
                    [this, taskId = task.taskId, taskName = task.taskName, outcome, label = button->text()] {
                        if (m_confirmCompletion(taskName, label))
                            completeTask(taskId, outcome);
                    });
            row->addWidget(button);
            m_taskButtons.append(button);
        }
        rows->addLayout(row);
    }
    static_cast<QVBoxLayout *>(layout())->insertWidget(1, m_taskRows);
}

void CaseWorkBar::updateButtons()
{
    const bool changed = hasUnsavedChanges();
    m_save->setEnabled(changed);
    m_discard->setEnabled(changed);
    m_setFollowUp->setEnabled(m_followUp->date() != m_case.followUpDate);
    m_clearFollowUp->setEnabled(m_case.followUpDate.isValid());
}

} // namespace casedesk::ui
