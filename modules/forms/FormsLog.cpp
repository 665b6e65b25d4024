#include "forms/FormsLog.h"

namespace casedesk::forms {
Q_LOGGING_CATEGORY(lcForms, "casedesk.forms")
} // namespace casedesk::forms
