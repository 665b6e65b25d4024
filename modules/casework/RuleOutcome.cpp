#include "casework/RuleOutcome.h"

#include <QCoreApplication>
#include <QStringList>

namespace casedesk::casework {

namespace {

constexpr int maxProblemsInMessage = 5;

} // namespace

RuleOutcome RuleOutcome::apply()
{
    return {};
}

RuleOutcome RuleOutcome::conflict(QString code, QString message, QJsonObject serverValues)
{
    return {Kind::Conflict, std::move(code), std::move(message), std::move(serverValues), {}};
}

RuleOutcome RuleOutcome::reject(QString code, QString message)
{
    return {Kind::Rejected, std::move(code), std::move(message), {}, {}};
}

RuleOutcome RuleOutcome::invalidForm(const QList<forms::FormProblem> &problems)
{
    QStringList parts;
    for (const forms::FormProblem &problem : problems.mid(0, maxProblemsInMessage))
        parts.append(QStringLiteral("%1 (%2): %3").arg(problem.path, problem.codeString(), problem.message));
    RuleOutcome outcome =
        reject(QStringLiteral("invalid_form"),
               QCoreApplication::translate("Casework", "The form data is not valid. Correct these fields: %1")
                   .arg(parts.join(QStringLiteral("; "))));
    outcome.problems = problems;
    return outcome;
}

Error RuleOutcome::toError() const
{
    return makeError(kind == Kind::Conflict ? ErrorCode::Conflict : ErrorCode::Invalid, message, code);
}

} // namespace casedesk::casework
