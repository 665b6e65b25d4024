// The workflow module's log category ("casedesk.workflow").
#pragma once

#include <QLoggingCategory>

namespace casedesk::workflow {
Q_DECLARE_LOGGING_CATEGORY(lcWorkflow)
} // namespace casedesk::workflow
