#include "sync/ApiResponse.h"

namespace casedesk::sync {

bool ApiResponse::isTransient() const
{
    switch (outcome) {
    case Outcome::Success:
        return false;
    case Outcome::NetworkFailure:
        return true;
    case Outcome::InvalidReply:
        // A cut-off or garbled reply (a proxy's error page) may well be fine next time; the limit is applied
        // again then.
        return true;
    case Outcome::HttpError:
        return httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }
    return false;
}

QString ApiResponse::describe() const
{
    switch (outcome) {
    case Outcome::Success:
        return QStringLiteral("HTTP %1").arg(httpStatus);
    case Outcome::HttpError:
        return QStringLiteral("HTTP %1 %2: %3").arg(httpStatus).arg(errorCode, errorMessage);
    case Outcome::NetworkFailure:
        return QStringLiteral("network failure: %1").arg(errorMessage);
    case Outcome::InvalidReply:
        return QStringLiteral("invalid reply (%1): %2").arg(errorCode, errorMessage);
    }
    return {};
}

} // namespace casedesk::sync
