// The permission policy's answer: allowed, or denied with a translated reason. Denials come in two kinds,
// because outside the caller's scope nobody may learn whether a case exists (DESIGN.md, "Access scopes").
#pragma once

#include "core/Result.h"

#include <QString>

namespace casedesk {

struct AccessDecision {
    enum class Outcome {
        Allowed,
        NotVisible, // outside the scope: answered exactly like a case that does not exist (HTTP 404)
        Forbidden,  // the caller sees the case but may not do this (HTTP 403)
    };

    Outcome outcome = Outcome::NotVisible;
    QString reason; // translated, says what to do; empty when allowed

    bool allowed() const { return outcome == Outcome::Allowed; }

    static AccessDecision allow();
    // Also the answer for a case that really does not exist, so both read the same.
    static AccessDecision notVisible();
    static AccessDecision forbidden(QString reason);

    // For a command's result: NotVisible as NotFound, Forbidden as Invalid (a permanent rejection).
    // Only for a denial.
    Error toError() const;

    bool operator==(const AccessDecision &) const = default;
};

} // namespace casedesk
