#include "workflow/WorkflowLog.h"

namespace casedesk::workflow {
Q_LOGGING_CATEGORY(lcWorkflow, "casedesk.workflow")
} // namespace casedesk::workflow
