// The answer of the case rules (CommandRules) to one command: applied, a conflict with what the case holds
// now, or a permanent rejection. The server turns it into the command's result; the client into an error
// the user reads at once.
#pragma once

#include "core/Result.h"
#include "forms/FormProblem.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace casedesk::casework {

struct RuleOutcome {
    enum class Kind { Applied, Conflict, Rejected };

    Kind kind = Kind::Applied;
    QString code;             // the reason code of a conflict or rejection ("field_conflict", "invalid_form", ...)
    QString message;          // translated, says what to do
    QJsonObject serverValues; // a conflict's values on the case: {name: {"server": value}}
    QList<forms::FormProblem> problems; // for invalid_form

    bool applied() const { return kind == Kind::Applied; }

    static RuleOutcome apply();
    static RuleOutcome conflict(QString code, QString message, QJsonObject serverValues);
    static RuleOutcome reject(QString code, QString message);
    // "invalid_form", naming the first few problems.
    static RuleOutcome invalidForm(const QList<forms::FormProblem> &problems);

    // For the client, which refuses the user's action: a conflict as Conflict, a rejection as Invalid.
    Error toError() const;
};

} // namespace casedesk::casework
