// The running state of one case's process: a value type with a stable JSON form, stored in the case
// (Case::workflowState) and synced. Element references are indices into the model, so a state only makes
// sense together with its model; the JSON form names elements by id and fromJson checks it against the model.
#pragma once

#include "core/Result.h"
#include "workflow/ProcessModel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace casedesk::workflow {

// A token waits at a user task, a timer catch event, a sub-process (as the scope of the tokens inside it) or a
// joining gateway (waiting for the other branches).
struct Token {
    int id = 0;
    int element = -1;
    int scope = 0;   // id of the sub-process token this one runs in; 0: the process itself
    int via = -1;    // joining gateways: the flow it arrived by
    QDateTime since; // when it arrived (UTC)
    QDateTime due;   // user tasks: deadline from an interrupting boundary timer; null when none runs

    bool operator==(const Token &) const = default;
};

struct Timer {
    int id = 0;
    int event = -1;    // the timer event element (boundary or intermediate catch)
    int token = 0;     // the token it belongs to: the activity's (boundary) or the waiting one (catch)
    QDateTime due;     // UTC
    int remaining = 1; // firings left; -1: a cycle without end

    bool operator==(const Timer &) const = default;
};

struct WorkflowState {
    QJsonObject variables;
    QList<Token> tokens;
    QList<Timer> timers;
    QMap<int, QString> completedBy; // user task element -> who completed it last (four-eyes rule)
    int nextId = 1;
    bool ended = false;
    bool terminated = false; // ended by a terminate end event

    const Token *token(int id) const;

    QJsonObject toJson(const ProcessModel &model) const;
    // Checks the JSON against `model`: known ids, consistent tokens, scopes and timers; an Invalid error
    // naming the field otherwise.
    static Result<WorkflowState> fromJson(const ProcessModel &model, const QJsonObject &json);
    bool operator==(const WorkflowState &) const = default;
};

} // namespace casedesk::workflow
