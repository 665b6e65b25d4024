#include "core/AccessDecision.h"

#include <QCoreApplication>

namespace casedesk {

AccessDecision AccessDecision::allow()
{
    return AccessDecision{Outcome::Allowed, QString()};
}

AccessDecision AccessDecision::notVisible()
{
    return AccessDecision{Outcome::NotVisible,
                          QCoreApplication::translate("Core", "The case was not found. Check the Aktenzeichen, or "
                                                              "ask the responsible team whether you may see it.")};
}

AccessDecision AccessDecision::forbidden(QString reason)
{
    return AccessDecision{Outcome::Forbidden, std::move(reason)};
}

Error AccessDecision::toError() const
{
    switch (outcome) {
    case Outcome::NotVisible:
        return makeError(ErrorCode::NotFound, reason); // no detail: it would tell "hidden" from "missing"
    case Outcome::Forbidden:
        return makeError(ErrorCode::Invalid, reason, QStringLiteral("forbidden"));
    case Outcome::Allowed:
        break;
    }
    return makeError(ErrorCode::Internal, reason, QStringLiteral("toError on an allowed decision"));
}

} // namespace casedesk
