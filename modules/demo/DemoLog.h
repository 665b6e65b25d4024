// The demo module's log category ("casedesk.demo").
#pragma once

#include <QLoggingCategory>

namespace casedesk::demo {
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
} // namespace casedesk::demo
