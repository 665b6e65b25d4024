// The work on the case shown beside the inbox that goes through its form and its process, below the form:
// saving the clerk's edits of the form (setFields, each changed field with the value it had when the form
// was loaded, so the server finds an edit made by someone else meanwhile), discarding them, and completing a
// task the user may complete now with one of its outcomes (completeTask, after the user confirmed it). Unsaved
// edits are saved first when a task is completed: the process's conditions read the form. Also the case's follow-up
// date (Wiedervorlage: the day the case comes up again in "Due this week"), set or cleared with setFollowUp. What is
// offered comes from CommandCheck::offer; Outbox::submit checks every action again, and a refusal is shown with its
// reason, queues nothing and keeps the edits in the form. Edits are never dropped unasked: leaving the case (another
// case, closing the window) with unsaved edits asks whether to save them.
#pragma once

#include "core/Case.h"
#include "core/Command.h"
#include "ui/MessageLabel.h"
#include "workflow/WorkflowEngine.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <functional>

class QDateEdit;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace casedesk::storage {
class CacheDatabase;
}

namespace casedesk::ui {

class FormView;

class CaseWorkBar : public QWidget {
    Q_OBJECT

public:
    // `actor` is the signed-in user: the commands are made in their name.
    CaseWorkBar(storage::CacheDatabase &db, const QUuid &actor, QWidget *parent = nullptr);

    enum class UnsavedChoice { Save, Discard, Stay };
    // Asks the user what becomes of unsaved edits of `c` (a message box unless replaced, as tests do).
    using UnsavedPrompt = std::function<UnsavedChoice(const Case &c)>;
    void setUnsavedPrompt(UnsavedPrompt prompt);
    // Asks whether a task button's click completes the task (a message box unless replaced, as tests do);
    // completeTask() itself asks nothing.
    using CompletionPrompt = std::function<bool(const QString &taskName, const QString &outcomeLabel)>;
    void setCompletionPrompt(CompletionPrompt prompt);

    // `c` as the user sees it, with the form the detail pane shows for it (nullptr: none). The same form again
    // (a sync while the clerk edits) keeps the edits and what they are compared against.
    void showCase(const Case &c, FormView *form);
    void clear();

    bool hasUnsavedChanges() const;
    // Whether the pane may show `nextCaseId` instead (a null id: the window closes). Another case with unsaved
    // edits here asks the user: saved (if the rules accept them) or discarded it may; "stay" or a refused save
    // it may not, and the edits stay.
    bool mayLeaveFor(const QUuid &nextCaseId);

    QPushButton *saveButton() const { return m_save; }
    QPushButton *discardButton() const { return m_discard; }
    QDateEdit *followUpEdit() const { return m_followUp; }
    QPushButton *setFollowUpButton() const { return m_setFollowUp; }
    QPushButton *clearFollowUpButton() const { return m_clearFollowUp; }
    // One button per outcome of each task the user may complete now (one "Done" for a task without outcomes).
    const QList<QPushButton *> &taskButtons() const { return m_taskButtons; }
    QLabel *errorLabel() const { return m_error; }

public slots:
    bool save();
    void discard();
    // Saves unsaved edits first; false when either is refused (the reason is shown).
    bool completeTask(const QString &taskId, const QString &outcome);
    // The follow-up date as chosen in followUpEdit(), or none.
    bool setFollowUp();
    bool clearFollowUp();

signals:
    // A command was queued: the case's visible state changed and a command waits to be sent.
    void outboxChanged(const QUuid &caseId);

private:
    bool submitEdits();
    bool submit(CommandName name, const QJsonObject &args);
    void showTasks(const QList<workflow::AvailableAction> &tasks);
    void updateButtons();
    void showFollowUp(bool settable);
    bool submitFollowUp(const QDate &date);

    storage::CacheDatabase &m_db;
    QUuid m_actor;
    UnsavedPrompt m_prompt;
    CompletionPrompt m_confirmCompletion;
    Case m_case;
    QPointer<FormView> m_form;
    QJsonObject m_editBase; // the form data the shown form was loaded with: each edit's "old" value
    QPushButton *m_save;
    QPushButton *m_discard;
    QWidget *m_followUpRow;
    QDateEdit *m_followUp;
    QPushButton *m_setFollowUp;
    QPushButton *m_clearFollowUp;
    QList<QPushButton *> m_taskButtons;
    QWidget *m_taskRows = nullptr; // replaced on every showCase (deleted later: a click may run in it)
    MessageLabel *m_error;
};

} // namespace casedesk::ui
