// Runs a demo case through its bundled process model with the real engine, as the office would have worked
// it from the day it arrived until today: tasks completed by the case's clerk, the team lead (co-signing)
// or a consulted department, outcomes mostly on the main path, timers (reminders, overdue requests) fired
// when their time passed. The result is a genuine engine state, so the client and server can continue it.
#pragma once

#include "demo/DemoRandom.h"
#include "workflow/WorkflowEngine.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace casedesk::demo {

struct DemoProcessRun {
    QJsonObject state;  // WorkflowState::toJson: what Case::workflowState holds
    QString statusText; // what the case waits for (statusText()), "Abgeschlossen" or "Zurückgezogen" when ended
    int stage = 0;      // 0 intake, 1 review, 2 documents requested, 3 decision and co-signing, 4 dispatch, 5 ended
    bool ended = false;
    qint64 lastChangeMs = 0; // the last completed task or fired timer; the start when nothing happened yet
    QDateTime due;           // the earliest deadline of a waiting task (a request for documents), or null
    QString error;           // non-empty when the engine refused the walk (a broken model): the state is then empty
};

class DemoProcessWalker {
public:
    // `performers` in order of preference (the assigned clerk first). Tasks are completed between `startMs`
    // and `endMs`; `paceHours` is the usual time between two steps of this case.
    static DemoProcessRun walk(const workflow::ProcessModel &model, const QJsonObject &formData,
                               const QList<workflow::Actor> &performers, qint64 startMs, qint64 endMs, int paceHours,
                               DemoRandom &rng);

    // The status shown in the inbox for a state: the names of its waiting user tasks and timer waits.
    static QString statusText(const workflow::ProcessModel &model, const workflow::WorkflowState &state);
    // How far the case is (DemoProcessRun::stage), for Vermerke that fit it.
    static int stage(const workflow::ProcessModel &model, const workflow::WorkflowState &state);
};

} // namespace casedesk::demo
